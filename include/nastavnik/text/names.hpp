#pragma once
// Personal names in the short forms of official documents, with non-breaking spaces so that
// «И.О. Фамилия» never breaks across lines. (Declension by case lives in its own module.)

#include <string>

namespace nastavnik::text {

inline constexpr const char* nbsp = "\u00A0";

struct PersonName {
    std::string surname;
    std::string name;
    std::string patronymic;  // may be empty
};

std::string full_name(const PersonName& p);         // Иванова Мария Петровна
std::string initials_surname(const PersonName& p);  // М.П. Иванова
std::string surname_initials(const PersonName& p);  // Иванова М.П.

}  // namespace nastavnik::text
