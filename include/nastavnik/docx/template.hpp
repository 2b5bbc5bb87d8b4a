#pragma once
// DOCX templates: real Word documents with {{ tags }} (docs/CONTRACTS.md §4). A template is
// compiled once — tags found even when Word split them across runs, blocks matched, every
// XPath compiled, all errors reported together — and rendered many times:
//
//   const auto tpl = nastavnik::docx::Template::load("templates/polozhenie.docx");
//   nastavnik::xpath::Evaluator ev(tree.doc(), "2023-09-01", {{"order_number", "127"}});
//   const std::string docx = tpl.render(ev, tree.root());
//
// The output is reproducible: parts without tags are copied byte for byte (compressed data
// included), rewritten parts carry a fixed time stamp.

#include "nastavnik/xpath/evaluator.hpp"

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>

namespace nastavnik::docx {

/// Named limits on filling a template (docs/LIMITS.md): a loop over every node of the data
/// inside another such loop, or a value holding the whole file repeated, stop here with an
/// Error(template_invalid) naming the tag, before memory runs out. The real templates fill a
/// 5 000-pair organisation with a few tens of thousands of repetitions and a few MB per part.
struct TemplateLimits {
    static constexpr std::size_t max_repetitions = 200'000;     // of all loops of one part
    static constexpr std::size_t max_part_bytes = 64u << 20;    // as docx::PackageLimits reads a part
};

class Template {
public:
    /// Throws Error(io), Error(package_invalid) (hostile or broken package, naming the file
    /// and the part) or Error(template_invalid) with every bad tag, each located by its
    /// paragraph's text.
    static Template load(const std::filesystem::path& file);
    /// The same for a template in memory; `display_name` is how messages name it.
    static Template from_bytes(std::string bytes, std::string display_name);

    /// Fills the template; expressions are evaluated relative to `context`. Returns the DOCX
    /// bytes. Throws Error(template_invalid) listing every tag that could not be filled
    /// (empty value, evaluation error). The compiled template is not changed: render it as
    /// many times as there are organisations.
    [[nodiscard]] std::string render(const xpath::Evaluator& ev, xmlNodePtr context) const;
    [[nodiscard]] const std::string& name() const noexcept;

    struct Compiled;  // internal
    /// Internal (src/docx/compiled.hpp), for the tests that compare the two ways of rendering.
    friend const Compiled& compiled_of(const Template& t) noexcept { return *t.compiled_; }

private:
    std::shared_ptr<const Compiled> compiled_;
};

/// Plain text of word/document.xml: a '\n' after each paragraph and for each line break,
/// '\t' for tabs. For tests and end-to-end checks.
std::string document_text(const std::string& docx_bytes);

}  // namespace nastavnik::docx
