#pragma once
// The auditor's act (справка о результатах проверки): the check's findings with their
// citations, filled into templates/spravka-o-proverke.docx by the ordinary template engine.

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/ruleset_document.hpp"

#include <filesystem>
#include <memory>
#include <string>

namespace nastavnik::rules {

/// <act><data>…the organisation…</data>
///   <inspection>…the inspecting body's requisites (format nastavnik.inspection/1), the inspector
///     with id "inspector"; empty when none are given…</inspection>
///   <check><as_of/><acts><act>…each act the rules rest on…</act></acts><summary>…counts…</summary>
///   <section kind="error|warning|info|not_evaluable"><n/><title/>
///     <finding><text/><requirement/><citation/></finding>…</section>…</check></act>
/// Sections come most serious first and only when they have findings; a finding's text names
/// the person or programme in words, never a data path.
std::unique_ptr<xmlDoc, XmlDocDeleter> check_data_tree(const CheckResult& result, const data::DataTree& tree,
                                                       const data::DataTree* inspection = nullptr);

/// A finding that says nothing a document has not said already: data missing for a rule whose
/// subject another rule found in violation over the same fields («не давала письменного
/// согласия», then «нет сведений — дата письменного согласия»), or that an earlier finding on the
/// same subject already lacked. Documents leave it out; the text and JSON reports keep it.
bool said_before(const CheckResult& result, const Finding& finding);

/// A finding as people read it: the sentence names the person or programme in words first
/// («Программа наставника О.И. Лебедевой и наставляемого М.Е. Крылова: не указаны цели.»).
struct PrintedFinding {
    const Finding* finding = nullptr;
    std::string text;
};

/// The findings the act and the text report print, in one order and one wording: errors,
/// remarks (замечания: violations of warning severity), what concerns only programmes ended
/// before the academic year of the check (kind "ended", "not_evaluable_ended": history, taken
/// into account, not put right), deadlines not passed, recommendations, not evaluable. Findings
/// said_before are left out; empty sections too.
struct PrintedSection {
    std::string kind;   // error, warning, ended, pending, info, not_evaluable, not_evaluable_ended
    std::string title;  // «Нарушения обязательных требований», «Замечания по программам … которые завершены»
    std::string found;  // "ended" only: «замечание по программам наставничества 2023/2024 учебного года»,
                        // «нарушение обязательного требования и рекомендацию по программам …»
    std::size_t errors = 0, warnings = 0, advice = 0;  // advice: recommendations (history only)
    std::vector<PrintedFinding> items;
};
std::vector<PrintedSection> printed_sections(const CheckResult& result, const data::DataTree& tree);

/// Fills `template_file`; returns DOCX bytes.
std::string check_document(const CheckResult& result, const data::DataTree& tree, const std::filesystem::path& template_file,
                           const data::DataTree* inspection = nullptr);

}  // namespace nastavnik::rules
