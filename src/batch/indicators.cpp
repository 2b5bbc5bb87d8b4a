#include "nastavnik/batch/batch.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "nastavnik/rules/report.hpp"
#include "rules/ended_programmes.hpp"

#include <algorithm>
#include <numeric>

#include <set>
#include <string>
#include <vector>

namespace nastavnik::batch {

namespace {

// The definitions of the indicators, as XPath over the data tree (docs/CONTRACTS.md §2), so
// that they read like the rules that use the same data. Compiled once, shared by all threads.
struct Definitions {
    xpath::Expression staff = xpath::Expression::compile("/data/staff/person");
    xpath::Expression mentors = xpath::Expression::compile("count(/data/mentors/mentor)");
    // Mentees: the people whose @id is a mentee of a pair or a group, i.e.
    // /data/staff/person[@id = /data/pairs/pair/mentee or @id = /data/groups/group/mentees/mentee];
    // the comparison is made here with a set of the mentees' ids (libxml2 evaluated the two
    // paths again for every person: quadratic in the size of the staff).
    xpath::Expression mentee_references =
        xpath::Expression::compile("/data/pairs/pair/mentee | /data/groups/group/mentees/mentee");
    xpath::Expression pairs = xpath::Expression::compile("count(/data/pairs/pair)");
    xpath::Expression groups = xpath::Expression::compile("count(/data/groups/group)");
    // «Молодой педагог» — педагогический стаж менее трёх лет (как в региональных программах
    // наставничества, например Бурятия № 1552, разд. IV).
    xpath::Expression young = xpath::Expression::compile(
        "/data/staff/person[pedagogical_experience_start and "
        "n:years-between(pedagogical_experience_start, n:today()) < 3]");
    // Teachers under 35 in their first three years of work (Бурятия № 1552, вводная часть, абз. 3):
    // all three criteria; those missing a date are counted apart.
    xpath::Expression young_teachers = xpath::Expression::compile(
        "/data/staff/person[starts-with(n:lower(position), 'учитель')][birth_date and pedagogical_experience_start]"
        "[n:years-between(birth_date, n:today()) < 35][n:years-between(pedagogical_experience_start, n:today()) < 3]");
    xpath::Expression teachers_unknown = xpath::Expression::compile(
        "count(/data/staff/person[starts-with(n:lower(position), 'учитель')][not(birth_date and pedagogical_experience_start)])");
    xpath::Expression experience_unknown = xpath::Expression::compile("count(/data/staff/person[not(pedagogical_experience_start)])");
    xpath::Expression polozhenie = xpath::Expression::compile("/data/acts/act[kind = 'положение о наставничестве']");
    xpath::Expression programme =
        xpath::Expression::compile("/data/acts/act[kind = 'программа развития наставничества']");
};

std::string string_value(xmlNodePtr n) {
    xmlChar* s = xmlNodeGetContent(n);
    std::string out = s != nullptr ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return out;
}

// How many of `people` have an id attribute among `ids` (XPath: @id = node-set).
int count_among(const std::vector<xmlNodePtr>& people, const std::set<std::string>& ids) {
    int n = 0;
    for (xmlNodePtr person : people) {
        xmlChar* id = xmlGetNoNsProp(person, reinterpret_cast<const xmlChar*>("id"));
        if (id != nullptr && ids.count(reinterpret_cast<const char*>(id)) != 0) ++n;
        xmlFree(id);
    }
    return n;
}

const Definitions& definitions() {
    static const Definitions d;
    return d;
}

}  // namespace

std::vector<FindingText> findings_in_words(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of) {
    const rules::EndedProgrammes history(tree, *data::monitoring::year_start(data::monitoring::year_of(as_of)));
    std::vector<FindingText> out;
    for (const auto& f : check.findings) {
        if (f.outcome != rules::Outcome::violated) continue;
        // A recommendation (or a deadline not yet passed) is not a violation to remove.
        const auto kind = f.category != rules::Category::violation || f.rule->severity == rules::Severity::info
                              ? FindingText::Kind::recommendation
                          : f.rule->severity == rules::Severity::error ? FindingText::Kind::error
                                                                       : FindingText::Kind::warning;
        FindingText t{kind, rules::without_data_paths(f.message), f.remedy, rules::concerns_mentee_list(*f.rule), {}};
        if (std::any_of(out.begin(), out.end(), [&](const FindingText& x) { return x.text == t.text; })) continue;
        // As the organisation's справка: a deadline not yet passed concerns no ended programme.
        if (f.category != rules::Category::pending) {
            t.ended = rules::joined_years(history.years_of(f, kind == FindingText::Kind::recommendation));
        }
        out.push_back(std::move(t));
    }
    return out;
}

Indicators indicators(const data::DataTree& tree, const Date& as_of) {
    const auto& d = definitions();
    xpath::Evaluator ev(tree.doc(), as_of.iso());
    const auto count = [&](const xpath::Expression& e) { return static_cast<int>(ev.number(e, tree.root())); };
    Indicators i;
    const auto staff = ev.nodes(d.staff, tree.root());
    const auto young = ev.nodes(d.young, tree.root());
    std::set<std::string> mentee_ids;
    for (xmlNodePtr m : ev.nodes(d.mentee_references, tree.root())) mentee_ids.insert(string_value(m));
    i.staff = static_cast<int>(staff.size());
    i.mentors = count(d.mentors);
    i.mentees = count_among(staff, mentee_ids);
    i.pairs = count(d.pairs);
    i.groups = count(d.groups);
    i.young = static_cast<int>(young.size());
    i.young_covered = count_among(young, mentee_ids);
    const auto young_teachers = ev.nodes(d.young_teachers, tree.root());
    i.young_teachers = static_cast<int>(young_teachers.size());
    i.young_teachers_covered = count_among(young_teachers, mentee_ids);
    i.young_teachers_unknown = count(d.teachers_unknown);
    i.experience_unknown = count(d.experience_unknown);
    i.polozhenie = ev.boolean(d.polozhenie, tree.root());
    i.programme = ev.boolean(d.programme, tree.root());
    const Date from = *data::monitoring::year_start(data::monitoring::year_of(as_of));
    const Date to = Date(from.year() + 1, 8, 31);
    std::set<std::string> year_mentors, year_mentees;
    for (const xmlNode* p : rules::programmes_of(tree)) {
        const auto dates = rules::programme_dates(p);
        if (!dates.start || !dates.end || to < *dates.start || *dates.end < from) continue;
        ++(xmlStrEqual(p->name, reinterpret_cast<const xmlChar*>("pair")) ? i.year_pairs : i.year_groups);
        year_mentors.insert(data::text_of(data::child(p, "mentor")));
        for (auto& m : rules::mentees_of(p)) year_mentees.insert(std::move(m));
    }
    i.year_mentors = static_cast<int>(year_mentors.size());
    i.year_mentees = static_cast<int>(year_mentees.size());
    return i;
}

std::optional<YearFigures> recorded_year(const data::DataTree& tree, const std::string& year) {
    const auto r = data::monitoring::results(tree, year);
    if (r.summary == nullptr) return std::nullopt;
    YearFigures f;
    const std::pair<const char*, int*> fields[] = {{"mentors", &f.mentors}, {"mentees", &f.mentees}, {"pairs", &f.pairs},
                                                   {"groups", &f.groups},   {"young", &f.young},     {"young_covered", &f.young_covered}};
    for (const auto& [name, to] : fields) {
        for (const xmlNode* c = r.summary->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(name))) {
                *to = std::stoi(data::text_of(c));
            }
        }
    }
    return f;
}

std::map<std::string, MonitoringValue> monitoring_values(const data::DataTree& tree, const std::string& year) {
    namespace mon = data::monitoring;
    const auto r = mon::results(tree, year);
    std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> by;  // ends, starts only
    std::set<std::string> in_course;  // indicators with a value taken in the course of a programme
    std::map<std::string, const mon::Indicator*> indicator;
    auto take = [&](const mon::Measured& m) {
        indicator[m.indicator->id] = m.indicator;
        // Only a value taken at a programme's end is its result; one taken in its course (the
        // latest without a point) or at its start is not.
        if (m.end && m.end->point == "окончание") {
            by[m.indicator->id].first.push_back(m.end->value);
        } else if (m.end || m.start) {
            by[m.indicator->id].second.push_back(m.end ? m.end->value : m.start->value);
            if (m.end && m.end->point != "начало") in_course.insert(m.indicator->id);
        }
    };
    for (const auto& p : r.programmes) {
        for (const auto& m : p.measured) take(m);
    }
    for (const auto& m : r.organisation) take(m);
    auto combined = [](const mon::Indicator& i, const std::vector<double>& v) -> std::optional<double> {
        if (v.empty()) return std::nullopt;
        const double sum = std::accumulate(v.begin(), v.end(), 0.0);
        return i.unit == mon::Unit::count ? sum : sum / static_cast<double>(v.size());
    };
    std::map<std::string, MonitoringValue> out;
    for (const auto& [id, values] : by) {
        out[id] = {combined(*indicator[id], values.first), combined(*indicator[id], values.second), in_course.count(id) == 0};
    }
    return out;
}

}  // namespace nastavnik::batch
