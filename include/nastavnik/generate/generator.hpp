#pragma once
// `generate`: fills the document templates for one organisation and writes them. All
// documents are rendered in memory first; nothing is written unless all of them succeed.

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/generate/document_settings.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/engine.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::generate {

/// A template used instead of the kind's own when the organisation's data satisfy `when`
/// (XPath on the data tree): the model Положение of the organisation's municipality.
struct TemplateVariant {
    std::string when;
    std::string template_file;
};

struct DocumentKind {
    std::string id;             // "polozhenie"
    std::string title;          // Russian, for messages and the index
    std::string template_file;  // relative to the templates folder
    std::string output_name;    // Russian file name; "{expr}" parts are evaluated on the item
    std::string act_kind;       // the recorded act whose date and number the document carries
    std::string each;           // XPath: one document per node (a consent per mentor); empty = one
    std::vector<TemplateVariant> variants = {};  // the first whose `when` holds replaces template_file
    std::string only_when = {};  // XPath on the data: the kind is written only when it holds; empty = always
    std::string act_when = {};   // XPath predicate a recorded act of act_kind must meet to be this one's; empty = any
};

/// The documents `generate` writes.
const std::vector<DocumentKind>& document_kinds();

/// Written beside the documents: the numbered list of what this run wrote (title, file name).
inline constexpr const char* index_file_name = "Состав пакета.txt";
/// What `generate` writes for each document: the DOCX, its PDF (rendered by our own
/// renderer, same base name, beside it), or both.
enum class OutputFormat { docx, pdf, both };

struct Options {
    std::filesystem::path out_dir;
    std::filesystem::path templates_dir;
    Date as_of;
    // The date and number of the documents this package issues: a document the data record
    // (an act with its date and number) keeps its own.
    std::optional<std::string> order_date;    // ISO; default: as_of
    std::optional<std::string> order_number;  // default: a blank to fill in at registration
    bool force = false;                       // generate despite error-level violations
    // Draw again the documents the organisation issued before as_of too (an order recorded with an
    // earlier date, a consent signed, a programme begun): a text to compare with the signed one,
    // not to sign again. Off: they are named in the inventory and not drawn.
    bool reissue = false;
    std::vector<std::string> only;            // document kind ids; empty = all
    OutputFormat format = OutputFormat::both;
    // The check of the same data on the same date: the analytical report states its violations
    // and follows its rulesets' monitoring parameters. Null: none known.
    const rules::CheckResult* check = nullptr;
    // The ruleset catalog: the Положение cites the regional and municipal acts in force on the
    // day it is adopted (rules::local_acts_in_force), as /data/legal_basis/act. Null: none.
    const rules::Catalog* catalog = nullptr;
};

struct Written {
    std::string kind;  // a document kind id, or "index" for the list of the package
    std::filesystem::path file;
    std::size_t bytes = 0;
    std::vector<Diagnostic> warnings;  // a PDF: what the renderer could only approximate
};

/// The templates of the document kinds, compiled once and shared — a batch renders them for
/// hundreds of organisations from several threads (Template::render is const).
class TemplateSet {
public:
    /// Compiles the templates of `only` (all kinds if empty). Throws Error(usage) for an
    /// unknown kind id, Error(template_invalid) with every problem of every template.
    TemplateSet(const std::filesystem::path& templates_dir, const std::vector<std::string>& only);
    [[nodiscard]] const std::vector<const DocumentKind*>& kinds() const noexcept { return kinds_; }
    /// A compiled template and whether its package asks for automatic hyphenation.
    struct Entry {
        docx::Template tpl;
        std::optional<bool> hyphenates;  // settings_hyphenation of the template file
    };
    /// The kind's own template.
    [[nodiscard]] const docx::Template& of(const DocumentKind& kind) const;
    /// The template of the kind for this organisation: the first variant whose condition its
    /// data satisfy, else the kind's own.
    [[nodiscard]] const Entry& of(const DocumentKind& kind, const xpath::Evaluator& ev, xmlNodePtr root) const;

private:
    struct Loaded {
        Entry own;
        std::vector<std::pair<xpath::Expression, Entry>> variants;  // condition, template
    };
    std::vector<const DocumentKind*> kinds_;
    std::vector<Loaded> templates_;  // parallel to kinds_
};

/// One filled document, in memory.
struct Document {
    const DocumentKind* kind = nullptr;
    std::string file_name;  // safe, unique within the organisation's package
    std::string bytes;
    std::vector<Diagnostic> warnings = {};  // a PDF: what the renderer could not reproduce
    std::string title = {};                 // for the inventory, when not the kind's (the organisation's own title)
};

/// A document kind that could not be filled for this organisation, and why.
struct KindFailure {
    const DocumentKind* kind = nullptr;
    std::vector<Diagnostic> problems;
};

/// A document kind not drawn because the organisation has issued it (or all its documents)
/// before the as-of date; `note` is what the package's inventory says instead.
struct IssuedKind {
    const DocumentKind* kind = nullptr;
    std::string note;
};

struct Package {
    std::vector<Document> documents;
    std::vector<KindFailure> failures;
    std::vector<IssuedKind> issued;
    /// The date by which the аналитическая справка asks the check's violations put right (its
    /// report/remedy_deadline), when the package holds one: the municipality's documents give each
    /// organisation's measures the same date.
    std::optional<Date> remedy_deadline;
};

/// Fills every kind of `templates` for the organisation; a kind that fails does not stop the
/// others. Does not look at the check result (the caller decides on refusal).
Package render_package(const data::DataTree& tree, const Options& options, const TemplateSet& templates);

/// The variables a document of a kind is filled with: $order_date / $order_number (the recorded
/// act of the kind, or Options' values, or the as-of date and a blank) and $approved_date /
/// $approved_number (the order that approved that act). `act_when`: a predicate the recorded act
/// must meet (DocumentKind::act_when).
xpath::Variables document_variables(const data::DataTree& tree, const Options& options, const std::string& act_kind,
                                    const DocumentSettings& settings, const std::string& act_when = {});

/// The error-level violations that refuse a package (as refuse_if_violated words them), except
/// those that concern only programmes ended before the academic year of `as_of`.
std::vector<Diagnostic> refusal_reasons(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of);

/// Throws Error(generation_refused) listing the error-level violations, if any — except those
/// that concern only programmes ended before the academic year of `as_of` (history, which the
/// справка and the act take into account and do not ask put right).
void refuse_if_violated(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of);

/// Writes the documents into `out_dir` (created if needed), each atomically; on failure takes
/// back what it wrote and rethrows.
std::vector<Written> write_package(const std::vector<Document>& documents, const std::filesystem::path& out_dir);

/// Throws Error(generation_refused) listing the violations when the data breaks an
/// error-level rule and !force; Error(template_invalid) with every template problem.
std::vector<Written> generate(const data::DataTree& tree, const rules::CheckResult& check, const Options& options);

}  // namespace nastavnik::generate
