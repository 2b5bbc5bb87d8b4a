#pragma once
// Internal: a long document named once in full and by a short name after, as a lawyer writes a
// document that cites the same act many times — «п. 4.1.3 Положения о системе наставничества …,
// утверждённого приказом … № 127 (далее — Положение № 127)», then «п. 5 Положения № 127»
// (review 5, C1: the act and the ruleset document repeated 45 words in every row).

#include "nastavnik/rules/ruleset.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace nastavnik::rules {

class CitationNames {
public:
    /// Counts a citation the document will print: a document cited once keeps its full name
    /// (a «далее» never used would only puzzle). Call for every citation before the first text.
    void note(const Citation& c) { ++uses_[c.document]; }
    /// `text` is the citation as printed in full (Citation::text() or Finding::binding_text());
    /// returned with the document's long reference defined at its first use and shortened after.
    /// A reference too short to gain from it, or a format-1 citation, is returned as is.
    std::string operator()(const Citation& c, const std::string& text);

    /// The document in full with its short name defined («примерное Положение … (далее —
    /// примерное Положение)»), for a list of acts printed before text that uses the short name
    /// (reader H, F13: the federal document's values cited «примерного Положения» before the
    /// table defined it); "" when its citations keep the full name or it is defined already.
    std::string definition(const Document* d);

private:
    struct Short {
        std::string full, genitive, nominative;
        std::size_t words = 0;  // of the name («примерного Положения»: 2)
    };
    std::optional<Short> short_name(const Document* d);

    std::set<const Document*> defined_;
    std::map<std::string, const Document*> owners_;
    std::map<const Document*, int> uses_;
};

}  // namespace nastavnik::rules
