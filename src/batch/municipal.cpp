#include "batch/municipal.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/data/amendments.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/data/schema.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/docx/pictures.hpp"
#include "nastavnik/generate/document_settings.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/jurisdiction.hpp"
#include "nastavnik/rules/layering.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/number_words.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/text/typography.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/plain_tree.hpp"
#include "generate/analytical_report.hpp"
#include "generate/charts.hpp"

#include "input/rapidjson_alloc.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace nastavnik::batch {

using generate::Chart;
using generate::ChartRow;
using generate::render_chart_png;

namespace {

using rules::add_element;

const char* const organisation_types[] = {"общеобразовательная", "дошкольная", "дополнительного образования"};
constexpr const char* blank_number = "________";

// What a municipality's document says of an organisation: the outcome of its check. Whether its
// package was written is the run's business (Сводка, CSV): an organisation refused its documents
// has violated binding requirements, and the order's annex says «выявлены нарушения» (review
// 2026-12-06). One grammatical form in a column: «соответствует», «выявлены замечания», … — not
// «есть замечания» beside «нарушения» (issue 13). status_text is the data format (summaries).
const char* outcome_text(Status s) {
    switch (s) {
        case Status::compliant: return "соответствует";
        case Status::findings: return "выявлены замечания";
        case Status::violations:
        case Status::refused: return "выявлены нарушения";
        case Status::incomplete: return "проверка не завершена";
        case Status::failed: return "сведения представлены с ошибками";
    }
    return "";
}

// The series of the compliance chart, one per outcome_text.
std::size_t outcome_series(Status s) {
    switch (s) {
        case Status::compliant: return 0;
        case Status::findings: return 1;
        case Status::violations:
        case Status::refused: return 2;
        case Status::incomplete: return 3;
        case Status::failed: return 4;
    }
    return 4;
}

// An order names the organisations an item binds up to this many; more are a paragraph of
// names nobody reads, and the item refers to the annex, which gives each one's outcome.
constexpr std::size_t names_in_text = 10;

struct Target {
    std::string indicator, title, source;
    std::string label;  // short, for the chart
    double value = 0;
    double actual = 0;
    bool measurable = true;
};

struct Totals {
    int organisations = 0, processed = 0, compliant = 0, findings = 0, violations = 0, incomplete = 0, refused = 0, failed = 0;
    Indicators sum;
    int with_polozhenie = 0, with_programme = 0;
};

// A finding as a document states it: without the rule's code («[FED-MNT-01]») and the data
// fields named for the JSON report.
std::string in_words(const std::string& message) {
    std::string s = message;
    if (const auto open = s.rfind(" ["); open != std::string::npos && s.ends_with("]")) s.erase(open);
    return rules::without_data_paths(s);
}

// «2026-11-22» → «22.11.2026» wherever a message quotes a date as the data wrote it.
std::string dates_in_words(std::string s) {
    auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t k = 0; k < n; ++k) {
            if (at + k >= s.size() || s[at + k] < '0' || s[at + k] > '9') return false;
        }
        return true;
    };
    for (std::size_t i = 0; i + 10 <= s.size(); ++i) {
        if (!(digits(i, 4) && s[i + 4] == '-' && digits(i + 5, 2) && s[i + 7] == '-' && digits(i + 8, 2))) continue;
        if ((i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') || (i + 10 < s.size() && s[i + 10] >= '0' && s[i + 10] <= '9')) continue;
        s.replace(i, 10, s.substr(i + 8, 2) + "." + s.substr(i + 5, 2) + "." + s.substr(i, 4));
    }
    return s;
}

// «staff[1].birth_date» in the words of the organisation's format: «дата рождения (сотрудники,
// 2-я запись)». A path the format does not know is left out: the words of the message remain.
std::string field_in_words(const std::string& path) {
    const data::Type* type = &data::organisation_schema();
    std::string last, within;
    bool ended_on_index = false;
    std::size_t from = 0;
    while (from < path.size()) {
        std::size_t end = path.find('.', from);
        if (end == std::string::npos) end = path.size();
        std::string part = path.substr(from, end - from);
        from = end + 1;
        std::optional<long> index;
        if (const auto b = part.find('['); b != std::string::npos) {
            try {
                index = std::stol(part.substr(b + 1));
            } catch (const std::exception&) {
                return {};
            }
            part.erase(b);
        }
        const data::Field* field = nullptr;
        for (const auto& f : type->fields) {
            if (f.key == part) field = &f;
        }
        if (field == nullptr) return {};
        last = field->description.substr(0, field->description.find(" ("));
        type = &field->type;
        ended_on_index = index.has_value();
        if (index) {
            within = last + ", " + std::to_string(*index + 1) + "-я запись";
            if (type->item == nullptr) return {};
            type = type->item.get();
        }
    }
    if (within.empty()) return last;
    return ended_on_index ? within : last + " (" + within + ")";
}

// A problem of an organisation's data as the Сводка states it: what is wrong, in words, without
// the file, the line or the JSON path — those are in the CSV and the organisation's report.
std::string problem_in_words(const Diagnostic& d) {
    const std::string field = field_in_words(d.where.path);
    return (field.empty() ? "" : field + ": ") + dates_in_words(in_words(d.message));
}

std::string n_errors_text(std::size_t n) {
    const auto form = text::plural_form(static_cast<long>(n));
    return std::to_string(n) + "\u00A0" + (form == text::PluralForm::one ? "ошибка" : form == text::PluralForm::few ? "ошибки" : "ошибок");
}

double share(int part, int whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

std::string decimal(double v) { return text::decimal(v, 1); }

std::string percent_text(int part, int whole) { return whole > 0 ? decimal(share(part, whole)) + "\u00A0%" : "—"; }


Totals totals_of(const std::vector<OrganisationResult>& orgs) {
    Totals t;
    t.organisations = static_cast<int>(orgs.size());
    for (const auto& o : orgs) {
        switch (o.status) {
            case Status::compliant: ++t.compliant; break;
            case Status::findings: ++t.findings; break;
            case Status::violations: ++t.violations; break;
            case Status::incomplete: ++t.incomplete; break;
            case Status::refused: ++t.refused; break;
            case Status::failed: ++t.failed; break;
        }
        if (!o.indicators) continue;
        ++t.processed;
        const auto& i = *o.indicators;
        t.sum.staff += i.staff;
        // The participants of the year's programmes, as the organisations' справки count them: not
        // the pairs of programmes that ended in 2024 (reader H, F5).
        t.sum.mentors += i.year_mentors;
        t.sum.mentees += i.year_mentees;
        t.sum.pairs += i.year_pairs;
        t.sum.groups += i.year_groups;
        t.sum.young += i.young;
        t.sum.young_covered += i.young_covered;
        t.with_polozhenie += i.polozhenie ? 1 : 0;
        t.with_programme += i.programme ? 1 : 0;
    }
    return t;
}

// The indicators a region may set targets for: full title for tables and text, short label
// for the chart's narrow label column.
struct IndicatorNames {
    const char* id;
    const char* title;
    const char* label;
};
constexpr IndicatorNames indicator_names[] = {
    {"young_teachers_covered", "Доля молодых специалистов (стаж менее 3 лет), охваченных наставничеством",
     "молодые специалисты с наставником"},
    {"organisations_with_programme", "Доля организаций, имеющих программу развития наставничества",
     "организации с программой"},
    {"mentors_share", "Доля наставников среди педагогических работников", "наставники среди педагогов"},
    {"organisations_compliant", "Доля организаций, соответствующих требованиям к системе наставничества",
     "соответствуют требованиям"},
};

IndicatorNames names_of(const std::string& id) {
    for (const auto& n : indicator_names) {
        if (id == n.id) return n;
    }
    return {"", "", ""};
}

// The region's targets for the year of the as-of date, with what the municipality reached.
std::vector<Target> targets_of(const data::DataTree& municipality, const Totals& t, int year) {
    std::vector<Target> out;
    xpath::Evaluator ev(municipality.doc(), "2000-01-01");
    const auto nodes = ev.nodes(xpath::Expression::compile("/data/municipality/targets/target[year = " + std::to_string(year) + "]"),
                                municipality.root());
    for (xmlNodePtr n : nodes) {
        Target target;
        target.indicator = ev.string(xpath::Expression::compile("indicator"), n);
        target.title = names_of(target.indicator).title;
        target.label = names_of(target.indicator).label;
        target.value = ev.number(xpath::Expression::compile("value"), n);
        target.source = ev.string(xpath::Expression::compile("source"), n);
        if (target.indicator == "young_teachers_covered") target.actual = share(t.sum.young_covered, t.sum.young);
        if (target.indicator == "organisations_with_programme") target.actual = share(t.with_programme, t.processed);
        if (target.indicator == "mentors_share") target.actual = share(t.sum.mentors, t.sum.staff);
        if (target.indicator == "organisations_compliant") target.actual = share(t.compliant, t.processed);
        out.push_back(std::move(target));
    }
    return out;
}

struct DocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};

void add_person(xmlDocPtr doc, xmlNodePtr staff, const data::DataTree& m, const char* from, const char* id) {
    xpath::Evaluator ev(m.doc(), "2000-01-01");
    const auto nodes = ev.nodes(xpath::Expression::compile(std::string("/data/municipality/") + from), m.root());
    if (nodes.empty()) return;
    xmlNodePtr person = xmlDocCopyNode(nodes.front(), doc, 1);
    xmlNodeSetName(person, reinterpret_cast<const xmlChar*>("person"));
    xmlAddChild(staff, person);
    xmlAttrPtr attr = xmlNewProp(person, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>(id));
    xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(id), attr);
}

constexpr const char* amending_kind = "приказ о внесении изменений в приказ о внедрении системы наставничества";

// The municipality's act that introduced the system: the latest recorded before the as-of date.
std::optional<std::pair<Date, xmlNodePtr>> introduction_act(const data::DataTree& m, const Date& as_of) {
    xpath::Evaluator ev(m.doc(), as_of.iso());
    std::optional<std::pair<Date, xmlNodePtr>> found;
    for (xmlNodePtr a : ev.nodes(xpath::Expression::compile("/data/municipality/acts/act[kind = 'приказ о внедрении системы "
                                                            "наставничества']"),
                                 m.root())) {
        const auto date = Date::parse_iso(ev.string(xpath::Expression::compile("date"), a));
        if (date && *date < as_of && (!found || !(*date < found->first))) found = std::make_pair(*date, a);
    }
    return found;
}

// The date of the documents: --date, else the as-of date.
Date document_date(const Options& options) { return options.date.value_or(options.as_of); }

// The act of the municipality the document carries the date and number of — one recorded for
// the as-of date or later (registered ahead) keeps its own, whatever --date says, as in `generate`
// — else the documents' date and a blank number to fill in at registration. An act dated before
// the as-of date is another document, issued earlier (e.g. the act the order builds on, or last
// month's order on the results): this one is new.
std::pair<std::string, std::string> act_of(const data::DataTree& m, const std::string& kind, const Options& options) {
    const Date& as_of = options.as_of;
    xpath::Evaluator ev(m.doc(), as_of.iso());
    std::pair<std::string, std::string> found{document_date(options).iso(), blank_number};
    for (xmlNodePtr a : ev.nodes(xpath::Expression::compile("/data/municipality/acts/act[kind = '" + kind + "']"), m.root())) {
        const std::string date = ev.string(xpath::Expression::compile("date"), a);
        const auto parsed = Date::parse_iso(date);
        if (!parsed || *parsed < as_of) continue;
        const std::string number = ev.string(xpath::Expression::compile("number"), a);
        found = {date, number.empty() ? blank_number : number};
    }
    return found;
}


void set_attr_int(xmlNodePtr n, const char* name, int v) {
    xmlNewProp(n, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(std::to_string(v).c_str()));
}

// «МБОУ «СОШ № 8»», «МБОУ «СОШ № 8» и МБУ ДО «ЦДТ № 3»», «A, B и C».
std::string names_list(const std::vector<std::string>& names) { return text::enumeration(names); }

// Young specialists without a mentor are paired with the written consent of both (ст. 351.8 ТК
// РФ, the Положение): «закрепить наставника за молодым специалистом, …, при наличии письменного
// согласия наставника и наставляемого», or «… (всего 10 чел.) …» over several organisations.
std::string assign_text(int young, bool several_organisations) {
    if (young == 1) {
        return "закрепить наставника за молодым специалистом, не охваченным наставничеством, при наличии письменного согласия "
               "наставника и наставляемого";
    }
    return std::string("закрепить наставников за молодыми специалистами, не охваченными наставничеством (") +
           (several_organisations ? "всего " : "") + std::to_string(young) +
           "\u00A0чел.), при наличии письменного согласия наставников и наставляемых";
}

// An organisation is named by its short name, read even from a file that does not parse
// (runner.cpp); one whose name could not be read at all is the numbered row of the list every
// document has (the order's annex, the справка's table), in words that decline: after
// «руководителям … и» it is «организации № 17 по списку …» (reader H, F3).
const std::string unnamed_nominative = "организация № ";
const std::string unnamed_genitive = "организации № ";

std::string name_of(const OrganisationResult& o, int index) {
    return !o.name.empty() ? o.name : unnamed_nominative + std::to_string(index) + " по списку (наименование не прочитано)";
}

// The name after «руководителю», «руководителям»: a short name does not decline, the row of the
// list does. (No short name begins with the lower-case word.)
std::string genitive_of(const std::string& name) {
    return name.starts_with(unnamed_nominative) ? unnamed_genitive + name.substr(unnamed_nominative.size()) : name;
}

std::vector<std::string> genitive_of(std::vector<std::string> names) {
    for (auto& n : names) n = genitive_of(n);
    return names;
}

// Why the data of an organisation were not taken in, for its head (reader H, F8): the first
// problem in words, without file, line or JSON path; the others are in its «Результат проверки».
std::string rejection_in_words(const OrganisationResult& o) {
    if (o.reasons.empty()) return "сведения представлены с ошибками";
    const Diagnostic& d = o.reasons.front();
    static const std::map<std::string, std::string, std::less<>> about{
        {"organisation", "об организации"}, {"staff", "о работниках"}, {"curator", "о кураторе"},
        {"mentors", "о наставниках"}, {"pairs", "о наставнических парах"}, {"groups", "о наставнических группах"},
        {"acts", "о локальных актах и приказах"}, {"pedagogical_council", "о педагогическом совете"},
        {"trade_union_opinion", "о мнении профсоюзной организации"}, {"monitoring", "о мониторинге"}};
    std::string message = dates_in_words(in_words(d.message));
    // «такой даты не существует: «30.02.1980»» after the field's own colon: the value after a comma.
    if (const auto q = message.rfind(": «"); q != std::string::npos) message.replace(q, 1, ",");
    std::string out;
    const auto section = about.find(std::string_view(d.where.path).substr(0, d.where.path.find_first_of(".[")));
    std::string field = field_in_words(d.where.path);
    field = field.substr(0, field.find(" ("));
    if (section != about.end()) out = "в сведениях " + section->second + ": ";
    if (!field.empty()) out += field + " — ";
    out += message;
    if (o.reasons.size() > 1) out += ", и другие ошибки";
    return out;
}

namespace mon = data::monitoring;

using text::lower_first;

// A dash in a title («обучающиеся наставляемого — участники олимпиад») never starts a line.
std::string dash_bound(std::string s) {
    for (std::size_t at = 0; (at = s.find(" \u2014", at)) != std::string::npos;) s.replace(at, 1, "\u00A0");
    return s;
}

std::string indicator_value(const mon::Indicator& i, double v) { return generate::indicator_value_text(i, v); }

// «рост (+3)», «снижение (−1,5)», «без изменений».
std::string change_text(double before, double now, const char* unit) {
    const double d = now - before;
    if (std::abs(d) < 0.05) return "без изменений";
    return std::string(d > 0 ? "рост (+" : "снижение (\u2212") + decimal(std::abs(d)) + unit + ")";
}

// «общеобразовательных», «дошкольных», «дополнительного образования»: organisations of a type,
// after a count or «для … организаций».
std::string of_type(const std::string& type) {
    return type == "общеобразовательная" ? "общеобразовательных" : type == "дошкольная" ? "дошкольных" : type;
}

// The indicators the acts in force ask the organisations to assess, with the number of each
// stage: «все 14 показателей, установленные действующими актами (первого этапа — 7, второго —
// 7)». The acts ask by type of organisation (exams only where there are exams), so one count of
// their union would be false for a kindergarten: where the types differ each is counted, and
// where organisations of one type differ no number is given.
// Before the programmes end (`first_only`) the second stage is not due: only the first is counted.
std::string established_text(const std::vector<OrganisationResult>& orgs, bool first_only) {
    const std::string acts = ", установленные действующими актами";
    std::vector<std::pair<std::string, std::pair<long, long>>> by_type;  // type → (stage 1, stage 2)
    bool uniform = true;
    for (const auto& o : orgs) {
        if (!o.indicators || o.programmes_this_year == 0 || o.monitoring_planned.empty()) continue;
        std::pair<long, long> n{0, 0};
        for (const auto& i : mon::indicators()) {
            if (std::find(o.monitoring_planned.begin(), o.monitoring_planned.end(), i.id) == o.monitoring_planned.end()) continue;
            if (i.stage == 1 || !first_only) ++(i.stage == 1 ? n.first : n.second);
        }
        const auto same = std::find_if(by_type.begin(), by_type.end(), [&](const auto& e) { return e.first == o.type; });
        if (same == by_type.end()) by_type.emplace_back(o.type, n);
        else uniform = uniform && same->second == n;
    }
    if (by_type.empty()) return "все показатели" + acts;
    if (!uniform) return (first_only ? "показатели первого этапа" : "показатели первого и второго этапов") + acts + " (по виду организации)";
    const auto& n = by_type.front().second;
    const bool same = std::all_of(by_type.begin(), by_type.end(), [&](const auto& e) { return e.second == n; });
    if (first_only && same) return "все " + text::with_noun(n.first, "показатель", "показателя", "показателей") + " первого этапа" + acts;
    if (same) {
        return "все " + text::with_noun(n.first + n.second, "показатель", "показателя", "показателей") + acts +
               " (первого этапа — " + std::to_string(n.first) + ", второго — " + std::to_string(n.second) + ")";
    }
    // The types in the order the справка lists them everywhere else.
    auto rank = [](const std::string& type) {
        return std::find(std::begin(organisation_types), std::end(organisation_types), type) - std::begin(organisation_types);
    };
    std::stable_sort(by_type.begin(), by_type.end(), [&](const auto& a, const auto& b) { return rank(a.first) < rank(b.first); });
    std::string list;
    for (const auto& [type, counts] : by_type) {
        const bool first = list.empty();
        const std::string who = type == "дошкольная" || type == "общеобразовательная" ? of_type(type) + (first ? " организаций" : "")
                                                                                      : "организаций " + of_type(type);
        list += std::string(first ? "" : ", ") + "для " + who + " — " +
                (first_only ? (first ? text::with_noun(counts.first, "показатель", "показателя", "показателей") : std::to_string(counts.first))
                 : first    ? text::with_noun(counts.first, "показатель", "показателя", "показателей") + " первого этапа и " +
                               std::to_string(counts.second) + " второго"
                            : std::to_string(counts.first) + " и " + std::to_string(counts.second));
    }
    return std::string(first_only ? "показатели первого этапа" : "показатели") + acts + " для организаций каждого вида (" + list + ")";
}

// The assessment procedures each organisation's acts name (monitoring_exams of the rulesets in
// force for it, «ВПР|ОГЭ» in Барнаул): its exams indicator is titled as its own справка titles
// it, not by another municipality's act (reader H, F4).
std::vector<std::vector<std::string>> exams_of(const std::vector<OrganisationResult>& orgs, const rules::Catalog& catalog,
                                               const Date& as_of) {
    std::map<std::vector<std::string>, std::vector<std::string>> known;  // rulesets → exams
    std::vector<std::vector<std::string>> out;
    for (const auto& o : orgs) {
        auto [it, added] = known.try_emplace(o.rulesets);
        if (added) {
            std::vector<const rules::Ruleset*> rulesets;
            for (const auto& r : o.rulesets) {
                if (const auto* rs = catalog.find(r.substr(0, r.find(' ')), as_of)) rulesets.push_back(rs);
            }
            const auto parameters = rules::compose(rulesets).parameters_at(as_of);
            if (const auto p = parameters.find("monitoring_exams"); p != parameters.end()) {
                for (std::size_t from = 0; from < p->second.size();) {
                    const auto bar = std::min(p->second.find('|', from), p->second.size());
                    if (bar > from) it->second.push_back(p->second.substr(from, bar - from));
                    from = bar + 1;
                }
            }
        }
        out.push_back(it->second);
    }
    return out;
}

// What the справка concludes and the order assigns: the year, the deadlines, each
// organisation's measures, the monitoring by indicator and the comparison with the previous
// year (docs/ru/batch.md «Данные для документов муниципалитета»).
void add_analysis(xmlNodePtr root, const data::DataTree& m, const std::vector<OrganisationResult>& orgs,
                  const std::vector<std::vector<std::string>>& exams, const Totals& t, const std::vector<Target>& targets, const Options& options, std::optional<generate::Chart>& years_chart) {
    const std::string year = mon::year_of(options.as_of);
    const std::string previous = mon::previous_year(year);
    const Date year_start = *mon::year_start(year);
    add_element(root, "academic_year", year);
    add_element(root, "previous_year", previous);
    // The deadline of the measures: the municipality's own, else a month after the documents'
    // date, moved off a day that is not a working day.
    const auto given = Date::parse_iso(m.field("municipality", "deadline"));
    const Date deadline = given ? *given : next_working_day(document_date(options).add_months(1));
    add_element(root, "deadline", deadline.iso());
    // The year's monitoring is handed in before the summer (15 June, on a working day: the date the
    // organisations' справки and roadmaps give), its summary by 1 July.
    const Date monitoring_deadline = monitoring_year_due(year_start.year() + 1);
    if (options.as_of < monitoring_deadline) add_element(root, "monitoring_deadline", monitoring_deadline.iso());
    add_element(root, "summary_deadline", Date(year_start.year() + 1, 7, 1).iso());

    // Who must do what: each organisation from its findings.
    std::vector<std::string> to_fix, to_resubmit, to_complete, to_measure, to_assign;
    int young_left = 0;  // young teachers of the organisations whose data were read, without a mentor
    // Those of organisations whose list of mentees is to be updated: that measure pairs them
    // (reader D, M1: «актуализировать список наставляемых» and «закрепить наставников» for one
    // school in two items).
    std::vector<std::string> listed_to_assign;
    int young_listed = 0;
    std::size_t errors_to_fix = 0, warnings_to_fix = 0;  // what the order and the справка name: «замечание», …
    xmlNodePtr measures = add_element(root, "measures");
    // By when each organisation puts its findings right: the date its own справка gives (the
    // roadmap's for what the roadmap plans), unless the municipality set its own deadline.
    std::set<Date> fix_dates;
    // The year the next pairs are formed for, as the organisation's справка says it: this one
    // until June, then the next.
    const std::string pairs_year = options.as_of < Date(year_start.year() + 1, 6, 1) ? year
                                   : std::to_string(year_start.year() + 1) + "/" + std::to_string(year_start.year() + 2);
    int index = 0;
    for (const auto& o : orgs) {
        const std::string name = name_of(o, ++index);
        std::vector<std::string> items;
        Date due = deadline;
        auto finding = [](std::string text) {
            while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
            return lower_first(text);
        };
        // What only programmes that ended concern is taken into account when pairs are next
        // formed, by no deadline (the organisation's справка, the act); a recommendation is
        // advice, not «устранить … в срок» (reader H, F1).
        std::vector<std::string> history, advice;
        if (o.status == Status::failed) {
            items.push_back(o.unreadable ? "представить сведения для мониторинга заново (файл сведений повреждён и не читается)"
                                         : "представить исправленные сведения для мониторинга (" + rejection_in_words(o) + ")");
            to_resubmit.push_back(name);
        } else {
            bool fix = false;
            const int uncovered = o.indicators ? o.indicators->young - o.indicators->young_covered : 0;
            bool assigned = false;  // by the measure on the list of mentees
            for (const auto kind : {FindingText::Kind::error, FindingText::Kind::warning, FindingText::Kind::recommendation}) {
                for (const auto& f : o.findings) {
                    if (f.kind != kind) continue;
                    if (!f.ended.empty()) {
                        // The finding as found, with the years of its programmes («(2023/2024)»):
                        // its remedy («установить срок программы …») can no longer be carried out.
                        history.push_back(finding(f.text) + " (" + f.ended + ")");
                        continue;
                    }
                    if (kind == FindingText::Kind::recommendation) {
                        // The rule's remedy is an infinitive: «рекомендуется получить …»; without one,
                        // the finding is a fact to weigh.
                        advice.push_back(!f.remedy.empty() ? "рекомендуется " + finding(f.remedy)
                                                           : "принять во внимание: " + finding(f.text));
                        continue;
                    }
                    // What to do, as the rule words it («получить письменное согласие В.Н.
                    // Ивановой …»), not the finding pasted after «устранить» (reader B, 25). A
                    // rule without one: the finding, after a dash (its text may have a colon).
                    std::string item = !f.remedy.empty() ? finding(f.remedy)
                                                         : (kind == FindingText::Kind::error ? "устранить нарушение обязательных требований — "
                                                                                             : "устранить замечание — ") +
                                                               finding(f.text);
                    if (f.mentee_list && uncovered > 0 && !assigned) {
                        item += " и " + assign_text(uncovered, false);
                        assigned = true;
                    }
                    if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
                    fix = true;
                    if (kind == FindingText::Kind::error) ++errors_to_fix;
                    if (kind == FindingText::Kind::warning) ++warnings_to_fix;
                }
            }
            if (fix) {
                to_fix.push_back(name);
                if (!given && o.remedy_deadline) due = *o.remedy_deadline;
                fix_dates.insert(due);
            }
            if (o.status == Status::incomplete) {
                items.push_back("представить сведения, недостающие для проверки обязательных требований");
                to_complete.push_back(name);
            }
            std::size_t missing = 0;
            for (const auto& id : o.monitoring_planned) missing += o.monitoring_now.count(id) == 0 ? 1 : 0;
            if (o.programmes_this_year > 0 && !o.monitoring_planned.empty() && missing == o.monitoring_planned.size()) {
                to_measure.push_back(name);
            }
            if (assigned) {
                listed_to_assign.push_back(name);
                young_listed += uncovered;
            } else if (uncovered > 0) {
                to_assign.push_back(name);
                young_left += uncovered;
            }
        }
        if (items.empty() && history.empty() && advice.empty()) continue;
        xmlNodePtr n = add_element(measures, "organisation");
        add_element(n, "name", genitive_of(name));  // «руководителю {name} в срок до …»
        // The deadline heads the organisation's measures when all of them have it; beside what has
        // none, each measure carries its own.
        const bool dated_all = history.empty() && advice.empty();
        if (dated_all) add_element(n, "deadline", due.iso());
        for (const auto& text : items) add_element(n, "item", dated_all ? text : "в срок до " + text::date_numeric(due) + " " + text);
        for (const auto& text : advice) add_element(n, "item", text);
        const std::string consider = "учесть при закреплении наставнических пар (групп) на " + pairs_year + " учебный год";
        if (history.size() == 1) {
            add_element(n, "item", consider + ": " + history.front());
        } else if (!history.empty()) {
            // Each on a line of its own, lettered: a finding may hold «;» itself.
            xmlNodePtr h = add_element(n, "history");
            add_element(h, "lead", consider + " выявленное по завершённым программам наставничества");
            // Letters as a list of sub-items is lettered (а, б, в …, without ё, й, ъ, ы, ь).
            static const char* const letters[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л", "м", "н", "о", "п",
                                                  "р", "с", "т", "у", "ф", "х", "ц", "ч", "ш", "щ", "э", "ю", "я"};
            for (std::size_t k = 0; k < history.size(); ++k) {
                add_element(h, "finding", (k < std::size(letters) ? std::string(letters[k]) : std::to_string(k + 1)) + ") " + history[k]);
            }
        }
    }
    // Up to names_in_text organisations are named; more are counted and described by `which`
    // («в которых выявлены нарушения»): the справка names each in its own sub-item above.
    // Every organisation whose data were read: not a list of all of them. (Those whose data
    // were not read are never all of those that were, though they may be as many.)
    auto all_read = [&](const std::vector<std::string>& names, bool read = true) {
        return read && names.size() > 2 && static_cast<int>(names.size()) == t.processed;
    };
    // Named, described or «all»: decided here once; `named` tells the caller which (its other
    // sentences name them the same way).
    struct Heads {
        xmlNodePtr node = nullptr;
        bool named = false;  // by name, not described nor «всех организаций»
    };
    auto heads = [&](const char* element, const std::vector<std::string>& names, const std::string& which,
                     bool read = true) -> Heads {
        if (names.empty()) return {};
        xmlNodePtr n = add_element(root, element);
        add_element(n, "count", std::to_string(names.size()));
        const bool all = all_read(names, read);
        const bool described = !all && names.size() > names_in_text;
        const auto count = static_cast<long long>(names.size());
        std::string dative;
        if (all) {
            dative = "руководителям всех организаций, сведения которых обработаны";
        } else if (described) {
            dative = "руководителям " + std::to_string(count) +
                     (text::plural_form(count, text::Case::genitive, false) == text::PluralForm::one
                          ? " образовательной организации, "
                          : " образовательных организаций, ") +
                     which;
        } else {
            dative = (names.size() == 1 ? "руководителю " : "руководителям ") + names_list(genitive_of(names));
        }
        add_element(n, "dative", dative);
        // The справка names each organisation whatever their number: a proposal to «11
        // образовательных организаций» cannot be executed or checked (reader B, 1); the order
        // refers to its annex instead.
        add_element(n, "named_dative", described ? "руководителям " + names_list(genitive_of(names)) : dative);
        // The description says why they are named («…, а показатели мониторинга не оценивались»):
        // the proposal does not say it again.
        if (described) add_element(n, "described", "да");
        // The comma that closes «…, в которых выявлены замечания,» before the verb; none before a colon.
        add_element(n, "dative_end", described ? "," : "");
        add_element(n, "names", names_list(names));
        return {n, !all && !described};
    };
    {
        // What there is to put right, in the number there is: «устранить замечание, названное …»,
        // «организации, в которой выявлено замечание» — not «нарушения и замечания» for one
        // замечание (review 6, M-1, M-3).
        const std::size_t total = errors_to_fix + warnings_to_fix;
        std::string nom, gen;
        auto add = [&](std::size_t count, const char* sg, const char* pl, const char* sg_gen, const char* pl_gen) {
            if (count == 0) return;
            nom += std::string(nom.empty() ? "" : " и ") + (count == 1 ? sg : pl);
            gen += std::string(gen.empty() ? "" : " и ") + (count == 1 ? sg_gen : pl_gen);
        };
        add(errors_to_fix, "нарушение", "нарушения", "нарушения", "нарушений");
        add(warnings_to_fix, "замечание", "замечания", "замечания", "замечаний");
        const std::string verb = total == 1 ? "выявлено" : "выявлены";
        if (const auto [n, named] = heads("to_fix", to_fix, "в которых " + verb + " " + nom); n != nullptr) {
            // The order names what its item binds beyond the findings: the young specialists the
            // updated lists take in (the справка proposes both in one sub-item per organisation).
            // Named as the item names those it binds: described when they are.
            if (!listed_to_assign.empty()) {
                const bool many = listed_to_assign.size() > 1;
                const std::string assign = assign_text(young_listed, many);
                add_element(n, "with_assign",
                            listed_to_assign.size() == to_fix.size()
                                ? ", и " + assign
                            : named ? std::string(many ? ", а руководителям " : ", а руководителю ") + names_list(listed_to_assign) +
                                      " — также " + assign
                                : ", а руководителям тех из них, в которых список наставляемых не актуализирован, — также " + assign);
            }
            // One date for all of them, or each organisation's in the справка's «Выводы и предложения».
            if (fix_dates.size() == 1) add_element(n, "deadline", fix_dates.begin()->iso());
            add_element(n, "found", nom);
            add_element(n, "found_genitive", gen);
            add_element(n, "found_verb", verb);
            add_element(n, "found_named", total == 1 ? "названное" : "названные");
        }
    }
    if (const auto [n, named] = heads("to_resubmit", to_resubmit, "сведения которых представлены с ошибками", false); n != nullptr) {
        // Whom the order acquaints and sends itself to, named as its item binding them names them:
        // by name up to names_in_text, else described — never a list of names under an item
        // that counts them.
        add_element(n, "genitive", named ? (to_resubmit.size() == 1 ? "руководителя " : "руководителей ") + names_list(to_resubmit)
                                         : "руководителей организаций, сведения которых представлены с ошибками");
        add_element(n, "mailing", named ? "в " + names_list(to_resubmit)
                                        : "а также в организации, сведения которых представлены с ошибками");
    }
    heads("to_complete", to_complete, "не представивших сведений, необходимых для проверки");
    heads("to_measure", to_measure, "в которых реализуются программы наставничества, а показатели мониторинга не оценивались");
    // Young teachers without a mentor: each organisation's справка proposes to assign them one;
    // the municipality's proposes it to those organisations (issue 13).
    // Described, they are named where the order can point (the annex does not show young
    // specialists): the справка's proposal lists them.
    if (xmlNodePtr n = heads("to_assign", to_assign, "в которых не все молодые специалисты охвачены наставничеством "
                                                     "(названы в разделе «Выводы и предложения» аналитической справки)").node) {
        add_element(n, "young_left", std::to_string(young_left));
    }

    // Targets not reached: the conclusions say so.
    xmlNodePtr missed = add_element(root, "targets_missed");
    for (const auto& target : targets) {
        if (target.actual + 1e-9 >= target.value) continue;
        add_element(missed, "target", "«" + target.title + "»: " + decimal(target.actual) + "\u00A0% при целевом значении " +
                                          decimal(target.value) + "\u00A0%");
    }

    // The monitoring by indicator: the organisations asked to measure it, those that did, the
    // value put together (averaged for shares and scores, summed for counts) — this year and
    // the previous one; «не оценивалось» where no one measured it. Values at the end of
    // programmes are results; values taken only at their start are shown as such and not
    // compared with a year's results.
    xmlNodePtr monitoring = add_element(root, "monitoring");
    std::vector<std::string> pending_titles;
    // Those nobody assessed, grouped by whom they are set for: «…» и «…» (для дошкольных организаций — 5).
    std::vector<std::pair<std::string, std::vector<std::string>>> unmeasured;
    struct Sum {
        int n = 0;
        double total = 0;
        void add(double v) { ++n, total += v; }
        [[nodiscard]] double of(bool summed) const { return summed || n == 0 ? total : total / n; }
    };
    // The organisations that run programmes in the year: whom the monitoring concerns.
    const auto running = std::count_if(orgs.begin(), orgs.end(), [](const OrganisationResult& o) {
        return o.indicators && o.programmes_this_year > 0;
    });
    // The second stage is held once the programmes end (by the year's monitoring deadline): before
    // it an organisation that has not assessed it is not behind (reader H, F9).
    const std::optional<Date> stage2_due = options.as_of < monitoring_deadline ? std::optional<Date>(monitoring_deadline) : std::nullopt;
    for (const auto& i : mon::indicators()) {
        // One row per title, over the organisations whose acts set the indicator: a kindergarten's
        // «Доля воспитанников …» is a row of its own, the exams are those its acts name, and an
        // indicator only another region's act sets is no row, whoever measured it (reader H, F4).
        std::vector<std::string> titles, title_of(orgs.size());
        for (std::size_t k = 0; k < orgs.size(); ++k) {
            const auto& o = orgs[k];
            if (!o.indicators ||
                std::find(o.monitoring_planned.begin(), o.monitoring_planned.end(), i.id) == o.monitoring_planned.end()) {
                continue;
            }
            title_of[k] = mon::title_of(i, o.type, exams[k]);
            if (std::find(titles.begin(), titles.end(), title_of[k]) == titles.end()) titles.push_back(title_of[k]);
        }
        for (const auto& title : titles) {
            int planned = 0, measured = 0, pending = 0;
            std::map<std::string, int> by_type;  // whom it is set for, among those counted
            bool at_start = true;
            Sum end, start, before;
            for (std::size_t k = 0; k < orgs.size(); ++k) {
                const auto& o = orgs[k];
                if (title_of[k] != title) continue;
                const auto a = o.monitoring_now.find(i.id);
                const auto b = o.monitoring_before.find(i.id);
                // An organisation without a programme in the year has nothing to measure in it.
                if (o.programmes_this_year == 0 && a == o.monitoring_now.end() && b == o.monitoring_before.end()) continue;
                ++planned;
                ++by_type[o.type];
                if (a != o.monitoring_now.end()) {
                    ++measured;
                    if (a->second.end) end.add(*a->second.end);
                    if (a->second.start) start.add(*a->second.start);
                    at_start = at_start && a->second.at_start;
                } else if (i.stage == 2 && stage2_due && o.programmes_this_year > 0) {
                    ++pending;
                }
                if (b != o.monitoring_before.end() && b->second.end) before.add(*b->second.end);
            }
            if (planned == 0) continue;
            const bool summed = i.unit == mon::Unit::count;
            xmlNodePtr n = add_element(monitoring, "indicator");
            add_element(n, "stage", std::to_string(i.stage));
            add_element(n, "title", dash_bound(title));
            add_element(n, "planned", std::to_string(planned));
            add_element(n, "measured", std::to_string(measured));
            add_element(n, "no_data", std::to_string(planned - measured - pending));
            std::string current = end.n > 0 ? indicator_value(i, end.of(summed)) : std::string();
            if (start.n > 0) {
                // The words the organisation's справка uses for the same measurements (reader B, 11).
                const std::string when = at_start ? "на начало программ\u00A0— " : "на начало и в ходе программ\u00A0— ";
                current += (current.empty() ? when : " (" + when) + indicator_value(i, start.of(summed)) + (current.empty() ? "" : ")");
            }
            if (current.empty() && pending > 0) {
                current = "оценивается по завершении программ (срок\u00A0— до " + text::date_numeric(*stage2_due) + ")";
            }
            add_element(n, "current", current.empty() ? "не оценивалось" : current);
            // The previous year's value with the number of organisations it is of: the column of
            // counts is this year's (reader B, 10).
            add_element(n, "previous", before.n > 0 ? indicator_value(i, before.of(summed)) + " (" + std::to_string(before.n) + "\u00A0орг.)"
                                                    : "не оценивалось");
            // A sum over different organisations is no trend; a mean of results is.
            add_element(n, "change", end.n > 0 && before.n > 0 && !summed
                                         ? change_text(before.of(false), end.of(false), i.unit == mon::Unit::percent ? "\u00A0п.\u00A0п." : "")
                                     : end.n == 0 && (start.n > 0 || pending > 0) && before.n > 0 ? "год не завершён"
                                                                                                  : "не оценивалось");
            const bool any = measured > 0 || before.n > 0;
            add_element(n, "any", any ? "да" : "нет");
            if (!any && pending > 0) {
                // Nothing to show in a row yet: said in one sentence with its deadline.
                pending_titles.push_back("«" + dash_bound(title) + "»");
            } else if (!any) {
                // For whom it is set: «(общеобразовательных организаций — 7)», not «ни одна из 15»
                // of which 8 are kindergartens that were never asked (reader H, F4).
                std::string whom;
                for (const char* type : organisation_types) {
                    if (const auto c = by_type.find(type); c != by_type.end()) {
                        const bool additional = std::string(type) == "дополнительного образования";
                        whom += (whom.empty() ? "для " : ", ") + (additional ? "организаций " + of_type(type) : of_type(type) + " организаций") +
                                "\u00A0— " + std::to_string(c->second);
                    }
                }
                auto group = std::find_if(unmeasured.begin(), unmeasured.end(), [&](const auto& g) { return g.first == whom; });
                if (group == unmeasured.end()) group = unmeasured.insert(unmeasured.end(), {whom, {}});
                group->second.push_back("«" + dash_bound(title) + "»");
            }
        }
    }
    set_attr_int(monitoring, "organisations", t.processed);
    set_attr_int(monitoring, "running", static_cast<int>(running));
    add_element(monitoring, "established", established_text(orgs, stage2_due.has_value()));
    if (!pending_titles.empty()) {
        add_element(monitoring, "pending", text::enumeration(pending_titles));
        add_element(monitoring, "pending_due", stage2_due->iso());
    }
    if (!unmeasured.empty()) {
        std::string list;
        for (const auto& [whom, titles] : unmeasured) {
            list += (list.empty() ? "" : "; ") + text::enumeration(titles) + (whom.empty() ? "" : " (" + whom + ")");
        }
        add_element(monitoring, "unmeasured", list);
    }

    // The participants against the previous year, over the organisations that recorded both.
    xmlNodePtr cmp = add_element(root, "comparison");
    YearFigures before, now;
    int both = 0;
    std::vector<std::string> without;
    index = 0;
    for (const auto& o : orgs) {
        ++index;
        if (!o.indicators) continue;
        if (!o.previous) {
            without.push_back(name_of(o, index));
            continue;
        }
        ++both;
        const auto& p = *o.previous;
        const auto& i = *o.indicators;
        before.mentors += p.mentors, before.mentees += p.mentees, before.pairs += p.pairs, before.groups += p.groups;
        before.young += p.young, before.young_covered += p.young_covered;
        now.mentors += i.year_mentors, now.mentees += i.year_mentees, now.pairs += i.year_pairs, now.groups += i.year_groups;
        now.young += i.young, now.young_covered += i.young_covered;
    }
    set_attr_int(cmp, "organisations", both);
    set_attr_int(cmp, "without", static_cast<int>(without.size()));
    add_element(cmp, "without_names", names_list(without));
    const std::tuple<const char*, const char*, int, int> rows[] = {
        {"Наставники", "Наставники", before.mentors, now.mentors},
        {"Наставляемые", "Наставляемые", before.mentees, now.mentees},
        {"Наставнические пары", "Пары", before.pairs, now.pairs},
        {"Наставнические группы", "Группы", before.groups, now.groups},
        {"Молодые специалисты (стаж менее трёх лет)", "Молодые специалисты", before.young, now.young},
        {"Из них охвачены наставничеством", "из них с наставником", before.young_covered, now.young_covered}};
    generate::Chart chart;
    chart.series = {{previous, 0x7FA7D9}, {year + " (на " + text::date_numeric(options.as_of) + ")", 0x2F6DB5}};
    for (const auto& [title, label, b, c] : rows) {
        xmlNodePtr r = add_element(cmp, "row");
        add_element(r, "title", title);
        add_element(r, "previous", std::to_string(b));
        add_element(r, "current", std::to_string(c));
        add_element(r, "change", change_text(b, c, ""));
        chart.rows.push_back(generate::ChartRow{label, {static_cast<double>(b), static_cast<double>(c)}, std::nullopt, {}});
    }
    if (both > 0) years_chart = std::move(chart);
}

// The tree the municipal templates are filled from (docs/ru/batch.md).
std::unique_ptr<xmlDoc, DocFree> report_tree(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                                             const std::vector<std::vector<std::string>>& exams, const Totals& t, const std::vector<Target>& targets, const Options& options,
                                             std::optional<generate::Chart>& years_chart) {
    std::unique_ptr<xmlDoc, DocFree> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("report"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    const data::DataTree& m = *input.municipality;
    {
        xpath::Evaluator ev(m.doc(), "2000-01-01");
        const auto nodes = ev.nodes(xpath::Expression::compile("/data/municipality"), m.root());
        xmlNodePtr copy = xmlDocCopyNode(nodes.front(), doc.get(), 1);
        xmlAddChild(root, copy);
        if (data::child(copy, "committee_genitive") == nullptr) {
            add_element(copy, "committee_genitive", input.committee_genitive);
        }
    }
    xmlNodePtr staff = add_element(root, "staff");
    add_person(doc.get(), staff, m, "head", "head");
    add_person(doc.get(), staff, m, "coordinator", "coordinator");
    add_element(root, "as_of", options.as_of.iso());
    add_element(root, "year", std::to_string(options.as_of.year()));
    // The year's итоги are summed up at its end (June to August); before that an order states
    // the results as of its date (issue 13: «Об итогах … в 2026/2027 учебном году» of 06.12.2026).
    if (options.as_of.month() >= 6 && options.as_of.month() <= 8) add_element(root, "year_closed", "да");

    xmlNodePtr tn = add_element(root, "totals");
    auto num = [&](const char* name, int v) { add_element(tn, name, std::to_string(v)); };
    num("organisations", t.organisations);
    num("processed", t.processed);
    num("compliant", t.compliant);
    num("findings", t.findings);
    num("violations", t.violations);
    num("incomplete", t.incomplete);
    num("refused", t.refused);
    num("failed", t.failed);
    num("staff", t.sum.staff);
    num("mentors", t.sum.mentors);
    num("mentees", t.sum.mentees);
    num("pairs", t.sum.pairs);
    num("groups", t.sum.groups);
    num("young", t.sum.young);
    num("young_covered", t.sum.young_covered);
    num("with_polozhenie", t.with_polozhenie);
    num("with_programme", t.with_programme);
    // Shares of organisations are of those whose data were read (one denominator throughout).
    add_element(tn, "compliant_share", percent_text(t.compliant, t.processed));
    add_element(tn, "mentors_share", percent_text(t.sum.mentors, t.sum.staff));
    add_element(tn, "young_covered_share", percent_text(t.sum.young_covered, t.sum.young));
    std::string by_type;
    for (const char* type : organisation_types) {
        const auto n = std::count_if(orgs.begin(), orgs.end(), [&](const OrganisationResult& o) { return o.type == type; });
        if (n == 0) continue;
        // «общеобразовательных — 5»: the count of organisations of each type.
        by_type += (by_type.empty() ? "" : ", ") + of_type(type) + "\u00A0— " + std::to_string(n);
    }
    const auto unknown = std::count_if(orgs.begin(), orgs.end(), [](const OrganisationResult& o) { return o.type.empty(); });
    if (unknown > 0) {
        // Not a type among the types (reader H, F10).
        by_type += (by_type.empty() ? "" : "; ") + std::string("тип ") +
                   (unknown == 1 ? std::string("одной организации")
                                 : std::to_string(unknown) +
                                       (text::plural_form(unknown, text::Case::genitive, false) == text::PluralForm::one ? " организации"
                                                                                                                         : " организаций")) +
                   " не установлен (сведения не прочитаны)";
    }
    add_element(tn, "by_type_text", by_type);
    // Whose programmes do not run in the year: their participants are not the year's (F5).
    std::vector<std::string> idle;
    for (const auto& o : orgs) {
        if (o.indicators && o.programmes_this_year == 0) idle.push_back(o.name);
    }
    if (!idle.empty()) {
        add_element(tn, "idle", idle.size() > names_in_text
                                    ? "в " + std::to_string(idle.size()) +
                                          (text::plural_form(static_cast<long>(idle.size())) == text::PluralForm::one ? " организации"
                                                                                                                     : " организациях")
                                    : "в " + names_list(idle));
        add_element(tn, "idle_count", std::to_string(idle.size()));
    }

    xmlNodePtr tg = add_element(root, "targets");
    for (const auto& target : targets) {
        xmlNodePtr n = add_element(tg, "target");
        add_element(n, "title", target.title);
        add_element(n, "value", decimal(target.value) + "\u00A0%");
        add_element(n, "actual", decimal(target.actual) + "\u00A0%");
        add_element(n, "met", target.actual + 1e-9 >= target.value ? "да" : "нет");
        add_element(n, "source", target.source.empty() ? "—" : target.source);
        // Organisations the share could not count: data not read; for young teachers also
        // those with a pedagogical worker whose start of experience is not recorded.
        int no_data = t.failed;
        if (target.indicator == "young_teachers_covered") {
            no_data += static_cast<int>(std::count_if(orgs.begin(), orgs.end(), [](const OrganisationResult& o) {
                return o.indicators && o.indicators->experience_unknown > 0;
            }));
        }
        add_element(n, "no_data", std::to_string(no_data));
    }

    xmlNodePtr on = add_element(root, "organisations");
    xmlNodePtr listed = add_element(root, "order_organisations");
    // The year's order states the results of every organisation, numbered as the справка's § 7: one
    // whose data have errors has its row «сведения представлены с ошибками» (reader of 7.12.2026:
    // СОШ № 14 was № 13 in the order and № 14 in the справка).
    xmlNodePtr results = add_element(root, "order_results");
    xmlNodePtr pn = add_element(root, "problems");
    int index = 0, in_order = 0;
    for (const auto& o : orgs) {
        xmlNodePtr n = add_element(on, "organisation");
        add_element(n, "n", std::to_string(++index));
        // A document names an organisation, never its file: one whose name could not be read
        // is the numbered row of the list.
        const std::string name = name_of(o, index);
        add_element(n, "name", name);
        add_element(n, "type", o.type.empty() ? "—" : o.type);
        add_element(n, "status", outcome_text(o.status));
        {
            xmlNodePtr r = add_element(results, "organisation");
            add_element(r, "n", std::to_string(index));
            add_element(r, "name", name);
            add_element(r, "type", o.type.empty() ? "—" : o.type);
            add_element(r, "status", outcome_text(o.status));
            add_element(r, "programmes", o.status == Status::failed ? "—"
                                         : o.programmes_this_year > 0 ? "реализуются"
                                                                      : "не реализуются");
        }
        if (o.status != Status::failed) {
            // An order lists only the organisations whose data were read.
            xmlNodePtr l = add_element(listed, "organisation");
            add_element(l, "n", std::to_string(++in_order));
            add_element(l, "name", name);
            add_element(l, "type", o.type.empty() ? "—" : o.type);
            add_element(l, "status", outcome_text(o.status));
            // The order's item on monitoring names the heads of those «в которых реализуются
            // программы наставничества»: the annex shows which (issue 13).
            add_element(l, "programmes", o.programmes_this_year > 0 ? "реализуются" : "не реализуются");
        }
        // Data not read: no figure, not a zero.
        const auto figure = [&](int v) { return o.indicators ? std::to_string(v) : std::string("—"); };
        const Indicators i = o.indicators.value_or(Indicators{});
        add_element(n, "errors", o.indicators ? std::to_string(o.errors) : "—");
        add_element(n, "warnings", std::to_string(o.warnings));
        add_element(n, "violations", o.indicators ? std::to_string(o.errors + o.warnings) : "—");
        add_element(n, "mentors", figure(i.year_mentors));
        add_element(n, "young", figure(i.young));
        add_element(n, "young_covered", figure(i.young_covered));
        if (o.status == Status::refused || o.status == Status::failed) {
            xmlNodePtr p = add_element(pn, "organisation");
            add_element(p, "name", name);
            std::string reason;
            if (o.status == Status::failed) {
                // What is wrong in the data is for the organisation (its «Результат проверки»), by
                // file, line and field; the municipality's document says that and how many.
                add_element(p, "status", "сведения представлены с ошибками");
                reason = o.reasons.empty() ? "в свод не включены"
                                           : n_errors_text(o.reasons.size()) + ", в свод не включены";
            } else {
                add_element(p, "status", outcome_text(o.status));
                for (std::size_t k = 0; k < o.reasons.size() && k < 3; ++k) {
                    reason += (reason.empty() ? "" : "; ") + in_words(o.reasons[k].message);
                }
                if (o.reasons.size() > 3) reason += "; … (всего " + std::to_string(o.reasons.size()) + ")";
            }
            add_element(p, "reason", reason.empty() ? "причина не установлена" : reason);
        }
    }
    add_analysis(root, m, orgs, exams, t, targets, options, years_chart);

    // The municipality's act that introduced the system: the order is issued in pursuance of it
    // and neither appoints again whom it appointed nor sets its deadline anew; the amendments the
    // department decided on are made in it by an order of their own.
    const auto base = introduction_act(m, options.as_of);
    if (base) {
        xpath::Evaluator ev(m.doc(), options.as_of.iso());
        xmlNodePtr b = add_element(root, "base_act");
        add_element(b, "date", base->first.iso());
        const std::string number = ev.string(xpath::Expression::compile("number"), base->second);
        add_element(b, "number", number.empty() ? blank_number : number);
        const std::string title = ev.string(xpath::Expression::compile("title"), base->second);
        if (!title.empty()) add_element(b, "title", title);
        // «(с изменениями, внесёнными приказом от … № …)»: the amending orders recorded since,
        // and the one this run writes.
        std::vector<std::pair<Date, std::string>> by;
        for (xmlNodePtr a : ev.nodes(xpath::Expression::compile("/data/municipality/acts/act[kind = '" + std::string(amending_kind) + "']"),
                                     m.root())) {
            const auto date = Date::parse_iso(ev.string(xpath::Expression::compile("date"), a));
            const std::string n = ev.string(xpath::Expression::compile("number"), a);
            if (date && base->first < *date && !(options.as_of < *date)) by.emplace_back(*date, n.empty() ? blank_number : n);
        }
        std::sort(by.begin(), by.end());
        const auto amended_text = [](const std::vector<std::pair<Date, std::string>>& acts) {
            std::string text = acts.size() == 1 ? "с изменениями, внесёнными приказом" : "с изменениями, внесёнными приказами";
            for (std::size_t k = 0; k < acts.size(); ++k) {
                text += std::string(k == 0 ? " " : ", ") + "от " + text::date_numeric(acts[k].first) + " № " + acts[k].second;
            }
            return text;
        };
        const auto amendments = data::amendments_of(m);
        if (!amendments.empty()) {
            const auto [own_date, own_number] = act_of(m, amending_kind, options);
            const std::pair<Date, std::string> own{*Date::parse_iso(own_date), own_number};
            // The act being amended as it stands: with the amendments made before this order.
            std::vector<std::pair<Date, std::string>> earlier;
            std::copy_if(by.begin(), by.end(), std::back_inserter(earlier), [&](const auto& a) { return a.first < own.first; });
            if (!earlier.empty()) add_element(b, "amended_by_earlier", amended_text(earlier));
            if (std::find(by.begin(), by.end(), own) == by.end()) by.push_back(own);
            xmlNodePtr list = add_element(root, "amendments");
            int k = 0;
            for (const auto& a : amendments) {
                xmlNodePtr n = add_element(list, "amendment");
                add_element(n, "n", "1." + std::to_string(++k));
                add_element(n, "text", data::amendment_text(a));
            }
        }
        std::sort(by.begin(), by.end());
        if (!by.empty()) add_element(b, "amended_by", amended_text(by));
    }

    // Item numbers of the order: its optional items shift the ones after them.
    xmlNodePtr d = add_element(root, "document");
    int item = 1;
    const bool coordinator_org = !m.field("municipality", "coordinator_organisation").empty();
    const bool coordinator = !m.field("municipality", "coordinator").empty();
    auto has = [&](const char* name) {
        for (xmlNodePtr c = root->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(name))) return true;
        }
        return false;
    };
    if (base) {
        if (has("to_fix")) add_element(d, "item_fix", std::to_string(++item));
        // The heads who monitor programmes are those of the organisations that run them: the
        // annex lists every organisation read (issue 13).
        const auto running = std::count_if(orgs.begin(), orgs.end(), [](const OrganisationResult& o) {
            return o.status != Status::failed && o.programmes_this_year > 0;
        });
        if (has("monitoring_deadline") && running > 0) {
            add_element(d, "item_heads", std::to_string(++item));
            if (running < t.organisations) add_element(d, "heads_running", "да");
        }
        if (has("to_assign")) add_element(d, "item_assign", std::to_string(++item));
        if (has("to_resubmit")) add_element(d, "item_resubmit", std::to_string(++item));
        if (coordinator_org || coordinator) add_element(d, "item_coordinator_tasks", std::to_string(++item));
    } else {
        if (coordinator_org) add_element(d, "item_coordinator_organisation", std::to_string(++item));
        if (coordinator) add_element(d, "item_coordinator", std::to_string(++item));
        add_element(d, "item_heads", std::to_string(++item));
    }
    if (coordinator) add_element(d, "item_publish", std::to_string(++item));
    add_element(d, "item_control", std::to_string(++item));
    if (has("amendments")) {
        // The amending order: 1 the amendments, then who informs the heads and posts it, control.
        int a = 1;
        if (coordinator) add_element(d, "amend_item_publish", std::to_string(++a));
        add_element(d, "amend_item_control", std::to_string(++a));
    }
    return doc;
}

std::vector<std::pair<std::string, std::string>> municipal_images(const std::vector<OrganisationResult>& orgs,
                                                                   const std::vector<Target>& targets) {
    Chart compliance;
    compliance.title = "";  // under the caption «Рисунок 1 — …»
    compliance.stacked = true;
    compliance.series = {{outcome_text(Status::compliant), 0x3A8E3A}, {outcome_text(Status::findings), 0xE0A800},
                         {outcome_text(Status::violations), 0xD9531E}, {outcome_text(Status::incomplete), 0x7A9CC6},
                         {outcome_text(Status::failed), 0x8C8C8C}};
    Chart young;
    young.title = "";  // «Рисунок 2 — …»
    young.series = {{"охвачено наставничеством", 0x2F6DB5}};
    young.unit = "%";
    young.max = 100;
    std::optional<double> young_target;
    for (const auto& t : targets) {
        if (t.indicator == "young_teachers_covered") young_target = t.value;
    }
    auto add_rows = [&](const std::string& label, auto&& select, bool coverage = true) {
        std::vector<double> counts(compliance.series.size(), 0);
        int y = 0, covered = 0;
        for (const auto& o : orgs) {
            if (!select(o)) continue;
            counts[outcome_series(o.status)] += 1;
            if (o.indicators) {
                y += o.indicators->young;
                covered += o.indicators->young_covered;
            }
        }
        compliance.rows.push_back(ChartRow{label, counts, std::nullopt, {}});
        if (coverage) young.rows.push_back(ChartRow{label, {share(covered, y)}, young_target, std::to_string(covered) + " из " + std::to_string(y)});
    };
    // Short names of the types: the chart's label column is narrow.
    const char* const type_labels[] = {"общеобразовательные", "дошкольные", "дополнительного образования"};
    for (std::size_t k = 0; k < std::size(organisation_types); ++k) {
        const std::string type = organisation_types[k];
        if (std::none_of(orgs.begin(), orgs.end(), [&](const OrganisationResult& o) { return o.type == type; })) continue;
        add_rows(type_labels[k], [&](const OrganisationResult& o) { return o.type == type; });
    }
    // An organisation whose data were not read has no type: a row of its own, so that the rows add
    // up to «все организации» (reader H, F10); it has no young specialists to show.
    if (std::any_of(orgs.begin(), orgs.end(), [](const OrganisationResult& o) { return o.type.empty(); })) {
        add_rows("тип не установлен", [](const OrganisationResult& o) { return o.type.empty(); }, false);
    }
    add_rows("все организации", [](const OrganisationResult&) { return true; });
    // The legend names only what some organisation is: «проверка не завершена» for none of them
    // was a category to look for in the bars and not find (review 2026-12-06, 28).
    for (std::size_t k = compliance.series.size(); k-- > 0;) {
        if (std::any_of(compliance.rows.begin(), compliance.rows.end(), [&](const ChartRow& r) { return r.values[k] > 0; })) continue;
        compliance.series.erase(compliance.series.begin() + static_cast<std::ptrdiff_t>(k));
        for (auto& r : compliance.rows) r.values.erase(r.values.begin() + static_cast<std::ptrdiff_t>(k));
    }

    std::vector<std::pair<std::string, std::string>> images = {
        {"compliance-by-type", render_chart_png(compliance)}, {"young-coverage", render_chart_png(young)}};
    if (!targets.empty()) {
        Chart goals;
        goals.title = "";  // «Рисунок 3 — …»
        goals.series = {{"факт", 0x2F6DB5}, {"цель", 0xB0B0B0}};
        goals.unit = "%";
        goals.max = 100;
        for (const auto& t : targets) goals.rows.push_back(ChartRow{t.label, {t.actual, t.value}, std::nullopt, {}});
        images.emplace_back("targets", render_chart_png(goals));
    }
    return images;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Every reason, in the Сводка's words (reader D, L3: the first of ЦДТ № 3's two violations alone,
// as a file position); where each is in the data, for whoever corrects the file, in a column apart.
// Each reason once: a finding names its subject itself; a problem of the data is named by its field.
std::vector<std::string> reason_lines(const OrganisationResult& o) {
    std::vector<std::string> lines;
    std::set<std::string> said;
    for (const auto& r : o.reasons) {
        std::string line = o.status == Status::failed ? problem_in_words(r) : dates_in_words(in_words(r.message));
        if (said.insert(line).second) lines.push_back(std::move(line));
    }
    return lines;
}

std::string reasons_in_words(const OrganisationResult& o) {
    std::string out;
    // Sentences follow one another; a problem of the data («дата рождения …: …») is not one.
    for (const auto& line : reason_lines(o)) out += (out.empty() ? "" : out.ends_with('.') ? " " : "; ") + line;
    return out;
}

std::string reasons_located(const OrganisationResult& o) {
    std::string out;
    for (const auto& r : o.reasons) out += (out.empty() ? "" : " | ") + r.to_string();
    return out;
}

// Semicolons and a byte order mark: what Excel and LibreOffice in a Russian locale open as a
// table without asking.
std::string csv_table(const std::vector<OrganisationResult>& orgs, const std::string& academic_year) {
    std::string out = "\xEF\xBB\xBF";
    const std::string programmes = "Программы наставничества " + academic_year + " учебного года";
    const char* headers[] = {"№", "Организация", "Папка", "Тип", "Состояние", "Ошибок", "Предупреждений", "Не проверено",
                             "Руководящих и педагогических работников", "Наставников", "Наставляемых", "Пар", "Групп", "Молодых специалистов",
                             "Из них охвачено", programmes.c_str(), "Положение",
                             "Программа развития наставничества", "Наборы правил", "Причина", "Место в данных"};
    for (std::size_t i = 0; i < std::size(headers); ++i) out += (i ? ";" : "") + std::string(headers[i]);
    out += "\r\n";
    int n = 0;
    for (const auto& o : orgs) {
        const Indicators i = o.indicators.value_or(Indicators{});
        const bool known = o.indicators.has_value();
        auto count = [&](int v) { return known ? std::to_string(v) : std::string(); };
        std::string rulesets;
        for (const auto& r : o.rulesets) rulesets += (rulesets.empty() ? "" : ", ") + r;
        const std::vector<std::string> row = {
            std::to_string(++n), o.name, o.folder, o.type,
            // The справка's words; whether the package was written is the run's own figure.
            o.status == Status::refused ? std::string(outcome_text(o.status)) + " (документы не сформированы)" : outcome_text(o.status),
            std::to_string(o.errors),
            // The participants of the year's programmes, as the справка's § 7 and the Сводка count them.
            std::to_string(o.warnings), std::to_string(o.not_evaluable), count(i.staff), count(i.year_mentors),
            count(i.year_mentees), count(i.year_pairs), count(i.year_groups), count(i.young), count(i.young_covered),
            known ? (o.programmes_this_year > 0 ? "реализуются" : "не реализуются") : "",
            known ? (i.polozhenie ? "да" : "нет") : "", known ? (i.programme ? "да" : "нет") : "", rulesets,
            reasons_in_words(o), reasons_located(o)};
        for (std::size_t k = 0; k < row.size(); ++k) out += (k ? ";" : "") + csv_field(row[k]);
        out += "\r\n";
    }
    return out;
}

// A requirement on all the organisations is met only as far as their data were read: a rule that
// reads the organisations' summaries says so when some could not be read (review 5, A4: «выполнено
// во всех организациях» with one unread).
bool reads_summaries(const rules::Rule& rule) {
    const auto e = rule.expressions();
    return std::any_of(e.begin(), e.end(), [](const auto& x) { return x.second.find("organisation_summaries") != std::string::npos; });
}

// The organisations whose data were not read, as the справка and the Сводка name them.
struct Unread {
    int read = 0;
    std::size_t count = 0;
    std::string no_data;  // «нет сведений по 1 организации (МБУ ДО «ЦДТ № 13»)»
    std::string names;    // «МБУ ДО «ЦДТ № 13»»
    [[nodiscard]] bool partial(const rules::Rule& rule) const { return count > 0 && reads_summaries(rule); }
    [[nodiscard]] std::string detail() const {
        return "выполнено в " + text::with_noun(read, "организации", "организациях", "организациях") +
               ", сведения которых обработаны; " + no_data;
    }
    // What the check report says is missing for such a rule (its «Нет данных: …»).
    [[nodiscard]] std::string missing() const {
        return "сведения " + text::with_noun(static_cast<long>(count), "организации", "организаций", "организаций") + " (" +
               names + "), представленные с ошибками; в " +
               text::with_noun(read, "организации", "организациях", "организациях") +
               ", сведения которых обработаны, требование выполнено";
    }
    // A rule the organisations whose data were read satisfy, left undetermined for the others.
    [[nodiscard]] bool undetermined(const rules::Finding& f) const {
        return f.outcome == rules::Outcome::not_evaluable && f.missing.size() == 1 && f.missing.front() == missing();
    }
};

// A requirement on all the organisations that those whose data were read satisfy is not
// established while some could not be read: the check itself says so, so that its report, the
// Сводка and the справка give the rule one verdict (reader B, 3: «выполнено» in the check's
// report beside «не установлено» in the справка).
void settle_unread(rules::CheckResult& check, const Unread& unread) {
    for (auto& f : check.findings) {
        if (f.outcome != rules::Outcome::satisfied || !unread.partial(*f.rule)) continue;
        f.outcome = rules::Outcome::not_evaluable;
        f.message = f.rule->title;
        f.missing = {unread.missing()};
    }
}

Unread unread_of(const std::vector<OrganisationResult>& orgs) {
    Unread u;
    std::vector<std::string> names;
    int index = 0;
    for (const auto& o : orgs) {
        ++index;
        if (o.status == Status::failed) names.push_back(name_of(o, index));
        else ++u.read;
    }
    const std::string joined = text::enumeration(names);
    u.count = names.size();
    u.names = joined;
    u.no_data = "нет сведений по " + text::with_noun(static_cast<long>(names.size()), "организации", "организациям", "организациям") +
                " (" + joined + ")";
    return u;
}

std::string summary_text(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs, const Totals& t,
                         const std::vector<Target>& targets, std::size_t documents, const Options& options,
                         const rules::CheckResult& municipal, const Unread& unread) {
    const data::DataTree& m = *input.municipality;
    std::string s;
    s += "Сводка по муниципалитету: " + m.field("municipality", "name") + " (" +
         m.field("municipality", "region") + ")\n";
    s += "Проверено по состоянию на " + text::date_numeric(options.as_of) + "\n\n";
    s += statuses_in_words(orgs) + "\n";
    if (!options.check_only) s += "Документов организаций сформировано: " + std::to_string(documents) + ".\n";
    s += "Руководящих и педагогических работников: " + std::to_string(t.sum.staff) + ", наставников: " + std::to_string(t.sum.mentors) + " (" +
         percent_text(t.sum.mentors, t.sum.staff) + "), наставляемых: " + std::to_string(t.sum.mentees) + ", пар: " +
         std::to_string(t.sum.pairs) + ", групп: " + std::to_string(t.sum.groups) + ".\n";
    s += "Молодых специалистов: " + std::to_string(t.sum.young) + ", из них охвачено наставничеством: " +
         std::to_string(t.sum.young_covered) + " (" + percent_text(t.sum.young_covered, t.sum.young) + ").\n";
    if (!targets.empty()) {
        s += "\nЦелевые показатели на " + std::to_string(options.as_of.year()) + " год:\n";
        for (const auto& target : targets) {
            s += "  " + target.title + ": цель " + decimal(target.value) + " %, факт " + decimal(target.actual) + " % — " +
                 (target.actual + 1e-9 >= target.value ? "достигнут" : "не достигнут") + "\n";
        }
    }
    if (municipal.rules > 0) {
        // As the справка's section of the municipality's duties has them: a duty the organisations'
        // summaries show done is «не установлено» while some organisation's data were not read. One
        // count of what could not be established, as the check's report («НЕ ОЦЕНИВАЛОСЬ (НЕТ
        // СВЕДЕНИЙ) (1)») and the terminal have it — not «не установлено 1, …, нет сведений 0».
        s += "\nОбязанности муниципалитета (правил: " + std::to_string(municipal.rules) + "): выполнено " +
             std::to_string(municipal.count(rules::Outcome::satisfied)) + ", не выполнено " +
             std::to_string(municipal.count(rules::Outcome::violated)) + ", не установлено (нет сведений) " +
             std::to_string(municipal.count(rules::Outcome::not_evaluable)) + " (подробно — в результате проверки муниципалитета)\n";
        for (const auto& f : municipal.findings) {
            if (f.outcome == rules::Outcome::satisfied) continue;
            if (unread.undetermined(f)) {
                s += "  " + f.rule->title + " — не установлено: " + unread.detail() + "\n";
                continue;
            }
            s += "  " + (f.outcome == rules::Outcome::violated ? rules::without_data_paths(f.message) : f.rule->title + " — нет сведений") +
                 (f.outcome == rules::Outcome::violated && f.category != rules::Category::violation
                      ? std::string(" (") + rules::category_name(f.category) + ")"
                      : std::string()) +
                 "\n";
        }
    }
    // Each organisation by its name, what was found in words; where in its file, by line and
    // field, is for the CSV and its own «Результат проверки» (reader B, 12).
    int index = 0;
    std::vector<std::pair<const OrganisationResult*, std::string>> named;
    for (const auto& o : orgs) named.emplace_back(&o, name_of(o, ++index));
    auto section = [&](Status status, const char* title) {
        bool any = false;
        for (const auto& [o, name] : named) {
            if (o->status != status) continue;
            if (!any) s += std::string("\n") + title + ":\n";
            any = true;
            // The folder where it is not the name («… (2)», a name not read).
            s += "  " + name + (o->files.empty() || o->folder == name ? "" : " (папка «" + o->folder + "»)") + "\n";
            if (status == Status::findings || status == Status::violations) {
                s += "    нарушений: " + std::to_string(o->errors) + ", замечаний: " + std::to_string(o->warnings) +
                     " (подробно — в результате проверки в папке организации)\n";
            }
            for (const auto& line : reason_lines(*o)) s += "    " + line + "\n";
        }
    };
    section(Status::failed, "Сведения представлены с ошибками (организация в свод не включена)");
    section(Status::refused, "Документы не сформированы: нарушены обязательные требования");
    section(Status::violations, "Нарушения обязательных требований");
    section(Status::findings, "Выявлены замечания");
    section(Status::incomplete, "Проверка не завершена: нет сведений для проверки обязательных требований");
    return s;
}

std::string manifest_json(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                          std::vector<WrittenFile> files, const Options& options) {
    input::JsonStringBuffer buffer;
    input::JsonPrettyWriter w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("format");
    str("nastavnik.manifest/1");
    w.Key("tool");
    str("nastavnik " NASTAVNIK_VERSION);
    w.Key("as_of");
    str(options.as_of.iso());
    w.Key("municipality");
    str(input.municipality->field("municipality", "name"));
    std::set<std::string> rulesets;
    for (const auto& o : orgs) rulesets.insert(o.rulesets.begin(), o.rulesets.end());
    w.Key("rulesets");
    w.StartArray();
    for (const auto& r : rulesets) {
        const auto space = r.rfind(' ');
        w.StartObject();
        w.Key("id");
        str(r.substr(0, space));
        w.Key("version");
        str(r.substr(space + 1));
        w.EndObject();
    }
    w.EndArray();
    w.Key("organisations");
    w.StartArray();
    for (const auto& o : orgs) {
        w.StartObject();
        w.Key("folder");
        str(o.folder);
        w.Key("source");
        str(o.label);
        w.Key("name");
        str(o.name);
        w.Key("status");
        str(status_text(o.status));
        w.Key("rulesets");
        w.StartArray();
        for (const auto& r : o.rulesets) str(r);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    std::sort(files.begin(), files.end(), [](const WrittenFile& a, const WrittenFile& b) { return a.path < b.path; });
    w.Key("files");
    w.StartArray();
    for (const auto& f : files) {
        w.StartObject();
        w.Key("path");
        str(f.path);
        w.Key("sha256");
        str(f.sha256);
        w.Key("size");
        w.Uint64(f.size);
        w.Key("organisation");
        str(f.organisation);
        w.Key("kind");
        str(f.kind);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// municipality.json with the summaries of its organisations, computed from their data — what
// the rules whose subject is the municipality read (docs/ru/batch.md).
data::DataTree dossier_of(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs) {
    data::DataTree dossier = data::DataTree::from_json(*input.municipality_json, input.municipality_file.string(),
                                                       data::municipality_file_format(), input.municipality_places);
    xmlNodePtr root = dossier.root();
    for (xmlNodePtr c = root->children; c;) {
        xmlNodePtr next = c->next;
        // Summaries given by hand stand in for organisations' data; with the data here, the
        // computed ones replace them.
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("organisation_summaries"))) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
    xmlNodePtr list = add_element(root, "organisation_summaries");
    for (const auto& o : orgs) {
        xmlNodePtr n = add_element(list, "organisation");
        add_element(n, "name", o.name.empty() ? o.label : o.name);
        add_element(n, "type", o.type);
        add_element(n, "status", status_text(o.status));
        if (!o.indicators) continue;
        const auto& i = *o.indicators;
        add_element(n, "polozhenie", i.polozhenie ? "да" : "нет");
        add_element(n, "programme", i.programme ? "да" : "нет");
        add_element(n, "staff", std::to_string(i.staff));
        add_element(n, "mentors", std::to_string(i.mentors));
        add_element(n, "young", std::to_string(i.young));
        add_element(n, "young_covered", std::to_string(i.young_covered));
        add_element(n, "young_teachers", std::to_string(i.young_teachers));
        add_element(n, "young_teachers_covered", std::to_string(i.young_teachers_covered));
        add_element(n, "young_teachers_unknown", std::to_string(i.young_teachers_unknown));
    }
    return dossier;
}

void add_municipal_findings(xmlDocPtr doc, const rules::CheckResult& check, const Unread& unread) {
    xmlNodePtr list = add_element(xmlDocGetRootElement(doc), "municipal_findings");
    const std::string& no_data = unread.no_data;
    for (const auto& f : check.findings) {
        xmlNodePtr n = add_element(list, "finding");
        add_element(n, "rule", f.rule->id);
        add_element(n, "title", f.rule->title);
        const bool partial = unread.partial(*f.rule);
        const bool undetermined = unread.undetermined(f);
        add_element(n, "outcome", f.outcome == rules::Outcome::satisfied ? std::string("выполнено")
                                  : undetermined                          ? std::string("не установлено")
                                  : f.outcome == rules::Outcome::violated
                                      ? (f.category == rules::Category::violation ? std::string("не выполнено")
                                                                                   : rules::category_name(f.category))
                                      : std::string("нет сведений"));
        std::string detail = f.outcome == rules::Outcome::violated ? rules::without_data_paths(f.message) : std::string();
        if (undetermined) {
            detail = unread.detail();
        } else if (partial) {
            detail += (detail.empty() ? "" : "; ") + no_data;
        }
        if (!undetermined) {
            for (const auto& m : f.missing) detail += (detail.empty() ? "не хватает: " : "; ") + rules::without_data_paths(m);
        }
        add_element(n, "detail", detail.empty() ? "—" : detail);
        std::string cite;
        for (const auto* c : f.citations) cite += (cite.empty() ? "" : "; ") + c->text();
        add_element(n, "citation", cite.empty() ? "—" : cite);
    }
}

}  // namespace

void check_amendments(const MunicipalityInput& input, const Date& as_of) {
    const data::DataTree& m = *input.municipality;
    const auto amendments = data::amendments_of(m);
    if (amendments.empty() || introduction_act(m, as_of)) return;
    throw Error(ErrorCode::data_invalid,
                "изменения вносятся в действующий приказ о внедрении системы наставничества, а приказа, изданного до " +
                    text::date_numeric(as_of) + ", в acts[] нет: проверьте его дату или дату, на которую формируются документы",
                amendments.front().where);
}

std::vector<WrittenFile> write_municipal(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                                         const rules::Catalog& catalog, const Options& options, Result& result) {
    const Totals t = totals_of(orgs);
    const data::DataTree dossier = dossier_of(input, orgs);
    const auto selection = rules::select_rulesets(catalog, dossier, options.as_of);
    rules::CheckResult municipal_check = rules::check(dossier, selection.rulesets, options.as_of, rules::Subject::municipality);
    // Which organisations were not read: once per municipality, for the check, the справка and the Сводка.
    const Unread unread = unread_of(orgs);
    settle_unread(municipal_check, unread);
    rules::describe_check(municipal_check, selection, dossier);
    // What reading the municipality's file noticed (a short name of the body that does not
    // abbreviate its full name, columns of its workbook it does not know) is said with the
    // municipality's result, not only on the terminal.
    municipal_check.data_warnings.insert(municipal_check.data_warnings.begin(), input.warnings.begin(), input.warnings.end());
    result.municipal_errors = municipal_check.count_violated(rules::Severity::error);
    result.municipal_warnings = municipal_check.count_violated(rules::Severity::warning);
    result.municipal_not_evaluable = municipal_check.gaps();
    const auto targets = targets_of(*input.municipality, t, options.as_of.year());
    std::vector<std::pair<std::string, std::string>> outputs;  // name → bytes, in writing order
    std::vector<std::string> kinds;
    std::size_t documents = 0;
    for (const auto& o : orgs) {
        documents += static_cast<std::size_t>(std::count_if(o.files.begin(), o.files.end(), [](const WrittenFile& f) {
            return !f.kind.starts_with("check-") && f.kind != "index";
        }));
    }
    if (!options.check_only) {
        std::optional<generate::Chart> years_chart;
        const auto tree = report_tree(input, orgs, exams_of(orgs, catalog, options.as_of), t, targets, options, years_chart);
        add_municipal_findings(tree.get(), municipal_check, unread);
        // The region's acts the order introducing the system follows (Алтайский край: № 404) come
        // from the rulesets in force, not from a template that knew one region.
        // Алтайский край has no regional ruleset of its own: its order is the basis of the
        // municipal acts the municipal rulesets cite.
        xmlNodePtr basis = add_element(xmlDocGetRootElement(tree.get()), "regional_basis");
        std::vector<const rules::Act*> regional;
        auto add_regional = [&](const rules::Act* a) {
            if (a->level == rules::layer_name(rules::Layer::regional) && a->force == rules::Force::binding &&
                std::find(regional.begin(), regional.end(), a) == regional.end()) {
                regional.push_back(a);
                add_element(basis, "act", a->instrumental());
            }
        };
        for (const rules::Ruleset* rs : selection.rulesets) {
            for (const rules::Act* a : rs->cited_acts()) {
                add_regional(a);
                for (const rules::Act* b : a->bases) add_regional(b);
            }
        }
        auto images = municipal_images(orgs, targets);
        if (years_chart) images.emplace_back("years", render_chart_png(*years_chart));
        struct Kind {
            const char* template_file;
            const char* output;
            const char* act;
            bool charts;
            const char* id;
        };
        // With the act that introduced the system recorded, the order is the one on the
        // year's monitoring issued in pursuance of it.
        bool in_pursuance = false;
        for (xmlNodePtr c = xmlDocGetRootElement(tree.get())->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("base_act"))) in_pursuance = true;
        }
        bool amending = false;
        for (xmlNodePtr c = xmlDocGetRootElement(tree.get())->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("amendments"))) amending = true;
        }
        std::vector<Kind> kinds_ = {
            in_pursuance ? Kind{"prikaz-munitsipaliteta.docx", "Приказ об итогах мониторинга системы наставничества.docx",
                                "приказ об итогах мониторинга системы наставничества", false, "prikaz-munitsipaliteta"}
                         : Kind{"prikaz-munitsipaliteta.docx", "Приказ о внедрении системы наставничества.docx",
                                "приказ о внедрении системы наставничества", false, "prikaz-munitsipaliteta"},
            {"spravka-munitsipaliteta.docx", "Аналитическая справка по муниципалитету.docx", "аналитическая справка", true,
             "spravka-munitsipaliteta"},
        };
        // The amendments to the act that introduced the system: an order of their own, as an
        // amending act changes the act and does nothing else.
        if (amending) {
            kinds_.push_back(Kind{"prikaz-o-vnesenii-izmeneniy.docx",
                                  "Приказ о внесении изменений в приказ о внедрении системы наставничества.docx", amending_kind,
                                  false, "prikaz-o-vnesenii-izmeneniy"});
        }
        {
            // The справка the order refers to.
            const auto [date, number] = act_of(*input.municipality, "аналитическая справка", options);
            xmlNodePtr sp = add_element(xmlDocGetRootElement(tree.get()), "spravka");
            add_element(sp, "date", date);
            add_element(sp, "number", number);
        }
        for (const auto& k : kinds_) {
            const auto [date, number] = act_of(*input.municipality, k.act, options);
            xmlNodePtr d = nullptr;
            for (xmlNodePtr c = xmlDocGetRootElement(tree.get())->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("document"))) d = c;
            }
            for (xmlNodePtr c = d->children; c;) {  // date and number of this document
                xmlNodePtr next = c->next;
                if (xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("date")) ||
                    xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("number"))) {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                }
                c = next;
            }
            add_element(d, "date", date);
            add_element(d, "number", number);
            const auto tpl = docx::Template::load(options.templates_dir / k.template_file);
            xpath::Evaluator ev(tree.get(), options.as_of.iso());
            // Hyphenated as the organisations' documents are, words in capitals kept whole («МБ-/ДОУ»
            // in a table of organisations before).
            std::string bytes = generate::apply_document_settings(tpl.render(ev, xmlDocGetRootElement(tree.get())), {});
            if (k.charts) {
                std::map<std::string, std::string> by_name(images.begin(), images.end());
                bytes = docx::replace_pictures(bytes, by_name, k.template_file);
            }
            if (options.format != generate::OutputFormat::docx) {
                pdf::RenderOptions ro;
                ro.file_name = k.output;
                ro.title = std::filesystem::path(k.output).stem().string();
                ro.creation_date = document_date(options);
                std::string pdf_name = std::string(k.output);
                pdf_name.replace(pdf_name.size() - 5, 5, ".pdf");
                outputs.emplace_back(pdf_name, pdf::render_docx(bytes, ro).pdf);
                kinds.emplace_back(k.id);
            }
            if (options.format != generate::OutputFormat::pdf) {
                outputs.emplace_back(k.output, std::move(bytes));
                kinds.emplace_back(k.id);
            }
        }
    }
    outputs.emplace_back("Результат проверки муниципалитета.txt", rules::report_text(municipal_check, dossier));
    kinds.emplace_back("check-text");
    outputs.emplace_back("Результат проверки муниципалитета.json", rules::report_json(municipal_check, dossier));
    kinds.emplace_back("check-json");
    outputs.emplace_back("Свод по организациям.csv", csv_table(orgs, mon::year_of(options.as_of)));
    kinds.emplace_back("table-csv");
    outputs.emplace_back("Сводка.txt", summary_text(input, orgs, t, targets, documents, options, municipal_check, unread));
    kinds.emplace_back("summary");

    std::vector<WrittenFile> written;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        write_file_atomic(options.out_dir / outputs[i].first, outputs[i].second, /*durable=*/false);
        written.push_back(WrittenFile{outputs[i].first, sha256_hex(outputs[i].second), outputs[i].second.size(), "", kinds[i]});
    }
    std::vector<WrittenFile> all = written;
    for (const auto& o : orgs) all.insert(all.end(), o.files.begin(), o.files.end());
    const std::string manifest = manifest_json(input, orgs, all, options);
    // Everything the manifest lists is on disk before the manifest itself is.
    sync_file_system(options.out_dir);
    write_file_atomic(options.out_dir / "manifest.json", manifest);
    written.push_back(WrittenFile{"manifest.json", sha256_hex(manifest), manifest.size(), "", "manifest"});
    return written;
}

}  // namespace nastavnik::batch
