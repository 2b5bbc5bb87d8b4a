#include "nastavnik/docx/pictures.hpp"

#include "nastavnik/core/error.hpp"
#include "docx/package.hpp"
#include "docx/xml_part.hpp"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdlib>
#include <set>

namespace nastavnik::docx {

namespace {

struct XPathContextFree {
    void operator()(xmlXPathContextPtr c) const noexcept { xmlXPathFreeContext(c); }
};
struct XPathObjectFree {
    void operator()(xmlXPathObjectPtr o) const noexcept { xmlXPathFreeObject(o); }
};

std::string string_of(xmlXPathContextPtr ctx, const std::string& expr, xmlNodePtr node) {
    std::unique_ptr<xmlXPathObject, XPathObjectFree> o(
        xmlXPathNodeEval(node, reinterpret_cast<const xmlChar*>(("string(" + expr + ")").c_str()), ctx));
    return o && o->type == XPATH_STRING && o->stringval ? reinterpret_cast<const char*>(o->stringval) : "";
}

std::unique_ptr<xmlXPathContext, XPathContextFree> context(xmlDocPtr doc) {
    std::unique_ptr<xmlXPathContext, XPathContextFree> ctx(xmlXPathNewContext(doc));
    const std::pair<const char*, const char*> ns[] = {
        {"w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
        {"a", "http://schemas.openxmlformats.org/drawingml/2006/main"},
        {"r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
        {"rel", "http://schemas.openxmlformats.org/package/2006/relationships"},
    };
    for (const auto& [prefix, uri] : ns) {
        xmlXPathRegisterNs(ctx.get(), reinterpret_cast<const xmlChar*>(prefix), reinterpret_cast<const xmlChar*>(uri));
    }
    return ctx;
}

// The picture keeps the width the template gave it; its height follows the image, so a chart
// with more rows is taller instead of squeezed.
void fit_height(xmlXPathContextPtr ctx, xmlNodePtr picture, const std::string& png) {
    const auto [w, h] = image_pixel_size(png);
    if (w == 0 || h == 0) return;
    std::unique_ptr<xmlXPathObject, XPathObjectFree> extents(
        xmlXPathNodeEval(picture, reinterpret_cast<const xmlChar*>("wp:extent | .//a:xfrm/a:ext"), ctx));
    if (!extents || extents->nodesetval == nullptr) return;
    for (int i = 0; i < extents->nodesetval->nodeNr; ++i) {
        xmlNodePtr e = extents->nodesetval->nodeTab[i];
        xmlChar* cx = xmlGetProp(e, reinterpret_cast<const xmlChar*>("cx"));
        if (cx == nullptr) continue;
        const unsigned long long width = std::strtoull(reinterpret_cast<const char*>(cx), nullptr, 10);
        xmlFree(cx);
        const std::string cy = std::to_string(width * h / w);
        xmlSetProp(e, reinterpret_cast<const xmlChar*>("cy"), reinterpret_cast<const xmlChar*>(cy.c_str()));
    }
}

}  // namespace

std::pair<unsigned long, unsigned long> image_pixel_size(std::string_view bytes) {
    auto byte = [&](std::size_t at) { return static_cast<unsigned long>(static_cast<unsigned char>(bytes[at])); };
    auto be = [&](std::size_t at, std::size_t n) {
        unsigned long v = 0;
        for (std::size_t i = 0; i < n; ++i) v = (v << 8) | byte(at + i);
        return v;
    };
    // PNG: the IHDR chunk comes first.
    if (bytes.size() >= 24 && bytes.substr(0, 8) == "\x89PNG\r\n\x1a\n" && bytes.substr(12, 4) == "IHDR") {
        return {be(16, 4), be(20, 4)};
    }
    // JPEG: the segments up to the first start-of-frame marker (C0–CF but C4, C8, CC).
    if (bytes.size() < 4 || byte(0) != 0xFF || byte(1) != 0xD8) return {0, 0};
    for (std::size_t at = 2; at + 9 <= bytes.size();) {
        if (byte(at) != 0xFF) return {0, 0};
        const unsigned long marker = byte(at + 1);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            return {be(at + 7, 2), be(at + 5, 2)};
        }
        at += 2 + be(at + 2, 2);
    }
    return {0, 0};
}

std::string replace_pictures(const std::string& docx_bytes, const std::map<std::string, std::string>& images,
                             const std::string& display_name) {
    Package package(docx_bytes, display_name);
    const std::string document_part = "word/document.xml";
    const std::string rels_part = "word/_rels/document.xml.rels";
    const XmlDoc document = parse_part(package.read(document_part), display_name, document_part);
    const XmlDoc rels = parse_part(package.has(rels_part) ? package.read(rels_part) : std::string("<r/>"), display_name, rels_part);
    const auto doc_ctx = context(document.get());
    const auto rels_ctx = context(rels.get());

    std::unique_ptr<xmlXPathObject, XPathObjectFree> pictures(xmlXPathEvalExpression(
        reinterpret_cast<const xmlChar*>("//wp:inline[wp:docPr[starts-with(@descr, 'chart:')]] | "
                                         "//wp:anchor[wp:docPr[starts-with(@descr, 'chart:')]]"),
        doc_ctx.get()));
    std::map<std::string, std::string> replacements;
    std::set<std::string> used;
    DiagnosticSink problems;
    const int n = pictures && pictures->nodesetval ? pictures->nodesetval->nodeNr : 0;
    for (int i = 0; i < n; ++i) {
        xmlNodePtr picture = pictures->nodesetval->nodeTab[i];
        const std::string name = string_of(doc_ctx.get(), "wp:docPr/@descr", picture).substr(6);
        const std::string rid = string_of(doc_ctx.get(), ".//a:blip/@r:embed", picture);
        const std::string target =
            string_of(rels_ctx.get(), "/rel:Relationships/rel:Relationship[@Id = '" + rid + "']/@Target", rels->children);
        const InputLocation where{display_name, 0, 0, "рисунок «chart:" + name + "»"};
        const auto image = images.find(name);
        if (image == images.end()) {
            problems.add(where, "для рисунка нет диаграммы с таким именем");
            continue;
        }
        if (rid.empty() || target.empty() || target.find("..") != std::string::npos || target.front() == '/') {
            problems.add(where, "рисунок не ссылается на изображение внутри документа (word/media)");
            continue;
        }
        const std::string entry = "word/" + target;
        if (!package.has(entry)) {
            problems.add(where, "в документе нет части " + entry);
            continue;
        }
        if (replacements.count(entry) != 0) {
            problems.add(where, "рисунок ссылается на то же изображение (" + entry +
                                    "), что и другой рисунок диаграммы; у каждой диаграммы должно быть своё изображение");
            continue;
        }
        replacements[entry] = image->second;
        fit_height(doc_ctx.get(), picture, image->second);
        used.insert(name);
    }
    for (const auto& [name, png] : images) {
        if (used.count(name) == 0) {
            problems.add(InputLocation{display_name, 0, 0, {}},
                         "в шаблоне нет рисунка с замещающим текстом «chart:" + name + "»");
        }
    }
    problems.throw_if_any(ErrorCode::template_invalid);
    replacements[document_part] = serialize(document.get());
    return package.with_replaced(replacements);
}

}  // namespace nastavnik::docx
