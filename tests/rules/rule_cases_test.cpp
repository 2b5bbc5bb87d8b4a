// Runs every rule's data-driven cases (rulesets/**/tests/<RULE-ID>/*.json) and requires a
// satisfied, a violated and — for rules with `requires` — a not-evaluable case per rule.

#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/layering.hpp"
#include "nastavnik/rules/rule_tests.hpp"

#include <boost/test/unit_test.hpp>

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

BOOST_AUTO_TEST_SUITE_END()
