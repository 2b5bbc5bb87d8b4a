#include "nastavnik/text/declension.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace t = nastavnik::text;
using t::Case;
using t::Gender;

namespace {

constexpr std::array<Case, 6> all_cases = {Case::nominative, Case::genitive,     Case::dative,
                                           Case::accusative, Case::instrumental, Case::prepositional};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = line.find('\t', start);
        out.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// Rows of a fixture, comment lines (#) and blank lines skipped; each row is tagged with its line.
std::vector<std::pair<int, std::vector<std::string>>> read_tsv(const char* name) {
    std::ifstream in(std::string(NASTAVNIK_SOURCE_DIR "/tests/text/fixtures/") + name);
    std::vector<std::pair<int, std::vector<std::string>>> rows;
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        rows.emplace_back(n, split_tabs(line));
    }
    return rows;
}

struct NameRow {
    int line = 0;
    t::PersonName person;
    Gender gender = Gender::male;
    std::array<std::string, 6> forms;  // full name in each case
};
std::ostream& operator<<(std::ostream& os, const NameRow& r) {
    return os << "names.tsv:" << r.line << " " << t::full_name(r.person);
}

struct PositionRow {
    int line = 0;
    std::array<std::string, 6> forms;
};
std::ostream& operator<<(std::ostream& os, const PositionRow& r) {
    return os << "positions.tsv:" << r.line << " " << r.forms[0];
}

const std::vector<NameRow>& name_rows() {
    static const std::vector<NameRow> rows = [] {
        std::vector<NameRow> out;
        for (auto& [line, f] : read_tsv("names.tsv")) {
            if (f.size() != 10) throw std::runtime_error("names.tsv:" + std::to_string(line) + ": 10 columns expected");
            NameRow r;
            r.line = line;
            r.person = {f[0], f[1], f[2]};
            r.gender = t::parse_gender(f[3]).value();
            for (std::size_t i = 0; i < 6; ++i) r.forms[i] = f[4 + i];
            out.push_back(std::move(r));
        }
        return out;
    }();
    return rows;
}

const std::vector<PositionRow>& position_rows() {
    static const std::vector<PositionRow> rows = [] {
        std::vector<PositionRow> out;
        for (auto& [line, f] : read_tsv("positions.tsv")) {
            if (f.size() != 6) throw std::runtime_error("positions.tsv:" + std::to_string(line) + ": 6 columns expected");
            PositionRow r;
            r.line = line;
            for (std::size_t i = 0; i < 6; ++i) r.forms[i] = f[i];
            out.push_back(std::move(r));
        }
        return out;
    }();
    return rows;
}

std::string declined_name(const NameRow& r, Case c) { return t::full_name(t::decline(r.person, r.gender, c)); }

}  // namespace

BOOST_AUTO_TEST_SUITE(declension)

BOOST_DATA_TEST_CASE(names_fixture, boost::unit_test::data::make(name_rows()), row) {
    for (std::size_t i = 0; i < all_cases.size(); ++i) BOOST_TEST(declined_name(row, all_cases[i]) == row.forms[i]);
}

BOOST_DATA_TEST_CASE(positions_fixture, boost::unit_test::data::make(position_rows()), row) {
    for (std::size_t i = 0; i < all_cases.size(); ++i)
        BOOST_TEST(t::decline_position(row.forms[0], all_cases[i]) == row.forms[i]);
}

// The fixtures are the accuracy benchmark: report the share of correct forms, not only pass/fail.
BOOST_AUTO_TEST_CASE(fixture_accuracy) {
    std::size_t names_ok = 0, names_total = 0, positions_ok = 0, positions_total = 0;
    for (const NameRow& r : name_rows())
        for (std::size_t i = 0; i < all_cases.size(); ++i, ++names_total) names_ok += declined_name(r, all_cases[i]) == r.forms[i];
    for (const PositionRow& r : position_rows())
        for (std::size_t i = 0; i < all_cases.size(); ++i, ++positions_total)
            positions_ok += t::decline_position(r.forms[0], all_cases[i]) == r.forms[i];
    BOOST_TEST_MESSAGE("declension accuracy: names " << names_ok << "/" << names_total << " full-name forms ("
                                                     << name_rows().size() << " people), positions " << positions_ok
                                                     << "/" << positions_total << " forms (" << position_rows().size()
                                                     << " positions)");
    BOOST_TEST(name_rows().size() >= 300u);
    BOOST_TEST(position_rows().size() >= 40u);
    BOOST_TEST(names_ok == names_total);
    BOOST_TEST(positions_ok == positions_total);
}

BOOST_AUTO_TEST_CASE(parse_case_and_gender) {
    BOOST_TEST((t::parse_case("им") == Case::nominative));
    BOOST_TEST((t::parse_case("род.") == Case::genitive));
    BOOST_TEST((t::parse_case("Дательный") == Case::dative));
    BOOST_TEST((t::parse_case("вин") == Case::accusative));
    BOOST_TEST((t::parse_case("твор") == Case::instrumental));
    BOOST_TEST((t::parse_case("тв.") == Case::instrumental));
    BOOST_TEST((t::parse_case("предложный") == Case::prepositional));
    BOOST_TEST((t::parse_case("genitive") == Case::genitive));
    BOOST_TEST(!t::parse_case("звательный").has_value());
    BOOST_TEST(!t::parse_case("").has_value());
    BOOST_TEST((t::parse_gender("Ж") == Gender::female));
    BOOST_TEST((t::parse_gender("мужской") == Gender::male));
    BOOST_TEST(!t::parse_gender("x").has_value());
}

BOOST_AUTO_TEST_CASE(capitalisation_and_yo_are_kept) {
    const t::PersonName caps{"ИВАНОВА", "МАРИЯ", "ПЕТРОВНА"};
    BOOST_TEST(t::full_name(t::decline(caps, Gender::female, Case::genitive)) == "ИВАНОВОЙ МАРИИ ПЕТРОВНЫ");
    const t::PersonName lower{"иванов", "пётр", "ильич"};
    BOOST_TEST(t::full_name(t::decline(lower, Gender::male, Case::instrumental)) == "ивановым петром ильичом");
    BOOST_TEST(t::decline_surname("СОЛОВЬЁВ", Gender::male, Case::dative) == "СОЛОВЬЁВУ");
    BOOST_TEST(t::decline_surname("ПЕТРОВА-ВОДКИНА", Gender::female, Case::instrumental) == "ПЕТРОВОЙ-ВОДКИНОЙ");
    BOOST_TEST(t::decline_given_name("Алёна", Gender::female, Case::accusative) == "Алёну");
    BOOST_TEST(t::decline_given_name("ПЁТР", Gender::male, Case::genitive) == "ПЕТРА");
    BOOST_TEST(t::decline_surname("МакДональд", Gender::male, Case::genitive) == "МакДональда");
    BOOST_TEST(t::decline_position("ЗАМЕСТИТЕЛЬ ДИРЕКТОРА ПО УВР", Case::dative) == "ЗАМЕСТИТЕЛЮ ДИРЕКТОРА ПО УВР");
    BOOST_TEST(t::decline_position("Педагог-психолог", Case::instrumental) == "Педагогом-психологом");
}

BOOST_AUTO_TEST_CASE(words_the_rules_leave_alone) {
    BOOST_TEST(t::decline_surname("Smith", Gender::male, Case::genitive) == "Smith");
    BOOST_TEST(t::decline_given_name("John", Gender::male, Case::dative) == "John");
    BOOST_TEST(t::decline_surname("", Gender::male, Case::genitive) == "");
    BOOST_TEST(t::decline_patronymic("", Gender::female, Case::genitive) == "");
    BOOST_TEST(t::decline_surname("ван Бетховен", Gender::male, Case::genitive) == "ван Бетховена");
    BOOST_TEST(t::decline_patronymic("Гусейн оглы", Gender::male, Case::genitive) == "Гусейн оглы");
    BOOST_TEST(t::decline_given_name("Анна-Мария", Gender::female, Case::genitive) == "Анны-Марии");
    BOOST_TEST(t::decline_position("и.о. заведующего", Case::dative) == "и.о. заведующего");
    BOOST_TEST(t::decline_surname("Бонч-Бруевич", Gender::male, Case::genitive) == "Бонч-Бруевича");
    BOOST_TEST(t::decline_surname("Тер-Петросян", Gender::male, Case::dative) == "Тер-Петросяну");
    BOOST_TEST(t::decline_position("учитель", Case::nominative) == "учитель");
}

BOOST_AUTO_TEST_CASE(patronymic_form_decides_gender) {
    // A patronymic declines by its own ending even if the gender given is wrong.
    BOOST_TEST(t::decline_patronymic("Ивановна", Gender::male, Case::dative) == "Ивановне");
    BOOST_TEST(t::decline_patronymic("Иванович", Gender::female, Case::dative) == "Ивановичу");
}

BOOST_AUTO_TEST_CASE(gender_guess) {
    using P = t::PersonName;
    BOOST_TEST((t::guess_gender(P{"Черных", "Саша", "Игоревна"}) == Gender::female));
    BOOST_TEST((t::guess_gender(P{"Черных", "Саша", "Игоревич"}) == Gender::male));
    BOOST_TEST((t::guess_gender(P{"Алиев", "Ахмед", "Гусейн оглы"}) == Gender::male));
    BOOST_TEST((t::guess_gender(P{"Шмидт", "Анна", ""}) == Gender::female));
    BOOST_TEST((t::guess_gender(P{"Шмидт", "Никита", ""}) == Gender::male));
    BOOST_TEST((t::guess_gender(P{"Шмидт", "Любовь", ""}) == Gender::female));
    BOOST_TEST((t::guess_gender(P{"Шмидт", "Игорь", ""}) == Gender::male));
    BOOST_TEST((t::guess_gender(P{"Иванова", "Нелли", ""}) == Gender::female));
    BOOST_TEST((t::guess_gender(P{"Иванова", "Ким", ""}) == Gender::male));  // the given name comes first
    BOOST_TEST(!t::guess_gender(P{"Шевченко", "Саша", ""}).has_value());
    BOOST_TEST(!t::guess_gender(P{"Ли", "Рене", ""}).has_value());
}

BOOST_AUTO_TEST_CASE(overrides_win_over_rules) {
    t::DeclensionOverrides o;
    BOOST_TEST(o.empty());
    // Stressed -а of a French surname: the rules decline it, the organisation knows better.
    BOOST_TEST(t::decline_surname("Дюма", Gender::male, Case::genitive) == "Дюмы");
    for (Case c : all_cases) o.add("Дюма", Gender::male, c, "Дюма");
    BOOST_TEST(!o.empty());
    BOOST_TEST(o.decline_surname("Дюма", Gender::male, Case::genitive) == "Дюма");
    BOOST_TEST(o.decline_surname("ДЮМА", Gender::male, Case::genitive) == "ДЮМА");
    // Only the gender the override was given for.
    BOOST_TEST(o.decline_surname("Дюма", Gender::female, Case::genitive) == "Дюмы");
    o.add("Соловей", Gender::male, Case::genitive, "Соловья");
    const t::PersonName p{"Соловей", "Иван", "Петрович"};
    BOOST_TEST(t::full_name(o.decline(p, Gender::male, Case::genitive)) == "Соловья Ивана Петровича");
    BOOST_TEST(t::full_name(t::decline(p, Gender::male, Case::genitive)) == "Соловея Ивана Петровича");
    // Everything else still goes to the rules.
    BOOST_TEST(o.decline_given_name("Павел", Gender::male, Case::dative) == "Павлу");
    BOOST_TEST(o.decline_patronymic("Ильинична", Gender::female, Case::instrumental) == "Ильиничной");

    // A stressed ending the rules cannot know: ткачом, not ткачем.
    BOOST_TEST(t::decline_position("ткач", Case::instrumental) == "ткачем");
    o.add_position("Ткач", Case::instrumental, "ткачом");
    BOOST_TEST(o.decline_position("ткач", Case::instrumental) == "ткачом");
    BOOST_TEST(o.decline_position("Ткач", Case::instrumental) == "Ткачом");
    BOOST_TEST(o.decline_position("ткач", Case::dative) == "ткачу");
    BOOST_TEST(o.decline_position("директор", Case::dative) == "директору");
}

BOOST_AUTO_TEST_SUITE_END()
