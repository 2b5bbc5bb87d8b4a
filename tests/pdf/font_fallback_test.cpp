// A font the machine lacks is replaced by a face of its own kind — fontconfig's face for the name
// when it is of that kind (what LibreOffice prints with: DejaVu on Debian), else Liberation Serif,
// Sans or Mono — and the warning names both fonts. The kind comes from the document's font
// table (w:family, PANOSE), else from the name.
// Fonts with a metric-compatible free face (Times New Roman, PT Astra Serif) take it silently.

#include "pdf/fonts.hpp"
#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <tuple>

using nastavnik::pdf::FontClass;
using pdf_test::docx;
using pdf_test::para;
using docx_test::ZipEntry;

namespace {

std::string fonts_rpr(const std::string& name) {
    return "<w:rFonts w:ascii=\"" + name + "\" w:hAnsi=\"" + name + "\"/>";
}

std::string font_table(const std::string& fonts) {
    return "<?xml version=\"1.0\"?><w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" +
           fonts + "</w:fonts>";
}

const std::string font_table_rel =
    "<Relationship Id=\"rF\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable\" "
    "Target=\"fontTable.xml\"/>";

std::string pdffonts(const std::string& pdf) { return pdf_test::on_pdf(pdf, "pdffonts {}").out; }

bool installed(const std::string& family) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    FcObjectSet* objects = FcObjectSetBuild(FC_FAMILY, nullptr);
    FcFontSet* found = FcFontList(nullptr, pattern, objects);
    const bool any = found != nullptr && found->nfont > 0;
    if (found != nullptr) FcFontSetDestroy(found);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    return any;
}

// The family fontconfig answers for `name` (what LibreOffice takes for a font not installed).
std::string fc_answer(const std::string& name) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(name.c_str()));
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* found = FcFontMatch(nullptr, pattern, &result);
    std::string family;
    FcChar8* s = nullptr;
    if (found != nullptr && FcPatternGetString(found, FC_FAMILY, 0, &s) == FcResultMatch) family = reinterpret_cast<const char*>(s);
    if (found != nullptr) FcPatternDestroy(found);
    FcPatternDestroy(pattern);
    return family;
}

std::string warnings_of(const nastavnik::pdf::RenderResult& r) {
    std::string all;
    for (const auto& w : r.warnings) all += w.message + "\n";
    return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(font_fallback)

BOOST_AUTO_TEST_CASE(the_kind_of_a_font_by_its_name) {
    using nastavnik::pdf::font_class_by_name;
    BOOST_TEST((font_class_by_name("PT Serif") == FontClass::serif));
    BOOST_TEST((font_class_by_name("Georgia") == FontClass::serif));
    BOOST_TEST((font_class_by_name("Palatino Linotype") == FontClass::serif));
    BOOST_TEST((font_class_by_name("Book Antiqua") == FontClass::serif));
    BOOST_TEST((font_class_by_name("PT Sans") == FontClass::sans));
    BOOST_TEST((font_class_by_name("Microsoft Sans Serif") == FontClass::sans));
    BOOST_TEST((font_class_by_name("Verdana") == FontClass::sans));
    BOOST_TEST((font_class_by_name("Nonexistent Grotesk") == FontClass::sans));
    BOOST_TEST((font_class_by_name("PT Mono") == FontClass::mono));
    BOOST_TEST((font_class_by_name("Lucida Console") == FontClass::mono));
    BOOST_TEST((font_class_by_name("Consolas") == FontClass::mono));
}

BOOST_AUTO_TEST_CASE(each_kind_falls_back_to_a_face_of_its_kind) {
    // Fontconfig answers a name it does not know with its default sans face (DejaVu Sans):
    // taken for a sans font, as LibreOffice does; a serif or monospaced one gets Liberation's
    // face of its kind, never the sans face.
    BOOST_REQUIRE(fc_answer("Nonexistent Grotesk") == "DejaVu Sans");
    struct Case {
        std::string font, face, kind;
    };
    for (const Case& c : {Case{"Nonexistent Antiqua", "LiberationSerif", "с засечками"},
                          Case{"Nonexistent Grotesk", "DejaVuSans", "без засечек"},
                          Case{"Nonexistent Mono", "LiberationMono", "моноширинный"}}) {
        const auto r = pdf_test::render(docx(para("Текст шрифтом, которого нет", "", fonts_rpr(c.font))));
        const std::string w = warnings_of(r);
        BOOST_TEST(w.find("шрифт «" + c.font + "» не установлен: вместо него использован «" +
                          std::string(c.face == "LiberationSerif" ? "Liberation Serif"
                                      : c.face == "DejaVuSans"      ? "DejaVu Sans"
                                                                    : "Liberation Mono") +
                          "» (" + (c.kind == "моноширинный" ? "моноширинный шрифт" : "шрифт " + c.kind) + ")") !=
                       std::string::npos,
                   w);
        if (!pdf_test::have("pdffonts")) continue;
        const std::string fonts = pdffonts(r.pdf);
        BOOST_TEST(fonts.find(c.face) != std::string::npos, c.font << ": " << fonts);
        if (c.face != "DejaVuSans") BOOST_TEST(fonts.find("DejaVu") == std::string::npos, c.font << ": " << fonts);
    }
}

BOOST_AUTO_TEST_CASE(a_font_fontconfig_knows_prints_with_its_answer_as_in_libreoffice) {
    // Calibri and Cambria, the defaults of Word since 2007, without their metric twins Carlito
    // and Caladea: fontconfig knows Calibri as sans and Cambria as serif and answers DejaVu Sans
    // and DejaVu Serif, which LibreOffice prints them with. Liberation Sans, narrower, set a
    // Word sample's lines a word longer than LibreOffice's (text similarity 0.50, a page fewer).
    for (const auto& [font, twin, answer] : {std::tuple<std::string, std::string, std::string>{"Calibri", "Carlito", "DejaVu Sans"},
                                              {"Cambria", "Caladea", "DejaVu Serif"}}) {
        if (installed(font) || installed(twin)) continue;
        BOOST_REQUIRE(fc_answer(font) == answer);
        const auto r = pdf_test::render(docx(para("Текст", "", fonts_rpr(font))));
        BOOST_TEST(warnings_of(r).find("«" + font + "» не установлен: вместо него использован «" + answer + "»") != std::string::npos,
                   warnings_of(r));
        if (!pdf_test::have("pdffonts")) continue;
        std::string face = answer;
        face.erase(std::remove(face.begin(), face.end(), ' '), face.end());
        BOOST_TEST(pdffonts(r.pdf).find(face) != std::string::npos, font << ": " << pdffonts(r.pdf));
    }
}

BOOST_AUTO_TEST_CASE(the_font_table_says_the_kind) {
    // A name that reads as sans, declared serif by w:family; another declared by PANOSE only
    // (Latin text, serif style 2 — "Cove"); a third, monospaced by PANOSE proportion 9.
    const std::string table = font_table(
        "<w:font w:name=\"Sans Antiqua X\"><w:family w:val=\"roman\"/></w:font>"
        "<w:font w:name=\"Panose Serif X\"><w:panose1 w:val=\"02020603050405020304\"/><w:family w:val=\"auto\"/></w:font>"
        "<w:font w:name=\"Panose Fixed X\"><w:panose1 w:val=\"02070309020205020404\"/></w:font>"
        "<w:font w:name=\"Swiss X\"><w:family w:val=\"swiss\"/></w:font>");
    const std::string body = para("Первый", "", fonts_rpr("Sans Antiqua X")) + para("Второй", "", fonts_rpr("Panose Serif X")) +
                             para("Третий", "", fonts_rpr("Panose Fixed X")) + para("Четвёртый", "", fonts_rpr("Swiss X"));
    const auto r = pdf_test::render(docx(body, {{"word/fontTable.xml", ZipEntry{table}}}, "<w:sectPr/>", font_table_rel));
    const std::string w = warnings_of(r);
    BOOST_TEST(w.find("«Sans Antiqua X» не установлен: вместо него использован «Liberation Serif»") != std::string::npos, w);
    BOOST_TEST(w.find("«Panose Serif X» не установлен: вместо него использован «Liberation Serif»") != std::string::npos, w);
    BOOST_TEST(w.find("«Panose Fixed X» не установлен: вместо него использован «Liberation Mono»") != std::string::npos, w);
    BOOST_TEST(w.find("«Swiss X» не установлен: вместо него использован «DejaVu Sans»") != std::string::npos, w);

    // A damaged font table costs only the declared kinds: the document still prints.
    const auto damaged = pdf_test::render(docx(para("Текст", "", fonts_rpr("Sans Antiqua X")),
                                               {{"word/fontTable.xml", ZipEntry{"<w:fonts"}}}, "<w:sectPr/>", font_table_rel));
    BOOST_TEST(damaged.pages == 1);
    BOOST_TEST(warnings_of(damaged).find("таблица шрифтов не прочитана") != std::string::npos, warnings_of(damaged));
    BOOST_TEST(warnings_of(damaged).find("использован «DejaVu Sans»") != std::string::npos, warnings_of(damaged));
}

BOOST_AUTO_TEST_CASE(metric_twins_replace_silently) {
    // Debian cannot ship Times New Roman, and PT Astra Serif is not packaged: both print with
    // Liberation Serif, which has their widths, and that is expected (docs/PDF.md).
    for (const std::string font : {"Times New Roman", "PT Astra Serif"}) {
        const auto r = pdf_test::render(docx(para("Текст", "", fonts_rpr(font))));
        BOOST_TEST(warnings_of(r).empty(), font << ": " << warnings_of(r));
        if (!pdf_test::have("pdffonts")) continue;
        const std::string own = font == "Times New Roman" ? "TimesNewRoman" : "PTAstraSerif";
        const std::string expected = installed(font) ? own : "LiberationSerif";
        BOOST_TEST(pdffonts(r.pdf).find(expected) != std::string::npos, font << ": " << pdffonts(r.pdf));
    }
}

BOOST_AUTO_TEST_SUITE_END()
