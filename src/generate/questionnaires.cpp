#include "generate/questionnaires.hpp"

#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/plain_tree.hpp"

namespace nastavnik::generate {

namespace {

const char* kind_name(data::monitoring::AnswerKind k) {
    switch (k) {
        case data::monitoring::AnswerKind::scale: return "scale";
        case data::monitoring::AnswerKind::percent: return "percent";
        case data::monitoring::AnswerKind::count: return "count";
        case data::monitoring::AnswerKind::yes_no: return "yes_no";
    }
    return "scale";
}

}  // namespace

std::unique_ptr<xmlDoc, data::DocFree> questionnaire_document(const data::DataTree& tree, const std::string& as_of) {
    auto doc = data::copy_document(tree);
    xmlNodePtr forms = rules::add_element(xmlDocGetRootElement(doc.get()), "questionnaire_forms");
    for (const auto& f : data::monitoring::forms()) {
        xmlNodePtr form = rules::add_element(forms, "form");
        xmlNewProp(form, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>(f.id));
        rules::add_element(form, "title", f.title);
        int n = 0;
        for (const auto& q : f.questions) {
            xmlNodePtr question = rules::add_element(form, "question");
            rules::add_element(question, "n", std::to_string(++n));
            rules::add_element(question, "text", q.text);
            rules::add_element(question, "kind", kind_name(q.kind));
        }
    }
    xpath::Evaluator ev(tree.doc(), as_of);
    const auto year = xpath::Expression::compile(std::string("/data/pairs/pair") + programme_of_the_year + " | /data/groups/group" +
                                                 programme_of_the_year);
    for (xmlNodePtr p : ev.nodes(year, tree.root())) {
        xmlChar* id = xmlGetNoNsProp(p, reinterpret_cast<const xmlChar*>("id"));
        xmlNodePtr n = rules::add_element(forms, "programme");
        xmlNewProp(n, reinterpret_cast<const xmlChar*>("ref"), id);
        xmlFree(id);
    }
    return doc;
}

}  // namespace nastavnik::generate
