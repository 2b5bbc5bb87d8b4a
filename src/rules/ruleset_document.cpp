#include "nastavnik/rules/ruleset_document.hpp"

#include "nastavnik/docx/template.hpp"
#include "rules/plain_tree.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"

namespace nastavnik::rules {

namespace {

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
    add_element(root, "id", rs.id);
    add_element(root, "version", rs.version);
    add_element(root, "title", rs.title);
    add_element(root, "layer", layer_name(rs.layer));
    add_element(root, "applies", rs.region.empty() ? "все регионы" : rs.region + (rs.municipality.empty() ? "" : ", " + rs.municipality));
    add_element(root, "valid_from", rs.valid_from.iso());
    if (rs.valid_to) add_element(root, "valid_to", rs.valid_to->iso());
    xmlNodePtr acts = add_element(root, "acts");
    for (const Act* a : rs.cited_acts()) {
        if (a->body) {
            add_element(acts, "act", text::capitalize(a->nominative()) + (a->name_genitive.empty() ? " «" + a->title + "»" : ""));
            continue;
        }
        std::string text = a->issuer + ", " + a->kind;
        if (auto d = Date::parse_iso(a->date)) text += " от " + text::date_numeric(*d);
        if (!a->number.empty()) text += " №\u00A0" + a->number;
        add_element(acts, "act", text + " «" + a->title + "»");
    }
    xmlNodePtr params = add_element(root, "parameters");
    for (const auto& p : rs.parameters) {
        xmlNodePtr n = add_element(params, "parameter");
        add_element(n, "id", p.id);
        std::string values;
        for (const auto& v : p.values) {
            values += (values.empty() ? "" : "; ") + v.value + (p.unit.empty() ? "" : " (" + p.unit + ")") + " с " +
                      text::date_numeric(v.from) + (v.to ? " по " + text::date_numeric(*v.to) : std::string{});
        }
        add_element(n, "values", values);
    }
    xmlNodePtr rules = add_element(root, "rules");
    for (const auto& r : rs.rules) {
        xmlNodePtr n = add_element(rules, "rule");
        add_element(n, "id", r.id);
        add_element(n, "mode", mode_name(r.mode));
        add_element(n, "severity", std::string(severity_name(r.severity)) +
                                       (r.subject == Subject::municipality ? " (муниципалитет)" : ""));
        add_element(n, "title", r.title);
        std::string citation;
        for (const auto& c : r.citations) citation += (citation.empty() ? "" : ";\n") + c.text();
        add_element(n, "citation", citation);
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
