// Broken rulesets must not load, and must say where and why (file, line, rule id).

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/ruleset.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

using nastavnik::Error;
using namespace nastavnik::rules;

namespace {

const std::filesystem::path schema = NASTAVNIK_SOURCE_DIR "/rulesets/schema/ruleset-1.xsd";

std::filesystem::path write_ruleset(const std::string& name, const std::string& rules, const std::string& params = "") {
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/rulesets";
    std::filesystem::create_directories(dir);
    const auto file = dir / name;
    std::ofstream(file) << R"(<?xml version="1.0" encoding="UTF-8"?>
<ruleset xmlns="urn:nastavnik:ruleset:1" id="test-set" version="1.0" layer="муниципальный">
  <title>Тестовый набор</title>
  <applies region="Алтайский край" municipality="Барнаул"/>
  <valid from="2022-06-01"/>
  <acts>
    <act id="act-1" kind="приказ" issuer="Комитет" number="1" date="2022-07-27" title="Об утверждении"/>
  </acts>
  <parameters>)" << params << R"(</parameters>
)" << rules << "</ruleset>\n";
    return file;
}

std::string rule(const std::string& id, const std::string& context, const std::string& test,
                 const std::string& act = "act-1", const std::string& message = "Нарушение {@id}") {
    return "  <rule id=\"" + id + "\" severity=\"ошибка\" context=\"" + context + "\">\n"
           "    <title>Правило</title>\n    <cite act=\"" + act + "\" clause=\"1.2\"/>\n"
           "    <assert test=\"" + test + "\"/>\n    <message>" + message + "</message>\n  </rule>\n";
}

std::vector<nastavnik::Diagnostic> load_errors(const std::filesystem::path& file) {
    try {
        load_ruleset(file, schema);
    } catch (const Error& e) {
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(nastavnik::ErrorCode::ruleset_invalid));
        return e.diagnostics();
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ruleset_loading)

BOOST_AUTO_TEST_CASE(a_good_ruleset_loads_with_parameters_by_date) {
    const auto file = write_ruleset("good.xml", rule("TST-A-01", "/data", "true()"),
        R"(<parameter id="months" unit="месяц"><value from="2022-06-01">3</value><value from="2024-01-01">6</value></parameter>)");
    const Ruleset rs = load_ruleset(file, schema);
    BOOST_TEST(rs.id == "test-set");
    BOOST_TEST(rs.rules.size() == 1u);
    BOOST_TEST(rs.rules[0].citations[0].text() == "Комитет, приказ от 27.07.2022 №\u00A01, п.\u00A01.2");
    BOOST_TEST(rs.parameters_at(nastavnik::Date(2023, 12, 31)).at("months") == "3");
    BOOST_TEST(rs.parameters_at(nastavnik::Date(2024, 1, 1)).at("months") == "6");
    BOOST_TEST(rs.parameters_at(nastavnik::Date(2022, 1, 1)).count("months") == 0u);
    BOOST_TEST(rs.applies_to("Алтайский край", "Барнаул"));
    BOOST_TEST(!rs.applies_to("Алтайский край", "Бийск"));
    BOOST_TEST(!rs.in_force(nastavnik::Date(2022, 5, 31)));
}

BOOST_AUTO_TEST_CASE(bad_xpath_names_rule_and_line) {
    const auto errs = load_errors(write_ruleset("bad-xpath.xml", rule("TST-A-01", "/data", "count(staff/person")));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].where.path == "TST-A-01");
    BOOST_TEST(errs[0].where.line > 10);
    BOOST_TEST(errs[0].message.find("assert/@test") != std::string::npos);
    BOOST_TEST(errs[0].message.find("не закрыта скобка") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_expression_in_message) {
    const auto errs = load_errors(write_ruleset("bad-msg.xml", rule("TST-A-01", "/data", "true()", "act-1", "Текст {count(}")));
    BOOST_REQUIRE_EQUAL(errs.size(), 1u);
    BOOST_TEST(errs[0].message.find("выражение в сообщении") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_act_in_citation) {
    const auto errs = load_errors(write_ruleset("bad-act.xml", rule("TST-A-01", "/data", "true()", "act-9")));
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.file.find("bad-act.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_rule_id) {
    const auto errs = load_errors(write_ruleset("dup.xml", rule("TST-A-01", "/data", "true()") + rule("TST-A-01", "/data", "false()")));
    BOOST_REQUIRE(!errs.empty());
}

BOOST_AUTO_TEST_CASE(schema_violation_has_a_line) {
    const auto file = write_ruleset("no-message.xml",
        "  <rule id=\"TST-A-01\" severity=\"ошибка\" context=\"/data\">\n    <title>Без сообщения</title>\n"
        "    <cite act=\"act-1\" clause=\"1\"/>\n    <assert test=\"true()\"/>\n  </rule>\n");
    const auto errs = load_errors(file);
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.line > 0);
    BOOST_TEST(errs[0].message.find("не соответствует схеме") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_severity_is_a_schema_error) {
    std::string r = rule("TST-A-01", "/data", "true()");
    r.replace(r.find("ошибка"), std::string("ошибка").size(), "критично");
    const auto errs = load_errors(write_ruleset("bad-severity.xml", r));
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message.find("не соответствует схеме") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(malformed_xml) {
    const std::filesystem::path file = NASTAVNIK_TEST_TMP "/rulesets/malformed.xml";
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << "<ruleset xmlns=\"urn:nastavnik:ruleset:1\">\n<rule>\n</ruleset>\n";
    const auto errs = load_errors(file);
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.line == 3);
    BOOST_TEST(errs[0].message.find("ошибка XML") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(external_entities_are_not_expanded) {
    const std::filesystem::path file = NASTAVNIK_TEST_TMP "/rulesets/xxe.xml";
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                           "<ruleset xmlns=\"urn:nastavnik:ruleset:1\" id=\"x\" version=\"1\"><title>&x;</title></ruleset>\n";
    const auto errs = load_errors(file);
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message.find("DOCTYPE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xml_nested_too_deep_is_refused_in_russian) {
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<x>";
    for (int i = 0; i < 300; ++i) deep += "</x>";
    const auto errs = load_errors(write_ruleset("deep.xml", "", deep));
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message == "ошибка XML: элементы XML вложены глубже 256 уровней (допустимая глубина вложенности)",
               errs[0].message);
    BOOST_TEST(errs[0].where.line > 0);
}

// Legal staff edit rulesets: a schema error names the element, the attribute and the value in
// Russian and says what the schema expects; the line is the element's.
namespace {

std::string only_schema_error(const std::string& name, const std::string& rules, const std::string& params = "") {
    const auto errs = load_errors(write_ruleset(name, rules, params));
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].where.line > 0);
    const std::string prefix = "не соответствует схеме набора правил: ";
    BOOST_REQUIRE(errs[0].message.starts_with(prefix));
    return errs[0].message.substr(prefix.size());
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    BOOST_REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

BOOST_AUTO_TEST_CASE(schema_errors_are_told_in_russian) {
    const std::string good = rule("TST-A-01", "/data", "true()");
    // A missing element at the end, an unexpected one, a missing and an unknown attribute.
    BOOST_TEST(only_schema_error("s1.xml", replaced(good, "    <message>Нарушение {@id}</message>\n", "")) ==
               "в элементе <rule> не хватает вложенного элемента; ожидается <message>");
    BOOST_TEST(only_schema_error("s2.xml", replaced(good, "<title>", "<bogus/><title>")) ==
               "элемент <bogus> здесь не допускается; ожидается <title>");
    BOOST_TEST(only_schema_error("s3.xml", replaced(good, " severity=\"ошибка\"", "")) ==
               "у элемента <rule> нет обязательного атрибута severity");
    BOOST_TEST(only_schema_error("s4.xml", replaced(good, "<rule ", "<rule colour=\"red\" ")) ==
               "у элемента <rule> не может быть атрибута colour");
    // A value not in the list, not matching the pattern, of the wrong type, empty.
    BOOST_TEST(only_schema_error("s5.xml", replaced(good, "ошибка", "критично")) ==
               "атрибут severity элемента <rule>: значение «критично» не из числа допустимых "
               "(«ошибка», «предупреждение», «к сведению»)");
    BOOST_TEST(only_schema_error("s6.xml", replaced(good, "TST-A-01", "tst-a-01")) ==
               "атрибут id элемента <rule>: значение «tst-a-01» не подходит; ожидается идентификатор правила из "
               "заглавных латинских букв и цифр через дефис (например, PD-CNS-01), не повторяющийся в наборе");
    BOOST_TEST(only_schema_error("s7.xml", good, R"(<parameter id="months" unit="месяц"><value from="2022-13-01">3</value></parameter>)") ==
               "атрибут from элемента <value>: значение «2022-13-01» не подходит; ожидается дата в виде ГГГГ-ММ-ДД");
    BOOST_TEST(only_schema_error("s8.xml", replaced(good, "<title>Правило</title>", "<title>   </title>")) ==
               "элемент <title>: значение «   » не подходит; ожидается непустой текст");
    BOOST_TEST(only_schema_error("s9.xml", "текст\n" + good) ==
               "в элементе <ruleset> не допускается текст, только вложенные элементы");
}

BOOST_AUTO_TEST_CASE(a_repeated_rule_id_is_told_with_the_rule_for_ids) {
    // libxml2 reports a repeated xs:ID as a value of the wrong type; the message says that an
    // id must not repeat.
    const auto errs = load_errors(write_ruleset("s10.xml", rule("TST-A-01", "/data", "true()") + rule("TST-A-01", "/data", "true()")));
    BOOST_REQUIRE(!errs.empty());
    BOOST_TEST(errs[0].message ==
               "не соответствует схеме набора правил: атрибут id элемента <rule>: значение «TST-A-01» не подходит; "
               "ожидается идентификатор правила из заглавных латинских букв и цифр через дефис (например, PD-CNS-01), "
               "не повторяющийся в наборе");
    BOOST_TEST(errs[0].where.line == 16);  // the second rule
}

BOOST_AUTO_TEST_SUITE_END()
