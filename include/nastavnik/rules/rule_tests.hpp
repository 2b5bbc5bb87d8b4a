#pragma once
// Per-rule test cases stored as data next to each ruleset (docs/CONTRACTS.md §6): a base
// organisation, a JSON merge patch and the expected findings of one rule, with their category
// when the case says it («нарушение», «рекомендация», «срок не истёк»). A rule without a
// satisfied, a violated and (if it has `requires`) a not-evaluable case is a failure too; a rule
// a lower layer adopts or sets a deadline for is tested in that layer's folder too, and needs a
// case that shows it binding there (and, with a deadline, one before it).

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
    // A rule this layer adopts or sets a deadline for (not its own): what the layer changes is
    // what its cases must show.
    bool adopted = false, with_deadline = false;
    bool binding_violation = false;  // a case saw it violated as «нарушение»
    bool pending = false;            // a case saw it «срок не истёк»
    [[nodiscard]] bool complete() const {
        if (adopted || with_deadline) return binding_violation && (!with_deadline || pending);
        return satisfied && violated && (!needs_not_evaluable || not_evaluable);
    }
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
