#include "generate/charts.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/number_words.hpp"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

namespace nastavnik::generate {

namespace {

constexpr double width = 1800;
constexpr double row_height = 90;
constexpr double label_width = 560;
constexpr double margin = 40;
constexpr const char* font = "Liberation Sans";  // metric-compatible with Arial, as in the documents

struct SurfaceFree {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* c) const noexcept { cairo_destroy(c); }
};

void set_rgb(cairo_t* cr, std::uint32_t rgb) {
    cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0);
}

void text(cairo_t* cr, double x, double y, const std::string& s, double size, bool bold = false, bool right = false) {
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    cairo_move_to(cr, right ? x - e.x_advance : x, y);
    cairo_show_text(cr, s.c_str());
}

// Long category names are cut to fit the label column, with an ellipsis.
std::string fit(cairo_t* cr, std::string s, double room) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, s.c_str(), &e);
    if (e.x_advance <= room) return s;
    while (!s.empty()) {
        do s.pop_back(); while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
        if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0xC0) s.pop_back();
        const std::string candidate = s + "…";
        cairo_text_extents(cr, candidate.c_str(), &e);
        if (e.x_advance <= room) return candidate;
    }
    return "…";
}

std::string number(double v, const std::string& unit) {
    const std::string s = text::decimal(v, 1);
    return unit.empty() ? s : s + "\u00A0" + unit;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Where each legend item starts: x, and the line it is on. Items that do not fit the width go on
// the next line («документы не сформированы», the fifth status, was cut at the picture's edge).
struct LegendPlace {
    double x;
    int line;
};
constexpr double legend_line = 48;

std::vector<LegendPlace> legend_places(const Chart& chart, bool any_target) {
    std::unique_ptr<cairo_surface_t, SurfaceFree> scratch(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1));
    std::unique_ptr<cairo_t, CairoFree> owner(cairo_create(scratch.get()));
    cairo_select_font_face(owner.get(), font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(owner.get(), 32);
    std::vector<std::string> names;
    for (const auto& s : chart.series) names.push_back(s.name);
    if (any_target) names.emplace_back("целевое значение");
    std::vector<LegendPlace> out;
    double x = margin;
    int line = 0;
    for (const auto& name : names) {
        cairo_text_extents_t e;
        cairo_text_extents(owner.get(), name.c_str(), &e);
        if (x > margin && x + 40 + e.x_advance > width - margin) {
            x = margin;
            ++line;
        }
        out.push_back({x, line});
        x += 40 + e.x_advance + 50;
    }
    return out;
}

}  // namespace

std::string render_chart_png(const Chart& chart) {
    const bool any_target = std::any_of(chart.rows.begin(), chart.rows.end(), [](const ChartRow& r) { return r.target.has_value(); });
    const auto places = legend_places(chart, any_target);
    const double legend_height = 70 + legend_line * (places.empty() ? 0 : places.back().line);
    // A chart under a figure caption has no title of its own (the caption says it).
    const double title_height = chart.title.empty() ? 0 : 90;
    const double height = title_height + legend_height + row_height * static_cast<double>(std::max<std::size_t>(chart.rows.size(), 1)) + 2 * margin + 40;
    std::unique_ptr<cairo_surface_t, SurfaceFree> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width), static_cast<int>(height)));
    std::unique_ptr<cairo_t, CairoFree> owner(cairo_create(surface.get()));
    cairo_t* cr = owner.get();
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);

    set_rgb(cr, 0x000000);
    if (!chart.title.empty()) text(cr, margin, margin + 40, chart.title, 44, true);

    // Legend
    const double ly = margin + title_height;
    for (std::size_t k = 0; k < chart.series.size(); ++k) {
        const double lx = places[k].x, y0 = ly + legend_line * places[k].line;
        set_rgb(cr, chart.series[k].rgb);
        cairo_rectangle(cr, lx, y0 - 26, 30, 30);
        cairo_fill(cr);
        set_rgb(cr, 0x000000);
        text(cr, lx + 40, y0, chart.series[k].name, 32);
    }
    if (any_target) {
        const double lx = places.back().x, y0 = ly + legend_line * places.back().line;
        set_rgb(cr, 0xC00000);
        cairo_set_line_width(cr, 6);
        cairo_move_to(cr, lx + 15, y0 - 30);
        cairo_line_to(cr, lx + 15, y0 + 6);
        cairo_stroke(cr);
        set_rgb(cr, 0x000000);
        text(cr, lx + 40, y0, "целевое значение", 32);
    }

    double max = 0;
    for (const auto& r : chart.rows) {
        double total = 0;
        for (double v : r.values) {
            total = chart.stacked ? total + v : std::max(total, v);
        }
        max = std::max({max, total, r.target.value_or(0)});
    }
    if (chart.max) max = *chart.max;
    if (max <= 0) max = 1;

    const double plot_x = margin + label_width;
    const double plot_w = width - plot_x - margin - 260;  // room for "79,1 % (34 из 43)"
    double y = ly + legend_height;
    cairo_select_font_face(cr, font, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    for (const auto& r : chart.rows) {
        set_rgb(cr, 0x000000);
        cairo_set_font_size(cr, 32);
        text(cr, margin, y + row_height / 2 + 10, fit(cr, r.label, label_width - 20), 32);
        const std::size_t n = r.values.size();
        double x = plot_x;
        const double band = row_height - 24;
        for (std::size_t i = 0; i < n && i < chart.series.size(); ++i) {
            const double w = plot_w * std::clamp(r.values[i] / max, 0.0, 1.0);
            set_rgb(cr, chart.series[i].rgb);
            if (chart.stacked) {
                cairo_rectangle(cr, x, y + 12, w, band);
                cairo_fill(cr);
                if (r.values[i] > 0 && w > 60) {
                    set_rgb(cr, 0xFFFFFF);
                    text(cr, x + w / 2 - 14, y + row_height / 2 + 10, number(r.values[i], ""), 28, true);
                }
                x += w;
            } else {
                const double h = band / static_cast<double>(n);
                cairo_rectangle(cr, plot_x, y + 12 + h * static_cast<double>(i), w, h - 4);
                cairo_fill(cr);
                set_rgb(cr, 0x000000);
                const std::string value = number(r.values[i], chart.unit) + (r.note.empty() || i > 0 ? "" : " (" + r.note + ")");
                text(cr, plot_x + w + 10, y + 12 + h * static_cast<double>(i) + h / 2 + 9, value, 26);
            }
        }
        if (chart.stacked) {
            double total = 0;
            for (double v : r.values) total += v;
            set_rgb(cr, 0x000000);
            text(cr, x + 12, y + row_height / 2 + 10, number(total, chart.unit), 28);
        }
        if (r.target) {
            const double tx = plot_x + plot_w * std::clamp(*r.target / max, 0.0, 1.0);
            set_rgb(cr, 0xC00000);
            cairo_set_line_width(cr, 6);
            cairo_move_to(cr, tx, y + 4);
            cairo_line_to(cr, tx, y + row_height - 4);
            cairo_stroke(cr);
        }
        y += row_height;
    }
    // Axis
    set_rgb(cr, 0x808080);
    cairo_set_line_width(cr, 2);
    cairo_move_to(cr, plot_x, ly + legend_height - 4);
    cairo_line_to(cr, plot_x, y + 4);
    cairo_stroke(cr);

    cairo_surface_flush(surface.get());
    std::string png;
    if (cairo_surface_write_to_png_stream(surface.get(), append, &png) != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorCode::internal, "диаграмма «" + (chart.title.empty() ? chart.rows.empty() ? std::string() : chart.rows.front().label : chart.title) + "» не записана в PNG (cairo)");
    }
    return png;
}

}  // namespace nastavnik::generate
