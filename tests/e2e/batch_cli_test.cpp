// `nastavnik batch` as a municipality runs it: exit codes, progress lines, Ctrl-C and rerun.

#include "cli_runner.hpp"

#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>

namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(batch_cli)

BOOST_AUTO_TEST_CASE(sample_municipality_exit_code_and_progress) {
    const fs::path out = fs::path(NASTAVNIK_TEST_TMP) / "batch-cli";
    fs::remove_all(out);
    const auto r = e2e::nastavnik({"batch", "samples/municipality-biysk", "--out", out.string(), "--as-of", "2026-11-22", "-j", "2"});
    BOOST_TEST(r.exit_code == 2);  // one organisation could not be processed
    // The Сводка's sentence: the refused organisation among those that violated binding requirements.
    BOOST_TEST(r.out.find("Организаций: 15; соответствуют требованиям: 12; выявлены нарушения обязательных требований: 1 (из них "
                          "документы не сформированы: 1); выявлены замечания: 1; проверка не завершена: 0; сведения представлены "
                          "с ошибками (ошибка обработки): 1.") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("org-00013.json:40:18") != std::string::npos, r.out);
    // 22.11.2026 is a Sunday: the date of the documents is set apart from the check's (reader B, 16).
    BOOST_TEST(r.out.find("дату задаёт --date ГГГГ-ММ-ДД") != std::string::npos, r.out);
    // Not a terminal: plain lines, the last one complete.
    BOOST_TEST(r.err.find("обработано 15 из 15") != std::string::npos, r.err);
    BOOST_TEST(r.err.find('\r') == std::string::npos);
    BOOST_TEST(fs::exists(out / "manifest.json"));
    // The municipality's PDFs carry their titles (the organisations' ones carry their kind's).
    if (std::system("command -v pdfinfo >/dev/null 2>&1") != 0) return;
    for (const std::string title : {"Аналитическая справка по муниципалитету", "Приказ об итогах мониторинга системы наставничества"}) {
        const std::string cmd = "pdfinfo '" + (out / (title + ".pdf")).string() + "'";
        std::string info;
        if (FILE* p = popen(cmd.c_str(), "r")) {
            char buf[4096];
            for (std::size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) info.append(buf, n);
            pclose(p);
        }
        BOOST_TEST(info.find("Title:           " + title + "\n") != std::string::npos, info);
    }
}

BOOST_AUTO_TEST_CASE(usage_errors) {
    auto r = e2e::nastavnik({"batch", "samples/municipality-biysk", "--out", "/tmp/x", "-j", "0"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("-j/--jobs: ожидается число потоков от 1 до 256") != std::string::npos, r.err);
    r = e2e::nastavnik({"batch", "samples", "--out", "/tmp/x"});
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.err.find("нет файла municipality.json") != std::string::npos, r.err);
}

// Ctrl-C in the middle: exit 130, no manifest, no half-written file; a rerun completes.
BOOST_AUTO_TEST_CASE(interrupt_and_rerun) {
    const fs::path base = fs::path(NASTAVNIK_TEST_TMP) / "batch-interrupt";
    fs::remove_all(base);
    const auto gen = e2e::shell("python3 tools/make_municipality.py " + e2e::quote((base / "in").string()) +
                                " --count 400 --defects 0");
    BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.out);
    const std::string out = (base / "out").string();
    const std::string cmd = "( " + e2e::quote(NASTAVNIK_CLI) + " batch " + e2e::quote((base / "in").string()) + " --out " +
                            e2e::quote(out) + " --as-of 2026-11-22 --quiet -j 2 & pid=$!; "
                            // Interrupted once the first document is written, however loaded the machine is.
                            "for i in $(seq 1200); do find " + e2e::quote(out) + " -name '*.docx' 2>/dev/null | grep -q . && break; sleep 0.05; done; "
                            "kill -INT $pid; wait $pid; echo rc=$? )";
    const auto r = e2e::shell(cmd);
    BOOST_TEST(r.out.find("rc=130") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("прервано") != std::string::npos, r.out);
    BOOST_TEST(!fs::exists(fs::path(out) / "manifest.json"));
    std::size_t documents = 0;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        BOOST_TEST(e.path().string().find(".tmp-") == std::string::npos, e.path());
        documents += e.path().extension() == ".docx";
    }
    BOOST_TEST(documents > 0u);  // it was interrupted in the middle, not before the start
    const auto again = e2e::nastavnik({"batch", (base / "in").string(), "--out", out, "--as-of", "2026-11-22", "--quiet"});
    BOOST_TEST(again.exit_code == 0, again.out + again.err);
    BOOST_TEST(fs::exists(fs::path(out) / "manifest.json"));
}

// tools/make_municipality.py writes the current format of the municipality (3), and batch reads
// what it writes, as a folder and as one file whose organisations keep their own format.
BOOST_AUTO_TEST_CASE(make_municipality_writes_what_batch_reads) {
    const fs::path base = fs::path(NASTAVNIK_TEST_TMP) / "batch-tool-format";
    fs::remove_all(base);
    const auto gen = e2e::shell("python3 tools/make_municipality.py " + e2e::quote((base / "in").string()) +
                                " --count 3 --defects 0 && python3 tools/make_municipality.py " +
                                e2e::quote((base / "unused").string()) + " --count 3 --defects 0 --single " +
                                e2e::quote((base / "one.json").string()));
    BOOST_REQUIRE_MESSAGE(gen.exit_code == 0, gen.out);
    const std::string folder = e2e::slurp(base / "in" / "municipality.json");
    BOOST_TEST(folder.find("\"format\": \"nastavnik.municipality/3\"") != std::string::npos, folder.substr(0, 200));
    const std::string one = e2e::slurp(base / "one.json");
    BOOST_TEST(one.find("\"format\": \"nastavnik.municipality/3\"") != std::string::npos);
    std::size_t organisations = 0;
    for (auto at = one.find("\"nastavnik.organisation/3\""); at != std::string::npos; at = one.find("\"nastavnik.organisation/3\"", at + 1)) {
        ++organisations;
    }
    BOOST_TEST(organisations == 3u);
    for (const fs::path& in : {base / "in", base / "one.json"}) {
        const auto r = e2e::nastavnik({"batch", in.string(), "--out", (base / ("out-" + in.stem().string())).string(),
                                       "--as-of", "2026-11-22", "--check-only", "--quiet"});
        BOOST_TEST(r.exit_code == 0, in << ": " << r.out << r.err);
        BOOST_TEST(e2e::slurp(base / ("out-" + in.stem().string()) / "Сводка.txt").find("сведения представлены с ошибками (ошибка обработки): 0.") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
