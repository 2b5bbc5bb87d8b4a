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

/// <act><data>…the organisation…</data><check><as_of/><rulesets><ruleset>…</ruleset></rulesets>
///   <summary>…counts…</summary><finding outcome="…"><rule/><severity/><title/><message/>
///   <where/><citation/><missing/></finding>…</check></act>
std::unique_ptr<xmlDoc, XmlDocDeleter> check_data_tree(const CheckResult& result, const data::DataTree& tree);

/// Fills `template_file`; returns DOCX bytes.
std::string check_document(const CheckResult& result, const data::DataTree& tree, const std::filesystem::path& template_file);

}  // namespace nastavnik::rules
