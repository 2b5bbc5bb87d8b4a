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

BOOST_AUTO_TEST_CASE(the_altai_chain_has_at_least_twelve_cited_rules) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const auto chain = catalog.select("Алтайский край", "Барнаул", nastavnik::Date(2023, 11, 1));
    BOOST_REQUIRE_EQUAL(chain.size(), 2u);
    BOOST_TEST(chain[0]->id == "federal-az-1128");
    BOOST_TEST(chain[1]->id == "altai-barnaul-127");
    const auto composition = compose(chain);
    BOOST_TEST(composition.rules.size() >= 12u);
    std::size_t municipal = 0;
    for (const auto& e : composition.rules) {
        BOOST_TEST(!e.rule->citations.empty(), e.rule->id);
        for (const auto& c : e.rule->citations) BOOST_TEST(!c.clause.empty(), e.rule->id << " cites no clause");
        municipal += e.ruleset->id == "altai-barnaul-127" ? 1 : 0;
    }
    BOOST_TEST(municipal == chain[1]->rules.size());  // its own rules and its versions of federal ones
    BOOST_TEST(municipal >= 9u);
}

BOOST_AUTO_TEST_SUITE_END()
