// Tools for legal staff: lint finds what loading cannot; diff shows changed rules and dated
// parameters; replay shows whose findings change.

#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/tools.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

using namespace nastavnik::rules;

namespace {

const std::filesystem::path shipped = NASTAVNIK_SOURCE_DIR "/rulesets/altai/barnaul/barnaul-127/1.0.xml";
const std::filesystem::path federal = NASTAVNIK_SOURCE_DIR "/rulesets/federal/minpros-az-1128/1.0.xml";
const std::filesystem::path schema = NASTAVNIK_SOURCE_DIR "/rulesets/schema/ruleset-1.xsd";

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A copy of the shipped ruleset with text replaced: a draft of the next version.
std::filesystem::path variant(const std::filesystem::path& original, const std::string& name,
                              const std::vector<std::pair<std::string, std::string>>& edits) {
    std::string xml = slurp(original);
    for (const auto& [from, to] : edits) {
        const auto pos = xml.find(from);
        BOOST_REQUIRE_MESSAGE(pos != std::string::npos, "fixture text not found: " << from);
        xml.replace(pos, from.size(), to);
    }
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/rulesets-tools";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name) << xml;
    return dir / name;
}

bool has(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(ruleset_tools)

BOOST_AUTO_TEST_CASE(the_shipped_rulesets_are_lint_clean) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    for (const auto& rs : catalog.all()) {
        for (const auto& d : lint(*rs, catalog.chain_of(*rs, rs->valid_from))) BOOST_ERROR(d.to_string());
    }
}

BOOST_AUTO_TEST_CASE(lint_finds_unknown_functions_undefined_and_unused_parameters) {
    const auto file = variant(shipped, "lint.xml", {
        {"<assert test=\"count(mentees/mentee) &gt;= $group_min_mentees\"/>",
         "<assert test=\"n:frobnicate(mentees) and exsl:node-set(.) and $no_such &gt; 1 and $programme_min_months\"/>"},
        {"<value from=\"2022-06-01\" cite=\"barnaul-127 п. 4.1.5\">2</value>", "<value from=\"2022-06-01\">2</value>"},
    });
    const Ruleset upper = load_ruleset(federal, schema);
    const auto problems = lint(load_ruleset(file, schema), {&upper});
    std::string all;
    for (const auto& d : problems) all += d.to_string() + "\n";
    BOOST_TEST(has(all, "BRN-GRP-01: assert: неизвестная функция «n:frobnicate»"), all);
    BOOST_TEST(!has(all, "$programme_min_months»"), all);  // defined by the federal layer
    BOOST_TEST(has(all, "неизвестная функция «exsl:node-set»"), all);
    BOOST_TEST(has(all, "параметр «$no_such» не определён в наборе"), all);
    BOOST_TEST(has(all, "$group_min_mentees: у значения «2» (с 01.06.2022) не указан источник"), all);
    BOOST_TEST(!has(all, "неизвестная функция «count»"), all);
    BOOST_TEST(!has(all, "«n:months-between»"), all);
}

BOOST_AUTO_TEST_CASE(diff_shows_rules_and_dated_parameters) {
    const auto next = variant(federal, "next.xml", {
        {"version=\"1.0\"", "version=\"1.1\""},
        {"<value from=\"2021-12-21\" cite=\"minpros-az-1128 п. 1.2\">12</value>",
         "<value from=\"2021-12-21\" to=\"2024-08-31\" cite=\"minpros-az-1128 п. 1.2\">12</value><value from=\"2024-09-01\" cite=\"проект\">9</value>"},
        {"<rule id=\"FED-MNL-01\" severity=\"предупреждение\"", "<rule id=\"FED-MNL-01\" severity=\"ошибка\""},
    });
    const Ruleset a = load_ruleset(federal, schema);
    const Ruleset b = load_ruleset(next, schema);
    const std::string d = diff(a, b);
    BOOST_TEST(has(d, "~ параметр $programme_max_months\n      было: 12 (с 21.12.2021)\n      стало: 12 (с 21.12.2021 по 31.08.2024); 9 (с 01.09.2024)"), d);
    BOOST_TEST(has(d, "~ правило [FED-MNL-01]"), d);
    BOOST_TEST(has(d, "было: предупреждение"), d);
    BOOST_TEST(diff(a, a).empty());

    // Replay: school № 42's 10-month programme (pair-2) breaks the new limit from 01.09.2024,
    // and is fine before it.
    const std::filesystem::path samples = NASTAVNIK_SOURCE_DIR "/samples";
    const std::string after = replay(a, b, samples, nastavnik::Date(2026, 11, 22));
    BOOST_TEST(has(after, "Организаций: 3"), after);
    BOOST_TEST(has(after, "barnaul-school-42.json (МБОУ «СОШ № 42»):\n    [FED-PRG-02] pairs[1]: satisfied → violated"), after);
    BOOST_TEST(has(after, "результаты изменились у 1"), after);
    const std::string before = replay(a, b, samples, nastavnik::Date(2024, 8, 1));
    BOOST_TEST(!has(before, "[FED-PRG-02]"), before);
}

BOOST_AUTO_TEST_CASE(show_lists_every_rule_with_its_citation) {
    const Ruleset rs = load_ruleset(federal, schema);
    const std::string s = show(rs);
    for (const auto& r : rs.rules) BOOST_TEST(has(s, "[" + r.id + "]"), r.id);
    BOOST_TEST(has(s, "$programme_min_months = 3 (с 21.12.2021)"));
}

BOOST_AUTO_TEST_SUITE_END()
