// Workbooks as people make them: re-saved by LibreOffice Calc, written by a script with
// openpyxl (dates as dates and as typed text, numbers as text, stray spaces, empty and hidden
// rows, a hidden sheet, merged two-row headers, the 1904 date system), and SpreadsheetML that
// Excel writes and our writer never does (rich text runs, phonetic runs, _xHHHH_ escapes,
// rows and cells without addresses).

#include "workbook_fixture.hpp"

#include "nastavnik/data/data_tree.hpp"

#include <boost/test/unit_test.hpp>

using namespace wb_test;
namespace input = nastavnik::input;

namespace {

const input::JsonValue& at(const input::JsonValue& v, std::initializer_list<const char*> keys) {
    const input::JsonValue* node = &v;
    for (const char* k : keys) {
        node = node->find(k);
        BOOST_REQUIRE_MESSAGE(node != nullptr, std::string("no ") + k);
    }
    return *node;
}

std::string field(const input::JsonValue& item, const char* key) {
    const auto* v = item.find(key);
    return v ? v->scalar : "<absent>";
}

// A kindergarten as a script or a person would lay it out. argv: output, epoch (1900 | 1904).
const char* const openpyxl_script = R"PY(
import datetime, sys
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

out, epoch = sys.argv[1], sys.argv[2]
wb = openpyxl.Workbook()
if epoch == "1904":
    wb.epoch = CALENDAR_MAC_1904
org = wb.active
org.title = "Организация"
for r in [("Сведения", "Значение"),
          ("Полное наименование", "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5»\u00a0"),
          ("Сокращённое наименование", "  МБДОУ «Детский сад № 5»"),
          ("тип организации", "Дошкольная"),
          ("Субъект Российской Федерации", "Алтайский край"),
          ("Муниципальное образование", "Барнаул"),
          ("ИНН", 2224034567),
          ("Руководитель", "Рябова О. А."),
          (None, None),
          ("Куратор реализации программ наставничества", None),
          ("Куратор", "носкова в.а.")]:
    org.append(r)

staff = wb.create_sheet("Сотрудники")
staff["A1"] = "Фамилия"; staff.merge_cells("A1:A2")
staff["B1"] = "Имя"; staff.merge_cells("B1:B2")
staff["C1"] = "Отчество"; staff.merge_cells("C1:C2")
staff["D1"] = "Пол"; staff.merge_cells("D1:D2")
staff["E1"] = "Дата"; staff.merge_cells("E1:F1")
staff["E2"] = "рождения"; staff["F2"] = "приёма на работу"; staff["G1"] = "Начало педагогического стажа"; staff.merge_cells("G1:G2")
staff["H1"] = "Должность"; staff.merge_cells("H1:H2")
staff["I1"] = "Примечание"
def person(row, values):
    for col, v in zip("ABCDEFGH", values):
        staff[col + str(row)] = v
    for col in "EFG":
        if isinstance(staff[col + str(row)].value, datetime.datetime):
            staff[col + str(row)].number_format = "DD.MM.YYYY"
person(3, ["Рябова", "Оксана", "Анатольевна", "ж", datetime.datetime(1971, 3, 18), "25.08.2008", "1.9.93", "заведующий"])
person(5, ["  Носкова\u00a0", "Вера", "Александровна", "Ж", "15.07.1983", datetime.datetime(2009, 9, 1), "2006-09-01",
           "старший воспитатель "])
person(6, ["Савельева", "Кристина", "Олеговна", "ж", "03.06.2002", "27.08.2026", "27.08.26", "воспитатель"])
staff["I6"] = "принята по срочному договору"
staff.row_dimensions[6].hidden = True

mentors = wb.create_sheet("Наставники")
mentors.append(["Наставник", "Дата согласия наставника"])
mentors.append(["Носкова В.А.", datetime.datetime(2026, 8, 28)])
mentors["B2"].number_format = "DD.MM.YYYY"

pairs = wb.create_sheet("Пары")
pairs.append(["Наставник", "Наставляемый", "Форма наставничества", "Дата согласия наставляемого", "Начало программы",
              "Окончание программы", "Цели программы"])
pairs.append(["Носкова В.А.", "Савельева К.О.", "воспитатель – воспитатель", "нет", "01.09.2026", "31.05.2027",
              "освоить режимные моменты\nвыстроить работу с родителями"])

acts = wb.create_sheet("Документы")
acts.append(["Вид документа", "Дата", "Номер"])
acts.append(["приказ о назначении наставников", "26.08.2026", "67-од"])
acts.sheet_state = "hidden"

looks = wb.create_sheet("Оформление")
looks.append(["Сведения", "Значение"])
looks.append(["Размер шрифта, пт", "14"])

wb.save(out)
)PY";

void check_kindergarten(const wb::ReadResult& r, const std::string& what) {
    const auto& org = at(r.root, {"organisation"});
    BOOST_TEST(field(org, "full_name") == "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5»", what);
    BOOST_TEST(field(org, "short_name") == "МБДОУ «Детский сад № 5»", what);
    BOOST_TEST(field(org, "type") == "дошкольная", what);
    BOOST_TEST(field(org, "inn") == "2224034567", what);  // a number, read as the text it shows
    const auto& staff = at(r.root, {"staff"}).items;
    BOOST_REQUIRE_EQUAL(staff.size(), 3u);  // the empty row 4 is skipped, the hidden row 6 is read
    BOOST_TEST(field(staff[0], "birth_date") == "1971-03-18", what);
    BOOST_TEST(field(staff[0], "hire_date") == "2008-08-25", what);
    BOOST_TEST(field(staff[0], "pedagogical_experience_start") == "1993-09-01", what);
    BOOST_TEST(field(staff[1], "surname") == "Носкова", what);
    BOOST_TEST(field(staff[1], "gender") == "ж", what);
    BOOST_TEST(field(staff[1], "birth_date") == "1983-07-15", what);
    BOOST_TEST(field(staff[1], "hire_date") == "2009-09-01", what);
    BOOST_TEST(field(staff[1], "pedagogical_experience_start") == "2006-09-01", what);
    BOOST_TEST(field(staff[1], "position") == "старший воспитатель", what);
    BOOST_TEST(field(staff[2], "pedagogical_experience_start") == "2026-08-27", what);
    BOOST_TEST(field(staff[2], "id") == "staff-6", what);
    BOOST_TEST(field(org, "head") == "staff-3", what);
    BOOST_TEST(field(at(r.root, {"curator"}), "person") == "staff-5", what);
    const auto& pair = at(r.root, {"pairs"}).items.at(0);
    BOOST_TEST(field(pair, "mentee") == "staff-6", what);
    BOOST_TEST(pair.find("mentee_consent_date")->is(input::JsonValue::Kind::null), what);
    BOOST_TEST(at(pair, {"programme", "goals"}).items.size() == 2u, what);
    BOOST_TEST(field(at(r.root, {"mentors"}).items.at(0), "consent_date") == "2026-08-28", what);
    BOOST_TEST(field(at(r.root, {"acts"}).items.at(0), "number") == "67-од", what);  // the sheet is hidden
    BOOST_TEST(at(r.root, {"document_settings", "font_size"}).scalar == "14", what);
    BOOST_TEST(at(r.root, {"document_settings", "font_size"}).is(input::JsonValue::Kind::number), what);
    std::string warnings;
    for (const auto& w : r.warnings) warnings += w.to_string() + "\n";
    BOOST_TEST(warnings.find("столбец I («Примечание»): такого столбца программа не знает") != std::string::npos, warnings);
    BOOST_TEST(r.warnings.size() == 1u, warnings);
    BOOST_CHECK_NO_THROW(nastavnik::data::DataTree::from_json(r.root, what, r.layout->format, r.places));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_clients)

BOOST_AUTO_TEST_CASE(a_workbook_written_with_openpyxl_in_both_date_systems) {
    for (const char* epoch : {"1900", "1904"}) {
        const auto file = scratch(std::string("openpyxl-") + epoch + ".xlsx");
        const auto py = python(openpyxl_script, {file.string(), epoch});
        BOOST_REQUIRE_MESSAGE(py.exit_code == 0, "python3-openpyxl: " + py.out);
        if (std::string(epoch) == "1904") {
            const std::string workbook =
                python("import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml').decode())", {file.string()}).out;
            BOOST_TEST(workbook.find("date1904=\"1\"") != std::string::npos, "openpyxl wrote the 1904 system");
        }
        check_kindergarten(wb::read_workbook_file(file), file.string());
    }
}

BOOST_AUTO_TEST_CASE(libreoffice_resaves_our_workbook_and_it_reads_the_same) {
    for (const char* name : {"barnaul-gymnasium-compliant", "lastochka"}) {
        const auto json = std::filesystem::path("samples") / (std::string(name) + ".json");
        const auto ours = export_json(json, scratch(std::string(name) + ".xlsx"));
        const auto saved = resave_with_libreoffice(ours, std::string("lo-") + name);
        BOOST_TEST(e2e::slurp(saved) != e2e::slurp(ours));  // Calc wrote its own file
        const auto back = wb::read_workbook_file(saved);
        BOOST_TEST(input::first_difference(input::read_json_file(json), back.root) == "", name);
        BOOST_TEST(back.warnings.empty(), name);
    }
}

BOOST_AUTO_TEST_CASE(libreoffice_resaves_a_workbook_made_with_openpyxl) {
    const auto file = scratch("openpyxl-lo.xlsx");
    BOOST_REQUIRE(python(openpyxl_script, {file.string(), "1900"}).exit_code == 0);
    check_kindergarten(wb::read_workbook_file(resave_with_libreoffice(file, "lo-openpyxl")), "LibreOffice");
}

BOOST_AUTO_TEST_CASE(spreadsheetml_as_excel_writes_it) {
    // Shared strings with rich text runs and a phonetic run (not part of the value), an escaped
    // line break, a formula's cached string; rows and cells without addresses; dates as day
    // numbers in a built-in and in a custom date format; the 1904 date system.
    const std::string shared =
        "<si><t>Фамилия</t></si>"                                                            // 0
        "<si><r><rPr><b/></rPr><t>Ряб</t></r><r><t xml:space=\"preserve\">ова </t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>リャボワ</t></rPh></si>"                                   // 1
        "<si><t>Оксана</t></si>"                                                             // 2
        "<si><t>цель первая_x000D_\nцель вторая</t></si>"                                     // 3
        "<si><t>Имя</t></si><si><t>Пол</t></si><si><t>Дата рождения</t></si><si><t>Должность</t></si>";  // 4..7
    for (const bool date1904 : {false, true}) {
        // 18.03.1971: day 26010 from 30.12.1899, 24548 from 01.01.1904.
        const std::string birth = date1904 ? "24548" : "26010";
        const std::string rows =
            "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>4</v></c><c t=\"s\"><v>5</v></c><c t=\"s\"><v>6</v></c><c t=\"s\"><v>7</v></c></row>"
            "<row><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>" + is("C2", "ж") + num("D2", birth, 2) + is("E2", "заведующий") +
            "<c r=\"F2\" t=\"str\"><f>A2&amp;\"!\"</f><v>Рябова!</v></c></row>"
            "<row r=\"3\">" + is("A3", "Носкова") + is("B3", "Вера") + is("C3", "ж") + num("D3", date1904 ? "28685" : "30147", 1) +
            is("E3", "воспитатель") + "</row>";
        const std::string pairs = row(1, is("A1", "Наставник") + is("B1", "Наставляемый") + is("C1", "Форма наставничества") +
                                             is("D1", "Цели программы")) +
                                  row(2, is("A2", "Рябова О.") + is("B2", "Носкова В.") + is("C2", "педагог - педагог") +
                                             "<c r=\"D2\" t=\"s\"><v>3</v></c>");
        const auto bytes = make_xlsx({{"Организация", organisation_form("Рябова О."), ""}, {"Сотрудники", rows, ""}, {"Пары", pairs, ""}},
                                     shared, date1904);
        const auto r = wb::read_workbook(bytes, "excel.xlsx");
        const auto& staff = at(r.root, {"staff"}).items;
        BOOST_REQUIRE_EQUAL(staff.size(), 2u);
        BOOST_TEST(field(staff[0], "surname") == "Рябова");
        BOOST_TEST(field(staff[0], "birth_date") == "1971-03-18");
        BOOST_TEST(field(staff[1], "birth_date") == "1982-07-15");
        const auto& pair = at(r.root, {"pairs"}).items.at(0);
        BOOST_TEST(field(pair, "form") == "педагог - педагог");  // free text stays as typed
        const auto& goals = at(pair, {"programme", "goals"}).items;
        BOOST_REQUIRE_EQUAL(goals.size(), 2u);
        BOOST_TEST(goals[0].scalar == "цель первая");
        BOOST_TEST(goals[1].scalar == "цель вторая");
        // The formula in F2 stands under no header: warned, not read.
        BOOST_TEST(r.warnings.size() == 1u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
