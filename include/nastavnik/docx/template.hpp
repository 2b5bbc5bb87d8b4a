#pragma once
// DOCX templates: real Word documents with {{ tags }} (docs/CONTRACTS.md §4). A template is
// compiled once — tags found even when Word split them across runs, blocks matched, every
// XPath compiled, all errors reported together — and rendered many times.

#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace nastavnik::docx {

class Template {
public:
    /// Throws Error(io), Error(package_invalid) or Error(template_invalid) with all problems.
    static Template load(const std::filesystem::path& file);
    static Template from_bytes(std::string bytes, std::string display_name);

    /// Fills the template; expressions are evaluated relative to `context`. Returns the DOCX
    /// bytes. Throws Error(template_invalid) listing every tag that could not be filled.
    [[nodiscard]] std::string render(const xpath::Evaluator& ev, xmlNodePtr context) const;
    [[nodiscard]] const std::string& name() const noexcept;

    struct Compiled;  // internal

private:
    std::shared_ptr<const Compiled> compiled_;
};

/// Plain text of word/document.xml: paragraphs separated by '\n', tabs as '\t'.
std::string document_text(const std::string& docx_bytes);

}  // namespace nastavnik::docx
