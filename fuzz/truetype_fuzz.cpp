// TrueType font files as the PDF writer reads them (a document names the font, fontconfig
// finds the file): parsed and indexed, glyph advances read, a subset made — and the subset
// must itself read back as a font with the glyphs used and their advances.

#include "common.hpp"

#include "nastavnik/core/error.hpp"
#include "pdf/truetype.hpp"

#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace nastavnik;
    try {
        const pdf::TrueTypeFont font(std::string(reinterpret_cast<const char*>(data), size), "fuzz.ttf");
        // The glyphs a document would use: the first few and some picked by the input's last bytes.
        std::vector<std::uint16_t> glyphs;
        const unsigned count = font.glyph_count();
        for (unsigned g = 0; g < std::min(count, 8u); ++g) glyphs.push_back(static_cast<std::uint16_t>(g));
        for (size_t i = size >= 16 ? size - 16 : 0; i + 1 < size && count > 0; i += 2) {
            glyphs.push_back(static_cast<std::uint16_t>((data[i] << 8 | data[i + 1]) % count));
        }
        const std::string subset = font.subset(glyphs);
        // The subset is a font of its own: glyph ids up to the last one used, each used glyph
        // with its advance.
        const pdf::TrueTypeFont again(subset, "subset.ttf");
        if (again.glyph_count() > count) std::abort();
        for (auto g : glyphs) {
            if (g >= again.glyph_count() || again.advance(g) != font.advance(g)) std::abort();
        }
    } catch (const Error&) {
    }
    return 0;
}
