// Layers may change the rules above them only by declaring it; clashes name both rules.

#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/layering.hpp"
#include "nastavnik/rules/ruleset.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>

using namespace nastavnik::rules;

namespace {

const std::filesystem::path schema = NASTAVNIK_SOURCE_DIR "/rulesets/schema/ruleset-1.xsd";

Ruleset layer(const std::string& name, const std::string& layer_name, const std::string& body) {
    const std::filesystem::path dir = NASTAVNIK_TEST_TMP "/layering";
    std::filesystem::create_directories(dir);
    std::ofstream(dir / name) << R"(<?xml version="1.0" encoding="UTF-8"?>
<ruleset xmlns="urn:nastavnik:ruleset:1" id=")" << name << R"(" version="1" layer=")" << layer_name << R"(">
  <title>Слой</title>
  <valid from="2022-01-01"/>
  <acts><act id="a" kind="приказ" issuer="Орган" number="1" date="2022-01-01" title="Акт"/></acts>
  <parameters><parameter id="limit"><value from="2022-01-01" cite="a п. 1">)" << (layer_name == "федеральный" ? "12" : "9") << R"(</value></parameter></parameters>
)" << body << "</ruleset>\n";
    return load_ruleset(dir / name, schema);
}

std::string rule(const std::string& id, const std::string& extra = "", const std::string& severity = "ошибка") {
    return "<rule id=\"" + id + "\" " + extra + " severity=\"" + severity + "\" context=\"/data\"><title>Т</title>"
           "<cite act=\"a\" clause=\"1\"/><assert test=\"true()\"/><message>М</message></rule>\n";
}

std::string error_text(const std::vector<const Ruleset*>& chain) {
    try {
        compose(chain);
    } catch (const nastavnik::Error& e) {
        std::string all;
        for (const auto& d : e.diagnostics()) all += d.to_string() + "\n";
        return all;
    }
    return "";
}

bool has(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(layering)

BOOST_AUTO_TEST_CASE(layers_add_override_and_disable) {
    const Ruleset fed = layer("fed.xml", "федеральный", rule("FED-A-01") + rule("FED-B-01") + rule("FED-C-01"));
    const Ruleset mun = layer("mun.xml", "муниципальный",
                              "<disable rule=\"FED-C-01\">не применяется в муниципалитете</disable>\n" +
                                  rule("FED-B-01", "mode=\"override\"", "предупреждение") + rule("MUN-A-01"));
    const Composition c = compose({&mun, &fed});  // order of the arguments does not matter
    BOOST_REQUIRE_EQUAL(c.rules.size(), 3u);
    BOOST_TEST(c.rules[0].rule->id == "FED-A-01");
    BOOST_TEST(c.rules[0].ruleset == &fed);
    BOOST_TEST(c.rules[1].rule->id == "FED-B-01");
    BOOST_TEST(c.rules[1].ruleset == &mun);
    BOOST_TEST(c.rules[1].replaced_from == &fed);
    BOOST_TEST(c.rules[2].rule->id == "MUN-A-01");
    BOOST_TEST(c.parameters_at(nastavnik::Date(2023, 1, 1)).at("limit") == "9");  // the lower layer's value
}

BOOST_AUTO_TEST_CASE(an_undeclared_clash_names_both_rules) {
    const Ruleset fed = layer("fed2.xml", "федеральный", rule("FED-A-01"));
    const Ruleset mun = layer("mun2.xml", "муниципальный", rule("FED-A-01"));
    const std::string e = error_text({&fed, &mun});
    BOOST_TEST(has(e, "правило [FED-A-01] набора mun2.xml (mun2.xml, строка"), e);
    BOOST_TEST(has(e, "совпадает с правилом набора fed2.xml (fed2.xml, строка"), e);
    BOOST_TEST(has(e, "объявите mode=\"override\""), e);
}

BOOST_AUTO_TEST_CASE(changing_a_rule_nobody_has_is_an_error) {
    const Ruleset fed = layer("fed3.xml", "федеральный", rule("FED-A-01"));
    const Ruleset mun = layer("mun3.xml", "муниципальный",
                              "<disable rule=\"FED-Z-01\">нет такого</disable>\n" + rule("FED-Y-01", "mode=\"tighten\""));
    const std::string e = error_text({&fed, &mun});
    BOOST_TEST(has(e, "отключается правило [FED-Z-01], которого нет"), e);
    BOOST_TEST(has(e, "[FED-Y-01] объявлено как изменение правила вышестоящего уровня, но такого правила в наборах выше нет"), e);
}

BOOST_AUTO_TEST_CASE(tightening_may_not_lower_the_severity) {
    const Ruleset fed = layer("fed4.xml", "федеральный", rule("FED-A-01"));
    const Ruleset mun = layer("mun4.xml", "муниципальный", rule("FED-A-01", "mode=\"tighten\"", "к сведению"));
    BOOST_TEST(has(error_text({&fed, &mun}), "понижает уровень с «ошибка» до «к сведению»"));
}

BOOST_AUTO_TEST_SUITE_END()
