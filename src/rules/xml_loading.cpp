#include "rules/xml_loading.hpp"

#include "nastavnik/core/xml_errors.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <map>
#include <mutex>
#include <string>

namespace nastavnik::rules {

namespace {

struct Capture {
    DiagnosticSink* sink;
    std::string file;
    static void handler(void* data, xmlError* e) {
        auto* self = static_cast<Capture*>(data);
        if (e == nullptr || e->level == XML_ERR_WARNING) return;
        const std::string msg = e->message ? xml_error_text(e->message) : "ошибка XML";
        const char* prefix = e->domain == XML_FROM_SCHEMASV ? "не соответствует схеме набора правил: "
                                                            : "ошибка XML: ";
        self->sink->add(InputLocation{self->file, e->line, e->int2, {}}, prefix + msg);
    }
};

}  // namespace

XmlDocPtr read_xml_file(const std::filesystem::path& file, DiagnosticSink& sink) {
    Capture capture{&sink, file.string()};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlSetStructuredErrorFunc(&capture, &Capture::handler);
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, file.c_str(), "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlFreeParserCtxt(ctxt);
    if (doc == nullptr && sink.empty()) {
        sink.add(InputLocation{file.string(), 0, 0, {}}, "не удаётся прочитать файл");
    }
    if (doc != nullptr && doc->intSubset != nullptr) {
        sink.add(InputLocation{file.string(), 1, 0, {}}, "объявление DOCTYPE не допускается");
        xmlFreeDoc(doc);
        return nullptr;
    }
    return XmlDocPtr(doc);
}

bool validate_with_schema(xmlDocPtr doc, const std::filesystem::path& file,
                          const std::filesystem::path& schema_file, DiagnosticSink& sink) {
    // Compiled schemas are immutable and shared by all loads.
    struct SchemaFree {
        void operator()(xmlSchemaPtr s) const noexcept { xmlSchemaFree(s); }
    };
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<xmlSchema, SchemaFree>> cache;
    xmlSchemaPtr schema = nullptr;
    {
        std::lock_guard lock(mutex);
        auto& slot = cache[schema_file.string()];
        if (slot == nullptr) {
            DiagnosticSink schema_errors;
            Capture capture{&schema_errors, schema_file.string()};
            xmlSetStructuredErrorFunc(&capture, &Capture::handler);
            xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(schema_file.c_str());
            slot.reset(xmlSchemaParse(pctxt));
            xmlSchemaFreeParserCtxt(pctxt);
            xmlSetStructuredErrorFunc(nullptr, nullptr);
            if (slot == nullptr) {
                sink.add(InputLocation{schema_file.string(), 0, 0, {}}, "не удаётся загрузить XSD-схему наборов правил");
                return false;
            }
        }
        schema = slot.get();
    }
    Capture capture{&sink, file.string()};
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vctxt, &Capture::handler, &capture);
    const int rc = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    return rc == 0;
}

bool named(xmlNodePtr n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::string collapsed_text(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string raw = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

}  // namespace nastavnik::rules
