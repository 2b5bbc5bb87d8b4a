#include "nastavnik/rules/engine.hpp"

#include "nastavnik/rules/layering.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/subjects.hpp"

#include <algorithm>
#include <map>

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

std::string Finding::binding_text() const {
    if (binding == nullptr) return {};
    return adopted_by.empty() ? binding->text() : adopted_by + ", воспроизводящее " + binding->text();
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

// The organisation's own documents that reproduce a model (acts[].follows_model): the edition
// in force on the day of the check (the latest dated one), by kind, in words — or none.
class Adoptions {
public:
    Adoptions(const data::DataTree& tree, const xpath::Evaluator& ev) : tree_(tree), ev_(ev) {}

    // «Положение о наставничестве от 30.08.2022 № 12», or "" if the edition of that kind
    // in force does not follow the model (or there is none).
    const std::string& of_kind(const std::string& kind) {
        if (const auto it = cache_.find(kind); it != cache_.end()) return it->second;
        std::string words;
        if (kind.find('\'') == std::string::npos) {
            const auto in_force = xpath::Expression::compile("/data/acts/act[kind = '" + kind + "'][n:in-force(.)]");
            const auto days = xpath::Expression::compile("n:days(date)");
            // A Положение known to be unapproved (approved_by: null) is no local act: it binds
            // nothing, whatever it reproduces.
            const auto follows = xpath::Expression::compile("follows_model = 'true' and not(approved_by/@nil = 'true')");
            xmlNodePtr latest = nullptr;
            double latest_days = 0;
            for (xmlNodePtr a : ev_.nodes(in_force, tree_.root())) {
                const double d = ev_.number(days, a);
                if (latest == nullptr || d >= latest_days) { latest = a; latest_days = d; }
            }
            if (latest != nullptr && ev_.boolean(follows, latest)) words = describe_subject(tree_, latest);
        }
        return cache_.emplace(kind, std::move(words)).first->second;
    }

private:
    const data::DataTree& tree_;
    const xpath::Evaluator& ev_;
    std::map<std::string, std::string> cache_;
};

// The model local act a citation points into, if any (an annex marked model-of).
const Document* model_document(const Citation* c) {
    for (const Document* d = c->document; d != nullptr; d = d->parent) {
        if (!d->model_of.empty()) return d;
    }
    return nullptr;
}

// What the finding rests on and what it is: binding if any cited act binds and is in force on
// the day — or if the organisation's own document in force reproduces the cited model
// (a model Положение's clause is then a clause of the organisation's Положение); before a
// deadline an act set, a failed check is «срок не истёк»; after it, the act that set the
// deadline is cited too.
void classify(const EffectiveRule& e, const xpath::Variables& parameters, const Date& as_of, Adoptions* adoptions, Finding& f) {
    f.citations = e.citations();
    f.force = Force::recommendation;
    for (const Citation* c : f.citations) {
        if (c->force() == Force::binding && c->in_force(as_of)) {
            f.force = Force::binding;
            f.binding = c;
            break;
        }
    }
    if (f.force == Force::recommendation && adoptions != nullptr) {
        for (const Citation* c : f.citations) {
            const Document* model = model_document(c);
            if (model == nullptr || !c->in_force(as_of)) continue;
            if (const std::string& own = adoptions->of_kind(model->model_of); !own.empty()) {
                f.force = Force::binding;
                f.binding = c;
                f.adopted_by = own;
                break;
            }
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
                 Adoptions* adoptions, xmlNodePtr subject) {
    const Ruleset& rs = *effective.ruleset;
    const Rule& rule = *effective.rule;
    Finding f;
    f.ruleset = &rs;
    f.rule = &rule;
    f.message = rule.title;
    f.subject = tree.location(subject);
    f.subject_name = describe_subject(tree, subject);
    classify(effective, ev.variables(), as_of, adoptions, f);
    explain(ev, rule, subject, f);
    try {
        for (const auto& req : rule.requirements) {
            if (req.whole_rule) continue;  // evaluated once, at the root
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
                f.message_error = e.diagnostics().front().message;
                f.message = rule.title + " (сообщение не сформировано: " + f.message_error + ")";
            }
            // A proposal that cannot be composed is left out (a report falls back on the message);
            // a ruleset case fails on it as on a message.
            if (!rule.remedy.empty()) {
                try {
                    f.remedy = ev.interpolate(rule.remedy, subject);
                } catch (const Error& e) {
                    if (f.message_error.empty()) f.message_error = "мера по устранению: " + e.diagnostics().front().message;
                }
            }
        }
    } catch (const Error& e) {
        f.outcome = Outcome::not_evaluable;
        f.missing = {"не удалось вычислить условие: " + e.diagnostics().front().message};
    }
    return f;
}

const xmlNode* child_element(const xmlNode* n, const std::string& name) {
    for (const xmlNode* c = n != nullptr ? n->children : nullptr; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && name == reinterpret_cast<const char*>(c->name)) return c;
    }
    return nullptr;
}

// The lists a rule's subjects are taken from that the file does not record: a list left out is
// «not recorded», not «none» (an empty list [] says «none»), so a rule about pairs in a file
// without `pairs` cannot be checked — it is not «not applicable». Read from the context's
// absolute paths (/data/pairs/pair, /data/municipality/acts/act) along the schema, down to the
// first list; a list inside a list item is the rule's own business (its requirements).
std::vector<std::string> unrecorded_lists(const data::DataTree& tree, const std::string& context) {
    std::vector<std::string> missing;
    static const std::string root = "/data/";
    const auto step_char = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    for (std::size_t at = context.find(root); at != std::string::npos; at = context.find(root, at + 1)) {
        // Only the paths the subjects are taken from, not those a predicate compares with
        // (mentors[not(person = /data/pairs/pair/mentor)]: no mentors, nothing to compare).
        if (std::count(context.begin(), context.begin() + static_cast<long>(at), '[') !=
            std::count(context.begin(), context.begin() + static_cast<long>(at), ']')) {
            continue;
        }
        const data::Type* type = &tree.schema();
        const xmlNode* node = tree.root();
        std::string path;
        for (std::size_t i = at + root.size(); type != nullptr && type->kind == data::Type::Kind::object;) {
            std::size_t j = i;
            while (j < context.size() && step_char(context[j])) ++j;
            if (j == i) break;
            const std::string step = context.substr(i, j - i);
            const auto f = std::find_if(type->fields.begin(), type->fields.end(), [&](const data::Field& x) { return x.key == step; });
            if (f == type->fields.end()) break;
            path += (path.empty() ? "" : ".") + step;
            node = node != nullptr ? child_element(node, step) : nullptr;
            if (f->type.kind == data::Type::Kind::array) {
                const std::string m = "перечень «" + field_in_words(*f) + "» (" + path + ") не внесён; пустой перечень [] означает, что их нет";
                if (node == nullptr && !f->required && std::find(missing.begin(), missing.end(), m) == missing.end()) missing.push_back(m);
                break;
            }
            type = &f->type;
            if (j >= context.size() || context[j] != '/') break;
            i = j + 1;
        }
    }
    return missing;
}

// How much a failed check weighs: a rule is folded into the one superseding it only if that one's
// finding weighs no less (a violation is never turned into a recommendation).
int weight(const Finding& f) {
    switch (f.category) {
        case Category::violation: return 3;
        case Category::pending: return 2;
        case Category::recommendation: return 1;
        case Category::info: return 0;
    }
    return 0;
}

// The same fact stated by two rules for one subject (ст. 351.8 ТК РФ and the model Положение's
// consent, say) is reported once: by the rule the other declares itself superseded by, citing
// both. Subjects are the same node when their data paths are.
void absorb_superseded(std::vector<Finding>& findings) {
    std::map<std::pair<std::string, std::string>, std::size_t> failed;  // rule id, subject → finding
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (findings[i].outcome == Outcome::violated) failed.emplace(std::pair{findings[i].rule->id, findings[i].subject.path}, i);
    }
    std::vector<bool> gone(findings.size(), false);
    for (std::size_t i = 0; i < findings.size(); ++i) {
        Finding& f = findings[i];
        if (f.outcome != Outcome::violated) continue;
        for (const auto& s : f.rule->superseded_by) {
            const auto it = failed.find({s.rule_id, f.subject.path});
            if (it == failed.end() || gone[it->second] || it->second == i) continue;
            Finding& by = findings[it->second];
            if (weight(by) < weight(f)) continue;
            for (const Citation* c : f.citations) {
                if (std::find(by.citations.begin(), by.citations.end(), c) == by.citations.end()) by.citations.push_back(c);
            }
            by.absorbed.push_back(f.rule);
            gone[i] = true;
            break;
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < findings.size(); ++i) {
        if (!gone[i]) {
            if (kept != i) findings[kept] = std::move(findings[i]);
            ++kept;
        }
    }
    findings.resize(kept);
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
    Adoptions own(tree, ev);
    Adoptions* adoptions = subject == Subject::organisation ? &own : nullptr;
    for (const auto& effective : composition.rules) {
        const Rule& rule = *effective.rule;
        if (rule.subject != subject) continue;
        ++result.rules;
        // The rule as a whole cannot be checked: one finding for the whole subject of the check.
        const auto not_evaluable = [&](std::vector<std::string> missing) {
            Finding f;
            f.ruleset = effective.ruleset;
            f.rule = &rule;
            f.outcome = Outcome::not_evaluable;
            f.message = rule.title;
            f.missing = std::move(missing);
            f.subject = tree.location(tree.root());
            f.subject_name = describe_subject(tree, tree.root());
            classify(effective, parameters, as_of, adoptions, f);
            result.findings.push_back(std::move(f));
        };
        std::vector<xmlNodePtr> subjects;
        try {
            std::vector<std::string> missing;
            for (const auto& req : rule.requirements) {
                if (req.whole_rule && !ev.boolean(req.test, tree.root())) missing.push_back(req.missing);
            }
            if (!missing.empty()) {
                not_evaluable(std::move(missing));
                continue;
            }
            subjects = ev.nodes(rule.context, tree.root());
        } catch (const Error& e) {
            not_evaluable({"не удалось выбрать объекты проверки: " + e.diagnostics().front().message});
            continue;
        }
        // A list the subjects come from is not recorded: the rule cannot be checked as a whole,
        // whatever the recorded lists show (those are checked all the same).
        if (auto unrecorded = unrecorded_lists(tree, rule.context.text()); !unrecorded.empty()) {
            not_evaluable(std::move(unrecorded));
        } else if (subjects.empty()) {
            result.not_applicable.push_back(&rule);
            continue;
        }
        for (xmlNodePtr s : subjects) result.findings.push_back(evaluate(ev, tree, effective, as_of, adoptions, s));
    }
    absorb_superseded(result.findings);
    return result;
}

bool concerns_mentee_list(const Rule& rule) {
    return rule.context.text() == "/data" && rule.assertion.text().find("mentee_list_updated") != std::string::npos;
}

}  // namespace nastavnik::rules
