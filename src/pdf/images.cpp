#include "pdf/images.hpp"

#include "pdf/bounded_cache.hpp"

#include <libdeflate.h>
#include <png.h>

#include <csetjmp>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <cstdio>  // jpeglib.h needs FILE
#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

namespace nastavnik::pdf {

namespace {

// A picture of more pixels than this is a damaged or hostile file (a 10 000 × 10 000 photo is
// 100 million): not decoded.
constexpr std::uint64_t max_pixels = 120'000'000;
constexpr double max_dpi = 300;

/// Allocates without zeroing: the buffers of a picture (tens of megabytes for a large one) are
/// written whole right after; zeroing them first was a twentieth of a picture's time.
template <class T>
struct Uninitialised : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = Uninitialised<U>;
    };
    Uninitialised() = default;
    template <class U>
    Uninitialised(const Uninitialised<U>&) noexcept {}
    template <class U, class... Args>
    void construct(U* p, Args&&... args) {
        if constexpr (sizeof...(Args) == 0) {
            ::new (static_cast<void*>(p)) U;
        } else {
            ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
        }
    }
};
using Bytes = std::vector<unsigned char, Uninitialised<unsigned char>>;

std::uint32_t be32(const std::string& b, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8) | static_cast<unsigned char>(b[at + 3]);
}

/// zlib data at a level that packs pictures well (LibreOffice's export deflates them at its
/// default level too). libdeflate's 5: this deflating is a sixth of the corpus's CPU time,
/// and the corpus takes 1.5–2.5 % less CPU at 5 than at 6 for 0.1 % more bytes (at 4, 0.7 %
/// more: past LibreOffice's PDFs by more than 6 %).
std::string deflate(const Bytes& in) {
    struct Compressor {
        libdeflate_compressor* c = libdeflate_alloc_compressor(5);
        ~Compressor() { libdeflate_free_compressor(c); }
    };
    thread_local Compressor z;
    if (z.c == nullptr) return {};
    Bytes out(libdeflate_zlib_compress_bound(z.c, in.size()));
    const std::size_t size = libdeflate_zlib_compress(z.c, in.data(), in.size(), out.data(), out.size());
    return {reinterpret_cast<const char*>(out.data()), size};
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/// One row filtered with PNG filter `F` into `out`. A loop of its own for each filter: the
/// compiler vectorises them.
template <int F>
void filter_row(const unsigned char* cur, const unsigned char* up, std::size_t row, std::size_t channels, unsigned char* out) {
    const std::size_t head = std::min(channels, row);
    for (std::size_t i = 0; i < head; ++i) {  // no pixel to the left: a = c = 0
        const int pred = F == 0 || F == 1 ? 0 : F == 3 ? up[i] / 2 : up[i];
        out[i] = static_cast<unsigned char>(cur[i] - pred);
    }
    for (std::size_t i = head; i < row; ++i) {
        int pred = 0;
        if constexpr (F == 1) pred = cur[i - channels];
        else if constexpr (F == 2) pred = up[i];
        else if constexpr (F == 3) pred = (cur[i - channels] + up[i]) / 2;
        else if constexpr (F == 4) pred = paeth(cur[i - channels], up[i], up[i - channels]);
        out[i] = static_cast<unsigned char>(cur[i] - pred);
    }
}

/// libpng's measure of how well bytes `from`…`to` of a row will compress under each filter:
/// the sum of the absolute values of the filtered bytes.
void filter_costs(const unsigned char* cur, const unsigned char* up, std::size_t from, std::size_t to, std::size_t channels,
                  std::uint32_t (&sums)[5]) {
    auto cost = [](int v) {
        const auto b = static_cast<unsigned char>(v);
        return b < 128 ? b : 256u - b;
    };
    for (std::size_t i = from; i < to; ++i) {
        const int x = cur[i], b = up[i], a = i >= channels ? cur[i - channels] : 0, c = i >= channels ? up[i - channels] : 0;
        sums[0] += cost(x);
        sums[1] += cost(x - a);
        sums[2] += cost(x - b);
        sums[3] += cost(x - (a + b) / 2);
        sums[4] += cost(x - paeth(a, b, c));
    }
}

/// Rows of 8-bit samples (`channels` per pixel) with a PNG filter byte each, deflated: what a
/// PDF reader undoes with /Predictor 15. The filter of a row is the one libpng's heuristic
/// (least sum of absolute differences) picks, judged on an eighth of a long row — 64 bytes of
/// every 512 — rather than on all of it for all five filters: that was a third of the time of a
/// picture-heavy thesis, and costs 1.3 % in size on the corpus's pictures.
std::string predicted(const Bytes& pixels, int width, int height, int channels) {
    const std::size_t row = static_cast<std::size_t>(width) * static_cast<std::size_t>(channels);
    const auto ch = static_cast<std::size_t>(channels);
    Bytes out((row + 1) * static_cast<std::size_t>(height));
    const Bytes zero(row, 0);
    constexpr std::size_t piece = 64, step = 512;
    for (int y = 0; y < height; ++y) {
        const unsigned char* cur = pixels.data() + static_cast<std::size_t>(y) * row;
        const unsigned char* up = y > 0 ? cur - row : zero.data();
        std::uint32_t sums[5] = {0, 0, 0, 0, 0};
        if (row <= 2 * step) {
            filter_costs(cur, up, 0, row, ch, sums);
        } else {
            for (std::size_t at = 0; at < row; at += step) filter_costs(cur, up, at, std::min(row, at + piece), ch, sums);
        }
        int best = 0;
        for (int f = 1; f <= 4; ++f) {
            if (sums[f] < sums[best]) best = f;  // the first of equals
        }
        unsigned char* o = out.data() + static_cast<std::size_t>(y) * (row + 1);
        o[0] = static_cast<unsigned char>(best);
        switch (best) {
            case 0: std::memcpy(o + 1, cur, row); break;
            case 1: filter_row<1>(cur, up, row, ch, o + 1); break;
            case 2: filter_row<2>(cur, up, row, ch, o + 1); break;
            case 3: filter_row<3>(cur, up, row, ch, o + 1); break;
            default: filter_row<4>(cur, up, row, ch, o + 1); break;
        }
    }
    return deflate(out);
}

/// Area-average downsampling to `nw` × `nh`, rounded half up, in integers (the same bytes as
/// in doubles, four times faster).
Bytes downsample(const Bytes& src, int w, int h, int channels, int nw, int nh) {
    const auto ch = static_cast<std::size_t>(channels);
    Bytes out(static_cast<std::size_t>(nw) * static_cast<std::size_t>(nh) * ch);
    std::vector<std::pair<int, int>> cols(static_cast<std::size_t>(nw));
    for (int x = 0; x < nw; ++x) {
        const int x0 = static_cast<int>(static_cast<long long>(x) * w / nw), x1 = std::max(x0 + 1, static_cast<int>(static_cast<long long>(x + 1) * w / nw));
        cols[static_cast<std::size_t>(x)] = {x0, x1};
    }
    std::uint64_t acc[4];
    for (int y = 0; y < nh; ++y) {
        const int y0 = static_cast<int>(static_cast<long long>(y) * h / nh), y1 = std::max(y0 + 1, static_cast<int>(static_cast<long long>(y + 1) * h / nh));
        for (int x = 0; x < nw; ++x) {
            const auto [x0, x1] = cols[static_cast<std::size_t>(x)];
            std::fill(acc, acc + 4, 0);
            for (int sy = y0; sy < y1; ++sy) {
                const unsigned char* p = src.data() + (static_cast<std::size_t>(sy) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x0)) * ch;
                const unsigned char* end = p + static_cast<std::size_t>(x1 - x0) * ch;
                if (ch == 3) {
                    for (; p < end; p += 3) {
                        acc[0] += p[0];
                        acc[1] += p[1];
                        acc[2] += p[2];
                    }
                } else {
                    for (; p < end; p += ch) {
                        for (std::size_t k = 0; k < ch; ++k) acc[k] += p[k];
                    }
                }
            }
            const auto n = static_cast<std::uint64_t>(y1 - y0) * static_cast<std::uint64_t>(x1 - x0);
            unsigned char* o = out.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(nw) + static_cast<std::size_t>(x)) * ch;
            if (n < (1u << 22)) {  // 2·255·n + n fits in 32 bits: a division several times faster
                const auto n32 = static_cast<std::uint32_t>(n);
                for (std::size_t k = 0; k < ch; ++k) o[k] = static_cast<unsigned char>((2 * static_cast<std::uint32_t>(acc[k]) + n32) / (2 * n32));
            } else {
                for (std::size_t k = 0; k < ch; ++k) o[k] = static_cast<unsigned char>((2 * acc[k] + n) / (2 * n));
            }
        }
    }
    return out;
}

/// The size in pixels a picture of `w` × `h` pixels keeps when printed at `max_w` × `max_h`
/// points: at most 300 dpi, never enlarged. A picture at most a tenth finer than that (a
/// 1590-pixel screenshot printed at 1582 pixels' worth) keeps its own pixels, where LibreOffice
/// averages them down: decoding, averaging and encoding it again saved a few per cent of its
/// pixels for 20–70 times the CPU time of taking it as it is, and blurred its text.
void target_size(int w, int h, double max_w, double max_h, int& nw, int& nh) {
    constexpr double kept_within = 0.9;
    const double sx = max_w > 0 ? max_w / 72.0 * max_dpi / w : 1.0, sy = max_h > 0 ? max_h / 72.0 * max_dpi / h : 1.0;
    const double least = std::min(sx, sy);
    const double s = least >= kept_within ? 1.0 : least;
    nw = s >= 1.0 ? w : std::max(1, static_cast<int>(std::lround(w * s)));
    nh = s >= 1.0 ? h : std::max(1, static_cast<int>(std::lround(h * s)));
}

std::optional<ImageStream> jpeg(const std::string& b) {
    ImageStream im;
    im.dct = true;
    bool adobe = false;
    for (std::size_t at = 2; at + 4 <= b.size();) {
        if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
        const unsigned marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) { ++at; continue; }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { at += 2; continue; }
        const std::size_t len = (static_cast<std::size_t>(static_cast<unsigned char>(b[at + 2])) << 8) | static_cast<unsigned char>(b[at + 3]);
        if (len < 2 || at + 2 + len > b.size()) return std::nullopt;
        if (marker == 0xEE && len >= 12 && b.compare(at + 4, 5, "Adobe") == 0) adobe = true;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && len >= 8) {
            im.bits = static_cast<unsigned char>(b[at + 4]);
            im.height = (static_cast<unsigned char>(b[at + 5]) << 8) | static_cast<unsigned char>(b[at + 6]);
            im.width = (static_cast<unsigned char>(b[at + 7]) << 8) | static_cast<unsigned char>(b[at + 8]);
            im.colors = static_cast<unsigned char>(b[at + 9]);
            if (im.width <= 0 || im.height <= 0 || im.bits != 8 || (im.colors != 1 && im.colors != 3 && im.colors != 4)) return std::nullopt;
            im.inverted_cmyk = im.colors == 4 && adobe;
            im.data = b;
            return im;
        }
        if (marker == 0xDA) return std::nullopt;  // scan data before any frame header
        at += 2 + len;
    }
    return std::nullopt;
}

/// A PNG whose compressed data a PDF reader can take as it is: not interlaced, 8-bit grey/RGB
/// or a palette, no transparency but palette entries wholly transparent or wholly opaque (a
/// screenshot's palette with its background cut out: a colour key on those entries draws it
/// as the soft mask made by decoding it did, and decoding it was half of printing a one-page
/// report). Its IDAT chunks are the stream.
std::optional<ImageStream> png_as_is(const std::string& b) {
    if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0) return std::nullopt;
    ImageStream im;
    const std::uint32_t w = be32(b, 16), h = be32(b, 20);
    const int depth = static_cast<unsigned char>(b[24]), type = static_cast<unsigned char>(b[25]),
              interlace = static_cast<unsigned char>(b[28]);
    if (w == 0 || h == 0 || w > 1'000'000 || h > 1'000'000 || interlace != 0) return std::nullopt;
    if (!((type == 0 && depth <= 8) || (type == 2 && depth == 8) || (type == 3 && depth <= 8))) return std::nullopt;
    im.width = static_cast<int>(w);
    im.height = static_cast<int>(h);
    im.bits = depth;
    im.colors = type == 2 ? 3 : 1;
    for (std::size_t at = 8; at + 12 <= b.size();) {
        const std::uint32_t len = be32(b, at);
        if (len > b.size() - at - 12) return std::nullopt;
        const std::string type_name = b.substr(at + 4, 4);
        if (type_name == "tRNS") {
            if (type != 3) return std::nullopt;
            for (std::uint32_t i = 0; i < len && i < (1u << depth); ++i) {  // more entries than indices: junk
                const auto alpha = static_cast<unsigned char>(b[at + 8 + i]);
                if (alpha == 0) im.masked.push_back(static_cast<int>(i));
                else if (alpha != 255) return std::nullopt;
            }
        }
        if (type_name == "PLTE") im.palette = b.substr(at + 8, len);
        if (type_name == "IDAT") im.data.append(b, at + 8, len);
        if (type_name == "IEND") break;
        at += 12 + len;
    }
    if (im.data.empty() || (type == 3 && (im.palette.empty() || im.palette.size() % 3 != 0))) return std::nullopt;
    return im;
}

/// Pixels of a decoded picture: 8-bit samples, grey or RGB, then alpha when it has one.
struct Decoded {
    int width = 0, height = 0;
    bool color = false, alpha = false;
    Bytes pixels;
    // The PNG's own filtered rows (a filter byte, then the row), where png_fast read them: the
    // colour of an RGBA picture is these rows without the alpha bytes (see filtered_planes).
    Bytes filtered;
    int channels() const { return (color ? 3 : 1) + (alpha ? 1 : 0); }
};

#if defined(__SSE2__)
/// A row of 3- or 4-byte pixels unfiltered (Sub, Average or Paeth) a pixel at a time in
/// SSE2's 16-bit lanes, as libpng does on x86: the byte-at-a-time loop waits on the byte
/// `Bpp` back at every step, and these filters were a fifth of a screenshot's CPU time. The
/// same bytes as the scalar loop below.
template <int Bpp>
void unfilter_pixels(int filter, const unsigned char* in, const unsigned char* up, unsigned char* out, std::uint32_t width) {
    const __m128i zero = _mm_setzero_si128();
    auto load = [](const unsigned char* p) {
        std::uint32_t v = 0;
        std::memcpy(&v, p, Bpp);
        return _mm_cvtsi32_si128(static_cast<int>(v));
    };
    auto store = [](unsigned char* p, __m128i v) {
        const auto u = static_cast<std::uint32_t>(_mm_cvtsi128_si32(v));
        std::memcpy(p, &u, Bpp);
    };
    auto abs16 = [&](__m128i v) { return _mm_max_epi16(v, _mm_sub_epi16(zero, v)); };
    auto pick = [](__m128i mask, __m128i yes, __m128i no) { return _mm_or_si128(_mm_and_si128(mask, yes), _mm_andnot_si128(mask, no)); };
    // Four bytes read at once where a fourth is there to read (every pixel but a row's last);
    // the byte past a 3-byte pixel is dropped when stored.
    auto load4 = [](const unsigned char* p) {
        std::uint32_t v = 0;
        std::memcpy(&v, p, 4);
        return _mm_cvtsi32_si128(static_cast<int>(v));
    };
    __m128i a = zero, c = zero;  // the pixel to the left and the one above it, 16 bits a sample
    for (std::uint32_t x = 0; x < width; ++x, in += Bpp, up += Bpp, out += Bpp) {
        const bool last = x + 1 == width;
        const __m128i b = _mm_unpacklo_epi8(last ? load(up) : load4(up), zero);
        __m128i d = _mm_unpacklo_epi8(last ? load(in) : load4(in), zero);
        if (filter == 1) {
            d = _mm_add_epi8(d, a);
        } else if (filter == 3) {
            d = _mm_add_epi8(d, _mm_srli_epi16(_mm_add_epi16(a, b), 1));
        } else {
            // Paeth: the nearest of a, b, c to a + b − c, ties to a, then b.
            const __m128i pa0 = _mm_sub_epi16(b, c), pb0 = _mm_sub_epi16(a, c);
            const __m128i pa = abs16(pa0), pb = abs16(pb0), pc = abs16(_mm_add_epi16(pa0, pb0));
            const __m128i least = _mm_min_epi16(pc, _mm_min_epi16(pa, pb));
            d = _mm_add_epi8(d, pick(_mm_cmpeq_epi16(least, pa), a, pick(_mm_cmpeq_epi16(least, pb), b, c)));
            c = b;
        }
        d = _mm_and_si128(d, _mm_set1_epi16(0xFF));
        store(out, _mm_packus_epi16(d, d));
        a = d;
    }
}
#endif

/// The common PNG of a document — 8-bit grey, RGB, grey+alpha or RGBA, not interlaced, no
/// colour key, sRGB or no gamma of its own — inflated at once by libdeflate and unfiltered here: libpng's reading, zlib's
/// inflate and its checksums took a fifth of a picture-heavy thesis's time, four times this.
/// nullopt for any other PNG and for data that does not inflate to exactly the rows the
/// header announces; libpng reads those (and says what is wrong with a damaged one).
std::optional<Decoded> png_fast(const std::string& b) {
    if (b.size() < 33 || b.compare(12, 4, "IHDR") != 0) return std::nullopt;
    const std::uint32_t w = be32(b, 16), h = be32(b, 20);
    const int depth = static_cast<unsigned char>(b[24]), type = static_cast<unsigned char>(b[25]),
              interlace = static_cast<unsigned char>(b[28]);
    if (depth != 8 || interlace != 0 || (type != 0 && type != 2 && type != 4 && type != 6)) return std::nullopt;
    if (w == 0 || h == 0 || static_cast<std::uint64_t>(w) * h > max_pixels) return std::nullopt;
    Decoded d;
    d.width = static_cast<int>(w);
    d.height = static_cast<int>(h);
    d.color = type == 2 || type == 6;
    d.alpha = type == 4 || type == 6;
    const auto ch = static_cast<std::size_t>(d.channels());
    const std::size_t row = static_cast<std::size_t>(w) * ch;
    std::string idat;
    bool srgb = false;
    std::uint32_t gamma = 45455;  // sRGB's, in 1/100 000
    for (std::size_t at = 8; at + 12 <= b.size();) {
        const std::uint32_t len = be32(b, at);
        if (len > b.size() - at - 12) return std::nullopt;
        if (b.compare(at + 4, 4, "tRNS") == 0) return std::nullopt;
        if (b.compare(at + 4, 4, "sRGB") == 0) srgb = true;
        if (b.compare(at + 4, 4, "gAMA") == 0 && len == 4) gamma = be32(b, at + 8);
        if (b.compare(at + 4, 4, "IDAT") == 0) idat.append(b, at + 8, len);
        if (b.compare(at + 4, 4, "IEND") == 0) break;
        at += 12 + len;
    }
    // libpng corrects another gamma to sRGB (beyond its threshold of 5 %): it reads those.
    if (!srgb && (gamma < 43182 || gamma > 47728)) return std::nullopt;
    struct Decompressor {
        libdeflate_decompressor* d = libdeflate_alloc_decompressor();
        ~Decompressor() { libdeflate_free_decompressor(d); }
    };
    thread_local Decompressor z;
    if (z.d == nullptr || idat.empty()) return std::nullopt;
    Bytes& raw = d.filtered;
    raw.resize((row + 1) * h);
    if (libdeflate_zlib_decompress(z.d, idat.data(), idat.size(), raw.data(), raw.size(), nullptr) != LIBDEFLATE_SUCCESS) {
        return std::nullopt;
    }
    d.pixels.resize(row * h);
    const Bytes zero(row, 0);
    for (std::uint32_t y = 0; y < h; ++y) {
        const unsigned char* in = raw.data() + y * (row + 1);
        unsigned char* out = d.pixels.data() + y * row;
        const unsigned char* up = y > 0 ? out - row : zero.data();
        const std::size_t head = std::min(ch, row);
#if defined(__SSE2__)
        if ((ch == 3 || ch == 4) && (in[0] == 1 || in[0] == 3 || in[0] == 4)) {
            if (ch == 3) unfilter_pixels<3>(in[0], in + 1, up, out, w);
            else unfilter_pixels<4>(in[0], in + 1, up, out, w);
            continue;
        }
#endif
        switch (in[0]) {
            case 0: std::memcpy(out, in + 1, row); break;
            case 1:
                std::memcpy(out, in + 1, head);
                for (std::size_t i = head; i < row; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + out[i - ch]);
                break;
            case 2:
                for (std::size_t i = 0; i < row; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + up[i]);
                break;
            case 3:
                for (std::size_t i = 0; i < head; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + up[i] / 2);
                for (std::size_t i = head; i < row; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + (out[i - ch] + up[i]) / 2);
                break;
            case 4:
                for (std::size_t i = 0; i < head; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + up[i]);
                for (std::size_t i = head; i < row; ++i) out[i] = static_cast<unsigned char>(in[i + 1] + paeth(out[i - ch], up[i], up[i - ch]));
                break;
            default: return std::nullopt;
        }
    }
    return d;
}

/// Any other PNG, through libpng's simplified API: palettes, colour keys, 16 bits and
/// interlacing become 8-bit grey/RGB (+ alpha).
std::optional<Decoded> png_libpng(const std::string& b) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_memory(&image, b.data(), b.size()) == 0) return std::nullopt;
    if (static_cast<std::uint64_t>(image.width) * image.height > max_pixels) {
        png_image_free(&image);
        return std::nullopt;
    }
    Decoded d;
    d.alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    d.color = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
    image.format = d.color ? (d.alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB) : (d.alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
    d.pixels.resize(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, d.pixels.data(), 0, nullptr) == 0) {
        png_image_free(&image);
        return std::nullopt;
    }
    d.width = static_cast<int>(image.width);
    d.height = static_cast<int>(image.height);
    return d;
}

/// 8-bit grey or RGB samples as a baseline JPEG at LibreOffice's export quality (90), in
/// libjpeg's accurate integer DCT — the same bytes on every machine; empty if libjpeg fails.
/// `pixel_bytes` 4 with 3 colours: RGBA pixels, the alpha skipped by libjpeg-turbo itself (the
/// same JPEG as from the RGB alone, without copying the colour out first).
std::string jpeg_encoded(const Bytes& samples, int width, int height, int colors, int pixel_bytes) {
    struct Failure {
        jpeg_error_mgr mgr;
        std::jmp_buf jump;
    };
    jpeg_compress_struct c{};
    Failure err{};
    c.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = [](j_common_ptr info) { std::longjmp(reinterpret_cast<Failure*>(info->err)->jump, 1); };
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    if (setjmp(err.jump) != 0) {
        jpeg_destroy_compress(&c);
        std::free(buffer);
        return {};
    }
    jpeg_create_compress(&c);
    jpeg_mem_dest(&c, &buffer, &size);
    c.image_width = static_cast<JDIMENSION>(width);
    c.image_height = static_cast<JDIMENSION>(height);
    c.input_components = pixel_bytes;
    c.in_color_space = colors == 1 ? JCS_GRAYSCALE : pixel_bytes == 4 ? JCS_EXT_RGBX : JCS_RGB;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, 90, TRUE);
    c.dct_method = JDCT_ISLOW;
    jpeg_start_compress(&c, TRUE);
    const std::size_t row = static_cast<std::size_t>(width) * static_cast<std::size_t>(pixel_bytes);
    while (c.next_scanline < c.image_height) {
        JSAMPROW line = const_cast<unsigned char*>(samples.data() + c.next_scanline * row);
        jpeg_write_scanlines(&c, &line, 1);
    }
    jpeg_finish_compress(&c);
    std::string out(reinterpret_cast<const char*>(buffer), size);
    jpeg_destroy_compress(&c);
    std::free(buffer);
    return out;
}

/// The JPEG of a picture's colour where it is smaller than its lossless form, as LibreOffice's
/// export decides (quality 90; never below 32 pixels a side); nullopt where lossless is the
/// smaller. The lossless size is not made to be compared: it is estimated from the PNG file's
/// own bytes per pixel (our re-encoding is within a few per cent of it), so a photo costs one
/// JPEG encoding — three times faster than deflating its rows — and a screenshot a trial on a
/// sample.
std::optional<std::string> smaller_jpeg(const Bytes& samples, int width, int height, int colors, int pixel_bytes,
                                        double lossless_estimate) {
    if (width < 32 || height < 32) return std::nullopt;
    // A tall picture's JPEG is first estimated on every eighth band of 16 rows (whole rows of
    // JPEG blocks, so each band codes as it would in the whole): a screenshot far larger as a
    // JPEG is then not encoded whole.
    constexpr int band = 16, every = 8;
    if (height >= band * every * 2) {
        const std::size_t row = static_cast<std::size_t>(width) * static_cast<std::size_t>(pixel_bytes);
        Bytes sample;
        int rows = 0;
        for (int y = 0; y + band <= height; y += band * every, rows += band) {
            const auto* from = samples.data() + static_cast<std::size_t>(y) * row;
            sample.insert(sample.end(), from, from + band * row);
        }
        const std::string part = jpeg_encoded(sample, width, rows, colors, pixel_bytes);
        if (!part.empty() && static_cast<double>(part.size()) * height / rows > 1.25 * lossless_estimate) return std::nullopt;
    }
    std::string jpeg = jpeg_encoded(samples, width, height, colors, pixel_bytes);
    if (jpeg.empty() || static_cast<double>(jpeg.size()) >= lossless_estimate) return std::nullopt;
    return jpeg;
}

/// The filtered rows of an 8-bit picture with alpha (`channels` bytes a pixel, the last one
/// alpha) as two pictures' filtered rows: the colour alone and the alpha alone, each row with
/// the filter byte it had. A PNG filter predicts every byte from the same channel's bytes to the
/// left, above and above-left, so a channel's residuals do not depend on the other channels:
/// these are exactly the rows that filter would give the colour and the alpha apart. The PNG
/// encoder chose each row's filter on the whole pixel, and that choice packs as well as ours
/// (3.5 % smaller on the corpus's screenshots) at no cost.
std::pair<Bytes, Bytes> filtered_planes(const Bytes& rows, int width, int height, int channels, bool with_alpha) {
    const auto w = static_cast<std::size_t>(width), ch = static_cast<std::size_t>(channels), colors = ch - 1;
    Bytes color((w * colors + 1) * static_cast<std::size_t>(height)), alpha;
    if (!with_alpha) {
        const unsigned char* in = rows.data();
        unsigned char* c = color.data();
        for (int y = 0; y < height; ++y) {
            *c++ = *in++;
            if (colors == 3) {
                for (std::size_t x = 0; x < w; ++x, in += 4, c += 3) std::memcpy(c, in, 3);
            } else {
                for (std::size_t x = 0; x < w; ++x, in += 2) *c++ = *in;
            }
        }
        return {std::move(color), std::move(alpha)};
    }
    alpha.resize((w + 1) * static_cast<std::size_t>(height));
    const unsigned char* in = rows.data();
    unsigned char* c = color.data();
    unsigned char* a = alpha.data();
    for (int y = 0; y < height; ++y) {
        *c++ = *in;
        *a++ = *in++;
        if (colors == 3) {
            for (std::size_t x = 0; x < w; ++x, in += 4, c += 3) {
                c[0] = in[0];
                c[1] = in[1];
                c[2] = in[2];
                *a++ = in[3];
            }
        } else {
            for (std::size_t x = 0; x < w; ++x, in += 2) {
                *c++ = in[0];
                *a++ = in[1];
            }
        }
    }
    return {std::move(color), std::move(alpha)};
}

/// A picture's colour samples as a stream: the smaller JPEG, else PNG rows deflated.
/// `lossless()` gives them when they are not a JPEG.
template <class Lossless>
void encode_color(ImageStream& im, const Bytes& samples, int pixel_bytes, double lossless_estimate, Lossless lossless) {
    if (auto jpeg = smaller_jpeg(samples, im.width, im.height, im.colors, pixel_bytes, lossless_estimate)) {
        im.dct = true;
        im.data = std::move(*jpeg);
    } else {
        im.data = lossless();
    }
}

/// Whether every pixel's alpha (the last byte of each `Pixel`-sized pixel) is 255: the
/// pixels ANDed together a word at a time, which the compiler vectorises — a byte-strided
/// loop took twice as long (half a per cent of the corpus's CPU time).
template <class Pixel>
bool all_opaque(const Bytes& pixels) {
    Pixel all = static_cast<Pixel>(~Pixel{0});
    const std::size_t n = pixels.size() / sizeof(Pixel);
    const unsigned char* p = pixels.data();
    for (std::size_t i = 0; i < n; ++i) {
        Pixel v;
        std::memcpy(&v, p + i * sizeof(Pixel), sizeof(Pixel));
        all &= v;
    }
    unsigned char last[sizeof(Pixel)];
    std::memcpy(last, &all, sizeof(Pixel));
    return last[sizeof(Pixel) - 1] == 255;  // the byte in memory order, whatever the endianness
}

std::optional<ImageStream> png_decoded(const std::string& b, double max_w, double max_h) {
    auto decoded = png_fast(b);
    if (!decoded) decoded = png_libpng(b);
    if (!decoded) return std::nullopt;
    Bytes pixels = std::move(decoded->pixels);
    const bool alpha = decoded->alpha, color = decoded->color;
    const int channels = decoded->channels();
    int w = decoded->width, h = decoded->height;
    const double file_bytes_per_pixel = static_cast<double>(b.size()) / (static_cast<double>(w) * h);
    int nw = w, nh = h;
    target_size(w, h, max_w, max_h, nw, nh);
    // The file's own filtered rows serve where the pixels stay as they are (8-bit with alpha).
    Bytes filtered;
    if (nw != w || nh != h) {
        pixels = downsample(pixels, w, h, channels, nw, nh);
        w = nw;
        h = nh;
    } else if (alpha) {
        filtered = std::move(decoded->filtered);
    }
    ImageStream im;
    im.width = w;
    im.height = h;
    im.colors = color ? 3 : 1;
    const std::size_t n = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    const double lossless_estimate = file_bytes_per_pixel * static_cast<double>(n);
    if (!alpha) {
        encode_color(im, pixels, channels, lossless_estimate, [&] { return predicted(pixels, w, h, channels); });
    } else {
        // The alpha is the image's /SMask, left out where every pixel is opaque (a Windows
        // screenshot). An RGB colour's JPEG is made from the RGBA pixels as they are; the
        // lossless colour and the mask come from the file's own filtered rows where there are
        // any (see filtered_planes), else from the colour and the alpha copied apart.
        const auto ch = static_cast<std::size_t>(channels);
        const bool opaque = ch == 4 ? all_opaque<std::uint32_t>(pixels) : all_opaque<std::uint16_t>(pixels);
        auto apart = [&](std::size_t channel) {
            Bytes out(n);
            for (std::size_t i = 0; i < n; ++i) out[i] = pixels[i * ch + channel];
            return out;
        };
        Bytes grey = im.colors == 1 ? apart(0) : Bytes();
        std::optional<std::pair<Bytes, Bytes>> rows;  // filtered colour and alpha, made once
        auto filtered_rows = [&]() -> std::pair<Bytes, Bytes>& {
            if (!rows) rows = filtered_planes(filtered, w, h, channels, !opaque);
            return *rows;
        };
        encode_color(im, im.colors == 1 ? grey : pixels, im.colors == 1 ? 1 : 4, lossless_estimate, [&] {
            if (!filtered.empty()) return deflate(filtered_rows().first);
            if (im.colors == 1) return predicted(grey, w, h, 1);
            Bytes rgb(n * 3);
            for (std::size_t i = 0; i < n; ++i) std::memcpy(&rgb[3 * i], &pixels[4 * i], 3);
            return predicted(rgb, w, h, 3);
        });
        if (!opaque) im.alpha = filtered.empty() ? predicted(apart(ch - 1), w, h, 1) : deflate(filtered_rows().second);
    }
    if (im.data.empty()) return std::nullopt;
    return im;
}

/// Pictures decoded and encoded again, kept by the process for the next documents that carry
/// the same file printed at the same size: a logo or a stamp in every document of a batch,
/// the chapters of a thesis saved as files of their own (29 such pictures in the corpus of
/// real documents: a tenth of its pictures' CPU time). 64 pictures, 32 MB of files and
/// streams, none over 8 MB.
using Stream = std::optional<ImageStream>;
using PrintedSize = std::pair<double, double>;
BoundedCache<Stream, PrintedSize>& picture_cache() {
    static BoundedCache<Stream, PrintedSize> cache(64, 32u << 20);
    return cache;
}
constexpr std::size_t max_cached_picture_bytes = 8u << 20;

/// A PNG that has to be decoded: downsampled, with an alpha channel, or dense (more than a
/// bit per sample: a photo saved as PNG) and tried as a JPEG. `as_is`: its data as it is,
/// where a PDF reader could take that.
std::optional<ImageStream> png_worked(const std::string& bytes, double max_w, double max_h, std::optional<ImageStream> as_is) {
    if (!as_is) return png_decoded(bytes, max_w, max_h);
    int nw = 0, nh = 0;
    target_size(as_is->width, as_is->height, max_w, max_h, nw, nh);
    if (nw != as_is->width || nh != as_is->height) return png_decoded(bytes, max_w, max_h);
    // A dense PNG is decoded for a JPEG trial (12 of the 201 PNGs of the corpus that go in as
    // they are; LibreOffice tries every picture). Its own data stays where that is the smaller.
    if (auto decoded = png_fast(bytes); decoded && !decoded->alpha) {
        if (auto jpeg = smaller_jpeg(decoded->pixels, as_is->width, as_is->height, as_is->colors, as_is->colors,
                                     static_cast<double>(as_is->data.size()))) {
            as_is->dct = true;
            as_is->data = std::move(*jpeg);
        }
    }
    return as_is;
}

}  // namespace

std::optional<ImageStream> image_stream(const std::string& bytes, double max_w, double max_h) {
    if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF && static_cast<unsigned char>(bytes[1]) == 0xD8) {
        return jpeg(bytes);
    }
    if (bytes.size() < 8 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) return std::nullopt;
    auto as_is = png_as_is(bytes);
    if (as_is) {
        int nw = 0, nh = 0;
        target_size(as_is->width, as_is->height, max_w, max_h, nw, nh);
        const auto samples = static_cast<double>(as_is->width) * as_is->height * as_is->colors;
        const bool dense = as_is->bits == 8 && as_is->palette.empty() && static_cast<double>(as_is->data.size()) * 8 >= samples;
        if (nw == as_is->width && nh == as_is->height && !dense) return as_is;  // nothing to keep
    }
    return picture_cache().get(bytes, PrintedSize{max_w, max_h}, [&](Stream& stream, std::optional<std::size_t>& cost) {
        stream = png_worked(bytes, max_w, max_h, std::move(as_is));
        const std::size_t size = bytes.size() + (stream ? stream->data.size() + (stream->alpha ? stream->alpha->size() : 0) : 0);
        if (size <= max_cached_picture_bytes) cost = size;
    });
}

}  // namespace nastavnik::pdf
