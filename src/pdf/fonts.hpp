#pragma once
// Internal: font files for the names a document asks for (fontconfig, cached for the process)
// and their metrics (FreeType, per render). A font that is not installed is replaced by its
// metric-compatible free face where there is one (Times New Roman, PT Astra Serif → Liberation
// Serif), else by fontconfig's face for the name when it is of the font's kind (as LibreOffice
// prints it), else by Liberation Serif, Sans or Mono after its kind. A glyph the chosen font lacks
// comes from DejaVu, which covers Cyrillic, Latin and the usual symbols.

#include "pdf/model.hpp"
#include "pdf/warnings.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <map>
#include <set>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace nastavnik::pdf {

class Face {
public:
    Face(FT_Library lib, std::string path, int index, bool fake_bold);
    ~Face();
    Face(const Face&) = delete;
    Face& operator=(const Face&) = delete;

    [[nodiscard]] bool has(char32_t c) { return glyph(c).first != 0; }
    /// The glyph index in the font file (what Identity-H content streams carry).
    [[nodiscard]] unsigned glyph_id(char32_t c) { return glyph(c).first; }
    /// Advance width in ems.
    [[nodiscard]] double advance(char32_t c) { return glyph(c).second; }
    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] bool fake_bold() const noexcept { return fake_bold_; }
    /// The FreeType face, for shaping (pdf/shaping.cpp).
    [[nodiscard]] FT_Face ft() const noexcept { return face_; }
    // Vertical metrics in ems, as Word and LibreOffice use them for "single" line spacing (the
    // line gap folded into the ascent).
    double ascent = 0.9, descent = 0.2, line_gap = 0;
    /// Ascent (with the line gap) and descent of a line of this face at `size` pt, in points,
    /// rounded the way LibreOffice's Writer measures them (see fonts.cpp).
    struct LineMetrics {
        double ascent = 0, descent = 0;
    };
    [[nodiscard]] LineMetrics line(double size) const;
    double underline_position = -0.1, underline_thickness = 0.05;

private:
    FT_Face face_ = nullptr;
    std::string path_;
    bool fake_bold_ = false;
    double units_ = 1000;
    double text_ascent_ = 0.9, text_descent_ = 0.2, gap_ = 0;  // ems, the gap apart
    // Latin and Cyrillic in an array (the hash map costs as much as the rest of measuring).
    static constexpr char32_t direct = 0x500;
    std::vector<std::pair<unsigned, double>> direct_;
    std::vector<bool> known_;
    std::unordered_map<char32_t, std::pair<unsigned, double>> glyphs_;
    // Inline for the characters already measured: layout asks for every character of the
    // document twice (has the glyph? how wide?), and a call per question showed in profiles.
    const std::pair<unsigned, double>& glyph(char32_t c) {
        if (c < direct && !known_.empty() && known_[c]) return direct_[c];
        return measure(c);
    }
    const std::pair<unsigned, double>& measure(char32_t c);
};

/// The kind of a font by its name alone (for fonts a document does not declare): monospaced,
/// sans-serif or, for anything else, serif — what official documents are set in.
FontClass font_class_by_name(const std::string& family);

class FontResolver {
public:
    /// `declared`: the document's own font classes (its font table), which win over names.
    explicit FontResolver(Warnings& warnings, const std::map<std::string, FontClass>* declared = nullptr);
    ~FontResolver();
    FontResolver(const FontResolver&) = delete;
    FontResolver& operator=(const FontResolver&) = delete;

    /// The face for a document's font name and style; never null (fallbacks, with a warning).
    Face* face(const std::string& family, bool bold, bool italic);
    /// `primary` if it has the character, else the fallback face if that has it, else primary.
    /// Inline for the usual case: asked for every character of the document.
    Face* for_char(Face* primary, char32_t c, bool bold, bool italic) {
        if (primary->has(c) || c < 0x20) return primary;
        return fallback_for(primary, c, bold, italic);
    }
    /// One warning naming the characters no font had (a CJK document misses hundreds).
    void report_missing();

private:
    Warnings& warnings_;
    const std::map<std::string, FontClass>* declared_;
    std::map<std::string, Face*> by_request_;
    std::set<char32_t> missing_;           // characters no font has
    std::vector<char32_t> missing_order_;  // … in the order met, for the warning
    Face* open(const std::string& path, int index, bool fake_bold);
    Face* fallback_for(Face* primary, char32_t c, bool bold, bool italic);
};

}  // namespace nastavnik::pdf
