#pragma once
// Internal: Arabic and Hebrew words shaped with HarfBuzz — contextual letter forms, ligatures
// and marks from the font's own tables, glyphs in visual (left to right) order.

#include "pdf/fonts.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace nastavnik::pdf {

struct Shaped {
    std::vector<std::uint16_t> glyphs;  // visual order
    std::u32string chars;               // per glyph, the first character of its cluster (ToUnicode)
    double advance = 0;                 // the whole run, in ems
};

/// A right-to-left run of `text` in `face`; empty glyphs when the font cannot be read.
Shaped shape_rtl(Face& face, const std::u32string& text);

}  // namespace nastavnik::pdf
