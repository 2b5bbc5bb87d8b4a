// A rule superseded by another for the same subject (<superseded-by>): the fact is reported once,
// by the superseding rule, citing both — but a violation is never folded into a recommendation.

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/acts.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/tools.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace nastavnik;
using namespace nastavnik::rules;

namespace {

const std::filesystem::path schema = NASTAVNIK_SOURCE_DIR "/rulesets/schema";

std::shared_ptr<const ActLibrary> acts() {
    static const auto library = ActLibrary::load(NASTAVNIK_SOURCE_DIR "/rulesets/acts", schema / "act-1.xsd");
    return library;
}

// A federal ruleset of one rule about each mentor's written consent, citing `doc` at `at`.
Ruleset consent_rule(const std::string& name, const std::string& id, const std::string& doc, const std::string& at,
                     const std::string& extra = "") {
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/supersession";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name) << R"(<?xml version="1.0" encoding="UTF-8"?>
<ruleset xmlns="urn:nastavnik:ruleset:2" id=")" << name << R"(" version="1" layer="федеральный">
  <title>Согласие наставника</title>
  <valid from="2021-12-21"/>
  <rule id=")" << id << R"(" severity="ошибка" context="/data/mentors/mentor">
    <title>Наставник дал письменное согласие</title>
    <cite doc=")" << doc << R"(" at=")" << at << R"("/>
)" << extra << R"(    <assert test="consent_date[not(@nil = 'true')]"/>
    <message>Наставник {n:initials-surname(person)} не давал письменного согласия.</message>
  </rule>
</ruleset>
)";
    return load_ruleset(dir / name, schema, acts());
}

// The organisation of the ст. 351.8 rule cases (Барнаул; every mentor with a consent and an
// agreement, programmes to 31.05.2025), one mentor known to have given no consent and signed no
// agreement.
data::DataTree without_consent(std::size_t mentor = 0) {
    auto root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/rulesets/federal/tk-351-8/tests/base.json");
    input::JsonValue* mentors = root.find("mentors");
    BOOST_REQUIRE(mentors != nullptr && mentors->items.size() > mentor);
    for (const char* key : {"consent_date", "labour_agreement"}) {
        input::JsonValue* v = mentors->items[mentor].find(key);
        BOOST_REQUIRE(v != nullptr);
        *v = input::JsonValue{};  // null: known, none
    }
    return data::DataTree::from_json(root, "org.json");
}

std::vector<const Finding*> failed(const CheckResult& r) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings) {
        if (f.outcome == Outcome::violated) out.push_back(&f);
    }
    return out;
}

bool cites(const Finding& f, const std::string& doc) {
    return std::any_of(f.citations.begin(), f.citations.end(), [&](const Citation* c) { return c->document->id == doc; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(supersession)

BOOST_AUTO_TEST_CASE(the_law_absorbs_the_models_finding_about_the_same_mentor) {
    const Ruleset model = consent_rule("model.xml", "TST-MOD-01", "minpros-az-1128-model", "3.2",
                                       "    <superseded-by rule=\"TST-LAW-01\">закон требует того же</superseded-by>\n");
    const Ruleset law = consent_rule("law.xml", "TST-LAW-01", "tk-rf", "351.8/1");
    const auto tree = without_consent();
    const CheckResult r = check(tree, {&model, &law}, Date(2025, 6, 1));
    const auto f = failed(r);
    BOOST_REQUIRE_EQUAL(f.size(), 1u);
    BOOST_TEST(f[0]->rule->id == "TST-LAW-01");
    BOOST_TEST(std::string(category_name(f[0]->category)) == category_name(Category::violation));
    BOOST_TEST(f[0]->subject.path == "mentors[0]");
    BOOST_TEST(cites(*f[0], "tk-rf"));
    BOOST_TEST(cites(*f[0], "minpros-az-1128-model"));  // the model's clause is cited by the one finding
    BOOST_REQUIRE_EQUAL(f[0]->absorbed.size(), 1u);
    BOOST_TEST(f[0]->absorbed[0]->id == "TST-MOD-01");
    // The other mentors are checked by both rules as before.
    const auto satisfied_model = std::count_if(r.findings.begin(), r.findings.end(), [](const Finding& x) {
        return x.rule->id == "TST-MOD-01" && x.outcome == Outcome::satisfied;
    });
    BOOST_TEST(satisfied_model > 0);
}

BOOST_AUTO_TEST_CASE(before_the_law_is_in_force_the_models_finding_stands_alone) {
    // Before 01.03.2025 the law's ruleset is not in the composition: the model's finding is
    // reported as it is, a recommendation.
    const Ruleset model = consent_rule("model2.xml", "TST-MOD-01", "minpros-az-1128-model", "3.2",
                                       "    <superseded-by rule=\"TST-LAW-01\">закон требует того же</superseded-by>\n");
    const auto tree = without_consent();
    const CheckResult r = check(tree, {&model}, Date(2024, 6, 1));
    const auto f = failed(r);
    BOOST_REQUIRE_EQUAL(f.size(), 1u);
    BOOST_TEST(f[0]->rule->id == "TST-MOD-01");
    BOOST_TEST(std::string(category_name(f[0]->category)) == category_name(Category::recommendation));
    BOOST_TEST(f[0]->absorbed.empty());
}

BOOST_AUTO_TEST_CASE(a_violation_is_never_folded_into_a_recommendation) {
    // The binding rule declares itself superseded by a recommendation: both findings stay.
    const Ruleset law = consent_rule("law3.xml", "TST-LAW-01", "tk-rf", "351.8/1",
                                     "    <superseded-by rule=\"TST-MOD-01\">(неверное объявление)</superseded-by>\n");
    const Ruleset model = consent_rule("model3.xml", "TST-MOD-01", "minpros-az-1128-model", "3.2");
    const auto tree = without_consent();
    const CheckResult r = check(tree, {&model, &law}, Date(2025, 6, 1));
    const auto f = failed(r);
    BOOST_REQUIRE_EQUAL(f.size(), 2u);
    for (const Finding* x : f) BOOST_TEST(x->absorbed.empty());
}

BOOST_AUTO_TEST_CASE(the_shipped_model_consent_is_absorbed_by_the_labour_code_for_the_same_mentor) {
    const auto catalog = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    const auto tree = without_consent();
    const Date as_of(2025, 6, 1);
    const CheckResult r = check(tree, catalog.select("Алтайский край", "Барнаул", as_of), as_of);
    std::vector<std::string> about_him;
    for (const Finding* f : failed(r)) {
        if (f->subject.path == "mentors[0]") about_him.push_back(f->rule->id);
    }
    BOOST_TEST(std::count(about_him.begin(), about_him.end(), "FED-MNT-01") == 0);
    BOOST_TEST(std::count(about_him.begin(), about_him.end(), "FED-MNT-03") == 0);
    const auto tk = std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& f) {
        return f.rule->id == "TK-CNS-01" && f.subject.path == "mentors[0]";
    });
    BOOST_REQUIRE(tk != r.findings.end());
    BOOST_TEST(std::string(outcome_token(tk->outcome)) == "violated");
    BOOST_TEST(cites(*tk, "minpros-az-1128-model"));
}

BOOST_AUTO_TEST_CASE(lint_names_a_superseding_rule_nobody_has) {
    const Ruleset model = consent_rule("model4.xml", "TST-MOD-01", "minpros-az-1128-model", "3.2",
                                       "    <superseded-by rule=\"TST-XXX-99\">нет такого</superseded-by>\n");
    std::string all;
    for (const auto& d : lint(model, {})) all += d.message + "\n";
    BOOST_TEST(all.find("вытесняется правилом [TST-XXX-99], которого нет") != std::string::npos, all);
}

BOOST_AUTO_TEST_SUITE_END()
