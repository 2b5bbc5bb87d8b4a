#include "nastavnik/core/working_days.hpp"

namespace nastavnik {

namespace {

bool public_holiday(const Date& d) {
    const int m = d.month(), day = d.day();
    return (m == 1 && day <= 8) || (m == 2 && day == 23) || (m == 3 && day == 8) || (m == 5 && (day == 1 || day == 9)) ||
           (m == 6 && day == 12) || (m == 11 && day == 4);
}

}  // namespace

Date next_working_day(Date d) {
    for (;;) {
        const long weekday = ((d.day_number() % 7) + 7 + 3) % 7;  // 0 — Monday (01.01.1970 was a Thursday)
        if (weekday < 5 && !public_holiday(d)) return d;
        d = d.add_days(1);
    }
}

Date monitoring_stage1_due(const Date& start, const Date& end) {
    return next_working_day(start.add_days((end.day_number() - start.day_number()) / 2));
}

Date monitoring_year_due(int year) { return next_working_day(Date(year, 6, 15)); }

Date monitoring_stage2_due(const Date& end) {
    const Date due = next_working_day(end.add_days(14));
    const Date june_1(due.year(), 6, 1), june_15(due.year(), 6, 15);
    return (june_1 <= due && due <= june_15) ? monitoring_year_due(due.year()) : due;
}

}  // namespace nastavnik
