#pragma once
// Layering: federal → regional → municipal → institutional. A lower layer adds rules, and may
// tighten, override or disable a rule from above — but only by saying so. An undeclared clash
// is an error naming both rules.

#include "nastavnik/core/date.hpp"
#include "nastavnik/rules/ruleset.hpp"

#include <vector>

namespace nastavnik::rules {

struct EffectiveRule {
    const Rule* rule = nullptr;
    const Ruleset* ruleset = nullptr;       // the layer whose version applies
    const Ruleset* replaced_from = nullptr; // the upper layer it tightened/overrode, if any
    /// Binding acts of lower layers that adopted the rule, lowest layer first.
    std::vector<std::pair<const Adoption*, const Ruleset*>> adoptions;
    /// The deadline an act set for it, if any (the lowest layer's).
    const Deadline* deadline = nullptr;
    const Ruleset* deadline_ruleset = nullptr;

    /// What the rule rests on: the adopting acts' citations first, then the rule's own.
    [[nodiscard]] std::vector<const Citation*> citations() const;
};

struct Composition {
    std::vector<const Ruleset*> chain;  // upper layers first
    std::vector<EffectiveRule> rules;   // in the order of the upper layers, additions after
    /// Parameters in force on `day`; a lower layer's value of the same name wins.
    [[nodiscard]] xpath::Variables parameters_at(const Date& day) const;
};

/// Orders the rulesets by layer and applies the declarations. Throws Error(ruleset_invalid)
/// listing every undeclared clash, and every change of a rule that no upper layer has.
Composition compose(std::vector<const Ruleset*> rulesets);

}  // namespace nastavnik::rules
