// Every bad-input example (tests/e2e/bad-input/*.json, also shown in docs/ru/data-format.md)
// must give exit code 2 and exactly the reviewed message in *.expected — file, line, column,
// field path and what was expected.

#include "cli_runner.hpp"

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
