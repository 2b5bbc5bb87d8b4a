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

}  // namespace nastavnik::rules
