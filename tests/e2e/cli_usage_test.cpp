// The CLI as a newcomer meets it: every command answers --help with its own usage (exit 0),
// numbers agree with their nouns, and output folders are created as given.

#include "cli_runner.hpp"

#include "nastavnik/text/plural.hpp"

#include <boost/test/unit_test.hpp>

#include <regex>

BOOST_AUTO_TEST_SUITE(cli_usage)

BOOST_AUTO_TEST_CASE(every_command_prints_its_usage_on_help) {
    for (const std::string command : {"check", "generate", "batch", "render", "ruleset", "serve", "workbook"}) {
        for (const std::string ask : {"--help", "-h"}) {
            const auto run = e2e::nastavnik({command, ask});
            BOOST_TEST(run.exit_code == 0, command << " " << ask << ": " << run.err);
            BOOST_TEST(run.err.empty(), command << " " << ask << ": " << run.err);
            BOOST_TEST(run.out.starts_with("Использование:\n  nastavnik " + command + " "), command << ": " << run.out);
            BOOST_TEST(run.out.find("--data-dir") != std::string::npos, command << ": common options follow");
            // Only this command's part of the usage.
            for (const std::string other : {"check", "generate", "batch", "render", "ruleset", "serve", "workbook"}) {
                if (other == command) continue;
                BOOST_TEST(run.out.find("  nastavnik " + other + " ") == std::string::npos, command << " shows " << other);
            }
        }
        // Asked among other arguments, and as `help COMMAND`: the same text.
        const auto among = e2e::nastavnik({command, "x.json", "--help"});
        const auto help = e2e::nastavnik({"help", command});
        BOOST_TEST(among.exit_code == 0);
        BOOST_TEST(help.exit_code == 0);
        BOOST_TEST(among.out == e2e::nastavnik({command, "--help"}).out);
        BOOST_TEST(help.out == among.out);
    }
    // Every action of `ruleset` is in its usage.
    const auto ruleset = e2e::nastavnik({"ruleset", "--help"}).out;
    for (const std::string action : {"list", "show", "doc", "lint", "diff", "test"}) {
        BOOST_TEST(ruleset.find(action) != std::string::npos, action);
    }
    // Every exit code the two checking commands return is explained in their usage (3 —
    // «проверка не завершена» — was missing).
    for (const std::string command : {"check", "batch"}) {
        const auto usage = e2e::nastavnik({command, "--help"}).out;
        for (const std::string code : {"0 — ", "1 — ", "2 — ", "3 — "}) {
            BOOST_TEST(usage.find(code) != std::string::npos, command << " does not explain exit code " << code);
        }
    }
    // Every requisite of the inspection act is in check's usage: they were only in the error
    // message and docs/ru, and «see check --help» found none (review 6, A-2).
    const auto check = e2e::nastavnik({"check", "--help"}).out;
    for (const std::string option : {"--inspection ", "--inspection-body", "--inspection-number", "--inspection-date",
                                     "--inspection-place", "--inspection-basis", "--inspection-period",
                                     "--inspection-deadline", "--inspector ", "--inspector-position", "--inspector-gender"}) {
        BOOST_TEST(check.find(option) != std::string::npos, option);
    }
    // After "--" it is a file name, not a question.
    const auto file = e2e::nastavnik({"check", "--", "--help"});
    BOOST_TEST(file.exit_code == 2);
    BOOST_TEST(file.err.find("--help: не удаётся открыть файл") != std::string::npos, file.err);
    const auto unknown = e2e::nastavnik({"help", "frobnicate"});
    BOOST_TEST(unknown.exit_code == 2);
    BOOST_TEST(unknown.err.find("неизвестная команда «frobnicate»") != std::string::npos, unknown.err);
    const auto general = e2e::nastavnik({"--help"});
    BOOST_TEST(general.exit_code == 0);
    BOOST_TEST(general.out.find("nastavnik batch") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(numbers_agree_with_their_nouns) {
    // ruleset list: «1 правило», «3 правила», «5 правил», «11 правил», «21 правило».
    const auto list = e2e::nastavnik({"ruleset", "list"});
    BOOST_REQUIRE(list.exit_code == 0);
    const std::regex count("\t([0-9]+) (правило|правила|правил)\t");
    int lines = 0;
    for (auto it = std::sregex_iterator(list.out.begin(), list.out.end(), count); it != std::sregex_iterator(); ++it) {
        const long n = std::stol((*it)[1]);
        BOOST_TEST((*it)[0].str() == "\t" + nastavnik::text::with_noun(n, "правило", "правила", "правил") + "\t");
        ++lines;
    }
    BOOST_TEST(lines >= 5, list.out);
    BOOST_TEST(lines == std::count(list.out.begin(), list.out.end(), '\n'), "every line has its count: " << list.out);

    // Sizes of written files: «… (12 345 байт)» agrees too.
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / "plural-doc.docx";
    const auto doc = e2e::nastavnik({"ruleset", "doc", "altai-barnaul-127", "--out", out.string()});
    BOOST_REQUIRE(doc.exit_code == 0);
    const auto size = static_cast<long>(std::filesystem::file_size(out));
    BOOST_TEST(doc.out.find("(" + nastavnik::text::with_noun(size, "байт", "байта", "байт") + ")") != std::string::npos, doc.out);
}

BOOST_AUTO_TEST_CASE(render_creates_the_output_folder) {
    const auto tmp = std::filesystem::path(NASTAVNIK_TEST_TMP);
    const auto docx = tmp / "render-outdir.docx";
    BOOST_REQUIRE(e2e::nastavnik({"ruleset", "doc", "altai-biysk-701", "--out", docx.string()}).exit_code == 0);
    const auto dir = tmp / "render-outdir" / "nested" / "pdf";
    std::filesystem::remove_all(tmp / "render-outdir");
    const auto run = e2e::nastavnik({"render", docx.string(), "--outdir", dir.string()});
    BOOST_TEST(run.exit_code == 0, run.err);
    BOOST_TEST(std::filesystem::file_size(dir / "render-outdir.pdf") > 1000u);
    BOOST_TEST(run.out.find("render-outdir.pdf: ") != std::string::npos, run.out);
    BOOST_TEST(std::regex_search(run.out, std::regex(" с\\., [0-9]+ байт(?:а|ов)?\n")), run.out);
    // A folder that cannot be made (a file stands in its place) is an error naming it.
    const auto blocked = tmp / "render-outdir" / "file";
    std::ofstream(blocked) << "x";
    const auto bad = e2e::nastavnik({"render", docx.string(), "--outdir", (blocked / "sub").string()});
    BOOST_TEST(bad.exit_code == 2);
    BOOST_TEST(bad.err.find("не удаётся создать папку для PDF") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_SUITE_END()
