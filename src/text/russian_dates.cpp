#include "nastavnik/text/russian_dates.hpp"

#include <cstdio>

namespace nastavnik::text {

std::string month_genitive(int month) {
    static const char* const names[] = {"января", "февраля", "марта",    "апреля",
                                        "мая",    "июня",    "июля",     "августа",
                                        "сентября", "октября", "ноября", "декабря"};
    return names[month - 1];
}

std::string date_numeric(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", d.day(), d.month(), d.year());
    return buf;
}

std::string date_long(const Date& d) {
    return std::to_string(d.day()) + " " + month_genitive(d.month()) + " " +
           std::to_string(d.year()) + "\u00A0г.";
}

std::string date_quoted(const Date& d) {
    char day[8];
    std::snprintf(day, sizeof day, "%02d", d.day());
    return std::string("«") + day + "» " + month_genitive(d.month()) + " " +
           std::to_string(d.year()) + "\u00A0г.";
}

std::string academic_year(const Date& d) {
    const int first = d.month() >= 9 ? d.year() : d.year() - 1;
    return std::to_string(first) + "/" + std::to_string(first + 1);
}

}  // namespace nastavnik::text
