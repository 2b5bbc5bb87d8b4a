#include "generate/comparison_copy.hpp"

#include "docx/package.hpp"
#include "docx/wordml.hpp"
#include "docx/xml_part.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_chars.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <map>

namespace nastavnik::generate {

namespace {


xmlNodePtr add(xmlNodePtr parent, xmlNsPtr ns, const char* name) { return xmlNewChild(parent, ns, xml_chars(name), nullptr); }

void set(xmlNodePtr node, xmlNsPtr ns, const char* value) { xmlNewNsProp(node, ns, xml_chars("val"), xml_chars(value)); }

// The mark's paragraph: right-aligned, italic, 10 pt, no indent.
xmlNodePtr mark_paragraph(xmlNsPtr w, const std::string& words, bool header) {
    xmlNodePtr p = xmlNewNode(w, xml_chars("p"));
    xmlNodePtr ppr = add(p, w, "pPr");
    if (header) set(add(ppr, w, "pStyle"), w, "Header");
    xmlNewNsProp(add(ppr, w, "ind"), w, xml_chars("firstLine"), xml_chars("0"));
    set(add(ppr, w, "jc"), w, "right");
    xmlNodePtr r = add(p, w, "r");
    xmlNodePtr rpr = add(r, w, "rPr");
    add(rpr, w, "i");
    set(add(rpr, w, "sz"), w, "20");
    xmlNewTextChild(r, w, xml_chars("t"), xml_chars(words.c_str()));
    return p;
}

// Whether a header shows anything: text, a field (the page number), a picture or a table.
bool has_content(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        for (const char* shown : {"t", "fldChar", "instrText", "fldSimple", "drawing", "pict", "tbl"}) {
            if (xmlStrEqual(c->name, xml_chars(shown))) return true;
        }
        if (has_content(c)) return true;
    }
    return false;
}

}  // namespace

std::string mark_for_comparison(const std::string& docx_bytes, const Date& as_of) {
    // One line: a wrapped mark took a second line from every page.
    const std::string words = "Экземпляр для сверки: составлен по данным на " + text::date_numeric(as_of) +
                              ", не подписывается";
    docx::Package package(docx_bytes, "документ");
    std::map<std::string, std::string> replaced;
    // In the page headers — the first page's and the others' — it is on every page and takes no
    // line of the text: a one-page agreement stays one page. The headers have room for it under
    // the page number (1 cm between the header's top and the text).
    for (const auto& entry : package.entry_names()) {
        if (!entry.starts_with("word/header") || !entry.ends_with(".xml")) continue;
        const auto doc = docx::parse_part(package.read(entry), "документ", entry);
        xmlNodePtr root = xmlDocGetRootElement(doc.get());
        xmlNsPtr w = xmlSearchNsByHref(doc.get(), root, xml_chars(docx::w_ns));
        if (w == nullptr) continue;
        // The first page's header is one empty paragraph: the mark takes its place, so that the
        // header stays one line high and the text does not move down.
        if (!has_content(root)) {
            for (xmlNodePtr c = root->children; c != nullptr;) {
                xmlNodePtr next = c->next;
                xmlUnlinkNode(c);
                xmlFreeNode(c);
                c = next;
            }
        }
        xmlAddChild(root, mark_paragraph(w, words, true));
        replaced.emplace(entry, docx::serialize(doc.get()));
    }
    if (replaced.empty()) {
        // A document without headers: the first line of its text.
        const std::string part = "word/document.xml";
        const auto doc = docx::parse_part(package.read(part), "документ", part);
        xmlNodePtr root = xmlDocGetRootElement(doc.get());
        xmlNsPtr w = xmlSearchNsByHref(doc.get(), root, xml_chars(docx::w_ns));
        xmlNodePtr body = nullptr;
        for (xmlNodePtr c = root->children; c != nullptr; c = c->next) {
            if (docx::is_w(c, "body")) body = c;
        }
        if (w == nullptr || body == nullptr) {
            throw Error(ErrorCode::internal, "документ без тела (w:body): отметку о сверке не поставить");
        }
        xmlNodePtr first = body->children;
        while (first != nullptr && first->type != XML_ELEMENT_NODE) first = first->next;
        if (first != nullptr) xmlAddPrevSibling(first, mark_paragraph(w, words, false));
        else xmlAddChild(body, mark_paragraph(w, words, false));
        replaced.emplace(part, docx::serialize(doc.get()));
    }
    return package.with_replaced(replaced);
}

}  // namespace nastavnik::generate
