// Shared machinery of the declension module: paradigms applied to words, capitalisation,
// parsing of case and gender names, whole names, gender guessing and per-organisation overrides.
// The rule tables live in declension_surname.cpp, declension_given.cpp (given names and
// patronymics) and declension_position.cpp.

#include "text/declension_rules.hpp"

#include "nastavnik/text/letter_case.hpp"

#include <algorithm>
#include <vector>

namespace nastavnik::text {

namespace detail {

namespace {

constexpr std::string_view vowel_letters[] = {"а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Drops the last n UTF-8 characters.
std::string_view drop_chars(std::string_view s, std::size_t n) {
    std::size_t end = s.size();
    for (; n > 0 && end > 0; --n) {
        --end;
        while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    }
    return s.substr(0, end);
}

}  // namespace

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes) {
    return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view x) { return ends_with(s, x); });
}

bool is_vowel(std::string_view ch) {
    return std::find(std::begin(vowel_letters), std::end(vowel_letters), ch) != std::end(vowel_letters);
}

std::size_t vowels(std::string_view w) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.size();) {
        const std::string ch = first_char(w.substr(i));
        i += ch.size();
        n += is_vowel(ch) ? 1 : 0;
    }
    return n;
}

std::string_view last_char(std::string_view s, std::size_t skip) {
    const std::string_view rest = drop_chars(s, skip);
    const std::string_view before = drop_chars(rest, 1);
    return rest.substr(before.size());
}

bool has_cyrillic(std::string_view s) {
    // Lead bytes of U+0400..U+047F: the Russian alphabet and ё.
    return std::any_of(s.begin(), s.end(), [](char b) {
        const auto u = static_cast<unsigned char>(b);
        return u == 0xD0 || u == 0xD1;
    });
}

std::string restore_case(std::string_view original, std::string_view declined) {
    std::vector<bool> upper;
    std::size_t letters = 0, uppers = 0;
    for (std::size_t i = 0; i < original.size();) {
        const std::string ch = first_char(original.substr(i));
        i += ch.size();
        const std::string up = to_upper(ch);
        const bool letter = up != to_lower(ch);
        const bool is_upper = letter && ch == up;
        upper.push_back(is_upper);
        letters += letter ? 1 : 0;
        uppers += is_upper ? 1 : 0;
    }
    // One capital letter is a capitalised word, not an abbreviation: letter by letter.
    if (letters >= 2 && uppers == letters) return to_upper(declined);
    std::string out;
    std::size_t k = 0;
    for (std::size_t i = 0; i < declined.size(); ++k) {
        const std::string ch = first_char(declined.substr(i));
        i += ch.size();
        out += k < upper.size() && upper[k] ? to_upper(ch) : ch;
    }
    return out;
}

std::string inflect(std::string_view w, const Paradigm& p, Case c) {
    if (c == Case::nominative || &p == &indeclinable) return std::string(w);
    return std::string(drop_chars(w, p.strip)) + std::string(p.endings[static_cast<int>(c) - 1]);
}

const Paradigm* adjective_paradigm(std::string_view w) {
    const std::string_view stem_end = last_char(w, 2);
    const bool velar = stem_end == "к" || stem_end == "г" || stem_end == "х";
    const bool sibilant = stem_end == "ж" || stem_end == "ш" || stem_end == "ч" || stem_end == "щ";
    // A stem without a vowel is a noun (Цой, Гая), not an adjective.
    if (ends_with_any(w, {"ый", "ий", "ой"}) && vowels(w) >= 2) {
        if (ends_with(w, "ый")) return &adj_hard_masc;
        if (ends_with(w, "ой")) return velar || sibilant ? &adj_velar_masc : &adj_hard_masc;
        if (velar) return &adj_velar_masc;
        // -ий after other consonants (Дмитрий, Валерий) is a noun; after н it is soft (средний).
        if (sibilant || stem_end == "н") return &adj_soft_masc;
        return nullptr;
    }
    if (ends_with(w, "ая") && vowels(w) >= 3 && !is_vowel(stem_end))
        return sibilant ? &adj_sibilant_fem : &adj_hard_fem;
    if (ends_with(w, "яя") && vowels(w) >= 3) return &adj_soft_fem;
    return nullptr;
}

const Paradigm* first_declension(std::string_view w) {
    if (ends_with(w, "ия")) return &ija;
    if (ends_with(w, "я")) return &ja_soft;
    if (!ends_with(w, "а")) return nullptr;
    const std::string_view prev = last_char(w, 1);
    if (prev.empty() || is_vowel(prev)) return nullptr;  // Галуа, Гулиа: indeclinable
    if (prev == "к" || prev == "г" || prev == "х") return &a_velar;
    if (prev == "ж" || prev == "ш" || prev == "ч" || prev == "щ") return &a_sibilant;
    if (prev == "ц") return &a_ts;
    return &a_hard;
}

}  // namespace detail

std::optional<Case> parse_case(std::string_view s) {
    std::string w = to_lower(s);
    while (!w.empty() && (w.back() == '.' || w.back() == ' ')) w.pop_back();
    while (!w.empty() && w.front() == ' ') w.erase(0, 1);
    struct Name {
        std::string_view name;
        Case c;
    };
    static constexpr Name names[] = {
        {"им", Case::nominative},     {"именительный", Case::nominative},  {"nominative", Case::nominative},
        {"nom", Case::nominative},    {"род", Case::genitive},             {"родительный", Case::genitive},
        {"genitive", Case::genitive}, {"gen", Case::genitive},             {"дат", Case::dative},
        {"дательный", Case::dative},  {"dative", Case::dative},            {"dat", Case::dative},
        {"вин", Case::accusative},    {"винительный", Case::accusative},   {"accusative", Case::accusative},
        {"acc", Case::accusative},    {"твор", Case::instrumental},        {"тв", Case::instrumental},
        {"творительный", Case::instrumental}, {"instrumental", Case::instrumental},
        {"ins", Case::instrumental},  {"instr", Case::instrumental},       {"пред", Case::prepositional},
        {"предл", Case::prepositional}, {"предложный", Case::prepositional},
        {"prepositional", Case::prepositional}, {"prep", Case::prepositional},
    };
    for (const Name& n : names)
        if (w == n.name) return n.c;
    return std::nullopt;
}

std::optional<Gender> parse_gender(std::string_view s) {
    std::string w = to_lower(s);
    while (!w.empty() && (w.back() == '.' || w.back() == ' ')) w.pop_back();
    for (std::string_view m : {"м", "муж", "мужской", "male", "m"})
        if (w == m) return Gender::male;
    for (std::string_view f : {"ж", "жен", "женский", "female", "f"})
        if (w == f) return Gender::female;
    return std::nullopt;
}

PersonName decline(const PersonName& p, Gender g, Case c) {
    return {decline_surname(p.surname, g, c), decline_given_name(p.name, g, c),
            decline_patronymic(p.patronymic, g, c)};
}

std::optional<Gender> guess_gender(const PersonName& p) {
    using detail::ends_with_any;
    const std::string patronymic = to_lower(p.patronymic);
    if (ends_with_any(patronymic, {"ич", "ыч", "оглы", "улы", "уулу"})) return Gender::male;
    if (ends_with_any(patronymic, {"на", "кызы", "гызы"})) return Gender::female;

    const std::string name = to_lower(p.name);
    // Diminutives shared by both genders say nothing.
    for (std::string_view both : {"саша", "женя", "валя", "слава", "шура"})
        if (name == both) return std::nullopt;
    for (std::string_view m : {"никита", "илья", "фома", "лука", "кузьма", "савва", "данила", "гаврила",
                               "фока", "иона", "добрыня", "муса", "иса", "миша", "паша", "дима", "коля",
                               "петя", "ваня", "серёжа", "сережа", "гоша", "лёва", "лева", "вова"})
        if (name == m) return Gender::male;
    for (std::string_view f : {"любовь", "нинель", "адель", "айгуль", "гузель", "асель", "ассоль",
                               "эсфирь", "юдифь", "рахиль", "изабель", "кармен", "элен", "ирэн",
                               "гульнар", "гульназ", "мерседес", "айгерим", "шолпан", "нелли", "натали",
                               "мэри", "элли", "софи", "мари", "жюли", "ассоль"})
        if (name == f) return Gender::female;
    if (!name.empty() && detail::has_cyrillic(name)) {
        if (ends_with_any(name, {"а", "я"})) return Gender::female;
        const std::string_view last = detail::last_char(name);
        if (!detail::is_vowel(last)) return Gender::male;  // consonant, -й, -ь (Игорь)
    }

    const std::string surname = to_lower(p.surname);
    if (ends_with_any(surname, {"ова", "ева", "ёва", "ина", "ына", "ская", "цкая", "ая", "яя"}))
        return Gender::female;
    if (ends_with_any(surname, {"ов", "ев", "ёв", "ин", "ын", "ский", "цкий", "ой", "ый"}))
        return Gender::male;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Overrides

namespace {

// An override follows the input's style: ALL CAPS input gets an all-caps form, all lower-case
// input a lower-case one, a capitalised input a capitalised one.
std::string styled(std::string_view input, const std::string& form) {
    const std::string upper = to_upper(input);
    const std::string lower = to_lower(input);
    if (upper == lower) return form;  // no letters
    // restore_case decides what counts as all caps (a lone capital letter does not).
    if (detail::restore_case(input, lower) == upper && input == upper) return to_upper(form);
    if (input == lower) return to_lower(form);
    const std::string first = first_char(input);
    return first == to_upper(first) ? capitalize(form) : form;
}

}  // namespace

void DeclensionOverrides::add(std::string_view nominative, Gender g, Case c, std::string_view form) {
    forms_[{to_lower(nominative), g == Gender::male ? Kind::male : Kind::female, c}] = std::string(form);
}

void DeclensionOverrides::add_position(std::string_view nominative, Case c, std::string_view form) {
    forms_[{to_lower(nominative), Kind::position, c}] = std::string(form);
}

std::optional<std::string> DeclensionOverrides::find(std::string_view nominative, Kind k, Case c) const {
    if (forms_.empty()) return std::nullopt;
    const auto it = forms_.find({to_lower(nominative), k, c});
    if (it == forms_.end()) return std::nullopt;
    return styled(nominative, it->second);
}

std::string DeclensionOverrides::decline_surname(std::string_view surname, Gender g, Case c) const {
    if (auto f = find(surname, g == Gender::male ? Kind::male : Kind::female, c)) return *f;
    return text::decline_surname(surname, g, c);
}

std::string DeclensionOverrides::decline_given_name(std::string_view name, Gender g, Case c) const {
    if (auto f = find(name, g == Gender::male ? Kind::male : Kind::female, c)) return *f;
    return text::decline_given_name(name, g, c);
}

std::string DeclensionOverrides::decline_patronymic(std::string_view patronymic, Gender g, Case c) const {
    if (auto f = find(patronymic, g == Gender::male ? Kind::male : Kind::female, c)) return *f;
    return text::decline_patronymic(patronymic, g, c);
}

PersonName DeclensionOverrides::decline(const PersonName& p, Gender g, Case c) const {
    return {decline_surname(p.surname, g, c), decline_given_name(p.name, g, c),
            decline_patronymic(p.patronymic, g, c)};
}

std::string DeclensionOverrides::decline_position(std::string_view position, Case c) const {
    if (auto f = find(position, Kind::position, c)) return *f;
    return text::decline_position(position, c);
}

}  // namespace nastavnik::text
