// Data problems a check reads past but reports: values mixing Cyrillic and Latin letters, and
// dates later than the as-of date (a document or consent that does not exist yet on that day).

#include "nastavnik/rules/engine.hpp"

#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "rules/subjects.hpp"

#include <cstring>

namespace nastavnik::rules {

namespace {

bool is(const xmlNode* n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string own_text(const xmlNode* n) {
    std::string s;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) s += reinterpret_cast<const char*>(c->content);
    }
    return s;
}

bool has_element_children(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return true;
    }
    return false;
}

// Dates that say something happened (a document, a consent, an update) — unlike the planned end
// of a programme or a birthday, they cannot be later than the day of the check.
bool dated_event(const xmlNode* n) {
    const xmlNode* p = n->parent;
    if (is(n, "date")) return !is(p, "programme");
    static const char* const events[] = {"consent_date", "mentee_consent_date", "mentee_list_updated", "dissemination",
                                         "methodological_council", "methodological_associations", "website_mentoring_section",
                                         "methodological_service"};
    for (const char* e : events) {
        if (is(n, e)) return true;
    }
    return false;
}

void walk(const data::DataTree& tree, const xmlNode* n, const Date& as_of, std::vector<Diagnostic>& out) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (has_element_children(c)) {
            walk(tree, c, as_of, out);
            continue;
        }
        const std::string value = own_text(c);
        if (value.empty()) continue;
        const std::string who = describe_subject(tree, c->parent);
        for (const auto& m : text::mixed_script_words(value)) {
            out.push_back({tree.location(c), who + ": в значении «" + value + "» слово «" + m.word +
                                                 "» набрано смесью кириллицы и латиницы (латинские «" + m.latin +
                                                 "»); при проверке сравнивается как написанное кириллицей"});
        }
        if (dated_event(c)) {
            if (const auto d = Date::parse_iso(value); d && as_of < *d) {
                out.push_back({tree.location(c), who + ": дата " + text::date_numeric(*d) + " позже даты проверки (" +
                                                     text::date_numeric(as_of) +
                                                     "); на дату проверки этого ещё нет, при проверке не учитывается"});
            }
        }
    }
}

}  // namespace

std::vector<Diagnostic> data_warnings(const data::DataTree& tree, const Date& as_of) {
    std::vector<Diagnostic> out;
    walk(tree, tree.root(), as_of, out);
    return out;
}

}  // namespace nastavnik::rules
