#pragma once
// Test helpers for the PDF renderer: running poppler/qpdf on a rendered PDF (skipped where
// the tools are not installed) and building small DOCX packages.

#include "docx/docx_fixture.hpp"
#include "nastavnik/pdf/render.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>

namespace pdf_test {

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::filesystem::path tmp_dir() {
    const auto d = std::filesystem::path(NASTAVNIK_TEST_TMP) / "pdf";
    std::filesystem::create_directories(d);
    return d;
}

inline bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

struct Run {
    int exit_code = -1;
    std::string out;
};

/// Runs `cmd` with the PDF saved as a file in place of {}; stdout and stderr captured.
inline Run on_pdf(const std::string& pdf, const std::string& cmd_with_placeholder) {
    static int counter = 0;
    const auto dir = tmp_dir();
    const auto file = dir / ("doc-" + std::to_string(++counter) + ".pdf");
    const auto out = dir / ("doc-" + std::to_string(counter) + ".out");
    {
        std::ofstream f(file, std::ios::binary);
        f << pdf;
    }
    std::string cmd = cmd_with_placeholder;
    const auto at = cmd.find("{}");
    cmd.replace(at, 2, "'" + file.string() + "'");
    const int status = std::system((cmd + " >'" + out.string() + "' 2>&1 </dev/null").c_str());
    return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out)};
}

/// Text of page `page` (1-based), whitespace collapsed to single spaces; `layout`: lines as
/// they stand on the page (table rows read across), else poppler's reading order.
inline std::string page_text(const std::string& pdf, int page, bool layout = false) {
    const auto r = on_pdf(pdf, std::string("pdftotext -enc UTF-8 ") + (layout ? "-layout " : "") + "-f " + std::to_string(page) +
                                   " -l " + std::to_string(page) + " {} -");
    std::string t;
    for (char c : r.out) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space) {
            if (!t.empty() && t.back() != ' ') t += ' ';
        } else {
            t += c;
        }
    }
    return t;
}

/// Full DOCX with styles and optional numbering/header parts, from body XML.
inline std::string docx(const std::string& body, std::map<std::string, docx_test::ZipEntry> extra = {},
                        const std::string& sect = "<w:sectPr/>", const std::string& rels = "") {
    extra["[Content_Types].xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"};
    extra["_rels/.rels"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        "officeDocument\" Target=\"word/document.xml\"/></Relationships>"};
    extra["word/_rels/document.xml.rels"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        rels + "</Relationships>"};
    extra["word/document.xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" + body + sect +
        "</w:body></w:document>"};
    return docx_test::make_zip(extra);
}

inline std::string para(const std::string& text, const std::string& ppr = "", const std::string& rpr = "") {
    return "<w:p><w:pPr>" + ppr + "</w:pPr><w:r><w:rPr>" + rpr + "</w:rPr><w:t xml:space=\"preserve\">" + text +
           "</w:t></w:r></w:p>";
}

inline nastavnik::pdf::RenderResult render(const std::string& docx_bytes) {
    nastavnik::pdf::RenderOptions o;
    o.file_name = "тест.docx";
    o.creation_date = nastavnik::Date(2026, 11, 22);
    return nastavnik::pdf::render_docx(docx_bytes, o);
}

}  // namespace pdf_test
