#include "rules/subjects.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/text/declension.hpp"
#include "nastavnik/text/names.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <libxml/valid.h>

#include <cstring>
#include <vector>

namespace nastavnik::rules {

namespace {

bool is(const xmlNode* n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

const xmlNode* child(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n ? n->children : nullptr; c != nullptr; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

using data::text_of;
std::string field(const xmlNode* n, const char* name) { return text_of(child(n, name)); }

const xmlNode* by_id(const data::DataTree& tree, const std::string& id) {
    xmlAttrPtr a = xmlGetID(tree.doc(), reinterpret_cast<const xmlChar*>(id.c_str()));
    return a != nullptr ? a->parent : nullptr;
}

// «Е.Н. Васильева», or the id as written if no such person is recorded.
std::string person(const data::DataTree& tree, const std::string& id) {
    const xmlNode* p = by_id(tree, id);
    if (p == nullptr || !is(p, "person")) return id;
    return text::initials_surname({field(p, "surname"), field(p, "name"), field(p, "patronymic")});
}

bool female(const data::DataTree& tree, const std::string& id) {
    const xmlNode* p = by_id(tree, id);
    return p != nullptr && field(p, "gender") == "ж";
}

// «Е.Н. Васильевой»: the person in the genitive, after «согласие наставляемой», «группа наставника».
std::string person_genitive(const data::DataTree& tree, const std::string& id) {
    const xmlNode* p = by_id(tree, id);
    if (p == nullptr || !is(p, "person")) return id;
    const text::PersonName name{field(p, "surname"), field(p, "name"), field(p, "patronymic")};
    return text::initials_surname(
        text::decline(name, field(p, "gender") == "ж" ? text::Gender::female : text::Gender::male, text::Case::genitive));
}

std::string date(const std::string& iso) {
    if (auto d = Date::parse_iso(iso)) return text::date_numeric(*d);
    return iso;
}

std::string act(const xmlNode* a) {
    std::string kind = field(a, "kind");
    // «положение о наставничестве» → «Положение о наставничестве».
    if (kind.rfind("положение", 0) == 0) kind.replace(0, std::strlen("п"), "П");
    std::string s = kind + " от " + date(field(a, "date"));
    if (const std::string n = field(a, "number"); !n.empty()) s += " №\u00A0" + n;
    return s;
}

std::string mentees(const data::DataTree& tree, const xmlNode* group) {
    std::string s;
    for (const xmlNode* m = child(child(group, "mentees"), "mentee"); m != nullptr; m = m->next) {
        if (!is(m, "mentee")) continue;
        s += (s.empty() ? "" : ", ") + person(tree, text_of(m));
    }
    return s;
}

// «наставляемой Е.С. Кирилловой», «наставника Г.М. Андреевой»: a role and its holder, in the genitive.
std::string role_genitive(const data::DataTree& tree, const std::string& role, const std::string& id) {
    const bool f = female(tree, id);
    const std::string word = role == "наставляемый" ? (f ? "наставляемой" : "наставляемого")
                             : role == "куратор"    ? "куратора"
                                                    : "наставника";
    return word + " " + person_genitive(tree, id);
}

// «программе наставника Г.М. Андреевой и наставляемой Е.С. Кирилловой»: a programme by its pair or group.
std::string programme(const data::DataTree& tree, const std::string& id) {
    const xmlNode* p = by_id(tree, id);
    const std::string whose = programme_owner(tree, p);
    return whose.empty() ? id : "программе " + whose;
}

}  // namespace

std::string field_in_words(const data::Field& f) {
    // «дата письменного согласия наставника; null — согласия нет» → its first part.
    std::string s = f.description.substr(0, f.description.find(';'));
    if (const auto bracket = s.find(" ("); bracket != std::string::npos && s.ends_with(')')) s.erase(bracket);
    return s;
}

std::string programme_owner(const data::DataTree& tree, const xmlNode* node) {
    if (is(node, "pair")) return role_genitive(tree, "наставник", field(node, "mentor")) + " и " +
                                 role_genitive(tree, "наставляемый", field(node, "mentee"));
    if (is(node, "group")) return "группы " + role_genitive(tree, "наставник", field(node, "mentor"));
    return {};
}

std::string missing_in_words(const data::DataTree& tree, const xmlNode* subject, const std::string& missing) {
    const std::string what = without_data_paths(missing);
    if (subject == nullptr || subject == tree.root()) return what;
    // «цели программы» of a pair: whose programme, in the genitive; anything else: whom it concerns.
    if (what.ends_with("программы") || what.ends_with("программе")) {
        if (const std::string whose = programme_owner(tree, subject); !whose.empty()) return what + " " + whose;
    }
    const std::string who = describe_subject(tree, subject);
    return who.empty() ? what : what + " (" + who + ")";
}

std::string describe_subject(const data::DataTree& tree, const xmlNode* node) {
    if (node == nullptr) return {};
    if (is(node, "data")) {
        const std::string m = field(child(node, "municipality"), "name");
        return m.empty() ? "организация в целом" : "муниципалитет " + m;
    }
    if (is(node, "organisation") && is(node->parent, "data")) return "организация";
    if (is(node, "municipality")) return "муниципалитет " + field(node, "name");
    if (is(node, "pair")) return "пара " + programme_owner(tree, node);
    if (is(node, "group")) {
        // One mentee is named in the singular, by gender: «наставляемая А.В. Демидова».
        std::vector<std::string> ids;
        for (const xmlNode* m = child(child(node, "mentees"), "mentee"); m != nullptr; m = m->next) {
            if (is(m, "mentee")) ids.push_back(text_of(m));
        }
        const std::string who = ids.size() != 1 ? "наставляемые " : female(tree, ids.front()) ? "наставляемая " : "наставляемый ";
        return "группа наставника " + person_genitive(tree, field(node, "mentor")) +
               (ids.empty() ? "" : " (" + who + mentees(tree, node) + ")");
    }
    if (is(node, "mentor")) return "наставник " + person(tree, field(node, "person"));
    if (is(node, "curator")) return "куратор " + person(tree, field(node, "person"));
    if (is(node, "person") && is(node->parent, "staff")) {
        return text::initials_surname({field(node, "surname"), field(node, "name"), field(node, "patronymic")}) + ", " +
               field(node, "position");
    }
    if (is(node, "act") && is(node->parent, "acts")) return act(node);
    if (is(node, "consent")) {
        const std::string who = field(node, "person");
        const xmlNode* group = node->parent != nullptr ? node->parent->parent : nullptr;
        return std::string("согласие ") + (female(tree, who) ? "наставляемой " : "наставляемого ") + person_genitive(tree, who) +
               (group != nullptr && is(group, "group") ? " (группа наставника " + person_genitive(tree, field(group, "mentor")) + ")" : "");
    }
    if (is(node, "organisation") && is(node->parent, "organisation_summaries")) return "организация " + field(node, "name");
    if (is(node, "measurement")) {
        const auto* indicator = data::monitoring::find_indicator(field(node, "indicator"));
        const std::string what = "значение показателя мониторинга «" +
                                 (indicator != nullptr ? data::monitoring::title_of(*indicator, tree.organisation_field("type"))
                                                       : field(node, "indicator")) + "»";
        const std::string p = field(node, "programme");
        return what + (p.empty() ? " по организации" : " по " + programme(tree, p));
    }
    if (is(node, "questionnaire")) {
        return "анкета " + role_genitive(tree, field(node, "form"), field(node, "respondent")) + " по " +
               programme(tree, field(node, "programme"));
    }
    if (is(node, "reporting_year")) return "итоги " + field(node, "year") + " учебного года";
    // Anything else: the element that holds it, in words where we have them; a section of the
    // file by what the format says it is.
    if (node->parent != nullptr && node->parent->type == XML_ELEMENT_NODE && !is(node->parent, "data")) {
        return describe_subject(tree, node->parent);
    }
    for (const auto& f : tree.schema().fields) {
        if (is(node, f.key.c_str())) return field_in_words(f);
    }
    return tree.json_path(node);
}

}  // namespace nastavnik::rules
