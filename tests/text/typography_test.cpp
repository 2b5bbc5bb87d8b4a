// Typography of text from the data. Expected strings write a non-breaking space as «~».

#include "nastavnik/text/typography.hpp"

#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace t = nastavnik::text;

namespace {

struct Case {
    const char* input;
    const char* expected;  // «~» = NBSP
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.input; }

std::string with_nbsp(const char* s) {
    std::string out;
    for (const char* p = s; *p; ++p) out += *p == '~' ? std::string("\u00A0") : std::string(1, *p);
    return out;
}

const std::vector<Case> cases = {
    // quotes
    {"МБОУ \"СШ № 7\"", "МБОУ «СШ №~7»"},
    {"\"Радуга\"", "«Радуга»"},
    {"центр \"Радуга\", г. Бийск", "центр «Радуга», г.~Бийск"},
    {"МБОУ \"Школа \"Перспектива\"\"", "МБОУ «Школа «Перспектива»"},  // one closing mark (Мильчин)
    {"МБДОУ «Детский сад № 4 «Теремок»» г. Бийска", "МБДОУ «Детский сад №~4 «Теремок» г.~Бийска"},
    {"(\"Точка роста\")", "(«Точка роста»)"},
    {"проект \"IT-куб\".", "проект «IT-куб»."},
    {"«уже ёлочки»", "«уже ёлочки»"},
    // dashes
    {"наставник - педагог", "наставник~— педагог"},
    {"наставник -- педагог", "наставник~— педагог"},
    {"учитель-логопед", "учитель-логопед"},
    {"педагог – педагог", "педагог – педагог"},
    {"2022-2023 учебный год", "2022–2023 учебный год"},
    {"в 1-4 классах", "в 1–4 классах"},
    {"с 2022-09-01", "с 2022-09-01"},
    {"тел. 22-33-44", "тел. 22-33-44"},
    {"+7-913-123-45-67", "+7-913-123-45-67"},
    {"приказ № 72-од", "приказ №~72‑од"},
    {"письмо от 21.12.2021 № АЗ-1128/08", "письмо от 21.12.2021 №~АЗ‑1128/08"},
    {"Федеральный закон № 152-ФЗ", "Федеральный закон №~152‑ФЗ"},
    {"1-го сентября", "1‑го сентября"},
    {"-5 градусов", "-5 градусов"},
    // web and e-mail addresses stay as written: copied from the document, they open (reader C, C11)
    {"сайт https://cdt-okt.barnaul.ru", "сайт https://cdt-okt.barnaul.ru"},
    {"https://sch42.barnaul.ru/nastavnichestvo", "https://sch42.barnaul.ru/nastavnichestvo"},
    {"сайт https://a.ru/.", "сайт https://a.ru/."},
    {"www.sch-42.ru", "www.sch-42.ru"},
    {"почта cdt-okt@mail.ru", "почта cdt-okt@mail.ru"},
    {"IT-куб, см. https://a.ru", "IT-куб, см. https://a.ru"},
    {"https://школа-1.рф/2023-2024", "https://школа-1.рф/2023-2024"},
    // №
    {"№ 7", "№~7"},
    {"№7", "№~7"},
    {"№\u00A07", "№~7"},
    // initials
    {"И.О. Иванова", "И.О.~Иванова"},
    {"И. О. Иванова", "И.~О.~Иванова"},
    {"Иванова И.О.", "Иванова~И.О."},
    {"Иванова И.О., учитель", "Иванова~И.О., учитель"},
    {"Куратор Е.А. Морозова (старший воспитатель)", "Куратор Е.А.~Морозова (старший воспитатель)"},
    {"подпись М.П. Петрова-Водкина", "подпись М.П.~Петрова-Водкина"},
    {"ООО. Далее", "ООО. Далее"},
    {"в т.ч. педагоги", "в т.ч. педагоги"},
    // years
    {"2022 г.", "2022~г."},
    {"2022–2023 гг.", "2022–2023~гг."},
    {"в 2022-2023 гг. проведено", "в 2022–2023~гг. проведено"},
    {"2022 год", "2022 год"},
    {"г. Барнаул", "г.~Барнаул"},
    // abbreviations before what they name, numbers with «чел.»
    {"656002, Алтайский край, г. Барнаул, ул. Советская, д. 8", "656002, Алтайский край, г.~Барнаул, ул.~Советская, д.~8"},
    {"г. \"Бийск\"", "г.~«Бийск»"},
    {"ст. 351.8, ч. 4, п. 2", "ст.~351.8, ч.~4, п.~2"},
    {"и т. д. Далее", "и т. д. Далее"},
    {"2022 г. 15 чел.", "2022~г. 15~чел."},
    {"по 31 августа 2027 г. Согласие может быть отозвано", "по 31 августа 2027~г. Согласие может быть отозвано"},
    {"15 человек", "15~человек"},
    {"д. Иваново", "д. Иваново"},
    {"15 детей", "15 детей"},
    // untouched
    {"", ""},
    {"1/2 ставки", "1/2 ставки"},
    {"plain text", "plain text"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(typography)

BOOST_DATA_TEST_CASE(typeset, boost::unit_test::data::make(cases), c) {
    BOOST_TEST(t::typography(c.input) == with_nbsp(c.expected));
}

BOOST_DATA_TEST_CASE(idempotent, boost::unit_test::data::make(cases), c) {
    const std::string once = t::typography(c.input);
    BOOST_TEST(t::typography(once) == once);
}

// A remark after a phrase that already ends with brackets is not bracketed again: the ruleset
// document printed «(процесс реализации программы) (с 01.06.2022)».
BOOST_AUTO_TEST_CASE(remark_after_brackets) {
    BOOST_TEST(t::with_remark("Срок программы", "с 01.06.2022") == "Срок программы (с 01.06.2022)");
    BOOST_TEST(t::with_remark("Показатели (процесс реализации программы)", "с 01.06.2022") ==
               "Показатели (процесс реализации программы), с 01.06.2022");
    BOOST_TEST(t::with_remark("наставничество («один-на-один»)", "с 25.05.2022 по 31.12.2023") ==
               "наставничество («один-на-один»), с 25.05.2022 по 31.12.2023");
    BOOST_TEST(t::with_remark("без замечания", "") == "без замечания");
}

// Where a document must not hyphenate: a person's name as the name functions write it (review 5, C3).
BOOST_AUTO_TEST_CASE(names_are_found_in_typography_output) {
    const std::string text = t::typography("Назначить К.Ю. Медведеву, Иванову И.И. и Салтыкову-Щедрину М.Е. в г. Барнауле, № 7");
    std::vector<std::string> found;
    for (const t::Span& s : t::name_spans(text)) found.push_back(text.substr(s.begin, s.end - s.begin));
    const std::vector<std::string> expected = {"К.Ю.\u00A0Медведеву", "Иванову\u00A0И.И.", "Салтыкову-Щедрину\u00A0М.Е."};
    BOOST_TEST(found == expected, boost::test_tools::per_element());
    // A full name is found where it was written (n:full-name), and spans that overlap are one.
    const std::string consent = "Я, Медведева Ксения Юрьевна, и К.Ю.\u00A0Медведева";
    const auto spans = t::name_spans(consent, {"Медведева Ксения Юрьевна", "К.Ю.\u00A0Медведева"});
    BOOST_REQUIRE(spans.size() == 2u);
    BOOST_TEST(consent.substr(spans[0].begin, spans[0].end - spans[0].begin) == "Медведева Ксения Юрьевна");
    BOOST_TEST(spans[1].end == consent.size());
    BOOST_TEST(t::name_spans("Приказ № 7 от 01.09.2023 г. «О наставничестве»").empty());
}

// An addressee block or a гриф keeps a short name on one line; a long one may break at its spaces.
BOOST_AUTO_TEST_CASE(short_names_are_unbreakable) {
    BOOST_TEST(t::unbreakable_short_name("МБУ ДО «ЦДТ Октябрьского района»") == "МБУ\u00A0ДО\u00A0«ЦДТ\u00A0Октябрьского\u00A0района»");
    const std::string forty_one = "МБОУ «Средняя общеобразовательная школа»1";  // 41 characters
    BOOST_TEST(t::unbreakable_short_name(forty_one) == forty_one);
    BOOST_TEST(t::unbreakable_short_name("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
