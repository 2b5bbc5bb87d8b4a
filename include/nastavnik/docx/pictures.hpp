#pragma once
// Pictures filled from data: a template holds a placeholder picture whose alternative text
// (Word: «Замещающий текст»; wp:docPr/@descr) is "chart:NAME"; the filled document carries
// the image NAME in its place, at the size the template gave it (docs/CONTRACTS.md §4).

#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace nastavnik::docx {

/// Replaces the image data of every "chart:NAME" picture with images.at(NAME) (PNG bytes).
/// Throws Error(template_invalid) naming the document if a picture names an image that is not
/// given, or an image is given that no picture names (a chart silently left out is a bug).
std::string replace_pictures(const std::string& docx_bytes, const std::map<std::string, std::string>& images,
                             const std::string& display_name);

/// Width and height in pixels from a PNG's or a JPEG's header, without decoding it; {0, 0} if
/// the bytes are neither.
std::pair<unsigned long, unsigned long> image_pixel_size(std::string_view bytes);

}  // namespace nastavnik::docx
