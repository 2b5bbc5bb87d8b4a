#pragma once
// Internal: a TrueType font file read and indexed once per process, and the subsets embedded
// into PDFs. PoDoFo 0.9 re-read the whole file and rebuilt its tables for every document
// (a third of the time of a one-page document); here the file is parsed once, shared
// read-only between threads, and a subset only copies the outlines a document uses.

#include <cstdint>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

namespace nastavnik::pdf {

class TrueTypeFont {
public:
    /// The font at `path`, read once per process. Throws Error when the file is not a
    /// TrueType font we can subset (CFF outlines, collections, damaged tables).
    static std::shared_ptr<const TrueTypeFont> open(const std::string& path);

    explicit TrueTypeFont(std::string bytes, const std::string& path);

    /// A font program holding the outlines of `glyphs` (and of the glyphs they are composed
    /// of) under their original ids, so content streams keep the ids of the full font
    /// (/CIDToGIDMap /Identity). Tables a PDF viewer does not read (name, kern, GSUB…) are left out.
    [[nodiscard]] std::string subset(const std::vector<std::uint16_t>& glyphs) const;

    /// Advance width of a glyph in thousandths of an em, as /W carries it.
    [[nodiscard]] double advance(std::uint16_t glyph) const;
    [[nodiscard]] unsigned glyph_count() const noexcept { return glyph_count_; }
    /// PostScript name (name id 6), reduced to characters allowed in a PDF name.
    [[nodiscard]] const std::string& postscript_name() const noexcept { return postscript_name_; }

    // For the font descriptor, in thousandths of an em.
    double ascent = 0, descent = 0, cap_height = 0, italic_angle = 0;
    double bbox[4] = {0, 0, 0, 0};

private:
    struct Table {
        std::uint32_t offset = 0, length = 0;
    };
    std::string bytes_;
    std::string postscript_name_;
    unsigned glyph_count_ = 0;
    unsigned units_per_em_ = 1000;
    unsigned long_metrics_ = 0;
    Table head_, hhea_, maxp_, hmtx_, glyf_, os2_, cvt_, fpgm_, prep_;
    std::vector<std::uint32_t> loca_;  // glyph_count_ + 1 offsets into glyf

    [[nodiscard]] std::string_view table(const Table& t) const { return std::string_view(bytes_).substr(t.offset, t.length); }
    [[nodiscard]] std::string_view outline(std::uint16_t glyph) const;
    [[nodiscard]] std::int16_t left_bearing(std::uint16_t glyph) const;
};

}  // namespace nastavnik::pdf
