#include "nastavnik/rules/engine.hpp"

#include "nastavnik/rules/layering.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>

namespace nastavnik::rules {

const char* outcome_token(Outcome o) {
    switch (o) {
        case Outcome::satisfied: return "satisfied";
        case Outcome::violated: return "violated";
        case Outcome::not_evaluable: return "not_evaluable";
    }
    return "not_evaluable";
}

std::size_t CheckResult::count(Outcome o) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.outcome == o; }));
}

std::size_t CheckResult::count_violated(Severity s) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return f.outcome == Outcome::violated && f.rule->severity == s;
    }));
}

bool CheckResult::compliant() const {
    return count_violated(Severity::error) == 0 && count_violated(Severity::warning) == 0;
}

namespace {

// One subject of one rule. Evaluation errors caused by the data (an empty date given to a
// date function, say) make the finding not evaluable, with the reason; they do not stop the check.
// The values behind a finding, for --explain and the JSON report.
void explain(const xpath::Evaluator& ev, const Rule& rule, xmlNodePtr subject, Finding& f) {
    for (const auto& fact : rule.facts) {
        std::string value;
        try {
            value = ev.string(fact.value, subject);
        } catch (const Error&) {
            value.clear();
        }
        f.facts.emplace_back(fact.label, value.empty() ? "нет данных" : value);
    }
    for (const auto& name : rule.parameters_used) {
        const auto it = ev.variables().find(name);
        f.parameters.emplace_back(name, it == ev.variables().end() ? "не действует на эту дату" : it->second);
    }
}

Finding evaluate(const xpath::Evaluator& ev, const data::DataTree& tree, const Ruleset& rs, const Rule& rule,
                 xmlNodePtr subject) {
    Finding f{&rs, &rule, Outcome::satisfied, rule.title, {}, tree.location(subject), {}, {}};
    explain(ev, rule, subject, f);
    try {
        for (const auto& req : rule.requirements) {
            if (!ev.boolean(req.test, subject)) f.missing.push_back(req.missing);
        }
        if (!f.missing.empty()) {
            f.outcome = Outcome::not_evaluable;
            return f;
        }
        if (!ev.boolean(rule.assertion, subject)) {
            f.outcome = Outcome::violated;
            // The violation stands even if its message cannot be composed from the data.
            try {
                f.message = ev.interpolate(rule.message, subject);
            } catch (const Error& e) {
                f.message = rule.title + " (сообщение не сформировано: " + e.diagnostics().front().message + ")";
            }
        }
    } catch (const Error& e) {
        f.outcome = Outcome::not_evaluable;
        f.missing = {"не удалось вычислить условие: " + e.diagnostics().front().message};
    }
    return f;
}

}  // namespace

CheckResult check(const data::DataTree& tree, const std::vector<const Ruleset*>& rulesets, const Date& as_of,
                  Subject subject) {
    const Composition composition = compose(rulesets);
    return check(tree, composition, composition.parameters_at(as_of), as_of, subject);
}

CheckResult check(const data::DataTree& tree, const Composition& composition, const xpath::Variables& parameters,
                  const Date& as_of, Subject subject) {
    CheckResult result;
    result.as_of = as_of;
    result.rulesets = composition.chain;
    xpath::Evaluator ev(tree.doc(), as_of.iso(), parameters);
    for (const auto& effective : composition.rules) {
        const Rule& rule = *effective.rule;
        if (rule.subject != subject) continue;
        ++result.rules;
        const Ruleset* rs = effective.ruleset;
        std::vector<xmlNodePtr> subjects;
        try {
            subjects = ev.nodes(rule.context, tree.root());
        } catch (const Error& e) {
            result.findings.push_back(Finding{rs, &rule, Outcome::not_evaluable, rule.title,
                                              {"не удалось выбрать объекты проверки: " + e.diagnostics().front().message},
                                              tree.location(tree.root()), {}, {}});
            continue;
        }
        if (subjects.empty()) {
            result.not_applicable.push_back(&rule);
            continue;
        }
        for (xmlNodePtr s : subjects) result.findings.push_back(evaluate(ev, tree, *rs, rule, s));
    }
    return result;
}

}  // namespace nastavnik::rules
