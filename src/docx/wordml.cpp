#include "docx/wordml.hpp"

#include "nastavnik/core/xml_chars.hpp"

#include <iterator>
#include <cstring>
#include <string>
#include <string_view>

namespace nastavnik::docx {

namespace {

bool in_ns(const xmlNode* n, const char* ns, const char* local) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && n->ns != nullptr &&
           std::strcmp(reinterpret_cast<const char*>(n->ns->href), ns) == 0 &&
           std::strcmp(reinterpret_cast<const char*>(n->name), local) == 0;
}

void collect_text(xmlNodePtr node, xmlNodePtr paragraph, std::string& out) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_w(c, "p") && c != paragraph) continue;  // a text box's own paragraphs
        if (is_w(c, "t")) {
            xmlChar* s = xmlNodeGetContent(c);
            if (s != nullptr) out += reinterpret_cast<const char*>(s);
            xmlFree(s);
        } else if (is_w(c, "tab")) {
            if (!is_w(c->parent, "tabs")) out += '\t';
        } else {
            collect_text(c, paragraph, out);
        }
    }
}

}  // namespace

bool is_w(const xmlNode* n, const char* local) { return in_ns(n, w_ns, local); }
bool is_marker(const xmlNode* n, const char* local) { return in_ns(n, template_ns, local); }

xmlNodePtr ancestor_w(xmlNodePtr n, const char* local) {
    for (; n != nullptr; n = n->parent) {
        if (is_w(n, local)) return n;
    }
    return nullptr;
}

xmlNodePtr new_w(xmlDocPtr doc, xmlNodePtr context, const char* local) {
    xmlNsPtr ns = xmlSearchNsByHref(doc, context, xml_chars(w_ns));
    return xmlNewDocNode(doc, ns, xml_chars(local), nullptr);
}

xmlNodePtr new_run_like(xmlNodePtr run) {
    xmlNodePtr r = new_w(run->doc, run, "r");
    for (xmlNodePtr c = run->children; c != nullptr; c = c->next) {
        if (is_w(c, "rPr")) {
            xmlAddChild(r, xmlDocCopyNode(c, run->doc, 1));
            break;
        }
    }
    return r;
}

namespace {

// The children of w:rPr in the order of CT_RPr (ECMA-376 Part 1, 17.3.2.28); Word rejects a
// run whose properties come in another order.
constexpr const char* rpr_order[] = {
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"};

std::size_t rpr_rank(const xmlNode* n) {
    for (std::size_t k = 0; k < std::size(rpr_order); ++k) {
        if (is_w(n, rpr_order[k])) return k;
    }
    return std::size(rpr_order);  // unknown (another namespace): last
}

// The child w:<local> of rPr, made in its place if absent.
xmlNodePtr rpr_child(xmlNodePtr rpr, const char* local) {
    for (xmlNodePtr c = rpr->children; c != nullptr; c = c->next) {
        if (is_w(c, local)) return c;
    }
    xmlNodePtr made = new_w(rpr->doc, rpr, local);
    const std::size_t rank = rpr_rank(made);
    for (xmlNodePtr c = rpr->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && rpr_rank(c) > rank) return xmlAddPrevSibling(c, made);
    }
    return xmlAddChild(rpr, made);
}

}  // namespace

void mark_no_language(xmlNodePtr run) {
    xmlNodePtr rpr = nullptr;
    for (xmlNodePtr c = run->children; c != nullptr && rpr == nullptr; c = c->next) {
        if (is_w(c, "rPr")) rpr = c;
    }
    if (rpr == nullptr) {
        rpr = new_w(run->doc, run, "rPr");
        rpr = run->children != nullptr ? xmlAddPrevSibling(run->children, rpr) : xmlAddChild(run, rpr);
    }
    xmlNodePtr no_proof = rpr_child(rpr, "noProof");
    if (xmlHasNsProp(no_proof, xml_chars("val"), xml_chars(w_ns)) != nullptr) {
        xmlUnsetNsProp(no_proof, no_proof->ns, xml_chars("val"));
    }
    xmlNodePtr lang = rpr_child(rpr, "lang");
    xmlSetNsProp(lang, lang->ns, xml_chars("val"), xml_chars("zxx"));
}

void tidy_namespaces(xmlNodePtr attached) {
    constexpr int remove_redundant = 1;  // XML_DOM_RECONNS_REMOVEREDUND, private to libxml2's tree.c
    xmlDOMWrapReconcileNamespaces(nullptr, attached, remove_redundant);
}

void set_text(xmlNodePtr t, const std::string& text) {
    while (t->children != nullptr) {
        xmlNodePtr c = t->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    if (!text.empty()) xmlAddChild(t, xmlNewDocText(t->doc, xml_chars(text.c_str())));
    xmlNodeSetSpacePreserve(t, 1);
}

std::string paragraph_text(xmlNodePtr p) {
    std::string out;
    collect_text(p, p, out);
    return out;
}

std::string all_text(xmlNodePtr n) {
    std::string out;
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_w(c, "t")) {
            xmlChar* s = xmlNodeGetContent(c);
            if (s != nullptr) out += reinterpret_cast<const char*>(s);
            xmlFree(s);
        } else {
            out += all_text(c);
        }
    }
    return out;
}

bool has_non_text_content(xmlNodePtr p) {
    static const char* const rich[] = {
        "drawing", "pict", "object", "fldSimple", "fldChar", "footnoteReference", "endnoteReference", "sym"};
    for (xmlNodePtr c = p->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        for (const char* local : rich) {
            if (is_w(c, local)) return true;
        }
        if (!is_w(c, "pPr") && !is_w(c, "rPr") && has_non_text_content(c)) return true;
    }
    return false;
}

bool holds_no_paragraphs(xmlNodePtr n) {
    if (n->ns == nullptr || n->name == nullptr) return false;
    const std::string_view name(reinterpret_cast<const char*>(n->name));
    return (name.size() > 2 && name.ends_with("Pr") && is_w(n, std::string(name).c_str())) || is_w(n, "t");
}

bool has_nested_paragraph(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || holds_no_paragraphs(c)) continue;
        if (is_w(c, "p") || has_nested_paragraph(c)) return true;
    }
    return false;
}

}  // namespace nastavnik::docx
