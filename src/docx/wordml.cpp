#include "docx/wordml.hpp"

#include "nastavnik/core/error.hpp"

#include <libxml/parser.h>

#include <cstring>

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
            out += '\t';
        } else {
            collect_text(c, paragraph, out);
        }
    }
}

struct Capture {
    std::string message;
    int line = 0;
    static void handler(void* data, xmlError* e) {
        auto* self = static_cast<Capture*>(data);
        if (e == nullptr || !self->message.empty() || e->level == XML_ERR_WARNING) return;
        self->message = e->message ? e->message : "ошибка XML";
        while (!self->message.empty() && (self->message.back() == '\n' || self->message.back() == ' ')) self->message.pop_back();
        self->line = e->line;
    }
};

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
    xmlNsPtr ns = xmlSearchNsByHref(doc, context, reinterpret_cast<const xmlChar*>(w_ns));
    return xmlNewDocNode(doc, ns, reinterpret_cast<const xmlChar*>(local), nullptr);
}

void tidy_namespaces(xmlNodePtr attached) {
    constexpr int remove_redundant = 1;  // XML_DOM_RECONNS_REMOVEREDUND, private to libxml2's tree.c
    xmlDOMWrapReconcileNamespaces(nullptr, attached, remove_redundant);
}

std::string paragraph_text(xmlNodePtr p) {
    std::string out;
    collect_text(p, p, out);
    return out;
}

XmlDoc parse_part(const std::string& xml, const std::string& file, const std::string& part) {
    Capture capture;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlSetStructuredErrorFunc(&capture, &Capture::handler);
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, xml.data(), static_cast<int>(xml.size()), part.c_str(), "UTF-8",
                                      XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlFreeParserCtxt(ctxt);
    if (doc == nullptr) {
        throw Error(ErrorCode::package_invalid,
                    "часть «" + part + "»: повреждённый XML" + (capture.line ? " (строка " + std::to_string(capture.line) + ")" : "") +
                        (capture.message.empty() ? "" : ": " + capture.message),
                    InputLocation{file, 0, 0, {}});
    }
    XmlDoc owned(doc);
    if (doc->intSubset != nullptr) {
        throw Error(ErrorCode::package_invalid, "часть «" + part + "»: объявление DOCTYPE в документе Word не допускается",
                    InputLocation{file, 0, 0, {}});
    }
    return owned;
}

std::string serialize(xmlDocPtr doc) {
    xmlChar* buf = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &size, "UTF-8");
    std::string out(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(size));
    xmlFree(buf);
    return out;
}

}  // namespace nastavnik::docx
