// Inline pictures (w:drawing/wp:inline → a:blip r:embed → PNG/JPEG part): the charts another
// stage embeds must appear in the PDF at their size; what is not a picture we can read is a
// visible frame and a warning.

#include "nastavnik/docx/pictures.hpp"
#include "pdf/images.hpp"
#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

#include <jpeglib.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>

#include <sstream>
#include <vector>

using docx_test::ZipEntry;
using pdf_test::docx;

namespace {

// A 1×1 RGBA PNG.
const std::string png("\x89\x50\x4E\x47\x0D\x0A\x1A\x0A\x00\x00\x00\x0D\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
                      "\x00\x00\x00\x1F\x15\xC4\x89\x00\x00\x00\x0D\x49\x44\x41\x54\x78\xDA\x63\xFC\xCF\xC0\xF0\x1F\x00\x05\x05"
                      "\x02\x00\x5F\xC8\xF1\xD2\x00\x00\x00\x00\x49\x45\x4E\x44\xAE\x42\x60\x82",
                      70);

std::string drawing(const std::string& rid, long cx, long cy) {
    return "<w:p><w:r><w:t xml:space=\"preserve\">Диаграмма: </w:t></w:r><w:r><w:drawing>"
           "<wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
           "<wp:extent cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"/>"
           "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData>"
           "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:blipFill>"
           "<a:blip r:embed=\"" + rid + "\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline>"
           "</w:drawing></w:r></w:p>";
}

const std::string image_rel =
    "<Relationship Id=\"rImg\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart.png\"/>";

bool contains(const std::string& s, const std::string& sub) { return s.find(sub) != std::string::npos; }

std::string be32(std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string png_chunk(const std::string& type_name, const std::string& data) {
    const std::string body = type_name + data;
    return be32(static_cast<std::uint32_t>(data.size())) + body +
           be32(static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/// Samples (`channels` 8-bit per pixel) as PNG rows, row y filtered with filter y % 5 — every
/// filter a reader must undo — in the same slow, plain way the PNG specification states it.
std::string filtered_rows(const std::vector<unsigned char>& px, int w, int h, int channels) {
    const std::size_t row = static_cast<std::size_t>(w * channels);
    std::string raw;
    for (int y = 0; y < h; ++y) {
        const int f = y % 5;
        raw += static_cast<char>(f);
        for (std::size_t i = 0; i < row; ++i) {
            const int x = px[y * row + i], a = i >= static_cast<std::size_t>(channels) ? px[y * row + i - channels] : 0,
                      b = y > 0 ? px[(y - 1) * row + i] : 0,
                      c = y > 0 && i >= static_cast<std::size_t>(channels) ? px[(y - 1) * row + i - channels] : 0;
            const int pred = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : paeth(a, b, c);
            raw += static_cast<char>(static_cast<unsigned char>(x - pred));
        }
    }
    return raw;
}

/// Rows with a filter byte each (as `filtered_rows` makes them) back to samples.
std::vector<unsigned char> unfiltered(const std::string& raw, int w, int h, int channels) {
    const std::size_t row = static_cast<std::size_t>(w * channels);
    std::vector<unsigned char> px(row * static_cast<std::size_t>(h));
    for (int y = 0; y < h; ++y) {
        const int f = static_cast<unsigned char>(raw[y * (row + 1)]);
        for (std::size_t i = 0; i < row; ++i) {
            const int a = i >= static_cast<std::size_t>(channels) ? px[y * row + i - channels] : 0, b = y > 0 ? px[(y - 1) * row + i] : 0,
                      c = y > 0 && i >= static_cast<std::size_t>(channels) ? px[(y - 1) * row + i - channels] : 0;
            const int pred = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : paeth(a, b, c);
            px[y * row + i] = static_cast<unsigned char>(static_cast<unsigned char>(raw[y * (row + 1) + 1 + i]) + pred);
        }
    }
    return px;
}

std::string zlib(const std::string& raw) {
    uLongf len = compressBound(static_cast<uLong>(raw.size()));
    std::string z(len, '\0');
    compress2(reinterpret_cast<Bytef*>(z.data()), &len, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 6);
    z.resize(len);
    return z;
}

std::string inflated(const std::string& z, std::size_t size) {
    std::string raw(size, '\0');
    uLongf len = static_cast<uLongf>(size);
    BOOST_REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &len, reinterpret_cast<const Bytef*>(z.data()), static_cast<uLong>(z.size())) == Z_OK);
    BOOST_REQUIRE(len == size);
    return raw;
}

/// A PNG of colour type `type` holding `px`; `extra` chunks go before the data, which is split
/// into two IDAT chunks (a reader must join them).
std::string png_of(const std::vector<unsigned char>& px, int w, int h, int type, const std::string& extra = "") {
    const int channels = type == 6 ? 4 : type == 2 ? 3 : type == 4 ? 2 : 1;
    std::string ihdr = be32(static_cast<std::uint32_t>(w)) + be32(static_cast<std::uint32_t>(h));
    ihdr += std::string{8, static_cast<char>(type), 0, 0, 0};
    const std::string z = zlib(filtered_rows(px, w, h, channels));
    return std::string("\x89PNG\r\n\x1a\n", 8) + png_chunk("IHDR", ihdr) + extra + png_chunk("IDAT", z.substr(0, z.size() / 2)) +
           png_chunk("IDAT", z.substr(z.size() / 2)) + png_chunk("IEND", "");
}

/// Samples that are neither smooth nor random, so every filter gets chosen somewhere.
std::vector<unsigned char> test_pixels(int w, int h, int channels) {
    std::vector<unsigned char> px;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            for (int k = 0; k < channels; ++k) {
                const int v = k == channels - 1 && (channels == 2 || channels == 4) ? (x < w / 3 ? 0 : x < 2 * w / 3 ? 128 + y : 255)
                                                                                    : (x * (k + 3) + y * y * (k + 1) + ((x * y) % 7) * 31) & 0xFF;
                px.push_back(static_cast<unsigned char>(v));
            }
        }
    }
    return px;
}

/// A photo: smooth colour with grain (a fixed pseudo-random sequence), opaque alpha.
std::vector<unsigned char> photo_pixels(int w, int h) {
    std::vector<unsigned char> px;
    std::uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            for (int k = 0; k < 3; ++k) {
                seed = seed * 1103515245u + 12345u;
                const int grain = static_cast<int>((seed >> 16) % 17) - 8;
                px.push_back(static_cast<unsigned char>(std::clamp(40 + (x * (k + 1) + y * (3 - k)) * 150 / (w + h) + grain, 0, 255)));
            }
            px.push_back(255);
        }
    }
    return px;
}

/// RGB samples of a baseline JPEG (libjpeg).
std::vector<unsigned char> jpeg_pixels(const std::string& jpeg, int& w, int& h) {
    jpeg_decompress_struct d{};
    jpeg_error_mgr err{};
    d.err = jpeg_std_error(&err);
    jpeg_create_decompress(&d);
    jpeg_mem_src(&d, reinterpret_cast<const unsigned char*>(jpeg.data()), static_cast<unsigned long>(jpeg.size()));
    jpeg_read_header(&d, TRUE);
    d.out_color_space = JCS_RGB;
    jpeg_start_decompress(&d);
    w = static_cast<int>(d.output_width);
    h = static_cast<int>(d.output_height);
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    while (d.output_scanline < d.output_height) {
        JSAMPROW row = px.data() + static_cast<std::size_t>(d.output_scanline) * static_cast<std::size_t>(w) * 3;
        jpeg_read_scanlines(&d, &row, 1);
    }
    jpeg_finish_decompress(&d);
    jpeg_destroy_decompress(&d);
    return px;
}

/// A PNG of `w` × `h` pixels (colour type 2 = RGB or 6 = RGBA), a gradient.
std::string make_png(int w, int h, int type) {
    const int channels = type == 6 ? 4 : 3;
    std::vector<unsigned char> px;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            px.push_back(static_cast<unsigned char>(x * 255 / w));
            px.push_back(static_cast<unsigned char>(y * 255 / h));
            px.push_back(static_cast<unsigned char>((x + y) & 0xFF));
            if (channels == 4) px.push_back(x < w / 2 ? 0 : 255);
        }
    }
    return png_of(px, w, h, type);
}

/// pdfimages -list's width and height of the first image, and whether a soft mask follows it.
struct Listed {
    int width = 0, height = 0;
    bool smask = false;
};
Listed first_image(const std::string& pdf) {
    const auto out = pdf_test::on_pdf(pdf, "pdfimages -list {}").out;
    std::istringstream in(out);
    std::string line;
    Listed l;
    int n = 0;
    while (std::getline(in, line)) {
        if (++n < 3) continue;  // two header lines
        std::istringstream f(line);
        std::string page, num, type;
        if (n == 3) {
            f >> page >> num >> type >> l.width >> l.height;
        } else if (line.find("smask") != std::string::npos) {
            l.smask = true;
        }
    }
    return l;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_images)

BOOST_AUTO_TEST_CASE(inline_png_is_drawn_at_its_size) {
    // 6 × 3 cm
    const auto r = pdf_test::render(docx(drawing("rImg", 2160000, 1080000), {{"word/media/chart.png", ZipEntry{png}}}, "<w:sectPr/>", image_rel));
    BOOST_TEST(r.warnings.empty(), (r.warnings.empty() ? "" : r.warnings.front().to_string()));
    BOOST_TEST(contains(r.pdf, "/Image"));
    if (!pdf_test::have("pdfimages")) return;
    const auto list = pdf_test::on_pdf(r.pdf, "pdfimages -list {}");
    BOOST_TEST(list.exit_code == 0, list.out);
    // page num type width height …: one 1×1 image
    BOOST_TEST(contains(list.out, "image       1     1"), list.out);
    BOOST_TEST(contains(pdf_test::page_text(r.pdf, 1), "Диаграмма:"));
}

BOOST_AUTO_TEST_CASE(a_picture_we_cannot_read_is_a_frame_and_a_warning) {
    const auto missing = pdf_test::render(docx(drawing("rNone", 914400, 914400)));
    BOOST_TEST(!missing.warnings.empty());
    const auto emf = pdf_test::render(docx(drawing("rImg", 914400, 914400), {{"word/media/chart.png", ZipEntry{"not an image"}}},
                                           "<w:sectPr/>", image_rel));
    BOOST_REQUIRE(!emf.warnings.empty());
    BOOST_TEST(contains(emf.warnings.front().message, "PNG или JPEG"));
    BOOST_TEST(emf.pages == 1);
}

BOOST_AUTO_TEST_CASE(pictures_finer_than_300_dpi_are_downsampled_as_libreoffice_does) {
    // A 1200 × 1200 photo printed 1 inch square: 300 × 300 pixels in the PDF (LibreOffice's
    // default export), and the PDF smaller than the picture. A screenshot printed larger than
    // its pixels stays as it is.
    const std::string big = make_png(1200, 1200, 2);
    const auto r = pdf_test::render(docx(drawing("rImg", 914400, 914400), {{"word/media/chart.png", ZipEntry{big}}}, "<w:sectPr/>", image_rel));
    BOOST_TEST(r.warnings.empty());
    BOOST_TEST(r.pdf.size() < big.size());
    const auto small = pdf_test::render(docx(drawing("rImg", 2 * 914400, 914400), {{"word/media/chart.png", ZipEntry{make_png(100, 50, 2)}}},
                                             "<w:sectPr/>", image_rel));
    if (!pdf_test::have("pdfimages")) return;
    const auto l = first_image(r.pdf);
    BOOST_TEST(l.width == 300);
    BOOST_TEST(l.height == 300);
    BOOST_TEST(!l.smask);
    const auto s2 = first_image(small.pdf);
    BOOST_TEST(s2.width == 100);
    BOOST_TEST(s2.height == 50);
}

BOOST_AUTO_TEST_CASE(a_picture_seen_before_is_taken_from_the_cache_at_its_own_printed_size) {
    // The process keeps pictures it decoded for the next documents: the same file printed at
    // another size is another picture, and the one seen before comes out the same.
    const std::string photo = make_png(1200, 1200, 2);
    const auto at = [&](long emu) {
        return pdf_test::render(docx(drawing("rImg", emu, emu), {{"word/media/chart.png", ZipEntry{photo}}}, "<w:sectPr/>", image_rel));
    };
    const auto inch = at(914400), half = at(457200), again = at(914400);
    BOOST_TEST(again.pdf == inch.pdf);
    if (!pdf_test::have("pdfimages")) return;
    BOOST_TEST(first_image(inch.pdf).width == 300);
    BOOST_TEST(first_image(half.pdf).width == 150);
    BOOST_TEST(first_image(again.pdf).width == 300);
}

BOOST_AUTO_TEST_CASE(a_picture_at_most_a_tenth_finer_than_300_dpi_keeps_its_pixels) {
    // 330 pixels printed 1 inch wide (a tenth finer than 300 dpi): kept as it is, sharper and
    // not decoded; 340 pixels (more than a tenth finer) are averaged down to 300.
    const auto at = [](int pixels) {
        return pdf_test::render(docx(drawing("rImg", 914400, 914400), {{"word/media/chart.png", ZipEntry{make_png(pixels, pixels, 2)}}},
                                     "<w:sectPr/>", image_rel));
    };
    const auto kept = at(330), averaged = at(340);
    BOOST_TEST(kept.warnings.empty());
    if (!pdf_test::have("pdfimages")) return;
    BOOST_TEST(first_image(kept.pdf).width == 330);
    BOOST_TEST(first_image(averaged.pdf).width == 300);
}

BOOST_AUTO_TEST_CASE(a_palette_with_entries_wholly_transparent_stays_as_it_is_with_a_colour_key) {
    // A screenshot's palette whose background entry is cut out (tRNS 0, the others 255) is
    // not decoded: the indices as the file has them, the transparent entry a /Mask colour key.
    std::vector<unsigned char> px;
    for (int y = 0; y < 20; ++y) {
        for (int x = 0; x < 40; ++x) px.push_back(x < 20 ? 0 : 1);
    }
    const std::string plte = png_chunk("PLTE", std::string("\xFF\x00\x00\x00\x00\x00", 6));
    const auto with = [&](const std::string& trns) {
        return pdf_test::render(docx(drawing("rImg", 914400, 457200), {{"word/media/chart.png", ZipEntry{png_of(px, 40, 20, 3, plte + trns)}}},
                                     "<w:sectPr/>", image_rel));
    };
    const auto keyed = with(png_chunk("tRNS", std::string("\x00\xFF", 2)));
    BOOST_TEST(keyed.warnings.empty());
    BOOST_TEST(keyed.pdf.find("/Mask[ 0 0]") != std::string::npos);
    // Half transparent: decoded, a soft mask.
    const auto soft = with(png_chunk("tRNS", std::string("\x80\xFF", 2)));
    BOOST_TEST(soft.pdf.find("/Mask[") == std::string::npos);
    if (!pdf_test::have("pdfimages")) return;
    BOOST_TEST(!first_image(keyed.pdf).smask);
    BOOST_TEST(first_image(keyed.pdf).width == 40);
    BOOST_TEST(first_image(soft.pdf).smask);
    if (!pdf_test::have("pdftoppm")) return;
    // The transparent half shows the white page, the other half is black: the red entry
    // is not drawn.
    const std::string ppm = pdf_test::on_pdf(keyed.pdf, "pdftoppm -r 72 -f 1 -l 1 -ppm {} -").out;
    // P6, width, height, 255, then RGB triples.
    std::size_t at = 0;
    for (int field = 0; field < 4; ++field) {
        at = ppm.find_first_of(" \n", at) + 1;
    }
    int red = 0, black = 0;
    for (; at + 3 <= ppm.size(); at += 3) {
        const auto r = static_cast<unsigned char>(ppm[at]), g = static_cast<unsigned char>(ppm[at + 1]), b = static_cast<unsigned char>(ppm[at + 2]);
        if (r > 200 && g < 60 && b < 60) ++red;
        if (r < 60 && g < 60 && b < 60) ++black;
    }
    BOOST_TEST(red == 0);
    BOOST_TEST(black > 300);  // the opaque half: 36 × 18 points
}

BOOST_AUTO_TEST_CASE(transparency_becomes_a_soft_mask) {
    const auto r = pdf_test::render(docx(drawing("rImg", 914400, 914400), {{"word/media/chart.png", ZipEntry{make_png(40, 20, 6)}}},
                                         "<w:sectPr/>", image_rel));
    BOOST_TEST(r.warnings.empty());
    if (!pdf_test::have("pdfimages")) return;
    const auto l = first_image(r.pdf);
    BOOST_TEST(l.width == 40);
    BOOST_TEST(l.smask);
    if (pdf_test::have("qpdf")) BOOST_TEST(pdf_test::on_pdf(r.pdf, "qpdf --check {}").exit_code == 0);
}

BOOST_AUTO_TEST_CASE(every_png_filter_and_colour_type_is_decoded_to_its_pixels) {
    // Pictures with transparency are decoded (colour and alpha go apart). Every row filter of
    // the PNG specification, grey+alpha and RGBA, the data split into two chunks: the PDF's
    // colour and mask streams, inflated and unfiltered, are the picture's samples exactly.
    using nastavnik::pdf::image_stream;
    for (const int type : {4, 6}) {
        const int w = 700, h = 23, channels = type == 6 ? 4 : 2, colors = channels - 1;  // rows of 2 800 bytes: sampled filter choice
        const auto px = test_pixels(w, h, channels);
        const auto st = image_stream(png_of(px, w, h, type), w, h);  // printed at 72 dpi: not downsampled
        BOOST_REQUIRE(st.has_value());
        BOOST_TEST(!st->dct);
        BOOST_TEST(st->width == w);
        BOOST_TEST(st->height == h);
        BOOST_TEST(st->colors == colors);
        BOOST_REQUIRE(st->alpha.has_value());
        const auto color = unfiltered(inflated(st->data, static_cast<std::size_t>((w * colors + 1) * h)), w, h, colors);
        const auto alpha = unfiltered(inflated(*st->alpha, static_cast<std::size_t>((w + 1) * h)), w, h, 1);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(w * h); ++i) {
            for (int k = 0; k < colors; ++k) wrong += color[i * colors + k] != px[i * channels + k];
            wrong += alpha[i] != px[i * channels + colors];
        }
        BOOST_TEST(wrong == 0u, "type " << type << ": " << wrong << " samples differ");
    }
}

BOOST_AUTO_TEST_CASE(an_opaque_alpha_is_dropped_and_the_colour_kept_exactly) {
    // A Windows screenshot: RGBA (or grey+alpha) with every pixel opaque. The PDF has no soft
    // mask, and its colour stream — the file's own filtered rows without the alpha bytes, every
    // row filter of the specification — gives back the picture's colour exactly.
    using nastavnik::pdf::image_stream;
    for (const int type : {4, 6}) {
        const int w = 700, h = 23, channels = type == 6 ? 4 : 2, colors = channels - 1;
        auto px = test_pixels(w, h, channels);
        for (std::size_t i = static_cast<std::size_t>(colors); i < px.size(); i += static_cast<std::size_t>(channels)) px[i] = 255;
        const auto st = image_stream(png_of(px, w, h, type), w, h);
        BOOST_REQUIRE(st.has_value());
        BOOST_TEST(!st->dct);
        BOOST_TEST(st->colors == colors);
        BOOST_TEST(!st->alpha.has_value());
        const auto color = unfiltered(inflated(st->data, static_cast<std::size_t>((w * colors + 1) * h)), w, h, colors);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < static_cast<std::size_t>(w * h); ++i) {
            for (int k = 0; k < colors; ++k) wrong += color[i * colors + k] != px[i * channels + k];
        }
        BOOST_TEST(wrong == 0u, "type " << type << ": " << wrong << " samples differ");
        // Printed at a quarter of its pixels' width at 300 dpi, it is downsampled: colour and
        // alpha filtered anew, the alpha of the averaged pixels still a mask where it was one.
        const auto down = image_stream(png_of(test_pixels(w, h, channels), w, h, type), w * 72.0 / 300 / 4, h * 72.0 / 300 / 4);
        BOOST_REQUIRE(down.has_value());
        BOOST_TEST(down->width == w / 4);
        BOOST_TEST(down->alpha.has_value());
    }
}

BOOST_AUTO_TEST_CASE(a_decoded_photo_becomes_a_jpeg_where_that_is_smaller_as_libreoffice_exports_it) {
    // An RGBA photo (decoded for its alpha, which is opaque): a JPEG at quality 90, several times
    // smaller than the PNG, its pixels within JPEG's error of the picture's; no soft mask.
    using nastavnik::pdf::image_stream;
    const int w = 320, h = 272;  // taller than 256 rows: the JPEG is first estimated on a sample of bands
    const auto px = photo_pixels(w, h);
    const std::string file = png_of(px, w, h, 6);
    const auto st = image_stream(file, w, h);
    BOOST_REQUIRE(st.has_value());
    BOOST_TEST(st->dct);
    BOOST_TEST(!st->alpha.has_value());
    BOOST_TEST(st->colors == 3);
    BOOST_TEST(st->data.size() * 2 < file.size(), st->data.size() << " bytes of JPEG for a PNG of " << file.size());
    int jw = 0, jh = 0;
    const auto back = jpeg_pixels(st->data, jw, jh);
    BOOST_REQUIRE(jw == w);
    BOOST_REQUIRE(jh == h);
    long total = 0;
    int worst = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(w * h); ++i) {
        for (int k = 0; k < 3; ++k) {
            const int d = std::abs(static_cast<int>(back[i * 3 + k]) - px[i * 4 + k]);
            total += d;
            worst = std::max(worst, d);
        }
    }
    BOOST_TEST(total / (w * h * 3) <= 4, "mean error " << total / (w * h * 3.0));
    BOOST_TEST(worst <= 40);
    // The same picture again: the same bytes (libjpeg's integer DCT).
    BOOST_TEST(image_stream(file, w, h)->data == st->data);

    // The same photo as an RGB PNG needs no decoding, but is dense (more than a bit per
    // sample): it is tried as a JPEG too. A screenshot-like RGB PNG goes in as it is.
    std::vector<unsigned char> rgb;
    for (std::size_t i = 0; i < px.size(); i += 4) rgb.insert(rgb.end(), px.begin() + static_cast<std::ptrdiff_t>(i), px.begin() + static_cast<std::ptrdiff_t>(i) + 3);
    const auto dense = image_stream(png_of(rgb, w, h, 2), w, h);
    BOOST_REQUIRE(dense.has_value());
    BOOST_TEST(dense->dct);
    BOOST_TEST(dense->data.size() * 2 < file.size());
    const std::string flat = png_of(std::vector<unsigned char>(static_cast<std::size_t>(w * h * 3), 200), w, h, 2);
    const auto kept = image_stream(flat, w, h);
    BOOST_REQUIRE(kept.has_value());
    BOOST_TEST(!kept->dct);
    BOOST_TEST((unfiltered(inflated(kept->data, static_cast<std::size_t>((w * 3 + 1) * h)), w, h, 3) ==
                std::vector<unsigned char>(static_cast<std::size_t>(w * h * 3), 200)));

    // Below 32 pixels a side LibreOffice keeps a picture lossless, and so do we.
    const auto tiny = image_stream(png_of(photo_pixels(31, 40), 31, 40, 6), 31, 40);
    BOOST_REQUIRE(tiny.has_value());
    BOOST_TEST(!tiny->dct);
}

BOOST_AUTO_TEST_CASE(a_screenshot_stays_lossless) {
    // Flat colours and sharp edges (a window with lines of «text»): deflated PNG rows are far
    // smaller than a JPEG, so the picture stays exact.
    using nastavnik::pdf::image_stream;
    const int w = 600, h = 400;
    std::vector<unsigned char> px;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const bool title = y < 30, text = y % 20 < 12 && x % 9 < 6 && (x / 9 + y / 20) % 5 != 0;
            const unsigned char v = title ? 60 : text ? 20 : 250;
            px.insert(px.end(), {v, v, static_cast<unsigned char>(title ? 160 : v), 255});
        }
    }
    const auto st = image_stream(png_of(px, w, h, 6), w, h);
    BOOST_REQUIRE(st.has_value());
    BOOST_TEST(!st->dct);
    const auto color = unfiltered(inflated(st->data, static_cast<std::size_t>((w * 3 + 1) * h)), w, h, 3);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < static_cast<std::size_t>(w * h); ++i) {
        for (int k = 0; k < 3; ++k) wrong += color[i * 3 + k] != px[i * 4 + k];
    }
    BOOST_TEST(wrong == 0u);
}

BOOST_AUTO_TEST_CASE(a_png_with_a_gamma_of_its_own_is_corrected_as_libpng_does) {
    // gAMA 1.0 (linear samples): libpng converts to sRGB, so mid-grey 128 becomes about 188 —
    // what it did before the fast path, which takes only sRGB pictures.
    const int w = 8, h = 4;
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * 2));
    for (std::size_t i = 0; i < px.size(); i += 2) {
        px[i] = 128;
        px[i + 1] = 200;
    }
    const auto linear = nastavnik::pdf::image_stream(png_of(px, w, h, 4, png_chunk("gAMA", be32(100000))), w, h);
    const auto srgb = nastavnik::pdf::image_stream(png_of(px, w, h, 4, png_chunk("gAMA", be32(45455))), w, h);
    BOOST_REQUIRE(linear.has_value());
    BOOST_REQUIRE(srgb.has_value());
    const auto grey_linear = unfiltered(inflated(linear->data, static_cast<std::size_t>((w + 1) * h)), w, h, 1);
    const auto grey_srgb = unfiltered(inflated(srgb->data, static_cast<std::size_t>((w + 1) * h)), w, h, 1);
    BOOST_TEST(grey_srgb[0] == 128);
    BOOST_TEST(grey_linear[0] > 180);
    BOOST_TEST(grey_linear[0] < 195);
}

BOOST_AUTO_TEST_CASE(a_picture_claiming_billions_of_pixels_is_not_decoded) {
    // The size is read from the header before anything is decoded (PoDoFo would decode it whole).
    using nastavnik::docx::image_pixel_size;
    BOOST_TEST((image_pixel_size(png) == std::pair<unsigned long, unsigned long>{1, 1}));
    std::string huge = png;
    huge.replace(16, 8, std::string("\x00\x01\x86\xA0\x00\x01\x86\xA0", 8));  // 100 000 × 100 000
    BOOST_TEST((image_pixel_size(huge) == std::pair<unsigned long, unsigned long>{100000, 100000}));
    // JPEG: SOI, an APP0 segment, then SOF0 with height 600 and width 800.
    const std::string jpeg("\xFF\xD8\xFF\xE0\x00\x04\x00\x00\xFF\xC0\x00\x11\x08\x02\x58\x03\x20\x03", 18);
    BOOST_TEST((image_pixel_size(jpeg) == std::pair<unsigned long, unsigned long>{800, 600}));
    BOOST_TEST((image_pixel_size("\xFF\xD8\xFF") == std::pair<unsigned long, unsigned long>{0, 0}));
    BOOST_TEST((image_pixel_size("GIF89a") == std::pair<unsigned long, unsigned long>{0, 0}));

    const auto r = pdf_test::render(docx(drawing("rImg", 914400, 914400), {{"word/media/chart.png", ZipEntry{huge}}},
                                         "<w:sectPr/>", image_rel));
    BOOST_REQUIRE(!r.warnings.empty());
    BOOST_TEST(r.warnings.front().message ==
                   "изображение «chart.png» на странице 1 не выведено, на его месте рамка: размер 100000×100000 пикселей, "
                   "а сторона изображения — не более 30000 пикселей",
               r.warnings.front().message);
    BOOST_TEST(r.warnings.front().where.path == "word/media/chart.png");
    BOOST_TEST(r.pages == 1);
}

BOOST_AUTO_TEST_SUITE_END()
