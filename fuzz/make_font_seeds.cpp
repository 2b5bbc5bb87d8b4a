// Seeds for the TrueType harness: subsets (the first 64 glyphs) of installed fonts, a few
// kilobytes each instead of the whole files (hundreds of KB slow every mutation down).
// usage: make_font_seeds OUTDIR FONT.ttf...

#include "nastavnik/core/error.hpp"
#include "pdf/truetype.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: make_font_seeds OUTDIR FONT.ttf...\n";
        return 2;
    }
    int made = 0;
    for (int i = 2; i < argc; ++i) {
        try {
            const auto font = nastavnik::pdf::TrueTypeFont::open(argv[i]);
            std::vector<std::uint16_t> glyphs;
            for (unsigned g = 0; g < std::min(font->glyph_count(), 64u); ++g) glyphs.push_back(static_cast<std::uint16_t>(g));
            std::ofstream(std::filesystem::path(argv[1]) / (std::filesystem::path(argv[i]).stem().string() + ".ttf"),
                          std::ios::binary)
                << font->subset(glyphs);
            ++made;
        } catch (const nastavnik::Error& e) {
            std::cerr << argv[i] << ": " << e.what() << "\n";
        }
    }
    return made > 0 ? 0 : 1;
}
