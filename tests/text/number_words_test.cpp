// Numbers in words against a hand-written table (fixtures/numbers.tsv): every case, both
// accusatives, every gender the row names — and the noun that follows the number.

#include "nastavnik/text/number_words.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace t = nastavnik::text;
using t::Case;
using t::Counted;
using t::NounGender;

namespace {

constexpr std::array<Case, 6> all_cases = {Case::nominative, Case::genitive,     Case::dative,
                                           Case::accusative, Case::instrumental, Case::prepositional};

struct NumberRow {
    int line = 0;
    long long n = 0;
    NounGender gender = NounGender::masculine;
    std::array<std::string, 6> forms;  // им, род, дат, вин (inanimate), твор, пред
    std::string accusative_animate;
};
std::ostream& operator<<(std::ostream& os, const NumberRow& r) {
    static const char* genders[] = {"м", "ж", "с"};
    return os << "numbers.tsv:" << r.line << " " << r.n << " " << genders[static_cast<int>(r.gender)];
}

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(line);
    while (std::getline(in, item, sep)) out.push_back(item);
    return out;
}

// One row per gender the fixture line names, so that every case × gender is a test of its own.
const std::vector<NumberRow>& number_rows() {
    static const std::vector<NumberRow> rows = [] {
        std::vector<NumberRow> out;
        std::ifstream in(NASTAVNIK_SOURCE_DIR "/tests/text/fixtures/numbers.tsv");
        std::string line;
        for (int n = 1; std::getline(in, line); ++n) {
            if (line.empty() || line.front() == '#') continue;
            const auto f = split(line, '\t');
            if (f.size() != 9) throw std::runtime_error("numbers.tsv:" + std::to_string(n) + ": 9 columns expected");
            for (const auto& g : split(f[1], ' ')) {
                NumberRow r;
                r.line = n;
                r.n = std::stoll(f[0]);
                r.gender = t::parse_counted(g).value().gender;
                r.forms = {f[2], f[3], f[4], f[5], f[7], f[8]};
                r.accusative_animate = f[6];
                out.push_back(std::move(r));
            }
        }
        return out;
    }();
    return rows;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(number_words)

BOOST_DATA_TEST_CASE(numbers_fixture, boost::unit_test::data::make(number_rows()), row) {
    for (std::size_t i = 0; i < all_cases.size(); ++i) {
        BOOST_TEST(t::number_words(row.n, all_cases[i], Counted{row.gender, false}) == row.forms[i]);
    }
    BOOST_TEST(t::number_words(row.n, Case::accusative, Counted{row.gender, true}) == row.accusative_animate);
}

BOOST_AUTO_TEST_CASE(the_fixture_covers_every_case_and_gender) {
    std::size_t forms = 0;
    std::array<int, 3> per_gender{};
    for (const auto& r : number_rows()) {
        forms += 7;
        ++per_gender[static_cast<std::size_t>(r.gender)];
    }
    BOOST_TEST_MESSAGE("numbers in words: " << number_rows().size() << " number × gender rows, " << forms << " forms");
    BOOST_TEST(forms >= 1000u);
    for (int g : per_gender) BOOST_TEST(g >= 50);
}

BOOST_AUTO_TEST_CASE(nouns_agree_with_the_number_in_words) {
    const Counted person{NounGender::masculine, true};
    BOOST_TEST(t::words_with_noun(21, "наставляемый", "наставляемых", "наставляемых") == "двадцать один наставляемый");
    BOOST_TEST(t::words_with_noun(2, "наставника", "наставников", "наставников", Case::genitive, person) ==
               "двух наставников");
    BOOST_TEST(t::words_with_noun(3, "месяца", "месяцев", "месяцев", Case::genitive) == "трёх месяцев");
    BOOST_TEST(t::words_with_noun(1, "группы", "групп", "групп", Case::genitive, {NounGender::feminine, false}) ==
               "одной группы");
    BOOST_TEST(t::words_with_noun(3, "месяц", "месяца", "месяцев", Case::accusative) == "три месяца");
    BOOST_TEST(t::words_with_noun(9, "месяц", "месяца", "месяцев") == "девять месяцев");
    BOOST_TEST(t::words_with_noun(12, "месяц", "месяца", "месяцев") == "двенадцать месяцев");
    BOOST_TEST(t::words_with_noun(1, "год", "года", "лет") == "один год");
    // Animate accusative: a bare 2–4 governs the genitive plural, a compound one the genitive singular.
    BOOST_TEST(t::words_with_noun(2, "наставника", "наставника", "наставников", Case::accusative, person) ==
               "двух наставников");
    BOOST_TEST(t::words_with_noun(22, "наставника", "наставника", "наставников", Case::accusative, person) ==
               "двадцать два наставника");
    BOOST_TEST(t::words_with_noun(21, "наставника", "наставника", "наставников", Case::accusative, person) ==
               "двадцать одного наставника");
    BOOST_TEST(t::words_with_noun(5, "наставника", "наставника", "наставников", Case::accusative, person) ==
               "пять наставников");
    BOOST_TEST(t::words_with_noun(2, "педагогу", "педагогам", "педагогам", Case::dative, person) == "двум педагогам");
    BOOST_TEST(t::words_with_noun(1000, "наставник", "наставника", "наставников") == "одна тысяча наставников");
    BOOST_TEST(t::words_with_noun(2001, "группа", "группы", "групп", Case::nominative, {NounGender::feminine, false}) ==
               "две тысячи одна группа");
}

BOOST_AUTO_TEST_CASE(plural_form_in_a_case) {
    using t::PluralForm;
    BOOST_TEST((t::plural_form(3, Case::nominative, false) == PluralForm::few));
    BOOST_TEST((t::plural_form(3, Case::genitive, false) == PluralForm::many));
    BOOST_TEST((t::plural_form(21, Case::instrumental, false) == PluralForm::one));
    BOOST_TEST((t::plural_form(11, Case::genitive, false) == PluralForm::many));
    BOOST_TEST((t::plural_form(3, Case::accusative, false) == PluralForm::few));
    BOOST_TEST((t::plural_form(3, Case::accusative, true) == PluralForm::many));
    BOOST_TEST((t::plural_form(23, Case::accusative, true) == PluralForm::few));
}

BOOST_AUTO_TEST_CASE(counted_noun_descriptions) {
    BOOST_TEST((t::parse_counted("ж")->gender == NounGender::feminine));
    BOOST_TEST(!t::parse_counted("ж")->animate);
    BOOST_TEST((t::parse_counted("М одуш.")->gender == NounGender::masculine));
    BOOST_TEST(t::parse_counted("М одуш.")->animate);
    BOOST_TEST((t::parse_counted("ср")->gender == NounGender::neuter));
    BOOST_TEST(t::parse_counted("ж.одуш")->animate);
    BOOST_TEST(!t::parse_counted("x").has_value());
    BOOST_TEST(!t::parse_counted("").has_value());
}

BOOST_AUTO_TEST_CASE(out_of_range_is_refused) {
    BOOST_TEST(t::number_words(t::number_words_max).rfind("девятьсот девяносто девять миллиардов", 0) == 0u);
    BOOST_CHECK_THROW(t::number_words(t::number_words_max + 1), std::out_of_range);
    BOOST_CHECK_THROW(t::number_words(-t::number_words_max - 1), std::out_of_range);
}

BOOST_AUTO_TEST_SUITE_END()
