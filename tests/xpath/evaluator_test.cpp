#include "nastavnik/core/error.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/valid.h>

#include <cstring>

using nastavnik::Date;
using nastavnik::Error;
using nastavnik::monitoring_stage2_due;
using nastavnik::monitoring_year_due;
using nastavnik::xpath::Evaluator;
using nastavnik::xpath::Expression;

namespace {

// A data tree like the one DataTree builds, with person ids registered as XML IDs.
struct Fixture {
    xmlDocPtr doc;
    Fixture() {
        const char* xml =
            "<data><organisation><head>s1</head></organisation><staff>"
            "<person id='s1'><surname>Петров</surname><name>Иван</name><patronymic>Сергеевич</patronymic>"
            "<gender>м</gender><position>заместитель директора по УВР</position></person>"
            "<person id='s2'><surname>Иванова</surname><name>Мария</name><gender>ж</gender></person></staff>"
            "<pairs><pair id='p1'><mentor>s1</mentor><mentee>s2</mentee>"
            "<programme><start>2022-09-01</start><end>2023-10-31</end></programme></pair></pairs>"
            "<empty/></data>";
        doc = xmlReadMemory(xml, static_cast<int>(std::strlen(xml)), "t.xml", "UTF-8", XML_PARSE_NONET);
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
        xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>("//@id"), ctx);
        for (int i = 0; i < r->nodesetval->nodeNr; ++i) {
            auto* a = reinterpret_cast<xmlAttrPtr>(r->nodesetval->nodeTab[i]);
            xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
            xmlAddID(nullptr, doc, v, a);
            xmlFree(v);
        }
        xmlXPathFreeObject(r);
        xmlXPathFreeContext(ctx);
    }
    ~Fixture() { xmlFreeDoc(doc); }
    std::string eval(const std::string& expr, nastavnik::xpath::Variables vars = {}) const {
        Evaluator ev(doc, "2023-11-01", std::move(vars));
        return ev.string(Expression::compile(expr), xmlDocGetRootElement(doc));
    }
    std::string error_of(const std::string& expr) const {
        try {
            eval(expr);
        } catch (const Error& e) {
            BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(nastavnik::ErrorCode::xpath));
            return e.diagnostics().front().message;
        }
        return "(no error)";
    }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(xpath_functions, Fixture)

// The dates every programme, the roadmap, the справка and the Положение's 7.4 give the two stages of
// monitoring (reader E of 7.12.2026, 2 and 12): the middle of the programme; two weeks after its
// end, by 15 June when that falls on 1–15 June; each on a working day.
BOOST_AUTO_TEST_CASE(monitoring_stage_dates) {
    BOOST_TEST(eval("n:monitoring-stage1('2026-09-08', '2027-05-31')") == "2027-01-18");
    BOOST_TEST(eval("n:monitoring-stage1('2026-09-14', '2026-12-25')") == "2026-11-05");  // 04.11 is a holiday
    BOOST_TEST(eval("n:monitoring-stage2('2026-12-25')") == "2027-01-11");  // 08.01, the New Year days
    BOOST_TEST(eval("n:monitoring-stage2('2027-05-16')") == "2027-05-31");  // 30.05 a Sunday: before June
    BOOST_TEST(eval("n:monitoring-stage2('2027-05-18')") == "2027-06-15");  // 01.06: by 15 June
    BOOST_TEST(eval("n:monitoring-stage2('2027-05-31')") == "2027-06-15");
    BOOST_TEST(eval("n:monitoring-stage2('2025-05-31')") == "2025-06-16");  // 14.06 a Saturday, 15.06 a Sunday
    BOOST_TEST(eval("n:monitoring-stage2('2027-06-10')") == "2027-06-24");
}

// The year's monitoring deadline, one function for the справка, the programmes' second stage and
// the municipality's order (which printed 15.06 on a Sunday or a Saturday).
BOOST_AUTO_TEST_CASE(monitoring_year_deadline) {
    BOOST_TEST(monitoring_year_due(2025).iso() == "2025-06-16");  // 15.06.2025 a Sunday
    BOOST_TEST(monitoring_year_due(2030).iso() == "2030-06-17");  // 15.06.2030 a Saturday
    BOOST_TEST(monitoring_year_due(2027).iso() == "2027-06-15");  // a Tuesday
    BOOST_TEST(monitoring_stage2_due(Date(2030, 5, 31)).iso() == monitoring_year_due(2030).iso());
}

BOOST_AUTO_TEST_CASE(dates_and_durations) {
    BOOST_TEST(eval("n:today()") == "2023-11-01");
    BOOST_TEST(eval("$as_of") == "2023-11-01");
    BOOST_TEST(eval("n:months-between(pairs/pair/programme/start, pairs/pair/programme/end)") == "14");
    BOOST_TEST(eval("n:add-months('2023-01-31', 1)") == "2023-02-28");
    BOOST_TEST(eval("n:add-days('2023-12-31', 1)") == "2024-01-01");
    BOOST_TEST(eval("n:working-day('2026-12-20')") == "2026-12-21");  // a Sunday
    BOOST_TEST(eval("n:working-day('2026-12-21')") == "2026-12-21");
    BOOST_TEST(eval("n:working-day('2027-01-06')") == "2027-01-11");  // the New Year days, then a Saturday and Sunday
    BOOST_TEST(eval("n:days('1970-01-02')") == "1");
    BOOST_TEST(eval("n:years-between('1990-11-02', n:today())") == "32");
    BOOST_TEST(eval("n:date('2022-07-27')") == "27.07.2022");
    BOOST_TEST(eval("n:date-long('2022-07-27')") == "27 июля 2022\u00A0г.");
    BOOST_TEST(eval("n:date-quoted('2022-07-27')") == "«27» июля 2022\u00A0г.");
    BOOST_TEST(eval("n:academic-year('2023-03-01')") == "2022/2023");
    BOOST_TEST(eval("n:year('2023-03-01')") == "2023");
    // The earliest and the latest date of a set; none for an empty one; a non-date is an error.
    BOOST_TEST(eval("n:max-date(pairs/pair/programme/*)") == "2023-10-31");
    BOOST_TEST(eval("n:min-date(pairs/pair/programme/*)") == "2022-09-01");
    BOOST_TEST(eval("n:max-date(pairs/pair/programme/goals)").empty());
    BOOST_TEST(error_of("n:max-date(staff/person/surname)").find("n:max-date") != std::string::npos);
    BOOST_TEST(error_of("n:min-date('2022-09-01')").find("набором узлов") != std::string::npos);
}

// A term of months counted as ст. 190–192 ГК РФ count it, the first day included: a year from
// 01.03.2023 ends on 29.02.2024 (it was «1 год 1 день» when counted from the eve, 28.02), three
// months from 01.03 end on 31.05 (not 28.05), a month from 31.01 on the last day of February.
BOOST_AUTO_TEST_CASE(terms_of_months_across_short_months_and_leap_days) {
    BOOST_TEST(eval("n:term-end('2023-03-01', 12)") == "2024-02-29");
    BOOST_TEST(eval("n:term-end('2023-03-01', 3)") == "2023-05-31");
    BOOST_TEST(eval("n:term-end('2023-09-01', 3)") == "2023-11-30");
    BOOST_TEST(eval("n:term-end('2023-01-31', 1)") == "2023-02-28");
    BOOST_TEST(eval("n:term-end('2023-12-01', 3)") == "2024-02-29");
    BOOST_TEST(eval("n:term-end('2024-02-29', 12)") == "2025-02-28");
    BOOST_TEST(eval("n:period('2023-03-01', '2024-02-29')") == "1 год");
    BOOST_TEST(eval("n:period('2023-03-01', '2024-03-01')") == "1 год 1 день");
    BOOST_TEST(eval("n:period('2023-03-01', '2023-05-28')") == "2 месяца 28 дней");
    BOOST_TEST(eval("n:period('2023-03-01', '2023-05-31')") == "3 месяца");
    BOOST_TEST(eval("n:period('2023-09-01', '2023-11-30')") == "3 месяца");
    BOOST_TEST(eval("n:period('2023-09-01', '2023-09-17')") == "17 дней");
}

BOOST_AUTO_TEST_CASE(people) {
    BOOST_TEST(eval("n:initials-surname(organisation/head)") == "И.С.\u00A0Петров");
    BOOST_TEST(eval("n:surname-initials('s2')") == "Иванова\u00A0М.");
    BOOST_TEST(eval("n:full-name(n:person('s1'))") == "Петров Иван Сергеевич");
    BOOST_TEST(eval("n:full-name(staff/person[2])") == "Иванова Мария");
    BOOST_TEST(eval("n:person(pairs/pair/mentee)/surname") == "Иванова");
}

BOOST_AUTO_TEST_CASE(names_and_positions_in_cases) {
    BOOST_TEST(eval("n:full-name(organisation/head, 'дат')") == "Петрову Ивану Сергеевичу");
    BOOST_TEST(eval("n:initials-surname('s2', 'вин')") == "М.\u00A0Иванову");
    BOOST_TEST(eval("n:surname-initials('s1', 'род')") == "Петрова\u00A0И.С.");
    BOOST_TEST(eval("n:position('s1', 'дат')") == "заместителю директора по УВР");
    BOOST_TEST(eval("n:decline-position('учитель начальных классов', 'род')") == "учителя начальных классов");
    BOOST_TEST(error_of("n:full-name('s1', 'звательный')").find("неизвестный падеж «звательный»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(text_helpers) {
    BOOST_TEST(eval("n:plural(count(staff/person), 'сотрудник', 'сотрудника', 'сотрудников')") == "2 сотрудника");
    // A sum in a document: thousands apart, bound by non-breaking spaces («3 000 рублей»).
    BOOST_TEST(eval("n:plural(3000, 'рубль', 'рубля', 'рублей')") == "3\u00A0000 рублей");
    BOOST_TEST(eval("n:plural(1250001, 'рубль', 'рубля', 'рублей')") == "1\u00A0250\u00A0001 рубль");
    BOOST_TEST(eval("n:plural(999, 'рубль', 'рубля', 'рублей')") == "999 рублей");
    BOOST_TEST(eval("n:plural(-1500, 'градус', 'градуса', 'градусов')") == "-1\u00A0500 градусов");
    BOOST_TEST(eval("n:capitalize('директор')") == "Директор");
    BOOST_TEST(eval("n:upper('приказ')") == "ПРИКАЗ");
    BOOST_TEST(eval("n:join(staff/person/surname, ', ')") == "Петров, Иванова");
    BOOST_TEST(eval("n:if(count(staff/person) > 1, 'да', 'нет')") == "да");
    BOOST_TEST(eval("n:typo('\"Радуга\" - 2022-2023 гг.')") == "«Радуга»\u00A0— 2022–2023\u00A0гг.");
}

BOOST_AUTO_TEST_CASE(numbers_in_words) {
    BOOST_TEST(eval("n:number-words(count(staff/person))") == "два");
    BOOST_TEST(eval("n:number-words(21, 'им', 'ж')") == "двадцать одна");
    BOOST_TEST(eval("n:number-words(2, 'вин', 'м одуш')") == "двух");
    BOOST_TEST(eval("n:number-words(floor(n:months-between(pairs/pair/programme/start, pairs/pair/programme/end)), 'вин')") ==
               "четырнадцать");
    BOOST_TEST(eval("n:plural-words(21, 'наставляемый', 'наставляемых', 'наставляемых')") == "двадцать один наставляемый");
    BOOST_TEST(eval("n:plural-words(2, 'наставника', 'наставников', 'наставников', 'род', 'м одуш')") == "двух наставников");
    BOOST_TEST(eval("n:plural-words(3, 'месяца', 'месяцев', 'месяцев', 'род')") == "трёх месяцев");
    BOOST_TEST(eval("n:plural-words(1, 'группы', 'групп', 'групп', 'род', 'ж')") == "одной группы");
    BOOST_TEST(error_of("n:number-words(2.5)").find("функция n:number-words: ожидается целое число") != std::string::npos);
    BOOST_TEST(error_of("n:number-words('много')").find("ожидается целое число") != std::string::npos);
    BOOST_TEST(error_of("n:number-words(1, 'звательный')").find("неизвестный падеж «звательный»") != std::string::npos);
    BOOST_TEST(error_of("n:number-words(1, 'род', 'x')").find("неизвестный род «x»") != std::string::npos);
    BOOST_TEST(error_of("n:plural-words(1, 'a', 'b')").find("неверное число аргументов (3)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(current_is_the_outer_context_inside_predicates) {
    Evaluator ev(doc, "2023-11-01");
    const auto pairs = ev.nodes(Expression::compile("pairs/pair"), xmlDocGetRootElement(doc));
    BOOST_REQUIRE(pairs.size() == 1u);
    // Inside the predicate "." is a person; n:current() is still the pair.
    BOOST_TEST(ev.string(Expression::compile("/data/staff/person[@id = n:current()/mentee]/surname"), pairs.front()) ==
               "Иванова");
    BOOST_TEST(ev.string(Expression::compile("count(/data/staff/person[@id = n:current()/mentor or @id = n:current()/mentee])"),
                         pairs.front()) == "2");
    BOOST_TEST(eval("name(n:current())") == "data");
    BOOST_TEST(error_of("n:current(1)").find("неверное число аргументов (1)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(variables_are_typed) {
    BOOST_TEST(eval("$min + 1", {{"min", "3"}}) == "4");
    BOOST_TEST(eval("concat($deadline, '!')", {{"deadline", "2022-12-31"}}) == "2022-12-31!");
}

BOOST_AUTO_TEST_CASE(errors_are_russian_and_name_the_expression) {
    BOOST_TEST(error_of("n:days(empty)") == "выражение «n:days(empty)»: функция n:days: нет даты (пустое значение)");
    BOOST_TEST(error_of("n:date('31.12.2022')").find("ожидается дата в формате ГГГГ-ММ-ДД, получено «31.12.2022»") !=
               std::string::npos);
    BOOST_TEST(error_of("n:full-name('s99')").find("нет сотрудника с идентификатором «s99»") != std::string::npos);
    BOOST_TEST(error_of("n:no-such(1)").find("неизвестная функция") != std::string::npos);
    BOOST_TEST(error_of("$undefined").find("неизвестная переменная") != std::string::npos);
    BOOST_TEST(error_of("n:plural(1, 'a')").find("неверное число аргументов") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_date_shifted_off_the_calendar_is_an_error_not_a_crash) {
    // Found by fuzz_xpath: add-days with a huge shift threw through libxml2 and terminated.
    BOOST_TEST(error_of("n:add-days('2020-01-01', 1e12)").find("функция n:add-days: сдвиг даты должен быть числом") !=
               std::string::npos);
    BOOST_TEST(error_of("n:add-months('2020-01-01', number('x'))").find("функция n:add-months: сдвиг даты") !=
               std::string::npos);
    BOOST_TEST(error_of("n:add-days('9999-12-01', 100)").find("функция n:add-days: значение вне допустимых пределов") !=
               std::string::npos);
    BOOST_TEST(error_of("n:add-months('0001-02-01', -2)").find("функция n:add-months: значение вне допустимых пределов") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(syntax_errors_at_compile_time) {
    try {
        (void)Expression::compile("staff/person[");
        BOOST_FAIL("no error");
    } catch (const Error& e) {
        BOOST_TEST(e.diagnostics().front().message.find("выражение «staff/person[»") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(truncated_expressions_do_not_compile) {
    // libxml2 2.9 itself accepts "count(" — we must not.
    for (const char* text : {"count(", "n:days(date", "staff/person[1", "'unterminated", "a)"}) {
        BOOST_CHECK_THROW((void)Expression::compile(text), Error);
    }
    BOOST_CHECK_NO_THROW((void)Expression::compile("concat('(', \"[\")"));
}

BOOST_AUTO_TEST_CASE(interpolation) {
    Evaluator ev(doc, "2023-11-01");
    BOOST_TEST(ev.interpolate("Наставник {n:initials-surname(organisation/head)}, {{литерал}}", xmlDocGetRootElement(doc)) ==
               "Наставник И.С.\u00A0Петров, {литерал}");
}

BOOST_AUTO_TEST_CASE(nodes_in_document_order) {
    Evaluator ev(doc, "2023-11-01");
    const auto nodes = ev.nodes(Expression::compile("staff/person"), xmlDocGetRootElement(doc));
    BOOST_TEST(nodes.size() == 2u);
    BOOST_CHECK_THROW((void)ev.nodes(Expression::compile("1 + 1"), xmlDocGetRootElement(doc)), Error);
}

BOOST_AUTO_TEST_SUITE_END()
