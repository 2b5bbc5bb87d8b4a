#pragma once
// A ruleset: versioned, dated rules encoding one regulation, with citations and parameters
// (docs/CONTRACTS.md §5). Loaded from XML validated against rulesets/schema/ruleset-N.xsd:
// format 2 cites nodes of the recorded acts (rulesets/acts/); format 1 (acts inline, clause
// numbers as text) still loads and checks as before.

#include "nastavnik/core/date.hpp"
#include "nastavnik/rules/acts.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::rules {

enum class Severity { error, warning, info };

/// Rulesets layer from the most general to the most specific (DESIGN §3).
enum class Layer { federal, regional, municipal, institutional };
/// "федеральный" / "региональный" / "муниципальный" / "институциональный".
const char* layer_name(Layer l);

/// How a rule relates to the layers above: a new rule, or a declared change of theirs.
enum class Mode { add, tighten, override_ };

/// Who bears a rule's obligation, and so which data it reads: an organisation's file, or a
/// municipality's (municipality.json + the summaries of its organisations, docs/ru/batch.md).
enum class Subject { organisation, municipality };

/// "ошибка" / "предупреждение" / "к сведению".
const char* severity_name(Severity s);

struct Citation {
    const Act* act = nullptr;            // the act (format 1: the ruleset's inline act)
    const Document* document = nullptr;  // format 2: the act's own text or the annex holding the node
    const Node* node = nullptr;          // format 2: null = the document as a whole
    std::string clause;                  // format 1: as written; format 2: the node's path («IV/2»)
    std::string quote;
    /// Format 2, as a lawyer writes it: «п.\u00A04.1.2 Положения о системе наставничества …,
    /// утверждённого приказом комитета по образованию города Барнаула от 27.07.2022 №\u00A0127»;
    /// format 1: «Комитет по образованию города Барнаула, приказ от 27.07.2022 № 127, п. 4.1.2».
    [[nodiscard]] std::string text() const;
    /// The node alone: «п.\u00A02 разд.\u00A0IV»; empty for a whole document.
    [[nodiscard]] std::string node_text() const;
    /// The path of keys from the document down to the node, ancestors that the number already
    /// implies left out: ["IV", "2"], ["4.1.2"], ["351.8", "2"].
    [[nodiscard]] std::vector<std::string> path() const;
    [[nodiscard]] Force force() const { return act != nullptr ? act->force : Force::binding; }
    /// Whether the cited act (and node) is in force on that day: dated no later, and a node
    /// added later only from its `since`.
    [[nodiscard]] bool in_force(const Date& day) const;
};

struct ParameterValue {
    Date from;
    std::optional<Date> to;
    std::string value;
    std::string cite;  // where the number comes from ("barnaul-127 п. 1.2")
    /// When it is in force, in words: «с 01.06.2022» or «с 01.06.2022 по 31.12.2023».
    [[nodiscard]] std::string period() const;
    /// `text` (the value or a parameter's title) with that period as a remark (text::with_remark).
    [[nodiscard]] std::string dated(const std::string& text) const;
};

struct Parameter {
    std::string id;
    std::string unit;
    std::vector<ParameterValue> values;  // sorted by `from`
    std::string title;  // what the value is, in words («Минимальная численность наставнической группы»)
    /// The value in force on that day, if any.
    [[nodiscard]] const ParameterValue* at(const Date& day) const;
};

struct Requirement {
    xpath::Expression test;
    std::string missing;  // Russian: which data is needed
    // scope="rule": evaluated once at the data root, before the subjects are selected — the list
    // the subjects come from is recorded at all. When it fails, the rule is not evaluable (one
    // finding for the whole organisation) instead of silently selecting nothing.
    bool whole_rule = false;
};

/// A value from the data that explains a finding ("Дата согласия" → consent_date).
struct Fact {
    std::string label;
    xpath::Expression value;
};

/// Another rule that states the same fact more fully (<superseded-by>): when both fail for
/// one subject, the fact is reported once, by that rule, citing this one's clauses too.
struct Supersession {
    std::string rule_id;
    std::string reason;  // why, in words (`ruleset show` prints it)
    int line = 0;
};

struct Rule {
    std::string id;
    Mode mode = Mode::add;
    Severity severity = Severity::error;
    Subject subject = Subject::organisation;
    std::string title;
    xpath::Expression context;
    std::vector<Requirement> requirements;
    xpath::Expression assertion;
    std::string message;  // attribute-value template, "{expr}"
    std::string remedy;   // the same kind of template: what puts a violation right («получить …»); may be empty
    std::vector<Citation> citations;
    std::vector<Fact> facts;
    std::vector<std::string> parameters_used;  // $variables the rule reads, in order of appearance
    std::string note;
    std::vector<Supersession> superseded_by;
    int line = 0;  // in the ruleset file

    /// Every expression of the rule with where it stands ("context", "assert", "message" …).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> expressions() const;
};

/// A binding act of this layer adopts a rule (of an upper layer or this one): its citations
/// join the rule's, and the rule rests on them.
struct Adoption {
    std::string rule_id;
    std::vector<Citation> citations;
    std::string note;
    int line = 0;
};

/// A deadline an act sets for the rules it concerns: until the day (inclusive) a failed check
/// of those rules is «срок не истёк», after it a violation that cites the deadline too.
struct Deadline {
    std::string parameter;  // holds the day (ISO), dated like any parameter
    std::vector<std::string> rules;
    std::vector<Citation> citations;
    std::string note;
    int line = 0;
};

/// A rule of an upper layer that this layer switches off, with the reason.
struct Disable {
    std::string rule_id;
    std::string reason;
    int line = 0;
};

struct Ruleset {
    std::string id;
    std::string version;
    int format = 2;  // 1 or 2: the ruleset schema the file declares (its namespace)
    Layer layer = Layer::municipal;
    std::vector<Disable> disabled;
    std::vector<Adoption> adoptions;
    std::vector<Deadline> deadlines;
    std::string title;
    std::string region;        // applies to; empty = any
    std::string municipality;  // applies to; empty = any
    /// Whose organisations the act binds, by founder (organisation.founder), as the act says in
    /// `founders_cites`; empty = not stated, see binds_founder.
    std::vector<std::string> founders;
    std::string founders_whom;  // «муниципальных образовательных организаций г. Барнаула»
    std::vector<Citation> founders_cites;
    Date valid_from;
    std::optional<Date> valid_to;
    std::vector<Act> acts;        // format 1: inline acts (stable addresses: citations point into it)
    std::shared_ptr<const ActLibrary> library;  // format 2: the recorded acts its citations point into
    std::vector<Parameter> parameters;
    std::vector<Rule> rules;
    std::filesystem::path file;

    [[nodiscard]] bool in_force(const Date& day) const;
    /// The acts its citations point into (format 1: its inline acts), in order of first citation.
    [[nodiscard]] std::vector<const Act*> cited_acts() const;
    [[nodiscard]] bool applies_to(const std::string& region, const std::string& municipality) const;
    /// Whether the act binds an organisation of that founder; an empty founder (not recorded)
    /// is bound. Not stated in the ruleset: a municipality's acts bind the organisations it
    /// founded, other layers every organisation of their place.
    [[nodiscard]] bool binds_founder(const std::string& founder) const;
    /// Whom the act binds, in words, with the clauses that say so: «касается муниципальных
    /// образовательных организаций г. Барнаула (п. 1.1 Положения …)»; not stated — by default,
    /// as binds_founder reads it. `cite` prints a citation (Citation::text() if empty). `flat`:
    /// the clauses after «согласно», not in brackets — for a text whose citations define their
    /// acts' short names in brackets of their own (the ruleset document, reader H, F13).
    [[nodiscard]] std::string bound_in_words(const std::function<std::string(const Citation&)>& cite = {},
                                             bool flat = false) const;
    /// Parameters in force on that day, as XPath variables.
    [[nodiscard]] xpath::Variables parameters_at(const Date& day) const;
};

/// Loads and validates one ruleset file. Throws Error(ruleset_invalid) with every problem
/// (line numbers, rule ids). `schemas` is the folder of ruleset-1.xsd and ruleset-2.xsd (or one
/// of those files); the file's namespace says which applies. Citations of format 2 are resolved
/// in `library` — an unknown document or a node it does not have is a load error.
Ruleset load_ruleset(const std::filesystem::path& file, const std::filesystem::path& schemas,
                     std::shared_ptr<const ActLibrary> library = nullptr);

}  // namespace nastavnik::rules
