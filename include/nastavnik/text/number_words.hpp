#pragma once
// Cardinal numbers written out in words, in the case and gender the sentence needs:
// «на срок девять месяцев», «для двух наставников», «двадцать одна группа», «одной группы».

#include "nastavnik/text/declension.hpp"
#include "nastavnik/text/plural.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace nastavnik::text {

/// The gender of the counted noun: it decides один/одна/одно and два/две.
enum class NounGender { masculine, feminine, neuter };

/// Gender of the counted noun and whether it names living beings: the accusative of «два
/// наставника» is «двух наставников», of «два месяца» — «два месяца».
struct Counted {
    NounGender gender = NounGender::masculine;
    bool animate = false;
};

/// "м"/"муж", "ж"/"жен", "с"/"ср"/"сред", optionally followed by "одуш" (a person):
/// "м одуш", "ж.одуш."; any letter case. nullopt for anything else.
std::optional<Counted> parse_counted(std::string_view s);

/// A number as Russian texts write it: a decimal comma, at most `digits` digits after it and
/// none when they are zeros: 4.25 → «4,3», 80.0 → «80», 12.5 → «12,5».
std::string decimal(double v, int digits = 1);

/// The largest |n| number_words writes: 999 999 999 999 (billions).
inline constexpr long long number_words_max = 999'999'999'999LL;

/// n in words: number_words(21, Case::nominative, {feminine}) → «двадцать одна»;
/// number_words(2, Case::genitive) → «двух»; 1000 → «одна тысяча». Negative numbers start with
/// «минус». Throws std::out_of_range beyond ±number_words_max.
std::string number_words(long long n, Case c = Case::nominative, Counted counted = {});

/// Which form of the counted noun follows n in case c: in the nominative and the inanimate
/// accusative the usual one/few/many; in the other cases «одной группы» (one) but «двух групп»,
/// «пяти групп» (many); in the animate accusative «двух наставников» (many) but «двадцать два
/// наставника» (few: a compound numeral keeps its nominative).
PluralForm plural_form(long long n, Case c, bool animate);

/// n in words followed by the noun form that agrees with it; the forms are those that follow
/// a number in case c (genitive: "наставника", "наставников", "наставников").
std::string words_with_noun(long long n, const std::string& one, const std::string& few, const std::string& many,
                            Case c = Case::nominative, Counted counted = {});

}  // namespace nastavnik::text
