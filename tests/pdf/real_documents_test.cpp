// Constructs of real documents that schools and universities edit in Word (issue 17: a corpus
// of public DOCX files against LibreOffice, bench/compare_pdf.py --corpus): each class of
// defect on a small document written here, asserting what LibreOffice shows.

#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <sstream>

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
    // But each paragraph of nothing but a break is a page of its own (its empty line starts
    // the next page), as LibreOffice shows them.
    const auto two_paragraphs = pdf_test::render(docx(para("Один") + "<w:p>" + page_break + "</w:p><w:p>" + page_break + "</w:p>" + para("Два")));
    BOOST_TEST(two_paragraphs.pages == 3);
    // Text after the break, or an empty paragraph, is on the new page: then the heading's
    // break is a break of its own.
    const auto text_after = pdf_test::render(
        docx("<w:p><w:r><w:t>Один</w:t></w:r>" + page_break + "<w:r><w:t>Два</w:t></w:r></w:p>" + heading("Глава 2")));
    BOOST_TEST(text_after.pages == 3);
    const auto empty_after = pdf_test::render(docx(para("Один") + "<w:p>" + page_break + "</w:p><w:p/>" + heading("Глава 2")));
    BOOST_TEST(empty_after.pages == 3);
    // A break at the very start of a paragraph (before its text), on a full page: the
    // paragraph starts the next page; no empty line before the break makes a blank page.
    std::string full;
    const std::string exact = "<w:spacing w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>";
    for (int i = 0; i < 36; ++i) full += para("Строка " + std::to_string(i), exact);  // 36 × 20 pt of 728: full
    const auto at_start = pdf_test::render(
        docx(full + "<w:p><w:pPr><w:keepNext/>" + exact + "</w:pPr>" + page_break + "<w:r><w:t>Раздел</w:t></w:r></w:p>"));
    BOOST_TEST(at_start.pages == 2);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(at_end.pdf, 2) == "Глава 2 ");
    BOOST_TEST(page_text(at_start.pdf, 2) == "Раздел ");
}

BOOST_AUTO_TEST_CASE(entities_references_and_comments_read_as_libxml2_reads_them) {
    // The reader's tree (pdf/xml_tree.cpp) is built by our SAX handlers: predefined entities
    // and character references in text and in attribute values, text split by a comment, and
    // a CDATA section (not text of a w:t, as in libxml2's tree) read as before.
    const auto r = pdf_test::render(docx(
        "<w:p><w:pPr><w:jc w:val=\"&#99;enter\"/></w:pPr><w:r><w:t xml:space=\"preserve\">А &amp; Б &lt;&#1060;&#x424;&gt; "
        "до<!-- комментарий -->после<![CDATA[скрыто]]></w:t></w:r></w:p>"));
    BOOST_TEST(r.warnings.empty());
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = page_text(r.pdf, 1);
    BOOST_TEST(text.find("А & Б <ФФ> допосле") != std::string::npos, text);
    BOOST_TEST(text.find("скрыто") == std::string::npos, text);
    // w:jc="center" (with a character reference) centres the line: it starts well inside the margin.
    const auto layout = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -");
    const auto x = layout.out.find("xMin=\"");
    BOOST_REQUIRE(x != std::string::npos);
    BOOST_TEST(std::stod(layout.out.substr(x + 6)) > 150.0, layout.out.substr(x, 40));
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
    // Two references on one word («Источник¹˒²») keep both notes.
    std::string body = "<w:p><w:r><w:t>Источник</w:t></w:r>" + note_ref("footnote", 1) + "<w:r><w:t>,</w:t></w:r>" +
                       note_ref("footnote", 2) + "<w:r><w:t xml:space=\"preserve\"> и пояснение</w:t></w:r></w:p>" + para("Вывод") +
                       "<w:p><w:r><w:t>Итог</w:t></w:r>" + note_ref("endnote", 1) + "</w:p>";
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
    BOOST_TEST(one.find("Источник1,2 и пояснение") != std::string::npos, one);
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

namespace {

/// A text box as Word 2010+ writes it: a DrawingML shape (wps) anchored to the paragraph, with
/// a VML fallback holding the same text (which must not be printed a second time).
std::string text_box(const std::string& text, long x_emu, long y_emu, long cx, long cy, const std::string& wrap) {
    const std::string content = "<w:txbxContent><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:txbxContent>";
    return "<w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
           "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
           "distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" "
           "layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" y=\"0\"/>"
           "<wp:positionH relativeFrom=\"column\"><wp:posOffset>" + std::to_string(x_emu) + "</wp:posOffset></wp:positionH>"
           "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>" + std::to_string(y_emu) + "</wp:posOffset></wp:positionV>"
           "<wp:extent cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"/>" + wrap +
           "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData "
           "uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
           "<wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:spPr/><wps:txbx>" + content +
           "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
           "<mc:Fallback><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" style=\"position:absolute;width:100pt;height:50pt\">"
           "<v:textbox>" + content + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
}

/// (xMin, yMin) of the first word `word` on page 1.
std::pair<double, double> where(const std::string& pdf, const std::string& word) {
    const auto r = pdf_test::on_pdf(pdf, "pdftotext -bbox -f 1 -l 1 {} -");
    const auto at = r.out.find(">" + word + "<");
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, word << " not on page 1");
    const auto line = r.out.substr(r.out.rfind("<word", at), at - r.out.rfind("<word", at));
    return {std::stod(line.substr(line.find("xMin=\"") + 6)), std::stod(line.substr(line.find("yMin=\"") + 6))};
}

}  // namespace

BOOST_AUTO_TEST_CASE(text_boxes_are_printed_in_their_frames_and_text_wraps_around_them) {
    // A 2 × 1 inch text box at the top of a paragraph, top-and-bottom wrapping: its text is
    // printed once, in the box; the paragraph's text goes below it.
    const std::string body = "<w:p>" + text_box("Врезка", 0, 0, 1828800, 914400, "<wp:wrapTopAndBottom/>") +
                             "<w:r><w:t>Основной</w:t></w:r></w:p>" + para("Следующий");
    const auto r = pdf_test::render(docx(body));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = page_text(r.pdf, 1);
    BOOST_TEST(text.find("Врезка") != std::string::npos, text);
    BOOST_TEST(text.find("Врезка") == text.rfind("Врезка"), text);  // not again from the VML fallback
    // Page top 56.7 pt (default margins), the box 72 pt high: the paragraph's text below it.
    BOOST_TEST(where(r.pdf, "Основной").second > 56.7 + 72 - 1);
    BOOST_TEST(where(r.pdf, "Врезка").second < 56.7 + 72);
    // Square wrapping: a 1-inch box at the left of the column, 2 inches high; the lines
    // beside it start right of it, those below it at the margin again.
    std::string words;
    for (int i = 0; i < 400; ++i) words += "слово ";
    const std::string square = "<w:p>" + text_box("Узкая", 0, 0, 914400, 1828800, "<wp:wrapSquare wrapText=\"bothSides\"/>") +
                               "<w:r><w:t xml:space=\"preserve\">Начало " + words + "</w:t></w:r></w:p>";
    const auto q = pdf_test::render(docx(square));
    const auto first = where(q.pdf, "Начало");
    BOOST_TEST(first.first > 85.0 + 72.0, "starts at " << first.first);  // left margin 85 pt + the box + its distance
    const auto bbox = pdf_test::on_pdf(q.pdf, "pdftotext -bbox -f 1 -l 1 {} -").out;
    bool at_margin_below = false;
    for (std::size_t at = 0; (at = bbox.find("<word xMin=\"", at)) != std::string::npos; ++at) {
        const double x = std::stod(bbox.substr(at + 12));
        const double y = std::stod(bbox.substr(bbox.find("yMin=\"", at) + 6));
        if (y > 56.7 + 144 + 5 && x < 86) at_margin_below = true;
        const bool in_box = bbox.compare(bbox.find('>', at) + 1, std::string("Узкая").size(), "Узкая") == 0;
        if (!in_box && y < 56.7 + 144 - 14) BOOST_TEST(x > 85.0 + 72.0, "a word beside the box at " << x << ", " << y);
    }
    BOOST_TEST(at_margin_below);
}

BOOST_AUTO_TEST_CASE(a_vml_text_box_and_wordart_are_printed) {
    const std::string vml = "<w:p><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" style=\"width:150pt;height:40pt\">"
                            "<v:textbox><w:txbxContent><w:p><w:r><w:t>Надпись</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
                            "<v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" style=\"width:150pt;height:40pt\"><v:textpath string=\"Заголовок\"/>"
                            "</v:shape></w:pict></w:r></w:p>";
    const auto r = pdf_test::render(docx(vml));
    for (const auto& w : r.warnings) BOOST_TEST(w.message.find("VML") == std::string::npos, w.message);
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = page_text(r.pdf, 1);
    BOOST_TEST(text.find("Надпись") != std::string::npos, text);
    BOOST_TEST(text.find("Заголовок") != std::string::npos, text);
    BOOST_TEST(text.find("[объект]") == std::string::npos, text);
}

BOOST_AUTO_TEST_CASE(a_fill_in_line_of_underscores_is_cut_at_the_margin) {
    // «Фамилия ____…» forms: a line of underscores longer than what is left of the line goes to
    // the next one and is cut at the margin, as LibreOffice does — not at 64 characters of ours.
    const auto r = pdf_test::render(docx(para("Фамилия " + std::string(200, '_'), "", "<w:sz w:val=\"28\"/>")));
    if (!pdf_test::have("pdftotext")) return;
    const auto text = pdf_test::on_pdf(r.pdf, "pdftotext -layout {} -").out;
    std::vector<std::size_t> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find('_') != std::string::npos) lines.push_back(line.size());
    }
    BOOST_REQUIRE(lines.size() >= 3);
    // «Фамилия» alone on the first line; then full lines of underscores of the same length.
    BOOST_TEST(lines[0] == lines[1], text);
    BOOST_TEST(lines[0] > 64u, text);
}

BOOST_AUTO_TEST_CASE(fonts_named_for_other_scripts_do_not_change_the_text_font) {
    // A table style that names fonts only for complex scripts and East Asian text (w:cs,
    // w:eastAsia): the Russian text of the table keeps the document's font.
    const std::string styles =
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/></w:rPr></w:rPrDefault></w:docDefaults>"
        "<w:style w:type=\"table\" w:styleId=\"T\"><w:name w:val=\"Таблица\"/><w:rPr><w:rFonts w:eastAsia=\"Arial\" w:cs=\"Arial\"/></w:rPr></w:style>"
        "</w:styles>";
    const std::string rel = "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
    const std::string table = "<w:tbl><w:tblPr><w:tblStyle w:val=\"T\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"5000\"/></w:tblGrid><w:tr><w:tc>" +
                              para("Ячейка таблицы") + "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(table, {{"word/styles.xml", docx_test::ZipEntry{styles}}}, "<w:sectPr/>", rel));
    if (!pdf_test::have("pdffonts")) return;
    const auto fonts = pdf_test::on_pdf(r.pdf, "pdffonts {}").out;
    BOOST_TEST(fonts.find("LiberationSerif") != std::string::npos, fonts);
    BOOST_TEST(fonts.find("LiberationSans") == std::string::npos, fonts);
}

BOOST_AUTO_TEST_CASE(table_of_contents_entries_are_not_drawn_as_links) {
    // Word writes TOC entries as hyperlinks styled «Hyperlink» (blue, underlined); printed,
    // they are in the TOC styles: no blue.
    const std::string styles =
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:style w:type=\"character\" w:styleId=\"a3\"><w:name w:val=\"Hyperlink\"/><w:rPr><w:color w:val=\"0000FF\"/>"
        "<w:u w:val=\"single\"/></w:rPr></w:style></w:styles>";
    const std::string rel = "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>";
    const std::string link = "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:rPr><w:rStyle w:val=\"a3\"/></w:rPr><w:t>Введение</w:t></w:r></w:hyperlink>";
    const std::string toc = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h </w:instrText></w:r>"
                            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + link + "</w:p><w:p>" + link +
                            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    const auto in_toc = pdf_test::render(docx(toc, {{"word/styles.xml", docx_test::ZipEntry{styles}}}, "<w:sectPr/>", rel));
    const auto outside = pdf_test::render(docx("<w:p>" + link + "</w:p>", {{"word/styles.xml", docx_test::ZipEntry{styles}}}, "<w:sectPr/>", rel));
    if (!pdf_test::have("qpdf")) return;
    const auto blue = [](const std::string& pdf) {
        return pdf_test::on_pdf(pdf, "qpdf --qdf --object-streams=disable {} -").out.find("0 0 1 rg") != std::string::npos;
    };
    BOOST_TEST(!blue(in_toc.pdf));
    BOOST_TEST(blue(outside.pdf));  // a link elsewhere keeps its style
}

BOOST_AUTO_TEST_CASE(every_body_of_a_damaged_file_is_printed) {
    std::map<std::string, docx_test::ZipEntry> parts;
    parts["[Content_Types].xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"};
    parts["word/document.xml"] = docx_test::ZipEntry{
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
        para("Первое тело") + "</w:body><w:body>" + para("Второе тело") + "</w:body></w:document>"};
    const auto r = pdf_test::render(docx_test::make_zip(parts));
    bool warned = false;
    for (const auto& w : r.warnings) warned = warned || w.message.find("w:body") != std::string::npos;
    BOOST_TEST(warned);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Первое тело Второе тело ");
}

BOOST_AUTO_TEST_CASE(rotated_text_in_a_table_cell_is_turned_not_set_letter_by_letter) {
    // The margin column of ЕСКД forms: «Подпись и дата» bottom to top, «Инв. № подл.» top to
    // bottom in cells 0.35 inch wide. Set letter by letter each row was five times taller.
    const auto cell = [](const std::string& text, const std::string& dir) {
        return "<w:tc><w:tcPr><w:textDirection w:val=\"" + dir + "\"/></w:tcPr>" + para(text) + "</w:tc>";
    };
    std::string rows;
    for (int i = 0; i < 3; ++i) {
        rows += "<w:tr>" + cell("Подпись и дата", "btLr") + cell("Инв. № подл.", "tbRl") + "<w:tc>" + para("Строка") + "</w:tc></w:tr>";
    }
    const auto r = pdf_test::render(docx("<w:tbl><w:tblGrid><w:gridCol w:w=\"500\"/><w:gridCol w:w=\"500\"/><w:gridCol w:w=\"4000\"/>"
                                         "</w:tblGrid>" + rows + "</w:tbl>" + para("После")));
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = page_text(r.pdf, 1);
    BOOST_TEST(text.find("Подпись и дата") != std::string::npos, text);
    BOOST_TEST(text.find("Инв. № подл.") != std::string::npos, text);
    // Each row as tall as «Подпись и дата» is long at 10 pt (about 65 pt), not 14 lines.
    const double after = where(r.pdf, "После").second;
    BOOST_TEST(after < 56.7 + 3 * 80.0, "the table ends at " << after);
    BOOST_TEST(after > 56.7 + 3 * 55.0, "the table ends at " << after);
}

BOOST_AUTO_TEST_CASE(the_page_size_is_as_given_whatever_the_orientation_says) {
    // A thesis section: A4 portrait sizes with w:orient="landscape" (left by a converter).
    // Word and LibreOffice print it portrait; we turned it and cut every page at two thirds.
    const auto r = pdf_test::render(docx(para("Текст"), {}, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"landscape\"/></w:sectPr>"));
    if (!pdf_test::have("pdfinfo")) return;
    const auto info = pdf_test::on_pdf(r.pdf, "pdfinfo {}").out;
    BOOST_TEST(info.find("595.3 x 841.9") != std::string::npos, info);
}

BOOST_AUTO_TEST_CASE(arabic_is_shaped_and_set_right_to_left) {
    // A right-to-left paragraph: its first word at the right, a number keeps its own order, and
    // the letters take their joined forms (HarfBuzz): the word is narrower than its letters
    // set apart, as each would be without shaping.
    const std::string words = "مدينة البريد";
    const auto r = pdf_test::render(docx(para(words + " 2024", "<w:bidi/>") + para("م د ي ن ة")));
    if (!pdf_test::have("pdftotext")) return;
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    std::vector<std::pair<double, double>> boxes;  // xMin, xMax of the words on the first line
    for (std::size_t at = 0; (at = bbox.find("<word xMin=\"", at)) != std::string::npos && boxes.size() < 3; ++at) {
        boxes.emplace_back(std::stod(bbox.substr(at + 12)), std::stod(bbox.substr(bbox.find("xMax=\"", at) + 6)));
    }
    BOOST_REQUIRE(boxes.size() == 3);
    // The number is leftmost; the line starts at the right margin (A4, right margin 42.5 pt).
    const auto year = bbox.find(">2024<");
    BOOST_REQUIRE(year != std::string::npos);
    const double year_x = std::stod(bbox.substr(bbox.rfind("xMin=\"", year) + 6));
    double right = 0;
    for (const auto& b : boxes) {
        BOOST_TEST(year_x <= b.first + 0.01);
        right = std::max(right, b.second);
    }
    BOOST_TEST(std::abs(right - (595.3 - 42.5)) < 2.0, "line ends at " << right);
    // Joined «مدينة» is narrower than its five letters in isolated forms with spaces removed.
    std::vector<double> widths;  // every word's width, in order: the five letters come after the first line
    for (std::size_t at = 0; (at = bbox.find("<word xMin=\"", at)) != std::string::npos; ++at) {
        widths.push_back(std::stod(bbox.substr(bbox.find("xMax=\"", at) + 6)) - std::stod(bbox.substr(at + 12)));
    }
    BOOST_REQUIRE(widths.size() == 8);
    const double apart = widths[3] + widths[4] + widths[5] + widths[6] + widths[7];
    // «مدينة» is the rightmost word of the first line.
    std::sort(boxes.begin(), boxes.end());
    const double joined = boxes[2].second - boxes[2].first;
    BOOST_TEST(joined < apart, "joined " << joined << ", letters apart " << apart);
}

BOOST_AUTO_TEST_CASE(cjk_text_stays_in_the_text_layer_without_a_cjk_font) {
    // Without a CJK font the characters are drawn as empty boxes (warned), but copying or
    // searching the PDF still finds them (/ActualText); before they were lost.
    const auto r = pdf_test::render(docx(para("Текст 中文文本 и 日本語")));
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Текст 中文文本 и 日本語 ");
    if (pdf_test::have("qpdf")) BOOST_TEST(pdf_test::on_pdf(r.pdf, "qpdf --check {}").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(vertical_text_of_a_text_box_is_turned) {
    // The margin stamp of ЕСКД forms: VML text boxes 14 × 70 pt with «Инв. № подл.» written
    // bottom to top (layout-flow:vertical). Set horizontally it was one letter per line.
    const std::string vml = "<w:p><w:r><w:pict><v:shape xmlns:v=\"urn:schemas-microsoft-com:vml\" style=\"width:14pt;height:90pt\">"
                            "<v:textbox style=\"layout-flow:vertical;mso-layout-flow-alt:bottom-to-top\" inset=\"0,0,0,0\"><w:txbxContent>" +
                            para("Инв. № подл.") + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";
    const auto r = pdf_test::render(docx(vml));
    if (!pdf_test::have("pdftotext")) return;
    // Poppler cuts turned text into pieces of words: all of it is there, in order.
    std::string text = page_text(r.pdf, 1);
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    BOOST_TEST(text == "Инв.№подл.");
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    const auto at = bbox.find("<word ");
    BOOST_REQUIRE(at != std::string::npos);
    const auto line = bbox.substr(at, bbox.find('>', at) - at);
    const auto num = [&](const char* key) { return std::stod(line.substr(line.find(key) + std::strlen(key))); };
    // A turned word is taller than it is wide.
    BOOST_TEST(num("yMax=\"") - num("yMin=\"") > num("xMax=\"") - num("xMin=\""), line);
}

BOOST_AUTO_TEST_CASE(a_table_width_in_percent_scales_the_grid) {
    // w:tblW of 50 % (2500 fiftieths) over a grid of 2 × 200 pt: LibreOffice scales the
    // columns to half the text width (467.8 pt), so the second column starts about 117 pt right
    // of the margin, not 200 pt (a signature line of an ЕСКД form wrapped there in LibreOffice
    // and not with us: a page fewer).
    const std::string tbl = "<w:tbl><w:tblPr><w:tblW w:w=\"2500\" w:type=\"pct\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"4000\"/>"
                            "<w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:tc>" + para("Левая") + "</w:tc><w:tc>" + para("Правая") +
                            "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(tbl + para("После")));
    if (!pdf_test::have("pdftotext")) return;
    const double right = where(r.pdf, "Правая").first;
    BOOST_TEST(right > 85 + 100, right);
    BOOST_TEST(right < 85 + 130, right);
}

BOOST_AUTO_TEST_CASE(rotated_text_wraps_to_the_height_of_its_row) {
    // A header row of a practice diary 75 pt high («at least»): «Роспись руководителя практики»
    // bottom to top in a cell, a second paragraph centred. LibreOffice wraps the text to the
    // row's height; the centred paragraph was laid out along 2000 pt and made the row a page.
    const std::string cell = "<w:tc><w:tcPr><w:textDirection w:val=\"btLr\"/></w:tcPr>" +
                             para("Роспись руководителя производственной практики студентов") +
                             para("работ", "<w:jc w:val=\"center\"/>") + "</w:tc>";
    const std::string tbl = "<w:tbl><w:tblGrid><w:gridCol w:w=\"1200\"/><w:gridCol w:w=\"4000\"/></w:tblGrid><w:tr><w:trPr>"
                            "<w:trHeight w:val=\"1500\"/></w:trPr>" + cell + "<w:tc>" + para("Содержание") + "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(tbl + para("После")));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    const double after = where(r.pdf, "После").second;
    BOOST_TEST(after < 56.7 + 85, "the table ends at " << after);
    BOOST_TEST(after > 56.7 + 70, "the table ends at " << after);
    std::string text = page_text(r.pdf, 1);
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    BOOST_TEST(text.find("работ") != std::string::npos, text);
}

namespace {

std::string columns_sect(int n, const std::string& type = "") {
    return "<w:sectPr>" + type + "<w:cols w:num=\"" + std::to_string(n) + "\" w:space=\"720\"/></w:sectPr>";
}

}  // namespace

BOOST_AUTO_TEST_CASE(text_is_set_in_columns) {
    // Two columns of 215.9 pt with 36 pt between: 100 lines of 10 pt text fill the left column
    // (about 63 lines) and go on at the top of the right one, on one page.
    std::string body;
    for (int i = 0; i < 100; ++i) body += para("Строка" + std::to_string(i), "<w:spacing w:after=\"0\"/>");
    const auto r = pdf_test::render(docx(body, {}, columns_sect(2)));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(where(r.pdf, "Строка0").first < 86);
    const auto last = where(r.pdf, "Строка99");
    BOOST_TEST(last.first > 85 + 215.9 + 36 - 1, last.first);
    BOOST_TEST(last.first < 85 + 215.9 + 36 + 1, last.first);
    // A column break goes to the next column; with one column it is a page break.
    const std::string broken = para("Левая") + "<w:p><w:r><w:br w:type=\"column\"/></w:r><w:r><w:t>Правая</w:t></w:r></w:p>";
    const auto c = pdf_test::render(docx(broken, {}, columns_sect(2)));
    BOOST_TEST(c.pages == 1);
    const auto left = where(c.pdf, "Левая"), right = where(c.pdf, "Правая");
    BOOST_TEST(right.first > 85 + 215.9, right.first);
    BOOST_TEST(std::abs(right.second - left.second) < 1, left.second << " / " << right.second);
    BOOST_TEST(pdf_test::render(docx(broken)).pages == 2);
}

BOOST_AUTO_TEST_CASE(columns_before_a_continuous_section_break_are_balanced) {
    // A heading across the page, ten lines in two columns, then a continuous break and a line
    // across the page again: the columns end level (five lines each) and the last line follows
    // below them, as in Word and LibreOffice.
    std::string cols;
    for (int i = 0; i < 10; ++i) cols += para("Строка" + std::to_string(i), "<w:spacing w:after=\"0\"/>");
    const std::string body = para("Заголовок") + "<w:p><w:pPr>" + columns_sect(1) + "</w:pPr></w:p>" + cols + "<w:p><w:pPr>" +
                             columns_sect(2, "<w:type w:val=\"continuous\"/>") + "</w:pPr></w:p>" + para("Итог");
    const auto r = pdf_test::render(docx(body, {}, "<w:sectPr><w:type w:val=\"continuous\"/></w:sectPr>"));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    const auto first = where(r.pdf, "Строка0"), sixth = where(r.pdf, "Строка5"), fifth = where(r.pdf, "Строка4");
    BOOST_TEST(sixth.first > 85 + 215.9, sixth.first);
    BOOST_TEST(std::abs(sixth.second - first.second) < 1, first.second << " / " << sixth.second);
    const auto end = where(r.pdf, "Итог");
    BOOST_TEST(end.first < 86);
    BOOST_TEST(end.second > fifth.second + 5, fifth.second << " / " << end.second);
    BOOST_TEST(end.second < fifth.second + 40, fifth.second << " / " << end.second);
}

BOOST_AUTO_TEST_CASE(frames_side_by_side_across_the_column_push_the_text_below) {
    // Two screenshots side by side, each wrapped square, together as wide as the column: no
    // room is left beside them, so the text goes below them (LibreOffice); it was set in lines
    // 12 pt wide, a letter or two each.
    const std::string wrap = "<wp:wrapSquare wrapText=\"bothSides\"/>";
    const std::string body = "<w:p>" + text_box("Первый", 0, 0, 2743200, 914400, wrap) +
                             text_box("Второй", 2857500, 0, 2971800, 914400, wrap) +
                             "<w:r><w:t xml:space=\"preserve\">Текст под рисунками</w:t></w:r></w:p>";
    const auto r = pdf_test::render(docx(body));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    const auto text = where(r.pdf, "Текст");
    BOOST_TEST(text.second > 56.7 + 72 - 1, text.second);
    BOOST_TEST(text.first < 86, text.first);
    BOOST_TEST(page_text(r.pdf, 1).find("Текст под рисунками") != std::string::npos, page_text(r.pdf, 1));
}

BOOST_AUTO_TEST_CASE(an_empty_paragraph_beside_frames_that_leave_no_room_ends_at_their_foot) {
    // A laboratory report: a heading anchoring two screenshots 20 pt below its top, side by
    // side across the column, then an empty paragraph and the listing. LibreOffice gives the
    // empty paragraph's line the height down to the screenshots and starts the listing right
    // under them; we set the empty line below them and the listing a line lower (its last line
    // went onto a third page).
    const std::string wrap = "<wp:wrapSquare wrapText=\"bothSides\"/>";
    const std::string body = "<w:p>" + text_box("Первый", 0, 254000, 2743200, 914400, wrap) +
                             text_box("Второй", 2857500, 254000, 2971800, 914400, wrap) +
                             "<w:r><w:t>Заголовок</w:t></w:r></w:p><w:p/>" + para("Листинг");
    const auto r = pdf_test::render(docx(body));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    const double foot = where(r.pdf, "Заголовок").second + 20 + 72;
    const double listing = where(r.pdf, "Листинг").second;
    BOOST_TEST(listing > foot - 2, foot << " / " << listing);
    BOOST_TEST(listing < foot + 4, foot << " / " << listing);
}

BOOST_AUTO_TEST_CASE(a_title_page_footer_takes_room_on_the_first_page_only) {
    // An ЕСКД thesis chapter: the title block in the first page's footer (ten lines), one
    // line in the footer of the pages after it. The body of those pages goes down to their
    // own footer; the first page's title block held every page's text up (a page more in 3 of
    // 8 chapters).
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    std::string block;
    for (int i = 0; i < 10; ++i) block += para("Штамп " + std::to_string(i));
    const std::string first = "<?xml version=\"1.0\"?><w:ftr " + ns + ">" + block + "</w:ftr>";
    const std::string other = "<?xml version=\"1.0\"?><w:ftr " + ns + ">" + para("Лист") + "</w:ftr>";
    const std::string rels = "<Relationship Id=\"rF1\" Type=\"" + rels_ns + "footer\" Target=\"footer1.xml\"/>"
                             "<Relationship Id=\"rF2\" Type=\"" + rels_ns + "footer\" Target=\"footer2.xml\"/>";
    std::string body;
    const std::string exact = "<w:spacing w:after=\"0\" w:line=\"400\" w:lineRule=\"exact\"/>";
    for (int i = 0; i < 68; ++i) body += para("Строка" + std::to_string(i), exact);
    // Page 1: about 31 lines of 20 pt above the title block; the next pages 728.5 pt, 36 lines.
    const auto r = pdf_test::render(docx(body, {{"word/footer1.xml", docx_test::ZipEntry{other}}, {"word/footer2.xml", docx_test::ZipEntry{first}}},
                                         "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rF1\"/>"
                                         "<w:footerReference w:type=\"first\" r:id=\"rF2\"/><w:titlePg/></w:sectPr>", rels));
    BOOST_TEST(r.pages == 2);
    if (!pdf_test::have("pdftotext")) return;
    const std::string one = page_text(r.pdf, 1), two = page_text(r.pdf, 2);
    BOOST_TEST(one.find("Строка29 ") != std::string::npos, one);
    BOOST_TEST(one.find("Строка33 ") == std::string::npos, one);
    BOOST_TEST(two.find("Строка67 ") != std::string::npos, two);
}

BOOST_AUTO_TEST_CASE(even_pages_take_the_even_header_and_footer) {
    // w:evenAndOddHeaders: the even header and footer on even-numbered pages, the default ones
    // on odd pages, the first page's own on a title page (Word, LibreOffice). Every page had
    // the default ones (three feature samples of other projects: text similarity 0.73–0.90).
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const auto part = [&](const std::string& tag, const std::string& text) {
        return docx_test::ZipEntry{"<?xml version=\"1.0\"?><w:" + tag + " " + ns + ">" + para(text) + "</w:" + tag + ">"};
    };
    const std::string settings = "<?xml version=\"1.0\"?><w:settings " + ns + "><w:evenAndOddHeaders/></w:settings>";
    const std::string rels = "<Relationship Id=\"rH1\" Type=\"" + rels_ns + "header\" Target=\"header1.xml\"/>"
                             "<Relationship Id=\"rH2\" Type=\"" + rels_ns + "header\" Target=\"header2.xml\"/>"
                             "<Relationship Id=\"rH3\" Type=\"" + rels_ns + "header\" Target=\"header3.xml\"/>"
                             "<Relationship Id=\"rF1\" Type=\"" + rels_ns + "footer\" Target=\"footer1.xml\"/>"
                             "<Relationship Id=\"rS1\" Type=\"" + rels_ns + "settings\" Target=\"settings.xml\"/>";
    const std::string brk = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    const std::string body = para("Страница1") + brk + para("Страница2") + brk + para("Страница3") + brk + para("Страница4");
    const auto r = pdf_test::render(docx(body,
                                         {{"word/header1.xml", part("hdr", "ВерхНечётной")}, {"word/header2.xml", part("hdr", "ВерхЧётной")},
                                          {"word/header3.xml", part("hdr", "ВерхПервой")}, {"word/footer1.xml", part("ftr", "НизЧётной")},
                                          {"word/settings.xml", docx_test::ZipEntry{settings}}},
                                         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rH1\"/><w:headerReference "
                                         "w:type=\"even\" r:id=\"rH2\"/><w:headerReference w:type=\"first\" r:id=\"rH3\"/>"
                                         "<w:footerReference w:type=\"even\" r:id=\"rF1\"/><w:titlePg/></w:sectPr>", rels));
    BOOST_TEST(r.pages == 4);
    BOOST_TEST(r.warnings.empty());
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "ВерхПервой Страница1 ");
    BOOST_TEST(page_text(r.pdf, 2) == "ВерхЧётной Страница2 НизЧётной ");
    BOOST_TEST(page_text(r.pdf, 3) == "ВерхНечётной Страница3 ");
    BOOST_TEST(page_text(r.pdf, 4) == "ВерхЧётной Страница4 НизЧётной ");
}

BOOST_AUTO_TEST_CASE(a_list_style_with_indents_of_its_own_keeps_them) {
    // «СписокПЗ» of a thesis template names a bulleted list and sets its own indents (none on
    // the left, 1.25 cm first line); the list level says 2.5 cm left, 0.64 cm hanging. Word and
    // LibreOffice keep the style's indents: the lines after the first start at the margin.
    const std::string ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    const std::string styles = "<?xml version=\"1.0\"?><w:styles " + ns + "><w:style w:type=\"paragraph\" w:styleId=\"ListPZ\">"
                               "<w:name w:val=\"СписокПЗ\"/><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
                               "<w:ind w:left=\"0\" w:firstLine=\"709\"/></w:pPr></w:style>"
                               "<w:style w:type=\"paragraph\" w:styleId=\"Plain\"><w:name w:val=\"Plain list\"/><w:pPr><w:numPr>"
                               "<w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";
    const std::string numbering = "<?xml version=\"1.0\"?><w:numbering " + ns + "><w:abstractNum w:abstractNumId=\"0\">"
                                  "<w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"-\"/><w:suff w:val=\"space\"/>"
                                  "<w:pPr><w:ind w:left=\"1429\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
                                  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    const std::string rels = "<Relationship Id=\"rS\" Type=\"" + rels_ns + "styles\" Target=\"styles.xml\"/>"
                             "<Relationship Id=\"rN\" Type=\"" + rels_ns + "numbering\" Target=\"numbering.xml\"/>";
    std::string first, second;
    for (int i = 0; i < 30; ++i) {
        first += " таблица";
        second += " запись";
    }
    const auto r = pdf_test::render(docx(para("Первая" + first, "<w:pStyle w:val=\"ListPZ\"/>") +
                                         para("Вторая" + second, "<w:pStyle w:val=\"Plain\"/>"),
                                         {{"word/styles.xml", docx_test::ZipEntry{styles}}, {"word/numbering.xml", docx_test::ZipEntry{numbering}}},
                                         "<w:sectPr/>", rels));
    if (!pdf_test::have("pdftotext")) return;
    const auto leftmost = [&](const std::string& word) {
        const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
        double x = 1e9;
        for (std::size_t at = 0; (at = bbox.find(">" + word + "<", at)) != std::string::npos; ++at) {
            const auto line = bbox.substr(bbox.rfind("<word", at), at - bbox.rfind("<word", at));
            x = std::min(x, std::stod(line.substr(line.find("xMin=\"") + 6)));
        }
        return x;
    };
    BOOST_TEST(leftmost("таблица") < 86, leftmost("таблица"));
    // A style that only names the list takes the level's indents: 2.5 cm after the first line.
    BOOST_TEST(std::abs(leftmost("запись") - (85 + 71.45)) < 1, leftmost("запись"));
}

BOOST_AUTO_TEST_CASE(a_row_that_skips_grid_columns_starts_after_them) {
    // w:gridBefore: the first row of a bit table leaves the first (narrow) grid column empty;
    // its cells are placed from the second on. Placed from the first, each cell stood one
    // column to the left and the text of the wide last column was set a letter a line in a
    // 14 pt column (3 pages instead of 1).
    std::string grid = "<w:gridCol w:w=\"300\"/>";
    for (int i = 0; i < 4; ++i) grid += "<w:gridCol w:w=\"300\"/>";
    grid += "<w:gridCol w:w=\"4000\"/>";
    std::string row = "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>";
    for (int i = 0; i < 4; ++i) row += "<w:tc>" + para(std::to_string(i)) + "</w:tc>";
    row += "<w:tc>" + para("Расширенное описание значения битов поля") + "</w:tc></w:tr>";
    const auto r = pdf_test::render(docx("<w:tbl><w:tblGrid>" + grid + "</w:tblGrid>" + row + "</w:tbl>" + para("После")));
    BOOST_TEST(r.pages == 1);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1).find("Расширенное описание значения битов поля") != std::string::npos, page_text(r.pdf, 1));
    // The first cell starts one column (15 pt) right of the table's edge.
    BOOST_TEST(where(r.pdf, "0").first > 85 + 12, where(r.pdf, "0").first);
}

BOOST_AUTO_TEST_CASE(blanks_in_a_larger_size_do_not_make_a_line_taller) {
    // A review form: «(подпись руководителя)» at 10 pt after five 12 pt tabs; a signature line
    // ending in a 24 pt space; a 24 pt line break. LibreOffice sizes each line by its text
    // (10 pt: 11.5 pt a line single-spaced) — the tabs' size made ours 2.4 pt taller and the
    // form's last line went onto a second page. Measured against LibreOffice 7.4.
    const auto run = [](const std::string& inner, int half_points) {
        return "<w:r><w:rPr><w:sz w:val=\"" + std::to_string(half_points) + "\"/></w:rPr>" + inner + "</w:r>";
    };
    const auto text = [&](const std::string& t, int half_points) { return run("<w:t xml:space=\"preserve\">" + t + "</w:t>", half_points); };
    const std::string single = "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
    const auto p = [&](const std::string& runs) { return "<w:p><w:pPr>" + single + "</w:pPr>" + runs + "</w:p>"; };
    std::string tabs;
    for (int i = 0; i < 5; ++i) tabs += run("<w:tab/>", 48);
    const std::string body = p(text("Первая", 20)) + p(tabs + text("Вторая", 20)) + p(text("Третья", 20) + text("   ", 48)) +
                             p(text("Четвёртая", 20) + run("<w:br/>", 48) + text("Пятая", 20)) + p(text("Шестая", 20));
    const auto r = pdf_test::render(docx(body));
    if (!pdf_test::have("pdftotext")) return;
    const std::vector<std::string> words = {"Первая", "Вторая", "Третья", "Четвёртая", "Пятая", "Шестая"};
    for (std::size_t i = 1; i < words.size(); ++i) {
        const double step = where(r.pdf, words[i]).second - where(r.pdf, words[i - 1]).second;
        BOOST_TEST(std::abs(step - 11.5) < 0.3, words[i - 1] << " → " << words[i] << ": " << step);
    }
}

BOOST_AUTO_TEST_CASE(a_page_break_then_a_section_break_is_one_break) {
    // A program listing in two columns ends with a page break in the paragraph that closes its
    // section; the next section starts on a new page. LibreOffice makes one break of the two
    // (2 pages for each of these, measured); ours left a blank page between them.
    const std::string br = "<w:r><w:br w:type=\"page\"/></w:r>";
    const auto sect = [](const std::string& cols) { return "<w:sectPr>" + cols + "</w:sectPr>"; };
    const std::vector<std::string> bodies = {
        para("Первый") + "<w:p><w:pPr>" + sect("") + "</w:pPr>" + br + "</w:p>" + para("Второй"),
        para("Первый") + "<w:p>" + br + "</w:p><w:p><w:pPr>" + sect("") + "</w:pPr></w:p>" + para("Второй"),
        "<w:p><w:pPr>" + sect("") + "</w:pPr><w:r><w:t>Первый</w:t></w:r>" + br + "</w:p>" + para("Второй"),
        para("Первый") + "<w:p><w:pPr>" + sect("<w:cols w:num=\"2\" w:space=\"708\"/>") + "</w:pPr>" + br + "</w:p>" + para("Второй")};
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        const auto r = pdf_test::render(docx(bodies[i]));
        BOOST_TEST(r.pages == 2, "case " << i);
        if (!pdf_test::have("pdftotext")) continue;
        BOOST_TEST(page_text(r.pdf, 2).find("Второй") != std::string::npos, "case " << i << ": " << page_text(r.pdf, 2));
    }
    // Page numbers go on without a gap: the second section's page is page 2.
    const std::string footer = "<?xml version=\"1.0\"?><w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                               "<w:p><w:r><w:t xml:space=\"preserve\">Страница </w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t>"
                               "</w:r></w:fldSimple></w:p></w:ftr>";
    const std::string rels = "<Relationship Id=\"rF\" Type=\"" + rels_ns + "footer\" Target=\"footer1.xml\"/>";
    const std::string with_footer = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rF\"/></w:sectPr>";
    const auto r = pdf_test::render(docx(para("Первый") + "<w:p><w:pPr>" + with_footer + "</w:pPr>" + br + "</w:p>" + para("Второй"),
                                         {{"word/footer1.xml", docx_test::ZipEntry{footer}}}, with_footer, rels));
    BOOST_TEST(r.pages == 2);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 2).find("Страница 2") != std::string::npos, page_text(r.pdf, 2));
}

BOOST_AUTO_TEST_CASE(text_flows_beside_a_narrow_floating_table) {
    // w:tblpPr with w:vertAnchor="text": a matrix centred beside ten empty paragraphs in a
    // university assignment. LibreOffice sets the paragraphs beside the table; printed in the
    // flow, they went below it and the page's last paragraph onto a page of its own (4 pages
    // for 3). Measured against LibreOffice 7.4 on this document: «Рядом» level with the first
    // row and left of the table, «Ниже» after four lines, below the last row; a table as wide
    // as the text leaves no room, and the text goes below it.
    const auto para_ = [](const std::string& t) { return para(t); };
    const auto table = [&](int twips, const std::string& spec, int rows, const std::string& word, const std::string& anchor) {
        std::string t = "<w:tbl><w:tblPr><w:tblpPr w:leftFromText=\"180\" w:rightFromText=\"180\" " + anchor + " w:tblpXSpec=\"" + spec +
                        "\" w:tblpY=\"1\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"" + std::to_string(twips) + "\"/></w:tblGrid>";
        for (int i = 0; i < rows; ++i) t += "<w:tr><w:tc>" + para_(word + std::to_string(i)) + "</w:tc></w:tr>";
        return t + "</w:tbl>";
    };
    const std::string text = "w:vertAnchor=\"text\"";
    const auto r = pdf_test::render(docx(para("До") + table(2000, "right", 4, "Узкая", text) + para("Рядом") + para("") + para("") +
                                         para("") + para("Ниже") + table(9600, "center", 2, "Широкая", text) + para("Под")));
    BOOST_TEST(r.pages == 1);
    for (const auto& w : r.warnings) BOOST_TEST(w.message.find("w:tblpPr") == std::string::npos, w.message);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(std::abs(where(r.pdf, "Рядом").second - where(r.pdf, "Узкая0").second) < 2);
    BOOST_TEST(where(r.pdf, "Рядом").first < where(r.pdf, "Узкая0").first - 200);
    BOOST_TEST(where(r.pdf, "Ниже").second > where(r.pdf, "Узкая3").second + 5);
    BOOST_TEST(where(r.pdf, "Ниже").second < where(r.pdf, "Узкая3").second + 20);
    BOOST_TEST(where(r.pdf, "Широкая0").second > where(r.pdf, "Ниже").second + 5);
    BOOST_TEST(where(r.pdf, "Под").second > where(r.pdf, "Широкая1").second + 5);
    // A table placed on the page (vertAnchor margin, LibreOffice's default) stays in the flow
    // and the warning says so.
    const auto page = pdf_test::render(docx(para("До") + table(2000, "center", 1, "Матрица", "") + para("После")));
    bool warned = false;
    for (const auto& w : page.warnings) warned = warned || w.message.find("плавающие таблицы (w:tblpPr)") != std::string::npos;
    BOOST_TEST(warned);
    BOOST_TEST(page_text(page.pdf, 1).find("До Матрица0 После") != std::string::npos, page_text(page.pdf, 1));
}

BOOST_AUTO_TEST_CASE(auto_spacing_is_dropped_at_the_top_and_foot_of_a_cell) {
    // w:beforeAutospacing/afterAutospacing («Normal (Web)», tables pasted from web pages): 14 pt
    // between paragraphs, none above a cell's first paragraph or below its last — Word and
    // LibreOffice keep such rows one line tall (a technical specification's table of fields
    // took two lines a row, 16 pages for 15). Measured against LibreOffice 7.4: rows 13.3 pt
    // apart at 12 pt, 14 pt after the paragraph below the table.
    const std::string autosp = "<w:spacing w:before=\"100\" w:beforeAutospacing=\"1\" w:after=\"100\" w:afterAutospacing=\"1\" "
                               "w:line=\"240\" w:lineRule=\"auto\"/>";
    std::string rows;
    for (int i = 0; i < 4; ++i) rows += "<w:tr><w:tc>" + para("Строка" + std::to_string(i), autosp) + "</w:tc></w:tr>";
    const auto r = pdf_test::render(docx("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>" + rows + "</w:tbl>" +
                                         para("Между", autosp) + para("После")));
    if (!pdf_test::have("pdftotext")) return;
    const double step = where(r.pdf, "Строка1").second - where(r.pdf, "Строка0").second;
    BOOST_TEST(step < 13, step);
    const double after = where(r.pdf, "После").second - where(r.pdf, "Между").second;
    BOOST_TEST(after > step + 13, after);
}

BOOST_AUTO_TEST_SUITE_END()
