#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

#include <libxml/xpath.h>

using nastavnik::Error;
using nastavnik::ErrorCode;
using nastavnik::data::DataTree;
using nastavnik::input::parse_json;

namespace {

const char* const valid_org = R"({
  "format": "nastavnik.organisation/1",
  "organisation": {
    "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»",
    "short_name": "МБОУ «Школа № 1»",
    "type": "общеобразовательная",
    "region": "Алтайский край",
    "municipality": "Барнаул",
    "head": "s1",
    "deputies": ["s2"]
  },
  "staff": [
    {"id": "s1", "surname": "Петров", "name": "Иван", "patronymic": "Сергеевич", "gender": "м", "position": "директор"},
    {"id": "s2", "surname": "Иванова", "name": "Мария", "gender": "ж", "position": "заместитель директора по УВР",
     "birth_date": "1980-05-20"},
    {"id": "s3", "surname": "Сидорова", "name": "Анна", "gender": "ж", "position": "учитель"}
  ],
  "pairs": [
    {"id": "p1", "mentor": "s2", "mentee": "s3", "form": "учитель – учитель",
     "mentee_consent_date": null, "programme": {"start": "2022-09-01", "end": "2023-05-31"}}
  ]
})";

std::vector<nastavnik::Diagnostic> errors_of(const std::string& patch) {
    auto json = parse_json(valid_org, "org.json");
    nastavnik::input::merge_patch(json, parse_json(patch, "patch.json"));
    try {
        DataTree::from_json(json, "org.json");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::data_invalid));
        return e.diagnostics();
    }
    return {};
}

// Errors for a raw file text (positions matter).
std::vector<nastavnik::Diagnostic> errors_of_text(const std::string& text) {
    try {
        DataTree::from_json(parse_json(text, "raw.json"), "raw.json");
    } catch (const Error& e) {
        return e.diagnostics();
    }
    return {};
}

std::string xpath_string(const DataTree& t, const char* expr) {
    xmlXPathContextPtr ctx = xmlXPathNewContext(t.doc());
    xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(expr), ctx);
    xmlChar* s = xmlXPathCastToString(r);
    std::string out = reinterpret_cast<const char*>(s);
    xmlFree(s);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(data_tree)

// Versions 1–2 documented `published_on_website` as a flag («true, если размещены»): their files
// leave it out for a mentor whose data are not published, and must keep that meaning; version 3
// made it three-valued (left out = not recorded).
// «Known: the list of mentees was never updated» can be said (eval finding D7).
BOOST_AUTO_TEST_CASE(the_list_of_mentees_may_be_known_never_updated) {
    auto json = parse_json(valid_org, "org.json");
    nastavnik::input::merge_patch(json, parse_json(R"({"mentee_list_updated": "2023-01-01"})", "patch.json"));
    json.find("mentee_list_updated")->kind = nastavnik::input::JsonValue::Kind::null;
    const auto tree = DataTree::from_json(json, "org.json");
    BOOST_TEST(xpath_string(tree, "/data/mentee_list_updated/@nil") == "true");
}

BOOST_AUTO_TEST_CASE(a_field_left_out_keeps_the_meaning_of_the_files_version) {
    const auto tree_of = [](const char* format, const char* mentor) {
        auto json = parse_json(valid_org, "org.json");
        nastavnik::input::merge_patch(json, parse_json(std::string(R"({"format": ")") + format + R"(", "mentors": [)" + mentor + "]}", "patch.json"));
        return DataTree::from_json(json, "org.json");
    };
    const char* left_out = R"({"person": "s2", "consent_date": "2022-08-30"})";
    BOOST_TEST(xpath_string(tree_of("nastavnik.organisation/2", left_out), "/data/mentors/mentor/published_on_website") == "false");
    BOOST_TEST(xpath_string(tree_of("nastavnik.organisation/3", left_out), "count(/data/mentors/mentor/published_on_website)") == "0");
    const char* recorded = R"({"person": "s2", "published_on_website": true})";
    BOOST_TEST(xpath_string(tree_of("nastavnik.organisation/2", recorded), "/data/mentors/mentor/published_on_website") == "true");
    BOOST_TEST(xpath_string(tree_of("nastavnik.organisation/3", recorded), "/data/mentors/mentor/published_on_website") == "true");
    // Version 1 could not record it at all: read as not published, as the program of then read it.
    BOOST_TEST(xpath_string(tree_of("nastavnik.organisation/1", left_out), "/data/mentors/mentor/published_on_website") == "false");
}

BOOST_AUTO_TEST_CASE(valid_file_becomes_the_documented_tree) {
    const auto tree = DataTree::from_json(parse_json(valid_org, "org.json"), "org.json");
    BOOST_TEST(xpath_string(tree, "/data/organisation/short_name") == "МБОУ «Школа № 1»");
    BOOST_TEST(xpath_string(tree, "count(/data/staff/person)") == "3");
    BOOST_TEST(xpath_string(tree, "/data/organisation/deputies/deputy") == "s2");
    // ids are XML IDs: references resolve with id().
    BOOST_TEST(xpath_string(tree, "id(/data/pairs/pair/mentor)/surname") == "Иванова");
    BOOST_TEST(xpath_string(tree, "/data/pairs/pair/@id") == "p1");
    BOOST_TEST(xpath_string(tree, "/data/pairs/pair/mentee_consent_date/@nil") == "true");
    BOOST_TEST(xpath_string(tree, "/data/pairs/pair/programme/end") == "2023-05-31");
    BOOST_TEST(tree.organisation_field("municipality") == "Барнаул");
}

BOOST_AUTO_TEST_CASE(nodes_know_their_json_location) {
    const auto tree = DataTree::from_json(parse_json(valid_org, "org.json"), "org.json");
    xmlXPathContextPtr ctx = xmlXPathNewContext(tree.doc());
    xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>("/data/staff/person[2]/birth_date"), ctx);
    BOOST_REQUIRE(r->nodesetval && r->nodesetval->nodeNr == 1);
    const auto loc = tree.location(r->nodesetval->nodeTab[0]);
    BOOST_TEST(loc.file == "org.json");
    BOOST_TEST(loc.path == "staff[1].birth_date");
    BOOST_TEST(loc.line == 15);
    BOOST_TEST(loc.column == 20);
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
}

BOOST_AUTO_TEST_CASE(too_many_staff_or_pairs_are_refused_whole) {
    // 5 001 workers with bad items: one error for the array, none for its items (the
    // references to the workers that are gone are reported as usual).
    std::string staff = R"({"staff": [)";
    for (int i = 0; i < 5001; ++i) staff += std::string(i == 0 ? "" : ",") + R"({"id": 1})";
    staff += "]}";
    const auto e = errors_of(staff);
    const auto it = std::find_if(e.begin(), e.end(), [](const auto& d) { return d.where.path == "staff"; });
    BOOST_REQUIRE(it != e.end());
    BOOST_TEST(it->message == "слишком много элементов: 5001, допускается не более 5000", it->message);
    BOOST_TEST(e.size() < 10u);
    for (const auto& d : e) BOOST_TEST(!d.where.path.starts_with("staff["), d.where.path);
    std::string pairs = R"({"pairs": [)";
    for (int i = 0; i < 5001; ++i) pairs += std::string(i == 0 ? "" : ",") + "{}";
    pairs += "]}";
    const auto p = errors_of(pairs);
    BOOST_REQUIRE_EQUAL(p.size(), 1u);
    BOOST_TEST(p.front().where.path == "pairs");
    BOOST_TEST(p.front().message == "слишком много элементов: 5001, допускается не более 5000");
}

BOOST_AUTO_TEST_CASE(missing_required_field) {
    const auto errs = errors_of(R"({"organisation": {"type": null}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "organisation");
    BOOST_TEST(errs[0].message.find("нет обязательного поля «type»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_field_suggests_the_right_one) {
    const auto errs = errors_of(R"({"organisation": {"short_nme": "X"}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "organisation.short_nme");
    BOOST_TEST(errs[0].message.find("имелось в виду «short_name»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_date_names_value_and_expected_form) {
    const auto errs = errors_of(R"({"pairs": [{"id": "p1", "mentor": "s2", "mentee": "s3", "form": "x",
                                    "programme": {"start": "01.09.2022"}}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "pairs[0].programme.start");
    BOOST_TEST(errs[0].message == "ожидается дата в формате ГГГГ-ММ-ДД, получено «01.09.2022»");
}

BOOST_AUTO_TEST_CASE(impossible_date) {
    const auto errs = errors_of(R"({"mentee_list_updated": "2023-02-30"})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("такой даты не существует") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_enumeration_lists_allowed_values) {
    const auto errs = errors_of(R"({"organisation": {"type": "школа"}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("«дошкольная»") != std::string::npos);
}

// A value of a list is compared as people mean it: letter case, dashes, spaces and Latin letters
// that look Cyrillic do not make it another value. The tree holds the listed value (the rules
// compare it exactly); the file's own spelling is kept for the data warning.
BOOST_AUTO_TEST_CASE(a_listed_value_written_otherwise_is_read_as_listed) {
    auto json = parse_json(valid_org, "org.json");
    nastavnik::input::merge_patch(json, parse_json(R"({"acts": [
        {"id": "a1", "kind": "Положение  о наставничестве", "date": "2022-08-30"},
        {"id": "a2", "kind": "пpикaз o назначении куратора ", "date": "2022-08-30"},
        {"id": "a3", "kind": "ДОРОЖНАЯ КАРТА", "date": "2022-08-30"}],
        "organisation": {"type": "Общеобразовательная"}})", "patch.json"));
    const auto tree = DataTree::from_json(json, "org.json");
    BOOST_TEST(xpath_string(tree, "/data/acts/act[1]/kind") == "положение о наставничестве");
    BOOST_TEST(xpath_string(tree, "/data/acts/act[2]/kind") == "приказ о назначении куратора");
    BOOST_TEST(xpath_string(tree, "/data/acts/act[3]/kind") == "дорожная карта");
    BOOST_TEST(xpath_string(tree, "/data/organisation/type") == "общеобразовательная");
    BOOST_REQUIRE_EQUAL(tree.readings().size(), 4u);
    BOOST_TEST(tree.readings()[0].written == "Общеобразовательная");
    BOOST_TEST(tree.readings()[2].written == "пpикaз o назначении куратора ");
}

// A slip of a letter or two names the value meant; a value far from every listed one lists them.
BOOST_AUTO_TEST_CASE(a_near_miss_of_a_listed_value_names_it) {
    auto errs = errors_of(R"({"acts": [{"id": "a1", "kind": "приказ о назначении наставника", "date": "2022-08-30"}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("недопустимое значение «приказ о назначении наставника»; возможно, имелось в виду "
                                    "«приказ о назначении наставников»?") == 0,
               errs[0].message);
    BOOST_TEST(errs[0].where.path == "acts[0].kind");
    errs = errors_of(R"({"acts": [{"id": "a1", "kind": "Положение о наставничистве", "date": "2022-08-30"}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("возможно, имелось в виду «положение о наставничестве»?") != std::string::npos, errs[0].message);
    errs = errors_of(R"({"acts": [{"id": "a1", "kind": "устав", "date": "2022-08-30"}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("возможно") == std::string::npos, errs[0].message);
    BOOST_TEST(errs[0].message.find("«дорожная карта»") != std::string::npos, errs[0].message);
    // A short value is not guessed from another short one: «ж» is not «м».
    errs = errors_of(R"({"staff": [{"id": "s1", "surname": "Петров", "name": "Иван", "gender": "x", "position": "директор"},
        {"id": "s2", "surname": "Иванова", "name": "Мария", "gender": "ж", "position": "заместитель директора по УВР"},
        {"id": "s3", "surname": "Сидорова", "name": "Анна", "gender": "ж", "position": "учитель"}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("возможно") == std::string::npos, errs[0].message);
}

BOOST_AUTO_TEST_CASE(wrong_json_kind) {
    const auto errs = errors_of(R"({"staff": {"id": "s1"}})");
    // The staff error, then every reference to the staff that is now missing.
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.path == "staff");
    BOOST_TEST(errs[0].message.find("ожидается массив, получено объект") != std::string::npos);
    BOOST_TEST(errs.size() == 5u);
}

BOOST_AUTO_TEST_CASE(dangling_reference) {
    const auto errs = errors_of(R"({"organisation": {"head": "s99"}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "organisation.head");
    BOOST_TEST(errs[0].message == "нет сотрудника с идентификатором «s99» в staff");
}

BOOST_AUTO_TEST_CASE(reference_to_the_wrong_collection) {
    const auto errs = errors_of(R"({"organisation": {"head": "p1"}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("идентификатор из pairs") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_id) {
    const auto errs = errors_of(R"({"pairs": [{"id": "s1", "mentor": "s2", "mentee": "s3", "form": "x"}]})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "pairs[0].id");
    BOOST_TEST(errs[0].message.find("уже использован: staff[0].id") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_format_identifier) {
    const auto errs = errors_of(R"({"format": "nastavnik.organisation/9"})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "format");
    BOOST_TEST(errs[0].message.find("неизвестный формат файла") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(control_characters_are_refused) {
    const auto errs = errors_of(R"({"organisation": {"short_name": "A\u0001B"}})");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("управляющий символ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(all_problems_are_reported_at_once) {
    const auto errs = errors_of(R"({"organisation": {"type": "школа", "head": "s99"}, "mentee_list_updated": "вчера"})");
    BOOST_TEST(errs.size() == 3u);
}

BOOST_AUTO_TEST_CASE(duplicate_key_and_positions) {
    const auto errs = errors_of_text("{\n  \"format\": \"nastavnik.organisation/1\",\n  \"format\": \"x\"\n}");
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.file == "raw.json");
    BOOST_TEST(errs[0].where.line == 3);
    BOOST_TEST(errs[0].where.column == 3);
    BOOST_TEST(errs[0].message == "поле «format» указано дважды");
}

BOOST_AUTO_TEST_CASE(root_must_be_an_object) {
    const auto errs = errors_of_text("[1, 2]");
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("ожидается JSON-объект") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_file_is_an_io_error) {
    try {
        DataTree::load("/nonexistent/org.json");
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::io));
        BOOST_TEST(e.diagnostics().front().where.file == "/nonexistent/org.json");
        BOOST_TEST(e.diagnostics().front().message.find("файл не найден") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
