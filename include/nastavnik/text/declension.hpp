#pragma once
// Declension of Russian personal names and job positions, for the sentences of orders:
// «назначить наставником Иванову Марию Петровну», «возложить на заместителя директора по УВР».
//
// The rules are suffix tables of our own (src/text/declension_*.cpp). Names the rules get wrong
// are fixed per organisation with DeclensionOverrides rather than by growing the tables.
// Every function keeps the capitalisation style of its input (Иванов → Иванова, ИВАНОВ →
// ИВАНОВА) and its ё; text that is not Cyrillic is returned unchanged.

#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/names.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>

namespace nastavnik::text {

enum class Case { nominative, genitive, dative, accusative, instrumental, prepositional };
enum class Gender { male, female };

/// "им", "род", "дат", "вин", "твор"/"тв", "пред" (with or without a dot), the full Russian
/// names ("родительный") and the English ones ("genitive", "gen"); any letter case.
std::optional<Case> parse_case(std::string_view s);
/// "м"/"муж"/"мужской", "ж"/"жен"/"женский", "male"/"m", "female"/"f"; any letter case.
std::optional<Gender> parse_gender(std::string_view s);

std::string decline_surname(std::string_view surname, Gender g, Case c);
std::string decline_given_name(std::string_view name, Gender g, Case c);
/// The form of the patronymic (-ич / -на) decides its declension; `g` only when it says nothing.
std::string decline_patronymic(std::string_view patronymic, Gender g, Case c);
PersonName decline(const PersonName& p, Gender g, Case c);

/// Fallback when the data does not say: from the patronymic, then the given name, then the
/// surname; nullopt when they do not tell (Саша Шевченко, Женя Ли).
std::optional<Gender> guess_gender(const PersonName& p);

/// The head phrase (leading adjectives and the first noun, both parts of a hyphenated noun)
/// declines; the complements stay: «заместитель директора по УВР» → «заместителю директора по
/// УВР». Positions name people, so the masculine accusative is the genitive.
std::string decline_position(std::string_view position, Case c);

/// Per-organisation exact forms for what the rules get wrong (a rare surname, a position with an
/// unusual head). Lookups are case-insensitive on the whole nominative (the whole surname, the
/// whole position); anything without an override goes to the rules.
class DeclensionOverrides {
public:
    /// A name part (surname, given name or patronymic) of a person of gender g.
    void add(std::string_view nominative, Gender g, Case c, std::string_view form);
    void add_position(std::string_view nominative, Case c, std::string_view form);
    bool empty() const { return forms_.empty(); }

    std::string decline_surname(std::string_view surname, Gender g, Case c) const;
    std::string decline_given_name(std::string_view name, Gender g, Case c) const;
    std::string decline_patronymic(std::string_view patronymic, Gender g, Case c) const;
    PersonName decline(const PersonName& p, Gender g, Case c) const;
    std::string decline_position(std::string_view position, Case c) const;

private:
    enum class Kind { male, female, position };
    std::optional<std::string> find(std::string_view nominative, Kind k, Case c) const;
    std::map<std::tuple<std::string, Kind, Case>, std::string> forms_;
};


}  // namespace nastavnik::text
