// Documents about rulesets and checks as PDF: the output file's extension chooses the format.

#include "cli_runner.hpp"

#include <boost/test/unit_test.hpp>

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
        BOOST_TEST(text.out.find("BUR-MUN-03") != std::string::npos, text.out);
        BOOST_TEST(text.out.find("(муниципалитет)") != std::string::npos, text.out);  // the severity column notes the subject
    }

    const auto act = dir / "справка.pdf";
    const auto c = e2e::nastavnik({"check", "samples/barnaul-school-42.json", "--as-of", "2023-11-01", "--act", act.string()});
    BOOST_TEST(c.exit_code == 1);  // the sample has violations; the act is written all the same
    BOOST_TEST(e2e::slurp(act).rfind("%PDF-", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
