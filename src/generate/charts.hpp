#pragma once
// Internal: the bar charts of the analytical reports (the organisation's and the municipal one), drawn with cairo into PNG. A chart is a
// picture for people; the same figures go into the CSV table for programs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::generate {

struct ChartSeries {
    std::string name;       // legend
    std::uint32_t rgb = 0;  // 0xRRGGBB
};

struct ChartRow {
    std::string label;                    // category, left of the bars
    std::vector<double> values;           // one per series
    std::optional<double> target;         // a marker line on the row (e.g. the region's target)
    std::string note;                     // after the value: "34 из 43"
};

struct Chart {
    std::string title;                    // "" under a figure caption: no title in the picture
    std::vector<ChartSeries> series;
    std::vector<ChartRow> rows;
    bool stacked = false;                 // series stacked in one bar, else side by side
    std::string unit;                     // "%" or "" — printed after values
    std::optional<double> max;            // axis maximum (100 for shares); else from the data
};

/// PNG bytes, 1800 px wide (15 cm at 300 dpi). Deterministic for the same chart and fonts.
std::string render_chart_png(const Chart& chart);

}  // namespace nastavnik::generate
