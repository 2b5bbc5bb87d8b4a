// Positions (должности): the nomenclature of pedagogical positions (Постановление Правительства
// РФ от 21.02.2022 № 225) and the heads' positions. A position is a head phrase — adjectives
// and a noun, or a substantivised adjective (заведующий, вожатый) — followed by complements
// that keep their case whatever the case of the head: «учителю | начальных классов»,
// «заведующему | библиотекой». So only the head phrase declines, and no dictionary of the
// complements is needed.
//
// Positions name people: the masculine accusative is the genitive (назначить учителя), which
// the masculine paradigms already give.

#include "text/declension_rules.hpp"

#include <optional>
#include <vector>

namespace nastavnik::text {

namespace {

using namespace detail;

// Participles that head a position and govern the next word (заведующий библиотекой,
// исполняющий обязанности директора): the head ends with them.
bool governing_participle(std::string_view w) {
    for (std::string_view p : {"заведующий", "заведующая", "исполняющий", "исполняющая", "управляющий",
                               "управляющая"})
        if (w == p) return true;
    return false;
}

// First parts of compounds that never decline: шеф-повара, вице-президента.
bool fixed_prefix(std::string_view w) {
    for (std::string_view p : {"шеф", "вице", "экс", "обер", "унтер", "штаб", "лейб", "генерал", "контр", "премьер"})
        if (w == p) return true;
    return false;
}

// Nouns whose stress or stem the generic rules cannot know.
struct Irregular {
    std::string_view nominative;
    Paradigm paradigm;
};
constexpr Irregular irregular_nouns[] = {
    {"секретарь", {1, {"я", "ю", "я", "ём", "е"}}},  // stressed ending: секретарём
    {"врач", {0, {"а", "у", "а", "ом", "е"}}},
    {"продавец", {2, {"ца", "цу", "ца", "цом", "це"}}},  // mobile vowel, as in the common noun
    {"боец", {2, {"йца", "йцу", "йца", "йцом", "йце"}}},
};

const Paradigm* noun_paradigm(std::string_view w) {
    for (const Irregular& n : irregular_nouns)
        if (w == n.nominative) return &n.paradigm;
    const std::string_view last = last_char(w);
    if (last.size() != 2 || last == "ъ") return nullptr;
    if (const Paradigm* p = first_declension(w)) return p;
    if (is_vowel(last)) return nullptr;
    if (ends_with_any(w, {"ий"})) return &ij_masc;
    if (ends_with_any(w, {"й", "ь"})) return &soft_masc;
    if (ends_with_any(w, {"ц", "ж", "ш", "ч", "щ"})) return &sibilant_masc;
    return &hard_masc;
}

// A hyphenated noun declines in every part (педагога-психолога) except combining forms in -о
// and fixed prefixes; a hyphenated adjective (учебно-вспомогательный) thus only in its last part.
std::string decline_compound(std::string_view token, Case c, bool adjective) {
    return map_parts(token, '-', [&](const std::string& w) {
        if (fixed_prefix(w) || ends_with_any(w, {"о"})) return w;
        const Paradigm* p = adjective ? adjective_paradigm(w) : noun_paradigm(w);
        return p ? inflect(w, *p, c) : w;
    });
}

// Prepositions and conjunctions end a head phrase: ответственный за …, учитель и …
bool function_word(std::string_view w) {
    for (std::string_view f : {"по", "в", "во", "на", "за", "с", "со", "при", "для", "и", "или", "от", "из",
                               "к", "ко", "о", "об", "у"})
        if (w == f) return true;
    return false;
}

std::string last_part(std::string_view token) {
    const std::size_t dash = token.rfind('-');
    return to_lower(dash == std::string_view::npos ? token : token.substr(dash + 1));
}

bool is_abbreviation(std::string_view token, bool text_all_caps) {
    for (char ch : token)
        if (ch == '.' || (ch >= '0' && ch <= '9')) return true;
    // УВР, ИЗО, ВрИО: capitals after the first letter in text that is not all caps.
    const std::string rest = to_lower(token).substr(first_char(token).size());
    return !text_all_caps && token.substr(first_char(token).size()) != rest;
}

bool looks_adjective(std::string_view lower) { return adjective_paradigm(lower) != nullptr; }

bool feminine_adjective(std::string_view lower) { return ends_with_any(lower, {"ая", "яя"}); }

struct Token {
    std::string lead;   // an opening parenthesis
    std::string text;   // the word itself
    std::string punct;  // trailing ",", ";", ")" kept as they were
    std::string space;  // what followed the token
};

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t end = s.find(' ', i);
        std::string word(s.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
        Token t;
        if (!word.empty() && word.front() == '(') {
            t.lead = "(";
            word.erase(0, 1);
        }
        while (!word.empty() && (word.back() == ',' || word.back() == ';' || word.back() == ')')) {
            t.punct.insert(t.punct.begin(), word.back());
            word.pop_back();
        }
        t.text = word;
        i = end == std::string_view::npos ? s.size() : end;
        while (i < s.size() && s[i] == ' ') t.space += s[i++];
        out.push_back(std::move(t));
    }
    return out;
}

// Declines the head phrase starting at tokens[i]; returns the index of its last word, nullopt if
// the segment has no head it can recognise. `strict` is for segments after a comma or in
// parentheses, which may just as well be more complements («учитель истории, обществознания»):
// there the head must look like a nominative noun.
std::optional<std::size_t> decline_head(std::vector<Token>& tokens, std::size_t i, Case c, bool all_caps, bool strict) {
    const std::size_t n = tokens.size();
    std::size_t j = i;
    // A leading adverb: временно исполняющий обязанности.
    while (j < n && tokens[j].punct.empty() && to_lower(tokens[j].text) == "временно") ++j;

    std::vector<std::size_t> adjectives;
    bool participle = false;
    for (; j < n; ++j) {
        const Token& t = tokens[j];
        if (j > i && !t.lead.empty()) break;
        if (t.text.empty() || is_abbreviation(t.text, all_caps) || !looks_adjective(last_part(t.text))) break;
        adjectives.push_back(j);
        participle = governing_participle(to_lower(t.text));
        if (participle || !t.punct.empty()) break;
    }

    std::optional<std::size_t> head;
    const bool open = adjectives.empty() || (!participle && tokens[adjectives.back()].punct.empty());
    if (open && j < n && (j == i || tokens[j].lead.empty())) {
        const Token& t = tokens[j];
        const std::string last = last_part(t.text);
        bool noun = !t.text.empty() && has_cyrillic(t.text) && !is_abbreviation(t.text, all_caps) &&
                    !function_word(to_lower(t.text)) && noun_paradigm(last) != nullptr;
        // After adjectives or a comma, a word in -а/-я is a head only after a feminine adjective
        // (медицинская сестра); otherwise it is a genitive (вожатый отряда, …, литературы).
        if (noun && first_declension(last) && (strict || !adjectives.empty()))
            noun = !adjectives.empty() && feminine_adjective(last_part(tokens[adjectives.back()].text));
        // Genitive plurals are complements, not heads: …, начальных классов.
        if (noun && strict && ends_with_any(last, {"ых", "их", "ов", "ев", "ей"})) noun = false;
        if (noun) head = j;
    }
    // A lone adjective after a comma is more likely a complement than a position.
    if (!head && (adjectives.empty() || (strict && !participle))) return std::nullopt;

    for (std::size_t a : adjectives) tokens[a].text = decline_compound(tokens[a].text, c, true);
    if (!head) return adjectives.back();
    tokens[*head].text = decline_compound(tokens[*head].text, c, false);
    // A compound typed with a spaced dash, as staff lists often have it: педагог – психолог.
    const std::size_t k = *head + 2;
    if (k < n && tokens[*head].punct.empty() && tokens[k].lead.empty() &&
        (tokens[k - 1].text == "-" || tokens[k - 1].text == "–" || tokens[k - 1].text == "—") &&
        !is_abbreviation(tokens[k].text, all_caps) && !first_declension(last_part(tokens[k].text))) {
        tokens[k].text = decline_compound(tokens[k].text, c, false);
        return k;
    }
    return *head;
}

}  // namespace

std::string decline_position(std::string_view position, Case c) {
    if (c == Case::nominative || !has_cyrillic(position)) return std::string(position);
    std::vector<Token> tokens = tokenize(position);
    const bool all_caps = to_upper(position) == position;
    // Segments: the start, after each comma or semicolon (учитель физики, классный руководитель) and a
    // parenthesised synonym right after a head (ассистент (помощник)).
    std::size_t first = 0;  // leading spaces make an empty token
    while (first < tokens.size() && tokens[first].text.empty() && tokens[first].lead.empty()) ++first;
    std::optional<std::size_t> last_head;
    for (std::size_t i = first; i < tokens.size(); ++i) {
        const bool after_comma = i > first && tokens[i - 1].punct.find_first_of(",;") != std::string::npos;
        const bool synonym = tokens[i].lead == "(" && last_head && *last_head + 1 == i;
        if (i == first || after_comma || synonym) {
            if (const auto h = decline_head(tokens, i, c, all_caps, i != first)) last_head = h;
        }
    }
    std::string out;
    for (const Token& t : tokens) out += t.lead + t.text + t.punct + t.space;
    return out;
}

}  // namespace nastavnik::text
