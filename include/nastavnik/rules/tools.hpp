#pragma once
// Tools for the legal staff who maintain rulesets: lint, show and diff.

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/date.hpp"
#include "nastavnik/rules/ruleset.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace nastavnik::rules {

/// Problems a loaded ruleset may still have: unknown functions, undefined or unused
/// parameters, citations without a clause number, parameter values without a source.
/// (Schema, XPath syntax, unknown acts and duplicate ids are already load errors.)
/// `upper`: the layers above `rs` (their parameters may be used by its rules).
std::vector<Diagnostic> lint(const Ruleset& rs, const std::vector<const Ruleset*>& upper = {});

/// Quotes of the ruleset's citations that its acts' texts do not hold: each quote, its «…» gaps
/// taken as gaps, must be found in the text of the cited act (`Act::source` in the folder
/// `texts`), its parts in order, compared without regard to case, spaces, the kind of quotation
/// marks and dashes, ё/е, and the Markdown emphasis of the converted texts. Acts without a text
/// there are not compared. `compared`: how many quotes were compared.
std::vector<Diagnostic> check_quotes(const Ruleset& rs, const std::filesystem::path& texts, std::size_t* compared = nullptr);

/// The ruleset as text for a person: metadata, acts, parameters with dates, every rule.
std::string show(const Ruleset& rs);

/// What changed from `a` to `b`: rules added, removed and changed (condition, severity,
/// message, citations, title), parameters changed with their dates. Russian text; empty
/// string when nothing changed.
std::string diff(const Ruleset& a, const Ruleset& b);

/// Whose findings change between `a` and `b` for the organisations in `dir` (*.json), on
/// `as_of`, each composed with the layers `upper` above them. Russian text, one block per
/// organisation with differences.
std::string replay(const Ruleset& a, const Ruleset& b, const std::filesystem::path& dir, const Date& as_of,
                   const std::vector<const Ruleset*>& upper = {});

}  // namespace nastavnik::rules
