#pragma once
// Evaluates rules against an organisation's data tree. Outcomes are three-valued per subject:
// satisfied, violated, or not evaluable (the data needed is missing — and which).

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/layering.hpp"
#include "nastavnik/rules/ruleset.hpp"

#include <string>
#include <vector>

namespace nastavnik::rules {

enum class Outcome { satisfied, violated, not_evaluable };

/// "satisfied" / "violated" / "not_evaluable" (stable tokens of the JSON report).
const char* outcome_token(Outcome o);

struct Finding {
    const Ruleset* ruleset = nullptr;
    const Rule* rule = nullptr;
    Outcome outcome = Outcome::satisfied;
    std::string message;               // violated: the rule's message; else the rule's title
    std::vector<std::string> missing;  // not evaluable: which data is missing
    InputLocation subject;             // file, line, column and JSON path of the subject
    std::vector<std::pair<std::string, std::string>> facts;       // label → value from the data
    std::vector<std::pair<std::string, std::string>> parameters;  // $name → value in force
};

struct CheckResult {
    Date as_of;
    std::vector<const Ruleset*> rulesets;    // the layers, upper first
    std::size_t rules = 0;                   // rules in force after layering
    std::vector<Finding> findings;           // in ruleset and rule order, then document order
    std::vector<const Rule*> not_applicable; // rules that selected no subject

    [[nodiscard]] std::size_t count(Outcome o) const;
    [[nodiscard]] std::size_t count_violated(Severity s) const;
    /// No violated rule of severity «ошибка» or «предупреждение».
    [[nodiscard]] bool compliant() const;
};

/// Checks with the composition of the rulesets (layer order and declarations applied).
/// Throws Error(ruleset_invalid) if the layers clash.
/// Only the rules whose subject is `subject` are evaluated (an organisation's file carries no
/// municipal data, and the other way round).
CheckResult check(const data::DataTree& tree, const std::vector<const Ruleset*>& rulesets, const Date& as_of,
                  Subject subject = Subject::organisation);

/// The same with the composition made beforehand and its parameters on `as_of`
/// (composition.parameters_at(as_of)): for many organisations under the same rulesets (batch).
CheckResult check(const data::DataTree& tree, const Composition& composition, const xpath::Variables& parameters,
                  const Date& as_of, Subject subject = Subject::organisation);

}  // namespace nastavnik::rules
