#include "nastavnik/core/date.hpp"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace nastavnik {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

}  // namespace

int Date::days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return days[month - 1];
}

Date::Date(int year, int month, int day) : year_(year), month_(month), day_(day) {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month)) {
        throw std::invalid_argument("no such date");
    }
}

std::optional<Date> Date::parse_iso(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n) -> int {
        int v = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return -1;
            v = v * 10 + (t[i] - '0');
        }
        return v;
    };
    const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date(y, m, d);
}

Date Date::from_day_number(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    return Date(y, m, d);
}

Date Date::today() {
    const auto now = std::chrono::system_clock::now();
    const auto days = std::chrono::duration_cast<std::chrono::days>(now.time_since_epoch()).count();
    return from_day_number(static_cast<long>(days));
}

long Date::day_number() const noexcept { return days_from_civil(year_, month_, day_); }

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year_, month_, day_);
    return buf;
}

Date Date::add_days(long days) const { return from_day_number(day_number() + days); }

Date Date::add_months(int months) const {
    const int total = year_ * 12 + (month_ - 1) + months;
    const int y = total / 12;
    const int m = total % 12 + 1;
    const int d = std::min(day_, days_in_month(y, m));
    return Date(y, m, d);
}

Date Date::term_end(int months) const {
    const Date same = add_months(months);
    return same.day() != day_ ? same : same.add_days(-1);
}

double months_between(const Date& start, const Date& end_inclusive) {
    const Date end = end_inclusive.add_days(1);  // half-open [start, end)
    if (end <= start) return 0.0;
    int whole = (end.year() - start.year()) * 12 + (end.month() - start.month());
    if (start.add_months(whole) > end) --whole;
    // Clamping (31.01 + 1 month = 28.02) can make add_months non-monotonic; step back until
    // the anchor does not pass the end.
    while (whole > 0 && start.add_months(whole) > end) --whole;
    const Date anchor = start.add_months(whole);
    const long rest = end.day_number() - anchor.day_number();
    if (rest == 0) return whole;
    const Date next = start.add_months(whole + 1);
    const long month_len = next.day_number() - anchor.day_number();
    return whole + static_cast<double>(rest) / static_cast<double>(month_len);
}

int years_between(const Date& from, const Date& to) {
    int years = to.year() - from.year();
    if (to.month() < from.month() || (to.month() == from.month() && to.day() < from.day())) --years;
    return years;
}

}  // namespace nastavnik
