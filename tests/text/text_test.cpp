#include "nastavnik/core/date.hpp"
#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/names.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

namespace t = nastavnik::text;
using nastavnik::Date;

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(date_forms) {
    const Date d(2022, 7, 27);
    BOOST_TEST(t::date_numeric(d) == "27.07.2022");
    BOOST_TEST(t::date_long(d) == "27 июля 2022\u00A0г.");
    BOOST_TEST(t::date_quoted(Date(2022, 3, 4)) == "«04» марта 2022\u00A0г.");
    BOOST_TEST(t::academic_year(Date(2022, 9, 1)) == "2022/2023");
    BOOST_TEST(t::academic_year(Date(2023, 8, 31)) == "2022/2023");
}

struct PluralCase {
    long n;
    const char* expected;
};
std::ostream& operator<<(std::ostream& os, const PluralCase& c) { return os << c.n; }

const PluralCase plural_cases[] = {
    {0, "0 наставников"},   {1, "1 наставник"},    {2, "2 наставника"},  {4, "4 наставника"},
    {5, "5 наставников"},   {11, "11 наставников"}, {12, "12 наставников"}, {14, "14 наставников"},
    {21, "21 наставник"},   {22, "22 наставника"}, {101, "101 наставник"}, {111, "111 наставников"},
    {1000, "1000 наставников"},
};

BOOST_DATA_TEST_CASE(plural_agreement, boost::unit_test::data::make(plural_cases), c) {
    BOOST_TEST(t::with_noun(c.n, "наставник", "наставника", "наставников") == c.expected);
}

BOOST_AUTO_TEST_CASE(short_names_use_nbsp) {
    const t::PersonName p{"Иванова", "Мария", "Петровна"};
    BOOST_TEST(t::full_name(p) == "Иванова Мария Петровна");
    BOOST_TEST(t::initials_surname(p) == "М.П.\u00A0Иванова");
    BOOST_TEST(t::surname_initials(p) == "Иванова\u00A0М.П.");
    BOOST_TEST(t::initials_surname({"Smith", "John", ""}) == "J.\u00A0Smith");
}

BOOST_AUTO_TEST_CASE(letter_case) {
    BOOST_TEST(t::capitalize("заведующий") == "Заведующий");
    BOOST_TEST(t::capitalize("ёлка") == "Ёлка");
    BOOST_TEST(t::to_lower("Директор ШКОЛЫ") == "директор школы");
    BOOST_TEST(t::to_upper("приказ") == "ПРИКАЗ");
    BOOST_TEST(t::first_char("Юлия") == "Ю");
    BOOST_TEST(t::shorten("абвгд", 3) == "абв…");
    BOOST_TEST(t::shorten("абв", 3) == "абв");
}

// Values compared as people mean them (values of lists, place names, forms of mentoring).
BOOST_AUTO_TEST_CASE(canonical_form_folds_what_people_type_differently) {
    BOOST_TEST(t::canonical_form("  Положение\u00A0 о  наставничестве ") == "положение о наставничестве");
    BOOST_TEST(t::canonical_form("педагог — педагог") == t::canonical_form("Педагог-педагог"));
    BOOST_TEST(t::canonical_form("Бийcк") == "бийск");  // a Latin «c» inside a Cyrillic word
    // A preposition typed on the Latin keyboard, in a Russian text with no real Latin word.
    BOOST_TEST(t::canonical_form("пpикaз o назначении") == "приказ о назначении");
    // A Latin word of its own keeps its letters, and so does a lone look-alike beside it.
    BOOST_TEST(t::canonical_form("Школа IT o куб") == "школа it o куб");
    BOOST_TEST(t::canonical_form("Ёлка") == "елка");
    BOOST_TEST(t::canonical_form("CEO") == "ceo");  // no Cyrillic letter: not Russian text
}

BOOST_AUTO_TEST_SUITE_END()
