#include "nastavnik/rules/check_document.hpp"

#include "nastavnik/docx/template.hpp"
#include "rules/plain_tree.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/valid.h>

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
    add_element(summary, "compliant", r.compliant() && !r.rulesets.empty() ? "да" : "нет");
    for (const auto& f : r.findings) {
        if (f.outcome == Outcome::satisfied) continue;
        xmlNodePtr n = add_element(check, "finding");
        xmlNewProp(n, reinterpret_cast<const xmlChar*>("outcome"), reinterpret_cast<const xmlChar*>(outcome_token(f.outcome)));
        add_element(n, "rule", f.rule->id);
        add_element(n, "severity", severity_name(f.rule->severity));
        add_element(n, "title", f.rule->title);
        add_element(n, "message", f.message);
        add_element(n, "where", f.subject.path.empty() ? "организация в целом" : f.subject.path);
        std::string citation;
        for (const auto& c : f.rule->citations) citation += (citation.empty() ? "" : ";\n") + c.text();
        add_element(n, "citation", citation);
        std::string missing;
        for (const auto& m : f.missing) missing += (missing.empty() ? "" : "; ") + m;
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
