// Monitoring by reporting years (format version 2): what the schema and the checks after it
// accept and refuse, and how recorded values and questionnaire answers become one value per
// indicator and programme.

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/input/json.hpp"

#include <boost/test/unit_test.hpp>

#include <libxml/xpath.h>

#include <cmath>

using nastavnik::Error;
using nastavnik::data::DataTree;
using nastavnik::input::parse_json;
namespace mon = nastavnik::data::monitoring;

namespace {

const char* const base = R"({
  "format": "nastavnik.organisation/2",
  "organisation": { "full_name": "Муниципальное бюджетное общеобразовательное учреждение «Школа № 1»",
    "short_name": "МБОУ «Школа № 1»", "type": "общеобразовательная", "region": "Алтайский край",
    "municipality": "Барнаул", "head": "s1" },
  "staff": [
    {"id": "s1", "surname": "Петров", "name": "Иван", "patronymic": "Сергеевич", "gender": "м", "position": "директор"},
    {"id": "s2", "surname": "Иванова", "name": "Мария", "gender": "ж", "position": "учитель"},
    {"id": "s3", "surname": "Сидорова", "name": "Анна", "gender": "ж", "position": "учитель"},
    {"id": "s4", "surname": "Орлова", "name": "Вера", "gender": "ж", "position": "учитель"}
  ],
  "pairs": [ {"id": "p1", "mentor": "s2", "mentee": "s3", "form": "учитель – учитель"} ],
  "groups": [ {"id": "g1", "mentor": "s2", "mentees": ["s3", "s4"], "form": "наставничество в группе"} ]
})";

nastavnik::input::JsonValue with(const std::string& patch) {
    auto json = parse_json(base, "org.json");
    nastavnik::input::merge_patch(json, parse_json(patch, "patch.json"));
    return json;
}

std::vector<std::string> errors_of(const std::string& patch) {
    std::vector<std::string> out;
    try {
        DataTree::from_json(with(patch), "org.json");
    } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) out.push_back(d.where.path + ": " + d.message);
    }
    return out;
}

bool has(const std::vector<std::string>& errors, const std::string& part) {
    for (const auto& e : errors) {
        if (e.find(part) != std::string::npos) return true;
    }
    return false;
}

// The string value of an XPath expression over the tree.
std::string xpath(const DataTree& tree, const std::string& expr) {
    xmlXPathContextPtr ctx = xmlXPathNewContext(tree.doc());
    xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(("string(" + expr + ")").c_str()), ctx);
    std::string out = r != nullptr && r->stringval != nullptr ? reinterpret_cast<const char*>(r->stringval) : "";
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(ctx);
    return out;
}

std::string joined(const std::vector<std::string>& errors) {
    std::string s;
    for (const auto& e : errors) s += e + "\n";
    return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(monitoring)

BOOST_AUTO_TEST_CASE(a_version_1_file_is_read_as_before_and_refuses_version_2_fields) {
    auto json = with(R"({"format": "nastavnik.organisation/1"})");
    const DataTree tree = DataTree::from_json(json, "org.json");
    BOOST_TEST(tree.version() == 1);
    BOOST_TEST(DataTree::from_json(with("{}"), "org.json").version() == 2);
    const auto errors = errors_of(R"({"format": "nastavnik.organisation/1", "reporting_years": [{"year": "2025/2026"}]})");
    BOOST_TEST(has(errors_of(R"({"format": "nastavnik.organisation/1", "monitoring": []})"), "monitoring: поле «monitoring» есть в формате"));
    BOOST_TEST(has(errors, "reporting_years: поле «reporting_years» есть в формате «nastavnik.organisation/2»"), joined(errors));
    BOOST_TEST(has(errors_of(R"({"format": "nastavnik.organisation/4"})"), "неизвестный формат файла «nastavnik.organisation/4»"));
    BOOST_TEST(has(errors_of(R"({"format": "nastavnik.organisation/0"})"), "неизвестный формат файла"));
}

BOOST_AUTO_TEST_CASE(what_the_schema_and_the_checks_refuse) {
    BOOST_TEST(has(errors_of(R"({"reporting_years": [{"year": "2025/2027"}]})"), "ожидается учебный год в виде ГГГГ/ГГГГ"));
    BOOST_TEST(has(errors_of(R"({"reporting_years": [{"year": "2025/2026"}, {"year": "2025/2026"}]})"),
                   "учебный год «2025/2026» указан дважды"));
    // A programme is a pair or a group, not a person.
    BOOST_TEST(has(errors_of(R"({"monitoring": [
        {"programme": "s3", "indicator": "risks", "value": 1, "date": "2026-01-10", "source": "отчёт"}]})"),
                   "«s3» — идентификатор из staff, а ожидается наставнической пары или группы из pairs или groups"));
    BOOST_TEST(has(errors_of(R"({"monitoring": [
        {"programme": "p1", "indicator": "programme_results", "value": 120, "date": "2026-01-10", "source": "отчёт"}]})"),
                   "monitoring[0].value: ожидается процент от 0 до 100, получено 120"));
    BOOST_TEST(has(errors_of(R"({"monitoring": [
        {"programme": "p1", "indicator": "olympics", "value": 1, "date": "2026-01-10", "source": "отчёт"}]})"),
                   "недопустимое значение «olympics»"));
    // A question the form does not ask; an answer of the wrong kind; a respondent outside the programme.
    const auto errors = errors_of(R"({"questionnaires": [
        {"form": "наставник", "respondent": "s2", "programme": "p1", "date": "2026-05-20",
         "answers": {"motivation": 4, "risks": "да"}},
        {"form": "наставляемый", "respondent": "s4", "programme": "p1", "date": "2026-05-20", "answers": {"adaptation": 5}},
        {"form": "наставляемый", "respondent": "s4", "programme": "g1", "date": "2026-05-20", "answers": {"retention": 2}}]})");
    BOOST_TEST(has(errors, "answers.motivation: в анкете «наставник» нет вопроса «motivation»"), joined(errors));
    BOOST_TEST(has(errors, "answers.risks: ожидается число, получено «да»"), joined(errors));
    BOOST_TEST(has(errors, "questionnaires[1].respondent: «s4» — не наставляемый пары (группы) «p1»"), joined(errors));
    BOOST_TEST(has(errors, "questionnaires[2].answers.retention: ожидается ответ «да» или «нет»"), joined(errors));
    BOOST_TEST(errors.size() == 4u, joined(errors));
}

BOOST_AUTO_TEST_CASE(values_and_answers_become_one_value_per_indicator_and_programme) {
    const DataTree tree = DataTree::from_json(with(R"({
      "reporting_years": [{"year": "2024/2025", "mentors": 1}],
      "monitoring": [
         {"programme": "p1", "indicator": "programme_results", "value": 30, "point": "начало", "date": "2025-10-01", "source": "отчёт наставника"},
         {"programme": "p1", "indicator": "programme_results", "value": 70, "date": "2026-02-01", "source": "отчёт наставника"},
         {"programme": "p1", "indicator": "programme_results", "value": 100, "point": "окончание", "date": "2026-05-25", "source": "протокол МО № 5"},
         {"programme": "p1", "indicator": "exam_pass_share", "value": 80, "date": "2026-06-20", "source": "итоги ОГЭ"},
         {"programme": "p1", "indicator": "exam_pass_share", "value": 60, "date": "2025-06-20", "source": "итоги ОГЭ прошлого года"},
         {"indicator": "future_mentors", "value": 3, "date": "2026-05-28", "source": "анкетирование педагогов"}],
      "questionnaires": [
         {"form": "наставляемый", "respondent": "s3", "programme": "g1", "date": "2026-05-20", "point": "окончание",
          "answers": {"motivation": 5, "professional_activity": 2, "future_mentors": "да"}},
         {"form": "наставляемый", "respondent": "s4", "programme": "g1", "date": "2026-05-20", "point": "окончание",
          "answers": {"motivation": 4, "professional_activity": 3, "future_mentors": "нет"}},
         {"form": "наставник", "respondent": "s2", "programme": "g1", "date": "2026-05-21", "point": "окончание",
          "answers": {"adaptation": 4}}]})"),
                                              "org.json");
    BOOST_TEST((mon::recorded_years(tree) == std::vector<std::string>{"2024/2025", "2025/2026"}));
    // A value dated 20.06.2025 belongs to 2024/2025, whatever it is listed beside.
    const auto earlier = mon::results(tree, "2024/2025");
    BOOST_TEST(earlier.recorded);
    BOOST_REQUIRE(earlier.programmes.size() == 1u);
    BOOST_TEST(earlier.programmes[0].measured[0].end->value == 60);
    const auto none = mon::results(tree, "2023/2024");
    BOOST_TEST(!none.recorded);
    const auto r = mon::results(tree, "2025/2026");
    BOOST_TEST(r.recorded);
    BOOST_TEST(r.summary == nullptr);
    BOOST_REQUIRE(r.programmes.size() == 2u);  // p1 and g1, in data order
    const auto& p1 = r.programmes[0].measured;
    BOOST_REQUIRE(p1.size() == 2u);  // in catalogue order: programme_results, exam_pass_share
    BOOST_TEST(std::string(p1[0].indicator->id) == "programme_results");
    BOOST_REQUIRE(p1[0].start.has_value());
    BOOST_TEST(p1[0].start->value == 30);
    BOOST_REQUIRE(p1[0].end.has_value());
    BOOST_TEST(p1[0].end->value == 100);  // «окончание» wins over a value measured in the course of the programme
    BOOST_TEST(p1[0].end->source == "протокол МО № 5");
    BOOST_TEST(p1[0].values == 3u);
    BOOST_TEST(!p1[1].start.has_value());
    BOOST_TEST(p1[1].end->value == 80);  // no point: the latest measured value of the year
    const auto& g1 = r.programmes[1].measured;
    BOOST_REQUIRE(g1.size() == 4u);
    // Catalogue order: professional_activity (stage 1), motivation, adaptation, future_mentors.
    BOOST_TEST(std::string(g1[0].indicator->id) == "professional_activity");
    BOOST_TEST(g1[0].end->value == 5);  // counts are summed over the mentees
    BOOST_TEST(std::string(g1[1].indicator->id) == "motivation");
    BOOST_TEST(std::abs(g1[1].end->value - 4.5) < 1e-9);  // scores averaged
    BOOST_TEST(g1[1].values == 2u);
    BOOST_TEST(g1[1].end->source == "анкетирование наставляемых");
    BOOST_TEST(std::string(g1[3].indicator->id) == "future_mentors");
    BOOST_TEST(g1[3].end->value == 1);  // «да» counted
    BOOST_REQUIRE(r.organisation.size() == 1u);
    BOOST_TEST(r.organisation[0].end->value == 3);
    BOOST_TEST(mon::results(tree, "2024/2025").summary != nullptr);
}

BOOST_AUTO_TEST_CASE(the_earlier_nested_form_of_version_2_reads_as_the_flat_lists) {
    // Values and questionnaires inside the year, its counts under «summary».
    const auto json = with(R"({
      "monitoring": [{"programme": "p1", "indicator": "risks", "value": 2, "date": "2025-11-01", "source": "отчёт"}],
      "reporting_years": [
        {"year": "2024/2025", "summary": {"mentors": 1, "young": 2, "young_covered": 1},
         "monitoring": [{"programme": "p1", "indicator": "programme_results", "value": 90, "date": "2025-05-20", "source": "отчёт"}]},
        {"year": "2025/2026",
         "questionnaires": [{"form": "наставник", "respondent": "s2", "programme": "p1", "date": "2026-05-21",
                             "answers": {"adaptation": 4}}]}]})");
    const DataTree tree = DataTree::from_json(json, "org.json");
    BOOST_TEST(tree.version() == 2);
    BOOST_TEST(xpath(tree, "count(/data/reporting_years/reporting_year/*[not(self::year or self::mentors or self::young or self::young_covered)])") == "0");
    BOOST_TEST(xpath(tree, "/data/reporting_years/reporting_year[year = '2024/2025']/young_covered") == "1");
    BOOST_TEST(xpath(tree, "count(/data/monitoring/measurement)") == "2");
    BOOST_TEST(xpath(tree, "/data/monitoring/measurement[2]/value") == "90");  // after the file's own value
    BOOST_TEST(xpath(tree, "count(/data/questionnaires/questionnaire)") == "1");
    BOOST_TEST(mon::results(tree, "2024/2025").programmes.size() == 1u);
    // A mistake inside the nested form is reported where it is in the file.
    auto bad = json;
    bad.find("reporting_years")->items[0].find("monitoring")->items[0].find("value")->scalar = "120";
    try {
        DataTree::from_json(bad, "org.json");
        BOOST_FAIL("a percentage of 120 was accepted");
    } catch (const Error& e) {
        BOOST_REQUIRE(!e.diagnostics().empty());
        BOOST_TEST(e.diagnostics()[0].message == "ожидается процент от 0 до 100, получено 120");
        BOOST_TEST(e.diagnostics()[0].where.line == bad.find("reporting_years")->items[0].find("monitoring")->items[0].find("value")->position.line);
    }
}

BOOST_AUTO_TEST_CASE(academic_years_come_from_dates) {
    BOOST_TEST(mon::year_of(*nastavnik::Date::parse_iso("2026-05-20")) == "2025/2026");
    BOOST_TEST(mon::year_of(*nastavnik::Date::parse_iso("2026-09-01")) == "2026/2027");
    BOOST_TEST(mon::year_of(*nastavnik::Date::parse_iso("2026-08-31")) == "2025/2026");
    BOOST_TEST(mon::previous_year("2026/2027") == "2025/2026");
    BOOST_TEST(mon::year_start("2025/2026")->iso() == "2025-09-01");
    BOOST_TEST(!mon::year_start("2025").has_value());
}

BOOST_AUTO_TEST_CASE(every_question_answers_an_indicator_of_the_catalogue) {
    for (const auto& f : mon::forms()) {
        BOOST_TEST(!f.questions.empty());
        for (const auto& q : f.questions) BOOST_TEST(mon::find_indicator(q.indicator) != nullptr, q.indicator);
    }
    BOOST_TEST(mon::title_of(*mon::find_indicator("pupils_progress"), "дошкольная") ==
               "Доля воспитанников с положительной динамикой развития");
    BOOST_TEST(mon::unit_text(mon::Unit::score, 4.5) == "балла");
    BOOST_TEST(mon::unit_text(mon::Unit::score, 5) == "баллов");
    BOOST_TEST(mon::unit_text(mon::Unit::score, 1) == "балл");
}

BOOST_AUTO_TEST_SUITE_END()
