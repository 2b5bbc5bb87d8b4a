#include "docx/xml_part.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_errors.hpp"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>

namespace nastavnik::docx {

namespace {

// Enough to locate the damage; a broken part can make libxml2 report an error per line.
constexpr std::size_t max_reported_errors = 10;

struct ParseState {
    std::string file;
    std::string part;
    DiagnosticSink sink;
    bool doctype = false;
};

ParseState& state_of(void* user_data) {
    auto* ctxt = static_cast<xmlParserCtxtPtr>(user_data);
    return *static_cast<ParseState*>(ctxt->_private);
}

void on_error(void* user_data, xmlErrorPtr e) {
    ParseState& s = state_of(user_data);
    if (e == nullptr || e->level == XML_ERR_WARNING || s.sink.size() >= max_reported_errors) return;
    const std::string message = xml_error_text(e->message);
    std::string where = "часть «" + s.part + "»";
    if (e->line > 0) where += ", строка " + std::to_string(e->line);
    s.sink.add(InputLocation{s.file, 0, 0, where}, "повреждённый XML" + (message.empty() ? "" : " (" + message + ")"));
}

// Called when the parser meets <!DOCTYPE …>: stop before any declaration inside is read.
void on_doctype(void* user_data, const xmlChar*, const xmlChar*, const xmlChar*) {
    state_of(user_data).doctype = true;
    xmlStopParser(static_cast<xmlParserCtxtPtr>(user_data));
}

void ignore_generic(void*, const char*, ...) {}

}  // namespace

XmlDoc parse_part(const std::string& xml, const std::string& file, const std::string& part) {
    ParseState state{file, part, {}, false};
    if (xml.size() > static_cast<std::size_t>(INT_MAX)) {
        throw Error(ErrorCode::package_invalid, "часть «" + part + "» слишком велика", InputLocation{file, 0, 0, {}});
    }
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), &xmlFreeParserCtxt);
    if (ctxt == nullptr) throw Error(ErrorCode::internal, "libxml2: не удаётся создать парсер");
    // Errors go to this context's handler (thread-safe, nothing global), and the generic
    // channel is silenced while we parse in case some path still uses it.
    ctxt->_private = &state;
    ctxt->sax->serror = &on_error;
    ctxt->sax->internalSubset = &on_doctype;
    const xmlGenericErrorFunc previous_generic = xmlGenericError;
    void* const previous_generic_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(nullptr, &ignore_generic);
    XmlDoc doc(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), part.c_str(), "UTF-8",
                                 XML_PARSE_NONET));
    xmlSetGenericErrorFunc(previous_generic_context, previous_generic);
    if (state.doctype) {
        throw Error(ErrorCode::package_invalid,
                    "объявление DOCTYPE в документе Word не допускается (так внедряют внешние сущности)",
                    InputLocation{file, 0, 0, "часть «" + part + "»"});
    }
    if (doc == nullptr || !state.sink.empty()) {
        if (state.sink.empty()) state.sink.add(InputLocation{file, 0, 0, "часть «" + part + "»"}, "повреждённый XML");
        state.sink.throw_if_any(ErrorCode::package_invalid);
    }
    return doc;
}

std::string serialize(xmlDocPtr doc) {
    xmlChar* buf = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc, &buf, &size, "UTF-8");
    if (buf == nullptr) throw Error(ErrorCode::internal, "libxml2: не удаётся записать XML");
    std::string out(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(size));
    xmlFree(buf);
    return out;
}

}  // namespace nastavnik::docx
