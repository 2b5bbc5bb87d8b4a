#include "rules/citation_names.hpp"

#include "nastavnik/rules/acts.hpp"
#include "nastavnik/text/letter_case.hpp"

namespace nastavnik::rules {

namespace {

// A reference under this many letters reads at once («ч. 1 ст. 351.8 Трудового кодекса
// Российской Федерации»): a short name would only make the reader look it up.
constexpr std::size_t long_reference = 100;

// The words up to the document's noun: «Положения», «примерного Положения» (an adjective
// before it is part of the name).
std::size_t name_words(const std::string& title) {
    std::size_t n = 1, from = 0;
    for (;;) {
        const auto space = title.find(' ', from);
        const std::string word = title.substr(from, space == std::string::npos ? std::string::npos : space - from);
        const bool adjective = word.size() > 4 && (word.ends_with("ое") || word.ends_with("ый") || word.ends_with("ий") ||
                                                   word.ends_with("ая") || word.ends_with("ые"));
        if (!adjective || space == std::string::npos) return n;
        ++n, from = space + 1;
    }
}

std::string first_words(const std::string& s, std::size_t n) {
    std::size_t end = std::string::npos;
    for (std::size_t k = 0, from = 0; k < n; ++k, from = end + 1) {
        end = s.find(' ', from);
        if (end == std::string::npos) break;
    }
    return s.substr(0, end);
}

// The nominative words written as the short name is in the text: a title's «Примерное положение»
// is «примерное Положение» in running text, as «примерного Положения» is — one form of the name
// in the definition and in every reference (review 6, RS-2).
std::string cased_like(const std::string& nominative, const std::string& reference) {
    std::string out;
    std::size_t from = 0, ref = 0;
    for (;;) {
        const auto space = nominative.find(' ', from);
        std::string word = nominative.substr(from, space == std::string::npos ? std::string::npos : space - from);
        if (ref < reference.size()) {
            const std::string first = text::first_char(reference.substr(ref));
            const std::string rest = word.substr(text::first_char(word).size());
            word = (text::to_lower(first) == first ? text::to_lower(text::first_char(word)) : text::to_upper(text::first_char(word))) + rest;
            const auto next = reference.find(' ', ref);
            ref = next == std::string::npos ? reference.size() : next + 1;
        }
        out += word;
        if (space == std::string::npos) return out;
        out += ' ';
        from = space + 1;
    }
}

}  // namespace

std::optional<CitationNames::Short> CitationNames::short_name(const Document* d) {
    if (d == nullptr || d->act == nullptr || d->act->number.empty() || uses_[d] < 2) return std::nullopt;
    Short s;
    s.full = d->genitive_reference();
    if (text::to_code_points(s.full).size() < long_reference) return std::nullopt;
    // «Положения № 127», «приказа № 701»: the document's own word and its act's number — the
    // number of the act that approved it; a model sent with a letter is «примерного Положения».
    const bool numbered = !d->is_annex() || d->relation == "утверждено";
    const std::string number = numbered ? " №\u00A0" + d->act->number : std::string();
    const std::size_t words = s.words = name_words(d->is_annex() ? d->title : s.full);
    s.genitive = first_words(d->is_annex() ? d->genitive : s.full, words) + number;
    // Two documents of one short name («Положение № 5» of two bodies) keep their full names.
    if (const auto [owner, fresh] = owners_.try_emplace(s.genitive, d); !fresh && owner->second != d) return std::nullopt;
    s.nominative = cased_like(first_words(d->is_annex() ? d->title : d->nominative_reference(), words), s.genitive) + number;
    return s;
}

std::string CitationNames::operator()(const Citation& c, const std::string& text) {
    if (c.node == nullptr || c.document == nullptr || text.find(c.document->genitive_reference()) == std::string::npos) return text;
    const auto s = short_name(c.document);
    if (!s) return text;
    const auto at = text.find(s->full);
    if (at == std::string::npos) return text;
    if (defined_.insert(c.document).second) {
        return text.substr(0, at + s->full.size()) + " (далее — " + s->nominative + ")" + text.substr(at + s->full.size());
    }
    return text.substr(0, at) + s->genitive + text.substr(at + s->full.size());
}

std::string CitationNames::definition(const Document* d) {
    if (defined_.count(d) != 0) return {};
    const auto s = short_name(d);
    if (!s) return {};
    defined_.insert(d);
    // The name's words as the short name has them: «примерное Положение о системе …», not the
    // title's «Примерное положение о системе …».
    const std::string full = d->nominative_reference();
    const std::string head = first_words(full, s->words);
    return cased_like(head, s->genitive) + full.substr(head.size()) + " (далее — " + s->nominative + ")";
}

}  // namespace nastavnik::rules
