// JSON → workbook → JSON gives the same data: for every sample, every generated organisation of
// a synthetic municipality, and the municipalities' own files; the workbook is the same bytes
// for the same data; a blank workbook reads as nothing filled in.

#include "workbook_fixture.hpp"

#include "nastavnik/data/data_tree.hpp"

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
    // A workbook reads as the current version of the format: an older file comes back with its
    // version moved on and every field the same.
    input::JsonValue expected = root;
    if (input::JsonValue* version = expected.find("format")) version->scalar = back.layout->format.format;
    BOOST_TEST(input::first_difference(expected, back.root) == "", json);
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
    root.members.erase(std::remove_if(root.members.begin(), root.members.end(),
                                      [](const input::JsonMember& m) { return m.key == "groups"; }),
                       root.members.end());
    const auto xlsx = scratch("lists.xlsx");
    wb::write_workbook(xlsx, wb::organisation_layout(), &root, {});
    const auto back = wb::read_workbook_file(xlsx);
    BOOST_TEST(input::first_difference(root, back.root) == "");
    BOOST_REQUIRE(back.root.find("pairs"));
    BOOST_TEST(back.root.find("pairs")->items.empty());
    BOOST_TEST(back.root.find("groups") == nullptr);
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

BOOST_AUTO_TEST_SUITE_END()
