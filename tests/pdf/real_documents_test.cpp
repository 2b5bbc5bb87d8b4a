// Constructs of real documents that schools and universities edit in Word (issue 17: a corpus
// of public DOCX files against LibreOffice, bench/compare_pdf.py --corpus): each class of
// defect on a small document written here, asserting what LibreOffice shows.

#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
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

BOOST_AUTO_TEST_SUITE_END()
