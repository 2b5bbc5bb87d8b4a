#include "nastavnik/rules/check_document.hpp"

#include "nastavnik/rules/report.hpp"

#include "nastavnik/docx/template.hpp"
#include "rules/plain_tree.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/valid.h>

#include <algorithm>

namespace nastavnik::rules {

namespace {

// xmlDocCopyNode does not carry ID registrations for plain "id" attributes over; the data
// tree's ids are registered again so that id() and n:person() work in the act's template.
void register_ids(xmlDocPtr doc, xmlNodePtr node) {
    for (xmlNodePtr n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (xmlAttrPtr a = xmlHasProp(n, reinterpret_cast<const xmlChar*>("id"))) {
            xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
            if (v != nullptr) xmlAddID(nullptr, doc, v, a);
            xmlFree(v);
        }
        register_ids(doc, n->children);
    }
}

// «дата согласия наставника (mentors[].consent_date; null — согласия нет)» → «дата согласия
// наставника»: the act is for officials; where the data lives in the file stays in the reports.
std::string without_field_path(const std::string& missing) {
    const auto open = missing.rfind(" (");
    if (open == std::string::npos || missing.back() != ')') return missing;
    const std::string inside = missing.substr(open + 2);
    const bool path = std::any_of(inside.begin(), inside.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
    return path ? missing.substr(0, open) : missing;
}

}  // namespace

std::unique_ptr<xmlDoc, XmlDocDeleter> check_data_tree(const CheckResult& r, const data::DataTree& tree) {
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("act"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    xmlNodePtr data = xmlAddChild(root, xmlDocCopyNode(tree.root(), doc.get(), 1));
    register_ids(doc.get(), data);
    xmlNodePtr check = add_element(root, "check");
    add_element(check, "as_of", r.as_of.iso());
    xmlNodePtr sets = add_element(check, "rulesets");
    for (const Ruleset* rs : r.rulesets) {
        add_element(sets, "ruleset", rs->title + " (" + rs->id + ", версия " + rs->version + ", " + layer_name(rs->layer) + " уровень)");
    }
    xmlNodePtr summary = add_element(check, "summary");
    add_element(summary, "rules", std::to_string(r.rules));
    add_element(summary, "checks", std::to_string(r.findings.size()));
    add_element(summary, "satisfied", std::to_string(r.count(Outcome::satisfied)));
    add_element(summary, "violated", std::to_string(r.count(Outcome::violated)));
    add_element(summary, "errors", std::to_string(r.count_violated(Severity::error)));
    add_element(summary, "warnings", std::to_string(r.count_violated(Severity::warning)));
    add_element(summary, "info", std::to_string(r.count_violated(Severity::info)));
    add_element(summary, "not_evaluable", std::to_string(r.count(Outcome::not_evaluable)));
    add_element(summary, "compliant", r.conclusion() == Conclusion::compliant ? "да" : "нет");
    add_element(summary, "recommendations", std::to_string(r.count(Category::recommendation)));
    add_element(summary, "pending", std::to_string(r.count(Category::pending)));
    add_element(summary, "not_evaluable_binding", std::to_string(r.gaps()));
    // The conclusion as the report words it: recommendations are not «нарушения, подлежащие
    // устранению», and an incomplete check says so.
    add_element(check, "conclusion", conclusion_token(r.conclusion()));
    add_element(check, "conclusion_text", conclusion_text(r, tree));
    xmlNodePtr levels = add_element(check, "levels");
    for (const auto& l : r.levels) {
        add_element(levels, "level", std::string(layer_name(l.layer)) + " — " + (l.rulesets.empty() ? "не применён: " : "применён: ") + l.note);
    }
    for (const auto& f : r.findings) {
        if (f.outcome == Outcome::satisfied) continue;
        xmlNodePtr n = add_element(check, "finding");
        xmlNewProp(n, reinterpret_cast<const xmlChar*>("outcome"), reinterpret_cast<const xmlChar*>(outcome_token(f.outcome)));
        if (f.outcome == Outcome::violated) {
            xmlNewProp(n, reinterpret_cast<const xmlChar*>("category"), reinterpret_cast<const xmlChar*>(category_name(f.category)));
        }
        add_element(n, "rule", f.rule->id);
        // What the act prints in the «Уровень» column: a recommendation is not an error.
        add_element(n, "severity", f.outcome == Outcome::violated && f.category != Category::violation
                                       ? category_name(f.category)
                                       : severity_name(f.rule->severity));
        add_element(n, "title", f.rule->title);
        add_element(n, "message", f.message);
        add_element(n, "where", f.subject_name);
        add_element(n, "where_path", f.subject.path);
        // The act cites what the finding rests on: the binding act for a violation, the
        // recommendation for a recommendation (all the citations are in the JSON report).
        const Citation* main = f.binding != nullptr ? f.binding : (f.citations.empty() ? nullptr : f.citations.front());
        add_element(n, "citation", main != nullptr ? main->text() : "");
        if (f.binding != nullptr) add_element(n, "binding", f.binding->text());
        std::string missing;
        for (const auto& m : f.missing) missing += (missing.empty() ? "" : "; ") + without_field_path(m);
        add_element(n, "missing", missing);
    }
    return doc;
}

std::string check_document(const CheckResult& r, const data::DataTree& tree, const std::filesystem::path& template_file) {
    const auto doc = check_data_tree(r, tree);
    const auto tpl = docx::Template::load(template_file);
    xpath::Evaluator ev(doc.get(), r.as_of.iso());
    return tpl.render(ev, xmlDocGetRootElement(doc.get()));
}

}  // namespace nastavnik::rules
