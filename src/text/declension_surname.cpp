// Surnames. Choices where usage varies, following the official-document usage of reference
// services (грамота.ру, Розенталь):
//  - -ых/-их (Черных, Долгих), -о/-е/-и/-у/-ю (Шевченко, Дурново, Гёте) and -а after a vowel
//    (Галуа) never decline;
//  - a surname ending in a consonant, -ь or -й declines for a man only (Ивана Шмидта, Анны Шмидт);
//  - the vowel of -ец/-ок/-ей is kept (Кравец → Кравеца, Заяц → Заяца): a surname must stay
//    recognisable in a document, unlike the common noun it comes from;
//  - -ин/-ын is Russian possessive (Пушкиным) unless the word has one syllable (Грин → Грином);
//  - stress is unknown, so sibilant endings take the unstressed forms (Квашей, Петровичем)
//    except -ец, which is almost always stressed in surnames (Кравецом).
// Each part of a double surname declines on its own (Римского-Корсакова, Петровой-Водкиной).

#include "text/declension_rules.hpp"

namespace nastavnik::text {

namespace {

using namespace detail;

// Particles of foreign surnames stay as they are: ван Бетховена, де Голля.
bool is_particle(std::string_view w) {
    for (std::string_view p : {"ван", "фон", "дер", "де", "ди", "дю", "да", "дель", "делла", "ла", "ле", "эль",
                               "аль", "ибн", "бен", "бин", "мак", "о", "оглы", "кызы"})
        if (w == p) return true;
    return false;
}

// First parts of double surnames that never decline: Бонч-Бруевича, Тер-Петросяна.
bool fixed_first_part(std::string_view w) {
    for (std::string_view p : {"бонч", "сен", "сент", "тер", "мак", "ибн", "абу"})
        if (w == p) return true;
    return false;
}

// Nouns in -ой that are not adjectives: Прибоя, Героя (monosyllables such as Цой are caught by
// the syllable count).
bool nominal_oj(std::string_view w) {
    for (std::string_view n : {"герой", "прибой", "разбой", "покой", "конвой", "постой", "настой"})
        if (w == n) return true;
    return false;
}

bool indeclinable_ending(std::string_view w) {
    const std::string_view last = last_char(w);
    if (last == "а" || last == "я") return false;
    if (is_vowel(last)) return true;
    // -ых/-их is a frozen genitive plural; -рих is German (Дитрих, Фридрих) and declines.
    return ends_with_any(w, {"ых", "их"}) && !ends_with_any(w, {"рих"});
}

const Paradigm& masculine(std::string_view w) {
    if (indeclinable_ending(w)) return indeclinable;
    if (ends_with_any(w, {"ой"}) && (vowels(w) < 2 || nominal_oj(w))) return soft_masc;
    if (const Paradigm* p = adjective_paradigm(w); p && ends_with_any(w, {"ый", "ий", "ой"})) return *p;
    if (ends_with_any(w, {"ий"})) return ij_masc;
    if (ends_with_any(w, {"й", "ь"})) return soft_masc;
    if (ends_with_any(w, {"ов", "ев", "ёв"})) return possessive_masc;
    if (ends_with_any(w, {"ин", "ын"})) return vowels(w) >= 2 ? possessive_masc : hard_masc;
    if (const Paradigm* p = first_declension(w)) return *p;
    if (ends_with_any(w, {"а"})) return indeclinable;  // after a vowel: Галуа
    if (ends_with_any(w, {"ец"})) return hard_masc;
    if (ends_with_any(w, {"ц", "ж", "ш", "ч", "щ"})) return sibilant_masc;
    const std::string_view last = last_char(w);
    // Only Cyrillic consonants decline; digits, Latin letters and ъ do not.
    if (last.size() == 2 && last != "ъ") return hard_masc;
    return indeclinable;
}

const Paradigm& feminine(std::string_view w) {
    if (indeclinable_ending(w)) return indeclinable;
    if (w == "большая") return adj_hard_fem;  // stressed: Большой, not Большей
    if (const Paradigm* p = adjective_paradigm(w); p && ends_with_any(w, {"ая", "яя"})) return *p;
    if (ends_with_any(w, {"ова", "ева", "ёва"})) return possessive_fem;
    if (ends_with_any(w, {"ина", "ына"}) && vowels(w) >= 3) return possessive_fem;
    if (const Paradigm* p = first_declension(w)) return *p;
    return indeclinable;  // a consonant, -ь, -й: Анны Шмидт, Анны Гоголь
}

std::string decline_word(std::string_view word, Gender g, Case c) {
    if (c == Case::nominative || !has_cyrillic(word)) return std::string(word);
    if (is_particle(to_lower(word))) return std::string(word);
    bool first = true;
    return map_parts(word, '-', [&](const std::string& w) {
        const bool fixed = first && fixed_first_part(w);
        first = false;
        return fixed ? w : inflect(w, g == Gender::male ? masculine(w) : feminine(w), c);
    });
}

}  // namespace

std::string decline_surname(std::string_view surname, Gender g, Case c) {
    return map_split(surname, ' ', [&](std::string_view w) { return decline_word(w, g, c); });
}

}  // namespace nastavnik::text
