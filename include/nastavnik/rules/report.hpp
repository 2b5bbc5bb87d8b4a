#pragma once
// The check result for people (Russian text, grouped by severity, with citations) and for
// programs (JSON, format "nastavnik.check/1", documented in docs/ru/check-report.md).

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/engine.hpp"

#include <string>

namespace nastavnik::rules {

/// `explain`: for each finding also the facts from the data, the parameter values in force
/// and the ruleset version that applied; satisfied checks are listed too.
std::string report_text(const CheckResult& result, const data::DataTree& tree, bool explain = false);
std::string report_json(const CheckResult& result, const data::DataTree& tree);

/// A finding's text for a document people read: the data fields the rulesets name in brackets
/// for the JSON report («сведения о письменном согласии наставника (mentors[].consent_date)»)
/// are left out.
std::string without_data_paths(std::string text);

}  // namespace nastavnik::rules
