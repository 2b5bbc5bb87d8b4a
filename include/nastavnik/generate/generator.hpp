#pragma once
// `generate`: fills the document templates for one organisation and writes them. All
// documents are rendered in memory first; nothing is written unless all of them succeed.

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/engine.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::generate {

struct DocumentKind {
    std::string id;             // "polozhenie"
    std::string title;          // Russian, for messages and the index
    std::string template_file;  // relative to the templates folder
    std::string output_name;    // Russian file name; "{expr}" parts are evaluated on the item
    std::string act_kind;       // the recorded act whose date and number the document carries
    std::string each;           // XPath: one document per node (a consent per mentor); empty = one
};

/// The documents `generate` writes.
const std::vector<DocumentKind>& document_kinds();

/// What `generate` writes for each document: the DOCX, its PDF (rendered by our own
/// renderer, same base name, beside it), or both.
enum class OutputFormat { docx, pdf, both };

struct Options {
    std::filesystem::path out_dir;
    std::filesystem::path templates_dir;
    Date as_of;
    std::optional<std::string> order_date;    // ISO; default: the recorded order, else as_of
    std::optional<std::string> order_number;  // default: the recorded order, else a blank to fill in
    bool force = false;                       // generate despite error-level violations
    std::vector<std::string> only;            // document kind ids; empty = all
    OutputFormat format = OutputFormat::both;
};

struct Written {
    std::string kind;
    std::filesystem::path file;
    std::size_t bytes = 0;
    std::vector<Diagnostic> warnings;  // a PDF: what the renderer could only approximate
};

/// Throws Error(generation_refused) listing the violations when the data breaks an
/// error-level rule and !force; Error(template_invalid) with every template problem.
std::vector<Written> generate(const data::DataTree& tree, const rules::CheckResult& check, const Options& options);

}  // namespace nastavnik::generate
