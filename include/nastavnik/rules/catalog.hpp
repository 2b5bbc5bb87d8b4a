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
    /// Loads the recorded acts of `root`/acts/ and every other *.xml under `root` (except
    /// schema/ and tests/) as a ruleset. Throws Error(ruleset_invalid) listing the problems of
    /// all files.
    static Catalog load(const std::filesystem::path& root);

    [[nodiscard]] const std::vector<std::unique_ptr<Ruleset>>& all() const noexcept { return rulesets_; }
    /// The recorded acts the rulesets of format 2 cite.
    [[nodiscard]] const std::shared_ptr<const ActLibrary>& acts() const noexcept { return acts_; }
    /// By id; the version in force on `day` if several versions share the id.
    [[nodiscard]] const Ruleset* find(const std::string& id, const Date& day) const;
    /// Rulesets whose region/municipality match and that are in force on `day`, upper layers first.
    [[nodiscard]] std::vector<const Ruleset*> select(const std::string& region, const std::string& municipality,
                                                     const Date& day) const;
    /// Every other ruleset of an upper layer or of the same one that applies where `rs` applies,
    /// whatever its dates (what lint checks names and parameters against).
    [[nodiscard]] std::vector<const Ruleset*> uppers_of(const Ruleset& rs) const;
    /// `rs` with the upper layers (and the other rulesets of its own layer) that apply where it
    /// applies, on `day` (for its own tests).
    [[nodiscard]] std::vector<const Ruleset*> chain_of(const Ruleset& rs, const Date& day) const;

private:
    std::vector<std::unique_ptr<Ruleset>> rulesets_;
    std::shared_ptr<const ActLibrary> acts_;
};

}  // namespace nastavnik::rules
