#pragma once
// All rulesets found under a rulesets/ folder, and the choice of those that apply to an
// organisation on a date.

#include "nastavnik/rules/ruleset.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace nastavnik::rules {

class Catalog {
public:
    /// Loads every *.xml under `root` (except schema/ and tests/). Throws Error(ruleset_invalid)
    /// listing the problems of all files.
    static Catalog load(const std::filesystem::path& root);

    [[nodiscard]] const std::vector<std::unique_ptr<Ruleset>>& all() const noexcept { return rulesets_; }
    /// By id; the version in force on `day` if several versions share the id.
    [[nodiscard]] const Ruleset* find(const std::string& id, const Date& day) const;
    /// Rulesets whose region/municipality match and that are in force on `day`, upper layers first.
    [[nodiscard]] std::vector<const Ruleset*> select(const std::string& region, const std::string& municipality,
                                                     const Date& day) const;
    /// `rs` with the upper layers that apply where it applies, on `day` (for its own tests).
    [[nodiscard]] std::vector<const Ruleset*> chain_of(const Ruleset& rs, const Date& day) const;

private:
    std::vector<std::unique_ptr<Ruleset>> rulesets_;
};

}  // namespace nastavnik::rules
