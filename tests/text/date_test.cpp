#include "nastavnik/core/date.hpp"

#include <boost/test/unit_test.hpp>

using nastavnik::Date;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parse_iso_strict) {
    BOOST_TEST(Date::parse_iso("2024-02-29").has_value());
    BOOST_TEST(!Date::parse_iso("2023-02-29").has_value());
    BOOST_TEST(!Date::parse_iso("31.12.2022").has_value());
    BOOST_TEST(!Date::parse_iso("2022-1-01").has_value());
    BOOST_TEST(!Date::parse_iso("2022-13-01").has_value());
    BOOST_TEST(Date::parse_iso("1999-12-31")->iso() == "1999-12-31");
}

BOOST_AUTO_TEST_CASE(day_numbers_round_trip) {
    for (long n = -1000; n < 30000; n += 37) BOOST_TEST(Date::from_day_number(n).day_number() == n);
    BOOST_TEST(Date(1970, 1, 1).day_number() == 0);
}

BOOST_AUTO_TEST_CASE(add_months_clamps_to_month_end) {
    BOOST_TEST(Date(2023, 1, 31).add_months(1).iso() == "2023-02-28");
    BOOST_TEST(Date(2024, 1, 31).add_months(1).iso() == "2024-02-29");
    BOOST_TEST(Date(2022, 9, 1).add_months(12).iso() == "2023-09-01");
    BOOST_TEST(Date(2022, 3, 15).add_months(-3).iso() == "2021-12-15");
}

BOOST_AUTO_TEST_CASE(programme_lengths) {
    using nastavnik::months_between;
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2022, 11, 30)) == 3.0);
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2023, 8, 31)) == 12.0);
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2023, 10, 31)) == 14.0);
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2023, 5, 31)) == 9.0);
    // One day too short of three months, one day too long of a year.
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2022, 11, 29)) < 3.0);
    BOOST_TEST(months_between(Date(2022, 9, 1), Date(2023, 9, 1)) > 12.0);
    // Month ends clamp: 31.01 + 1 month = 28.02, so 31.01–27.02 inclusive is exactly a month.
    BOOST_TEST(months_between(Date(2023, 1, 31), Date(2023, 2, 27)) == 1.0);
    BOOST_TEST(months_between(Date(2023, 1, 31), Date(2023, 2, 26)) < 1.0);
    BOOST_TEST(months_between(Date(2022, 9, 10), Date(2022, 9, 1)) == 0.0);
}

BOOST_AUTO_TEST_CASE(ages) {
    BOOST_TEST(nastavnik::years_between(Date(1990, 5, 20), Date(2023, 5, 19)) == 32);
    BOOST_TEST(nastavnik::years_between(Date(1990, 5, 20), Date(2023, 5, 20)) == 33);
}

BOOST_AUTO_TEST_SUITE_END()
