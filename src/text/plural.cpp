#include "nastavnik/text/plural.hpp"

namespace nastavnik::text {

PluralForm plural_form(long n) {
    if (n < 0) n = -n;
    const long last_two = n % 100;
    const long last = n % 10;
    if (last_two >= 11 && last_two <= 14) return PluralForm::many;
    if (last == 1) return PluralForm::one;
    if (last >= 2 && last <= 4) return PluralForm::few;
    return PluralForm::many;
}

std::string with_noun(long n, const std::string& one, const std::string& few, const std::string& many) {
    switch (plural_form(n)) {
        case PluralForm::one: return std::to_string(n) + " " + one;
        case PluralForm::few: return std::to_string(n) + " " + few;
        case PluralForm::many: break;
    }
    return std::to_string(n) + " " + many;
}

std::string grouped(long n) {
    std::string digits = std::to_string(n < 0 ? -static_cast<long long>(n) : static_cast<long long>(n));
    if (digits.size() > 3) {
        for (std::size_t at = digits.size() - 3; at > 0; at = at > 3 ? at - 3 : 0) digits.insert(at, "\u00A0");
    }
    return n < 0 ? "-" + digits : digits;
}

std::string enumeration(const std::vector<std::string>& items) {
    std::string s;
    for (std::size_t k = 0; k < items.size(); ++k) s += (k == 0 ? "" : k + 1 == items.size() ? " и " : ", ") + items[k];
    return s;
}

}  // namespace nastavnik::text
