#pragma once
// A calendar date (proleptic Gregorian), the only date type of the engine. Day numbers make
// comparisons and differences trivial; ISO text is the exchange form everywhere.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace nastavnik {

class Date {
public:
    Date() = default;
    /// Throws std::invalid_argument if the day does not exist.
    Date(int year, int month, int day);

    /// Strict "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
    static std::optional<Date> parse_iso(std::string_view text);
    static Date from_day_number(long days);
    /// Today in UTC.
    static Date today();

    [[nodiscard]] int year() const noexcept { return year_; }
    [[nodiscard]] int month() const noexcept { return month_; }
    [[nodiscard]] int day() const noexcept { return day_; }
    /// Days since 1970-01-01.
    [[nodiscard]] long day_number() const noexcept;
    [[nodiscard]] std::string iso() const;

    [[nodiscard]] Date add_days(long days) const;
    /// Clamps to the end of the month: 2023-01-31 + 1 month = 2023-02-28.
    [[nodiscard]] Date add_months(int months) const;

    /// The last day of a term of `months` months that begins on this day (ст. 190–192 ГК РФ,
    /// the first day counted): the day before the same date `months` later — 01.03.2023 + 12 →
    /// 29.02.2024, 01.03 + 3 → 31.05 — or, when that month has no such date, its last day:
    /// 31.01 + 1 → 28.02.
    [[nodiscard]] Date term_end(int months) const;

    friend auto operator<=>(const Date&, const Date&) = default;

    static int days_in_month(int year, int month);

private:
    int year_ = 1970;
    int month_ = 1;
    int day_ = 1;
};

/// Length of the period [start, end] (end inclusive) in months: whole months plus the
/// remaining days as a fraction of the month in which they fall. 01.09–30.11 = 3.
double months_between(const Date& start, const Date& end_inclusive);

/// Whole years from `from` to `to` (an age).
int years_between(const Date& from, const Date& to);

}  // namespace nastavnik
