#pragma once
// Internal: helpers and rule tables shared by src/text/declension*.cpp.

#include "nastavnik/text/declension.hpp"

namespace nastavnik::text {

namespace detail {

/// How a word inflects: drop `strip` characters, then add the ending of the case (genitive,
/// dative, accusative, instrumental, prepositional). The nominative is the word itself.
struct Paradigm {
    std::size_t strip;
    std::array<std::string_view, 5> endings;
};

// clang-format off
inline constexpr Paradigm indeclinable     {0, {"", "", "", "", ""}};
inline constexpr Paradigm hard_masc        {0, {"а", "у", "а", "ом", "е"}};    // Иван, Шмидт
inline constexpr Paradigm sibilant_masc    {0, {"а", "у", "а", "ем", "е"}};    // Петрович, Шульц
inline constexpr Paradigm soft_masc        {1, {"я", "ю", "я", "ем", "е"}};    // Игорь, Андрей
inline constexpr Paradigm ij_masc          {1, {"я", "ю", "я", "ем", "и"}};    // Дмитрий
inline constexpr Paradigm possessive_masc  {0, {"а", "у", "а", "ым", "е"}};    // Иванов, Ильин
inline constexpr Paradigm possessive_fem   {1, {"ой", "ой", "у", "ой", "ой"}}; // Иванова
inline constexpr Paradigm a_hard           {1, {"ы", "е", "у", "ой", "е"}};    // Анна, Никита
inline constexpr Paradigm a_velar          {1, {"и", "е", "у", "ой", "е"}};    // Ольга, Глинка
inline constexpr Paradigm a_sibilant       {1, {"и", "е", "у", "ей", "е"}};    // Кваша
inline constexpr Paradigm a_ts             {1, {"ы", "е", "у", "ей", "е"}};    // Птица
inline constexpr Paradigm ja_soft          {1, {"и", "е", "ю", "ей", "е"}};    // Наталья, Зоя
inline constexpr Paradigm ija              {1, {"и", "и", "ю", "ей", "и"}};    // Мария, Берия
inline constexpr Paradigm soft_fem         {1, {"и", "и", "ь", "ью", "и"}};    // Любовь
inline constexpr Paradigm adj_hard_masc    {2, {"ого", "ому", "ого", "ым", "ом"}}; // Белый, Толстой
inline constexpr Paradigm adj_velar_masc   {2, {"ого", "ому", "ого", "им", "ом"}}; // Римский, Сухой
inline constexpr Paradigm adj_soft_masc    {2, {"его", "ему", "его", "им", "ем"}}; // Рыжий, старший
inline constexpr Paradigm adj_hard_fem     {2, {"ой", "ой", "ую", "ой", "ой"}};    // Толстая
inline constexpr Paradigm adj_sibilant_fem {2, {"ей", "ей", "ую", "ей", "ей"}};    // Рыжая, старшая
inline constexpr Paradigm adj_soft_fem     {2, {"ей", "ей", "юю", "ей", "ей"}};    // Крайняя
// clang-format on

/// `lower_word` in case c by paradigm p.
std::string inflect(std::string_view lower_word, const Paradigm& p, Case c);
/// Masculine or feminine adjective in -ый/-ий/-ой/-ая/-яя; nullptr if the word is not one.
const Paradigm* adjective_paradigm(std::string_view lower_word);
/// First declension (-а/-я) by the letter before the ending; nullptr if the word is not one.
const Paradigm* first_declension(std::string_view lower_word);

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes);
/// Number of vowel letters: a cheap syllable count.
std::size_t vowels(std::string_view lower_word);
/// Last UTF-8 character of s after dropping `skip` characters from its end ("" if none).
std::string_view last_char(std::string_view s, std::size_t skip = 0);
bool is_vowel(std::string_view ch);
bool has_cyrillic(std::string_view s);
/// Capitalisation of `original` carried over to the lower-case `declined`: ALL CAPS stays all
/// caps, otherwise letter by letter (Петрова → Петровой, МакДональд → МакДональда).
std::string restore_case(std::string_view original, std::string_view declined);
/// f(part) for each part of `s` between `sep` characters, the separators kept.
template <typename F>
std::string map_split(std::string_view s, char sep, F f) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        const std::string_view part = s.substr(start, end == std::string_view::npos ? end : end - start);
        if (!part.empty()) out += f(part);
        if (end == std::string_view::npos) break;
        out += sep;
        start = end + 1;
    }
    return out;
}

/// f(lower-case part) for each part of `word` between `sep` characters, each part's
/// capitalisation restored on its own: Петрова-Водкина → Петровой-Водкиной.
template <typename F>
std::string map_parts(std::string_view word, char sep, F f) {
    return map_split(word, sep, [&](std::string_view part) { return restore_case(part, f(to_lower(part))); });
}

}  // namespace detail

}  // namespace nastavnik::text
