#pragma once
// Per-rule test cases stored as data next to each ruleset (docs/CONTRACTS.md §6): a base
// organisation, a JSON merge patch and the expected findings of one rule. A rule without a
// satisfied, a violated and (if it has `requires`) a not-evaluable case is a failure too.

#include "nastavnik/rules/catalog.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace nastavnik::rules {

struct CaseResult {
    std::filesystem::path file;
    std::string ruleset_id;
    std::string rule_id;         // empty for ruleset-selection cases
    std::string description;
    bool passed = false;
    std::string failure;         // Russian, when !passed
};

struct RuleCoverage {
    std::string ruleset_id;
    std::string rule_id;
    bool satisfied = false;
    bool violated = false;
    bool not_evaluable = false;
    bool needs_not_evaluable = false;  // the rule has `requires`
    [[nodiscard]] bool complete() const { return satisfied && violated && (!needs_not_evaluable || not_evaluable); }
};

struct RuleTestReport {
    std::vector<CaseResult> cases;
    std::vector<RuleCoverage> coverage;
    [[nodiscard]] std::size_t failed() const;
    [[nodiscard]] std::size_t incomplete() const;
    [[nodiscard]] bool ok() const { return failed() == 0 && incomplete() == 0; }
};

/// Runs the cases of every ruleset of the catalog (tests/ beside each ruleset file).
RuleTestReport run_rule_tests(const Catalog& catalog);

/// One case file of `rule` (of `rs`), as run_rule_tests runs each: its base read relative to
/// the file, the patch applied, the chain of `rs` checked, the findings compared.
CaseResult run_rule_case(const Catalog& catalog, const Ruleset& rs, const Rule& rule, const std::filesystem::path& file);
/// Human report in Russian: failures, coverage table, totals.
std::string format_rule_test_report(const RuleTestReport& report);

}  // namespace nastavnik::rules
