#include "nastavnik/rules/layering.hpp"

#include "nastavnik/core/error.hpp"

#include <algorithm>

namespace nastavnik::rules {

namespace {

std::string where(const Ruleset& rs, int line) {
    return rs.id + " (" + rs.file.filename().string() + ", строка " + std::to_string(line) + ")";
}

int rank(Severity s) { return s == Severity::error ? 2 : s == Severity::warning ? 1 : 0; }

}  // namespace

std::vector<const Citation*> EffectiveRule::citations() const {
    std::vector<const Citation*> out;
    for (const auto& [adoption, rs] : adoptions) {
        for (const auto& c : adoption->citations) out.push_back(&c);
    }
    for (const auto& c : rule->citations) out.push_back(&c);
    return out;
}

xpath::Variables Composition::parameters_at(const Date& day) const {
    xpath::Variables vars;
    for (const Ruleset* rs : chain) {
        for (auto& [k, v] : rs->parameters_at(day)) vars[k] = v;
    }
    return vars;
}

Composition compose(std::vector<const Ruleset*> rulesets) {
    std::stable_sort(rulesets.begin(), rulesets.end(),
                     [](const Ruleset* a, const Ruleset* b) { return a->layer < b->layer; });
    Composition c;
    c.chain = rulesets;
    std::vector<Diagnostic> problems;
    auto find = [&](const std::string& id) {
        return std::find_if(c.rules.begin(), c.rules.end(), [&](const EffectiveRule& e) { return e.rule->id == id; });
    };
    for (const Ruleset* rs : rulesets) {
        for (const auto& d : rs->disabled) {
            const auto it = find(d.rule_id);
            if (it == c.rules.end()) {
                problems.push_back({InputLocation{rs->file.string(), d.line, 0, d.rule_id},
                                    "отключается правило [" + d.rule_id + "], которого нет в наборах вышестоящих уровней"});
            } else {
                c.rules.erase(it);
            }
        }
        for (const auto& rule : rs->rules) {
            const auto it = find(rule.id);
            const InputLocation loc{rs->file.string(), rule.line, 0, rule.id};
            if (rule.mode == Mode::add) {
                if (it != c.rules.end()) {
                    problems.push_back({loc, "правило [" + rule.id + "] набора " + where(*rs, rule.line) +
                                                 " совпадает с правилом набора " + where(*it->ruleset, it->rule->line) +
                                                 "; объявите mode=\"override\" или mode=\"tighten\" либо дайте другой идентификатор"});
                } else {
                    c.rules.push_back(EffectiveRule{&rule, rs, nullptr, {}, nullptr, nullptr});
                }
                continue;
            }
            if (it == c.rules.end() || it->ruleset == rs) {
                problems.push_back({loc, "правило [" + rule.id + "] объявлено как изменение правила вышестоящего уровня, "
                                         "но такого правила в наборах выше нет"});
                continue;
            }
            if (rule.mode == Mode::tighten && rank(rule.severity) < rank(it->rule->severity)) {
                problems.push_back({loc, "ужесточение [" + rule.id + "] понижает уровень с «" +
                                             std::string(severity_name(it->rule->severity)) + "» до «" +
                                             severity_name(rule.severity) + "» (" + where(*it->ruleset, it->rule->line) +
                                             "); объявите mode=\"override\""});
                continue;
            }
            *it = EffectiveRule{&rule, rs, it->ruleset, {}, nullptr, nullptr};
        }
    }
    // Adoptions and deadlines reach the rules as composed, whichever layer gave their version.
    // A rule they name may be missing on some day (the upper layer is not in force yet): then
    // there is nothing to adopt; `ruleset lint` checks that the ids exist at all.
    for (auto it = rulesets.rbegin(); it != rulesets.rend(); ++it) {
        const Ruleset* rs = *it;
        for (const auto& a : rs->adoptions) {
            if (const auto e = find(a.rule_id); e != c.rules.end()) e->adoptions.emplace_back(&a, rs);
        }
        for (const auto& d : rs->deadlines) {
            for (const auto& id : d.rules) {
                const auto e = find(id);
                if (e == c.rules.end()) continue;
                if (e->deadline == nullptr) {
                    // Lower layers first: the most specific act's deadline stands.
                    e->deadline = &d;
                    e->deadline_ruleset = rs;
                } else if (e->deadline_ruleset == rs) {
                    problems.push_back({InputLocation{rs->file.string(), d.line, 0, id},
                                        "для правила [" + id + "] в наборе два срока: $" + e->deadline->parameter + " и $" + d.parameter});
                }
            }
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::ruleset_invalid, std::move(problems));
    return c;
}

}  // namespace nastavnik::rules
