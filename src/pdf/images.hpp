#pragma once
// Internal: pictures of the document as PDF image streams, the way LibreOffice exports them by
// default — JPEG files kept as they are (DCTDecode), nothing finer than 300 dpi at the size the
// picture is printed, and a picture that has to be decoded (downsampled, transparent, a dense
// PNG photo) written as a JPEG at quality 90 where that is smaller than it lossless, else
// deflated with PNG predictors.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::pdf {

struct ImageStream {
    int width = 0, height = 0;  // pixels
    int bits = 8;
    int colors = 3;             // 1 gray, 3 RGB, 4 CMYK; indexed: 1 with a palette
    std::string palette;        // RGB triples: an /Indexed /DeviceRGB colour space
    bool dct = false;           // JPEG bytes (the file's or our encoding), else zlib data with a PNG predictor
    bool inverted_cmyk = false; // Adobe's CMYK JPEG: /Decode [1 0 1 0 1 0 1 0]
    std::string data;
    std::optional<std::string> alpha;  // zlib data of an 8-bit /SMask of the same size, with a predictor
    std::vector<int> masked;           // palette entries drawn transparent: a /Mask [i i …] colour key
};

/// The stream for a PNG or JPEG file printed at most `max_w` × `max_h` points; nullopt when
/// the file cannot be read. Larger than 300 dpi at that size: downsampled (PNG only). The same
/// bytes give the same stream on every machine.
std::optional<ImageStream> image_stream(const std::string& bytes, double max_w, double max_h);

}  // namespace nastavnik::pdf
