#include "nastavnik/rules/catalog.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/layering.hpp"

#include <algorithm>

namespace nastavnik::rules {

Catalog Catalog::load(const std::filesystem::path& root) {
    Catalog catalog;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        throw Error(ErrorCode::io, "папка наборов правил не найдена", InputLocation{root.string(), 0, 0, {}});
    }
    const auto schemas = root / "schema";
    catalog.acts_ = ActLibrary::load(root / "acts", schemas / "act-1.xsd");
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(root); it != std::filesystem::recursive_directory_iterator(); ++it) {
        const auto name = it->path().filename().string();
        if (it->is_directory() && (name == "schema" || name == "tests" || (name == "acts" && it->path().parent_path() == root))) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && it->path().extension() == ".xml") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());  // deterministic order of rulesets and findings
    std::vector<Diagnostic> problems;
    for (const auto& f : files) {
        try {
            catalog.rulesets_.push_back(std::make_unique<Ruleset>(load_ruleset(f, schemas, catalog.acts_)));
        } catch (const Error& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::ruleset_invalid, std::move(problems));
    // Every ruleset must compose with the layers above it, on the first day it is in force.
    for (const auto& rs : catalog.rulesets_) {
        try {
            compose(catalog.chain_of(*rs, rs->valid_from));
        } catch (const Error& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::ruleset_invalid, std::move(problems));
    return catalog;
}

const Ruleset* Catalog::find(const std::string& id, const Date& day) const {
    const Ruleset* any = nullptr;
    for (const auto& rs : rulesets_) {
        if (rs->id != id) continue;
        if (rs->in_force(day)) return rs.get();
        any = rs.get();
    }
    return any;
}

std::vector<const Ruleset*> Catalog::select(const std::string& region, const std::string& municipality,
                                            const Date& day) const {
    std::vector<const Ruleset*> out;
    for (const auto& rs : rulesets_) {
        if (rs->applies_to(region, municipality) && rs->in_force(day)) out.push_back(rs.get());
    }
    std::stable_sort(out.begin(), out.end(), [](const Ruleset* a, const Ruleset* b) { return a->layer < b->layer; });
    return out;
}

std::vector<const Ruleset*> Catalog::uppers_of(const Ruleset& rs) const {
    std::vector<const Ruleset*> out;
    for (const auto& u : rulesets_) {
        // The same layer too: a federal law's layer adopts a rule of the federal recommendations.
        if (u.get() != &rs && u->layer <= rs.layer && u->applies_to(rs.region, rs.municipality)) out.push_back(u.get());
    }
    return out;
}

std::vector<const Ruleset*> Catalog::chain_of(const Ruleset& rs, const Date& day) const {
    std::vector<const Ruleset*> out;
    // The same layer too: a federal law's layer adopts a rule of the federal recommendations.
    for (const Ruleset* upper : select(rs.region, rs.municipality, day)) {
        if (upper->layer <= rs.layer && upper != &rs && upper->id != rs.id) out.push_back(upper);
    }
    out.push_back(&rs);
    return out;
}

}  // namespace nastavnik::rules
