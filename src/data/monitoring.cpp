#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/text/plural.hpp"

#include "nastavnik/data/xml_text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace nastavnik::data::monitoring {

namespace {

// The indicators of Барнаул № 127 разд. 5 and Бийск № 701 разд. 5 (the two stages), and the
// results Бурятия № 1552 разд. IV evaluates. Titles as a report names them.
const std::vector<Indicator> catalogue = {
    {"programme_results", 1, Unit::percent,
     "Результативность реализации персонализированной программы (доля выполненных мероприятий)", nullptr, nullptr},
    {"risks", 1, Unit::count, "Выявленные риски реализации программы", nullptr, nullptr},
    {"joint_projects", 1, Unit::count, "Образовательные и культурные проекты, реализованные совместно с наставляемым",
     nullptr, nullptr},
    // The acts' words (Бийск № 701 разд. 5 п. 1; Барнаул № 127 п. 5.1: «ВПР и ОГЭ», the procedures
    // named by the ruleset's monitoring_exams: title_of with `exams`); «динамику успеваемости
    // обучающихся» measured as the share of pupils who pass (успевающих), compared by year.
    {"exam_pass_share", 1, Unit::percent, "Процент обучающихся наставляемого, успешно прошедших ВПР, ОГЭ, ЕГЭ", nullptr, nullptr},
    {"pupils_progress", 1, Unit::percent, "Динамика успеваемости обучающихся наставляемого (доля успевающих)",
     "Доля воспитанников с положительной динамикой развития",
     "Доля обучающихся, освоивших дополнительную общеобразовательную программу"},
    {"olympiad_participation", 1, Unit::count, "Обучающиеся наставляемого — участники олимпиад",
     "Воспитанники — участники конкурсов", "Обучающиеся — участники конкурсов и соревнований"},
    {"professional_activity", 1, Unit::count,
     "Социально-профессиональная активность наставляемого (открытые занятия, выступления, конкурсы)", nullptr, nullptr},
    {"mentee_results", 2, Unit::score, "Профессиональные результаты наставляемого", nullptr, nullptr},
    {"mentor_results", 2, Unit::score, "Профессиональные результаты наставника", nullptr, nullptr},
    {"motivation", 2, Unit::score,
     "Мотивированность и осознанность наставляемого в вопросах саморазвития и профессионального самообразования", nullptr,
     nullptr},
    {"innovation", 2, Unit::score, "Включённость наставляемого в инновационную деятельность организации", nullptr, nullptr},
    {"adaptation", 2, Unit::score, "Качество и темпы адаптации наставляемого на новом месте работы", nullptr, nullptr},
    {"future_mentors", 2, Unit::count, "Педагоги, планирующие стать наставниками", nullptr, nullptr},
    {"future_mentees", 2, Unit::count, "Педагоги, планирующие стать наставляемыми", nullptr, nullptr},
    {"satisfaction", 2, Unit::score, "Удовлетворённость собственной работой", nullptr, nullptr},
    {"retention", 2, Unit::count, "Педагоги, желающие продолжать работу в организации", nullptr, nullptr},
    {"conflicts", 2, Unit::count, "Конфликты с педагогическим и родительским сообществами", nullptr, nullptr},
    {"publications", 2, Unit::count,
     "Собственные профессиональные работы наставляемого (статьи, исследования, методические разработки)", nullptr, nullptr},
};

const std::vector<Form> questionnaires = {
    {"наставляемый", "Анкета наставляемого",
     {{"satisfaction", AnswerKind::scale, "Насколько Вы удовлетворены своей работой в организации?"},
      {"motivation", AnswerKind::scale, "Насколько Вы стремитесь к профессиональному саморазвитию и самообразованию?"},
      {"innovation", AnswerKind::scale,
       "Насколько Вы включены в инновационную (проектную, экспериментальную) деятельность организации?"},
      {"adaptation", AnswerKind::scale, "Насколько успешно Вы освоились на рабочем месте и в коллективе?"},
      {"mentee_results", AnswerKind::scale,
       "Насколько программа наставничества помогла Вам преодолеть профессиональные затруднения?"},
      {"professional_activity", AnswerKind::count,
       "Сколько открытых занятий, выступлений, конкурсов с Вашим участием было за время программы?"},
      // Worded by type of organisation where it is asked (generate's questionnaire_document; reader G,
      // 6: the справка ordered it assessed and no form asked it).
      {"olympiad_participation", AnswerKind::count,
       "Сколько Ваших обучающихся приняли участие в олимпиадах, конкурсах, соревнованиях за время программы?"},
      {"publications", AnswerKind::count,
       "Сколько у Вас собственных профессиональных работ (статей, методических разработок) за время программы?"},
      {"retention", AnswerKind::yes_no, "Планируете ли Вы продолжать работу в организации?"},
      {"future_mentors", AnswerKind::yes_no, "Хотели бы Вы в будущем стать наставником?"},
      {"future_mentees", AnswerKind::yes_no, "Хотели бы Вы продолжить участие в наставничестве в качестве наставляемого?"}}},
    {"наставник", "Анкета наставника",
     {{"programme_results", AnswerKind::percent,
       "Какая доля мероприятий персонализированной программы выполнена (в процентах)?"},
      {"risks", AnswerKind::count, "Сколько рисков (затруднений) в реализации программы выявлено?"},
      {"joint_projects", AnswerKind::count, "Сколько образовательных и культурных проектов реализовано совместно с наставляемым?"},
      {"mentee_results", AnswerKind::scale, "Оцените профессиональный рост наставляемого за время программы."},
      {"mentor_results", AnswerKind::scale, "Насколько участие в наставничестве повысило Ваш профессиональный уровень?"},
      {"adaptation", AnswerKind::scale, "Оцените качество и темпы адаптации наставляемого."},
      {"innovation", AnswerKind::scale, "Оцените включённость наставляемого в инновационную деятельность организации."},
      {"conflicts", AnswerKind::count,
       "Сколько конфликтов наставляемого с коллегами, обучающимися (воспитанниками) и их родителями (законными "
       "представителями) было за время программы?"}}},
    {"куратор", "Анкета куратора",
     {{"programme_results", AnswerKind::percent,
       "Какая доля мероприятий персонализированной программы выполнена (в процентах)?"},
      {"risks", AnswerKind::count, "Сколько рисков реализации программы выявлено?"},
      {"mentee_results", AnswerKind::scale, "Оцените профессиональные результаты наставляемого."},
      {"mentor_results", AnswerKind::scale, "Оцените профессиональные результаты наставника."},
      {"adaptation", AnswerKind::scale, "Оцените качество и темпы адаптации наставляемого."},
      {"innovation", AnswerKind::scale, "Оцените включённость наставляемого в инновационную деятельность организации."}}},
};

Type scalar(Type::Kind kind) {
    Type t;
    t.kind = kind;
    return t;
}
Type object(std::vector<Field> fields) {
    Type t = scalar(Type::Kind::object);
    t.fields = std::move(fields);
    return t;
}
Type array(Type item, std::string item_name) {
    Type t = scalar(Type::Kind::array);
    t.item = std::make_shared<const Type>(std::move(item));
    t.item_name = std::move(item_name);
    return t;
}
Type one_of(std::vector<std::string> values) {
    Type t = scalar(Type::Kind::enumeration);
    t.values = std::move(values);
    return t;
}
Type ref(std::string collection) {
    Type t = scalar(Type::Kind::ref);
    t.ref_collection = std::move(collection);
    return t;
}
Field req(std::string key, Type t, std::string d) { return Field{std::move(key), true, std::move(t), std::move(d)}; }
Field opt(std::string key, Type t, std::string d) { return Field{std::move(key), false, std::move(t), std::move(d)}; }

using data::text_of;
std::string id_of(const xmlNode* n) { return data::attribute_of(n, "id"); }

std::vector<const xmlNode*> years_of(const DataTree& tree) {
    return children(child(tree.root(), "reporting_years"), "reporting_year");
}

// The pair or group with that id (its programme's participants).
const xmlNode* programme_node(const DataTree& tree, const std::string& id) {
    for (const char* list : {"pairs", "groups"}) {
        for (const xmlNode* p : children(child(tree.root(), list), list[0] == 'p' ? "pair" : "group")) {
            if (id_of(p) == id) return p;
        }
    }
    return nullptr;
}

bool whole(double v) { return std::floor(v) == v; }

// The point a value is counted at: «начало» measured weeks after the start is an interim value.
std::string point_of(const DataTree& tree, const std::string& programme, const std::string& point, const Date& date) {
    return point == "начало" && late_start_value(tree, programme, date) ? std::string() : point;
}

// What an answer of the kind may be, or "" if `text` fits.
std::string answer_problem(AnswerKind kind, const std::string& text) {
    const bool yes_no = text == "да" || text == "нет";
    if (kind == AnswerKind::yes_no) return yes_no ? "" : "ожидается ответ «да» или «нет»";
    if (yes_no) return "ожидается число";
    const double v = std::stod(text);
    switch (kind) {
        case AnswerKind::scale: return v >= 1 && v <= 5 && whole(v) ? "" : "ожидается балл от 1 до 5";
        case AnswerKind::percent: return v <= 100 ? "" : "ожидается процент от 0 до 100";
        case AnswerKind::count: return whole(v) ? "" : "ожидается целое число";
        case AnswerKind::yes_no: break;
    }
    return {};
}

struct Collected {
    std::vector<Value> values;
    std::size_t answers = 0;
};

Measured measured_of(const Indicator* indicator, const Collected& c) {
    Measured m;
    m.indicator = indicator;
    m.values = c.values.size() + c.answers;
    auto later = [](std::optional<Value>& slot, const Value& v) {
        if (!slot || slot->date <= v.date) slot = v;
    };
    std::optional<Value> final_, latest;
    for (const auto& v : c.values) {
        if (v.point == "начало") later(m.start, v);
        else if (v.point == "окончание") later(final_, v);
        else later(latest, v);
    }
    // The value at the end of the programme; without one, the latest measured in its course.
    m.end = final_ ? final_ : latest;
    return m;
}

}  // namespace

bool late_start_value(const DataTree& tree, const std::string& programme, const Date& date) {
    const xmlNode* p = programme.empty() ? nullptr : programme_node(tree, programme);
    const auto start = p != nullptr ? Date::parse_iso(text_of(child(child(p, "programme"), "start"))) : std::nullopt;
    return start && start->add_days(start_value_days) < date;
}

const std::vector<Indicator>& indicators() { return catalogue; }

const Indicator* find_indicator(std::string_view id) {
    for (const auto& i : catalogue) {
        if (id == i.id) return &i;
    }
    return nullptr;
}

std::string title_of(const Indicator& i, std::string_view type) {
    if (type == "дошкольная" && i.title_kindergarten != nullptr) return i.title_kindergarten;
    if (type == "дополнительного образования" && i.title_additional != nullptr) return i.title_additional;
    return i.title;
}

std::string title_of(const Indicator& i, std::string_view type, const std::vector<std::string>& exams) {
    std::string t = title_of(i, type);
    if (std::string_view(i.id) != "exam_pass_share" || exams.empty()) return t;
    return t.substr(0, t.find("ВПР")) + text::enumeration(exams);
}

std::string unit_text(Unit u, double value) {
    switch (u) {
        case Unit::percent: return "%";
        case Unit::count: return "";
        case Unit::score: {
            if (!whole(value)) return "балла";  // «4,2 балла»
            const long n = static_cast<long>(value);
            if (n % 10 == 1 && n % 100 != 11) return "балл";
            if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)) return "балла";
            return "баллов";
        }
    }
    return {};
}

const std::vector<Form>& forms() { return questionnaires; }

std::string source_of(const Indicator& i, std::string_view type) {
    // The forms that ask it: «анкета наставляемого», «анкеты наставника и куратора».
    std::vector<std::string> asked;
    for (const auto& f : questionnaires) {
        for (const auto& q : f.questions) {
            if (std::string_view(q.indicator) == i.id) {
                asked.emplace_back(f.id);
                break;
            }
        }
    }
    if (!asked.empty()) {
        std::string out = asked.size() == 1 ? "анкета " : "анкеты ";
        for (std::size_t k = 0; k < asked.size(); ++k) {
            out += (k == 0 ? "" : k + 1 == asked.size() ? " и " : ", ") + (asked[k] == "наставляемый" ? std::string("наставляемого")
                                                                             : asked[k] == "наставник" ? "наставника"
                                                                                                       : "куратора");
        }
        return out;
    }
    // What no questionnaire asks comes from the organisation's own records.
    const std::string_view id = i.id;
    if (id == "exam_pass_share") return "протоколы результатов оценочных процедур";
    if (id == "pupils_progress") {
        return type == "дошкольная"                        ? "результаты педагогической диагностики"
               : type == "дополнительного образования" ? "журналы учёта работы объединений"
                                                         : "электронный журнал успеваемости";
    }
    return {};
}

const Form* find_form(std::string_view id) {
    for (const auto& f : questionnaires) {
        if (id == f.id) return &f;
    }
    return nullptr;
}

std::vector<Field> monitoring_fields() {
    std::vector<std::string> ids;
    for (const auto& i : catalogue) ids.emplace_back(i.id);
    Type number = scalar(Type::Kind::number);
    Type date = scalar(Type::Kind::date);
    Type text = scalar(Type::Kind::string);
    Type point = one_of({"начало", "окончание"});
    Type measurement = object({
        opt("programme", ref("programmes"),
            "пара или группа, к персонализированной программе которой относится значение; без неё — значение по "
            "организации в целом"),
        req("indicator", one_of(ids), "показатель мониторинга"),
        req("value", number, "значение: процент, балл от 1 до 5 или количество"),
        opt("point", point, "момент измерения: начало или окончание программы; без него — в ходе программы"),
        req("date", date, "дата измерения (по ней значение относится к учебному году)"),
        req("source", text, "источник значения: документ, протокол, отчёт, процедура"),
    });
    // One field per indicator some questionnaire asks about; which of them a form may answer
    // is checked by validate().
    std::vector<Field> answer_fields;
    for (const auto& i : catalogue) {
        const bool asked = std::any_of(questionnaires.begin(), questionnaires.end(), [&](const Form& f) {
            return std::any_of(f.questions.begin(), f.questions.end(), [&](const Question& q) { return i.id == std::string_view(q.indicator); });
        });
        if (asked) answer_fields.push_back(opt(i.id, scalar(Type::Kind::answer), i.title));
    }
    Type questionnaire = object({
        req("form", one_of({"наставник", "наставляемый", "куратор"}), "чья анкета"),
        req("respondent", ref("staff"), "кто заполнил анкету"),
        req("programme", ref("programmes"), "пара или группа, о программе которой анкета"),
        req("date", date, "дата анкетирования (по ней анкета относится к учебному году)"),
        opt("point", point, "начало или окончание программы; без него — в ходе программы"),
        req("answers", object(std::move(answer_fields)), "ответы: показатель → балл, процент, число или «да»/«нет»"),
    });
    Type year = object({
        req("year", scalar(Type::Kind::academic_year), "учебный год, например «2025/2026»"),
        opt("staff", number, "педагогических работников"),
        opt("mentors", number, "наставников"),
        opt("mentees", number, "наставляемых"),
        opt("pairs", number, "наставнических пар"),
        opt("groups", number, "наставнических групп"),
        opt("young", number, "молодых специалистов (педагогический стаж менее 3 лет)"),
        opt("young_covered", number, "из них закреплённых за наставниками"),
    });
    return {
        Field{"reporting_years", false, array(year, "reporting_year"), "итоги учебных лет, записанные по их окончании", 2},
        Field{"monitoring", false, array(measurement, "measurement"), "значения показателей мониторинга", 2},
        Field{"questionnaires", false, array(questionnaire, "questionnaire"), "заполненные анкеты участников наставничества", 2},
    };
}

bool flatten_nested_years(input::JsonValue& root) {
    using Kind = input::JsonValue::Kind;
    const input::JsonValue* years = root.find("reporting_years");
    if (years == nullptr || years->kind != Kind::array) return false;
    // Collected first: adding a list to the root moves the years' array.
    std::map<std::string, std::vector<input::JsonMember>> lists;  // key → each year's nested array
    bool moved = false;
    for (auto& year : root.find("reporting_years")->items) {
        if (year.kind != Kind::object) continue;
        std::vector<input::JsonMember> kept;
        for (auto& m : year.members) {
            if (m.key == "summary" && m.value.kind == Kind::object) {
                for (auto& s : m.value.members) kept.push_back(std::move(s));
            } else if ((m.key == "monitoring" || m.key == "questionnaires") && m.value.kind == Kind::array) {
                lists[m.key].push_back(std::move(m));
            } else {
                kept.push_back(std::move(m));
                continue;
            }
            moved = true;
        }
        year.members = std::move(kept);
    }
    for (auto& [key, nested] : lists) {
        input::JsonValue* list = root.find(key);
        if (list == nullptr) {
            input::JsonValue empty;
            empty.kind = Kind::array;
            empty.position = nested.front().value.position;
            root.members.push_back({key, nested.front().key_position, std::move(empty)});
            list = &root.members.back().value;
        }
        if (list->kind != Kind::array) continue;  // the schema names the mismatch of the file's own list
        for (auto& m : nested) {
            for (auto& item : m.value.items) list->items.push_back(std::move(item));
        }
    }
    return moved;
}

void validate(const DataTree& tree, DiagnosticSink& problems) {
    std::set<std::string> years;
    for (const xmlNode* y : years_of(tree)) {
        const std::string year = text_of(child(y, "year"));
        if (!years.insert(year).second) {
            problems.add(tree.location(child(y, "year")), "учебный год «" + year + "» указан дважды");
        }
    }
    for (const xmlNode* m : children(child(tree.root(), "monitoring"), "measurement")) {
        const Indicator* i = find_indicator(text_of(child(m, "indicator")));
        const xmlNode* value = child(m, "value");
        const double v = std::stod(text_of(value));
        if (i == nullptr) continue;
        const std::string problem = i->unit == Unit::percent ? (v <= 100 ? "" : "ожидается процент от 0 до 100")
                                    : i->unit == Unit::score ? (v >= 1 && v <= 5 ? "" : "ожидается балл от 1 до 5")
                                                             : (whole(v) ? "" : "ожидается целое число");
        if (!problem.empty()) problems.add(tree.location(value), problem + ", получено " + text_of(value));
    }
    for (const xmlNode* q : children(child(tree.root(), "questionnaires"), "questionnaire")) {
        const Form* form = find_form(text_of(child(q, "form")));
        if (form == nullptr) continue;
        for (const xmlNode* a = child(q, "answers") != nullptr ? child(q, "answers")->children : nullptr; a != nullptr; a = a->next) {
            if (a->type != XML_ELEMENT_NODE) continue;
            const std::string key = reinterpret_cast<const char*>(a->name);
            const auto question = std::find_if(form->questions.begin(), form->questions.end(),
                                               [&](const Question& qq) { return key == qq.indicator; });
            if (question == form->questions.end()) {
                std::string asked;
                for (const auto& qq : form->questions) asked += (asked.empty() ? "" : ", ") + std::string(qq.indicator);
                problems.add(tree.location(a), "в анкете «" + std::string(form->id) + "» нет вопроса «" + key +
                                                   "»; её вопросы: " + asked);
                continue;
            }
            if (const std::string p = answer_problem(question->kind, text_of(a)); !p.empty()) {
                problems.add(tree.location(a), p + ", получено «" + text_of(a) + "»");
            }
        }
        // The mentor's and the mentee's questionnaires are filled by the programme's own participants.
        const std::string who = text_of(child(q, "respondent"));
        const xmlNode* programme = programme_node(tree, text_of(child(q, "programme")));
        if (programme == nullptr) continue;
        bool fits = true;
        if (form->id == std::string_view("наставник")) fits = text_of(child(programme, "mentor")) == who;
        if (form->id == std::string_view("наставляемый")) {
            fits = text_of(child(programme, "mentee")) == who;
            for (const xmlNode* m : children(child(programme, "mentees"), "mentee")) fits = fits || text_of(m) == who;
        }
        if (!fits) {
            problems.add(tree.location(child(q, "respondent")),
                         "«" + who + "» — не " + (form->id == std::string_view("наставник") ? "наставник" : "наставляемый") +
                             " пары (группы) «" + id_of(programme) + "», о программе которой анкета");
        }
    }
}

std::optional<Date> year_start(std::string_view year) {
    if (year.size() != 9 || year[4] != '/') return std::nullopt;
    return Date::parse_iso(std::string(year.substr(0, 4)) + "-09-01");
}

std::string year_of(const Date& d) {
    const int first = d.month() >= 9 ? d.year() : d.year() - 1;
    return std::to_string(first) + "/" + std::to_string(first + 1);
}

std::string previous_year(std::string_view year) {
    const auto start = year_start(year);
    if (!start) return {};
    return std::to_string(start->year() - 1) + "/" + std::to_string(start->year());
}

std::vector<std::string> recorded_years(const DataTree& tree) {
    std::set<std::string> out;
    for (const xmlNode* y : years_of(tree)) out.insert(text_of(child(y, "year")));
    for (const char* list : {"monitoring", "questionnaires"}) {
        const xmlNode* l = child(tree.root(), list);
        for (const xmlNode* c = l != nullptr ? l->children : nullptr; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (const auto d = Date::parse_iso(text_of(child(c, "date")))) out.insert(year_of(*d));
        }
    }
    return {out.begin(), out.end()};
}

YearResults results(const DataTree& tree, const std::string& year) {
    YearResults r;
    r.year = year;
    for (const xmlNode* y : years_of(tree)) {
        if (text_of(child(y, "year")) == year) r.summary = y;
    }
    // A value or a questionnaire belongs to the academic year of its date.
    auto in_year = [&](const xmlNode* n) {
        const auto d = Date::parse_iso(text_of(child(n, "date")));
        return d && year_of(*d) == year;
    };
    // programme id ("" = the organisation) → indicator → values
    std::map<std::string, std::map<std::string, Collected>> by;
    for (const xmlNode* m : children(child(tree.root(), "monitoring"), "measurement")) {
        if (!in_year(m)) continue;
        Value v;
        v.value = std::stod(text_of(child(m, "value")));
        v.date = *Date::parse_iso(text_of(child(m, "date")));
        v.point = point_of(tree, text_of(child(m, "programme")), text_of(child(m, "point")), v.date);
        v.source = text_of(child(m, "source"));
        by[text_of(child(m, "programme"))][text_of(child(m, "indicator"))].values.push_back(std::move(v));
    }
    // Answers of one questionnaire round (programme, date, point) become one value per indicator.
    struct Round {
        double sum = 0;
        std::size_t n = 0;
        std::set<std::string> forms;
    };
    std::map<std::tuple<std::string, std::string, std::string, std::string>, Round> rounds;  // programme, indicator, date, point
    for (const xmlNode* q : children(child(tree.root(), "questionnaires"), "questionnaire")) {
        if (!in_year(q)) continue;
        const Form* form = find_form(text_of(child(q, "form")));
        for (const xmlNode* a = child(q, "answers") != nullptr ? child(q, "answers")->children : nullptr; a != nullptr; a = a->next) {
            if (a->type != XML_ELEMENT_NODE || form == nullptr) continue;
            const std::string answer = text_of(a);
            Round& round = rounds[{text_of(child(q, "programme")), reinterpret_cast<const char*>(a->name), text_of(child(q, "date")),
                                   text_of(child(q, "point"))}];
            round.sum += answer == "да" ? 1 : answer == "нет" ? 0 : std::stod(answer);
            ++round.n;
            round.forms.insert(form->id);
        }
    }
    for (const auto& [key, round] : rounds) {
        const auto& [programme, indicator, date, point] = key;
        const Indicator* i = find_indicator(indicator);
        if (i == nullptr || round.n == 0) continue;
        Value v;
        v.value = i->unit == Unit::count ? round.sum : round.sum / static_cast<double>(round.n);
        v.date = *Date::parse_iso(date);
        v.point = point_of(tree, programme, point, v.date);
        std::string who;
        for (const char* f : {"наставляемый", "наставник", "куратор"}) {
            if (round.forms.count(f) == 0) continue;
            const std::string plural = std::string(f) == "наставляемый" ? "наставляемых"
                                       : std::string(f) == "наставник" ? "наставников"
                                                                       : "куратора";
            who += (who.empty() ? "" : ", ") + plural;
        }
        v.source = "анкетирование " + who;
        auto& c = by[programme][indicator];
        c.values.push_back(std::move(v));
        c.answers += round.n - 1;  // the value itself is counted once among values
    }
    auto measured_list = [&](const std::map<std::string, Collected>& per) {
        std::vector<Measured> out;
        for (const auto& i : catalogue) {
            const auto it = per.find(i.id);
            if (it != per.end()) out.push_back(measured_of(&i, it->second));
        }
        return out;
    };
    for (const char* list : {"pairs", "groups"}) {
        for (const xmlNode* p : children(child(tree.root(), list), list[0] == 'p' ? "pair" : "group")) {
            const auto it = by.find(id_of(p));
            if (it == by.end()) continue;
            r.programmes.push_back(ProgrammeResults{const_cast<xmlNodePtr>(p), measured_list(it->second)});
        }
    }
    if (const auto it = by.find(""); it != by.end()) r.organisation = measured_list(it->second);
    r.recorded = r.summary != nullptr || !by.empty();
    return r;
}

}  // namespace nastavnik::data::monitoring
