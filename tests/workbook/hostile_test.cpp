// Hostile and broken workbooks get a clear error within the documented limits (Limits in
// workbook.hpp, docs/ru/workbook.md): never a crash, a hang, a read of a network entity or
// memory that grows with the file.

#include "workbook_fixture.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/resource.h>

#include <map>

using namespace wb_test;

namespace {

std::string error_of(const std::string& bytes, const std::string& name = "книга.xlsx") {
    try {
        wb::read_workbook(bytes, name);
    } catch (const nastavnik::Error& e) {
        return e.what();
    }
    return "";
}

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

long peak_rss_kb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// A sheet of `rows` rows, each a short text cell, generated while it is zipped (not kept whole
// twice).
std::string rows_xml(std::size_t rows) {
    std::string s;
    s.reserve(rows * 40);
    for (std::size_t r = 1; r <= rows; ++r) s += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) + "\"><v>1</v></c></row>";
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_hostile)

BOOST_AUTO_TEST_CASE(not_a_workbook) {
    BOOST_TEST(error_of("") == "книга.xlsx: файл пуст — это не книга Excel (.xlsx)");
    BOOST_TEST(error_of("{\"format\": 1}") == "книга.xlsx: файл не является книгой Excel (.xlsx): это не ZIP-архив");
    BOOST_TEST(contains(error_of(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'), "old.xls"),
                        "это книга старого формата Excel 97–2003 (.xls) или книга, защищённая паролем"));
    const std::string ods = docx_test::make_zip(std::map<std::string, std::string>{
        {"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
    BOOST_TEST(contains(error_of(ods), "это таблица OpenDocument (.ods); сохраните её как «Книга Excel (.xlsx)»"));
    BOOST_TEST(contains(error_of(docx_test::make_docx("<w:p/>")), "это документ Word, а не книга Excel"));
    std::string truncated = make_xlsx({{"Организация", organisation_form(), ""}});
    truncated.resize(truncated.size() / 2);
    BOOST_TEST(contains(error_of(truncated), "ZIP-архив"));
}

BOOST_AUTO_TEST_CASE(doctype_and_entities_are_refused) {
    // XXE: an external entity in a sheet; a billion laughs in the shared strings.
    const std::string xxe = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>";
    auto bytes = make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", "", ""}}, "", false,
                           {{"xl/worksheets/sheet2.xml", xxe}});
    BOOST_TEST(error_of(bytes) == "книга.xlsx: лист «Сотрудники»: в XML есть объявление DOCTYPE — такие файлы не читаются "
                                  "(защита от внешних сущностей)");
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                               "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&b;</t></si></sst>";
    // (The table of shared strings is read when a cell uses it.)
    bytes = make_xlsx({{"Организация", organisation_form() + row(20, is("A20", "Адрес") + "<c r=\"B20\" t=\"s\"><v>0</v></c>"), ""}},
                      "<si><t>x</t></si>", false, {{"xl/sharedStrings.xml", laughs}});
    BOOST_TEST(contains(error_of(bytes), "в XML есть объявление DOCTYPE"));
}

BOOST_AUTO_TEST_CASE(a_zip_bomb_meets_the_part_limit_with_flat_memory) {
    // 140 MB inflate from 0.1 MB: a real header, then rows that are all empty cells — no row
    // has a value, so only the size of the inflated part stops the reader.
    std::string sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
                        row(1, is("A1", "Фамилия"));
    const std::string empty_rows = [] {
        std::string s;
        for (int i = 0; i < 4096; ++i) s += "<row><c s=\"1\"/></row>";
        return s;
    }();
    while (sheet.size() < (140u << 20)) sheet += empty_rows;
    sheet += "</sheetData></worksheet>";
    const auto bytes = make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", "", ""}}, "", false,
                                 {{"xl/worksheets/sheet2.xml", sheet}});
    sheet.clear();
    sheet.shrink_to_fit();
    BOOST_TEST(bytes.size() < (1u << 20));
    const long before = peak_rss_kb();
    BOOST_TEST(error_of(bytes) == "книга.xlsx: лист «Сотрудники»: слишком велика после распаковки (допускается не более 128 МиБ "
                                  "на часть и 256 МиБ на книгу) — возможно, это «ZIP-бомба»");
    BOOST_TEST(peak_rss_kb() - before < 64 * 1024, "memory grew by " << (peak_rss_kb() - before) << " KB");
}

BOOST_AUTO_TEST_CASE(a_million_rows_stop_at_the_row_limit) {
    std::string rows = row(1, is("A1", "Фамилия") + is("B1", "Имя"));
    rows += rows_xml(1000000).substr(std::string("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>").size());
    const auto bytes = make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}});
    rows.clear();
    rows.shrink_to_fit();
    BOOST_TEST(error_of(bytes) == "книга.xlsx: лист «Сотрудники»: больше 20000 строк с данными — столько в книге организации не "
                                  "бывает; проверьте, тот ли это файл");
}

BOOST_AUTO_TEST_CASE(a_ten_megabyte_cell) {
    const std::string big(10u << 20, 'x');
    // Inline, in the sheet itself.
    auto bytes = make_xlsx({{"Организация", organisation_form() + row(20, is("A20", "Адрес") + is("B20", big)), ""}});
    auto e = error_of(bytes);
    BOOST_TEST(e == "книга.xlsx: лист «Организация», ячейка B20: текст длиннее 32767 знаков (предел Excel)");
    // In the shared strings, as Excel stores text: the cell that uses it is named.
    bytes = make_xlsx({{"Организация", organisation_form() + row(20, is("A20", "Адрес") + "<c r=\"B20\" t=\"s\"><v>0</v></c>"), ""}},
                      "<si><t>" + std::string(5u << 20, 'y') + "</t></si>");
    e = error_of(bytes);
    BOOST_TEST(e == "книга.xlsx: лист «Организация», ячейка B20: текст длиннее 32767 знаков (предел Excel)");
    bytes = make_xlsx({{"Организация", organisation_form() + row(20, is("A20", "Адрес") + "<c r=\"B20\" t=\"s\"><v>0</v></c>"), ""}},
                      "<si><t>" + big + "</t></si>");
    e = error_of(bytes);
    BOOST_TEST(e == "книга.xlsx: общие строки книги (xl/sharedStrings.xml): текст длиннее 32767 знаков (предел Excel)");
}

BOOST_AUTO_TEST_CASE(broken_structure) {
    BOOST_TEST(contains(error_of(make_xlsx({{"Организация", row(1, "<c r=\"1A\"><v>1</v></c>"), ""}})),
                        "лист «Организация»: неверный адрес ячейки «1A»"));
    BOOST_TEST(contains(error_of(make_xlsx({{"Организация", row(1, "<c r=\"A1\" t=\"s\"><v>7</v></c>"), ""}})),
                        "лист «Организация», ячейка A1: ссылка на несуществующую строку общей таблицы"));
    BOOST_TEST(contains(error_of(make_xlsx({{"Организация", row(1, "<c r=\"A1\"><v>abc</v></c>"), ""}})),
                        "в числовой ячейке не число «abc»"));
    BOOST_TEST(contains(error_of(make_xlsx({{"Организация", "<row r=\"1\"><c r=\"A1\">", ""}})), "лист «Организация»: повреждённый XML"));
    // A part name leaving the package; a sheet whose part is missing.
    BOOST_TEST(contains(error_of(docx_test::make_zip(std::map<std::string, std::string>{{"../evil.xml", "x"}})), "выход за пределы пакета"));
    auto bytes = make_xlsx({{"Организация", organisation_form(), ""}}, "", false, {{"xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"}});
    BOOST_TEST(error_of(bytes) == "книга.xlsx: лист «Организация»: в архиве книги нет его части");
}

BOOST_AUTO_TEST_SUITE_END()
