// Inline pictures (w:drawing/wp:inline → a:blip r:embed → PNG/JPEG part): the charts another
// stage embeds must appear in the PDF at their size; what is not a picture we can read is a
// visible frame and a warning.

#include "nastavnik/docx/pictures.hpp"
#include "pdf/pdf_tools.hpp"

#include <boost/test/unit_test.hpp>

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
                   "изображение 100000×100000 пикселей больше допустимого (не более 64 млн пикселей): показана рамка",
               r.warnings.front().message);
    BOOST_TEST(r.warnings.front().where.path == "word/media/chart.png");
    BOOST_TEST(r.pages == 1);
}

BOOST_AUTO_TEST_SUITE_END()
