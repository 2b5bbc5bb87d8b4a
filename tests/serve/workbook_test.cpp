// The workbook as the way in: a blank one to download, a filled one uploaded and checked as
// its JSON would be, and a bad one answered with the sheet and cell to fix.

#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "world.hpp"

namespace nastavnik::test {
namespace {

BOOST_AUTO_TEST_CASE(a_filled_workbook_is_checked_like_its_json_and_a_blank_one_names_the_cells_to_fill) {
    World w("workbook");
    Client a1 = w.client("org-a1");
    const auto blank = a1.get("/workbook/blank");
    BOOST_REQUIRE_EQUAL(blank.status, 200);
    BOOST_CHECK(blank.body.starts_with("PK"));
    BOOST_CHECK(blank.header("content-type").find("spreadsheetml") != std::string::npos);
    BOOST_CHECK(blank.header("content-disposition").find(".xlsx") != std::string::npos);
    Client mun = w.client("mun-a");
    BOOST_CHECK(mun.get("/workbook/blank?kind=municipality").body.starts_with("PK"));

    const std::string org = "/api/orgs/" + std::to_string(w.org_a1) + "/submissions";
    // The blank workbook sent back as it is: not accepted, the reasons name sheets and cells.
    auto r = a1.upload(org, "Сведения.xlsx", blank.body);
    BOOST_REQUIRE_EQUAL(r.status, 201);
    const auto invalid = w.db->submission(r.json()->getValue<Id>("submission"));
    BOOST_CHECK_EQUAL(invalid->status, "invalid");
    BOOST_CHECK_MESSAGE(invalid->problems.find("лист") != std::string::npos, invalid->problems);

    // The compliant sample as a workbook: the same outcome as the JSON.
    const auto json_path = std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "samples/barnaul-gymnasium-compliant.json";
    const auto json = input::read_json_file(json_path);
    const auto book = std::filesystem::path(NASTAVNIK_TEST_TMP) / "gymnasium.xlsx";
    workbook::write_workbook(book, workbook::organisation_layout(), &json, {});
    r = a1.upload(org, "gymnasium.xlsx", read_file(book, 64u << 20));
    BOOST_REQUIRE_EQUAL(r.status, 201);
    const auto from_book = w.db->submission(r.json()->getValue<Id>("submission"));
    r = a1.upload(org, "gymnasium.json", read_file(json_path, 64u << 20));
    const auto from_json = w.db->submission(r.json()->getValue<Id>("submission"));
    BOOST_CHECK_MESSAGE(from_book->status == from_json->status, from_book->status + " / " + from_json->status + " " + from_book->problems);
    BOOST_CHECK_EQUAL(from_book->errors, from_json->errors);
    BOOST_CHECK_EQUAL(from_book->warnings, from_json->warnings);
    // A package from the workbook.
    r = a1.post_api("/api/orgs/" + std::to_string(w.org_a1) + "/submissions/" + std::to_string(from_book->id) + "/package");
    const auto j = w.wait_job(r.json()->getValue<Id>("job"));
    BOOST_CHECK_MESSAGE(j.state == "done", j.message);

    // What could not be checked is said in words on the page: «Нет данных: цели программы», not
    // «(programme.goals)», which a school filling the workbook never saw.
    const auto school = std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "samples/barnaul-school-42.json";
    r = a1.upload(org, "school.json", read_file(school, 64u << 20));
    BOOST_REQUIRE_EQUAL(r.status, 201);
    const auto page = a1.get("/orgs/" + std::to_string(w.org_a1) + "/submissions/" +
                             std::to_string(r.json()->getValue<Id>("submission")));
    BOOST_REQUIRE_EQUAL(page.status, 200);
    BOOST_CHECK_MESSAGE(page.body.find("Нет данных: цели программы</p>") != std::string::npos, page.body);
    BOOST_CHECK_MESSAGE(page.body.find("programme.goals") == std::string::npos, page.body);
    BOOST_CHECK_MESSAGE(page.body.find("consent_date") == std::string::npos, page.body);
}

}  // namespace
}  // namespace nastavnik::test
