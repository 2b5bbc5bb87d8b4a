#include "nastavnik/generate/document_settings.hpp"

#include "docx/package.hpp"
#include "docx/xml_part.hpp"
#include "nastavnik/core/error.hpp"

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <cstring>
#include <string>

namespace nastavnik::generate {

namespace {

constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, X(name)) && c->ns != nullptr &&
            xmlStrEqual(c->ns->href, X(w_ns))) {
            return c;
        }
    }
    return nullptr;
}

std::string text_of(xmlNodePtr n) {
    if (n == nullptr) return {};
    xmlChar* s = xmlNodeGetContent(n);
    std::string out = s ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return out;
}

// The child `name` of `parent`, created at its schema position when missing: the run
// properties are an ordered sequence (rFonts first, sz and szCs after the effects) and Word
// refuses a file whose order is wrong.
xmlNodePtr ensure(xmlNodePtr parent, const char* name, xmlNsPtr ns) {
    if (xmlNodePtr existing = child(parent, name)) return existing;
    static const char* const order[] = {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
                                        "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
                                        "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz",
                                        "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign",
                                        "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"};
    int rank = -1;
    for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
        if (std::strcmp(order[i], name) == 0) rank = i;
    xmlNodePtr node = xmlNewDocNode(parent->doc, ns, X(name), nullptr);
    // Outside run properties: docDefaults and rPrDefault come first in their parents; a
    // paragraph style's rPr comes after everything it may hold (name … pPr).
    if (rank < 0 && std::strcmp(name, "rPr") == 0) return xmlAddChild(parent, node);
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        int r = static_cast<int>(std::size(order));
        for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
            if (xmlStrEqual(c->name, X(order[i]))) r = i;
        if (r > rank) return xmlAddPrevSibling(c, node);
    }
    return xmlAddChild(parent, node);
}

void set_run_properties(xmlNodePtr rpr, const DocumentSettings& s, xmlNsPtr ns) {
    if (s.font) {
        xmlNodePtr fonts = ensure(rpr, "rFonts", ns);
        // A theme font (asciiTheme …) wins over a named one; the organisation's choice must win.
        for (const char* theme : {"asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"}) xmlUnsetNsProp(fonts, ns, X(theme));
        for (const char* slot : {"ascii", "hAnsi", "eastAsia", "cs"}) xmlSetNsProp(fonts, ns, X(slot), X(s.font->c_str()));
    }
    if (s.font_size_half_points) {
        const std::string v = std::to_string(*s.font_size_half_points);
        for (const char* size : {"sz", "szCs"}) xmlSetNsProp(ensure(rpr, size, ns), ns, X("val"), X(v.c_str()));
    }
}

xmlNodePtr normal_style(xmlNodePtr styles) {
    for (xmlNodePtr c = styles->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, X("style"))) continue;
        xmlChar* type = xmlGetNsProp(c, X("type"), X(w_ns));
        xmlChar* def = xmlGetNsProp(c, X("default"), X(w_ns));
        const bool is_normal = type != nullptr && xmlStrEqual(type, X("paragraph")) && def != nullptr &&
                               (xmlStrEqual(def, X("1")) || xmlStrEqual(def, X("true")));
        xmlFree(type);
        xmlFree(def);
        if (is_normal) return c;
    }
    return nullptr;
}

}  // namespace

DocumentSettings document_settings(const data::DataTree& tree) {
    DocumentSettings s;
    xmlNodePtr settings = nullptr;
    for (xmlNodePtr c = tree.root()->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, X("document_settings"))) settings = c;
    }
    if (settings == nullptr) return s;
    for (xmlNodePtr c = settings->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string value = text_of(c);
        if (xmlStrEqual(c->name, X("font"))) {
            s.font = value;
        } else if (xmlStrEqual(c->name, X("font_size"))) {
            s.font_size_half_points = static_cast<int>(std::stod(value) * 2 + 0.5);
        } else if (xmlStrEqual(c->name, X("gost_edition"))) {
            s.gost_edition = value;
        } else if (xmlStrEqual(c->name, X("order_number_format"))) {
            const auto first = value.find("{n}");
            if (first == std::string::npos || value.find("{n}", first + 1) != std::string::npos) {
                throw Error(ErrorCode::data_invalid,
                            "формат номера приказа должен содержать «{n}» ровно один раз (например, «{n}-од»), "
                            "получено «" + value + "»",
                            tree.location(c));
            }
            s.order_number_format = value;
        }
    }
    return s;
}

std::string format_order_number(const DocumentSettings& settings, std::string_view number) {
    const bool bare = !number.empty() && number.find_first_not_of("0123456789_") == std::string_view::npos;
    if (!bare) return std::string(number);
    std::string out = settings.order_number_format;
    out.replace(out.find("{n}"), 3, number);
    return out;
}

std::string apply_document_settings(const std::string& bytes, const DocumentSettings& settings) {
    if (!settings.font && !settings.font_size_half_points) return bytes;
    docx::Package package(bytes, "документ");
    const std::string part = "word/styles.xml";
    if (!package.has(part)) return bytes;
    const auto doc = docx::parse_part(package.read(part), "документ", part);
    xmlNodePtr styles = xmlDocGetRootElement(doc.get());
    xmlNsPtr ns = xmlSearchNsByHref(doc.get(), styles, X(w_ns));
    if (ns == nullptr) return bytes;
    // Both places a run's font can come from: the document defaults and the Normal style
    // every paragraph of the templates is based on.
    xmlNodePtr defaults = ensure(styles, "docDefaults", ns);
    set_run_properties(ensure(ensure(defaults, "rPrDefault", ns), "rPr", ns), settings, ns);
    if (xmlNodePtr normal = normal_style(styles)) set_run_properties(ensure(normal, "rPr", ns), settings, ns);
    return package.with_replaced({{part, docx::serialize(doc.get())}});
}

}  // namespace nastavnik::generate
