#pragma once
// Shared by the template benchmarks: which document kind a template file belongs to, the item
// it is filled for, and its document variables — the same choices `nastavnik generate` makes
// (src/generate/generator.cpp), so that a benchmark renders the very document generate writes.

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/generate/generator.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <filesystem>
#include <string>

namespace nastavnik::bench {

/// The kind whose template file is `template_file`'s name (polozhenie.docx → "polozhenie").
inline const generate::DocumentKind& kind_of_template(const std::filesystem::path& template_file) {
    for (const auto& k : generate::document_kinds()) {
        if (k.template_file == template_file.filename().string()) return k;
    }
    throw Error(ErrorCode::usage, "нет вида документа с шаблоном " + template_file.filename().string());
}

/// The variables generate fills a document of the kind with (its own function, so that the
/// bench and generate cannot drift apart).
inline xpath::Variables document_variables(const data::DataTree& tree, const std::string& as_of,
                                           const std::string& act_kind) {
    generate::Options options;
    options.as_of = *Date::parse_iso(as_of);
    return generate::document_variables(tree, options, act_kind, generate::document_settings(tree));
}

/// What the document is filled for: the root, or for a per-item kind (a consent per mentor)
/// its first item — the document generate writes first for that kind.
inline xmlNodePtr first_item(const xpath::Evaluator& ev, const generate::DocumentKind& kind,
                             const data::DataTree& tree) {
    if (kind.each.empty()) return tree.root();
    const auto items = ev.nodes(xpath::Expression::compile(kind.each), tree.root());
    if (items.empty()) throw Error(ErrorCode::usage, "у организации нет ни одного документа вида " + kind.id);
    return items.front();
}

}  // namespace nastavnik::bench
