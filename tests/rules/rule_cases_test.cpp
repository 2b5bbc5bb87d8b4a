// Runs every rule's data-driven cases (rulesets/**/tests/<RULE-ID>/*.json) and requires a
// satisfied, a violated and — for rules with `requires` — a not-evaluable case per rule.

#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/layering.hpp"
#include "nastavnik/rules/rule_tests.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

using namespace nastavnik::rules;

BOOST_AUTO_TEST_SUITE(rule_cases)

BOOST_AUTO_TEST_CASE(every_case_of_every_shipped_ruleset_passes) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    BOOST_REQUIRE(!catalog.all().empty());
    const auto report = run_rule_tests(catalog);
    for (const auto& c : report.cases) {
        BOOST_TEST(c.passed, c.file.string() << " [" << c.rule_id << "] " << c.description << ": " << c.failure);
    }
    for (const auto& c : report.coverage) {
        BOOST_TEST(c.complete(), "rule " << c.rule_id << " lacks a satisfied/violated/not-evaluable case");
    }
    BOOST_TEST(report.cases.size() >= 3 * report.coverage.size());
    std::cout << format_rule_test_report(report);
}

BOOST_AUTO_TEST_CASE(barnaul_requirements_rest_on_its_polozhenie) {
    // In Барнаул the requirements of the model Положение that the municipal Положение repeats
    // are adopted with its clauses — cited as clauses of the Положение, not of the order — and
    // every rule that applies cites a node of a recorded act.
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const auto chain = catalog.select("Алтайский край", "Барнаул", nastavnik::Date(2023, 11, 1));
    std::vector<std::string> ids;
    for (const Ruleset* rs : chain) ids.push_back(rs->id);
    BOOST_TEST(ids == (std::vector<std::string>{"federal-az-1128", "pd-152", "altai-barnaul-127"}), boost::test_tools::per_element());
    const auto composition = compose(chain);
    BOOST_TEST(composition.rules.size() >= 20u);
    std::size_t adopted = 0;
    for (const auto& e : composition.rules) {
        for (const Citation* c : e.citations()) BOOST_TEST(c->node != nullptr, e.rule->id << " cites a whole document");
        if (e.adoptions.empty()) continue;
        ++adopted;
        const Citation& c = e.adoptions.front().first->citations.front();
        BOOST_TEST(c.document->id == "barnaul-127-polozhenie", e.rule->id);
        BOOST_TEST((c.force() == Force::binding), e.rule->id);
        BOOST_TEST(c.text().rfind("п.\u00A0", 0) == 0, c.text());
        BOOST_TEST(c.text().find("Положения о системе наставничества педагогических работников в муниципальных образовательных "
                                 "организациях города Барнаула, утверждённого приказом комитета по образованию города Барнаула "
                                 "от 27.07.2022 №\u00A0127, изданным в соответствии с приказом Министерства образования и науки "
                                 "Алтайского края от 24.03.2022 №\u00A0404") != std::string::npos, c.text());
    }
    BOOST_TEST(adopted >= 10u);
}

// A case's «base» reads a file: only one inside the ruleset's tests folder, never an absolute
// path, one climbing out with «..», or a link pointing out — a Russian error naming the case.
BOOST_AUTO_TEST_CASE(a_base_outside_the_tests_folder_is_refused) {
    namespace fs = std::filesystem;
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const Ruleset* rs = catalog.find("federal-az-1128", nastavnik::Date(2023, 11, 1));
    BOOST_REQUIRE(rs != nullptr);
    const Rule* rule = nullptr;
    for (const auto& r : rs->rules) {
        if (r.id == "FED-CUR-01") rule = &r;
    }
    BOOST_REQUIRE(rule != nullptr);
    const fs::path root = fs::temp_directory_path() / "nastavnik-rule-case-base";
    fs::remove_all(root);
    fs::create_directories(root / "tests" / "FED-CUR-01");
    const fs::path shipped = rs->file.parent_path() / "tests";
    fs::copy_file(shipped / "base.json", root / "tests" / "base.json");
    fs::copy_file(shipped / "base.json", root / "outside.json");
    fs::create_symlink(root / "outside.json", root / "tests" / "link.json");
    const auto run = [&](const std::string& base) {
        const fs::path file = root / "tests" / "FED-CUR-01" / "case.json";
        std::ofstream(file) << R"({"description": "куратор назначен", "base": ")" << base
                            << R"(", "as_of": "2023-11-01", "expect": [{"subject": "", "outcome": "satisfied"}]})";
        return run_rule_case(catalog, *rs, *rule, file);
    };
    const auto inside = run("../base.json");
    BOOST_TEST(inside.failure.find("«base»") == std::string::npos, inside.failure);
    for (const std::string base : {"../../outside.json", "/etc/passwd", "../link.json", "../../tests/../../outside.json"}) {
        const auto r = run(base);
        BOOST_TEST(!r.passed, base);
        BOOST_TEST(r.failure.find("case.json") != std::string::npos, r.failure);
        BOOST_TEST(r.failure.find("поле «base»: путь «" + base + "» ведёт за пределы папки случаев набора правил") != std::string::npos,
                   r.failure);
    }
    fs::remove_all(root);
}

BOOST_AUTO_TEST_SUITE_END()
