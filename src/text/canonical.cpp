#include "nastavnik/text/canonical.hpp"

#include "nastavnik/text/letter_case.hpp"

#include <algorithm>

namespace nastavnik::text {

namespace {

bool cyrillic(char32_t c) { return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451; }
bool latin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool letter(char32_t c) { return cyrillic(c) || latin(c); }
bool dash(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }
bool space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x00A0 || c == 0x202F; }

// Latin letters that print like a Cyrillic one (upper and lower case), to that letter.
char32_t lookalike(char32_t c) {
    switch (c) {
        case 'A': return U'А'; case 'a': return U'а';
        case 'B': return U'В';
        case 'C': return U'С'; case 'c': return U'с';
        case 'E': return U'Е'; case 'e': return U'е';
        case 'H': return U'Н';
        case 'K': return U'К'; case 'k': return U'к';
        case 'M': return U'М';
        case 'O': return U'О'; case 'o': return U'о';
        case 'P': return U'Р'; case 'p': return U'р';
        case 'T': return U'Т';
        case 'X': return U'Х'; case 'x': return U'х';
        case 'Y': return U'У'; case 'y': return U'у';
        default: return 0;
    }
}

// Splits into words (runs of letters) and applies f(word_begin, word_end) to each.
template <typename F>
void for_words(std::u32string& s, F f) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (!letter(s[i])) { ++i; continue; }
        std::size_t j = i;
        while (j < s.size() && letter(s[j])) ++j;
        f(i, j);
        i = j;
    }
}

}  // namespace

std::string canonical_form(std::string_view in) {
    std::u32string s = to_code_points(in);
    // Russian text whose every Latin letter looks Cyrillic: a preposition typed on the Latin
    // keyboard («пpикaз o назначении») is the Cyrillic one too, not only letters inside a word.
    const bool russian = std::any_of(s.begin(), s.end(), cyrillic) &&
                         std::none_of(s.begin(), s.end(), [](char32_t c) { return latin(c) && lookalike(c) == 0; });
    for_words(s, [&](std::size_t b, std::size_t e) {
        if (!russian && !std::any_of(s.begin() + static_cast<long>(b), s.begin() + static_cast<long>(e), cyrillic)) return;
        for (std::size_t k = b; k < e; ++k) {
            if (char32_t c = lookalike(s[k])) s[k] = c;
        }
    });
    std::u32string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
        char32_t c = s[k];
        if (c == U'ё') c = U'е';
        if (c == U'Ё') c = U'Е';
        if (space(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            continue;
        }
        if (dash(c)) {
            // «педагог – педагог», «педагог-педагог» and «педагог — педагог» are one value.
            while (!out.empty() && out.back() == ' ') out.pop_back();
            out += '-';
            while (k + 1 < s.size() && space(s[k + 1])) ++k;
            continue;
        }
        out += c;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return to_lower(to_utf8(out));
}

std::vector<MixedWord> mixed_script_words(std::string_view in) {
    std::u32string s = to_code_points(in);
    std::vector<MixedWord> out;
    for_words(s, [&](std::size_t b, std::size_t e) {
        const auto first = s.begin() + static_cast<long>(b), last = s.begin() + static_cast<long>(e);
        if (!std::any_of(first, last, cyrillic) || !std::any_of(first, last, latin)) return;
        std::u32string letters;
        for (auto it = first; it != last; ++it) {
            if (latin(*it) && letters.find(*it) == std::u32string::npos) letters += *it;
        }
        out.push_back({to_utf8(std::u32string(first, last)), to_utf8(letters)});
    });
    return out;
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

}  // namespace nastavnik::text
