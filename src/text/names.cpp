#include "nastavnik/text/names.hpp"

#include "nastavnik/text/letter_case.hpp"

namespace nastavnik::text {

namespace {

std::string initials(const PersonName& p) {
    std::string s;
    if (!p.name.empty()) s += first_char(p.name) + ".";
    if (!p.patronymic.empty()) s += first_char(p.patronymic) + ".";
    return s;
}

}  // namespace

std::string full_name(const PersonName& p) {
    std::string s = p.surname + " " + p.name;
    if (!p.patronymic.empty()) s += " " + p.patronymic;
    return s;
}

std::string initials_surname(const PersonName& p) { return initials(p) + nbsp + p.surname; }

std::string surname_initials(const PersonName& p) { return p.surname + nbsp + initials(p); }

}  // namespace nastavnik::text
