#include "rules/ended_programmes.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/data/xml_text.hpp"

#include <algorithm>

namespace nastavnik::rules {

using data::child;
using data::text_of;

ProgrammeDates programme_dates(const xmlNode* item) {
    const xmlNode* programme = child(item, "programme");
    return {Date::parse_iso(text_of(child(programme, "start"))), Date::parse_iso(text_of(child(programme, "end")))};
}

std::vector<std::string> mentees_of(const xmlNode* item) {
    std::vector<std::string> out;
    if (const xmlNode* m = child(item, "mentee")) out.push_back(text_of(m));
    for (const xmlNode* m : data::children(child(item, "mentees"), "mentee")) out.push_back(text_of(m));
    return out;
}

std::vector<const xmlNode*> programmes_of(const data::DataTree& tree) {
    std::vector<const xmlNode*> out;
    for (const char* list : {"pairs", "groups"}) {
        const xmlNode* l = child(tree.root(), list);
        for (const xmlNode* c = l != nullptr ? l->children : nullptr; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) out.push_back(c);
        }
    }
    return out;
}

EndedProgrammes::EndedProgrammes(const data::DataTree& tree, const Date& year_start)
    : index_(tree), programmes_(programmes_of(tree)), year_start_(year_start) {}

std::vector<const xmlNode*> EndedProgrammes::ended_of(const Finding& f, bool recommendations) const {
    if (f.outcome == Outcome::satisfied) return {};
    if (f.outcome == Outcome::violated && f.category != Category::violation &&
        !(recommendations && (f.category == Category::recommendation || f.category == Category::info))) {
        return {};
    }
    // A rule that selects programmes by their end asks what is due once they end: that can still
    // be done, and lasts.
    if (f.rule->context.text().find("programme/end") != std::string::npos) return {};
    auto is = [](const xmlNode* n, const char* name, const char* list) {
        return xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name)) && n->parent != nullptr &&
               xmlStrEqual(n->parent->name, reinterpret_cast<const xmlChar*>(list));
    };
    auto ended = [&](const xmlNode* p) {
        const ProgrammeDates d = programme_dates(p);
        return d.end && *d.end < year_start_;
    };
    std::string person;
    for (const xmlNode* n = index_.find(f.subject.path); n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (is(n, "pair", "pairs") || is(n, "group", "groups")) return ended(n) ? std::vector<const xmlNode*>{n} : std::vector<const xmlNode*>{};
        if (is(n, "mentor", "mentors")) person = text_of(child(n, "person"));
        if (is(n, "person", "staff")) person = data::attribute_of(n, "id");
        if (!person.empty()) break;
    }
    if (person.empty()) return {};
    std::vector<const xmlNode*> out;
    for (const xmlNode* p : programmes_) {
        const auto mentees = mentees_of(p);
        if (text_of(child(p, "mentor")) != person && std::find(mentees.begin(), mentees.end(), person) == mentees.end()) continue;
        if (!ended(p)) return {};
        out.push_back(p);
    }
    return out;
}

std::set<std::string> EndedProgrammes::years_of(const Finding& f, bool recommendations) const {
    // The years a programme ran in, not only the one it ended in: a term fixed in 2023 is
    // 2023/2024's (R2).
    std::set<std::string> out;
    for (const xmlNode* p : ended_of(f, recommendations)) {
        const ProgrammeDates d = programme_dates(p);
        out.insert(data::monitoring::year_of(*d.end));
        for (Date y = d.start.value_or(*d.end); y < *d.end; y = y.add_months(12)) out.insert(data::monitoring::year_of(y));
    }
    return out;
}

std::string joined_years(const std::set<std::string>& years) {
    return text::enumeration(std::vector<std::string>(years.begin(), years.end()));
}

}  // namespace nastavnik::rules
