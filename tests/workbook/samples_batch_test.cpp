// The sample workbooks hold the samples' data; `workbook new` writes what a school starts from;
// `batch` takes a municipality folder of workbooks and JSON files, and the municipality's own
// file as a workbook, with the same results as from JSON alone.

#include "workbook_fixture.hpp"

#include <boost/test/unit_test.hpp>

using namespace wb_test;
namespace input = nastavnik::input;

namespace {

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_samples_and_batch)

BOOST_AUTO_TEST_CASE(each_sample_workbook_holds_its_json) {
    for (const char* name : {"barnaul-gymnasium-compliant", "barnaul-school-42", "lastochka"}) {
        const auto xlsx = std::filesystem::path("samples") / (std::string(name) + ".xlsx");
        BOOST_REQUIRE_MESSAGE(std::filesystem::exists(xlsx), xlsx << " (nastavnik workbook export samples/" << name << ".json " << xlsx << ")");
        const auto r = wb::read_workbook_file(xlsx);
        BOOST_TEST(input::first_difference(input::read_json_file(std::filesystem::path("samples") / (std::string(name) + ".json")), r.root) == "",
                   name);
        BOOST_TEST(r.warnings.empty(), name);
    }
}

BOOST_AUTO_TEST_CASE(workbook_new_for_a_school_and_for_a_municipality) {
    const auto file = scratch("new-school.xlsx");
    std::filesystem::remove(file);
    auto run = e2e::nastavnik({"workbook", "new", file.string(), "--type", "дошкольная", "--region", "Алтайский край",
                               "--municipality", "Бийск"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    // The forms of mentoring offered are those of Бийск's order № 701 (its ruleset's model_forms).
    const auto lists = python("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n"
                              "print(wb.sheetnames)\nws = wb['Списки']\nprint(ws.sheet_state)\n"
                              "print('|'.join(str(c.value) for c in ws['B'] if c.value))\n"
                              "print(wb['Организация']['B5'].value, wb['Организация']['B6'].value)\n"
                              "print(wb['Сотрудники'].freeze_panes, len(wb['Сотрудники'].data_validations.dataValidation))\n"
                              "print(sorted(wb.defined_names.definedName, key=lambda d: d.name)[0].name)\n",
                              {file.string()});
    BOOST_REQUIRE_MESSAGE(lists.exit_code == 0, lists.out);
    BOOST_TEST(contains(lists.out, "['Инструкция', 'Организация', 'Сотрудники', 'Наставники', 'Пары', 'Группы', 'Согласия в группах', "
                                   "'Документы', 'Оформление', 'Учебные годы', 'Мониторинг', 'Анкеты', 'Списки']"), lists.out);
    BOOST_TEST(contains(lists.out, "hidden"), lists.out);
    BOOST_TEST(contains(lists.out, "Формы наставничества|педагог – педагог|руководитель образовательного учреждения – педагог"), lists.out);
    BOOST_TEST(contains(lists.out, "дошкольная Алтайский край"), lists.out);
    BOOST_TEST(contains(lists.out, "A2 "), lists.out);  // the header row is frozen
    BOOST_TEST(contains(lists.out, "list_"), lists.out);
    // A filled workbook is never overwritten by accident.
    run = e2e::nastavnik({"workbook", "new", file.string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "файл уже есть — заполненная книга не перезаписывается"), run.err);
    run = e2e::nastavnik({"workbook", "new", scratch("x.xlsx").string(), "--type", "гимназия"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "--type: ожидается «общеобразовательная», «дошкольная» или «дополнительного образования»"), run.err);
    run = e2e::nastavnik({"workbook", "new", scratch("x.json").string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "книга записывается в файл .xlsx"), run.err);
    // The municipality's.
    const auto m = scratch("new-municipality.xlsx");
    std::filesystem::remove(m);
    run = e2e::nastavnik({"workbook", "new", m.string(), "--municipal", "--region", "Алтайский край", "--municipality", "Бийск"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto sheets = python("import sys, openpyxl\nprint(openpyxl.load_workbook(sys.argv[1]).sheetnames)\n", {m.string()});
    BOOST_TEST(contains(sheets.out, "['Инструкция', 'Муниципалитет', 'Документы', 'Изменения в приказ', 'Целевые показатели', 'Методическая служба', 'Организации', 'Списки']"), sheets.out);
}

BOOST_AUTO_TEST_CASE(export_and_import_on_the_command_line) {
    const auto xlsx = scratch("cli-lastochka.xlsx");
    auto run = e2e::nastavnik({"workbook", "export", "samples/lastochka.json", xlsx.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    BOOST_TEST(run.err.empty(), run.err);
    run = e2e::nastavnik({"workbook", "import", xlsx.string()});
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.out == e2e::slurp("samples/lastochka.json"));
    const auto json = scratch("cli-lastochka.json");
    run = e2e::nastavnik({"workbook", "import", xlsx.string(), json.string()});
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(e2e::slurp(json) == e2e::slurp("samples/lastochka.json"));
    // Invalid data is not exported: the error is that of the JSON file.
    run = e2e::nastavnik({"workbook", "export", "samples/municipality-biysk/org-00013.json", scratch("bad.xlsx").string()});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(contains(run.err, "такой даты не существует"), run.err);
    BOOST_TEST(!std::filesystem::exists(scratch("bad.xlsx")));
}

BOOST_AUTO_TEST_CASE(batch_over_workbooks_gives_what_batch_over_json_gives) {
    // The Бийск sample as JSON, and the same with the municipality and every other organisation
    // as workbooks (the broken one stays JSON: it cannot be exported).
    const auto mixed = fresh_dir("biysk-mixed");
    std::size_t workbooks = 0;
    for (const auto& e : std::filesystem::directory_iterator("samples/municipality-biysk")) {
        const auto& p = e.path();
        const std::string stem = p.stem().string();
        const bool as_workbook = stem == "municipality" || (stem.back() - '0') % 2 == 1;
        if (as_workbook && e2e::nastavnik({"workbook", "export", p.string(), (mixed / (stem + ".xlsx")).string()}).exit_code == 0) {
            ++workbooks;
        } else {
            std::filesystem::copy_file(p, mixed / p.filename());
        }
    }
    BOOST_TEST(workbooks >= 8u);
    BOOST_REQUIRE(std::filesystem::exists(mixed / "municipality.xlsx"));
    // An open workbook's lock file beside it is not an organisation.
    nastavnik::write_file_atomic(mixed / "~$org-00001.xlsx", "lock");
    const auto out_json = fresh_dir("biysk-out-json"), out_mixed = fresh_dir("biysk-out-mixed");
    const auto a = e2e::nastavnik({"batch", "samples/municipality-biysk", "--out", out_json.string(), "--as-of", "2026-11-22",
                                   "--check-only", "--quiet", "-j", "2"});
    const auto b = e2e::nastavnik({"batch", mixed.string(), "--out", out_mixed.string(), "--as-of", "2026-11-22", "--check-only",
                                   "--quiet", "-j", "2"});
    BOOST_TEST(a.exit_code == b.exit_code);
    BOOST_TEST(b.err.empty(), b.err);
    // The same table of organisations, figures and statuses.
    std::string table_a, table_b;
    for (const auto& e : std::filesystem::directory_iterator(out_json)) {
        if (e.path().extension() == ".csv") table_a = e2e::slurp(e.path()), table_b = e2e::slurp(out_mixed / e.path().filename());
    }
    BOOST_TEST(!table_a.empty());
    // (The unreadable organisation's reason names its file, which is in another folder.)
    for (auto at = table_b.find(mixed.string()); at != std::string::npos; at = table_b.find(mixed.string())) {
        table_b.replace(at, mixed.string().size(), "samples/municipality-biysk");
    }
    BOOST_TEST(table_a == table_b);
    // A finding of an organisation given as a workbook points at its cells.
    const std::string report = e2e::slurp(out_mixed / "организации" / "МБУ ДО «ЦДТ № 3»" / "Результат проверки.txt");
    BOOST_TEST(contains(report, "лист «"), report);
    // Both files of the municipality's data: which one is meant is not guessed.
    std::filesystem::copy_file("samples/municipality-biysk/municipality.json", mixed / "municipality.json");
    const auto c = e2e::nastavnik({"batch", mixed.string(), "--out", fresh_dir("biysk-out-both").string(), "--quiet"});
    BOOST_TEST(c.exit_code == 2);
    BOOST_TEST(contains(c.err, "два файла его сведений, municipality.json и municipality.xlsx"), c.err);
}

BOOST_AUTO_TEST_SUITE_END()
