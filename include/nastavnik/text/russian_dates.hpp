#pragma once
// Dates as Russian official documents write them (ГОСТ Р 7.0.97: 27.07.2022 or 27 июля 2022 г.).

#include "nastavnik/core/date.hpp"

#include <string>

namespace nastavnik::text {

std::string date_numeric(const Date& d);  // 27.07.2022
std::string date_long(const Date& d);     // 27 июля 2022 г.  (NBSP before «г.»)
std::string date_quoted(const Date& d);   // «27» июля 2022 г.
/// Academic year containing the date; the year starts on 1 September: "2022/2023".
std::string academic_year(const Date& d);
/// Month name in the genitive: 7 → "июля".
std::string month_genitive(int month);

}  // namespace nastavnik::text
