#pragma once
// Builds small DOCX packages in memory for the template engine's tests, and a small data
// tree to fill them from.

#include "docx/compiled.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <zip.h>

#include <libxml/parser.h>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace docx_test {

inline const char* const w_uri = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

inline std::string w_part(const char* root, const std::string& content) {
    return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:") + root + " xmlns:w=\"" +
           w_uri + "\">" + content + "</w:" + root + ">";
}

struct ZipEntry {
    std::string content;
    bool stored = false;  // no compression
};

/// A zip with the given entries, in the map's order.
inline std::string make_zip(const std::map<std::string, ZipEntry>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    for (const auto& [name, e] : entries) {
        zip_source_t* data = zip_source_buffer(z, e.content.data(), e.content.size(), 0);
        const zip_int64_t i = zip_file_add(z, name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (e.stored) zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
        zip_file_set_mtime(z, static_cast<zip_uint64_t>(i), 1600000000, 0);
    }
    zip_close(z);
    std::string out;
    zip_stat_t st;
    zip_source_stat(src, &st);
    zip_source_open(src);
    out.resize(st.size);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

inline std::string make_zip(const std::map<std::string, std::string>& entries) {
    std::map<std::string, ZipEntry> e;
    for (const auto& [name, content] : entries) e[name] = ZipEntry{content, false};
    return make_zip(e);
}

/// A DOCX whose body is `body` (WordprocessingML inside w:body), plus `extra` entries.
inline std::string make_docx(const std::string& body, std::map<std::string, ZipEntry> extra = {}) {
    extra["[Content_Types].xml"] = ZipEntry{
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"};
    extra["_rels/.rels"] = ZipEntry{
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" Target=\"word/document.xml\"/></Relationships>"};
    extra["word/document.xml"] = ZipEntry{w_part("document", "<w:body>" + body + "<w:sectPr/></w:body>")};
    return make_zip(extra);
}

/// A paragraph of one run.
inline std::string p(const std::string& text) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

/// A table cell holding the given paragraphs.
inline std::string tc(const std::string& paragraphs) { return "<w:tc><w:tcPr/>" + paragraphs + "</w:tc>"; }

struct Archive {
    zip_t* z = nullptr;
    explicit Archive(const std::string& bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        z = zip_open_from_source(src, ZIP_RDONLY, &error);
        BOOST_REQUIRE(z != nullptr);
    }
    ~Archive() { zip_discard(z); }

    std::string read(const std::string& name, zip_flags_t flags = 0) const {
        zip_file_t* f = zip_fopen(z, name.c_str(), flags);
        BOOST_REQUIRE_MESSAGE(f != nullptr, "no entry " + name);
        std::string out;
        char buf[4096];
        for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
        zip_fclose(f);
        return out;
    }
    zip_stat_t stat(const std::string& name) const {
        zip_stat_t st;
        BOOST_REQUIRE(zip_stat(z, name.c_str(), 0, &st) == 0);
        return st;
    }
};

/// Reads one entry back from a package.
inline std::string entry(const std::string& zip_bytes, const std::string& name) {
    return Archive(zip_bytes).read(name);
}

inline std::size_t count(const std::string& s, const std::string& sub) {
    std::size_t n = 0;
    for (std::size_t pos = 0; (pos = s.find(sub, pos)) != std::string::npos; pos += sub.size()) ++n;
    return n;
}

inline bool has(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

/// The data the rendering tests fill templates from (element names as in the data tree).
inline const char* const data_xml =
    "<data><organisation><short_name>МБОУ «СОШ № 1» &amp; Ко &lt;тест&gt; \"кавычки\" 'апостроф'</short_name>"
    "<empty/><blank>   </blank><multi>строка 1\nстрока 2\tпосле табуляции</multi><flag>да</flag>"
    "<braces>{{не тег}}</braces><leading>  отступ</leading></organisation>"
    "<pairs><pair id=\"p1\"><mentor>Иванова</mentor><mentee>Петров</mentee></pair>"
    "<pair id=\"p2\"><mentor>Сидорова</mentor><mentee>Орлова</mentee></pair>"
    "<pair id=\"p3\"><mentor>Кузнецов</mentor><mentee/></pair></pairs>"
    "<groups><group><mentor>Смирнов</mentor><mentees><mentee>А</mentee><mentee>Б</mentee><mentee>В</mentee></mentees>"
    "</group><group><mentor>Кузнецова</mentor><mentees><mentee>Г</mentee></mentees></group></groups>"
    "<none/></data>";

/// The template filled the slow way: every part's DOM copied and filled
/// (render_part_copying), the package written by libzip (Package::with_replaced). Problems
/// are returned as text in `problems` (then the result is empty). Template::render must give
/// the same bytes or the same problems.
inline std::string render_by_copying(const nastavnik::docx::Template& tpl, const nastavnik::xpath::Evaluator& ev,
                                     xmlNodePtr context, std::string& problems) {
    const auto& compiled = compiled_of(tpl);
    nastavnik::DiagnosticSink sink;
    std::map<std::string, std::string> replaced;
    for (const auto& part : compiled.parts) {
        replaced[part.name] = nastavnik::docx::render_part_copying(part, compiled.tags, ev, context, compiled.name, sink);
    }
    problems.clear();
    if (!sink.empty()) {
        try {
            sink.throw_if_any(nastavnik::ErrorCode::template_invalid);
        } catch (const nastavnik::Error& e) {
            problems = e.what();
        }
        return {};
    }
    return compiled.package.with_replaced(replaced);
}

/// Template::render, checked against render_by_copying.
inline std::string render_checked(const nastavnik::docx::Template& tpl, const nastavnik::xpath::Evaluator& ev,
                                  xmlNodePtr context) {
    std::string problems;
    const std::string slow = render_by_copying(tpl, ev, context, problems);
    try {
        const std::string out = tpl.render(ev, context);
        BOOST_TEST(problems.empty(), "only the copying renderer reported: " << problems);
        BOOST_TEST((out == slow), "direct and copying rendering differ for " << tpl.name());
        return out;
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(std::string(e.what()) == problems);
        throw;
    }
}

struct Data {
    xmlDocPtr doc =
        xmlReadMemory(data_xml, static_cast<int>(std::strlen(data_xml)), "data.xml", "UTF-8", XML_PARSE_NONET);
    nastavnik::xpath::Evaluator ev{doc, "2023-11-01", {{"doc_number", "127"}}};
    ~Data() { xmlFreeDoc(doc); }
    Data() = default;
    Data(const Data&) = delete;
    Data& operator=(const Data&) = delete;

    [[nodiscard]] xmlNodePtr root() const { return xmlDocGetRootElement(doc); }

    [[nodiscard]] std::string render_package(const std::string& docx) const {
        return render_checked(nastavnik::docx::Template::from_bytes(docx, "шаблон.docx"), ev, root());
    }
    [[nodiscard]] std::string render(const std::string& body, std::map<std::string, ZipEntry> extra = {}) const {
        return render_package(make_docx(body, std::move(extra)));
    }
    /// document.xml of the rendered body.
    [[nodiscard]] std::string xml(const std::string& body) const { return entry(render(body), "word/document.xml"); }
    /// Text of the rendered body.
    [[nodiscard]] std::string text(const std::string& body) const {
        return nastavnik::docx::document_text(render(body));
    }

    /// The diagnostics of the error that compiling or rendering `docx` throws (none: fails).
    [[nodiscard]] std::vector<nastavnik::Diagnostic> errors_of_package(
        const std::string& docx, nastavnik::ErrorCode expected = nastavnik::ErrorCode::template_invalid) const {
        try {
            (void)render_package(docx);
        } catch (const nastavnik::Error& e) {
            BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(expected), "error code of: " << e.what());
            return e.diagnostics();
        }
        BOOST_ERROR("no error");
        return {};
    }
    [[nodiscard]] std::vector<nastavnik::Diagnostic> errors(
        const std::string& body, nastavnik::ErrorCode expected = nastavnik::ErrorCode::template_invalid) const {
        return errors_of_package(make_docx(body), expected);
    }
};

}  // namespace docx_test
