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

namespace {

const std::string rels_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

/// A footnotes.xml or endnotes.xml part (`tag`: footnote/endnote) with Word's separators and
/// one note per text, ids from 1.
std::string notes_part(const std::string& tag, const std::vector<std::string>& texts) {
    std::string s = "<?xml version=\"1.0\"?><w:" + tag + "s xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                    "<w:" + tag + " w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:" + tag + ">"
                    "<w:" + tag + " w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:" + tag + ">";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        s += "<w:" + tag + " w:id=\"" + std::to_string(i + 1) + "\"><w:p><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:" + tag +
             "Ref/></w:r><w:r><w:t xml:space=\"preserve\"> " + texts[i] + "</w:t></w:r></w:p></w:" + tag + ">";
    }
    return s + "</w:" + tag + "s>";
}

std::string note_ref(const std::string& tag, int id) {
    return "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:" + tag + "Reference w:id=\"" + std::to_string(id) + "\"/></w:r>";
}

/// Top (yMin) of the first word `word` on page `page` of the PDF.
double top_of(const std::string& pdf, int page, const std::string& word) {
    const auto r = pdf_test::on_pdf(pdf, "pdftotext -bbox -f " + std::to_string(page) + " -l " + std::to_string(page) + " {} -");
    const auto at = r.out.find(">" + word + "<");
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, word << " not on page " << page);
    const auto line = r.out.substr(r.out.rfind("<word", at), at - r.out.rfind("<word", at));
    return std::stod(line.substr(line.find("yMin=\"") + 6));
}

}  // namespace

BOOST_AUTO_TEST_CASE(footnotes_at_the_foot_of_the_page_endnotes_after_the_text) {
    // A thesis's footnotes were a «*» each, their text lost; endnotes too.
    std::string body = "<w:p><w:r><w:t>Источник</w:t></w:r>" + note_ref("footnote", 1) + "<w:r><w:t xml:space=\"preserve\"> и пояснение</w:t></w:r>" +
                       note_ref("footnote", 2) + "</w:p>" + para("Вывод") + "<w:p><w:r><w:t>Итог</w:t></w:r>" + note_ref("endnote", 1) + "</w:p>";
    const std::string rels = "<Relationship Id=\"rF\" Type=\"" + rels_ns + "footnotes\" Target=\"footnotes.xml\"/>"
                             "<Relationship Id=\"rE\" Type=\"" + rels_ns + "endnotes\" Target=\"endnotes.xml\"/>";
    const auto r = pdf_test::render(docx(body,
                                         {{"word/footnotes.xml", docx_test::ZipEntry{notes_part("footnote", {"Первая сноска.", "Вторая сноска."})}},
                                          {"word/endnotes.xml", docx_test::ZipEntry{notes_part("endnote", {"Концевая сноска."})}}},
                                         "<w:sectPr/>", rels));
    // Endnotes start a page after the text, as LibreOffice prints them.
    BOOST_TEST(r.pages == 2);
    for (const auto& w : r.warnings) BOOST_TEST(w.message.find("сноск") == std::string::npos, w.message);
    if (!pdf_test::have("pdftotext")) return;
    const std::string one = page_text(r.pdf, 1);
    BOOST_TEST(one.find("Источник1 и пояснение2") != std::string::npos, one);
    BOOST_TEST(one.find("Итогi") != std::string::npos, one);
    BOOST_TEST(one.find("Первая сноска.") != std::string::npos, one);
    BOOST_TEST(one.find("Вторая сноска.") != std::string::npos, one);
    // The notes stand at the foot of the page (A4, bottom margin 56.7 pt), below the text.
    BOOST_TEST(top_of(r.pdf, 1, "Первая") > 700.0);
    BOOST_TEST(top_of(r.pdf, 1, "Первая") > top_of(r.pdf, 1, "Вывод") + 100);
    BOOST_TEST(page_text(r.pdf, 2) == "i Концевая сноска. ");
}

BOOST_AUTO_TEST_CASE(a_line_with_a_footnote_goes_where_its_note_fits) {
    // Forty paragraphs each with a two-line note cannot share one page: the notes push their
    // lines on; no note is separated from its reference, none runs into the text.
    std::string body;
    std::vector<std::string> texts;
    for (int i = 1; i <= 40; ++i) {
        body += "<w:p><w:r><w:t>Абзац" + std::to_string(i) + "</w:t></w:r>" + note_ref("footnote", i) + "</w:p>";
        texts.push_back("Сноска" + std::to_string(i) + " " + std::string(60, 'x') + " " + std::string(60, 'y'));
    }
    const std::string rels = "<Relationship Id=\"rF\" Type=\"" + rels_ns + "footnotes\" Target=\"footnotes.xml\"/>";
    const auto r = pdf_test::render(docx(body, {{"word/footnotes.xml", docx_test::ZipEntry{notes_part("footnote", texts)}}}, "<w:sectPr/>", rels));
    BOOST_TEST(r.pages >= 2);
    if (!pdf_test::have("pdftotext")) return;
    for (int page = 1; page <= r.pages; ++page) {
        const std::string t = page_text(r.pdf, page);
        for (int i = 1; i <= 40; ++i) {
            const bool ref = t.find("Абзац" + std::to_string(i) + std::to_string(i) + " ") != std::string::npos;
            const bool note = t.find(" Сноска" + std::to_string(i) + " ") != std::string::npos;
            BOOST_TEST(ref == note, "page " << page << ", note " << i);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
