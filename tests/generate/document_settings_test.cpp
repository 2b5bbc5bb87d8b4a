// Per-organisation document settings: the font and size land in the output's styles (and
// LibreOffice uses them), only styles.xml changes, order numbers follow the organisation's
// format, and wrong settings are input errors with their location.

#include "docx/docx_fixture.hpp"
#include "e2e/cli_runner.hpp"

#include "docx/package.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/data/schema.hpp"
#include "nastavnik/generate/document_settings.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <regex>

namespace {

const std::string sample = std::string(NASTAVNIK_SOURCE_DIR) + "/samples/barnaul-gymnasium-compliant.json";

// The compliant sample with `settings` (a JSON object) as its document_settings.
std::filesystem::path with_settings(const std::string& name, const std::string& settings) {
    std::string json = e2e::slurp(sample);
    json.insert(json.find('{') + 1, "\n  \"document_settings\": " + settings + ",");
    const auto file = std::filesystem::path(NASTAVNIK_TEST_TMP) / (name + ".json");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << json;
    return file;
}

std::filesystem::path generate(const std::filesystem::path& input, const std::string& name,
                               std::vector<std::string> extra = {}) {
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / name;
    std::filesystem::remove_all(out);
    std::vector<std::string> args{"generate", input.string(), "--as-of", "2026-11-22", "--format", "docx", "--reissue",
                                  "--out", out.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto run = e2e::nastavnik(args);
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    return out;
}

std::string part(const std::filesystem::path& docx, const std::string& name) {
    nastavnik::docx::Package p(e2e::slurp(docx), docx.string());
    return p.read(name);
}

// The <w:rPr> of the document defaults and of the Normal style.
std::string defaults_rpr(const std::string& styles) {
    const auto a = styles.find("<w:rPrDefault>");
    return styles.substr(a, styles.find("</w:rPrDefault>") - a);
}
std::string normal_rpr(const std::string& styles) {
    const auto a = styles.find("w:styleId=\"Normal\"");
    return styles.substr(a, styles.find("</w:style>", a) - a);
}

const char* polozhenie = "Положение о системе наставничества.docx";

}  // namespace

BOOST_AUTO_TEST_SUITE(document_settings)

BOOST_AUTO_TEST_CASE(font_and_size_are_written_into_the_styles_and_nothing_else) {
    const auto plain = generate(sample, "settings-none");
    const auto set = generate(with_settings("pt", R"({ "font": "PT Serif", "font_size": 13 })"), "settings-pt");
    std::size_t documents = 0;
    for (const auto& e : std::filesystem::directory_iterator(set)) {
        if (e.path().extension() != ".docx") continue;
        ++documents;
        BOOST_TEST_CONTEXT(e.path().filename()) {
            const std::string styles = part(e.path(), "word/styles.xml");
            const std::string defaults = defaults_rpr(styles), normal = normal_rpr(styles);
            for (const std::string& rpr : {defaults, normal}) {
                BOOST_TEST(rpr.find("w:ascii=\"PT Serif\"") != std::string::npos, rpr);
                BOOST_TEST(rpr.find("w:hAnsi=\"PT Serif\"") != std::string::npos);
                BOOST_TEST(rpr.find("w:cs=\"PT Serif\"") != std::string::npos);
                BOOST_TEST(rpr.find("<w:sz w:val=\"26\"/>") != std::string::npos, rpr);
                BOOST_TEST(rpr.find("<w:szCs w:val=\"26\"/>") != std::string::npos);
                BOOST_TEST(rpr.find("Theme=") == std::string::npos, rpr);  // a theme font would win
                BOOST_TEST(rpr.find("Liberation") == std::string::npos);
            }
            // rFonts keeps its place before sz (Word refuses properties out of order).
            BOOST_TEST(normal.find("<w:rFonts") < normal.find("<w:sz "));
            // Every other part is the template's, byte for byte.
            nastavnik::docx::Package a(e2e::slurp(e.path()), "a"), b(e2e::slurp(plain / e.path().filename()), "b");
            // The same parts (a rewritten part may move to the end of the zip).
            auto names_a = a.entry_names(), names_b = b.entry_names();
            std::sort(names_a.begin(), names_a.end());
            std::sort(names_b.begin(), names_b.end());
            BOOST_TEST(names_a == names_b);
            for (const auto& name : a.entry_names()) {
                if (name != "word/styles.xml") BOOST_TEST(a.read(name) == b.read(name), name);
            }
        }
    }
    BOOST_TEST(documents == 35u);
    const std::string plain_styles = part(plain / polozhenie, "word/styles.xml");
    // The templates name Times New Roman, the font of ГОСТ Р 7.0.97 that Word has everywhere;
    // LibreOffice and our PDF print it with its metric twin Liberation Serif (review of 7.12.2026:
    // a DOCX naming Liberation Serif opened in Word on Windows with a font Word chose).
    BOOST_TEST(normal_rpr(plain_styles).find("Times New Roman") != std::string::npos);
    BOOST_TEST(plain_styles.find("Liberation Serif") == std::string::npos);
    BOOST_TEST(normal_rpr(plain_styles).find("<w:sz w:val=\"28\"/>") != std::string::npos);
}

// Styles written by other tools: no docDefaults, a Normal style with other run properties
// and a theme font. The font and size go in, in the schema's order, and win over the theme.
BOOST_AUTO_TEST_CASE(styles_of_any_shape_get_the_settings_in_schema_order) {
    using namespace docx_test;
    const std::string styles = w_part(
        "styles", "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/>"
                  "<w:pPr><w:jc w:val=\"both\"/></w:pPr><w:rPr><w:rFonts w:asciiTheme=\"minorHAnsi\"/><w:b/>"
                  "<w:lang w:val=\"ru-RU\"/></w:rPr></w:style>"
                  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>");
    const std::string docx = make_docx(p("текст"), {{"word/styles.xml", ZipEntry{styles}}});
    nastavnik::generate::DocumentSettings s;
    s.font = "PT Astra Serif";
    s.font_size_half_points = 27;
    const std::string out = entry(nastavnik::generate::apply_document_settings(docx, s), "word/styles.xml");
    const auto normal = out.substr(out.find("w:styleId=\"Normal\""), out.find("Heading1") - out.find("w:styleId=\"Normal\""));
    BOOST_TEST(out.find("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts") != std::string::npos, out);
    BOOST_TEST(out.find("<w:docDefaults>") < out.find("<w:style "));
    BOOST_TEST(normal.find("asciiTheme") == std::string::npos, normal);
    BOOST_TEST(normal.find("w:ascii=\"PT Astra Serif\"") < normal.find("<w:b/>"), normal);
    BOOST_TEST(normal.find("<w:b/><w:sz w:val=\"27\"/><w:szCs w:val=\"27\"/><w:lang") != std::string::npos, normal);
    BOOST_TEST(normal.find("</w:pPr><w:rPr>") != std::string::npos);
    const auto heading = out.substr(out.find("Heading1"));
    BOOST_TEST(heading.find("PT Astra Serif") == std::string::npos);  // only the defaults and Normal
    // Nothing to change: the very same bytes.
    BOOST_TEST(nastavnik::generate::apply_document_settings(docx, {}) == docx);
    const std::string bare = make_docx(p("текст"));
    BOOST_TEST(nastavnik::generate::apply_document_settings(bare, s) == bare);
}

// Justified text is hyphenated unless the organisation turns it off: the setting is in the
// DOCX (word/settings.xml), where Word, LibreOffice and our PDF renderer read it, at its place
// in the schema's sequence; nothing else of the document changes.
BOOST_AUTO_TEST_CASE(hyphenation_is_on_by_default_and_off_when_asked) {
    const auto plain = generate(sample, "hyphens-default");
    const auto off = generate(with_settings("hyphens-off", R"({ "hyphenation": false })"), "hyphens-off");
    std::size_t documents = 0;
    for (const auto& e : std::filesystem::directory_iterator(off)) {
        if (e.path().extension() != ".docx") continue;
        ++documents;
        BOOST_TEST_CONTEXT(e.path().filename()) {
            const std::string on_bytes = e2e::slurp(plain / e.path().filename()), off_bytes = e2e::slurp(e.path());
            BOOST_TEST(nastavnik::generate::hyphenates(on_bytes));
            BOOST_TEST(!nastavnik::generate::hyphenates(off_bytes));
            // On: words in capitals kept whole («МБ-/ДОУ» across two lines before), after the
            // property that turns hyphenation on; off: nothing to say about them.
            const std::string on_settings = part(plain / e.path().filename(), "word/settings.xml");
            BOOST_TEST(on_settings.find("<w:doNotHyphenateCaps/>") != std::string::npos, on_settings);
            BOOST_TEST(on_settings.find("<w:autoHyphenation") < on_settings.find("<w:doNotHyphenateCaps/>"), on_settings);
            const std::string settings = part(e.path(), "word/settings.xml");
            // Off: the property says false, or is absent (a template that never asked for it).
            if (settings.find("<w:autoHyphenation") != std::string::npos) {
                BOOST_TEST(settings.find("<w:autoHyphenation w:val=\"false\"/>") != std::string::npos, settings);
                BOOST_TEST(settings.find("<w:defaultTabStop") < settings.find("<w:autoHyphenation"), settings);
            }
            nastavnik::docx::Package a(off_bytes, "a"), b(on_bytes, "b");
            for (const auto& name : a.entry_names()) {
                if (name != "word/settings.xml") BOOST_TEST(a.read(name) == b.read(name), name);
            }
        }
    }
    BOOST_TEST(documents == 35u);  // 24 documents and 11 questionnaires
    // A settings part without the property gets it; asking for what is already there changes
    // nothing.
    using namespace docx_test;
    const std::string bare = make_docx(p("текст"), {{"word/settings.xml", ZipEntry{w_part("settings",
                                                        "<w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/>"
                                                        "<w:characterSpacingControl w:val=\"doNotCompress\"/>")}}});
    BOOST_TEST(!nastavnik::generate::hyphenates(bare));
    const std::string on = nastavnik::generate::apply_document_settings(bare, {});
    BOOST_TEST(nastavnik::generate::hyphenates(on));
    BOOST_TEST(entry(on, "word/settings.xml").find("<w:defaultTabStop w:val=\"708\"/><w:autoHyphenation "
                                                   "w:val=\"true\"/><w:doNotHyphenateCaps/><w:characterSpacingControl") != std::string::npos,
               entry(on, "word/settings.xml"));
    BOOST_TEST(nastavnik::generate::apply_document_settings(on, {}) == on);
    // A file of version 1 does not know the field.
    std::string v1 = e2e::slurp(with_settings("hyphens-v1", R"({ "hyphenation": false })"));
    v1.replace(v1.find(nastavnik::data::organisation_format), std::strlen(nastavnik::data::organisation_format), "nastavnik.organisation/1");
    const auto v1_file = std::filesystem::path(NASTAVNIK_TEST_TMP) / "hyphens-v1.json";
    std::ofstream(v1_file, std::ios::binary) << v1;
    const auto old = e2e::nastavnik({"check", v1_file.string()});
    BOOST_TEST(old.exit_code == 2);
    BOOST_TEST(old.err.find("document_settings.hyphenation") != std::string::npos, old.err);
}

BOOST_AUTO_TEST_CASE(settings_output_is_reproducible) {
    const auto input = with_settings("repro", R"({ "font": "Times New Roman", "font_size": 12 })");
    const auto a = generate(input, "settings-repro-a"), b = generate(input, "settings-repro-b");
    BOOST_TEST(e2e::slurp(a / polozhenie) == e2e::slurp(b / polozhenie));
    BOOST_TEST(normal_rpr(part(a / polozhenie, "word/styles.xml")).find("<w:sz w:val=\"24\"/>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(libreoffice_prints_with_the_chosen_font) {
    const auto out = generate(with_settings("lo", R"({ "font": "PT Serif", "font_size": 12 })"), "settings-lo",
                              {"--only", "polozhenie"});
    const auto pdf_dir = std::filesystem::path(NASTAVNIK_TEST_TMP) / "settings-lo-pdf";
    std::filesystem::remove_all(pdf_dir);
    const auto conv = e2e::shell("cd " + e2e::quote(out.string()) + " && soffice --headless -env:UserInstallation=file://" +
                                 std::string(NASTAVNIK_TEST_TMP) + "/lo-profile --convert-to pdf --outdir " +
                                 e2e::quote(pdf_dir.string()) + " *.docx");
    BOOST_REQUIRE_MESSAGE(conv.exit_code == 0, conv.out);
    const auto fonts = e2e::shell("pdffonts " + e2e::quote((pdf_dir / "Положение о системе наставничества.pdf").string()));
    BOOST_TEST(fonts.out.find("PTSerif") != std::string::npos, fonts.out);
    BOOST_TEST(fonts.out.find("LiberationSerif") == std::string::npos, fonts.out);
}

BOOST_AUTO_TEST_CASE(our_pdf_prints_with_the_chosen_font) {
    const auto input = with_settings("pdf", R"({ "font": "PT Serif", "font_size": 12 })");
    const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / "settings-pdf";
    std::filesystem::remove_all(out);
    const auto run = e2e::nastavnik({"generate", input.string(), "--as-of", "2026-11-22", "--only", "polozhenie",
                                     "--format", "pdf", "--out", out.string()});
    BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto fonts = e2e::shell("pdffonts " + e2e::quote((out / "Положение о системе наставничества.pdf").string()));
    BOOST_TEST(fonts.out.find("PTSerif-Regular") != std::string::npos, fonts.out);
    BOOST_TEST(fonts.out.find("LiberationSerif") == std::string::npos, fonts.out);
}

// Every font the format offers prints in our PDF with its own face or, where Debian has none
// (Times New Roman, PT Astra Serif), with Liberation Serif, which has its widths — without a
// warning: the scripts install what is needed (scripts/install-deps.sh).
BOOST_AUTO_TEST_CASE(every_offered_font_prints_without_a_warning) {
    const nastavnik::data::Type* settings = nullptr;
    for (const auto& f : nastavnik::data::organisation_schema().fields) {
        if (f.key == "document_settings") settings = &f.type;
    }
    BOOST_REQUIRE(settings != nullptr);
    std::vector<std::string> offered;
    for (const auto& f : settings->fields) {
        if (f.key == "font") offered = f.type.values;
    }
    BOOST_REQUIRE(offered.size() >= 4u);
    // The face each offered font prints with on a machine set up by the scripts.
    const std::map<std::string, std::string> faces = {{"Liberation Serif", "LiberationSerif"},
                                                      {"PT Serif", "PTSerif"},
                                                      {"PT Astra Serif", "LiberationSerif"},
                                                      {"Times New Roman", "LiberationSerif"}};
    for (const auto& font : offered) {
        BOOST_REQUIRE_MESSAGE(faces.count(font) == 1, "a new offered font needs its package and its line here: " << font);
        std::string name = font;
        std::erase(name, ' ');
        const auto input = with_settings("font-" + name, R"({ "font": ")" + font + R"(" })");
        const auto out = std::filesystem::path(NASTAVNIK_TEST_TMP) / ("font-" + name);
        std::filesystem::remove_all(out);
        const auto run = e2e::nastavnik({"generate", input.string(), "--as-of", "2026-11-22", "--only", "polozhenie",
                                         "--format", "pdf", "--out", out.string()});
        BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.err);
        BOOST_TEST(run.err.find("шрифт") == std::string::npos, font << ": " << run.err);
        const auto fonts = e2e::shell("pdffonts " + e2e::quote((out / "Положение о системе наставничества.pdf").string()));
        // Where the font itself is installed (Windows fonts copied by hand, Astra Linux), it is used.
        const bool own = fonts.out.find(name) != std::string::npos;
        BOOST_TEST((own || fonts.out.find(faces.at(font)) != std::string::npos), font << ": " << fonts.out);
        BOOST_TEST(fonts.out.find("DejaVu") == std::string::npos, font << ": " << fonts.out);
    }
}

BOOST_AUTO_TEST_CASE(order_numbers_follow_the_organisation_format) {
    nastavnik::generate::DocumentSettings s;
    s.order_number_format = "{n}-од";
    BOOST_TEST(nastavnik::generate::format_order_number(s, "15") == "15-од");
    BOOST_TEST(nastavnik::generate::format_order_number(s, "________") == "________-од");
    BOOST_TEST(nastavnik::generate::format_order_number(s, "78-од") == "78-од");
    BOOST_TEST(nastavnik::generate::format_order_number(s, "12/3") == "12/3");
    s.order_number_format = "{n}";
    BOOST_TEST(nastavnik::generate::format_order_number(s, "15") == "15");

    const auto input = with_settings("numbers", R"({ "order_number_format": "{n}-од" })");
    const auto out = generate(input, "settings-numbers");
    // Recorded numbers stay (the pairs order of 08.09.2026 cites the Положение's order of 2022);
    // a number not yet assigned keeps the organisation's suffix (the Положение's new edition).
    const std::string pairs =
        nastavnik::docx::document_text(e2e::slurp(out / "Приказ о закреплении наставнических пар (групп).docx"));
    BOOST_TEST(pairs.find("утверждённым приказом от 31.08.2022 №\u00A078‑од") != std::string::npos, pairs);
    BOOST_TEST(nastavnik::docx::document_text(e2e::slurp(out / polozhenie)).find("от 22.11.2026 №\u00A0________-од") !=
               std::string::npos);
    const std::string report =
        nastavnik::docx::document_text(e2e::slurp(out / "Аналитическая справка о результатах мониторинга.docx"));
    BOOST_TEST(report.find("№\u00A0________-од") != std::string::npos, report);
    const auto given = generate(input, "settings-numbers-given", {"--only", "spravka", "--number", "15"});
    BOOST_TEST(nastavnik::docx::document_text(e2e::slurp(given / "Аналитическая справка о результатах мониторинга.docx"))
                   .find("№\u00A015‑од") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wrong_settings_are_input_errors_with_their_place) {
    const auto size = e2e::nastavnik({"check", with_settings("bad-size", R"({ "font_size": 16 })").string()});
    BOOST_TEST(size.exit_code == 2);
    BOOST_TEST(size.err.find(":2:") != std::string::npos, size.err);
    BOOST_TEST(size.err.find("document_settings.font_size") != std::string::npos, size.err);
    BOOST_TEST(size.err.find("одно из чисел: 12, 13, 14, получено число «16»") != std::string::npos, size.err);
    const auto font = e2e::nastavnik({"check", with_settings("bad-font", R"({ "font": "Arial" })").string()});
    BOOST_TEST(font.exit_code == 2);
    BOOST_TEST(font.err.find("«PT Astra Serif»") != std::string::npos, font.err);
    const auto edition = e2e::nastavnik({"check", with_settings("bad-ed", R"({ "gost_edition": 2025 })").string()});
    BOOST_TEST(edition.exit_code == 2);
    const auto format = e2e::nastavnik({"generate", with_settings("bad-format", R"({ "order_number_format": "од" })").string(),
                                        "--out", (std::filesystem::path(NASTAVNIK_TEST_TMP) / "bad-format").string()});
    BOOST_TEST(format.exit_code == 2);
    BOOST_TEST(format.err.find("document_settings.order_number_format") != std::string::npos, format.err);
    BOOST_TEST(format.err.find("«{n}» ровно один раз") != std::string::npos, format.err);
    BOOST_TEST(!std::filesystem::exists(std::filesystem::path(NASTAVNIK_TEST_TMP) / "bad-format" / polozhenie));
}

BOOST_AUTO_TEST_SUITE_END()
