#include "nastavnik/generate/document_settings.hpp"

#include "docx/package.hpp"
#include "docx/xml_part.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_chars.hpp"
#include "nastavnik/data/xml_text.hpp"

#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
#include <string>

namespace nastavnik::generate {

namespace {

constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";


xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent ? parent->children : nullptr; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, xml_chars(name)) && c->ns != nullptr &&
            xmlStrEqual(c->ns->href, xml_chars(w_ns))) {
            return c;
        }
    }
    return nullptr;
}

using data::text_of;
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
    xmlNodePtr node = xmlNewDocNode(parent->doc, ns, xml_chars(name), nullptr);
    // Outside run properties: docDefaults and rPrDefault come first in their parents; a
    // paragraph style's rPr comes after everything it may hold (name … pPr).
    if (rank < 0 && std::strcmp(name, "rPr") == 0) return xmlAddChild(parent, node);
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        int r = static_cast<int>(std::size(order));
        for (int i = 0; i < static_cast<int>(std::size(order)); ++i)
            if (xmlStrEqual(c->name, xml_chars(order[i]))) r = i;
        if (r > rank) return xmlAddPrevSibling(c, node);
    }
    return xmlAddChild(parent, node);
}

void set_run_properties(xmlNodePtr rpr, const DocumentSettings& s, xmlNsPtr ns) {
    if (s.font) {
        xmlNodePtr fonts = ensure(rpr, "rFonts", ns);
        // A theme font (asciiTheme …) wins over a named one; the organisation's choice must win.
        for (const char* theme : {"asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"}) xmlUnsetNsProp(fonts, ns, xml_chars(theme));
        for (const char* slot : {"ascii", "hAnsi", "eastAsia", "cs"}) xmlSetNsProp(fonts, ns, xml_chars(slot), xml_chars(s.font->c_str()));
    }
    if (s.font_size_half_points) {
        const std::string v = std::to_string(*s.font_size_half_points);
        for (const char* size : {"sz", "szCs"}) xmlSetNsProp(ensure(rpr, size, ns), ns, xml_chars("val"), xml_chars(v.c_str()));
    }
}

xmlNodePtr normal_style(xmlNodePtr styles) {
    for (xmlNodePtr c = styles->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, xml_chars("style"))) continue;
        xmlChar* type = xmlGetNsProp(c, xml_chars("type"), xml_chars(w_ns));
        xmlChar* def = xmlGetNsProp(c, xml_chars("default"), xml_chars(w_ns));
        const bool is_normal = type != nullptr && xmlStrEqual(type, xml_chars("paragraph")) && def != nullptr &&
                               (xmlStrEqual(def, xml_chars("1")) || xmlStrEqual(def, xml_chars("true")));
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
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, xml_chars("document_settings"))) settings = c;
    }
    if (settings == nullptr) return s;
    for (xmlNodePtr c = settings->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const std::string value = text_of(c);
        if (xmlStrEqual(c->name, xml_chars("font"))) {
            s.font = value;
        } else if (xmlStrEqual(c->name, xml_chars("font_size"))) {
            s.font_size_half_points = static_cast<int>(std::stod(value) * 2 + 0.5);
        } else if (xmlStrEqual(c->name, xml_chars("hyphenation"))) {
            s.hyphenation = value == "true";
        } else if (xmlStrEqual(c->name, xml_chars("gost_edition"))) {
            s.gost_edition = value;
        } else if (xmlStrEqual(c->name, xml_chars("order_number_format"))) {
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

namespace {

// Whether the on/off property `name` of w:settings is on: present without a value, or with
// "true"/"1"/"on".
bool setting_on(xmlNodePtr settings, const char* name) {
    xmlNodePtr a = child(settings, name);
    if (a == nullptr) return false;
    xmlChar* v = xmlGetNsProp(a, xml_chars("val"), xml_chars(w_ns));
    const bool on = v == nullptr || xmlStrEqual(v, xml_chars("true")) || xmlStrEqual(v, xml_chars("1")) || xmlStrEqual(v, xml_chars("on"));
    xmlFree(v);
    return on;
}

// w:autoHyphenation set to `on`, at its place in the schema's sequence of w:settings (after
// w:defaultTabStop and what precedes it; Word refuses a file whose order is wrong).
void set_hyphenation(xmlNodePtr settings, xmlNsPtr ns, bool on) {
    xmlNodePtr a = child(settings, "autoHyphenation");
    if (a == nullptr) {
        static const char* const before[] = {
            "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
            "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
            "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
            "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
            "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
            "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
            "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
            "styleLockTheme", "styleLockQFSet", "defaultTabStop"};
        a = xmlNewDocNode(settings->doc, ns, xml_chars("autoHyphenation"), nullptr);
        xmlNodePtr after = nullptr;
        for (xmlNodePtr c = settings->children; c != nullptr; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const bool earlier = std::any_of(std::begin(before), std::end(before),
                                             [&](const char* n) { return xmlStrEqual(c->name, xml_chars(n)); });
            if (!earlier) break;
            after = c;
        }
        if (after != nullptr) {
            xmlAddNextSibling(after, a);
        } else if (settings->children != nullptr) {
            xmlAddPrevSibling(settings->children, a);
        } else {
            xmlAddChild(settings, a);
        }
    }
    xmlSetNsProp(a, ns, xml_chars("val"), xml_chars(on ? "true" : "false"));
}

bool hyphenation_on(xmlNodePtr settings) { return setting_on(settings, "autoHyphenation"); }
bool caps_kept(xmlNodePtr settings) { return setting_on(settings, "doNotHyphenateCaps"); }

// w:doNotHyphenateCaps on, after w:autoHyphenation and the two hyphenation properties the
// schema puts between them: an abbreviation («МБДОУ», «СОШ») broken across lines reads as two
// words, and LibreOffice (7.4), Word and our PDF renderer all honour the property.
void keep_caps(xmlNodePtr settings, xmlNsPtr ns) {
    xmlNodePtr a = child(settings, "doNotHyphenateCaps");
    if (a == nullptr) {
        a = xmlNewDocNode(settings->doc, ns, xml_chars("doNotHyphenateCaps"), nullptr);
        xmlNodePtr after = child(settings, "autoHyphenation");
        for (const char* n : {"consecutiveHyphenLimit", "hyphenationZone"})
            if (xmlNodePtr c = child(settings, n)) after = c;
        xmlAddNextSibling(after, a);
    }
    xmlUnsetNsProp(a, ns, xml_chars("val"));
}

}  // namespace

bool hyphenates(const std::string& bytes) {
    docx::Package package(bytes, "документ");
    const std::string part = "word/settings.xml";
    if (!package.has(part)) return false;
    const auto doc = docx::parse_part(package.read(part), "документ", part);
    return hyphenation_on(xmlDocGetRootElement(doc.get()));
}

std::optional<bool> settings_hyphenation(const std::string& bytes) {
    docx::Package package(bytes, "документ");
    const std::string part = "word/settings.xml";
    if (!package.has(part)) return false;
    const auto doc = docx::parse_part(package.read(part), "документ", part);
    xmlNodePtr root = xmlDocGetRootElement(doc.get());
    if (!hyphenation_on(root)) return false;
    if (!caps_kept(root)) return std::nullopt;
    return true;
}

std::string apply_document_settings(const std::string& bytes, const DocumentSettings& settings,
                                    std::optional<bool> already) {
    const bool restyle = settings.font || settings.font_size_half_points;
    if (!restyle && already && *already == settings.hyphenation) return bytes;
    docx::Package package(bytes, "документ");
    std::map<std::string, std::string> replaced;
    const std::string styles_part = "word/styles.xml";
    if (restyle && package.has(styles_part)) {
        const auto doc = docx::parse_part(package.read(styles_part), "документ", styles_part);
        xmlNodePtr styles = xmlDocGetRootElement(doc.get());
        if (xmlNsPtr ns = xmlSearchNsByHref(doc.get(), styles, xml_chars(w_ns))) {
            // Both places a run's font can come from: the document defaults and the Normal style
            // every paragraph of the templates is based on.
            xmlNodePtr defaults = ensure(styles, "docDefaults", ns);
            set_run_properties(ensure(ensure(defaults, "rPrDefault", ns), "rPr", ns), settings, ns);
            if (xmlNodePtr normal = normal_style(styles)) set_run_properties(ensure(normal, "rPr", ns), settings, ns);
            replaced.emplace(styles_part, docx::serialize(doc.get()));
        }
    }
    const std::string settings_part = "word/settings.xml";
    if ((!already || *already != settings.hyphenation) && package.has(settings_part)) {
        const auto doc = docx::parse_part(package.read(settings_part), "документ", settings_part);
        xmlNodePtr root = xmlDocGetRootElement(doc.get());
        xmlNsPtr ns = xmlSearchNsByHref(doc.get(), root, xml_chars(w_ns));
        const bool caps_missing = settings.hyphenation && !caps_kept(root);
        if (ns != nullptr && (hyphenation_on(root) != settings.hyphenation || caps_missing)) {
            set_hyphenation(root, ns, settings.hyphenation);
            if (caps_missing) keep_caps(root, ns);
            replaced.emplace(settings_part, docx::serialize(doc.get()));
        }
    }
    return replaced.empty() ? bytes : package.with_replaced(replaced);
}

}  // namespace nastavnik::generate
