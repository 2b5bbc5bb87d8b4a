#include "generate/analytical_report.hpp"

#include "generate/charts.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/text/declension.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/number_words.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/rules/report.hpp"
#include "rules/ended_programmes.hpp"
#include "rules/plain_tree.hpp"
#include "rules/subjects.hpp"

#include <libxml/valid.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace nastavnik::generate {

namespace {

namespace mon = data::monitoring;
using rules::add_element;

void set_attr(xmlNodePtr n, const char* name, const std::string& value) {
    xmlNewProp(n, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(value.c_str()));
}


using data::child;
using data::text_of;
std::string id_of(const xmlNode* n) { return data::attribute_of(n, "id"); }

// "a|b|c" → {a, b, c}; "" → {}.
std::vector<std::string> list_of(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t from = 0; !s.empty();) {
        const auto bar = s.find('|', from);
        out.push_back(s.substr(from, bar == std::string::npos ? std::string::npos : bar - from));
        if (bar == std::string::npos) break;
        from = bar + 1;
    }
    return out;
}

// What a count counts: «1 риск», «3 проекта», «2 чел.» — a number without its noun said nothing
// (reader of 7.12.2026: «1; 1 из 4 программ»).
std::string counted(const std::string& indicator, double v) {
    struct Noun {
        const char *id, *one, *few, *many;
    };
    static const Noun nouns[] = {{"risks", "риск", "риска", "рисков"},
                                 {"joint_projects", "проект", "проекта", "проектов"},
                                 {"professional_activity", "мероприятие", "мероприятия", "мероприятий"},
                                 {"conflicts", "конфликт", "конфликта", "конфликтов"}};
    const double rounded = std::round(v);
    for (const auto& n : nouns) {
        if (indicator != n.id) continue;
        if (rounded != v) return text::decimal(v, 1) + "\u00A0" + n.few;  // «2,5 проекта»
        return text::with_noun(static_cast<long>(rounded), n.one, n.few, n.many);
    }
    return text::decimal(v, 1) + "\u00A0чел.";  // the other counts are of people
}

std::string value_text(mon::Unit unit, double v, const std::string& indicator = {}) {
    // Rounded half up to tenths, as the справка states (4,25 → 4,3; reader of 7.12.2026 B10: «4,2»).
    v = std::floor(v * 10 + 0.5 + 1e-9) / 10;
    switch (unit) {
        case mon::Unit::percent: return text::decimal(v, 1) + "\u00A0%";
        case mon::Unit::score: return text::decimal(v, 1) + "\u00A0" + mon::unit_text(unit, v);
        case mon::Unit::count: return counted(indicator, v);
    }
    return {};
}

std::string with_date(const mon::Indicator& i, const mon::Value& v) {
    return value_text(i.unit, v.value, i.id) + " (" + text::date_numeric(v.date) + ")";
}

// «3 из 4 программ»: how many of the year's programmes have a value.
std::string of_programmes(std::size_t k, std::size_t n) {
    const long m = static_cast<long>(n);
    const bool one = m % 10 == 1 && m % 100 != 11;
    return std::to_string(k) + " из " + std::to_string(n) + (one ? " программы" : " программ");
}

struct Aggregate {
    std::size_t programmes = 0;  // with a value
    bool organisation = false;   // a value for the organisation as a whole
    std::vector<double> starts, ends;
    // The dates of the programmes' latest values measured in their course; `settled`: some value
    // is at the programme's end or of the organisation as a whole (reader E, 3: «на начало —
    // 17,8 %» for a share of completed activities of 15.10.2026 is an interim value).
    std::set<Date> interim;
    bool settled = false;
    std::set<std::string> sources;
    [[nodiscard]] bool any() const { return programmes > 0 || organisation; }
};

// A requirement of the organisation as a whole that a roadmap be in force (FED-ACT-03 and any
// ruleset's like it): not one on a recorded roadmap's approval, which names that roadmap.
bool lacks_roadmap(const rules::Rule& rule) {
    if (rule.context.text() != "/data") return false;
    const auto e = rule.expressions();
    return std::any_of(e.begin(), e.end(), [](const auto& x) { return x.second.find("'дорожная карта'") != std::string::npos; });
}

// The date by which the package's roadmap puts a finding right, when it plans that (reader D, M4,
// M5): the list of mentees (FED-MNL-01 and any rule on its date: rules::concerns_mentee_list) by the
// roadmap's row, a curator from among the deputies (FED-CUR-01/02 and their like) by the
// preparatory rows. The справка asks it by the same date, not a month on.
std::optional<Date> planned_by(const rules::Finding& f, const RoadmapDates& roadmap) {
    if (f.rule != nullptr && rules::concerns_mentee_list(*f.rule)) return roadmap.mentee_list;
    if (f.remedy.find("куратор") != std::string::npos && f.remedy.find("заместител") != std::string::npos) {
        return roadmap.preparation;
    }
    return std::nullopt;
}

// A row of the roadmap as drawn: its number and who answers for it («Куратор Н.И. Полякова»), found
// by the words its event begins with. The roadmap's cells are one paragraph each, so its text
// (docx::document_text) holds a row as six lines: №, stage, event, deadline, responsible, result.
struct RoadmapRow {
    std::string number, event, responsible;
};

// `within`: the event is named after another one in the row («Утверждение Положения …,
// назначение куратора …»: the order approving a new edition appoints the curator).
std::optional<RoadmapRow> roadmap_row(const std::string& text, std::string_view event, bool within = false) {
    std::vector<std::string> lines;
    for (std::size_t from = 0; from < text.size();) {
        const auto end = std::min(text.find('\n', from), text.size());
        lines.push_back(text.substr(from, end - from));
        from = end + 1;
    }
    for (std::size_t k = 2; k + 2 < lines.size(); ++k) {
        if (within ? lines[k].find(std::string(", ") + std::string(event)) == std::string::npos : !lines[k].starts_with(event)) {
            continue;
        }
        const std::string& number = lines[k - 2];
        if (number.empty() || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        return RoadmapRow{number, lines[k], lines[k + 2]};
    }
    return std::nullopt;
}

// Whether the report states a value of the indicator, not «не оценивалось».
bool has_value(const Aggregate& a) { return a.any() && !(a.ends.empty() && a.starts.empty()); }

Aggregate aggregate(const mon::YearResults& r, const mon::Indicator& i, const std::set<std::string>* only) {
    Aggregate a;
    auto take = [&](const mon::Measured& m) {
        if (m.start) {
            a.starts.push_back(m.start->value);
            a.sources.insert(m.start->source);
        }
        if (m.end) {
            a.ends.push_back(m.end->value);
            a.sources.insert(m.end->source);
        }
    };
    for (const auto& p : r.programmes) {
        if (only != nullptr && only->count(id_of(p.programme)) == 0) continue;
        for (const auto& m : p.measured) {
            if (m.indicator != &i) continue;
            ++a.programmes;
            take(m);
            if (m.end && m.end->point.empty()) a.interim.insert(m.end->date);
            else if (m.end) a.settled = true;
        }
    }
    for (const auto& m : r.organisation) {
        if (m.indicator != &i) continue;
        a.organisation = true;
        a.settled = true;
        take(m);
    }
    return a;
}

double combined(mon::Unit unit, const std::vector<double>& v) {
    const double sum = std::accumulate(v.begin(), v.end(), 0.0);
    return unit == mon::Unit::count ? sum : sum / static_cast<double>(v.size());
}

// What the report says of an indicator in a year: «4,5 балла (на начало — 3,8 балла); 3 из 4
// программ», «всего 12», or «не оценивалось».
std::string stated(const mon::Indicator& i, const Aggregate& a, std::size_t programmes) {
    if (!has_value(a)) return "не оценивалось";
    std::string s;
    const bool averaged = i.unit != mon::Unit::count;
    if (!a.ends.empty()) {
        s = (averaged && a.ends.size() > 1 ? "в среднем " : i.unit == mon::Unit::count && a.ends.size() > 1 ? "всего " : "") +
            value_text(i.unit, combined(i.unit, a.ends), i.id);
        if (!a.starts.empty()) s += " (на начало программ — " + value_text(i.unit, combined(i.unit, a.starts), i.id) + ")";
        if (!a.settled && !a.interim.empty()) {
            s = (a.interim.size() == 1 ? "промежуточное значение на " + text::date_numeric(*a.interim.begin())
                                       : "промежуточные значения на " + text::date_numeric(*a.interim.begin()) + "–" +
                                             text::date_numeric(*a.interim.rbegin())) +
                " — " + s;
        }
    } else {
        s = "на начало программ — " + value_text(i.unit, combined(i.unit, a.starts), i.id);
    }
    if (a.programmes > 0 && programmes > 0) s += "; в " + of_programmes(a.programmes, programmes);
    return s;
}

using Dated = rules::ProgrammeDates;
using rules::mentees_of;
using rules::programmes_of;

Dated dates_of(const xmlNode* item) { return rules::programme_dates(item); }

// Whether a programme ran (at least partly) within [from, to].
bool overlaps(const Dated& d, const Date& from, const Date& to) { return d.start && d.end && *d.start <= to && from <= *d.end; }

const char* state_of(const Dated& d, const Date& as_of) {
    if (*d.end < as_of) return "завершена";
    if (as_of < *d.start) return "не начата";
    return "реализуется";
}

struct StageFigures {
    std::size_t planned = 0, assessed = 0, at_start = 0;
};

struct Figures {
    int staff = 0;
    std::size_t mentors = 0, mentees = 0, young = 0, covered = 0, programmes = 0;
};

void add_line(xmlNodePtr conclusions, const std::string& text, bool sub = false) {
    xmlNodePtr l = add_element(conclusions, "line", text);
    if (sub) set_attr(l, "sub", "да");
}

// «Выводы»: what the monitoring and the check found, before what is proposed (issue 13: a
// справка whose conclusions were only proposals, a recorded risk addressed nowhere). Each
// risk recorded for a running programme gets its proposal: its mentor, with the curator, by the
// справка's deadline or the programme's end if sooner.
//   report/conclusions/line[@sub]        a «— …;» line, or (sub) a finding under the line before
//   report/risks/risk                    the proposal for one programme's risks
// What the proposals share is computed once per справка (`Shared`).
struct Shared {
    xpath::Expression of_programme;  // «Д.А. Прохорова», «группы наставника В.А. Носковой»: genitive
    Date deadline;                   // the справка's deadline: a month on, the next working day
    bool has_curator = false;
};

void add_conclusions(xmlNodePtr rep, xpath::Evaluator& ev, const Date& as_of, const std::string& year, const Figures& f,
                     const std::vector<StageFigures>& stages, const mon::YearResults& now, bool checked, const Shared& shared) {
    xmlNodePtr c = add_element(rep, "conclusions");
    std::vector<std::pair<std::string, std::vector<std::string>>> lines;  // a line and the findings under it
    if (f.mentors + f.mentees > 0) {
        lines.push_back({"в " + year + " учебном году в наставничестве " + (f.mentors == 1 ? "участвует " : "участвуют ") +
                             text::with_noun(static_cast<long>(f.mentors), "наставник", "наставника", "наставников") + " и " +
                             text::with_noun(static_cast<long>(f.mentees), "наставляемый", "наставляемых", "наставляемых") + " (" +
                             std::to_string(f.staff > 0 ? static_cast<long>(std::lround(100.0 * static_cast<double>(f.mentors + f.mentees) / f.staff)) : 0) +
                             "\u00A0% руководящих и педагогических работников)",
                         {}});
    } else {
        lines.push_back({"в " + year + " учебном году наставнические пары (группы) не закреплены", {}});
    }
    if (const xmlNode* none = child(rep, "no_need")) {
        lines.push_back({"потребность в наставничестве на " + year + " учебный год не выявлена: молодых специалистов в организации нет, "
                         "список наставляемых актуализирован " + text::date_numeric(*Date::parse_iso(data::attribute_of(none, "updated"))),
                         {}});
    } else if (f.young == 0) {
        lines.push_back({"молодых специалистов в организации нет", {}});
    } else if (f.covered == f.young) {
        lines.push_back({f.young == 1 ? std::string("молодой специалист закреплён за наставником")
                                      : "все молодые специалисты (" + std::to_string(f.young) + ") закреплены за наставниками",
                         {}});
    } else if (f.covered == 0) {
        lines.push_back({f.young == 1 ? std::string("молодой специалист не закреплён за наставником")
                                      : "ни один из " + text::with_noun(static_cast<long>(f.young), "молодого специалиста", "молодых специалистов",
                                                                        "молодых специалистов") + " не закреплён за наставником",
                         {}});
    } else {
        lines.push_back({"за наставниками " + std::string(f.covered == 1 ? "закреплён " : "закреплены ") + std::to_string(f.covered) +
                             " из " + text::with_noun(static_cast<long>(f.young), "молодого специалиста", "молодых специалистов", "молодых специалистов"),
                         {}});
    }
    if (f.programmes > 0 && stages.size() == 2) {
        auto stage = [](const StageFigures& s) {
            std::string out = std::to_string(s.assessed) + " из " + std::to_string(s.planned);
            if (s.assessed > 0 && s.at_start == s.assessed) out += " (только на начало программ)";
            else if (s.at_start > 0) out += " (из них " + std::to_string(s.at_start) + " — только на начало программ)";
            return out;
        };
        if (stages[0].assessed + stages[1].assessed == 0) {
            lines.push_back({"показатели мониторинга не оценивались", {}});
        } else {
            lines.push_back({"оценено показателей мониторинга первого этапа — " + stage(stages[0]) + ", второго этапа — " + stage(stages[1]), {}});
        }
    }
    // Risks: the latest value of the year, per programme (or for the organisation as a whole).
    const auto mentor_dative = xpath::Expression::compile("concat('наставнику ', n:initials-surname(mentor, 'дат'))");
    xmlNodePtr risks = add_element(rep, "risks");
    auto risk = [&](const mon::Measured& m, const xmlNode* programme) {
        if (std::string(m.indicator->id) != "risks") return;
        const mon::Value& v = m.end ? *m.end : *m.start;
        const long n = std::lround(v.value);
        if (n <= 0) return;
        const std::string count = n == 1 ? "выявлен 1 риск" : "выявлено " + text::with_noun(n, "риск", "риска", "рисков");
        const std::string source = v.source + " от " + text::date_numeric(v.date);
        if (programme == nullptr) {
            lines.push_back({count + " реализации программ наставничества (" + source + ")", {}});
            return;
        }
        const std::string of = "программы наставничества " + ev.string(shared.of_programme, const_cast<xmlNode*>(programme));
        lines.push_back({count + " реализации " + of + " (" + source + ")", {}});
        const Dated d = dates_of(programme);
        if (!d.end || *d.end < as_of) return;  // ended: nothing left to change in it
        Date by = std::min(shared.deadline, *d.end);
        while (next_working_day(by) != by) by = by.add_days(-1);
        add_element(risks, "risk",
                    ev.string(mentor_dative, const_cast<xmlNode*>(programme)) + (shared.has_curator ? " совместно с куратором" : "") + " в срок до " +
                        text::date_numeric(by) + " проанализировать " + (n == 1 ? "выявленный риск" : "выявленные риски") +
                        " реализации " + of + " и внести в программу необходимые изменения");
    };
    for (const auto& p : now.programmes) {
        for (const auto& m : p.measured) risk(m, p.programme);
    }
    for (const auto& m : now.organisation) risk(m, nullptr);

    // What the check found: every finding, under the line that says what it is; the proposals
    // refer to them.
    if (checked) {
        std::vector<std::string> violations, advice;
        std::size_t errors = 0, warnings = 0;
        for (const xmlNode* n = child(child(rep, "findings"), "finding"); n != nullptr; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            const std::string severity = data::attribute_of(n, "severity");
            (severity == "info" ? advice : violations).push_back(text_of(n));
            if (severity == "error") ++errors;
            if (severity == "warning") ++warnings;
        }
        const std::string what = std::string(errors == 0 ? "" : errors == 1 ? "нарушение" : "нарушения") +
                                 (errors > 0 && warnings > 0 ? " и " : "") + (warnings == 0 ? "" : warnings == 1 ? "замечание" : "замечания");
        const xmlNode* history = child(rep, "history");
        if (violations.empty()) {
            // What ended programmes hold is history, not to be put right (the act's words).
            lines.push_back({"при проверке соблюдения требований к организации системы наставничества нарушений обязательных требований" +
                                 std::string(history != nullptr ? ", подлежащих устранению, " : " ") + "не выявлено",
                             {}});
        } else {
            lines.push_back({"при проверке соблюдения требований к организации системы наставничества " +
                                 std::string(violations.size() == 1 ? "выявлено " : "выявлены ") + what + ":",
                             violations});
        }
        if (history != nullptr) {
            std::vector<std::string> items;
            for (const xmlNode* n = child(history, "finding"); n != nullptr; n = n->next) {
                if (n->type == XML_ELEMENT_NODE) items.push_back(text_of(n));
            }
            lines.push_back({data::attribute_of(history, "where") + " выявлено:", items});
        }
        if (!advice.empty()) {
            lines.push_back({advice.size() == 1 ? "не выполнена рекомендация:" : "не выполнены рекомендации:", advice});
        }
    }
    for (std::size_t k = 0; k < lines.size(); ++k) {
        const auto& [line, under] = lines[k];
        add_line(c, "— " + line + (under.empty() ? (k + 1 == lines.size() ? "." : ";") : ""));
        for (const auto& u : under) add_line(c, u, true);
    }
}

}  // namespace

std::string indicator_value_text(const data::monitoring::Indicator& indicator, double value) {
    return value_text(indicator.unit, value, indicator.id);
}

namespace {

// «Куратор Н.И. Полякова» → «куратору Н.И. Поляковой», «Заместитель заведующего И.В. Ковалёва» →
// «заместителю заведующего И.В. Ковалёвой»: the person by the name the row prints, declined; the
// role alone (a curator yet to be appointed) → «куратору».
std::string responsible_dative(xpath::Evaluator& ev, const data::DataTree& tree, const std::string& who) {
    const auto name = xpath::Expression::compile("n:initials-surname(.)");
    for (xmlNodePtr p : ev.nodes(xpath::Expression::compile("/data/staff/person"), tree.root())) {
        const std::string n = ev.string(name, p);
        if (n.empty() || !who.ends_with(n) || who.size() == n.size() || who[who.size() - n.size() - 1] != ' ') continue;
        const std::string role = who.substr(0, who.size() - n.size() - 1);
        return text::decline_position(text::lower_first(role), text::Case::dative) + " " +
               ev.string(xpath::Expression::compile("n:initials-surname(., 'дат')"), p);
    }
    const std::string role = text::lower_first(who);
    return text::decline_position(role, text::Case::dative) + (role == "куратор" ? " реализации программ наставничества" : "");
}

}  // namespace

AnalyticalReport analytical_report(const data::DataTree& tree, const Date& as_of, const rules::CheckResult* check,
                                   const xpath::Variables& parameters, bool roadmap_in_package, const std::optional<Date>& dated,
                                   const std::optional<RoadmapDates>& roadmap, const std::string& roadmap_text) {
    AnalyticalReport out;
    out.doc = data::copy_document(tree);
    xmlNodePtr root = xmlDocGetRootElement(out.doc.get());
    xmlNodePtr rep = add_element(root, "report");
    xpath::Evaluator ev(tree.doc(), as_of.iso());
    const Shared shared{xpath::Expression::compile("n:if(self::group, concat('группы наставника ', n:initials-surname(mentor, 'род')), "
                                                   "n:initials-surname((mentee | mentees/mentee)[1], 'род'))"),
                        next_working_day((dated && as_of < *dated ? *dated : as_of).add_months(1)),
                        !ev.nodes(xpath::Expression::compile("/data/curator/person"), tree.root()).empty()};

    // The academic year of the as-of date — what the report is about.
    const std::string year = mon::year_of(as_of);
    const std::string previous = mon::previous_year(year);
    const Date year_start = *mon::year_start(year);
    const Date year_end = Date(year_start.year() + 1, 8, 31);
    add_element(rep, "as_of", as_of.iso());
    add_element(rep, "year", year);
    add_element(rep, "year_start", year_start.iso());
    add_element(rep, "year_end", year_end.iso());
    add_element(rep, "previous_year", previous);

    // The programmes of the year; those that ended before it; those without dates.
    xmlNodePtr list = add_element(rep, "programmes");
    int ended = 0, running = 0, not_started = 0, undated = 0, earlier = 0;
    // Running or not started, with its end: to carry on, the second stage after them.
    std::vector<std::pair<const xmlNode*, Date>> unfinished;
    std::set<Date> stage1_due;  // the first stage's dates of the programmes running, still to come
    std::optional<Date> last_end;
    std::set<std::string> this_year, mentors, mentees;
    int pairs = 0, groups = 0;
    for (const xmlNode* p : programmes_of(tree)) {
        const Dated d = dates_of(p);
        const bool pair = xmlStrEqual(p->name, reinterpret_cast<const xmlChar*>("pair"));
        if (!d.start || !d.end) {
            ++undated;
        } else if (*d.end < year_start) {
            ++earlier;
            if (!last_end || *last_end < *d.end) last_end = d.end;
            continue;
        } else if (!overlaps(d, year_start, year_end)) {
            continue;  // planned for a later year
        }
        // Counted among this year's participants: a programme of the year, or a pair (group)
        // whose programme has no dates yet.
        ++(pair ? pairs : groups);
        mentors.insert(text_of(child(p, "mentor")));
        for (const auto& m : mentees_of(p)) mentees.insert(m);
        if (!d.start || !d.end) continue;
        this_year.insert(id_of(p));
        xmlNodePtr n = add_element(list, "programme");
        set_attr(n, "ref", id_of(p));
        add_element(n, "kind", pair ? "pair" : "group");
        add_element(n, "start", d.start->iso());
        add_element(n, "end", d.end->iso());
        const char* state = state_of(d, as_of);
        add_element(n, "state", state);
        ++(std::string(state) == "завершена" ? ended : std::string(state) == "реализуется" ? running : not_started);
        if (std::string(state) != "завершена") {
            unfinished.emplace_back(p, *d.end);
            // The first stage's date each programme's plan gives (reader E, 2): the справка asks by it.
            if (const Date due = monitoring_stage1_due(*d.start, *d.end); !(due < as_of)) stage1_due.insert(due);
        }
    }
    set_attr(list, "total", std::to_string(this_year.size()));
    set_attr(list, "ended", std::to_string(ended));
    set_attr(list, "running", std::to_string(running));
    set_attr(list, "not_started", std::to_string(not_started));
    set_attr(list, "undated", std::to_string(undated));
    if (earlier > 0) {
        xmlNodePtr e = add_element(rep, "earlier");
        add_element(e, "count", std::to_string(earlier));
        add_element(e, "last_end", last_end->iso());
        add_element(e, "last_year", mon::year_of(*last_end));
    }

    // Young specialists (pedagogical experience under 3 years on the as-of date) and whether
    // this year's pairs and groups take them in.
    const auto young = ev.nodes(xpath::Expression::compile("/data/staff/person[pedagogical_experience_start and "
                                                           "n:years-between(pedagogical_experience_start, n:today()) < 3]"),
                                tree.root());
    xmlNodePtr y = add_element(rep, "young");
    int covered = 0;
    xmlNodePtr left = add_element(y, "not_covered");
    for (const xmlNode* person : young) {
        if (mentees.count(id_of(person)) != 0) {
            ++covered;
            continue;
        }
        set_attr(add_element(left, "person"), "ref", id_of(person));
    }
    set_attr(y, "count", std::to_string(young.size()));

    // Written consents of this year's participants (a programme of an earlier year is not this
    // year's: its consents were counted in its own year).
    auto given = [](const xmlNode* n) {
        return n != nullptr && !text_of(n).empty() && data::attribute_of(n, "nil") != "true";
    };
    int mentors_consented = 0, mentees_total = 0, mentees_consented = 0;
    for (const std::string& m : mentors) {
        for (const xmlNode* c = child(child(tree.root(), "mentors"), "mentor"); c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && text_of(child(c, "person")) == m && given(child(c, "consent_date"))) {
                ++mentors_consented;
                break;
            }
        }
    }
    for (const xmlNode* p : programmes_of(tree)) {
        const Dated d = dates_of(p);
        if (d.start && d.end && !overlaps(d, year_start, year_end)) continue;
        if (child(p, "mentee") != nullptr) {
            ++mentees_total;
            if (given(child(p, "mentee_consent_date"))) ++mentees_consented;
            continue;
        }
        for (const auto& id : mentees_of(p)) {
            ++mentees_total;
            for (const xmlNode* c = child(child(p, "mentee_consents"), "consent"); c != nullptr; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && text_of(child(c, "person")) == id && given(child(c, "date"))) {
                    ++mentees_consented;
                    break;
                }
            }
        }
    }
    xmlNodePtr consents = add_element(rep, "consents");
    set_attr(consents, "mentors", std::to_string(mentors.size()));
    set_attr(consents, "mentors_consented", std::to_string(mentors_consented));
    set_attr(consents, "mentees", std::to_string(mentees_total));
    set_attr(consents, "mentees_consented", std::to_string(mentees_consented));
    set_attr(y, "covered", std::to_string(covered));

    // The participants of the year, and of the previous one as recorded when it closed.
    xmlNodePtr part = add_element(rep, "participants");
    const int staff = static_cast<int>(ev.number(xpath::Expression::compile("count(/data/staff/person)"), tree.root()));
    const std::pair<const char*, int> current_figures[] = {
        {"staff", staff}, {"mentors", static_cast<int>(mentors.size())}, {"mentees", static_cast<int>(mentees.size())},
        {"pairs", pairs}, {"groups", groups}, {"young", static_cast<int>(young.size())}, {"young_covered", covered}};
    for (const auto& [name, value] : current_figures) add_element(part, name, std::to_string(value));

    const mon::YearResults now = mon::results(tree, year);
    const mon::YearResults before = mon::results(tree, previous);
    std::set<std::string> previous_programmes;
    const Date previous_start = year_start.add_months(-12);
    for (const xmlNode* p : programmes_of(tree)) {
        if (overlaps(dates_of(p), previous_start, year_start.add_days(-1))) previous_programmes.insert(id_of(p));
    }

    const std::string type = tree.organisation_field("type");
    auto param = [&](const char* name) {
        const auto it = parameters.find(name);
        return it == parameters.end() ? std::string() : it->second;
    };
    const auto exams = list_of(param("monitoring_exams"));
    auto title = [&](const mon::Indicator& i) { return mon::title_of(i, type, exams); };
    std::vector<std::string> sources_all;
    int not_assessed_total = 0;
    bool second_stage_missing = false;  // then the справка's own deadline: the programmes' first stage is not theirs
    xmlNodePtr not_assessed_list = add_element(rep, "not_assessed_list");  // what the conclusions ask to assess
    // Exams (ВПР in spring, ОГЭ and ЕГЭ in May–June) and the pupils' progress over the year have
    // values only at its end: the справка asks for them by the year's monitoring deadline, not by
    // its own month (reader D, M2: ВПР, ОГЭ, ЕГЭ to be evaluated by 23.12.2026).
    const Date year_end_due = monitoring_year_due(year_start.year() + 1);
    const bool year_end_later = shared.deadline < year_end_due;
    xmlNodePtr year_end_list = add_element(rep, "year_end_list");
    if (year_end_later) add_element(rep, "year_end_deadline", year_end_due.iso());
    std::set<std::string> in_tables;  // the indicators of tables 2 and 3: the annex details only those
    std::vector<StageFigures> stages;  // for the conclusions
    for (int stage = 1; stage <= 2; ++stage) {
        // The act's list of indicators for the stage; without one, those that were measured.
        std::vector<const mon::Indicator*> plan;
        const auto named = list_of(param(stage == 1 ? "monitoring_stage1" : "monitoring_stage2"));
        for (const auto& i : mon::indicators()) {
            if (i.stage != stage) continue;
            if (std::string(i.id) == "exam_pass_share" && type != "общеобразовательная") continue;  // no exams
            const bool listed = std::find(named.begin(), named.end(), i.id) != named.end();
            if (named.empty() ? (aggregate(now, i, &this_year).any() || aggregate(before, i, nullptr).any()) : listed) {
                plan.push_back(&i);
                in_tables.insert(i.id);
            }
        }
        xmlNodePtr st = add_element(rep, "stage");
        set_attr(st, "n", std::to_string(stage));
        int assessed = 0;
        int at_start = 0;  // of those, measured only on entry: no result yet (review 2026-12-07, 6)
        bool measured = false;  // a value in either column of the table
        std::set<std::string> sources;
        for (const mon::Indicator* i : plan) {
            const Aggregate a = aggregate(now, *i, &this_year);
            const Aggregate b = aggregate(before, *i, nullptr);
            measured = measured || has_value(a) || (before.recorded && has_value(b));
            xmlNodePtr n = add_element(st, "indicator");
            add_element(n, "title", title(*i));
            add_element(n, "current", stated(*i, a, this_year.size()));
            add_element(n, "previous", before.recorded ? stated(*i, b, previous_programmes.size()) : "нет сведений");
            add_element(n, "assessed", a.any() ? "да" : "нет");
            if (a.any() && a.ends.empty() && !a.starts.empty()) ++at_start;
            if (a.any()) ++assessed;
            // Only what could have been measured is missing: the first stage while programmes run,
            // the second once they end.
            else if (stage == 1 ? !this_year.empty() : ended > 0) {
                ++not_assessed_total;
                const std::string_view id = i->id;
                const bool at_year_end = year_end_later && (id == "exam_pass_share" || id == "pupils_progress");
                // Where its value is to come from: the form that asks it, else the records (reader G, 6).
                set_attr(add_element(at_year_end ? year_end_list : not_assessed_list, "indicator", title(*i)), "source",
                         mon::source_of(*i, type));
                if (stage == 2 && !at_year_end) second_stage_missing = true;
            }
            sources.insert(a.sources.begin(), a.sources.end());
        }
        // A table of nothing but «нет сведений | не оценивалось» says less than a sentence (review 6,
        // R5): what a methodist writes of a year without programmes, or without measurements.
        if (!plan.empty() && !measured) {
            std::string s = std::string(stage == 1 ? "Показатели первого" : "Показатели второго") + " этапа мониторинга в " + year +
                            " учебном году не оценивались";
            if (this_year.empty()) {
                s += undated == 0 ? ": программы наставничества не реализуются" : ": сроки программ наставничества не установлены";
            } else if (stage == 2 && ended == 0) {
                s += ": этап проводится по завершении программ, а программы ещё не завершены";
            }
            if (before.recorded) s += ". В " + previous + " учебном году они также не оценивались";
            add_element(st, "summary", s + ".");
        }
        stages.push_back({plan.size(), static_cast<std::size_t>(assessed), static_cast<std::size_t>(at_start)});
        set_attr(st, "planned", std::to_string(plan.size()));
        set_attr(st, "assessed", std::to_string(assessed));
        set_attr(st, "at_start", std::to_string(at_start));
        set_attr(st, "not_assessed", std::to_string(plan.size() - static_cast<std::size_t>(assessed)));
        std::string joined;
        for (const auto& s : sources) joined += (joined.empty() ? "" : "; ") + s;
        if (!joined.empty()) add_element(st, "sources", joined);
    }
    add_element(rep, "not_assessed", std::to_string(not_assessed_total));
    if (!second_stage_missing) {
        for (const Date& due : stage1_due) add_element(rep, "stage1_due", due.iso());
    }

    // This year against the previous one: the participants (recorded when that year closed).
    xmlNodePtr cmp = add_element(rep, "comparison");
    set_attr(cmp, "previous_recorded", before.summary != nullptr ? "да" : "нет");
    const std::pair<const char*, const char*> rows[] = {
        {"mentors", "Наставники"}, {"mentees", "Наставляемые"}, {"pairs", "Наставнические пары"},
        {"groups", "Наставнические группы"}, {"young", "Молодые специалисты"},
        {"young_covered", "Из них закреплены за наставниками"}};
    for (const auto& [key, label] : rows) {
        xmlNodePtr r = add_element(cmp, "row");
        add_element(r, "title", label);
        const xmlNode* recorded = child(before.summary, key);
        add_element(r, "previous", recorded != nullptr ? text_of(recorded) : "нет сведений");
        add_element(r, "current", text_of(child(part, key)));
    }

    // Each programme's values, for the annex: what was measured, when, from what source.
    xmlNodePtr values = add_element(rep, "values");
    const auto words = xpath::Expression::compile(
        "n:if(self::group, concat('группа наставника ', n:initials-surname(mentor, 'род')), n:initials-surname((mentee | mentees/mentee)[1]))");
    for (const auto& p : now.programmes) {
        const std::string who = ev.string(words, p.programme);
        for (const auto& m : p.measured) {
            // A value of an indicator the acts do not establish is not part of the monitoring the
            // справка reports (issue 13: «Удовлетворённость собственной работой» in the annex only).
            if (in_tables.count(m.indicator->id) == 0) continue;
            xmlNodePtr r = add_element(values, "row");
            add_element(r, "programme", who);
            add_element(r, "indicator", title(*m.indicator));
            add_element(r, "start", m.start ? with_date(*m.indicator, *m.start) : "—");
            add_element(r, "end", m.end ? with_date(*m.indicator, *m.end) : "—");
            std::set<std::string> src;
            if (m.start) src.insert(m.start->source);
            if (m.end) src.insert(m.end->source);
            std::string s;
            for (const auto& x : src) s += (s.empty() ? "" : "; ") + x;
            add_element(r, "source", s);
        }
    }
    for (const auto& m : now.organisation) {
        if (in_tables.count(m.indicator->id) == 0) continue;
        xmlNodePtr r = add_element(values, "row");
        add_element(r, "programme", "организация в целом");
        add_element(r, "indicator", title(*m.indicator));
        add_element(r, "start", m.start ? with_date(*m.indicator, *m.start) : "—");
        add_element(r, "end", m.end ? with_date(*m.indicator, *m.end) : "—");
        add_element(r, "source", m.end ? m.end->source : m.start->source);
    }

    // A programme by its participants, as Таблица 1 has it, in the genitive: «М.С. Гришиной –
    // В.П. Орловой», «группы наставника А.Н. Павлова»; the dash kept with the word before it.
    const auto by_participants = xpath::Expression::compile(
        "n:if(self::group, concat('группы наставника ', n:initials-surname(mentor, 'род')), "
        "concat(n:initials-surname(mentor, 'род'), '\u00A0– ', n:initials-surname((mentee | mentees/mentee)[1], 'род')))");
    // Programmes that ended this year without any value of the second stage.
    xmlNodePtr gap = add_element(rep, "ended_without_stage2");
    for (xmlNodePtr n = list->children; n != nullptr; n = n->next) {
        if (text_of(child(n, "state")) != "завершена") continue;
        const std::string ref = text_of(reinterpret_cast<xmlNodePtr>(xmlHasProp(n, reinterpret_cast<const xmlChar*>("ref"))));
        const auto it = std::find_if(now.programmes.begin(), now.programmes.end(),
                                     [&](const mon::ProgrammeResults& r) { return id_of(r.programme) == ref; });
        // A value measured at the programme's start is no second stage (reader of 7.12.2026: Ласточка
        // as of 01.03.2024, a programme ended in December with its entry questionnaire only).
        const bool measured = it != now.programmes.end() && std::any_of(it->measured.begin(), it->measured.end(),
                                                                        [](const mon::Measured& m) { return m.indicator->stage == 2 && m.end; });
        if (measured) continue;
        const auto item = ev.nodes(xpath::Expression::compile("id('" + ref + "')"), tree.root());
        if (item.empty()) continue;
        add_element(gap, "programme", ev.string(words, item.front()));
        // The proposal names the programme as Таблица 1 does, by its mentor and mentee (reader of
        // 7.12.2026, B24): «по завершённой программе наставничества М.С. Гришиной – В.П. Орловой».
        add_element(gap, "of", ev.string(by_participants, item.front()));
    }

    // Who does what by when (reader of 7.12.2026: proposals without executor or date): the head
    // for what takes an order, the curator (the head without one) for the rest; the second stage
    // a fortnight after the last programme ends; the experience on the website by the end of June.
    auto dative = [&](const std::string& person, const std::string& role) -> std::string {
        // n:if evaluates both branches: each expression only for a person who is recorded.
        if (ev.string(xpath::Expression::compile("n:person(" + person + ")/surname"), tree.root()).empty()) return {};
        return ev.string(xpath::Expression::compile(role.empty() ? "concat(n:position(" + person + ", 'дат'), ' ', n:initials-surname(" + person +
                                                                         ", 'дат'))"
                                                                  : "concat('" + role + " ', n:initials-surname(" + person + ", 'дат'))"),
                         tree.root());
    };
    std::string head = dative("/data/organisation/head", "");
    if (head.empty()) head = "руководителю организации";
    std::string curator = shared.has_curator ? dative("/data/curator/person", "куратору") : std::string();
    add_element(rep, "head_dative", head);
    add_element(rep, "curator_dative", curator.empty() ? head : curator);
    add_element(rep, "publish_deadline", next_working_day(Date(year_start.year() + 1, 6, 30)).iso());
    // No young specialist, no pair and a list of mentees updated within the year: no need of
    // mentoring was found, and nothing is to be paired (reader of 7.12.2026: ДС № 6 of Бийск).
    const auto list_updated = Date::parse_iso(text_of(child(tree.root(), "mentee_list_updated")));
    if (young.empty() && this_year.empty() && undated == 0 && list_updated && !(list_updated->add_months(12) < as_of)) {
        xmlNodePtr n = add_element(rep, "no_need");
        set_attr(n, "updated", list_updated->iso());
        set_attr(n, "next", list_updated->add_months(12).iso());
    }
    // What the check found: the conclusions name it. What lasts is to be put right by the curator
    // (else the head) by a deadline; what happened in programmes that have ended, by the year.
    xmlNodePtr found = add_element(rep, "findings");
    add_element(rep, "deadline", shared.deadline.iso());
    std::set<const xmlNode*> corrected;  // what the proposals order put right; only programmes are looked up
    // Each violation's measure (reader G, 4): what the roadmap plans, by its row — the person it names,
    // its date, its item; anything else by the head, by the справка's deadline, as the rule words it.
    struct Remedy {
        Date by;
        bool by_package = false;  // taken by an order of the package, signed with it: no «в срок до <by>»
        std::string who;  // «Куратор Н.И. Полякова» as the roadmap's row has it; empty: the head
        std::string what;
        bool list = false;  // the list of mentees: the young specialists it takes in are paired with it
    };
    std::vector<Remedy> remedies;
    if (check != nullptr) {
        const rules::SubjectIndex index(tree);
        const rules::EndedProgrammes history_of(tree, year_start);
        std::set<std::string> seen;  // one line per message
        // The academic years the ended programmes' violations happened in, and those their
        // recommendations concern: a recommendation to a mentor of 2023/2024 alone belongs there
        // too, not among what is to be taken into account now.
        std::set<std::string> years_violated, years_advised;
        std::vector<std::pair<std::string, const char*>> history;  // violations first
        std::set<const xmlNode*> programmes_violated, programmes_advised;
        std::size_t violations_in_history = 0;
        for (const auto& f : check->findings) {
            if (f.outcome != rules::Outcome::violated) continue;
            const std::string text = rules::without_data_paths(f.message);
            if (!seen.insert(text).second) continue;
            // A recommendation (or a deadline not yet passed) is not a violation to remove.
            const char* severity = f.category != rules::Category::violation       ? "info"
                                   : f.rule->severity == rules::Severity::error     ? "error"
                                   : f.rule->severity == rules::Severity::warning ? "warning"
                                                                                  : "info";
            const bool advice = std::string(severity) == "info";
            auto closed = f.category == rules::Category::pending ? std::set<std::string>{} : history_of.years_of(f, advice);
            if (roadmap_in_package && lacks_roadmap(*f.rule)) {
                // The package this справка belongs to draws the year's roadmap (its kind has no
                // condition): the справка says it is drafted, not that it is missing (issue 13).
                // The act (check --act) states the data; a run without the roadmap (--only) too.
                add_element(rep, "roadmap_drafted", "да");
                // Approved on its own date, from which its deadlines count (reader D, M4: «в срок до
                // 11.01.2027» for a plan whose rows fell due from 21.12.2026).
                if (child(rep, "roadmap_approval") == nullptr) {
                    add_element(rep, "roadmap_approval", (roadmap ? roadmap->approved : shared.deadline).iso());
                }
                continue;
            }
            if (closed.empty()) {
                set_attr(add_element(found, "finding", text), "severity", severity);
                if (!advice) {
                    const bool of_list = rules::concerns_mentee_list(*f.rule);
                    Remedy r{shared.deadline, {}, {}, {}, of_list};
                    const auto by = roadmap ? planned_by(f, *roadmap) : std::nullopt;
                    const auto row = by ? roadmap_row(roadmap_text, of_list ? "Актуализация сведений о педагогах" : "Назначение куратора")
                                        : std::nullopt;
                    // The order approving the new edition appoints the first deputy (tools/
                    // make_templates.py, REPLACES_CURATOR); the roadmap's first row says so.
                    const auto with_edition =
                        by && !of_list && !row ? roadmap_row(roadmap_text, "назначение куратора", true) : std::nullopt;
                    const auto deputy = with_edition ? ev.nodes(xpath::Expression::compile("/data/organisation/deputies/deputy[1]"),
                                                                tree.root())
                                                     : std::vector<xmlNodePtr>{};
                    if (!deputy.empty()) {
                        r.by = roadmap->approved;
                        r.by_package = true;
                        r.what = "назначить куратором реализации программ наставничества " +
                                 ev.string(xpath::Expression::compile("n:position(., 'вин')"), deputy.front()) + " " +
                                 ev.string(xpath::Expression::compile("n:initials-surname(., 'вин')"), deputy.front()) +
                                 " приказом об утверждении Положения в новой редакции (дорожная карта, п.\u00A0" +
                                 with_edition->number + ")";
                    } else if (row) {
                        r.by = *by;
                        r.who = row->responsible;
                        // The curator's row says what it appoints («Назначение куратора … из числа
                        // заместителей заведующего»): the measure repeats it.
                        r.what = (of_list ? std::string("актуализировать список педагогов, которых необходимо включить в наставническую "
                                                     "деятельность в качестве наставляемых")
                                       : "назначить " + row->event.substr(std::string_view("Назначение ").size())) +
                                 " (дорожная карта, п.\u00A0" + row->number + ")";
                    } else if (!f.remedy.empty()) {
                        r.what = f.remedy;
                    } else {
                        // A rule without a remedy: the finding named, not «the» one of 6.1.
                        std::string named = text;
                        while (!named.empty() && (named.back() == '.' || named.back() == ' ')) named.pop_back();
                        r.what = std::string(std::string(severity) == "error" ? "устранить нарушение — " : "устранить замечание — ") +
                                 text::lower_first(named);
                    }
                    if (std::none_of(remedies.begin(), remedies.end(), [&](const Remedy& x) { return x.what == r.what; })) {
                        remedies.push_back(std::move(r));
                    }
                }
                // A programme among them is not one to continue (only pairs and groups are looked up
                // in `corrected`).
                const xmlNode* subject = index.find(f.subject.path);
                if (!advice && subject != nullptr) corrected.insert(subject);
                // The young specialists without a mentor are those the updated list takes in:
                // one proposal, as the municipality's documents make it (reader D, M1).
                if (!advice && covered < static_cast<int>(young.size()) && rules::concerns_mentee_list(*f.rule) &&
                    child(rep, "list_and_assign") == nullptr) {
                    add_element(rep, "list_and_assign", "да");
                }
                // A справка reporting that its signatory was appointed unlawfully would be sent back:
                // the head signs it then (reader of 7.12.2026, Ласточка).
                if (!advice && subject != nullptr && xmlStrEqual(subject->name, reinterpret_cast<const xmlChar*>("curator")) &&
                    child(rep, "signed_by_head") == nullptr) {
                    add_element(rep, "signed_by_head", "да");
                }
            } else if (advice) {
                years_advised.merge(closed);
                for (const xmlNode* p : history_of.ended_of(f, advice)) programmes_advised.insert(p);
                history.emplace_back(text, severity);
            } else {
                years_violated.merge(closed);
                for (const xmlNode* p : history_of.ended_of(f, advice)) programmes_violated.insert(p);
                history.insert(history.begin() + static_cast<std::ptrdiff_t>(violations_in_history++), {text, severity});
            }
        }
        if (!history.empty()) {
            // «нарушения по программам наставничества 2023/2024 и 2024/2025 учебных годов, которые
            // завершены», «рекомендации по программам наставничества 2023/2024 учебного года, которые
            // завершены», or both (found now: a замечание is not «допущенное»).
            xmlNodePtr h = add_element(rep, "history");
            // One programme is named by its dates: its two academic years are not two years of
            // programmes (issue 13: 04.09.2023 – 31.10.2024 as «2023/2024 и 2024/2025 учебных годах»).
            auto of = [](const std::set<const xmlNode*>& ps, const std::set<std::string>& ys) {
                if (ps.size() == 1) {
                    const auto d = rules::programme_dates(*ps.begin());
                    if (d.start && d.end) {
                        return "по завершённой программе наставничества (" + text::date_numeric(*d.start) + " – " +
                               text::date_numeric(*d.end) + ")";
                    }
                }
                return "по программам наставничества " + rules::joined_years(ys) +
                       (ys.size() == 1 ? " учебного года" : " учебных годов") + ", которые завершены";
            };
            // The act's words: an error is a нарушение, a warning a замечание.
            // In the number there is: one finding is «нарушение», not «нарушения».
            std::size_t errors = 0, warnings = 0, advice = 0;
            for (const auto& [text, severity] : history) {
                ++(std::string(severity) == "error" ? errors : std::string(severity) == "warning" ? warnings : advice);
            }
            const std::string what = errors > 0 ? std::string(errors == 1 ? "нарушение" : "нарушения") +
                                                      (warnings == 0 ? "" : warnings == 1 ? " и замечание" : " и замечания")
                                                : std::string(warnings == 1 ? "замечание" : "замечания");
            // The lead is the object of «учесть»: accusative.
            const std::string advised = advice == 1 ? "рекомендацию " : "рекомендации ";
            std::string lead;
            if (!years_violated.empty()) {
                lead = what + " " + of(programmes_violated, years_violated);
                // The comma closes «…, которые завершены»; two objects joined by «и» take none.
                if (!years_advised.empty()) {
                    lead += std::string(lead.ends_with("завершены") ? ", и " : " и ") + advised + of(programmes_advised, years_advised);
                }
            } else {
                lead = advised + of(programmes_advised, years_advised);
            }
            set_attr(h, "lead", lead);
            // The conclusions state where it was found: «по завершённой программе наставничества
            // (04.09.2023 – 31.05.2024)», or the years of several.
            std::set<const xmlNode*> all = programmes_violated;
            all.insert(programmes_advised.begin(), programmes_advised.end());
            std::set<std::string> all_years = years_violated;
            all_years.insert(years_advised.begin(), years_advised.end());
            // A few programmes by their dates: two programmes over two academic years are not
            // «программам … 2023/2024 и 2024/2025 учебных годов».
            std::string where;
            std::vector<std::pair<Date, Date>> spans;
            for (const xmlNode* p : all) {
                const auto d = rules::programme_dates(p);
                if (d.start && d.end) spans.emplace_back(*d.start, *d.end);
            }
            std::sort(spans.begin(), spans.end());
            if (all.size() > 1 && all.size() <= 3 && spans.size() == all.size()) {
                where = "по завершённым программам наставничества (";
                for (std::size_t k = 0; k < spans.size(); ++k) {
                    where += (k ? "; " : "") + text::date_numeric(spans[k].first) + " – " + text::date_numeric(spans[k].second);
                }
                where += ")";
            } else {
                where = of(all, all_years);
            }
            set_attr(h, "where", where + (where.ends_with("завершены") ? "," : ""));
            // The proposal refers to them: «…, указанное (указанную, указанные) в подпункте 6.1».
            set_attr(h, "referred", history.size() > 1 ? "указанные" : advice == 1 ? "указанную" : "указанное");
            // Each labelled: under a lead that names both, a sentence alone does not say which it is.
            // A recommendation's text states what was not done: «Рекомендация:» before a fact read
            // as advice (reader D, L8); it is labelled as this year's are, «не выполнена рекомендация».
            for (const auto& [text, severity] : history) {
                const std::string label = std::string(severity) == "error" ? "Нарушение: " : std::string(severity) == "warning" ? "Замечание: " : "Не выполнена рекомендация: ";
                set_attr(add_element(h, "finding", label + text::lower_first(text)), "severity", severity);
            }
        }
        // What is missing, named: the data, and whose («дата письменного согласия наставника
        // (наставник С.А. Козлов)»), once each. Not what only programmes ended before this year
        // lack (the goals of a programme of 2023/2024 in the справка of 2026/2027, review 6, R3):
        // this year's check needs none of it, and the act lists it apart for the inspector.
        xmlNodePtr missing = add_element(rep, "missing");
        std::set<std::string> named;
        for (const auto& f : check->findings) {
            if (f.outcome != rules::Outcome::not_evaluable || rules::said_before(*check, f)) continue;
            if (!history_of.years_of(f).empty()) continue;
            const xmlNode* subject = index.find(f.subject.path);
            for (const auto& m : f.missing) {
                const std::string item = rules::missing_in_words(tree, subject, m);
                if (named.insert(item).second) add_element(missing, "item", item);
            }
        }
        add_element(rep, "not_evaluable", std::to_string(check->count(rules::Outcome::not_evaluable)));
    }

    // A roadmap of an earlier year on record is no plan for this one: the package's new roadmap is
    // approved and its rows are the deadlines, as where none is recorded (reader G of 7.12.2026, 1:
    // Ласточка's справка asked for programmes by 11.01.2027, its roadmap by 25.01.2027).
    if (roadmap_in_package && roadmap && child(rep, "roadmap_drafted") == nullptr) {
        add_element(rep, "roadmap_drafted", "да");
        if (child(rep, "roadmap_approval") == nullptr) add_element(rep, "roadmap_approval", roadmap->approved.iso());
    }
    // The measures, soonest first; all of them by the latest (the municipality's documents repeat it).
    std::stable_sort(remedies.begin(), remedies.end(), [](const Remedy& a, const Remedy& b) { return a.by < b.by; });
    xmlNodePtr measures = add_element(rep, "remedies");
    out.remedy_deadline = shared.deadline;
    for (const auto& r : remedies) {
        xmlNodePtr m = add_element(measures, "remedy", (r.who.empty() ? head : responsible_dative(ev, tree, r.who)) +
                                                           (r.by_package ? std::string(" ") : " в срок до " + text::date_numeric(r.by) + " ") +
                                                           r.what);
        // The head who updates the list pairs those it takes in, in the same measure (reader D, M1),
        // unless the proposal to pair this year's mentees names them; a curator's list is hers, the
        // pairing the head's (its own line).
        if (r.list && r.who.empty() && child(rep, "list_and_assign") != nullptr && !(this_year.empty() && undated == 0)) {
            set_attr(m, "assign", "да");
        }
    }
    if (!remedies.empty()) out.remedy_deadline = remedies.back().by;
    // The young specialists the updated list takes in are paired by the справка's deadline: the
    // municipality's measure holds both (reader D, M1).
    if (child(rep, "list_and_assign") != nullptr) out.remedy_deadline = std::max(out.remedy_deadline, shared.deadline);
    add_element(rep, "remedy_deadline", out.remedy_deadline.iso());

    // The programmes to carry on to their end and the second stage after them: not one the proposals
    // order to be put right (reader of 7.12.2026, B24: Ласточка's programme planned for 1 год 1
    // месяц 28 дней among those to continue). Named when some are left out.
    xmlNodePtr continued = add_element(rep, "continued");
    std::vector<const xmlNode*> kept;
    std::optional<Date> last_continued_end;
    for (const auto& [p, end] : unfinished) {
        if (corrected.count(p) != 0) continue;
        kept.push_back(p);
        if (!last_continued_end || *last_continued_end < end) last_continued_end = end;
    }
    if (kept.size() < unfinished.size()) {
        for (const xmlNode* p : kept) add_element(continued, "programme", ev.string(by_participants, const_cast<xmlNode*>(p)));
    }
    set_attr(continued, "count", std::to_string(kept.size()));
    // The second stage by the last continued programme's own date (monitoring_stage2_due, the date
    // its programme and the roadmap give; reader E, 12).
    if (last_continued_end) add_element(rep, "stage2_deadline", monitoring_stage2_due(*last_continued_end).iso());
    // A programme ending earlier has its own, earlier second stage, as its plan and the roadmap
    // give it (reader H of 8.12.2026, M4: Блинова's of 25.12.2026 by 11.01.2027, not 15.06.2027).
    if (last_continued_end) {
        const Date last = monitoring_stage2_due(*last_continued_end);
        for (const auto& [p, end] : unfinished) {
            const Date due = monitoring_stage2_due(end);
            if (corrected.count(p) != 0 || !(due < last)) continue;
            set_attr(add_element(rep, "stage2_other", due.iso()), "of", ev.string(by_participants, const_cast<xmlNode*>(p)));
        }
    }

    add_conclusions(rep, ev, as_of, year, {staff, mentors.size(), mentees.size(), young.size(), static_cast<std::size_t>(covered),
                                          this_year.size()},
                    stages, now, check != nullptr, shared);

    // Charts when there is a year to compare with: participants, and the scores of stage 2.
    std::vector<std::string> years;
    for (const auto& yname : mon::recorded_years(tree)) {
        if (yname < year && mon::results(tree, yname).summary != nullptr) years.push_back(yname);
    }
    // The chart sits in the comparison with the previous year: without that year's figures the
    // template leaves the section out, and a chart there would have no picture to fill.
    if (!years.empty() && before.summary != nullptr) {
        Chart chart;  // under the caption «Рисунок 1 — Участники наставничества по учебным годам»
        const std::uint32_t colours[] = {0xB0B0B0, 0x7FA7D9, 0x2F6DB5, 0x1B3F73};
        years.push_back(year);
        if (years.size() > 4) years.erase(years.begin(), years.end() - 4);
        for (std::size_t k = 0; k < years.size(); ++k) {
            chart.series.push_back({years[k] + (years[k] == year ? " (на " + text::date_numeric(as_of) + ")" : ""),
                                    colours[4 - years.size() + k]});
        }
        // The chart's label column is narrow: short names of the table's rows.
        const std::pair<const char*, const char*> labels[] = {
            {"mentors", "Наставники"}, {"mentees", "Наставляемые"}, {"pairs", "Пары"}, {"groups", "Группы"},
            {"young", "Молодые специалисты"}, {"young_covered", "из них с наставником"}};
        for (const auto& [key, label] : labels) {
            // A figure a year did not record is left out, not drawn as zero.
            ChartRow r{label, {}, std::nullopt, {}};
            for (const auto& yname : years) {
                const xmlNode* v = yname == year ? child(part, key) : child(mon::results(tree, yname).summary, key);
                if (v != nullptr) r.values.push_back(std::stod(text_of(v)));
            }
            if (r.values.size() == years.size()) chart.rows.push_back(std::move(r));
        }
        out.charts.emplace("years", render_chart_png(chart));
        set_attr(add_element(rep, "chart"), "name", "years");
    }
    return out;
}

}  // namespace nastavnik::generate
