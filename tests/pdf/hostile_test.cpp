// Broken and hostile DOCX files: a clear nastavnik::Error naming the part, or a PDF — never a
// crash, in bounded time.

#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <vector>

using nastavnik::Error;
using pdf_test::docx;
using pdf_test::para;

namespace {

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

std::string error_of(const std::string& bytes) {
    try {
        pdf_test::render(bytes);
    } catch (const Error& e) {
        std::string all;
        for (const auto& d : e.diagnostics()) all += d.to_string() + "\n";
        return all;
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_hostile)

BOOST_AUTO_TEST_CASE(not_a_zip) {
    const auto e = error_of("это не документ");
    BOOST_TEST(!e.empty());
    BOOST_TEST(contains(e, "тест.docx"), e);
    BOOST_TEST(error_of("").size() > 0u);
}

BOOST_AUTO_TEST_CASE(truncated_package) {
    const std::string full = docx(para("Текст документа"));
    for (std::size_t cut : {full.size() / 2, full.size() - 10, std::size_t{30}}) {
        const auto e = error_of(full.substr(0, cut));
        BOOST_TEST(!e.empty(), "cut at " << cut);
    }
}

BOOST_AUTO_TEST_CASE(package_without_the_main_part) {
    const auto e = error_of(docx_test::make_zip(std::map<std::string, std::string>{{"word/styles.xml", "<x/>"}}));
    BOOST_TEST(contains(e, "word/document.xml"), e);
    BOOST_TEST(contains(e, "ожидается"), e);
}

BOOST_AUTO_TEST_CASE(malformed_and_wrong_main_part) {
    auto bytes = docx_test::make_zip(std::map<std::string, std::string>{{"word/document.xml", "<w:document><w:body>"}});
    BOOST_TEST(contains(error_of(bytes), "word/document.xml"));
    bytes = docx_test::make_zip(std::map<std::string, std::string>{{"word/document.xml", "<html/>"}});
    const auto e = error_of(bytes);
    BOOST_TEST(contains(e, "w:body"), e);
    // A DOCTYPE (entity bombs, XXE) is refused by the shared part reader.
    bytes = docx_test::make_zip(std::map<std::string, std::string>{
        {"word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>"}});
    BOOST_TEST(!error_of(bytes).empty());
}

BOOST_AUTO_TEST_CASE(xml_limits_are_refused_in_russian_naming_the_part) {
    // The reader's own tree builder (pdf/xml_tree.cpp) keeps libxml2's limits and messages.
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<w:sdt><w:sdtContent>";
    deep += para("текст");
    for (int i = 0; i < 300; ++i) deep += "</w:sdtContent></w:sdt>";
    auto e = error_of(docx(deep));
    BOOST_TEST(contains(e, "повреждённый XML (элементы XML вложены глубже 256 уровней"), e);
    BOOST_TEST(contains(e, "word/document.xml"), e);
    e = error_of(docx(para(std::string(11u << 20, 'a'))));
    BOOST_TEST(contains(e, "повреждённый XML (текст одного элемента длиннее 10 МБ)"), e);
    BOOST_TEST(contains(e, "word/document.xml"), e);
    e = error_of(docx(para("&nbsp;")));  // no DTD: only the predefined entities exist
    BOOST_TEST(contains(e, "повреждённый XML"), e);
    BOOST_TEST(contains(e, "строка"), e);
}

BOOST_AUTO_TEST_CASE(tables_nested_too_deep) {
    std::string body = para("дно");
    for (int i = 0; i < 20; ++i) {
        body = "<w:tbl><w:tblGrid><w:gridCol w:w=\"5000\"/></w:tblGrid><w:tr><w:tc>" + body + "</w:tc></w:tr></w:tbl>";
    }
    const auto e = error_of(docx(body));
    BOOST_TEST(contains(e, "вложены"), e);
}

BOOST_AUTO_TEST_CASE(absurd_values_are_clamped) {
    const auto r = pdf_test::render(docx(para("Огромный шрифт", "<w:ind w:left=\"-99999999\" w:firstLine=\"99999999\"/>"
                                                                  "<w:spacing w:line=\"-5\" w:lineRule=\"exact\"/>",
                                              "<w:sz w:val=\"999999999\"/>"),
                                         {}, "<w:sectPr><w:pgSz w:w=\"1\" w:h=\"99999999999\"/><w:pgMar w:left=\"999999\" w:right=\"999999\"/></w:sectPr>"));
    BOOST_TEST(r.pages >= 1);
}

BOOST_AUTO_TEST_CASE(list_ids_outside_the_range_of_int_are_ignored) {
    // Found by fuzz_docx_render (tests/fuzz/docx_render/numbering-id-out-of-int-range.docx): a
    // w:numId of -4294967296 was cast to int, which is undefined behaviour (UBSan reports it on
    // that input, kept for the fuzz regression run). g++ on x86 gives INT_MIN, which names no
    // list; a compiler that wrapped it round would make 4294967297 name list 1. It names none.
    const std::string numbering =
        "<?xml version=\"1.0\"?><w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
        "<w:lvlText w:val=\"%1)\"/></w:lvl></w:abstractNum>"
        "<w:num w:numId=\"4294967297\"><w:abstractNumId w:val=\"0\"/>"
        "<w:lvlOverride w:ilvl=\"1e300\"><w:startOverride w:val=\"1e300\"/></w:lvlOverride></w:num>"
        "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"99999999999\"/></w:num>"
        "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
    const std::string rel =
        "<Relationship Id=\"rN\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
        "Target=\"numbering.xml\"/>";
    auto item = [](const std::string& text, const std::string& id, const std::string& level) {
        return para(text, "<w:numPr><w:ilvl w:val=\"" + level + "\"/><w:numId w:val=\"" + id + "\"/></w:numPr>");
    };
    const auto r = pdf_test::render(docx(item("Первый", "4294967297", "0") + item("Второй", "3", "0") +
                                             item("Третий", "2", "0") + item("Четвёртый", "2", "0"),
                                         {{"word/numbering.xml", docx_test::ZipEntry{numbering}}}, "<w:sectPr/>", rel));
    const std::string text = pdf_test::page_text(r.pdf, 1);
    BOOST_TEST(contains(text, "Первый Второй"), text);  // no list, no number
    BOOST_TEST(contains(text, "1) Третий 2) Четвёртый"), text);  // the list next to them is whole
}

BOOST_AUTO_TEST_CASE(a_very_long_paragraph_and_a_long_table_finish_in_bounded_time) {
    const auto start = std::chrono::steady_clock::now();
    // 1 MB of text in one paragraph, without a single space: cut into lines.
    const auto r1 = pdf_test::render(docx(para(std::string(1 << 20, 'x'))));
    BOOST_TEST(r1.pages > 10);
    // 5 000 rows; the 100 000-row case is in bench/ (it takes seconds in a Debug build).
    std::string rows;
    for (int i = 0; i < 5000; ++i) rows += "<w:tr><w:tc><w:p><w:r><w:t>" + std::to_string(i) + "</w:t></w:r></w:p></w:tc></w:tr>";
    const auto r2 = pdf_test::render(docx("<w:tbl><w:tblGrid><w:gridCol w:w=\"3000\"/></w:tblGrid>" + rows + "</w:tbl>"));
    BOOST_TEST(r2.pages > 50);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST(seconds < 60.0);
}

/// The offsets of every local file header of a zip (in the order they are stored).
std::vector<std::size_t> local_headers(const std::string& zip) {
    std::vector<std::size_t> at;
    for (std::size_t p = 0; (p = zip.find(std::string("PK\x03\x04", 4), p)) != std::string::npos; p += 4) at.push_back(p);
    return at;
}

BOOST_AUTO_TEST_CASE(local_headers_may_differ_in_fields_readers_ignore) {
    // Files saved by some tools carry another time stamp (and "version needed") in the local
    // header than in the central directory: Word, LibreOffice and unzip open them; so do we.
    std::string bytes = docx(para("Время в заголовке другое"));
    for (std::size_t at : local_headers(bytes)) {
        bytes[at + 4] = 20;           // version needed to extract
        bytes[at + 10] ^= 0x5A;       // modification time
        bytes[at + 12] ^= 0x21;       // modification date
    }
    const auto r = pdf_test::render(bytes);
    BOOST_TEST(r.pages == 1);
    if (pdf_test::have("pdftotext")) BOOST_TEST(contains(pdf_test::page_text(r.pdf, 1), "Время в заголовке другое"));
}

BOOST_AUTO_TEST_CASE(a_part_whose_checksum_does_not_match_is_refused) {
    // Parts are inflated at once by libdeflate and checked against the directory's CRC-32; one
    // that does not match is read by libzip as before, which names the damage.
    std::string bytes = docx(para(std::string(2000, 'x') + " конец"));
    const std::string name = "word/document.xml";
    bool found = false;
    for (std::size_t p = 0; (p = bytes.find(std::string("PK\x01\x02", 4), p)) != std::string::npos; p += 4) {
        const std::size_t name_length = static_cast<unsigned char>(bytes[p + 28]) | static_cast<unsigned char>(bytes[p + 29]) << 8;
        if (bytes.compare(p + 46, name_length, name) != 0) continue;
        bytes[p + 16] ^= 0x01;  // the central directory's CRC-32
        found = true;
    }
    BOOST_REQUIRE(found);
    const auto e = error_of(bytes);
    BOOST_TEST(contains(e, "word/document.xml"), e);
    BOOST_TEST(contains(e, "повреждена"), e);
}

BOOST_AUTO_TEST_CASE(local_headers_that_change_what_is_read_are_refused) {
    const std::string good = docx(para("Текст"));
    const auto headers = local_headers(good);
    BOOST_REQUIRE(!headers.empty());
    // Another compression method, another size, another name in the local header: a reader
    // that walks local headers would read something else than one that reads the directory.
    std::string method = good, size = good, name = good;
    method[headers[0] + 8] = static_cast<char>(method[headers[0] + 8] == 8 ? 0 : 8);
    size[headers[0] + 18] ^= 0x01;
    name[headers[0] + 30] ^= 0x01;
    for (const auto& bytes : {method, size, name}) {
        const auto e = error_of(bytes);
        BOOST_TEST(contains(e, "тест.docx"), e);
        BOOST_TEST(contains(e, "ZIP"), e);
    }
}

BOOST_AUTO_TEST_CASE(page_limit_is_an_error_not_an_endless_pdf) {
    std::string body;
    for (int i = 0; i < nastavnik::pdf::RenderLimits::max_pages + 5; ++i) body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    const auto e = error_of(docx(body));
    BOOST_TEST(contains(e, "страниц"), e);
}

BOOST_AUTO_TEST_CASE(a_lower_page_limit_is_kept_and_the_default_one_is_the_ceiling) {
    std::string body;
    for (int i = 0; i < 12; ++i) body += "<w:p><w:r><w:t>с</w:t><w:br w:type=\"page\"/></w:r></w:p>";
    const auto bytes = docx(body);
    nastavnik::pdf::RenderOptions options;
    options.file_name = "тест.docx";
    BOOST_TEST(nastavnik::pdf::render_docx(bytes, options).pages == 13);
    options.max_pages = 13;
    BOOST_TEST(nastavnik::pdf::render_docx(bytes, options).pages == 13);
    options.max_pages = 12;
    try {
        (void)nastavnik::pdf::render_docx(bytes, options);
        BOOST_FAIL("13 pages rendered under a limit of 12");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(contains(e.what(), "документ длиннее 12 страниц"), e.what());
    }
    // A caller cannot raise the limit past the one that protects the machine.
    std::string many;
    for (int i = 0; i < nastavnik::pdf::RenderLimits::max_pages + 5; ++i) many += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
    options.max_pages = 1'000'000;
    try {
        (void)nastavnik::pdf::render_docx(docx(many), options);
        BOOST_FAIL("more pages than RenderLimits::max_pages rendered");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(contains(e.what(), "документ длиннее 3000 страниц"), e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(pdf_damaged)

BOOST_AUTO_TEST_CASE(an_unterminated_field_does_not_hide_the_rest) {
    const std::string body = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>" +
                             para("Текст после поля");
    const auto r = pdf_test::render(docx(body));
    BOOST_TEST(!r.warnings.empty());
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(contains(pdf_test::page_text(r.pdf, 1), "Текст после поля"));
}

BOOST_AUTO_TEST_CASE(missing_styles_numbering_and_header_parts) {
    // Relationships to parts that are not in the package: shown with defaults, warned.
    const std::string rels =
        "<Relationship Id=\"rS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        "<Relationship Id=\"rH\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>";
    const auto r = pdf_test::render(docx(para("Текст", "<w:pStyle w:val=\"Нет\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"7\"/></w:numPr>"), {},
                                         "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rH\"/></w:sectPr>", rels));
    BOOST_TEST(r.pages == 1);
    BOOST_TEST(!r.warnings.empty());
}

BOOST_AUTO_TEST_SUITE_END()
