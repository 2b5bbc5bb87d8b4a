#include "pdf/shaping.hpp"

#include <hb-ft.h>
#include <hb.h>

namespace nastavnik::pdf {

Shaped shape_rtl(Face& face, const std::u32string& text) {
    Shaped out;
    if (face.ft() == nullptr || text.empty()) return out;
    // A face and font per run: right-to-left text is rare in our documents, and HarfBuzz's
    // objects then never outlive the FreeType face they read.
    hb_face_t* hf = hb_ft_face_create_referenced(face.ft());
    hb_font_t* font = hb_font_create(hf);
    const unsigned upem = hb_face_get_upem(hf);
    hb_font_set_scale(font, static_cast<int>(upem), static_cast<int>(upem));
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(text.data()), static_cast<int>(text.size()), 0,
                        static_cast<int>(text.size()));
    hb_buffer_set_direction(buf, HB_DIRECTION_RTL);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(font, buf, nullptr, 0);
    unsigned n = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
    double total = 0;
    for (unsigned i = 0; i < n; ++i) {
        out.glyphs.push_back(static_cast<std::uint16_t>(info[i].codepoint));
        out.chars.push_back(info[i].cluster < text.size() ? text[info[i].cluster] : U' ');
        total += pos[i].x_advance;
    }
    out.advance = upem > 0 ? total / upem : 0;
    hb_buffer_destroy(buf);
    hb_font_destroy(font);
    hb_face_destroy(hf);
    return out;
}

}  // namespace nastavnik::pdf
