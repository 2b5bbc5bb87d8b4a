// JSON → workbook → JSON gives the same data: for every sample, every generated organisation of
// a synthetic municipality, and the municipalities' own files; the workbook is the same bytes
// for the same data; a blank workbook reads as nothing filled in.

#include "workbook_fixture.hpp"

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/data/schema.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace wb_test;
namespace input = nastavnik::input;

namespace {

std::vector<std::filesystem::path> json_files(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        if (e.path().extension() == ".json") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool valid(const input::JsonValue& root, const std::string& file) {
    try {
        nastavnik::data::DataTree::from_json(root, file, format_of(root));
        return true;
    } catch (const nastavnik::Error&) {
        return false;
    }
}

// Returns whether the file was valid (an invalid one is not exported).
bool round_trips(const std::filesystem::path& json, const std::string& name) {
    const auto root = input::read_json_file(json);
    if (!valid(root, json.string())) return false;
    const auto xlsx = export_json(json, scratch(name + ".xlsx"));
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(back.layout == &wb::layout_of(format_of(root)), json);
    // A workbook keeps the version of its file (an older file's fields keep their meaning):
    // everything comes back the same, the version too.
    BOOST_TEST(input::first_difference(root, back.root) == "", json);
    BOOST_TEST(back.warnings.empty(), json << ": " << (back.warnings.empty() ? "" : back.warnings.front().to_string()));
    // And the tree validates as the JSON did, places and all.
    BOOST_CHECK_NO_THROW(nastavnik::data::DataTree::from_json(back.root, xlsx.string(), format_of(root), back.places));
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workbook_roundtrip)

BOOST_AUTO_TEST_CASE(every_sample_comes_back_the_same) {
    int checked = 0;
    for (const auto& dir : {std::filesystem::path("samples"), std::filesystem::path("samples/municipality-biysk")}) {
        for (const auto& f : json_files(dir)) checked += round_trips(f, "sample-" + f.stem().string()) ? 1 : 0;
    }
    BOOST_TEST(checked >= 17);  // 3 organisations, 13 valid of Бийск's 15 … one has a broken date by design, and its municipality
}

BOOST_AUTO_TEST_CASE(imported_samples_are_the_same_text) {
    // The samples list their fields in the schema's order, two spaces of indent, as the
    // importer writes: the import is the file itself.
    for (const char* name : {"barnaul-gymnasium-compliant", "barnaul-school-42", "lastochka"}) {
        const auto json = std::filesystem::path("samples") / (std::string(name) + ".json");
        const auto back = wb::read_workbook_file(export_json(json, scratch(std::string(name) + ".xlsx")));
        BOOST_TEST(input::to_json_text(back.root) == e2e::slurp(json), name);
    }
}

BOOST_AUTO_TEST_CASE(generated_organisations_come_back_the_same) {
    const auto dir = fresh_dir("generated");
    const auto gen = e2e::shell("/usr/bin/python3 tools/make_municipality.py " + e2e::quote(dir.string()) +
                                " --count 40 --defects 0.3 --seed 7");
    BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.out);
    int checked = 0;
    for (const auto& f : json_files(dir)) checked += round_trips(f, "gen-" + f.stem().string()) ? 1 : 0;
    BOOST_TEST(checked >= 35);
}

BOOST_AUTO_TEST_CASE(same_data_same_bytes) {
    const auto a = export_json("samples/lastochka.json", scratch("same-a.xlsx"));
    const auto b = export_json("samples/lastochka.json", scratch("same-b.xlsx"));
    BOOST_TEST(e2e::slurp(a) == e2e::slurp(b));
    BOOST_TEST(e2e::slurp(a).size() > 5000u);
}

BOOST_AUTO_TEST_CASE(absent_and_empty_lists_stay_apart) {
    // "pairs": [] — there are none; no "groups" — not recorded. The workbook keeps the
    // difference: an empty sheet, no sheet.
    auto root = input::read_json_file("samples/barnaul-school-42.json");
    input::JsonValue* pairs = root.find("pairs");
    BOOST_REQUIRE(pairs);
    pairs->items.clear();
    // (Its monitoring names the pairs and groups: it goes with them.)
    root.members.erase(std::remove_if(root.members.begin(), root.members.end(),
                                      [](const input::JsonMember& m) {
                                          return m.key == "groups" || m.key == "monitoring" || m.key == "questionnaires";
                                      }),
                       root.members.end());
    const auto xlsx = scratch("lists.xlsx");
    wb::write_workbook(xlsx, wb::organisation_layout(), &root, {});
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(input::first_difference(root, back.root) == "");
    BOOST_REQUIRE(back.root.find("pairs"));
    BOOST_TEST(back.root.find("pairs")->items.empty());
    BOOST_TEST(back.root.find("groups") == nullptr);
}

namespace {

// Sets a member of an object (adds it when there is none).
void set(input::JsonValue& object, const std::string& key, input::JsonValue value) {
    if (input::JsonValue* v = object.find(key)) {
        *v = std::move(value);
        return;
    }
    object.members.push_back(input::JsonMember{key, {}, std::move(value)});
}

input::JsonValue json(const std::string& text) { return input::parse_json(text, "test.json"); }

input::JsonValue& item(input::JsonValue& root, const std::string& array, std::size_t i) {
    input::JsonValue* a = root.find(array);
    BOOST_REQUIRE(a != nullptr && a->items.size() > i);
    return a->items[i];
}

}  // namespace

// «Known to be absent» (null) and «not recorded» (left out) stay apart through a workbook: a
// whole object that is null is «нет» in its first column (a curator, a labour agreement, its
// pay, a route, a consent), a null reference or list is «нет» in its cell, yes/no is «да»/«нет».
BOOST_AUTO_TEST_CASE(known_absent_objects_and_yes_no_come_back) {
    auto root = input::read_json_file("samples/barnaul-gymnasium-compliant.json");
    set(root, "curator", json("null"));
    set(item(root, "mentors", 0), "labour_agreement", json("null"));
    set(item(root, "mentors", 0), "published_on_website", json("true"));
    set(*item(root, "mentors", 1).find("labour_agreement"), "pay", json("null"));
    set(item(root, "mentors", 1), "published_on_website", json("false"));
    item(root, "mentors", 2).find("labour_agreement")->members.erase(
        item(root, "mentors", 2).find("labour_agreement")->members.begin() + 2);  // pay not recorded
    set(item(root, "staff", 0), "individual_route", json(R"({"date": "2026-09-01", "deficits": null})"));
    set(item(root, "staff", 1), "individual_route", json(R"({"date": "2026-09-01", "deficits": ["оценивание", "цифровые ресурсы"]})"));
    set(item(root, "staff", 2), "individual_route", json("null"));
    set(item(root, "staff", 3), "personal_data_consent",
        json(R"({"date": "2026-08-28", "content": ["субъект", "оператор", "цель"], "dissemination": null})"));
    set(item(root, "staff", 4), "personal_data_consent", json("null"));
    set(item(root, "acts", 1), "approved_by", json("null"));
    set(item(root, "acts", 5), "based_on_deficits", json("false"));
    set(*root.find("organisation"), "methodological_associations", json("null"));
    const auto xlsx = scratch("known-absent.xlsx");
    wb::write_workbook(xlsx, wb::organisation_layout(), &root, {});
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(input::first_difference(root, back.root) == "");
    BOOST_TEST(back.warnings.empty());
    BOOST_CHECK_NO_THROW(nastavnik::data::DataTree::from_json(back.root, xlsx.string(), format_of(root), back.places));
    // What a person sees: «нет» where the agreement would be, «да» for the published mentor.
    const auto cells = e2e::shell("/usr/bin/python3 -c \"import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])['Наставники']\n"
                                  "h = [c.value for c in ws[1]]\nprint(ws.cell(2, h.index('Дата доп. соглашения о наставничестве') + 1).value, "
                                  "ws.cell(2, h.index('Сведения о наставнике на сайте') + 1).value, "
                                  "ws.cell(3, h.index('Доплата, руб.') + 1).value)\" " + e2e::quote(xlsx.string()));
    BOOST_TEST(cells.out == "нет да нет\n", cells.out);
}

BOOST_AUTO_TEST_CASE(a_blank_workbook_reads_as_nothing_filled_in) {
    const auto xlsx = scratch("blank.xlsx");
    wb::WriteOptions o;
    o.prefill = {{"organisation.type", "дошкольная"}, {"organisation.region", "Алтайский край"}};
    wb::write_workbook(xlsx, wb::organisation_layout(), nullptr, o);
    try {
        wb::read_workbook_file(xlsx);
        BOOST_FAIL("a blank workbook must not read as a valid organisation");
    } catch (const nastavnik::Error& e) {
        std::string all;
        for (const auto& d : e.diagnostics()) all += d.to_string() + "\n";
        // What is missing is said in the words of the workbook: the cells to fill.
        BOOST_TEST(all.find("лист «Организация», ячейка B3 («Полное наименование»): не заполнена обязательная ячейка") != std::string::npos, all);
        BOOST_TEST(all.find("лист «Сотрудники»: на листе нет ни одной строки с данными") != std::string::npos, all);
        BOOST_TEST(all.find("Тип организации") == std::string::npos, all);  // prefilled
    }
}

// A workbook keeps the version of the file it was made from: a version-2 file that leaves a
// mentor's `published_on_website` out (documented then as «false») reads back as version 2, so
// the empty cell keeps that meaning; a blank workbook is of the current version.
BOOST_AUTO_TEST_CASE(a_workbook_keeps_the_version_of_its_file) {
    auto root = input::read_json_file("samples/barnaul-school-42.json");
    root.find("format")->scalar = "nastavnik.organisation/2";
    for (auto& m : root.find("mentors")->items) {
        m.members.erase(std::remove_if(m.members.begin(), m.members.end(),
                                       [](const input::JsonMember& f) { return f.key == "published_on_website"; }),
                        m.members.end());
    }
    const auto xlsx = scratch("version-2.xlsx");
    wb::write_workbook(xlsx, wb::organisation_layout(), &root, {});
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(input::first_difference(root, back.root) == "");
    const auto tree = nastavnik::data::DataTree::from_json(back.root, xlsx.string());
    BOOST_TEST(tree.version() == 2);
    // The same data declared as the current version: the empty cells are «not recorded».
    root.find("format")->scalar = nastavnik::data::organisation_format;
    const auto current = scratch("version-current.xlsx");
    wb::write_workbook(current, wb::organisation_layout(), &root, {});
    BOOST_TEST(nastavnik::data::DataTree::from_json(wb::read_workbook_file(current).root, current.string()).version() == 3);
}

BOOST_AUTO_TEST_SUITE_END()
