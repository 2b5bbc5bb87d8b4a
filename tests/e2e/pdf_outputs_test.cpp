// Documents about rulesets and checks as PDF: the output file's extension chooses the format.

#include "cli_runner.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>

namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(pdf_outputs)

BOOST_AUTO_TEST_CASE(ruleset_doc_and_check_act_as_pdf) {
    const fs::path dir = fs::path(NASTAVNIK_TEST_TMP) / "pdf-outputs";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const auto doc = dir / "бурятия.pdf";
    const auto r = e2e::nastavnik({"ruleset", "doc", "buryatia-1552", "--out", doc.string()});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string pdf = e2e::slurp(doc);
    BOOST_TEST(pdf.rfind("%PDF-", 0) == 0u);
    // Dated by the ruleset, not by the clock: reruns give the same bytes.
    BOOST_TEST(pdf.find("/CreationDate(D:20201230") != std::string::npos);
    BOOST_REQUIRE(e2e::nastavnik({"ruleset", "doc", "buryatia-1552", "--out", (dir / "again.pdf").string()}).exit_code == 0);
    BOOST_TEST((e2e::slurp(dir / "again.pdf") == pdf));
    if (e2e::shell("command -v pdftotext").exit_code == 0) {
        const auto text = e2e::shell("pdftotext " + e2e::quote(doc.string()) + " -");
        // Rules by their requirement, not their code (reader B, 21).
        BOOST_TEST(text.out.find("BUR-MUN-03") == std::string::npos, text.out);
        BOOST_TEST(text.out.find("Таблица 1 — Правила проверки") != std::string::npos, text.out);
        BOOST_TEST(text.out.find("(обязанность") != std::string::npos, text.out);  // the severity column notes the subject
    }

    const auto act = dir / "справка.pdf";
    const auto c = e2e::nastavnik({"check", "samples/barnaul-school-42.json", "--as-of", "2023-11-01", "--act", act.string()});
    BOOST_TEST(c.exit_code == 1);  // the sample has violations; the act is written all the same
    BOOST_TEST(e2e::slurp(act).rfind("%PDF-", 0) == 0u);
}

// A signature is one piece: the inspector's position, the line and the name on one page, with
// the last line of the conclusions (the compliant sample's act ends near the foot of page 1).
BOOST_AUTO_TEST_CASE(the_acts_signature_is_not_split_between_pages) {
    if (e2e::shell("command -v pdftotext").exit_code != 0) return;
    const fs::path dir = fs::path(NASTAVNIK_TEST_TMP) / "pdf-signature";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / "inspection.json")
        << R"({"format": "nastavnik.inspection/1", "body": "Комитет по образованию города Барнаула", "number": "45",
              "date": "2026-11-24", "place": "г. Барнаул",
              "basis": "приказ комитета по образованию города Барнаула от 10.11.2026 № 1520 «О проведении документарной проверки»",
              "period": {"from": "2026-11-16", "to": "2026-11-22"},
              "inspector": {"surname": "Болотова", "name": "Людмила", "patronymic": "Ивановна", "gender": "ж",
                            "position": "главный специалист отдела общего образования"}})";
    const auto act = dir / "act.pdf";
    const auto c = e2e::nastavnik({"check", "samples/barnaul-gymnasium-compliant.json", "--as-of", "2026-11-22", "--act",
                                   act.string(), "--inspection", (dir / "inspection.json").string()});
    BOOST_REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    // pdftotext writes a form feed between pages: none may stand between the conclusions (their
    // heading and every proposal go with the signature), the position's first line and its last
    // («образования») — in the signature, after item 3 has named the same position.
    const auto all = e2e::shell("pdftotext " + e2e::quote(act.string()) + " -");
    const auto conclusion = all.out.find("7. Выводы и предложения (по сведениям на 22.11.2026):");
    const auto position = all.out.rfind("Главный специалист отдела общего");
    BOOST_REQUIRE(conclusion != std::string::npos);
    BOOST_REQUIRE(position != std::string::npos && position > conclusion);
    const auto last_line = all.out.find("образования", position);
    BOOST_REQUIRE(last_line != std::string::npos);
    BOOST_TEST(all.out.substr(conclusion, last_line - conclusion).find('\f') == std::string::npos, all.out);
}

// The organisation's справка: its signature never stands alone on a page (review 5, A5: СОШ № 42
// as of 06.12.2026 printed the curator's signature alone on page 3) — the last proposal goes
// with it, and the signature row does not split.
BOOST_AUTO_TEST_CASE(the_analytical_report_never_leaves_its_signature_alone) {
    if (e2e::shell("command -v pdftotext").exit_code != 0) return;
    const fs::path dir = fs::path(NASTAVNIK_TEST_TMP) / "pdf-spravka";
    fs::remove_all(dir);
    const auto g = e2e::nastavnik({"generate", "samples/barnaul-school-42.json", "--as-of", "2026-12-06", "--force", "--only",
                                   "spravka", "--format", "pdf", "--out", dir.string()});
    BOOST_REQUIRE_MESSAGE(g.exit_code == 0, g.err);
    const auto all = e2e::shell("pdftotext " + e2e::quote((dir / "Аналитическая справка о результатах мониторинга.pdf").string()) + " -");
    // СОШ № 42 has no programme in 2026/2027: its last proposal is to fix pairs for the year.
    const auto last = all.out.rfind("закрепить наставнические пары");
    const auto name = all.out.rfind("Полякова");
    BOOST_REQUIRE(last != std::string::npos);
    BOOST_REQUIRE(name != std::string::npos && name > last);
    BOOST_TEST(all.out.substr(last, name - last).find('\f') == std::string::npos, all.out);
}

BOOST_AUTO_TEST_SUITE_END()
