#include "nastavnik/rules/engine.hpp"

#include "nastavnik/rules/layering.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/subjects.hpp"

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

const char* category_name(Category c) {
    switch (c) {
        case Category::violation: return "нарушение";
        case Category::recommendation: return "рекомендация";
        case Category::pending: return "срок не истёк";
        case Category::info: return "к сведению";
    }
    return "к сведению";
}

const char* conclusion_token(Conclusion c) {
    switch (c) {
        case Conclusion::compliant: return "соответствует";
        case Conclusion::violations: return "нарушения";
        case Conclusion::incomplete: return "не завершена";
        case Conclusion::no_rules: return "нет правил";
    }
    return "нет правил";
}

bool Finding::is_gap() const {
    // What only informs, what only recommends, and what is not due yet do not hold a check back.
    return outcome == Outcome::not_evaluable && force == Force::binding && rule->severity != Severity::info &&
           category != Category::pending;
}

std::size_t CheckResult::count(Outcome o) const {
    return static_cast<std::size_t>(
        std::count_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.outcome == o; }));
}

std::size_t CheckResult::count_violated(Severity s) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return f.is_violation() && f.rule->severity == s;
    }));
}

std::size_t CheckResult::count(Category c) const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
        return f.outcome == Outcome::violated && f.category == c;
    }));
}

std::size_t CheckResult::gaps() const {
    return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) { return f.is_gap(); }));
}

bool CheckResult::compliant() const {
    return count_violated(Severity::error) == 0 && count_violated(Severity::warning) == 0;
}

Conclusion CheckResult::conclusion() const {
    if (rulesets.empty()) return Conclusion::no_rules;
    if (!compliant()) return Conclusion::violations;
    return gaps() > 0 ? Conclusion::incomplete : Conclusion::compliant;
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

// What the finding rests on and what it is: binding if any cited act binds and is in force on
// the day; before a deadline an act set, a failed check is «срок не истёк»; after it, the act
// that set the deadline is cited too.
void classify(const EffectiveRule& e, const xpath::Variables& parameters, const Date& as_of, Finding& f) {
    f.citations = e.citations();
    f.force = Force::recommendation;
    for (const Citation* c : f.citations) {
        if (c->force() == Force::binding && c->in_force(as_of)) {
            f.force = Force::binding;
            f.binding = c;
            break;
        }
    }
    bool before_deadline = false;
    if (e.deadline != nullptr) {
        if (const auto it = parameters.find(e.deadline->parameter); it != parameters.end()) {
            f.deadline = Date::parse_iso(it->second);
        }
        if (f.deadline) {
            before_deadline = as_of <= *f.deadline;
            if (!before_deadline) {
                for (const auto& c : e.deadline->citations) f.citations.push_back(&c);
                if (f.binding == nullptr) {
                    f.force = Force::binding;
                    f.binding = &e.deadline->citations.front();
                }
            }
        }
    }
    const Rule& rule = *e.rule;
    // Before a deadline an act set, what is not done yet is not due — whatever the rule's force
    // would be once the deadline passes.
    f.category = rule.severity == Severity::info       ? Category::info
                 : before_deadline                     ? Category::pending
                 : f.force == Force::recommendation    ? Category::recommendation
                                                       : Category::violation;
}

Finding evaluate(const xpath::Evaluator& ev, const data::DataTree& tree, const EffectiveRule& effective, const Date& as_of,
                 xmlNodePtr subject) {
    const Ruleset& rs = *effective.ruleset;
    const Rule& rule = *effective.rule;
    Finding f;
    f.ruleset = &rs;
    f.rule = &rule;
    f.message = rule.title;
    f.subject = tree.location(subject);
    f.subject_name = describe_subject(tree, subject);
    classify(effective, ev.variables(), as_of, f);
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
        std::vector<xmlNodePtr> subjects;
        try {
            subjects = ev.nodes(rule.context, tree.root());
        } catch (const Error& e) {
            Finding f;
            f.ruleset = effective.ruleset;
            f.rule = &rule;
            f.outcome = Outcome::not_evaluable;
            f.message = rule.title;
            f.missing = {"не удалось выбрать объекты проверки: " + e.diagnostics().front().message};
            f.subject = tree.location(tree.root());
            f.subject_name = describe_subject(tree, tree.root());
            classify(effective, parameters, as_of, f);
            result.findings.push_back(std::move(f));
            continue;
        }
        if (subjects.empty()) {
            result.not_applicable.push_back(&rule);
            continue;
        }
        for (xmlNodePtr s : subjects) result.findings.push_back(evaluate(ev, tree, effective, as_of, s));
    }
    return result;
}

}  // namespace nastavnik::rules
