// Every bad-input example (tests/e2e/bad-input/*.json, also shown in docs/ru/data-format.md)
// must give exit code 2 and exactly the reviewed message in *.expected — file, line, column,
// field path and what was expected.

#include "cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

BOOST_AUTO_TEST_SUITE(bad_input)

BOOST_AUTO_TEST_CASE(each_case_gives_its_reviewed_message) {
    std::vector<std::filesystem::path> cases;
    for (const auto& e : std::filesystem::directory_iterator("tests/e2e/bad-input")) {
        if (e.path().extension() == ".json") cases.push_back(e.path());
    }
    std::sort(cases.begin(), cases.end());
    BOOST_REQUIRE(cases.size() >= 10u);
    for (const auto& c : cases) {
        const std::string rel = "tests/e2e/bad-input/" + c.filename().string();
        const auto run = e2e::nastavnik({"check", rel, "--as-of", "2023-11-01"});
        BOOST_TEST(run.exit_code == 2, rel);
        BOOST_TEST(run.out.empty(), rel << ": nothing on stdout");
        auto expected = c;
        expected.replace_extension(".expected");
        BOOST_TEST(run.err == e2e::slurp(expected), rel);
    }
}

BOOST_AUTO_TEST_CASE(usage_errors) {
    auto run = e2e::nastavnik({"check"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("укажите один файл организации") != std::string::npos);
    run = e2e::nastavnik({"check", "x.json", "--format", "xml"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("--format: ожидается text или json") != std::string::npos);
    run = e2e::nastavnik({"check", "x.json", "--as-of", "01.11.2023"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("--as-of: ожидается дата в формате ГГГГ-ММ-ДД") != std::string::npos);
    run = e2e::nastavnik({"check", "x.json", "--colour"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("неизвестный параметр «--colour»") != std::string::npos);
    run = e2e::nastavnik({"frobnicate"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("неизвестная команда «frobnicate»") != std::string::npos);
    run = e2e::nastavnik({"check", "no-such-file.json"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err == "nastavnik: ошибка: no-such-file.json: не удаётся открыть файл: файл не найден\n");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ruleset_commands)

BOOST_AUTO_TEST_CASE(list_lint_test_show_doc) {
    auto run = e2e::nastavnik({"ruleset", "list"});
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.out.find("altai-barnaul-127\t2.0\tАлтайский край, Барнаул\tс 01.06.2022\t5 правил\t") != std::string::npos, run.out);
    run = e2e::nastavnik({"ruleset", "lint"});
    BOOST_TEST(run.exit_code == 0, run.out);
    BOOST_TEST(run.out.find("замечаний: 0") != std::string::npos);
    run = e2e::nastavnik({"ruleset", "test"});
    BOOST_TEST(run.exit_code == 0, run.out);
    BOOST_TEST(run.out.find("не пройдено: 0") != std::string::npos);
    run = e2e::nastavnik({"ruleset", "show", "altai-biysk-701"});
    BOOST_TEST(run.exit_code == 0);
    BOOST_TEST(run.out.find("[BSK-DL-01] ошибка") != std::string::npos, run.out);
    const std::string out = std::string(NASTAVNIK_TEST_TMP) + "/ruleset-doc.docx";
    run = e2e::nastavnik({"ruleset", "doc", "altai-barnaul-127", "--out", out});
    BOOST_TEST(run.exit_code == 0, run.err);
    const auto text = nastavnik::docx::document_text(e2e::slurp(out));
    // No rule codes and no ruleset code in the document (reader B, 21); the table has its caption.
    BOOST_TEST(text.find("BRN-FRM-01") == std::string::npos, text);
    BOOST_TEST(text.find("altai") == std::string::npos, text);
    BOOST_TEST(text.find("Таблица 1 — Правила проверки\n") != std::string::npos, text);
    BOOST_TEST(text.find("Всего правил: ") != std::string::npos, text);
    BOOST_TEST(text.find("{{") == std::string::npos);
    // Parameters in words: the unit agreed with the number, a list as a list, no $names, no pipes.
    BOOST_TEST(text.find("— Наименьшая численность наставляемых в наставнической группе: 2\u00A0человека (с 01.06.2022).") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("— Открытый перечень форм наставничества, предусмотренных Положением (с 01.06.2022):\n• педагог – педагог;") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("• традиционная форма наставничества («один-на-один»).") != std::string::npos, text);
    // Each form once: the other names the list accepts for it in brackets, not as forms of their
    // own (review 5, B12).
    BOOST_TEST(text.find("• руководитель образовательной организации – педагог (также «руководитель МОО – педагог»);") !=
                   std::string::npos, text);
    BOOST_TEST(text.find("• руководитель МОО – педагог;") == std::string::npos, text);
    BOOST_TEST(text.find("• педагог вуза/колледжа – молодой педагог (также «педагог вуза/колледжа – молодой педагог МОО»);") !=
                   std::string::npos, text);
    // The Положение named in full once, with its short name, and by the short name after (C1).
    const auto full = text.find("утверждённого приказом комитета по образованию города Барнаула");
    BOOST_TEST(full != std::string::npos, text);
    BOOST_TEST(text.find("утверждённого приказом комитета по образованию города Барнаула", full + 1) == std::string::npos, text);
    BOOST_TEST(text.find("(далее — Положение №\u00A0127)") != std::string::npos, text);
    BOOST_TEST(text.find("пп.\u00A05.1, 5.2 Положения №\u00A0127") != std::string::npos, text);  // one unit's items once (RS-1)
    // The monitoring lists name what each indicator measures.
    // A title that ends with brackets takes its dates after a comma, not in a second pair of brackets.
    // Each list says whose words it is (B12).
    BOOST_TEST(text.find("— Показатели первого этапа мониторинга (процесс реализации персонализированной программы), с "
                         "01.06.2022 (основание: п.\u00A05.1 Положения №\u00A0127):\n• результативность реализации "
                         "персонализированной программы (доля выполненных мероприятий);") != std::string::npos, text);
    // The procedures stand in the indicator's title, not again as a value of their own (reader H, F13).
    BOOST_TEST(text.find("• процент обучающихся наставляемого, успешно прошедших ВПР и ОГЭ;") != std::string::npos, text);
    BOOST_TEST(text.find("Оценочные процедуры") == std::string::npos, text);
    for (const char* internal : {"$", "|", "group_min_mentees", "2022-06-01", "programme_results"}) {
        BOOST_TEST(text.find(internal) == std::string::npos, internal);
    }
    run = e2e::nastavnik({"ruleset", "doc", "buryatia-1552", "--out", out});
    const auto dated = nastavnik::docx::document_text(e2e::slurp(out));
    BOOST_TEST(dated.find("Срок разработки муниципальной программы развития наставничества: 31.12.2021 (с 30.12.2020).") !=
                   std::string::npos, dated);
    BOOST_TEST(dated.find("0\u00A0% (с 30.12.2020), 20\u00A0% (с 01.01.2022), 50\u00A0% (с 01.01.2023), 100\u00A0% (с 01.01.2024).") !=
                   std::string::npos, dated);
    run = e2e::nastavnik({"ruleset", "show", "no-such"});
    BOOST_TEST(run.exit_code == 2);
    BOOST_TEST(run.err.find("нет набора правил «no-such»") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(explain_shows_facts_parameters_and_version) {
    const auto run = e2e::nastavnik({"check", "samples/lastochka.json", "--as-of", "2023-11-01", "--explain"});
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.out.find("Факт: Дата согласия — согласия нет (null)") != std::string::npos, run.out);
    BOOST_TEST(run.out.find("Параметр: $programme_max_months = 12") != std::string::npos);
    BOOST_TEST(run.out.find("Факт: Длительность — 1 год 1 месяц 28 дней") != std::string::npos);  // exact, not «13,9 мес.»
    BOOST_TEST(run.out.find("Правило: FED-PRG-02 из набора federal-az-1128, версия 2.0") != std::string::npos);
    BOOST_TEST(run.out.find("ВЫПОЛНЕНО (") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
