#include "nastavnik/text/typography.hpp"

#include "nastavnik/text/letter_case.hpp"

#include <algorithm>

namespace nastavnik::text {

namespace {

constexpr char32_t nbsp = U'\u00A0';

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == nbsp; }
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_upper(char32_t c) { return (c >= U'А' && c <= U'Я') || c == U'Ё' || (c >= U'A' && c <= U'Z'); }
bool is_lower(char32_t c) { return (c >= U'а' && c <= U'я') || c == U'ё' || (c >= U'a' && c <= U'z'); }
bool is_letter(char32_t c) { return is_upper(c) || is_lower(c); }
bool is_cyrillic(char32_t c) { return (c >= U'А' && c <= U'я') || c == U'Ё' || c == U'ё'; }

// A straight quote opens after the start, a space or an opening bracket/quote/dash; elsewhere
// (after a letter, a digit, a full stop) it closes.
bool opens_here(const std::u32string& s, std::size_t i) {
    if (i == 0) return true;
    const char32_t p = s[i - 1];
    return is_space(p) || p == U'(' || p == U'[' || p == U'«' || p == U'—' || p == U'–' || p == U'/';
}

// Length of an initial «И.» starting at i (a lone capital and a full stop), or 0.
std::size_t initial_at(const std::u32string& s, std::size_t i) {
    if (i + 1 >= s.size() || !is_upper(s[i]) || s[i + 1] != U'.') return 0;
    if (i > 0 && is_letter(s[i - 1])) return 0;
    return 2;
}

// Length of «И.О.» / «И. О.» / «И.» at i, or 0.
std::size_t initials_at(const std::u32string& s, std::size_t i) {
    std::size_t n = initial_at(s, i);
    if (n == 0) return 0;
    std::size_t j = i + n;
    if (j < s.size() && is_space(s[j]) && s[j] != U'\n') {
        if (std::size_t m = initial_at(s, j + 1)) return j + 1 + m - i;
    }
    if (std::size_t m = initial_at(s, j)) return j + m - i;
    return n;
}

// A capitalised word (a surname) of at least two letters starting at i.
bool surname_at(const std::u32string& s, std::size_t i) {
    return i + 1 < s.size() && is_upper(s[i]) && is_lower(s[i + 1]);
}

bool surname_ends_at(const std::u32string& s, std::size_t end) {  // s[end - 1] is the last letter
    if (end < 2 || !is_lower(s[end - 1])) return false;
    std::size_t b = end;
    while (b > 0 && (is_letter(s[b - 1]) || s[b - 1] == U'-')) --b;
    return is_upper(s[b]) && end - b >= 2;
}

// The abbreviation «г.», «ул.», «д.» … that `out` ends with (a whole word and its full stop), or
// an empty view. A city or a street follows the first kind, a number the second.
enum class Abbreviation { none, before_name, before_number };

Abbreviation abbreviation_at_end(const std::u32string& out) {
    if (out.empty() || out.back() != U'.') return Abbreviation::none;
    std::size_t b = out.size() - 1;
    while (b > 0 && is_lower(out[b - 1])) --b;
    if (b > 0 && is_letter(out[b - 1])) return Abbreviation::none;
    const std::u32string word = out.substr(b, out.size() - 1 - b);
    // «2027 г. Согласие …»: after a number «г.» is the year, and a sentence may follow.
    if (word == U"г" && b >= 2 && is_space(out[b - 1]) && is_digit(out[b - 2])) return Abbreviation::none;
    for (const char32_t* w : {U"г", U"ул", U"пр", U"пер", U"пл", U"с"}) {
        if (word == w) return Abbreviation::before_name;
    }
    for (const char32_t* w : {U"д", U"ст", U"ч", U"п", U"пп", U"корп", U"кв", U"разд", U"гл"}) {
        if (word == w) return Abbreviation::before_number;
    }
    return Abbreviation::none;
}

bool starts_with(const std::u32string& s, std::size_t i, std::u32string_view prefix) {
    return s.compare(i, prefix.size(), prefix) == 0;
}

// Whether position i lies in a web or e-mail address («https://cdt-okt.barnaul.ru»,
// «cdt-okt@mail.ru»): the unspaced word around it holds «://», «@» or begins with «www.».
bool in_address(const std::u32string& s, std::size_t i) {
    std::size_t b = i;
    while (b > 0 && !is_space(s[b - 1])) --b;
    std::size_t e = i;
    while (e < s.size() && !is_space(s[e])) ++e;
    const std::u32string_view word(s.data() + b, e - b);
    return word.find(U"://") != std::u32string_view::npos || word.find(U'@') != std::u32string_view::npos ||
           word.starts_with(U"www.");
}

}  // namespace

std::string unbreakable_short_name(std::string_view s) {
    std::u32string cps = to_code_points(s);
    if (cps.size() > 40) return std::string(s);
    for (auto& c : cps) {
        if (c == U' ') c = nbsp;
    }
    return to_utf8(cps);
}

std::string typography(std::string_view input) {
    std::u32string s = to_code_points(input);
    std::u32string out;
    out.reserve(s.size() + 8);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char32_t c = s[i];
        // Two closing marks that coincide are written once (Мильчин): «МБОУ «СШ № 7».
        if (c == U'"' || c == U'»') {
            const char32_t mark = c == U'»' || !opens_here(s, i) ? U'»' : U'«';
            if (!(mark == U'»' && !out.empty() && out.back() == U'»')) out += mark;
            continue;
        }
        // " - " or " -- " → NBSP + "— ": the dash stays with the word before it.
        if ((c == U' ' || c == nbsp) && i + 2 < s.size() && s[i + 1] == U'-') {
            std::size_t j = i + 2;
            if (s[j] == U'-') ++j;
            if (j < s.size() && s[j] == U' ') {
                out += nbsp;
                out += U'—';
                i = j - 1;  // the space after the dash is copied next
                continue;
            }
        }
        // A web or e-mail address stays as written, character for character: a word joiner after
        // its slashes or a non-breaking hyphen in its domain was drawn as nothing, but copied
        // from the document it made the address one that does not open (reader C of 7.12.2026,
        // C11), and «2023-2024» in a path is not a range. The templates keep an address off the
        // end of a line instead (a line of its own in the consent to distribution).
        if (c == U'-' && in_address(s, i)) {
            out += c;
            continue;
        }
        // A hyphen between a number and Russian letters: an act's number «АЗ-1128/08», «72-од»,
        // «152-ФЗ», or «1-го», which must not break at the hyphen (Latin codes are left alone).
        if (c == U'-' && i > 0 && i + 1 < s.size() &&
            ((is_digit(s[i - 1]) && is_cyrillic(s[i + 1])) || (is_cyrillic(s[i - 1]) && is_digit(s[i + 1])))) {
            out += U'\u2011';
            continue;
        }
        // An unspaced hyphen between two numbers, outside a chain like a date or a phone.
        if (c == U'-' && i > 0 && is_digit(s[i - 1]) && i + 1 < s.size() && is_digit(s[i + 1])) {
            std::size_t b = i;
            while (b > 0 && is_digit(s[b - 1])) --b;
            std::size_t e = i + 1;
            while (e < s.size() && is_digit(s[e])) ++e;
            const bool chain = (b > 0 && (s[b - 1] == U'-' || s[b - 1] == U'–' || is_letter(s[b - 1]))) ||
                               (e < s.size() && (s[e] == U'-' || s[e] == U'–' || is_letter(s[e])));
            out += chain ? U'-' : U'–';
            continue;
        }
        if (c == U'№') {
            out += c;
            if (i + 1 < s.size() && s[i + 1] == U' ') {
                out += nbsp;
                ++i;
            } else if (i + 1 < s.size() && is_digit(s[i + 1])) {
                out += nbsp;
            }
            continue;
        }
        if (c == U' ') {
            // Initials and the surname on either side of this space.
            bool keep = false;
            std::size_t b = out.size();
            if (b >= 2 && out[b - 1] == U'.' && is_upper(out[b - 2]) && (b < 3 || !is_letter(out[b - 3]))) {
                keep = surname_at(s, i + 1) || initial_at(s, i + 1) != 0;  // «И.О. Фамилия», «И. О. Фамилия»
            }
            if (!keep && surname_ends_at(out, out.size())) {
                const std::size_t n = initials_at(s, i + 1);
                // «Фамилия И.О.», but not «Куратор Е.А. Морозова»: there the surname follows.
                const std::size_t after = i + 1 + n;
                keep = n != 0 && (after == s.size() || !is_letter(s[after])) &&
                       !(after + 1 < s.size() && is_space(s[after]) && surname_at(s, after + 1));
            }
            // «2022 г.», «2022–2023 гг.»
            if (!keep && b > 0 && is_digit(out[b - 1]) && i + 2 < s.size() && s[i + 1] == U'г') {
                const std::size_t dot = s[i + 2] == U'г' ? i + 3 : i + 2;
                keep = dot < s.size() && s[dot] == U'.';
            }
            // «г. Барнаул», «ул. Советская», «д. 8», «ст. 351.8»
            if (!keep && i + 1 < s.size()) {
                const Abbreviation a = abbreviation_at_end(out);
                const char32_t next = s[i + 1];
                keep = (a == Abbreviation::before_name && (is_upper(next) || next == U'«' || next == U'"')) ||
                       (a == Abbreviation::before_number && is_digit(next));
            }
            // «15 чел.», «15 человек»
            if (!keep && b > 0 && is_digit(out[b - 1])) keep = starts_with(s, i + 1, U"чел");
            out += keep ? nbsp : U' ';
            continue;
        }
        out += c;
    }
    return to_utf8(out);
}

namespace {

// A capitalised word with its hyphenated parts («Салтыкова-Щедрина») from i: its end, or i.
std::size_t surname_end(const std::u32string& s, std::size_t i) {
    if (!surname_at(s, i)) return i;
    std::size_t e = i + 2;
    while (true) {
        while (e < s.size() && is_lower(s[e])) ++e;
        if (e + 1 < s.size() && s[e] == U'-' && surname_at(s, e + 1)) {
            e += 3;
            continue;
        }
        return e;
    }
}

// Initials written together («И.О.», «И.»), as the name functions write them, from i: their end, or i.
std::size_t joined_initials_end(const std::u32string& s, std::size_t i) {
    std::size_t e = i;
    for (int k = 0; k < 2; ++k) {
        if (e + 1 < s.size() && is_upper(s[e]) && s[e + 1] == U'.' && (e == 0 || !is_letter(s[e - 1]))) {
            e += 2;
        } else {
            break;
        }
    }
    return e;
}

}  // namespace

std::vector<Span> name_spans(std::string_view typographed, const std::vector<std::string>& names) {
    const std::u32string s = to_code_points(typographed);
    // Byte offset of each code point (and of the end).
    std::vector<std::size_t> at(s.size() + 1, 0);
    for (std::size_t i = 0, b = 0; i < s.size(); ++i) {
        at[i] = b;
        const char32_t c = s[i];
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        at[i + 1] = b;
    }
    std::vector<Span> spans;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && is_letter(s[i - 1])) continue;
        // «И.О.\u00A0Фамилия»
        if (const std::size_t e = joined_initials_end(s, i); e > i && e < s.size() && s[e] == nbsp) {
            if (const std::size_t f = surname_end(s, e + 1); f > e + 1 && (f == s.size() || !is_letter(s[f]))) {
                spans.push_back({at[i], at[f]});
                i = f - 1;
                continue;
            }
        }
        // «Фамилия\u00A0И.О.»
        if (const std::size_t e = surname_end(s, i); e > i && e < s.size() && s[e] == nbsp) {
            if (const std::size_t f = joined_initials_end(s, e + 1); f > e + 1 && (f == s.size() || !is_letter(s[f]))) {
                spans.push_back({at[i], at[f]});
                i = f - 1;
            }
        }
    }
    for (const std::string& name : names) {
        const std::string n = typography(name);
        if (n.empty()) continue;
        for (std::size_t p = typographed.find(n); p != std::string_view::npos; p = typographed.find(n, p + n.size())) {
            spans.push_back({p, p + n.size()});
        }
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> merged;
    for (const Span& sp : spans) {
        if (!merged.empty() && sp.begin <= merged.back().end) {
            merged.back().end = std::max(merged.back().end, sp.end);
        } else {
            merged.push_back(sp);
        }
    }
    return merged;
}

std::string with_remark(std::string_view s, std::string_view remark) {
    std::string out(s);
    if (remark.empty()) return out;
    out += out.ends_with(')') ? ", " : " (";
    out += remark;
    if (!s.ends_with(')')) out += ')';
    return out;
}

}  // namespace nastavnik::text
