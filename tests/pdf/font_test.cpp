// Font subsets we embed ourselves: read back with FreeType (the same outlines and widths
// under the same glyph ids), composite glyphs with their components, damaged font files
// refused with an error, and text whose glyph codes need escaping copies back exactly.

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "pdf/fonts.hpp"
#include "pdf/pdf_tools.hpp"
#include "pdf/truetype.hpp"

#include <boost/test/unit_test.hpp>

#include FT_OUTLINE_H

#include <fstream>
#include <set>

using nastavnik::pdf::TrueTypeFont;

namespace {

struct Library {
    FT_Library lib = nullptr;
    Library() { FT_Init_FreeType(&lib); }
    ~Library() { FT_Done_FreeType(lib); }
};

struct MemoryFace {
    std::string bytes;  // FreeType reads from it for the face's lifetime
    FT_Face face = nullptr;
    MemoryFace(FT_Library lib, std::string font) : bytes(std::move(font)) {
        FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()), static_cast<FT_Long>(bytes.size()), 0, &face);
    }
    ~MemoryFace() {
        if (face != nullptr) FT_Done_Face(face);
    }
};

struct Points {
    int contours = -1, points = -1;
    long advance = -1;
};

Points load(FT_Face face, unsigned gid) {
    Points p;
    if (FT_Load_Glyph(face, gid, FT_LOAD_NO_SCALE) != 0) return p;
    p.contours = face->glyph->outline.n_contours;
    p.points = face->glyph->outline.n_points;
    p.advance = face->glyph->metrics.horiAdvance;
    return p;
}

struct Liberation {
    nastavnik::pdf::Warnings warnings{""};
    nastavnik::pdf::FontResolver fonts{warnings};
    nastavnik::pdf::Face* face = fonts.face("Liberation Serif", false, false);
};

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(s[at + static_cast<std::size_t>(k)]);
    return v;
}
void set_be32(std::string& s, std::size_t at, std::uint32_t v) {
    for (int k = 3; k >= 0; --k, v >>= 8) s[at + static_cast<std::size_t>(k)] = static_cast<char>(v & 0xFF);
}
std::uint16_t be16(const std::string& s, std::size_t at) {
    return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

/// Offset of the table directory record of `tag` in a TrueType file (0 if absent).
std::size_t table_record(const std::string& font, const char* tag) {
    for (std::size_t i = 0, n = be16(font, 4); i < n; ++i) {
        if (font.compare(12 + 16 * i, 4, tag) == 0) return 12 + 16 * i;
    }
    return 0;
}

std::string write_tmp(const std::string& name, const std::string& bytes) {
    const auto file = pdf_test::tmp_dir() / name;
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_fonts)

BOOST_AUTO_TEST_CASE(a_subset_keeps_the_outlines_and_widths_of_its_glyphs_under_their_ids) {
    Liberation lib;
    const auto font = TrueTypeFont::open(lib.face->path());
    BOOST_TEST(font->postscript_name() == "LiberationSerif");
    const std::u32string text = U"Наставник №1";
    std::set<std::uint16_t> used;
    for (char32_t c : text) used.insert(static_cast<std::uint16_t>(lib.face->glyph_id(c)));
    const std::string program = font->subset(std::vector<std::uint16_t>(used.begin(), used.end()));
    BOOST_TEST(program.size() < 60000u);  // the full file is about 400 KB

    Library ft;
    MemoryFace original(ft.lib, nastavnik::read_file(lib.face->path(), 64u << 20));
    MemoryFace sub(ft.lib, program);
    BOOST_REQUIRE(sub.face != nullptr);
    BOOST_TEST(sub.face->num_glyphs == static_cast<long>(*used.rbegin()) + 1);
    for (std::uint16_t g : used) {
        const Points a = load(original.face, g), b = load(sub.face, g);
        BOOST_TEST(b.contours == a.contours, "glyph " << g);
        BOOST_TEST(b.points == a.points, "glyph " << g);
        BOOST_TEST(b.advance == a.advance, "glyph " << g);
        BOOST_TEST(font->advance(g) == a.advance * 1000.0 / original.face->units_per_EM);
    }
    // A glyph that was not asked for is there as an empty outline: ids do not move.
    const unsigned other = lib.face->glyph_id(U'Ж');
    BOOST_REQUIRE(used.count(static_cast<std::uint16_t>(other)) == 0);
    BOOST_REQUIRE(other < static_cast<unsigned>(sub.face->num_glyphs));
    BOOST_TEST(load(sub.face, other).points == 0);
    BOOST_TEST(load(original.face, other).points > 0);
}

BOOST_AUTO_TEST_CASE(composite_glyphs_bring_their_components) {
    Liberation lib;
    const auto font = TrueTypeFont::open(lib.face->path());
    Library ft;
    MemoryFace original(ft.lib, nastavnik::read_file(lib.face->path(), 64u << 20));
    // Find letters drawn from other glyphs (Ё, й, accented Latin) in this font.
    int composites = 0;
    for (char32_t c : std::u32string(U"ЁёЙйÀÉÖüñ")) {
        const unsigned g = lib.face->glyph_id(c);
        if (FT_Load_Glyph(original.face, g, FT_LOAD_NO_SCALE | FT_LOAD_NO_RECURSE) != 0) continue;
        if (original.face->glyph->format != FT_GLYPH_FORMAT_COMPOSITE) continue;
        ++composites;
        MemoryFace sub(ft.lib, font->subset({static_cast<std::uint16_t>(g)}));
        BOOST_REQUIRE(sub.face != nullptr);
        const Points a = load(original.face, g), b = load(sub.face, g);
        BOOST_TEST(a.points > 0);
        BOOST_TEST(b.points == a.points, "U+" << std::hex << static_cast<unsigned>(c));
    }
    BOOST_TEST(composites > 0, "no composite glyph among the letters tried: the test proves nothing");
}

BOOST_AUTO_TEST_CASE(damaged_and_foreign_font_files_are_errors) {
    Liberation lib;
    const std::string good = nastavnik::read_file(lib.face->path(), 64u << 20);
    const auto not_a_font = write_tmp("not-a-font.ttf", "это не шрифт, а текст");
    BOOST_CHECK_THROW(TrueTypeFont(nastavnik::read_file(not_a_font, 1000), not_a_font), nastavnik::Error);
    for (std::size_t cut : {std::size_t{11}, std::size_t{200}, good.size() / 2}) {
        const std::string part = good.substr(0, cut);
        BOOST_CHECK_THROW(TrueTypeFont(part, "cut.ttf"), nastavnik::Error);
    }
    try {
        TrueTypeFont(std::string("OTTO") + good.substr(4), "cff.otf");
        BOOST_FAIL("a CFF font was accepted");
    } catch (const nastavnik::Error& e) {
        BOOST_TEST(std::string(e.what()).find("cff.otf") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(the_first_font_of_a_collection_is_read) {
    // A .ttc of one font: a 16-byte collection header in front, table offsets moved by 16.
    Liberation lib;
    const std::string single = nastavnik::read_file(lib.face->path(), 64u << 20);
    std::string ttc = std::string("ttcf") + std::string("\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10", 12) + single;
    for (std::size_t i = 0, n = be16(single, 4); i < n; ++i) {
        const std::size_t rec = 16 + 12 + 16 * i;
        set_be32(ttc, rec + 8, be32(ttc, rec + 8) + 16);
    }
    const TrueTypeFont from_ttc(ttc, "collection.ttc");
    const auto plain = TrueTypeFont::open(lib.face->path());
    BOOST_TEST(from_ttc.glyph_count() == plain->glyph_count());
    BOOST_TEST(from_ttc.postscript_name() == plain->postscript_name());
    const auto a = static_cast<std::uint16_t>(lib.face->glyph_id(U'Я'));
    BOOST_TEST(from_ttc.advance(a) == plain->advance(a));
    BOOST_TEST(from_ttc.subset({a}) == plain->subset({a}));
}

BOOST_AUTO_TEST_CASE(inconsistent_tables_are_errors_not_reads_out_of_bounds) {
    Liberation lib;
    const std::string good = nastavnik::read_file(lib.face->path(), 64u << 20);
    // loca running backwards
    std::string bad = good;
    const std::size_t loca = table_record(bad, "loca");
    BOOST_REQUIRE(loca != 0);
    const std::size_t at = be32(bad, loca + 8);
    const bool long_offsets = be16(bad, be32(bad, table_record(bad, "head") + 8) + 50) != 0;
    if (long_offsets) set_be32(bad, at + 4 * 10, 0xFFFFFFF0u);
    else bad[at + 2 * 10] = bad[at + 2 * 10 + 1] = static_cast<char>(0xFF);
    BOOST_CHECK_THROW(TrueTypeFont(bad, "loca.ttf"), nastavnik::Error);
    // hmtx shorter than its glyphs need
    bad = good;
    const std::size_t hmtx = table_record(bad, "hmtx");
    BOOST_REQUIRE(hmtx != 0);
    set_be32(bad, hmtx + 12, 8);
    BOOST_CHECK_THROW(TrueTypeFont(bad, "hmtx.ttf"), nastavnik::Error);
    // a table said to run past the end of the file
    bad = good;
    set_be32(bad, table_record(bad, "glyf") + 12, static_cast<std::uint32_t>(good.size()));
    BOOST_CHECK_THROW(TrueTypeFont(bad, "glyf.ttf"), nastavnik::Error);
}

BOOST_AUTO_TEST_CASE(text_whose_glyph_codes_need_escaping_copies_back_exactly) {
    // Glyph ids are written as two raw bytes in literal strings: bytes that are '(' ')' '\'
    // or CR must be escaped. The text below makes sure all four occur.
    const std::string text =
        "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя "
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 ()[]{}\\/.,;:!?«»—–№%&@#$*+=<>~^_|'\"";
    Liberation lib;
    std::set<unsigned> bytes;
    std::u32string wide;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        char32_t cp = c;
        int len = 1;
        if (c >= 0xE0) cp = c & 0x0F, len = 3;
        else if (c >= 0xC0) cp = c & 0x1F, len = 2;
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += len;
        const unsigned g = lib.face->glyph_id(cp);
        bytes.insert(g >> 8);
        bytes.insert(g & 0xFF);
    }
    for (unsigned b : {0x0Du, 0x28u, 0x29u, 0x5Cu}) BOOST_REQUIRE_MESSAGE(bytes.count(b) == 1, "no glyph code byte " << b);
    const auto doc = pdf_test::render(pdf_test::docx(pdf_test::para(
        "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCDEFGHIJKLMNOPQRSTUVWXYZ "
        "abcdefghijklmnopqrstuvwxyz 0123456789 ()[]{}\\/.,;:!?«»—–№%@#$*+=~^_|'",
        "", "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/>")));
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(pdf_test::page_text(doc.pdf, 1) ==
               "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя ABCDEFGHIJKLMNOPQRSTUVWXYZ "
               "abcdefghijklmnopqrstuvwxyz 0123456789 ()[]{}\\/.,;:!?«»—–№%@#$*+=~^_|' ");
    if (pdf_test::have("qpdf")) BOOST_TEST(pdf_test::on_pdf(doc.pdf, "qpdf --check {}").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(two_fonts_with_the_same_glyph_ids_get_different_subset_tags) {
    // Liberation Serif and Sans number their glyphs alike: the same text gives the same ids.
    const auto r = pdf_test::render(pdf_test::docx(
        pdf_test::para("Наставник", "", "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/>") +
        pdf_test::para("Наставник", "", "<w:rFonts w:ascii=\"Liberation Sans\" w:hAnsi=\"Liberation Sans\"/>")));
    if (!pdf_test::have("pdffonts")) return;
    const std::string fonts = pdf_test::on_pdf(r.pdf, "pdffonts {}").out;
    std::set<std::string> tags;
    std::istringstream lines(fonts);
    for (std::string line; std::getline(lines, line);) {
        if (line.size() > 7 && line[6] == '+') tags.insert(line.substr(0, 6));
    }
    BOOST_TEST(tags.size() == 2u, fonts);
}

BOOST_AUTO_TEST_CASE(characters_beyond_the_bmp_copy_back_and_missing_ones_are_reported) {
    // 𝔸 (U+1D538) is in DejaVu Sans, not in Liberation Serif; 𝐀 (U+1D400) is in neither.
    const auto r = pdf_test::render(pdf_test::docx(
        pdf_test::para("Множество 𝔸 и буква 𝐀", "", "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/>")));
    bool reported = false;
    for (const auto& w : r.warnings) reported = reported || w.message.find("«𝐀» (U+1D400) нет ни в шрифте документа") != std::string::npos;
    BOOST_TEST(reported);
    if (!pdf_test::have("pdftotext")) return;
    const auto raw = pdf_test::on_pdf(r.pdf, "pdftotext -raw -enc UTF-8 {} -").out;
    BOOST_TEST(raw.find("Множество 𝔸 и буква") != std::string::npos, raw);
}

BOOST_AUTO_TEST_CASE(characters_no_font_has_are_named_in_one_warning) {
    // Twelve mathematical bold capitals (U+1D400…U+1D40B), in no installed font: one warning
    // names the first ten and counts the rest (a CJK document without a CJK font gave hundreds).
    std::u32string letters;
    for (char32_t c = 0x1D400; c < 0x1D40C; ++c) letters += c;
    const auto r = pdf_test::render(pdf_test::docx(pdf_test::para("Буквы " + nastavnik::text::to_utf8(letters), "",
                                                                  "<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\"/>")));
    int count = 0;
    std::string message;
    for (const auto& w : r.warnings) {
        if (w.message.find("нет ни в шрифте документа") == std::string::npos) continue;
        ++count;
        message = w.message;
    }
    BOOST_TEST(count == 1);
    BOOST_TEST(message.find("символов «𝐀» (U+1D400), «𝐁» (U+1D401)") == 0, message);
    BOOST_TEST(message.find("и ещё 2 нет ни в шрифте документа") != std::string::npos, message);
}

BOOST_AUTO_TEST_CASE(a_subset_kept_from_an_earlier_document_gives_the_same_bytes) {
    // Subsets are cached per process: a document rendered again after others (its subsets
    // now come from the cache) is byte-identical to its first rendering.
    const std::string a = pdf_test::docx(pdf_test::para("Приказ об утверждении Положения о наставничестве", "", "<w:b/>") +
                                         pdf_test::para("Утвердить Положение."));
    const std::string b = pdf_test::docx(pdf_test::para("Совсем другой текст: щука, ёж, эхо — 12345", "", "<w:i/>"));
    const auto first = pdf_test::render(a);
    const auto other = pdf_test::render(b);
    const auto again = pdf_test::render(a);  // its subsets now come from the cache
    BOOST_TEST(first.pdf == again.pdf);
    BOOST_TEST(first.pdf != other.pdf);
    // Seventy documents with other glyph sets push a's subsets out of the cache (64 kept):
    // made afresh, they are the same bytes as the cached ones.
    const std::u32string letters = U"абвгдежз";
    for (unsigned i = 1; i <= 70; ++i) {
        std::u32string word;
        for (unsigned bit = 0; bit < letters.size(); ++bit) {
            if ((i >> bit) & 1u) word += letters[bit];
        }
        (void)pdf_test::render(pdf_test::docx(pdf_test::para(nastavnik::text::to_utf8(word))));
    }
    const auto fresh = pdf_test::render(a);
    BOOST_TEST(first.pdf == fresh.pdf);
    if (!pdf_test::have("pdftotext")) return;
    BOOST_TEST(pdf_test::page_text(again.pdf, 1) == "Приказ об утверждении Положения о наставничестве Утвердить Положение. ");
}

BOOST_AUTO_TEST_SUITE_END()
