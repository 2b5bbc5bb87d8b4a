#include "nastavnik/rules/ruleset_document.hpp"

#include "nastavnik/docx/template.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"

namespace nastavnik::rules {

namespace {

xmlNodePtr add(xmlNodePtr parent, const char* name, const std::string& text = {}) {
    xmlNodePtr n = xmlNewChild(parent, nullptr, reinterpret_cast<const xmlChar*>(name), nullptr);
    if (!text.empty()) xmlAddChild(n, xmlNewText(reinterpret_cast<const xmlChar*>(text.c_str())));
    return n;
}

const char* mode_name(Mode m) {
    switch (m) {
        case Mode::add: return "add";
        case Mode::tighten: return "ужесточает правило вышестоящего уровня";
        case Mode::override_: return "заменяет правило вышестоящего уровня";
    }
    return "add";
}

}  // namespace

std::unique_ptr<xmlDoc, XmlDocDeleter> ruleset_data_tree(const Ruleset& rs) {
    std::unique_ptr<xmlDoc, XmlDocDeleter> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("ruleset"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    add(root, "id", rs.id);
    add(root, "version", rs.version);
    add(root, "title", rs.title);
    add(root, "layer", layer_name(rs.layer));
    add(root, "applies", rs.region.empty() ? "все регионы" : rs.region + (rs.municipality.empty() ? "" : ", " + rs.municipality));
    add(root, "valid_from", rs.valid_from.iso());
    if (rs.valid_to) add(root, "valid_to", rs.valid_to->iso());
    xmlNodePtr acts = add(root, "acts");
    for (const auto& a : rs.acts) {
        std::string text = a.issuer + ", " + a.kind;
        if (auto d = Date::parse_iso(a.date)) text += " от " + text::date_numeric(*d);
        if (!a.number.empty()) text += " №\u00A0" + a.number;
        add(acts, "act", text + " «" + a.title + "»");
    }
    xmlNodePtr params = add(root, "parameters");
    for (const auto& p : rs.parameters) {
        xmlNodePtr n = add(params, "parameter");
        add(n, "id", p.id);
        std::string values;
        for (const auto& v : p.values) {
            values += (values.empty() ? "" : "; ") + v.value + (p.unit.empty() ? "" : " (" + p.unit + ")") + " с " +
                      text::date_numeric(v.from) + (v.to ? " по " + text::date_numeric(*v.to) : std::string{});
        }
        add(n, "values", values);
    }
    xmlNodePtr rules = add(root, "rules");
    for (const auto& r : rs.rules) {
        xmlNodePtr n = add(rules, "rule");
        add(n, "id", r.id);
        add(n, "mode", mode_name(r.mode));
        add(n, "severity", severity_name(r.severity));
        add(n, "title", r.title);
        std::string citation;
        for (const auto& c : r.citations) citation += (citation.empty() ? "" : ";\n") + c.text();
        add(n, "citation", citation);
    }
    return doc;
}

std::string ruleset_document(const Ruleset& rs, const std::filesystem::path& template_file) {
    const auto doc = ruleset_data_tree(rs);
    const auto tpl = docx::Template::load(template_file);
    xpath::Evaluator ev(doc.get(), rs.valid_from.iso());
    return tpl.render(ev, xmlDocGetRootElement(doc.get()));
}

}  // namespace nastavnik::rules
