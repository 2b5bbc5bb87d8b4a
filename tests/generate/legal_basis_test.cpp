// The Положение cites the regional and municipal acts in force on the day it is adopted (the date
// of the order approving it), taken from the ruleset catalog — not those of the as-of date. Бурятия
// № 1552 (in force 30.12.2020–31.12.2024) is cited by a Положение of 2022 generated in its year,
// not by one adopted in 2025, nor by the new edition a package of 2026 holds in place of the
// Положение of 2022 (docs/ru/polozhenie.md).

#include "e2e/cli_runner.hpp"

#include "nastavnik/docx/template.hpp"

#include <boost/test/unit_test.hpp>

#include <fstream>
#include <string>

namespace {

// The compliant sample moved to Улан-Удэ, its Положение approved on `approved` (ISO).
std::string buryatia_organisation(const std::string& approved) {
    std::string json = e2e::slurp(std::string(NASTAVNIK_SOURCE_DIR) + "/samples/barnaul-gymnasium-compliant.json");
    auto replace = [&](const std::string& from, const std::string& to) {
        std::size_t n = 0;
        for (std::size_t at = 0; (at = json.find(from, at)) != std::string::npos; at += to.size(), ++n) json.replace(at, from.size(), to);
        BOOST_REQUIRE_MESSAGE(n > 0, from);
    };
    replace("\"region\": \"Алтайский край\"", "\"region\": \"Республика Бурятия\"");
    replace("\"municipality\": \"Барнаул\"", "\"municipality\": \"Улан-Удэ\"");
    replace("г. Барнаула", "г. Улан-Удэ");
    replace("\"date\": \"2022-08-31\"", "\"date\": \"" + approved + "\"");
    return json;
}

std::string polozhenie_text(const std::string& approved, const std::string& name, const std::string& as_of) {
    const auto dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto data = dir / "org.json";
    std::ofstream(data, std::ios::binary) << buryatia_organisation(approved);
    const auto run = e2e::nastavnik({"generate", data.string(), "--as-of", as_of, "--out", (dir / "out").string(),
                                     "--format", "docx", "--only", "polozhenie", "--force", "--reissue"});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return nastavnik::docx::document_text(e2e::slurp(dir / "out" / "Положение о системе наставничества.docx"));
}

const std::string order_1552 =
    "— приказом Министерства образования и науки Республики Бурятия от 30.12.2020 №\u00A01552 «Об утверждении "
    "Региональной программы развития системы педагогического наставничества в сфере общего образования Республики "
    "Бурятия»;";

}  // namespace

BOOST_AUTO_TEST_CASE(a_polozhenie_cites_the_regional_act_in_force_when_it_was_adopted) {
    // Generated in the academic year of its adoption, the Положение is the recorded one.
    const std::string adopted_2022 = polozhenie_text("2022-08-31", "legal-basis-2022", "2022-11-22");
    BOOST_TEST(adopted_2022.find(order_1552) != std::string::npos, adopted_2022.substr(0, 3000));
    // In the list of п. 1.2, before the charter.
    BOOST_TEST(adopted_2022.find(order_1552) < adopted_2022.find("— уставом "));
    BOOST_TEST(adopted_2022.find("Алтайского края") == std::string::npos);

    const std::string adopted_2025 = polozhenie_text("2025-02-03", "legal-basis-2025", "2025-05-20");
    BOOST_TEST(adopted_2025.find("1552") == std::string::npos);
    BOOST_TEST(adopted_2025.find("— уставом ") != std::string::npos);

    // The Положение of 2022 generated in 2026 is a new edition, adopted on the as-of date: it
    // follows what is in force then, not № 1552 (ended 31.12.2024).
    const std::string renewed = polozhenie_text("2022-08-31", "legal-basis-renewed", "2026-11-22");
    BOOST_TEST(renewed.find("(новая редакция)") != std::string::npos, renewed.substr(0, 1000));
    BOOST_TEST(renewed.find("1552") == std::string::npos);
    BOOST_TEST(renewed.find("от 22.11.2026 №") != std::string::npos, renewed.substr(0, 1000));
}
