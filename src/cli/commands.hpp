#pragma once
// The CLI's commands and what they share. Each command returns the process exit code;
// errors propagate as nastavnik::Error to main, which prints them once.

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/jurisdiction.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace nastavnik::cli {

namespace exit_code {
inline constexpr int ok = 0;          // compliant / done
inline constexpr int findings = 1;    // violations found
inline constexpr int failure = 2;     // bad usage or bad input
inline constexpr int incomplete = 3;  // check: no violation found, binding requirements left unchecked
}  // namespace exit_code

/// Folder holding rulesets/ and templates/: --data-dir, $NASTAVNIK_HOME, the installed
/// share/nastavnik beside the executable, or the source tree.
std::filesystem::path data_dir(const std::string& explicit_dir);

/// --as-of value, or today. Error(usage) for a malformed date.
Date as_of_date(const std::optional<std::string>& text);

/// «Внимание: …» on standard output when `day`, the date new documents bear, is a Saturday, a
/// Sunday or a public holiday: an order is signed on a working day (review of 7.12.2026: a
/// package dated Sunday 06.12.2026 with no word). `how` names the option that sets it.
void warn_if_day_off(const Date& day, const std::string& how);

/// The rulesets for the organisation: by --ruleset id, or chosen by region and municipality
/// (names normalised, a near miss refused), with what applied at each level.
rules::Selection choose_rulesets(const rules::Catalog& catalog, const data::DataTree& tree,
                                 const std::optional<std::string>& ruleset_id, const Date& as_of);

/// --format docx|pdf|both (absent: both). Error(usage) for anything else.
generate::OutputFormat output_format(const std::optional<std::string>& value);

/// The document as the output file's extension asks: a «.pdf» file gets the DOCX printed by our
/// renderer (dated `date`, for byte-identical reruns), anything else the DOCX itself.
std::string in_requested_format(std::string docx, const std::filesystem::path& out, const std::string& title, const Date& date);

int run_check(const std::vector<std::string>& args);
int run_generate(const std::vector<std::string>& args);
int run_ruleset(const std::vector<std::string>& args);
int run_batch(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_workbook(const std::vector<std::string>& args);

/// The organisation's data tree from its JSON file or workbook; a workbook's warnings (columns
/// it does not know, …) are printed.
data::DataTree load_organisation(const std::string& file);

}  // namespace nastavnik::cli
