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

/// What a failed check is for the auditor: a violation of a binding act; a recommendation
/// (the requirement rests on methodological recommendations only); a requirement whose deadline
/// has not passed yet; information.
enum class Category { violation, recommendation, pending, info };

/// "нарушение" / "рекомендация" / "срок не истёк" / "к сведению".
const char* category_name(Category c);

struct Finding {
    const Ruleset* ruleset = nullptr;
    const Rule* rule = nullptr;
    Outcome outcome = Outcome::satisfied;
    std::string message;               // violated: the rule's message; else the rule's title
    std::string remedy;                // violated: the rule's remedy, if it has one («получить …»)
    std::vector<std::string> missing;  // not evaluable: which data is missing
    InputLocation subject;             // file, line, column and JSON path of the subject
    std::string subject_name;          // the subject in words: «пара: наставник Е.Н. Васильева — …»
    std::vector<std::pair<std::string, std::string>> facts;       // label → value from the data
    std::vector<std::pair<std::string, std::string>> parameters;  // $name → value in force
    /// What the requirement rests on, as composed (adopting acts first); after a deadline has
    /// passed, the act that set it too.
    std::vector<const Citation*> citations;
    Force force = Force::binding;        // binding if any citation of a binding act in force
    const Citation* binding = nullptr;   // that citation
    /// The organisation's own document that makes a model's clause binding on it (its
    /// Положение reproduces the model Положение: acts[].follows_model), in words; empty when
    /// the binding citation binds by itself.
    std::string adopted_by;
    std::optional<Date> deadline;        // a deadline an act set for the rule
    Category category = Category::info;  // meaningful when violated
    /// Violated, but the message could not be composed from the data (the title stands in): why.
    /// A ruleset case with such a finding fails — a person would read the expression.
    std::string message_error;
    /// Rules whose failure for the same subject this finding states too (<superseded-by>): their
    /// findings are left out and their citations joined to this one's.
    std::vector<const Rule*> absorbed;

    /// What makes the requirement binding, as the report prints it: the binding citation, or the
    /// organisation's document «воспроизводящее» the model's clause.
    [[nodiscard]] std::string binding_text() const;
    /// A violation of a binding act (what makes an organisation non-compliant).
    [[nodiscard]] bool is_violation() const { return outcome == Outcome::violated && category == Category::violation; }
    /// A binding requirement that could not be checked: the check is not complete without it.
    [[nodiscard]] bool is_gap() const;
};

/// How a check ends: no violation; violations; no violation found but binding requirements
/// left unchecked for lack of data; no rules applied at all.
enum class Conclusion { compliant, violations, incomplete, no_rules };

/// "соответствует" / "нарушения" / "не завершена" / "нет правил" (tokens of the JSON report).
const char* conclusion_token(Conclusion c);

/// One level of requirements (federal, regional, municipal, institutional) and what applied at
/// it, or why nothing did (jurisdiction.hpp).
struct LevelStatus {
    Layer layer = Layer::federal;
    std::vector<const Ruleset*> rulesets;  // applied, upper first
    std::string note;                      // Russian: what applied, or why nothing did
};

struct CheckResult {
    Date as_of;
    std::vector<const Ruleset*> rulesets;    // the layers, upper first
    /// Which levels applied and why the others did not (set by the caller that selected the
    /// rulesets); data problems that do not stop the check (names read differently, values
    /// mixing Cyrillic and Latin letters, dates after the as-of date).
    std::vector<LevelStatus> levels;
    std::vector<Diagnostic> data_warnings;
    std::size_t rules = 0;                   // rules in force after layering
    std::vector<Finding> findings;           // in ruleset and rule order, then document order
    std::vector<const Rule*> not_applicable; // rules that selected no subject

    [[nodiscard]] std::size_t count(Outcome o) const;
    /// Violations of binding acts of that severity.
    [[nodiscard]] std::size_t count_violated(Severity s) const;
    [[nodiscard]] std::size_t count(Category c) const;
    /// Binding requirements left unchecked for lack of data.
    [[nodiscard]] std::size_t gaps() const;
    /// No violation of a binding act of severity «ошибка» or «предупреждение».
    [[nodiscard]] bool compliant() const;
    [[nodiscard]] Conclusion conclusion() const;
};

/// A requirement that the organisation's list of mentees be kept up to date (FED-MNL-01 and any
/// ruleset's like it). Putting it right and pairing the young specialists left without a mentor
/// are one measure: the справка and the municipality's documents propose them together.
bool concerns_mentee_list(const Rule& rule);

/// Data problems the check reads past: values that mix Cyrillic and Latin letters (compared as
/// if Cyrillic), documents, consents and other dates later than `as_of` (not in force on it).
std::vector<Diagnostic> data_warnings(const data::DataTree& tree, const Date& as_of);

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
