// Constructs of WordprocessingML on small synthetic documents: breaks, lists, tables split
// across pages with repeated header rows, page numbers, hyphenation, unsupported content.

#include "pdf/hyphenator.hpp"
#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

using pdf_test::docx;
using pdf_test::page_text;
using pdf_test::para;
using docx_test::ZipEntry;

namespace {

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

bool any_warning(const nastavnik::pdf::RenderResult& r, const std::string& sub) {
    for (const auto& w : r.warnings) {
        if (contains(w.message, sub)) return true;
    }
    return false;
}

const std::string numbering =
    "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
    "<w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2.\"/>"
    "<w:pPr><w:ind w:left=\"1080\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xEF\x82\xB7\"/>"
    "<w:rPr><w:rFonts w:ascii=\"Symbol\" w:hAnsi=\"Symbol\"/></w:rPr></w:lvl></w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
    "</w:numbering>";
const std::string numbering_rel =
    "<Relationship Id=\"rN\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>";

std::string item(const std::string& text, int num, int level) {
    return para(text, "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" + std::to_string(num) +
                          "\"/></w:numPr>");
}

// A document whose settings turn automatic hyphenation on (w:autoHyphenation).
std::string hyphenated_docx(const std::string& body, const std::string& more_settings = "", const std::string& sect = "<w:sectPr/>") {
    const std::string settings = "<?xml version=\"1.0\"?><w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                                 "<w:autoHyphenation/>" + more_settings + "</w:settings>";
    const std::string rel = "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>";
    return docx(body, {{"word/settings.xml", ZipEntry{settings}}}, sect, rel);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_layout)

BOOST_AUTO_TEST_CASE(page_break_and_page_break_before_start_new_pages) {
    const auto r = pdf_test::render(docx(para("Первая страница") +
                                         "<w:p><w:r><w:t>До разрыва</w:t><w:br w:type=\"page\"/><w:t>После разрыва</w:t></w:r></w:p>" +
                                         para("Третья страница", "<w:pageBreakBefore/>")));
    BOOST_TEST(r.pages == 3);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Первая страница До разрыва ");
    BOOST_TEST(page_text(r.pdf, 2) == "После разрыва ");
    BOOST_TEST(page_text(r.pdf, 3) == "Третья страница ");
}

BOOST_AUTO_TEST_CASE(multi_level_and_bulleted_lists_are_numbered) {
    const auto r = pdf_test::render(docx(item("Общие положения", 1, 0) + item("Термины", 1, 1) + item("Сокращения", 1, 1) +
                                             item("Цели", 1, 0) + item("Задачи", 1, 1) + item("пункт списка", 2, 0),
                                         {{"word/numbering.xml", ZipEntry{numbering}}}, "<w:sectPr/>", numbering_rel));
    BOOST_TEST(r.warnings.empty());
    if (!pdf_test::have("pdftotext")) return;
    const std::string t = page_text(r.pdf, 1, true);
    BOOST_TEST(contains(t, "1. Общие положения 1.1. Термины 1.2. Сокращения 2. Цели 2.1. Задачи • пункт списка"), t);
}

BOOST_AUTO_TEST_CASE(long_table_splits_across_pages_and_repeats_its_header) {
    std::string rows = "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>" + para("Номер") + "</w:tc><w:tc>" + para("Мероприятие") + "</w:tc></w:tr>";
    for (int i = 1; i <= 200; ++i) {
        rows += "<w:tr><w:tc>" + para(std::to_string(i)) + "</w:tc><w:tc>" + para("Мероприятие номер " + std::to_string(i)) + "</w:tc></w:tr>";
    }
    const std::string tbl = "<w:tbl><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:insideH w:val=\"single\" w:sz=\"4\"/>"
                            "</w:tblBorders></w:tblPr><w:tblGrid><w:gridCol w:w=\"1000\"/><w:gridCol w:w=\"6000\"/></w:tblGrid>" +
                            rows + "</w:tbl>";
    const auto r = pdf_test::render(docx(tbl));
    BOOST_TEST(r.pages >= 3);
    if (!pdf_test::have("pdftotext")) return;
    for (int p = 1; p <= r.pages; ++p) {
        const std::string t = page_text(r.pdf, p, true);
        BOOST_TEST(t.rfind("Номер Мероприятие", 0) == 0u, "page " << p << ": " << t.substr(0, 60));
    }
    BOOST_TEST(contains(page_text(r.pdf, r.pages), "Мероприятие номер 200"));
}

BOOST_AUTO_TEST_CASE(a_tall_row_is_split_between_pages) {
    std::string cell;
    for (int i = 1; i <= 80; ++i) cell += para("Строка " + std::to_string(i));
    const std::string tbl = "<w:tbl><w:tblGrid><w:gridCol w:w=\"5000\"/></w:tblGrid><w:tr><w:tc>" + cell + "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(tbl));
    BOOST_TEST(r.pages == 2);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(contains(page_text(r.pdf, 1), "Строка 1 "));
    BOOST_TEST(contains(page_text(r.pdf, 2), "Строка 80"));
}

// A signature block of two rows — the parties' requisites, then their signatures — whose
// paragraphs keep with the next: whatever text stands before it, the rows are never on two
// pages (Word and LibreOffice move the block to the next page whole).
BOOST_AUTO_TEST_CASE(rows_that_keep_with_the_next_stay_on_one_page) {
    const std::string keep = "<w:keepNext/>";
    const std::string tbl = "<w:tbl><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
                            "<w:tr><w:tc>" + para("Работодатель:", keep) + para("Адрес работодателя", keep) +
                            para("Город", keep) + "</w:tc><w:tc>" + para("Работник:", keep) + para("Должность", keep) +
                            "</w:tc></w:tr><w:tr><w:tc>" + para("Подпись работодателя", keep) + para("Расшифровка", keep) +
                            "</w:tc><w:tc>" + para("Подпись работника", keep) + "</w:tc></w:tr></w:tbl>";
    if (!pdf_test::have("pdftotext")) return;
    int split = 0, moved = 0;
    for (int n = 40; n <= 70; n += 2) {
        std::string body;
        for (int i = 1; i <= n; ++i) body += para("Строка текста " + std::to_string(i));
        const auto r = pdf_test::render(docx(body + tbl + para("После блока")));
        bool together = false;
        std::string where;
        for (int p = 1; p <= r.pages; ++p) {
            const std::string t = page_text(r.pdf, p);
            together = together || (contains(t, "Работодатель:") && contains(t, "Подпись работника"));
            where += std::to_string(p) + ": " + t.substr(t.size() > 200 ? t.size() - 200 : 0) + "\n";
        }
        const std::string last = page_text(r.pdf, r.pages);
        BOOST_TEST(together, "after " << n << " lines:\n" << where);
        split += together ? 0 : 1;
        moved += r.pages > 1 && contains(last, "Работодатель:") && !contains(last, "Строка текста 1 ") ? 1 : 0;
    }
    BOOST_TEST(split == 0);
    BOOST_TEST(moved > 0);  // some of these lengths did push the block over
}

// A table whose rows all keep with the next keeps with the paragraph after it (an order's
// signature with «С приказом ознакомлена:» and its first line), as LibreOffice keeps it.
BOOST_AUTO_TEST_CASE(a_table_that_keeps_with_the_next_keeps_with_the_paragraph_after_it) {
    const std::string keep = "<w:keepNext/>";
    const std::string tbl = "<w:tbl><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>"
                            "<w:tr><w:tc>" + para("Заведующий", keep) + "</w:tc><w:tc>" + para("В.К. Кузьмина", keep) +
                            "</w:tc></w:tr></w:tbl>";
    if (!pdf_test::have("pdftotext")) return;
    int apart = 0, moved = 0;
    for (int n = 40; n <= 70; n += 2) {
        std::string body;
        for (int i = 1; i <= n; ++i) body += para("Строка текста " + std::to_string(i));
        const auto r = pdf_test::render(docx(body + tbl + para("С приказом ознакомлена:", keep) + para("Л.А. Попова")));
        for (int p = 1; p <= r.pages; ++p) {
            const std::string t = page_text(r.pdf, p);
            if (!contains(t, "Кузьмина")) continue;
            const bool together = contains(t, "ознакомлена:") && contains(t, "Попова");
            BOOST_TEST(together, "after " << n << " lines, page " << p << ": " << t.substr(t.size() > 160 ? t.size() - 160 : 0));
            apart += together ? 0 : 1;
            if (p > 1 && !contains(t, "Строка текста")) ++moved;
        }
    }
    BOOST_TEST(apart == 0);
    BOOST_TEST(moved > 0);  // some of these lengths did push the signature over
}

// A heading that keeps with the table under it, near a page foot, with a first row too tall for
// what is left of the page and no w:cantSplit: LibreOffice leaves the heading there, with the
// header row and as many lines of the first row as fit — down to a single line of a
// widow-controlled paragraph —, and carries the rest of the row (under the repeated header row)
// to the next page; only when not one line fits do the heading and the table move. The page
// each word is on below is LibreOffice's for this document (an analytical report's § 8 went
// whole to the next page in ours, leaving 15 % of a page blank).
BOOST_AUTO_TEST_CASE(a_heading_stays_at_a_page_foot_over_the_split_first_row_of_its_table) {
    const std::string sp = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>";
    const std::string rp = "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"24\"/>";
    const auto p = [&](const std::string& text, const std::string& ppr = "") { return para(text, ppr + sp, rp); };
    std::string words;
    for (int i = 1; i <= 40; ++i) words += (i < 10 ? " слово0" : " слово") + std::to_string(i);
    const std::string tbl =
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"
        "<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc>" + p("Требование") + "</w:tc><w:tc>" + p("Основание") +
        "</w:tc></w:tr><w:tr><w:tc>" + p("Первое требование") + "</w:tc><w:tc>" + p(words.substr(1), "<w:widowControl/>") +
        "</w:tc></w:tr><w:tr><w:tc>" + p("Второе требование") + "</w:tc><w:tc>" + p("Пункт") + "</w:tc></w:tr></w:tbl>";
    const std::string sect = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" "
                             "w:bottom=\"1134\" w:left=\"1701\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";
    if (!pdf_test::have("pdftotext")) return;
    // Lines before the heading → the row's last word on page 1 in LibreOffice's PDF (two words
    // a line; 0: the heading and the whole table on page 2).
    const std::vector<std::pair<int, int>> lo = {{41, 18}, {43, 14}, {46, 8}, {48, 4}, {49, 2}, {50, 0}};
    for (const auto& [n, last] : lo) {
        std::string body;
        for (int i = 1; i <= n; ++i) body += p("Строка текста " + std::to_string(i));
        const auto r = pdf_test::render(docx(body + p("8. Обязанности", "<w:keepNext/>") + tbl + p("После"), {}, sect));
        BOOST_TEST(r.pages == 2);
        if (r.pages != 2) continue;
        const std::string one = page_text(r.pdf, 1), two = page_text(r.pdf, 2);
        BOOST_TEST(contains(one, "8. Обязанности") == (last > 0), "after " << n << " lines: " << one);
        if (last == 0) {
            BOOST_TEST(contains(two, "слово01"), two);
            continue;
        }
        const auto word = [](int i) { return (i < 10 ? "слово0" : "слово") + std::to_string(i); };
        BOOST_TEST(contains(one, word(last)), "after " << n << " lines: " << one);
        BOOST_TEST(!contains(one, word(last + 1)), "after " << n << " lines: " << one);
        BOOST_TEST(contains(two, word(last + 1)), "after " << n << " lines: " << two);
        BOOST_TEST(contains(two, "Основание"), "the header row is repeated: " << two);
    }
}

// A table of unsplittable rows ending at a page foot: LibreOffice does not count the table's
// bottom border when the rows before the last keep with it (all their paragraphs w:keepNext),
// and counts it when they do not. 57 lines of 12 pt and a blank line of `filler` twips above
// a table of three 12 pt rows; 130 twips fill the page to the twip. The rows on page 1 are
// LibreOffice's for each document (a curator questionnaire's last table, 0.1 pt past the foot,
// went whole to the next page in ours and made a third page LibreOffice does not have).
BOOST_AUTO_TEST_CASE(the_bottom_border_of_rows_kept_together_may_pass_the_page_foot) {
    const std::string rp = "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/><w:sz w:val=\"24\"/>";
    const auto exact = [](int twips) {
        return "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" + std::to_string(twips) + "\" w:lineRule=\"exact\"/>";
    };
    const std::string sect = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"850\" "
                             "w:bottom=\"1134\" w:left=\"1701\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>";
    const auto document = [&](int lines, int filler, bool keep, int border) {
        std::string body;
        for (int i = 1; i <= lines; ++i) body += para("Строка текста " + std::to_string(i), exact(240), rp);
        body += "<w:p><w:pPr>" + exact(filler) + "</w:pPr></w:p><w:tbl><w:tblPr><w:tblBorders>";
        for (const char* e : {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            body += std::string("<w:") + e + " w:val=\"single\" w:sz=\"" + std::to_string(border) + "\" w:space=\"0\" w:color=\"auto\"/>";
        }
        body += "</w:tblBorders><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>"
                "</w:tblPr><w:tblGrid><w:gridCol w:w=\"4500\"/><w:gridCol w:w=\"4500\"/></w:tblGrid>";
        for (int r = 1; r <= 3; ++r) {
            const std::string ppr = exact(240) + (keep && r < 3 ? "<w:keepNext/>" : "");
            body += "<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>" + para("Строка таблицы " + std::to_string(r), ppr, rp) +
                    "</w:tc><w:tc>" + para("Ячейка " + std::to_string(r), ppr, rp) + "</w:tc></w:tr>";
        }
        return docx(body + "</w:tbl>" + para("После таблицы", exact(240), rp), {}, sect);
    };
    if (!pdf_test::have("pdftotext")) return;
    struct Case {
        int lines, filler;
        bool keep;
        int border, rows_on_page_one;
    };
    // 0.5 pt borders (sz 4): 10 twips of allowance; 3 pt (sz 24, a line less above): 60.
    const std::vector<Case> lo = {{57, 130, true, 4, 3},  {57, 131, true, 4, 3},  {57, 140, true, 4, 3},
                                  {57, 141, true, 4, 0},  {57, 130, false, 4, 3}, {57, 131, false, 4, 2},
                                  {56, 230, true, 24, 3}, {56, 231, true, 24, 0}};
    for (const auto& c : lo) {
        const auto r = pdf_test::render(document(c.lines, c.filler, c.keep, c.border));
        const std::string one = page_text(r.pdf, 1);
        int rows = 0;
        for (int k = 1; k <= 3; ++k) rows += contains(one, "Строка таблицы " + std::to_string(k)) ? 1 : 0;
        BOOST_TEST(rows == c.rows_on_page_one, "filler " << c.filler << (c.keep ? ", rows kept together" : "") << ", border sz "
                                                            << c.border << ": " << one.substr(one.size() > 200 ? one.size() - 200 : 0));
        BOOST_TEST(r.pages == 2);
    }
}

// A cell that names people is not hyphenated (w:suppressAutoHyphens) though the document is:
// a patronymic is not broken as «Мак-симовна».
BOOST_AUTO_TEST_CASE(a_paragraph_that_suppresses_hyphens_is_not_hyphenated) {
    std::string names;
    for (int i = 0; i < 8; ++i) names += "наставничества Чернова Екатерина Максимовна, педагогических Тарасова Полина Михайловна ";
    const auto cell = [&](const std::string& ppr) {
        return "<w:tbl><w:tblGrid><w:gridCol w:w=\"2200\"/></w:tblGrid><w:tr><w:tc>" + para(names, ppr + "<w:jc w:val=\"both\"/>") +
               "</w:tc></w:tr></w:tbl>";
    };
    const auto hyph = pdf_test::render(hyphenated_docx(cell("")));
    const auto kept = pdf_test::render(hyphenated_docx(cell("<w:suppressAutoHyphens/>")));
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(contains(pdf_test::on_pdf(hyph.pdf, "pdftotext -layout {} -").out, "-\n"));
    const auto lines = pdf_test::on_pdf(kept.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(!contains(lines, "-\n"), lines.substr(0, 400));
}

BOOST_AUTO_TEST_CASE(footer_page_numbers_and_a_different_first_page) {
    const std::string footer =
        "<?xml version=\"1.0\"?><w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p>"
        "<w:r><w:t xml:space=\"preserve\">Страница </w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>9</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t xml:space=\"preserve\"> из </w:t></w:r>"
        "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p></w:ftr>";
    const std::string rel = "<Relationship Id=\"rF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>";
    const std::string sect = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rF\"/><w:titlePg/></w:sectPr>";
    const auto r = pdf_test::render(docx(para("Один") + para("Два", "<w:pageBreakBefore/>") + para("Три", "<w:pageBreakBefore/>"),
                                         {{"word/footer1.xml", ZipEntry{footer}}}, sect, rel));
    BOOST_TEST(r.pages == 3);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Один ");
    BOOST_TEST(page_text(r.pdf, 2) == "Два Страница 2 из 3 ");
    BOOST_TEST(page_text(r.pdf, 3) == "Три Страница 3 из 3 ");
}

BOOST_AUTO_TEST_CASE(right_tab_stop_aligns_the_signature) {
    const std::string p = "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"9355\"/></w:tabs></w:pPr>"
                          "<w:r><w:t>Директор</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>О.А. Рябова</w:t></w:r></w:p>";
    const auto r = pdf_test::render(docx(p));
    if (!pdf_test::have("pdftotext")) return;
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -");
    // Рябова ends at the stop: left margin 85 pt (default) + 9355 twips = 552.75 pt.
    const auto at = bbox.out.find(">Рябова<");
    BOOST_REQUIRE(at != std::string::npos);
    const auto line = bbox.out.substr(bbox.out.rfind("<word", at), at - bbox.out.rfind("<word", at));
    const auto xmax = std::stod(line.substr(line.find("xMax=\"") + 6));
    BOOST_TEST(std::abs(xmax - (85.0 + 9355 / 20.0)) < 1.0, line);
}

BOOST_AUTO_TEST_CASE(russian_words_get_hyphenation_points) {
    const auto points = nastavnik::pdf::hyphenation_points(U"наставничества");
    BOOST_TEST(!points.empty());
    for (auto p : points) BOOST_TEST((p >= 2 && p <= 12));
    BOOST_TEST(nastavnik::pdf::hyphenation_points(U"mentor").empty());  // not Russian: left alone
}

BOOST_AUTO_TEST_CASE(justified_text_is_hyphenated_when_the_document_asks) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "наставничества педагогических работников образовательной организации ";
    const auto plain = pdf_test::render(docx(para(text, "<w:jc w:val=\"both\"/>")));
    const auto hyph = pdf_test::render(hyphenated_docx(para(text, "<w:jc w:val=\"both\"/>")));
    if (!pdf_test::have("pdftotext")) return;
    const auto lines_plain = pdf_test::on_pdf(plain.pdf, "pdftotext -layout {} -").out;
    const auto lines_hyph = pdf_test::on_pdf(hyph.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(!contains(lines_plain, "-\n"));
    BOOST_TEST(contains(lines_hyph, "-\n"), lines_hyph.substr(0, 400));
}

// «И.Л.\u00A0Афанасьева» does not break at its space, but its surname is hyphenated like any
// word (LibreOffice does so; the lines of a narrow table cell then agree).
BOOST_AUTO_TEST_CASE(a_word_after_a_non_breaking_space_is_hyphenated) {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "куратор И.Л.\u00A0Афанасьевой наставничества ";
    const auto hyph = pdf_test::render(hyphenated_docx(para(text, "<w:jc w:val=\"both\"/>")));
    if (!pdf_test::have("pdftotext")) return;
    const auto lines = pdf_test::on_pdf(hyph.pdf, "pdftotext -layout {} -").out;
    // Some line ends inside the surname, after its initials.
    bool inside = false;
    for (std::size_t at = lines.find("-\n"); at != std::string::npos; at = lines.find("-\n", at + 1)) {
        const auto start = lines.rfind('\n', at);
        const std::string line = lines.substr(start == std::string::npos ? 0 : start + 1, at - start);
        inside = inside || contains(line, "И.Л. Афа");
    }
    BOOST_TEST(inside, lines.substr(0, 600));
}

// The same text with the name in a run of no language (w:lang w:val="zxx", as the template
// engine writes a person's name): LibreOffice never hyphenates it, nor do we.
BOOST_AUTO_TEST_CASE(a_run_of_no_language_is_not_hyphenated) {
    const auto body = [](const std::string& name_rpr) {
        std::string b = "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>";
        for (int i = 0; i < 30; ++i) {
            b += "<w:r><w:t xml:space=\"preserve\">куратор </w:t></w:r><w:r>" + name_rpr +
                 "<w:t>И.Л.\u00A0Афанасьевой</w:t></w:r><w:r><w:t xml:space=\"preserve\"> наставничества </w:t></w:r>";
        }
        return b + "</w:p>";
    };
    const auto plain = pdf_test::render(hyphenated_docx(body("")));
    const auto r = pdf_test::render(hyphenated_docx(body("<w:rPr><w:noProof/><w:lang w:val=\"zxx\"/></w:rPr>")));
    if (!pdf_test::have("pdftotext")) return;
    // Lines ending inside the surname: their last word (after the initials) is a part of it.
    const auto surname_broken = [](const std::string& lines) {
        for (std::size_t at = lines.find("-\n"); at != std::string::npos; at = lines.find("-\n", at + 1)) {
            const auto space = lines.find_last_of(" \n", at);
            if (lines.substr(space + 1, at - space).find("Афа") != std::string::npos) return true;
        }
        return false;
    };
    // Without the language mark the surname is broken somewhere, with it never.
    const auto before = pdf_test::on_pdf(plain.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(surname_broken(before), before.substr(0, 600));
    const auto lines = pdf_test::on_pdf(r.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(contains(lines, "-\n"), lines.substr(0, 600));  // «наставни-чества» still is
    BOOST_TEST(!surname_broken(lines), lines.substr(0, 600));
}

// A document that keeps words in capitals whole (w:doNotHyphenateCaps, as the engine writes
// wherever it hyphenates): «МБДОУ», «НАСТАВНИЧЕСТВА» never end a line with a hyphen, as in
// LibreOffice and Word, while the words in lower case still are hyphenated.
BOOST_AUTO_TEST_CASE(a_word_in_capitals_is_not_hyphenated_when_the_document_says_so) {
    std::string text;
    for (int i = 0; i < 60; ++i) {
        for (int k = 0; k < i % 4; ++k) text += "и ";
        text += "НАСТАВНИЧЕСТВА организационного ПРЕОБРАЗОВАНИЯ ";
    }
    const auto p = para(text, "<w:jc w:val=\"both\"/>");
    const auto plain = pdf_test::render(hyphenated_docx(p));
    const auto kept = pdf_test::render(hyphenated_docx(p, "<w:doNotHyphenateCaps/>"));
    BOOST_TEST(plain.pages == kept.pages);
    if (!pdf_test::have("pdftotext")) return;
    // Lines that end inside a word in capitals: the letters before the hyphen are capitals.
    const auto caps_broken = [](const std::string& lines) {
        int n = 0;
        for (std::size_t at = lines.find("-\n"); at != std::string::npos; at = lines.find("-\n", at + 1)) {
            const auto space = lines.find_last_of(" \n«", at - 1);
            const std::string head = lines.substr(space + 1, at - space - 1);
            // Cyrillic lower case in UTF-8: D0 B0–BF (а–п), D1 80–9F (р–я, ё).
            bool lower = false;
            for (std::size_t i = 0; i + 1 < head.size(); ++i) {
                const auto b0 = static_cast<unsigned char>(head[i]), b1 = static_cast<unsigned char>(head[i + 1]);
                lower = lower || (b0 == 0xD0 && b1 >= 0xB0) || (b0 == 0xD1 && b1 < 0xA0);
            }
            if (!head.empty() && !lower) ++n;
        }
        return n;
    };
    const auto before = pdf_test::on_pdf(plain.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(caps_broken(before) > 0, before.substr(0, 800));
    const auto lines = pdf_test::on_pdf(kept.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(caps_broken(lines) == 0, lines.substr(0, 800));
    BOOST_TEST(contains(lines, "-\n"), lines.substr(0, 800));  // the words in lower case still are
}

// An A4 page whose text is `width` twips wide (ГОСТ margins: 30 mm left), one paragraph of
// justified 14 pt Times New Roman (Liberation Serif); the first line of the PDF's text.
std::string first_line_at(const std::string& text, int width) {
    const std::string sect = "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"" +
                             std::to_string(11906 - 1701 - width) + "\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"720\"/></w:sectPr>";
    const auto r = pdf_test::render(hyphenated_docx(
        para(text, "<w:jc w:val=\"both\"/>", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"28\"/>"), "", sect));
    const auto out = pdf_test::on_pdf(r.pdf, "pdftotext -layout {} -").out;
    auto line = out.substr(0, out.find('\n'));
    line.erase(0, line.find_first_not_of(' '));
    return line;
}

// A line is full when its text passes the edge by a single pixel of LibreOffice's reference
// device (1/120 pt): «…методического» is 9638.17 twips by its pixels, and LibreOffice 7.4 puts it
// whole in a column of 9639 twips, hyphenated («методиче-») in one of 9638 — the СОШ № 8 справка's
// paragraph «Источники значений…» (five lines apart before, where we let 0.01 pt pass).
BOOST_AUTO_TEST_CASE(a_line_one_pixel_too_long_does_not_fit) {
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = "нализированной программы наставничества; протокол заседания методического объединения";
    BOOST_TEST(first_line_at(text, 9639) == "нализированной программы наставничества; протокол заседания методического");
    BOOST_TEST(first_line_at(text, 9638) == "нализированной программы наставничества; протокол заседания методиче-");
}

// A page within 0.21 mm of A4 is A4 to LibreOffice (its paper table's «sloppy fit»), and so is its
// text area: on a page of 11900 × 16840 twips with margins of 1341 and 1056 the line below
// (9503.17 twips by the reference device's pixels) fits as LibreOffice 7.4 fits it — the column
// is 9509 twips there, not the 9503 the margins give — and the page is printed A4.
BOOST_AUTO_TEST_CASE(a_page_near_a4_is_a4) {
    const std::string sect = "<w:sectPr><w:pgSz w:w=\"11900\" w:h=\"16840\"/><w:pgMar w:top=\"1134\" w:right=\"1056\" w:bottom=\"1134\" "
                             "w:left=\"1341\" w:header=\"567\" w:footer=\"720\"/></w:sectPr>";
    const auto r = pdf_test::render(docx(para("горизонтальный пульт (на схеме обведены штриховой линией): ФНЧ - фильтр нижних частот, УВХ1 и УВХ2 - устройства",
                                              "", "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/><w:sz w:val=\"22\"/>"),
                                         {}, sect));
    BOOST_TEST(contains(r.pdf, "/MediaBox[ 0 0 595.3 841.9]"));
    if (!pdf_test::have("pdftotext")) return;
    const auto out = pdf_test::on_pdf(r.pdf, "pdftotext -layout {} -").out;
    BOOST_TEST(out.substr(0, out.find('\n')) == "горизонтальный пульт (на схеме обведены штриховой линией): ФНЧ - фильтр нижних частот, УВХ1");
}

// A hyphenated compound is hyphenated as one word, as LibreOffice hands it to libhyphen: the
// patterns see no word start after its hyphen, so «психолого-педагогический» breaks at «пси-»,
// «психо-», its own hyphen, «…педагоги-», «…педагогиче-» — never «психолого-пе-», which the
// second part alone would give (LibreOffice 7.4, measured at 30 widths; the Барнаул справка's
// «(МБУ ДО «Городской психолого-пе-|дагогический центр…»» before).
BOOST_AUTO_TEST_CASE(a_hyphenated_compound_is_hyphenated_as_one_word) {
    BOOST_TEST((nastavnik::pdf::hyphenation_points(U"психолого-педагогический") == std::vector<std::size_t>{3, 5, 18, 20}));
    BOOST_TEST((nastavnik::pdf::hyphenation_points(U"педагогический") == std::vector<std::size_t>{2, 8, 10}));
    if (!pdf_test::have("pdftotext")) return;
    const std::string text = "муниципальному координатору (МБУ ДО «Городской психолого-педагогический центр» и далее текст";
    // Room after «психолого-» for «пе-» (8467) or «педа-» (8667), not for «педагоги-»: LibreOffice ends at the hyphen.
    for (int width : {8467, 8667}) {
        BOOST_TEST(first_line_at(text, width) == "муниципальному координатору (МБУ ДО «Городской психолого-", width);
    }
    BOOST_TEST(first_line_at(text, 7707) == "муниципальному координатору (МБУ ДО «Городской психо-");
    // The part after the hyphen is hyphenated where the whole word's patterns allow it.
    BOOST_TEST(first_line_at("муниципальному координатору (МБУ ДО Городской педагогический-психологический центр и далее текст", 9054)
                   .ends_with("педагогический-пси-"));
}

// A soft hyphen (U+00AD) is where a word may break, though the dictionary knows none in it
// («сопровождающих»): LibreOffice breaks there, and the template of the Положение relies on it
// (review 5, C6). Where the line does not end at it, it is not drawn.
BOOST_AUTO_TEST_CASE(a_soft_hyphen_is_a_place_to_break) {
    BOOST_TEST(nastavnik::pdf::hyphenation_points(U"сопровождающих").empty());
    const auto text = [](const std::string& word) {
        std::string t;
        for (int i = 0; i < 30; ++i) t += "актов, программ, " + word + " процесс наставничества ";
        return t;
    };
    const auto plain = pdf_test::render(hyphenated_docx(para(text("сопровождающих"), "<w:jc w:val=\"both\"/>")));
    const auto soft = pdf_test::render(hyphenated_docx(para(text("со\u00ADпро\u00ADвож\u00ADда\u00ADющих"), "<w:jc w:val=\"both\"/>")));
    if (!pdf_test::have("pdftotext")) return;
    const auto before = pdf_test::on_pdf(plain.pdf, "pdftotext -layout {} -").out;
    const auto after = pdf_test::on_pdf(soft.pdf, "pdftotext -layout {} -").out;
    const auto broken = [](const std::string& lines) {
        return contains(lines, "со-\n") || contains(lines, "сопро-\n") || contains(lines, "сопровож-\n") ||
               contains(lines, "сопровожда-\n");
    };
    BOOST_TEST(!broken(before), before.substr(0, 600));
    BOOST_TEST(broken(after), after.substr(0, 600));
    BOOST_TEST(contains(after, "сопровождающих"));  // whole where the line does not end in it
}

BOOST_AUTO_TEST_CASE(unsupported_content_is_shown_and_reported) {
    // A SmartArt diagram (a DrawingML object we do not draw): a frame of its size in the line
    // and a warning naming it; the text around it stays.
    const std::string body =
        "<w:p><w:r><w:t>Перед</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
        "<wp:extent cx=\"914400\" cy=\"457200\"/><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
        "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\"><dgm:relIds "
        "xmlns:dgm=\"http://schemas.openxmlformats.org/drawingml/2006/diagram\"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        "<w:r><w:t>после</w:t></w:r></w:p>";
    const auto r = pdf_test::render(docx(body));
    BOOST_TEST(any_warning(r, "DrawingML"));
    for (const auto& w : r.warnings) BOOST_TEST(w.where.file == "тест.docx");
    if (!pdf_test::have("pdftotext")) return;
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    const auto x_of = [&](const std::string& word) {
        const auto at = bbox.find(">" + word + "<");
        BOOST_REQUIRE(at != std::string::npos);
        return std::stod(bbox.substr(bbox.rfind("xMin=\"", at) + 6));
    };
    // «после» stands after the 1-inch frame, not next to «Перед».
    BOOST_TEST(x_of("после") - x_of("Перед") > 72.0);
    // An empty VML picture shows nothing, as in Word and LibreOffice.
    const auto empty = pdf_test::render(docx("<w:p><w:r><w:t>Перед</w:t></w:r><w:r><w:pict/></w:r><w:r><w:t>после</w:t></w:r></w:p>"));
    BOOST_TEST(contains(page_text(empty.pdf, 1), "Передпосле"));
}

BOOST_AUTO_TEST_CASE(a_font_that_is_not_installed_is_replaced_and_reported) {
    const auto r = pdf_test::render(docx(para("Текст шрифтом, которого нет", "", "<w:rFonts w:ascii=\"Nonexistent Grotesk\" w:hAnsi=\"Nonexistent Grotesk\"/>")));
    BOOST_TEST(r.pages == 1);
    BOOST_TEST(any_warning(r, "«Nonexistent Grotesk» не установлен"));
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(page_text(r.pdf, 1) == "Текст шрифтом, которого нет ");
}

BOOST_AUTO_TEST_CASE(glyphs_missing_from_the_font_come_from_dejavu) {
    // Liberation Serif has no ⟶ (U+27F6): DejaVu supplies it, the text still copies.
    const auto r = pdf_test::render(docx(para("А ⟶ Б", "", "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/>")));
    if (!pdf_test::have("pdffonts")) return;
    const auto fonts = pdf_test::on_pdf(r.pdf, "pdffonts {}").out;
    BOOST_TEST(contains(fonts, "DejaVu"), fonts);
    BOOST_TEST(contains(page_text(r.pdf, 1), "⟶"));
}

BOOST_AUTO_TEST_CASE(metadata_comes_from_the_options) {
    nastavnik::pdf::RenderOptions o;
    o.title = "Положение о наставничестве";
    o.author = "МБУ ДО «ЦДТ»";
    o.creation_date = nastavnik::Date(2023, 8, 31);
    const auto r = nastavnik::pdf::render_docx(docx(para("Текст")), o);
    if (!pdf_test::have("pdfinfo")) return;
    const auto info = pdf_test::on_pdf(r.pdf, "pdfinfo {}").out;
    BOOST_TEST(contains(info, "Положение о наставничестве"), info);
    BOOST_TEST(contains(info, "МБУ ДО «ЦДТ»"), info);
    BOOST_TEST(contains(info, "2023"), info);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pdf_layout_more)

BOOST_AUTO_TEST_CASE(landscape_section_after_a_portrait_one) {
    const std::string portrait = "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:pPr>"
                                 "<w:r><w:t>Книжная</w:t></w:r></w:p>";
    const auto r = pdf_test::render(docx(portrait + para("Альбомная"), {},
                                         "<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr>"));
    BOOST_TEST(r.pages == 2);
    if (!pdf_test::have("pdfinfo")) return;
    const auto info = pdf_test::on_pdf(r.pdf, "pdfinfo -f 1 -l 2 {}").out;
    BOOST_TEST(contains(info, "Page    1 size:  595.3 x 841.9"), info);
    BOOST_TEST(contains(info, "Page    2 size:  841.9 x 595.3"), info);
}

BOOST_AUTO_TEST_CASE(vertically_merged_cells_show_their_text_once) {
    const std::string tbl =
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + para("Объединённая") + "</w:tc><w:tc>" + para("А") + "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + para("скрыто") + "</w:tc><w:tc>" + para("Б") + "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(tbl));
    if (!pdf_test::have("pdftotext")) return;
    const std::string t = page_text(r.pdf, 1, true);
    BOOST_TEST(contains(t, "Объединённая"), t);
    BOOST_TEST(!contains(t, "скрыто"), t);
    BOOST_TEST(contains(t, "Б"), t);
}

BOOST_AUTO_TEST_CASE(a_bottom_aligned_cell_stands_level_with_the_last_line_of_its_row) {
    // A signature block: a position over three lines, the name (vAlign bottom) on the third.
    const std::string tbl =
        "<w:tbl><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr>"
        "<w:tc>" + para("Заместитель директора по научно-методической работе") + "</w:tc>"
        "<w:tc><w:tcPr><w:vAlign w:val=\"bottom\"/></w:tcPr>" + para("Сидорова") + "</w:tc>"
        "<w:tc><w:tcPr><w:vAlign w:val=\"center\"/></w:tcPr>" + para("Петрова") + "</w:tc></w:tr></w:tbl>";
    const auto r = pdf_test::render(docx(tbl));
    if (!pdf_test::have("pdftotext")) return;
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    auto top_of = [&](const std::string& word) {
        const auto at = bbox.find(">" + word + "<");
        BOOST_REQUIRE(at != std::string::npos);
        const auto tag = bbox.substr(bbox.rfind("<word", at), at - bbox.rfind("<word", at));
        return std::stod(tag.substr(tag.find("yMin=\"") + 6));
    };
    const double first = top_of("Заместитель");
    double last = first;
    for (const char* w : {"директора", "работе"}) last = std::max(last, top_of(w));
    BOOST_TEST(last > first + 20.0);                      // the position wraps
    BOOST_TEST(std::abs(top_of("Сидорова") - last) < 1.0);  // bottom: on its last line
    BOOST_TEST(std::abs(top_of("Петрова") - (first + last) / 2) < 1.0);  // center: half way
}

BOOST_AUTO_TEST_CASE(paragraph_lines_and_letter_spacing) {
    const auto r = pdf_test::render(docx(para("ПРИКАЗ", "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\"/></w:pBdr>",
                                              "<w:spacing w:val=\"60\"/>")));
    BOOST_TEST(r.warnings.empty());
    BOOST_TEST(contains(r.pdf, "%PDF"));
    if (!pdf_test::have("pdftotext")) return;
    const auto bbox = pdf_test::on_pdf(r.pdf, "pdftotext -bbox {} -").out;
    // Six letters of a 10-pt Liberation Serif ПРИКАЗ are about 39 pt; 3 pt after each adds 15 more.
    const auto at = bbox.find("xMin=\"");
    BOOST_REQUIRE(at != std::string::npos);
    const double x0 = std::stod(bbox.substr(at + 6));
    const double x1 = std::stod(bbox.substr(bbox.find("xMax=\"") + 6));
    BOOST_TEST(x1 - x0 > 50.0, bbox);  // (the spacing after the last letter is not in its box)
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pdf_numbering_formats)

BOOST_AUTO_TEST_CASE(russian_letters_and_roman_numerals) {
    const std::string numbering_xml =
        "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"russianLower\"/>"
        "<w:lvlText w:val=\"%1)\"/><w:suff w:val=\"space\"/></w:lvl></w:abstractNum>"
        "<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"4\"/><w:numFmt w:val=\"upperRoman\"/>"
        "<w:lvlText w:val=\"%1.\"/><w:suff w:val=\"space\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>"
        "</w:numbering>";
    const auto r = pdf_test::render(docx(item("первый", 1, 0) + item("второй", 1, 0) + item("третий", 1, 0) + item("раздел", 2, 0) +
                                             item("раздел", 2, 0),
                                         {{"word/numbering.xml", ZipEntry{numbering_xml}}}, "<w:sectPr/>", numbering_rel));
    if (!pdf_test::have("pdftotext")) return;
    const std::string t = page_text(r.pdf, 1, true);
    BOOST_TEST(contains(t, "а) первый б) второй в) третий IV. раздел V. раздел"), t);
}

BOOST_AUTO_TEST_SUITE_END()
