// Charts as pictures: what is drawn stays inside the picture.

#include "generate/charts.hpp"

#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <memory>
#include <string>

namespace {

struct Reader {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
    auto* r = static_cast<Reader*>(closure);
    if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
    std::copy_n(r->bytes->data() + r->at, length, data);
    r->at += length;
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(charts)

// The municipal справка's statuses are six; in one line the last ones ran past the picture's
// right edge («документы не сформиров…», «ошибка обработки» not at all). The legend wraps, and
// the right margin holds no ink.
BOOST_AUTO_TEST_CASE(a_long_legend_wraps_inside_the_picture) {
    nastavnik::generate::Chart chart;
    chart.stacked = true;
    for (const char* name : {"соответствует", "есть замечания", "нарушения", "проверка не завершена", "документы не сформированы",
                             "ошибка обработки"}) {
        chart.series.push_back({name, 0x2E7D32});
    }
    chart.rows.push_back({"все организации", {12, 1, 1, 0, 0, 1}, std::nullopt, ""});
    const std::string png = nastavnik::generate::render_chart_png(chart);
    Reader reader{&png};
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> image(cairo_image_surface_create_from_png_stream(read_png, &reader),
                                                                            &cairo_surface_destroy);
    BOOST_REQUIRE(cairo_surface_status(image.get()) == CAIRO_STATUS_SUCCESS);
    const int width = cairo_image_surface_get_width(image.get()), height = cairo_image_surface_get_height(image.get());
    const int stride = cairo_image_surface_get_stride(image.get());
    const unsigned char* data = cairo_image_surface_get_data(image.get());
    int ink = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = width - 30; x < width; ++x) {
            const auto pixel = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4) & 0xFFFFFF;
            if (pixel != 0xFFFFFF) ++ink;
        }
    }
    BOOST_TEST(ink == 0);
    // The legend took a second line: the picture is taller than with a short one.
    nastavnik::generate::Chart short_legend = chart;
    short_legend.series.resize(2);
    for (auto& r : short_legend.rows) r.values.resize(2);
    const std::string other = nastavnik::generate::render_chart_png(short_legend);
    Reader r2{&other};
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> small(cairo_image_surface_create_from_png_stream(read_png, &r2),
                                                                            &cairo_surface_destroy);
    BOOST_TEST(cairo_image_surface_get_height(small.get()) < height);
}

BOOST_AUTO_TEST_SUITE_END()
