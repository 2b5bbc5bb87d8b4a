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

/// $order_date / $order_number as generate sets them: the last recorded act of the kind, else
/// the as-of date and a blank. A copy of document_variables() in generator.cpp, which is
/// internal; if the two drift apart, the byte comparison with generate's output in
/// bench/docxtemplater_bench.sh fails.
inline xpath::Variables document_variables(const data::DataTree& tree, const std::string& as_of,
                                           const std::string& act_kind) {
    xpath::Evaluator ev(tree.doc(), as_of);
    const auto recorded = xpath::Expression::compile("(/data/acts/act[kind = '" + act_kind + "'])[last()]");
    const auto nodes = ev.nodes(recorded, tree.root());
    std::string date = as_of;
    std::string number = "________";
    if (!nodes.empty()) {
        date = ev.string(xpath::Expression::compile("date"), nodes.front());
        const std::string n = ev.string(xpath::Expression::compile("number"), nodes.front());
        if (!n.empty()) number = n;
    }
    return {{"order_date", date}, {"order_number", number}};
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
