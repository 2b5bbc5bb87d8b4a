// Given names and patronymics. Unlike surnames, given names follow the common nouns they look
// like, mobile vowels included (Павел → Павла, Лев → Льва), and a woman's name in -ь is of the
// third declension (Любовь → Любови, Айгуль → Айгули). Women's names in a hard consonant or a
// vowel other than -а/-я (Кармен, Нелли) and men's in -о/-е/-и (Отто, Анри) do not decline.
// Patronymics always decline; their own ending (-ич, -на) decides the gender.

#include "text/declension_rules.hpp"

namespace nastavnik::text {

namespace {

using namespace detail;

// Names whose stem changes: the mobile vowel drops, ё loses its stress (Пётр → Петра).
struct Irregular {
    std::string_view nominative;
    std::string_view stem;
    const Paradigm* paradigm;
};

// Илья is stressed on the ending, hence Ильёй.
constexpr Paradigm ilya{1, {"и", "е", "ю", "ёй", "е"}};

constexpr Irregular irregular_male[] = {
    {"павел", "павл", &hard_masc}, {"лев", "льв", &hard_masc},   {"пётр", "петр", &hard_masc},
    {"петр", "петр", &hard_masc},  {"илья", "илья", &ilya},
};

// Turkic patronymics are the father's name and a word for "son"/"daughter"; the whole stays as
// it is in Russian documents (Мамедов Ахмед Гусейн оглы → Мамедова Ахмеда Гусейн оглы).
bool turkic_patronymic(std::string_view w) {
    return ends_with_any(w, {" оглы", " огли", " улы", " уулу", " кызы", " гызы", " кизи"});
}

std::string given_word(std::string_view lower, Gender g, Case c) {
    if (g == Gender::male) {
        for (const Irregular& ir : irregular_male)
            if (lower == ir.nominative)
                return c == Case::nominative ? std::string(lower) : inflect(ir.stem, *ir.paradigm, c);
    }
    const std::string_view last = last_char(lower);
    if (last.size() != 2 || last == "ъ") return std::string(lower);  // not a Cyrillic letter
    if (const Paradigm* p = first_declension(lower)) return inflect(lower, *p, c);
    if (is_vowel(last)) return std::string(lower);  // Нелли, Отто, Галуа-like -уа
    if (g == Gender::female) return inflect(lower, last == "ь" ? soft_fem : indeclinable, c);
    if (ends_with_any(lower, {"ий"})) return inflect(lower, ij_masc, c);
    if (ends_with_any(lower, {"й", "ь"})) return inflect(lower, soft_masc, c);
    if (ends_with_any(lower, {"ц", "ж", "ш", "ч", "щ"})) return inflect(lower, sibilant_masc, c);
    return inflect(lower, hard_masc, c);
}

// Patronymics in -ич are unstressed on the ending (Ивановичем) except the short ones from
// names in -а/-я, stressed on the last syllable (Ильичом, Кузьмичом).
bool stressed_ich(std::string_view w) {
    for (std::string_view s : {"ильич", "кузьмич", "лукич", "фомич", "никич", "ерёмич", "еремич"})
        if (w == s) return true;
    return false;
}

std::string patronymic_word(std::string_view lower, Gender g, Case c) {
    if (ends_with_any(lower, {"ич", "ыч"})) return inflect(lower, stressed_ich(lower) ? hard_masc : sibilant_masc, c);
    if (ends_with_any(lower, {"на"})) return inflect(lower, a_hard, c);
    return given_word(lower, g, c);
}

}  // namespace

std::string decline_given_name(std::string_view name, Gender g, Case c) {
    if (c == Case::nominative || !has_cyrillic(name)) return std::string(name);
    return map_split(name, ' ', [&](std::string_view word) {
        return map_parts(word, '-', [&](const std::string& w) { return given_word(w, g, c); });
    });
}

std::string decline_patronymic(std::string_view patronymic, Gender g, Case c) {
    if (c == Case::nominative || !has_cyrillic(patronymic) || turkic_patronymic(to_lower(patronymic)))
        return std::string(patronymic);
    return map_split(patronymic, ' ', [&](std::string_view word) {
        return map_parts(word, '-', [&](const std::string& w) { return patronymic_word(w, g, c); });
    });
}

}  // namespace nastavnik::text
