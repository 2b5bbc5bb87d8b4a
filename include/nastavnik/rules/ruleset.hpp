#pragma once
// A ruleset: versioned, dated rules encoding one regulation, with citations and parameters
// (docs/CONTRACTS.md §5). Loaded from XML validated against rulesets/schema/ruleset-1.xsd.

#include "nastavnik/core/date.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <filesystem>
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

struct Act {
    std::string id;
    std::string kind;    // приказ, письмо, распоряжение …
    std::string issuer;
    std::string number;
    std::string date;    // ISO
    std::string title;
    std::string note;
};

struct Citation {
    const Act* act = nullptr;
    std::string clause;
    std::string quote;
    /// "Комитет по образованию города Барнаула, приказ от 27.07.2022 № 127, п. 4.1.2"
    [[nodiscard]] std::string text() const;
};

struct ParameterValue {
    Date from;
    std::optional<Date> to;
    std::string value;
    std::string cite;  // where the number comes from ("barnaul-127 п. 1.2")
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
};

/// A value from the data that explains a finding ("Дата согласия" → consent_date).
struct Fact {
    std::string label;
    xpath::Expression value;
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
    std::vector<Citation> citations;
    std::vector<Fact> facts;
    std::vector<std::string> parameters_used;  // $variables the rule reads, in order of appearance
    std::string note;
    int line = 0;  // in the ruleset file

    /// Every expression of the rule with where it stands ("context", "assert", "message" …).
    [[nodiscard]] std::vector<std::pair<std::string, std::string>> expressions() const;
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
    Layer layer = Layer::municipal;
    std::vector<Disable> disabled;
    std::string title;
    std::string region;        // applies to; empty = any
    std::string municipality;  // applies to; empty = any
    Date valid_from;
    std::optional<Date> valid_to;
    std::vector<Act> acts;        // stable addresses: citations point into it
    std::vector<Parameter> parameters;
    std::vector<Rule> rules;
    std::filesystem::path file;

    [[nodiscard]] bool in_force(const Date& day) const;
    [[nodiscard]] bool applies_to(const std::string& region, const std::string& municipality) const;
    /// Parameters in force on that day, as XPath variables.
    [[nodiscard]] xpath::Variables parameters_at(const Date& day) const;
};

/// Loads and validates one ruleset file. Throws Error(ruleset_invalid) with every problem
/// (line numbers, rule ids). `schema` is the XSD to validate against.
Ruleset load_ruleset(const std::filesystem::path& file, const std::filesystem::path& schema);

}  // namespace nastavnik::rules
