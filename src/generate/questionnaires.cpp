#include "generate/questionnaires.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/plain_tree.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::generate {

namespace {

const char* kind_name(data::monitoring::AnswerKind k) {
    switch (k) {
        case data::monitoring::AnswerKind::scale: return "scale";
        case data::monitoring::AnswerKind::percent: return "percent";
        case data::monitoring::AnswerKind::count: return "count";
        case data::monitoring::AnswerKind::yes_no: return "yes_no";
    }
    return "scale";
}

// A form is filled at the programme's start, in its course (the first stage of monitoring) or at
// its end (its heading has the three boxes). What was done, reached or counted «за время
// программы» has no answer at the start: such a question says when it is answered (issue 13).
// The state of the participant — satisfaction, motivation, adaptation, plans — is asked each time,
// and the answers are compared.
bool at_end_only(std::string_view indicator) {
    for (const char* id : {"programme_results", "risks", "joint_projects", "mentee_results", "mentor_results",
                           "professional_activity", "olympiad_participation", "publications", "conflicts"}) {
        if (indicator == id) return true;
    }
    return false;
}

void replace_all(std::string& text, std::string_view what, std::string_view with) {
    for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos; at += with.size()) text.replace(at, what.size(), with);
}

// The mentee as the form's reader knows them. A mentor of a group answers of all his mentees:
// «наставляемых», «с наставляемыми» (reader of 7.12.2026: «Оцените профессиональный рост
// наставляемого» for a group of three). A mentor or a curator answers of a woman in a pair, and a
// woman answers of herself: «наставляемой», «с наставляемой», «в качестве наставляемой» (reader C,
// 7: «Оцените профессиональный рост наставляемого» under «Наставляемая: Чернова Е.М.»).
// Whole words only: «наставляемыми» is not «наставляемым» with «и» after it.
std::string of_the_mentees(std::string text, bool many) {
    auto word = [&](std::string_view what, std::string_view with) {
        for (std::size_t at = 0; (at = text.find(what, at)) != std::string::npos;) {
            const std::size_t end = at + what.size();
            // A Cyrillic letter goes on in UTF-8 with a lead byte 0xD0 or 0xD1.
            if (end < text.size() && (text[end] == '\xD0' || text[end] == '\xD1')) {
                at = end;
                continue;
            }
            text.replace(at, what.size(), with);
            at += with.size();
        }
    };
    word("наставляемого", many ? "наставляемых" : "наставляемой");
    word("наставляемым", many ? "наставляемыми" : "наставляемой");
    return text;
}

}  // namespace

std::unique_ptr<xmlDoc, data::DocFree> questionnaire_document(const data::DataTree& tree, const std::string& as_of,
                                                             const std::vector<std::string>* planned) {
    auto doc = data::copy_document(tree);
    xmlNodePtr forms = rules::add_element(xmlDocGetRootElement(doc.get()), "questionnaire_forms");
    const bool kindergarten = tree.organisation_field("type") == "дошкольная";
    const bool additional = tree.organisation_field("type") == "дополнительного образования";
    for (const auto& f : data::monitoring::forms()) {
      // The mentor's and the curator's forms also as they are answered of a group (ids «наставник-группа»,
      // «куратор-группа») and of a woman in a pair («наставник-ж», «куратор-ж»); the mentee's form
      // also as a woman answers it («наставляемый-ж»: «в качестве наставляемой», reader of 7.12.2026).
      const bool mentee = std::string_view(f.id) == "наставляемый";
      for (const char* variant : {"", "-группа", "-ж"}) {
        const bool many = variant == std::string_view("-группа");
        const bool woman = variant == std::string_view("-ж");
        if (many && mentee) continue;
        xmlNodePtr form = rules::add_element(forms, "form");
        const std::string id = std::string(f.id) + variant;
        xmlNewProp(form, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>(id.c_str()));
        rules::add_element(form, "title", f.title);
        int n = 0;
        for (const auto& q : f.questions) {
            // The pupils' contests only where the acts in force make them an indicator.
            if (std::string_view(q.indicator) == "olympiad_participation" && planned != nullptr &&
                std::find(planned->begin(), planned->end(), q.indicator) == planned->end()) {
                continue;
            }
            xmlNodePtr question = rules::add_element(form, "question");
            rules::add_element(question, "n", std::to_string(++n));
            std::string text = q.text;
            if (at_end_only(q.indicator)) {
                // «… за время программы (заполняется по окончании программы).»: the note inside the
                // sentence a statement ends with, after the question mark of a question. What the
                // first stage of monitoring assesses is asked in its course too: the справка orders
                // it assessed then (reader E, 1: «заполняется по окончании» on the risks).
                const auto* indicator = data::monitoring::find_indicator(q.indicator);
                const bool stage1 = indicator != nullptr && indicator->stage == 1;
                const bool statement = text.ends_with('.');
                if (statement) text.pop_back();
                text += std::string(stage1 ? " (заполняется в ходе реализации и по окончании программы)"
                                           : " (заполняется по окончании программы)") +
                        (statement ? "." : "");
            }
            // A kindergarten has воспитанники, a school обучающиеся: the form speaks of the one the
            // organisation has (reader of 7.12.2026: «обучающимися (воспитанниками)» in a kindergarten).
            replace_all(text, "обучающимися (воспитанниками)", kindergarten ? "воспитанниками" : "обучающимися");
            // The contests of the indicator's title for the type («Воспитанники — участники конкурсов»,
            // «Обучающиеся — участники конкурсов и соревнований»; a school's: олимпиады).
            if (std::string_view(q.indicator) == "olympiad_participation") {
                if (kindergarten) replace_all(text, "Ваших обучающихся приняли участие в олимпиадах, конкурсах, соревнованиях",
                                              "Ваших воспитанников приняли участие в конкурсах");
                if (additional) replace_all(text, "Ваших обучающихся приняли участие в олимпиадах, конкурсах, соревнованиях",
                                            "обучающихся, с которыми Вы работаете, приняли участие в конкурсах, фестивалях, "
                                            "соревнованиях");  // a концертмейстер leads no объединение (reader H, L4)
            }
            rules::add_element(question, "text", many || woman ? of_the_mentees(text, many) : text);
            rules::add_element(question, "kind", kind_name(q.kind));
        }
      }
    }
    xpath::Evaluator ev(tree.doc(), as_of);
    const auto year = xpath::Expression::compile(std::string("/data/pairs/pair") + programme_of_the_year + " | /data/groups/group" +
                                                 programme_of_the_year);
    for (xmlNodePtr p : ev.nodes(year, tree.root())) {
        xmlChar* id = xmlGetNoNsProp(p, reinterpret_cast<const xmlChar*>("id"));
        xmlNodePtr n = rules::add_element(forms, "programme");
        xmlNewProp(n, reinterpret_cast<const xmlChar*>("ref"), id);
        xmlFree(id);
    }
    return doc;
}

}  // namespace nastavnik::generate
