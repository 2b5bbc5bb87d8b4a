// Constructs of real documents that schools and universities edit in Word (issue 17: a corpus
// of public DOCX files against LibreOffice, bench/compare_pdf.py --corpus): each class of
// defect on a small document written here, asserting what LibreOffice shows.

#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

using pdf_test::page_text;
using pdf_test::para;

BOOST_AUTO_TEST_SUITE(pdf_real_documents)

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

BOOST_AUTO_TEST_SUITE_END()
