// What a person is told about a workbook: every problem at once, each at its sheet, cell and
// column title, in Russian; references that point nowhere say where the list is; warnings for
// what the program does not read; the findings of `check` at cells.

#include "workbook_fixture.hpp"

#include "nastavnik/data/data_tree.hpp"

#include <boost/test/unit_test.hpp>

using namespace wb_test;

namespace {

const std::string staff_header = row(1, is("A1", "Фамилия") + is("B1", "Имя") + is("C1", "Отчество") + is("D1", "Дата рождения") +
                                            is("E1", "Пол") + is("F1", "Должность"));

std::string person(int r, const std::string& surname, const std::string& name, const std::string& patronymic,
                   const std::string& birth, const std::string& gender, const std::string& position) {
    const std::string n = std::to_string(r);
    std::string cells = is("A" + n, surname) + is("B" + n, name) + is("C" + n, patronymic);
    if (!birth.empty()) cells += is("D" + n, birth);
    return row(r, cells + is("E" + n, gender) + is("F" + n, position));
}

std::vector<std::string> messages(const std::string& bytes, const std::string& name = "школа.xlsx") {
    try {
        const auto r = wb::read_workbook(bytes, name);
        nastavnik::data::DataTree::from_json(r.root, name, r.layout->format, r.places);
    } catch (const nastavnik::Error& e) {
        std::vector<std::string> out;
        for (const auto& d : e.diagnostics()) out.push_back(d.to_string());
        return out;
    }
    return {};
}

bool has(const std::vector<std::string>& all, const std::string& what) {
    for (const auto& m : all) {
        if (m == what) return true;
    }
    return false;
}

std::string listed(const std::vector<std::string>& all) {
    std::string s;
    for (const auto& m : all) s += m + "\n";
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_errors)

BOOST_AUTO_TEST_CASE(an_impossible_date_is_named_by_sheet_cell_and_column) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "12.05.1975", "ж", "директор") +
                             person(7, "Петрова", "Анна", "Сергеевна", "31.02.1980", "ж", "учитель");
    const auto all = messages(make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}}));
    BOOST_TEST(all.size() == 1u, listed(all));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка D7 («Дата рождения»): такой даты нет: 31.02.1980"), listed(all));
}

// A workbook rejected for a cell still names its organisation (reader H, F3): the municipal order
// names it «МБОУ «Школа № 1»», not a numbered row of the list.
BOOST_AUTO_TEST_CASE(a_rejected_workbook_still_gives_the_cells_that_read) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "31.02.1980", "ж", "директор");
    const auto file = scratch("отклонённая.xlsx");
    nastavnik::write_file_atomic(file, make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}}));
    BOOST_REQUIRE_THROW(wb::read_workbook_file(file), nastavnik::Error);
    const auto read = wb::read_workbook_leniently(file, nastavnik::data::organisation_file_format());
    BOOST_REQUIRE(read.has_value());
    const auto* organisation = read->find("organisation");
    BOOST_REQUIRE(organisation != nullptr);
    BOOST_REQUIRE(organisation->find("short_name") != nullptr);
    BOOST_TEST(organisation->find("short_name")->scalar == "МБОУ «Школа № 1»");
    nastavnik::write_file_atomic(file, "not a zip");
    BOOST_TEST(!wb::read_workbook_leniently(file, nastavnik::data::organisation_file_format()).has_value());
}

// «нет» for a whole object (no labour agreement) and something written about it beside: the
// cell is named, nothing is silently dropped; yes/no is «да» or «нет».
BOOST_AUTO_TEST_CASE(none_and_a_value_beside_it_and_yes_no) {
    const std::string staff = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "12.05.1975", "ж", "директор");
    const std::string mentors = row(1, is("A1", "Наставник") + is("B1", "Дата доп. соглашения о наставничестве") +
                                           is("C1", "Номер доп. соглашения") + is("D1", "Сведения о наставнике на сайте")) +
                                row(2, is("A2", "Иванова И.И.") + is("B2", "нет") + is("C2", "ДС-9") + is("D2", "может быть"));
    const auto all = messages(make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", staff, ""}, {"Наставники", mentors, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Наставники», ячейка C2 («Номер доп. соглашения»): ячейка заполнена, а левее в строке "
                        "стоит «нет» — этих сведений нет"), listed(all));
    BOOST_TEST(has(all, "школа.xlsx: лист «Наставники», ячейка D2 («Сведения о наставнике на сайте»): ожидается «да» или «нет», "
                        "в ячейке «может быть»"), listed(all));
}

BOOST_AUTO_TEST_CASE(every_problem_at_once) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "12.05.1975", "ж", "директор") +
                             person(3, "Петрова", "Анна", "", "вчера", "женский", "учитель") +
                             row(4, is("A4", "Сидорова") + is("E4", "ж") + is("F4", "учитель"));
    const std::string pairs = row(1, is("A1", "Наставник") + is("B1", "Наставляемый") + is("C1", "Форма наставничества")) +
                              row(2, is("A2", "Иванова И.И.") + is("B2", "Смирнова А.А.") + is("C2", "педагог – педагог"));
    const auto all = messages(make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}, {"Пары", pairs, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка D3 («Дата рождения»): ожидается дата в виде ДД.ММ.ГГГГ, в ячейке «вчера»"), listed(all));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка E3 («Пол»): недопустимое значение «женский»; выберите из списка: «м», «ж»"), listed(all));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка B4 («Имя»): не заполнена обязательная ячейка"), listed(all));
    // A reference that points nowhere says where the list it should come from is.
    BOOST_TEST(has(all, "школа.xlsx: лист «Пары», ячейка B2 («Наставляемый»): нет сотрудника «Смирнова А.А.» на листе «Сотрудники» "
                        "— выберите из списка"), listed(all));
    BOOST_TEST(all.size() == 4u, listed(all));
}

BOOST_AUTO_TEST_CASE(namesakes_are_told_apart_by_full_name_or_code) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "", "ж", "директор") +
                             person(3, "Иванова", "Инна", "Игоревна", "", "ж", "учитель") +
                             person(4, "Петрова", "Анна", "Сергеевна", "", "ж", "учитель");
    const std::string pairs = row(1, is("A1", "Наставник") + is("B1", "Наставляемый") + is("C1", "Форма наставничества")) +
                              row(2, is("A2", "Иванова  Инна Игоревна") + is("B2", "петрова а. с.") + is("C2", "педагог – педагог"));
    // «Иванова И.И.» as the head names both.
    auto all = messages(make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}, {"Пары", pairs, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Организация», ячейка B7 («Руководитель»): «Иванова И.И.» — так на листе «Сотрудники» "
                        "названы несколько строк (2, 3); укажите полное имя или код из столбца «Код»"), listed(all));
    BOOST_TEST(all.size() == 1u, listed(all));
    // The full name resolves; spaces, letter case and «ё» do not count.
    const auto r = wb::read_workbook(make_xlsx({{"Организация", organisation_form("Иванова Ирина Ивановна"), ""},
                                                {"Сотрудники", rows, ""},
                                                {"Пары", pairs, ""}}),
                                     "школа.xlsx");
    const auto* pair = &r.root.find("pairs")->items.at(0);
    BOOST_TEST(pair->find("mentor")->scalar == "staff-3");  // generated codes: the sheet's name of ids and the row
    BOOST_TEST(pair->find("mentee")->scalar == "staff-4");
    BOOST_TEST(pair->find("id")->scalar == "pairs-2");
    BOOST_TEST(r.root.find("organisation")->find("head")->scalar == "staff-2");
}

BOOST_AUTO_TEST_CASE(a_code_given_twice_names_both_cells) {
    const std::string rows = row(1, is("A1", "Фамилия") + is("B1", "Имя") + is("C1", "Пол") + is("D1", "Должность") + is("E1", "Код сотрудника")) +
                             row(2, is("A2", "Иванова") + is("B2", "Ирина") + is("C2", "ж") + is("D2", "директор") + is("E2", "t1")) +
                             row(3, is("A3", "Петрова") + is("B3", "Анна") + is("C3", "ж") + is("D3", "учитель") + is("E3", "t1"));
    const auto all = messages(make_xlsx({{"Организация", organisation_form("Иванова И."), ""}, {"Сотрудники", rows, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка E3 («Код сотрудника»): код «t1» уже есть: лист «Сотрудники», ячейка E2 "
                        "(«Код сотрудника») — код не повторяется в книге"), listed(all));
    BOOST_TEST(all.size() == 1u, listed(all));
}

BOOST_AUTO_TEST_CASE(a_formula_or_an_error_where_a_value_is_expected) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "", "ж", "директор") +
                             row(3, is("A3", "Петрова") + is("B3", "Анна") + "<c r=\"D3\"><f>TODAY()-9000</f><v>37000</v></c>" +
                                        is("E3", "ж") + "<c r=\"F3\" t=\"e\"><v>#N/A</v></c>");
    const auto all = messages(make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка D3 («Дата рождения»): в ячейке формула (её значение «37000») — "
                        "программа формулы не вычисляет; введите значение (Специальная вставка → значения)"), listed(all));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники», ячейка F3 («Должность»): в ячейке ошибка «#N/A» — введите значение"), listed(all));
    BOOST_TEST(all.size() == 2u, listed(all));
}

BOOST_AUTO_TEST_CASE(missing_sheets_columns_and_rows) {
    auto all = messages(make_xlsx({{"Сотрудники", staff_header, ""}, {"Организация", organisation_form(), ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники»: на листе нет ни одной строки с данными — нужна хотя бы одна"), listed(all));
    const std::string no_gender = row(1, is("A1", "Фамилия") + is("B1", "Имя") + is("C1", "Должность")) +
                                  row(2, is("A2", "Иванова") + is("B2", "Ирина") + is("C2", "директор"));
    all = messages(make_xlsx({{"Организация", organisation_form("Иванова И."), ""}, {"Сотрудники", no_gender, ""}}));
    BOOST_TEST(has(all, "школа.xlsx: лист «Сотрудники»: нет столбца «Пол» — он обязателен"), listed(all));
    all = messages(make_xlsx({{"Организация", organisation_form(), ""}}));
    BOOST_TEST(has(all, "школа.xlsx: в книге нет листа «Сотрудники» — он обязателен"), listed(all));
    all = messages(make_xlsx({{"Лист1", "", ""}}));
    BOOST_TEST(all.size() == 1u);
    BOOST_TEST(all.front().find("в книге нет листа «Организация» (книга организации) или «Муниципалитет»") != std::string::npos, all.front());
}

BOOST_AUTO_TEST_CASE(what_is_not_read_is_warned_about) {
    const std::string rows = row(1, is("A1", "Фамилия") + is("B1", "Имя") + is("C1", "Табельный номер") + is("D1", "Пол") +
                                        is("E1", "Должность")) +
                             row(2, is("A2", "Иванова") + is("B2", "Ирина") + is("C2", "17") + is("D2", "ж") + is("E2", "директор") +
                                        is("G2", "заметка"));
    const auto r = wb::read_workbook(make_xlsx({{"Организация", organisation_form("Иванова И."), ""},
                                                {"Сотрудники", rows, ""},
                                                {"Расчёты", row(1, is("A1", "x")), "hidden"}}),
                                     "школа.xlsx");
    std::vector<std::string> warnings;
    for (const auto& w : r.warnings) warnings.push_back(w.to_string());
    BOOST_TEST(has(warnings, "школа.xlsx: лист «Сотрудники», столбец C («Табельный номер»): такого столбца программа не знает — его данные не читаются"),
               listed(warnings));
    BOOST_TEST(has(warnings, "школа.xlsx: лист «Сотрудники», ячейка G2: данные в столбце без заголовка — они не читаются"), listed(warnings));
    BOOST_TEST(has(warnings, "школа.xlsx: лист «Расчёты»: лист не используется программой: такого листа в книге организации нет — "
                             "его данные не читаются"),
               listed(warnings));
    BOOST_TEST(warnings.size() == 3u, listed(warnings));
}

BOOST_AUTO_TEST_CASE(cli_check_and_generate_take_a_workbook) {
    const auto xlsx = export_json("samples/lastochka.json", scratch("lastochka.xlsx"));
    const auto as_json = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", "2023-11-01"});
    const auto as_xlsx = e2e::nastavnik({"check", xlsx.string(), "--as-of", "2023-11-01"});
    BOOST_TEST(as_xlsx.exit_code == as_json.exit_code);
    BOOST_TEST(as_xlsx.err == "");
    // The same findings, each pointing at a row or a cell instead of a JSON line (on the last
    // line of the item, after the words naming the programme).
    BOOST_TEST(as_xlsx.out.find("Программа наставника Н.В.\u00A0Сорокиной и наставляемой А.О.\u00A0Смирновой (04.09.2023 – "
                                "31.10.2024) рассчитана на") != std::string::npos, as_xlsx.out);
    BOOST_TEST(as_xlsx.out.find("     В данных: лист «Пары», строка 3; правило FED-PRG-02\n") != std::string::npos, as_xlsx.out);
    BOOST_TEST(as_xlsx.out.find("pairs[") == std::string::npos, as_xlsx.out);
    const auto count = [](const std::string& s, const std::string& what) {
        std::size_t n = 0;
        for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
        return n;
    };
    BOOST_TEST(count(as_xlsx.out, "     В данных: ") == count(as_json.out, "     В данных: "));
    BOOST_TEST(count(as_xlsx.out, "     В данных: ") > 2u);
    const auto json_report = e2e::nastavnik({"check", xlsx.string(), "--as-of", "2023-11-01", "--format", "json"});
    BOOST_TEST(json_report.out.find("\"place\": \"лист «Пары», строка 3\"") != std::string::npos, json_report.out);

    // generate: the same documents, byte for byte, from the workbook as from the JSON.
    const auto a = fresh_dir("gen-json"), b = fresh_dir("gen-xlsx");
    BOOST_REQUIRE(e2e::nastavnik({"generate", "samples/barnaul-gymnasium-compliant.json", "--as-of", "2026-11-22", "--out",
                                  a.string(), "--format", "docx"}).exit_code == 0);
    const auto gx = export_json("samples/barnaul-gymnasium-compliant.json", scratch("gymnasium.xlsx"));
    const auto run = e2e::nastavnik({"generate", gx.string(), "--as-of", "2026-11-22", "--out", b.string(), "--format", "docx"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(a)) {
        ++files;
        BOOST_TEST(e2e::slurp(e.path()) == e2e::slurp(b / e.path().filename()), e.path().filename());
    }
    BOOST_TEST(files > 10u);
}

BOOST_AUTO_TEST_CASE(cli_reports_a_bad_cell_once_and_exits_2) {
    const std::string rows = staff_header + person(2, "Иванова", "Ирина", "Ивановна", "12.05.1975", "ж", "директор") +
                             person(7, "Петрова", "Анна", "Сергеевна", "31.02.1980", "ж", "учитель");
    const auto file = scratch("bad-date.xlsx");
    nastavnik::write_file_atomic(file, make_xlsx({{"Организация", organisation_form(), ""}, {"Сотрудники", rows, ""}}));
    const auto run = e2e::nastavnik({"check", file.string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err == "nastavnik: ошибка: " + file.string() + ": лист «Сотрудники», ячейка D7 («Дата рождения»): такой даты нет: 31.02.1980\n");
}

BOOST_AUTO_TEST_SUITE_END()
