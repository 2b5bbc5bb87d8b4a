#pragma once
// The check result for people (Russian text: which levels applied, data problems, violations
// of binding acts, deadlines not yet passed, recommendations, what could not be checked, the
// conclusion) and for programs (JSON, format "nastavnik.check/2", docs/ru/check-report.md).

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/rules/engine.hpp"

#include <string>
#include <vector>

namespace nastavnik::rules {

/// `explain`: for each finding also the facts from the data, the parameter values in force
/// and the ruleset version that applied; satisfied checks are listed too.
std::string report_text(const CheckResult& result, const data::DataTree& tree, bool explain = false);
std::string report_json(const CheckResult& result, const data::DataTree& tree);

/// The conclusion sentence(s): «Заключение: …» — of the organisation or of the municipality.
std::string conclusion_text(const CheckResult& result, const data::DataTree& tree);
/// The same from the sections the caller has already made (the text report and the act print
/// them too), so that they are made once per report.
std::string conclusion_text(const CheckResult& result, const data::DataTree& tree, const std::vector<PrintedSection>& printed);

/// The exit code of `check` for a conclusion: 0 compliant, 1 violations, 3 incomplete, 2 no rules.
int exit_code_of(Conclusion c);

/// A finding's text for a document people read: the data fields the rulesets name in brackets
/// for the JSON report («сведения о письменном согласии наставника (mentors[].consent_date)»)
/// are left out.
std::string without_data_paths(std::string text);

}  // namespace nastavnik::rules
