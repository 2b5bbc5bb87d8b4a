// Constructs of real documents that schools and universities edit in Word (issue 17: a corpus
// of public DOCX files against LibreOffice, bench/compare_pdf.py --corpus): each class of
// defect on a small document written here, asserting what LibreOffice shows.

#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

using pdf_test::docx;
using pdf_test::page_text;
using pdf_test::para;

namespace {

const std::string page_break = "<w:r><w:br w:type=\"page\"/></w:r>";
std::string heading(const std::string& text) { return para(text, "<w:pageBreakBefore/>"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_real_documents)

BOOST_AUTO_TEST_CASE(a_page_break_then_a_heading_with_page_break_before_is_one_break) {
    // Theses end a chapter with a page break and start the next with a heading whose style
    // breaks the page: LibreOffice (and Word) give one new page, not a blank one between.
    const auto at_end = pdf_test::render(docx("<w:p><w:r><w:t>Глава 1</w:t></w:r>" + page_break + "</w:p>" + heading("Глава 2")));
    BOOST_TEST(at_end.pages == 2);
    const auto own_paragraph = pdf_test::render(docx(para("Глава 1") + "<w:p>" + page_break + "</w:p>" + heading("Глава 2")));
    BOOST_TEST(own_paragraph.pages == 2);
    // Several breaks in a row are one, as LibreOffice reads them.
    const auto twice = pdf_test::render(docx(para("Глава 1") + "<w:p>" + page_break + page_break + "</w:p>" + heading("Глава 2")));
    BOOST_TEST(twice.pages == 2);
    // Text after the break, or an empty paragraph, is on the new page: then the heading's
    // break is a break of its own.
    const auto text_after = pdf_test::render(
        docx("<w:p><w:r><w:t>Один</w:t></w:r>" + page_break + "<w:r><w:t>Два</w:t></w:r></w:p>" + heading("Глава 2")));
    BOOST_TEST(text_after.pages == 3);
    const auto empty_after = pdf_test::render(docx(para("Один") + "<w:p>" + page_break + "</w:p><w:p/>" + heading("Глава 2")));
    BOOST_TEST(empty_after.pages == 3);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(at_end.pdf, 2) == "Глава 2 ");
}

BOOST_AUTO_TEST_CASE(a_strict_open_xml_document_is_read) {
    // Word's «Strict Open XML» names the same elements in other namespaces and may write
    // lengths with units; LibreOffice opens such files, so do we.
    const std::string strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    std::map<std::string, docx_test::ZipEntry> parts;
    parts["[Content_Types].xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"};
    parts["_rels/.rels"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" "
        "Target=\"word/document.xml\"/></Relationships>"};
    parts["word/document.xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"" + strict + "\"><w:body>" +
        para("Строгий формат", "<w:ind w:left=\"2cm\"/>") +
        "<w:sectPr><w:pgSz w:w=\"21cm\" w:h=\"29.7cm\"/></w:sectPr></w:body></w:document>"};
    const auto r = pdf_test::render(docx_test::make_zip(parts));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Строгий формат ");
    // The 2 cm indent is read as 2 cm: the text starts 2 cm right of the default left margin.
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    const auto at = bbox.find(">Строгий<");
    const auto line = bbox.substr(bbox.rfind("<word", at), at - bbox.rfind("<word", at));
    const double xmin = std::stod(line.substr(line.find("xMin=\"") + 6));
    BOOST_TEST(std::abs(xmin - (85.0 + 2 / 2.54 * 72)) < 1.0, line);
}

BOOST_AUTO_TEST_CASE(page_counts_in_the_body_and_section_pages_in_a_footer) {
    // A title page says «Всего страниц: NUMPAGES»; a second section's footer counts its own
    // pages with SECTIONPAGES. Both printed «1» before.
    const std::string field = "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    const std::string footer =
        "<?xml version=\"1.0\"?><w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p>"
        "<w:r><w:t xml:space=\"preserve\">Листов раздела </w:t></w:r>"
        "<w:fldSimple w:instr=\" SECTIONPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>";
    const std::string rel = "<Relationship Id=\"rF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";
    const std::string body = "<w:p><w:r><w:t xml:space=\"preserve\">Всего страниц: </w:t></w:r>" + field + "</w:p>" +
                             "<w:p><w:pPr><w:sectPr/></w:pPr></w:p>" + para("Раздел два") + heading("Ещё") + heading("И ещё");
    const auto r = pdf_test::render(docx(body, {{"word/footer1.xml", docx_test::ZipEntry{footer}}},
                                         "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rF\"/></w:sectPr>", rel));
    BOOST_TEST(r.pages == 4);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Всего страниц: 4 ");
    BOOST_TEST(page_text(r.pdf, 2) == "Раздел два Листов раздела 3 ");
}

BOOST_AUTO_TEST_SUITE_END()
