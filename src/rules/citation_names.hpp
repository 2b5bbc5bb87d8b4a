#pragma once
// Internal: a long document named once in full and by a short name after, as a lawyer writes a
// document that cites the same act many times — «п. 4.1.3 Положения о системе наставничества …,
// утверждённого приказом … № 127 (далее — Положение № 127)», then «п. 5 Положения № 127»
// (review 5, C1: the act and the ruleset document repeated 45 words in every row).

#include "nastavnik/rules/ruleset.hpp"

#include <map>
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

private:
    std::set<const Document*> defined_;
    std::map<std::string, const Document*> owners_;
    std::map<const Document*, int> uses_;
};

}  // namespace nastavnik::rules
