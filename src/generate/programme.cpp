#include "generate/programme.hpp"

#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/text/professions.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/plain_tree.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nastavnik::generate {

namespace {

// «{занятий}» is what the organisation calls its lessons: a school's are уроки.
struct Task {
    std::string_view text;
    std::string_view method;
};
struct Plan {
    std::vector<Task> tasks;  // when the programme records none, each with its method
    std::string_view method;  // of work on a recorded task, or of the general row
    std::string_view visit;   // what the mentee sees of the mentor's work
};

// A mentor of another profession than the mentee's teaches what is in the mentor's competence,
// applied to the mentee's work (reader G of 7.12.2026, 5: a музыкальный руководитель and a
// учитель-логопед given a воспитатель's «планирование и организация образовательной
// деятельности» and «Посещение открытых занятий наставника»). The professions are
// text::profession_of's; `mentees` lists those a row is for, between bars.
struct Across {
    std::string_view mentor;
    std::string_view mentees;
    Plan plan;
};

const std::array<Across, 9> across{{
    {"музыкальный руководитель", "|воспитатель|",
     {{{"освоить организацию музыкальной деятельности воспитанников в группе (совместно с музыкальным руководителем)",
        "консультации, совместное планирование и анализ музыкальной деятельности воспитанников в группе"},
       {"освоить подготовку воспитанников группы к праздникам и развлечениям и их проведение",
        "консультации, совместная подготовка, проведение и анализ праздников и развлечений"}},
      "консультации, совместное планирование и анализ музыкальной деятельности воспитанников в группе",
      "Посещение музыкальных занятий, проводимых наставником с воспитанниками группы, их совместный анализ"}},
    {"учитель-логопед", "|воспитатель|",
     {{{"освоить приёмы развития речи воспитанников в группе (по рекомендациям учителя-логопеда)",
        "консультации, совместное планирование и анализ работы по развитию речи воспитанников группы"},
       {"освоить организацию индивидуальной работы с воспитанниками группы по заданиям учителя-логопеда",
        "консультации, совместный подбор заданий и анализ их выполнения воспитанниками"}},
      "консультации, совместное планирование и анализ работы по развитию речи воспитанников группы",
      "Посещение логопедических занятий, проводимых наставником, совместный анализ речевого развития воспитанников "
      "группы"}},
    {"инструктор по физической культуре", "|воспитатель|",
     {{{"освоить организацию двигательной деятельности воспитанников в группе и на прогулке (совместно с инструктором "
        "по физической культуре)",
        "консультации, совместное планирование и анализ двигательной деятельности воспитанников группы"},
       {"освоить проведение утренней гимнастики и подвижных игр с воспитанниками группы",
        "консультации, совместная подготовка, проведение и анализ утренней гимнастики и подвижных игр"}},
      "консультации, совместное планирование и анализ двигательной деятельности воспитанников группы",
      "Посещение физкультурных занятий, проводимых наставником, совместный анализ двигательной деятельности "
      "воспитанников"}},
    {"музыкальный руководитель", "|инструктор по физической культуре|",
     {{{"освоить музыкальное сопровождение физкультурных занятий и спортивных праздников (совместно с музыкальным "
        "руководителем)",
        "консультации, совместный подбор музыкального сопровождения, подготовка и анализ спортивных праздников"}},
      "консультации, совместный подбор музыкального сопровождения, подготовка и анализ спортивных праздников",
      "Посещение музыкальных занятий и праздников, проводимых наставником, их совместный анализ"}},
    // A воспитатель knows the group a specialist works with: its children, its day, its воспитатели.
    {"воспитатель", "|музыкальный руководитель|учитель-логопед|учитель-дефектолог|инструктор по физической культуре|педагог-психолог|",
     {{{"освоить взаимодействие с воспитателями групп в работе с воспитанниками (совместно с воспитателем)",
        "консультации, совместное планирование работы с воспитанниками группы и её анализ"},
       {"освоить учёт возрастных и индивидуальных особенностей воспитанников и режима дня группы в своей работе",
        "консультации, наблюдение за воспитанниками группы в режимных моментах и его совместный анализ"}},
      "консультации, совместное планирование и анализ работы с воспитанниками группы",
      "Посещение образовательной деятельности и режимных моментов в группе наставника, их совместный анализ"}},
    {"концертмейстер", "|педагог дополнительного образования|",
     {{{"освоить подбор музыкального сопровождения занятий и выступлений обучающихся объединения (совместно с "
        "концертмейстером)",
        "консультации, совместный подбор репертуара и музыкального сопровождения"},
       {"освоить подготовку обучающихся объединения к концертным выступлениям",
        "консультации, совместная подготовка выступлений и анализ репетиций"}},
      "консультации, совместный подбор репертуара и подготовка выступлений",
      "Посещение репетиций и концертных выступлений с участием наставника, совместный анализ музыкального "
      "сопровождения"}},
    {"педагог дополнительного образования", "|концертмейстер|",
     {{{"освоить аккомпанемент на занятиях объединения, которое ведёт наставник",
        "консультации, совместная подготовка партий к занятиям объединения и анализ занятий"},
       {"освоить подбор репертуара в соответствии с дополнительной общеразвивающей программой объединения",
        "консультации, совместный подбор репертуара"}},
      "консультации, совместный подбор репертуара и подготовка партий к занятиям объединения",
      "Аккомпанемент на занятиях наставника, посещение репетиций и выступлений его объединения, совместный анализ"}},
    {"педагог дополнительного образования", "|педагог-организатор|",
     {{{"освоить подготовку выступлений обучающихся объединений на массовых мероприятиях (совместно с педагогом "
        "дополнительного образования)",
        "консультации, совместная подготовка, проведение и анализ мероприятий"},
       {"освоить вовлечение обучающихся объединений в подготовку массовых мероприятий",
        "консультации, совместная подготовка, проведение и анализ мероприятий"}},
      "консультации, совместная подготовка, проведение и анализ мероприятий",
      "Посещение занятий наставника, участие в подготовке выступлений его объединения и их совместный анализ"}},
    {"педагог-организатор", "|педагог дополнительного образования|",
     {{{"освоить подготовку обучающихся объединения к участию в массовых мероприятиях (совместно с "
        "педагогом-организатором)",
        "консультации, совместная подготовка, проведение и анализ мероприятий"}},
      "консультации, совместная подготовка, проведение и анализ мероприятий",
      "Участие в мероприятиях, которые готовит и проводит наставник, и их совместный анализ"}},
}};

// Of another profession, in no row above: nothing of the mentor's work is assumed but that it is
// seen and discussed.
const Plan across_otherwise{{}, "консультации, совместная подготовка и анализ {занятий}",
                            "Посещение занятий и мероприятий, которые проводит наставник, и их совместный анализ"};

// A mentor of the mentee's profession (or one who guides every profession: a методист, a deputy)
// shows the mentee's own work. A концертмейстер gives no open classes: the work is seen at
// rehearsals and concerts (reader G, 9); a mentee who conducts no lessons or занятия (методист,
// педагог-организатор, старший воспитатель, социальный педагог, педагог-психолог, a deputy)
// visits none (reader E, 6), but the events the mentor prepares and holds.
const Plan accompanies{{}, "консультации, совместный подбор репертуара и подготовка партий",
                       "Посещение репетиций и концертных выступлений с участием наставника, совместный анализ "
                       "аккомпанемента"};
const Plan holds_events{{}, "консультации, совместная подготовка и анализ мероприятий",
                        "Участие в мероприятиях, которые готовит и проводит наставник, и их совместный анализ"};
const Plan teaches{{}, "консультации, совместная подготовка и анализ {занятий}",
                   "Посещение открытых {занятий} наставника и других педагогов, взаимопосещение {занятий}"};

// The method fits the task whoever the mentor is (reader E, 5): parents are met at meetings,
// events are held.
struct ByTask {
    std::string_view word;
    std::string_view method;
};
constexpr std::array<ByTask, 2> by_task{{
    {"родител", "консультации, совместная подготовка и проведение родительских собраний и консультаций для родителей"},
    {"мероприяти", "консультации, совместная подготовка, проведение и анализ мероприятий"},
}};

bool conducts_no_lessons(const std::string& position) {
    if (position.starts_with("методист") || position.starts_with("заместитель")) return true;
    for (const char* p : {"педагог-организатор", "старший воспитатель", "социальный педагог", "педагог-психолог"}) {
        if (position == p) return true;
    }
    return false;
}

// The plan of a pair or a group: of another profession when the mentor has one and every mentee
// has another, the same one (a group mixing professions learns the mentor's own work).
const Plan& plan_of(const std::string& mentor, const std::vector<std::string>& positions) {
    std::vector<std::string> professions;
    for (const auto& p : positions) professions.push_back(text::profession_of(p));
    const bool one = !professions.empty() && std::all_of(professions.begin(), professions.end(),
                                                         [&](const auto& p) { return p == professions.front(); });
    const std::string of_mentor = text::profession_of(mentor);
    if (one && !of_mentor.empty() && !professions.front().empty() && professions.front() != of_mentor) {
        for (const auto& row : across) {
            if (row.mentor == of_mentor && row.mentees.find("|" + professions.front() + "|") != std::string_view::npos) {
                return row.plan;
            }
        }
        return across_otherwise;
    }
    if (one && professions.front() == "концертмейстер") return accompanies;
    if (std::all_of(positions.begin(), positions.end(), conducts_no_lessons)) return holds_events;
    return teaches;
}

std::string in_words_of(std::string_view text, bool school) {
    std::string s(text);
    const std::string_view mark = "{занятий}";
    for (std::size_t at = 0; (at = s.find(mark, at)) != std::string::npos;) s.replace(at, mark.size(), school ? "уроков" : "занятий");
    return s;
}

}  // namespace

std::unique_ptr<xmlDoc, data::DocFree> programme_document(const data::DataTree& tree, const std::string& as_of) {
    auto doc = data::copy_document(tree);
    const bool school = tree.organisation_field("type") == "общеобразовательная";
    xpath::Evaluator ev(doc.get(), as_of);
    const auto items = xpath::Expression::compile("/data/pairs/pair | /data/groups/group");
    const auto mentor = xpath::Expression::compile("n:person(mentor)/position");
    const auto mentees = xpath::Expression::compile("id(mentee | mentees/mentee)/position");
    const auto goals = xpath::Expression::compile("programme/goals/goal");
    for (xmlNodePtr item : ev.nodes(items, xmlDocGetRootElement(doc.get()))) {
        std::vector<std::string> positions;
        for (xmlNodePtr p : ev.nodes(mentees, item)) positions.push_back(data::text_of(p));
        const Plan& plan = plan_of(ev.string(mentor, item), positions);
        // The recorded goals, the method by the words of each; else the plan's own tasks.
        std::vector<std::pair<std::string, std::string_view>> tasks;
        for (xmlNodePtr g : ev.nodes(goals, item)) {
            std::string text = data::text_of(g);
            std::string_view method = plan.method;
            for (const auto& [word, m] : by_task) {
                if (text.find(word) != std::string::npos) {
                    method = m;
                    break;
                }
            }
            tasks.emplace_back(std::move(text), method);
        }
        if (tasks.empty()) {
            for (const auto& t : plan.tasks) tasks.emplace_back(std::string(t.text), t.method);
        }
        xmlNodePtr node = rules::add_element(item, "plan");
        for (const auto& [text, method] : tasks) {
            xmlNodePtr task = rules::add_element(node, "task");
            rules::add_element(task, "text", text);
            rules::add_element(task, "method", in_words_of(method, school));
        }
        rules::add_element(node, "method", in_words_of(plan.method, school));
        rules::add_element(node, "visit", in_words_of(plan.visit, school));
    }
    return doc;
}

}  // namespace nastavnik::generate
