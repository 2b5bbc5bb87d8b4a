// docs/rulesets/<ruleset id>.md maps the act's clauses to rules: every rule of the ruleset
// must appear there, so the table cannot silently fall behind the ruleset.

#include "nastavnik/rules/catalog.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

BOOST_AUTO_TEST_SUITE(coverage_docs)

BOOST_AUTO_TEST_CASE(every_rule_is_in_its_clause_table) {
    const auto catalog = nastavnik::rules::Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    for (const auto& rs : catalog.all()) {
        const std::filesystem::path table = std::filesystem::path(NASTAVNIK_SOURCE_DIR "/docs/rulesets") / (rs->id + ".md");
        BOOST_REQUIRE_MESSAGE(std::filesystem::exists(table), "no clause table " << table);
        std::ifstream in(table);
        std::ostringstream s;
        s << in.rdbuf();
        for (const auto& rule : rs->rules) {
            BOOST_TEST(s.str().find(rule.id) != std::string::npos, rule.id << " is missing from " << table.filename());
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
