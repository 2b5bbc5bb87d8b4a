#include "nastavnik/text/number_words.hpp"

#include <algorithm>
#include <cstdio>

#include "nastavnik/text/letter_case.hpp"

#include <array>
#include <stdexcept>
#include <vector>

namespace nastavnik::text {

namespace {

using Forms = std::array<const char*, 6>;  // in the order of Case: им, род, дат, вин, твор, пред

// The numerals' own paradigms (Розенталь, «Справочник по правописанию и стилистике», § 120–121).
// The accusative here is the inanimate one; animacy is handled where the word is chosen.
constexpr Forms one_m = {"один", "одного", "одному", "один", "одним", "одном"};
constexpr Forms one_f = {"одна", "одной", "одной", "одну", "одной", "одной"};
constexpr Forms one_n = {"одно", "одного", "одному", "одно", "одним", "одном"};
constexpr Forms two_mn = {"два", "двух", "двум", "два", "двумя", "двух"};
constexpr Forms two_f = {"две", "двух", "двум", "две", "двумя", "двух"};

constexpr std::array<Forms, 18> units_3_to_19 = {{
    {"три", "трёх", "трём", "три", "тремя", "трёх"},
    {"четыре", "четырёх", "четырём", "четыре", "четырьмя", "четырёх"},
    {"пять", "пяти", "пяти", "пять", "пятью", "пяти"},
    {"шесть", "шести", "шести", "шесть", "шестью", "шести"},
    {"семь", "семи", "семи", "семь", "семью", "семи"},
    {"восемь", "восьми", "восьми", "восемь", "восемью", "восьми"},
    {"девять", "девяти", "девяти", "девять", "девятью", "девяти"},
    {"десять", "десяти", "десяти", "десять", "десятью", "десяти"},
    {"одиннадцать", "одиннадцати", "одиннадцати", "одиннадцать", "одиннадцатью", "одиннадцати"},
    {"двенадцать", "двенадцати", "двенадцати", "двенадцать", "двенадцатью", "двенадцати"},
    {"тринадцать", "тринадцати", "тринадцати", "тринадцать", "тринадцатью", "тринадцати"},
    {"четырнадцать", "четырнадцати", "четырнадцати", "четырнадцать", "четырнадцатью", "четырнадцати"},
    {"пятнадцать", "пятнадцати", "пятнадцати", "пятнадцать", "пятнадцатью", "пятнадцати"},
    {"шестнадцать", "шестнадцати", "шестнадцати", "шестнадцать", "шестнадцатью", "шестнадцати"},
    {"семнадцать", "семнадцати", "семнадцати", "семнадцать", "семнадцатью", "семнадцати"},
    {"восемнадцать", "восемнадцати", "восемнадцати", "восемнадцать", "восемнадцатью", "восемнадцати"},
    {"девятнадцать", "девятнадцати", "девятнадцати", "девятнадцать", "девятнадцатью", "девятнадцати"},
    {"", "", "", "", "", ""},  // unused: keeps the index arithmetic plain
}};

constexpr std::array<Forms, 8> tens_20_to_90 = {{
    {"двадцать", "двадцати", "двадцати", "двадцать", "двадцатью", "двадцати"},
    {"тридцать", "тридцати", "тридцати", "тридцать", "тридцатью", "тридцати"},
    {"сорок", "сорока", "сорока", "сорок", "сорока", "сорока"},
    {"пятьдесят", "пятидесяти", "пятидесяти", "пятьдесят", "пятьюдесятью", "пятидесяти"},
    {"шестьдесят", "шестидесяти", "шестидесяти", "шестьдесят", "шестьюдесятью", "шестидесяти"},
    {"семьдесят", "семидесяти", "семидесяти", "семьдесят", "семьюдесятью", "семидесяти"},
    {"восемьдесят", "восьмидесяти", "восьмидесяти", "восемьдесят", "восемьюдесятью", "восьмидесяти"},
    {"девяносто", "девяноста", "девяноста", "девяносто", "девяноста", "девяноста"},
}};

constexpr std::array<Forms, 9> hundreds = {{
    {"сто", "ста", "ста", "сто", "ста", "ста"},
    {"двести", "двухсот", "двумстам", "двести", "двумястами", "двухстах"},
    {"триста", "трёхсот", "трёмстам", "триста", "тремястами", "трёхстах"},
    {"четыреста", "четырёхсот", "четырёмстам", "четыреста", "четырьмястами", "четырёхстах"},
    {"пятьсот", "пятисот", "пятистам", "пятьсот", "пятьюстами", "пятистах"},
    {"шестьсот", "шестисот", "шестистам", "шестьсот", "шестьюстами", "шестистах"},
    {"семьсот", "семисот", "семистам", "семьсот", "семьюстами", "семистах"},
    {"восемьсот", "восьмисот", "восьмистам", "восемьсот", "восьмьюстами", "восьмистах"},
    {"девятьсот", "девятисот", "девятистам", "девятьсот", "девятьюстами", "девятистах"},
}};

constexpr Forms zero = {"ноль", "нуля", "нулю", "ноль", "нулём", "нуле"};

// The scale words are nouns: singular and plural paradigms.
struct Scale {
    long long value;
    NounGender gender;
    Forms singular;
    Forms plural;
};
constexpr std::array<Scale, 3> scales = {{
    {1'000'000'000LL, NounGender::masculine,
     {"миллиард", "миллиарда", "миллиарду", "миллиард", "миллиардом", "миллиарде"},
     {"миллиарды", "миллиардов", "миллиардам", "миллиарды", "миллиардами", "миллиардах"}},
    {1'000'000LL, NounGender::masculine,
     {"миллион", "миллиона", "миллиону", "миллион", "миллионом", "миллионе"},
     {"миллионы", "миллионов", "миллионам", "миллионы", "миллионами", "миллионах"}},
    {1'000LL, NounGender::feminine,
     {"тысяча", "тысячи", "тысяче", "тысячу", "тысячей", "тысяче"},
     {"тысячи", "тысяч", "тысячам", "тысячи", "тысячами", "тысячах"}},
}};

std::size_t index(Case c) { return static_cast<std::size_t>(c); }

// Words of 1…999 in case c. `alone` says the numeral is one word: only a bare «два»,
// «три», «четыре» take the animate accusative (двух наставников); in a compound numeral they
// keep the nominative (двадцать два наставника), while «один» agrees like an adjective in
// every position (двадцать одного наставника).
void triad_words(int n, Case c, Counted counted, bool alone, std::vector<std::string>& out) {
    const std::size_t i = index(c);
    if (n >= 100) out.emplace_back(hundreds[static_cast<std::size_t>(n / 100 - 1)][i]);
    const int rest = n % 100;
    int unit = rest;
    if (rest >= 20) {
        out.emplace_back(tens_20_to_90[static_cast<std::size_t>(rest / 10 - 2)][i]);
        unit = rest % 10;
    }
    if (unit == 0) return;
    const bool animate_accusative = c == Case::accusative && counted.animate;
    if (unit == 1) {
        if (counted.gender == NounGender::feminine) {
            out.emplace_back(one_f[i]);
        } else if (counted.gender == NounGender::neuter) {
            out.emplace_back(one_n[i]);
        } else {
            out.emplace_back(animate_accusative ? one_m[index(Case::genitive)] : one_m[i]);
        }
        return;
    }
    const std::size_t form = animate_accusative && alone && unit <= 4 ? index(Case::genitive) : i;
    if (unit == 2) {
        out.emplace_back(counted.gender == NounGender::feminine ? two_f[form] : two_mn[form]);
    } else {
        out.emplace_back(units_3_to_19[static_cast<std::size_t>(unit - 3)][form]);
    }
}

}  // namespace

std::optional<Counted> parse_counted(std::string_view s) {
    std::string w = to_lower(s);
    Counted out;
    for (std::string_view animate : {"одуш.", "одуш"}) {
        const auto pos = w.find(animate);
        if (pos != std::string::npos) {
            out.animate = true;
            w.erase(pos, animate.size());
            break;
        }
    }
    while (!w.empty() && (w.back() == '.' || w.back() == ' ' || w.back() == ',')) w.pop_back();
    while (!w.empty() && w.front() == ' ') w.erase(w.begin());
    for (std::string_view m : {"м", "муж", "мужской"})
        if (w == m) return out;
    for (std::string_view f : {"ж", "жен", "женский"})
        if (w == f) return out.gender = NounGender::feminine, out;
    for (std::string_view n : {"с", "ср", "сред", "средний"})
        if (w == n) return out.gender = NounGender::neuter, out;
    return std::nullopt;
}

std::string number_words(long long n, Case c, Counted counted) {
    if (n < -number_words_max || n > number_words_max) {
        throw std::out_of_range("number_words: " + std::to_string(n));
    }
    if (n == 0) return zero[index(c)];
    std::vector<std::string> words;
    if (n < 0) {
        words.emplace_back("минус");
        n = -n;
    }
    const std::size_t i = index(c);
    for (const Scale& scale : scales) {
        const int count = static_cast<int>(n / scale.value % 1000);
        if (count == 0) continue;
        // A scale word is an inanimate noun: «две тысячи наставников», never «двух тысяч».
        triad_words(count, c, Counted{scale.gender, false}, false, words);
        const Forms& noun = plural_form(count, c, false) == PluralForm::one ? scale.singular : scale.plural;
        switch (plural_form(count, c, false)) {
            case PluralForm::one: words.emplace_back(noun[i]); break;
            case PluralForm::few: words.emplace_back(scale.singular[index(Case::genitive)]); break;
            case PluralForm::many:
                words.emplace_back(c == Case::nominative || c == Case::accusative ? scale.plural[index(Case::genitive)]
                                                                                 : noun[i]);
                break;
        }
    }
    const int units = static_cast<int>(n % 1000);
    if (units != 0) triad_words(units, c, counted, n < 10, words);
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

PluralForm plural_form(long long n, Case c, bool animate) {
    const PluralForm usual = plural_form(static_cast<long>(n % 1000));
    if (c == Case::nominative || (c == Case::accusative && !animate)) return usual;
    if (usual == PluralForm::one) return PluralForm::one;
    if (c == Case::accusative) {
        const long long a = n < 0 ? -n : n;
        return usual == PluralForm::few && a > 4 ? PluralForm::few : PluralForm::many;
    }
    return PluralForm::many;
}

std::string words_with_noun(long long n, const std::string& one, const std::string& few, const std::string& many,
                            Case c, Counted counted) {
    const std::string words = number_words(n, c, counted);
    switch (plural_form(n, c, counted.animate)) {
        case PluralForm::one: return words + " " + one;
        case PluralForm::few: return words + " " + few;
        case PluralForm::many: break;
    }
    return words + " " + many;
}

std::string decimal(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(digits, 0, 6), v);
    std::string s = buf;
    if (const auto dot = s.find('.'); dot != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
        else s[dot] = ',';
    }
    if (s == "-0") s = "0";
    return s;
}

}  // namespace nastavnik::text
