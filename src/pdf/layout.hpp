#pragma once
// Internal: layout — paragraphs become lines, tables become rows of cells, and the paginator
// puts them on pages. Everything is in points with y growing downwards from the top of the
// page (the PDF writer flips it).

#include "pdf/fonts.hpp"
#include "pdf/model.hpp"
#include "pdf/warnings.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace nastavnik::pdf {

struct DrawText {
    double x = 0, y = 0;  // left end of the baseline
    Face* face = nullptr;
    double size = 0;
    std::u32string text;
    std::uint32_t color = 0;
    double char_spacing = 0;
    int rotate = 0;  // 90: the baseline runs up the page, -90: down (text in table cells)
    // Shaped text (Arabic, Hebrew): the glyphs to draw in this order, each with the character
    // it stands for; `text` is then what they spell, in logical order.
    std::vector<std::uint16_t> glyphs;
    std::u32string glyph_chars;
};
struct DrawLine {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0, width = 0.5;
    std::uint32_t color = 0;
};
struct DrawRect {
    double x = 0, y = 0, w = 0, h = 0;
    std::uint32_t color = 0;
    bool fill = true;
};
struct DrawImage {
    double x = 0, y = 0, w = 0, h = 0;  // y: top edge
    int image = -1;
};

struct Ops {
    std::vector<DrawRect> rects;  // drawn first: shading goes under text
    std::vector<DrawText> texts;
    std::vector<DrawLine> lines;
    std::vector<DrawImage> images;
    void append(const Ops& other, double dx, double dy);
    void append(Ops&& other, double dx, double dy);
    [[nodiscard]] bool empty() const { return rects.empty() && texts.empty() && lines.empty() && images.empty(); }
};

/// A piece of a column that is never split: a line of a paragraph (with its paragraph's
/// spacing), or a whole nested table. Ops are relative to the slice's top-left corner.
struct Slice {
    double height = 0;
    Ops ops;
    bool keep_with_next = false;
    bool break_before = false;  // a page break precedes this slice
    bool column_break = false;  // … a column break (a page break where there is one column)
    double space_before = 0;    // the paragraph's space before, included in height: dropped at
                                // the top of a page the text flowed onto (as LibreOffice does)
    std::vector<int> notes;     // footnotes whose reference marks are on this line (Document::notes)
    std::vector<int> floats;    // anchored frames of the paragraph (on its first slice; Document::frames)
    double space_after = 0;     // blank below the text, included in height (the paragraph's space
                                // after, the extra of a proportional line spacing): may run past
                                // the foot of a page (as LibreOffice and Word do)
};

struct LayoutContext {
    FontResolver& fonts;
    const Document& doc;
    Warnings& warnings;
    std::string part;  // for warnings
    bool hyphenate = false;
    int page_number = 0;  // for PAGE fields in headers and footers; 0 in the body
    int page_count = 0;     // NUMPAGES: 0 while unknown (the body's first pass)
    int section_pages = 0;  // SECTIONPAGES: pages of the section, 0 while unknown
    bool* count_wanted = nullptr;  // set when a count was asked for and not known yet
    int depth = 0;
    // The previous paragraph in the same column: LibreOffice (and Word for DOCX) put the larger
    // of its space after and the next one's space before between them, not the sum.
    double prev_after = 0;
    std::string prev_style;
    bool prev_contextual = false;
    // Square wrapping: where frames anchored to earlier paragraphs keep text away, in the
    // column's coordinates from the top of its text (`flow_y`: the height laid out so far,
    // page breaks not counted — a frame is placed on the page of its paragraph).
    struct Exclusion {
        double y1, y2, x1, x2;
    };
    std::vector<Exclusion> exclusions;
    double flow_y = 0;
    double column_left = 0, page_width = 0;  // of the section, for frames placed on the page
};

/// Slices of text laid out along a line, turned by `rotate` (90, -90) into one slice `inner`
/// wide and as tall as the text is long (`fixed` > 0: that tall, the text laid out along it).
std::vector<Slice> rotated(std::vector<Slice>&& slices, int rotate, double inner, double fixed);

/// A frame (text box, shape, WordArt, picture, group) drawn in a box of its size at (0,0).
Ops draw_frame(const Frame& f, LayoutContext& ctx);
/// Floating tables before pagination: those too wide for text beside them back in the flow,
/// the others measured (their frames are as tall as their rows).
void settle_floating_tables(Document& doc, FontResolver& fonts, Warnings& warnings);
/// Whether the anchored square-wrapped frame `frame` of a paragraph, with the paragraph's other
/// such `frames` beside it, leaves too little of the column's `width` for text: the text then
/// goes below them, as with top-and-bottom wrapping.
bool leaves_no_room(int frame, const std::vector<int>& frames, double width, const LayoutContext& ctx);
/// Left edge of an anchored frame in the column's coordinates.
double frame_x(const Frame& f, double column_width, const LayoutContext& ctx);

/// Lines of a paragraph in a column `width` wide.
std::vector<Slice> layout_paragraph(const Paragraph& p, double width, LayoutContext& ctx);

/// A table laid out row by row, for the paginator to split between and inside rows.
struct CellBox {
    double x = 0, width = 0;
    const Cell* cell = nullptr;
    std::vector<Slice> content;
    bool merged_below = false;  // vMerge continues in the next row: no bottom border
    bool merged_above = false;  // a vMerge continuation: no top border, no content
};
struct RowBox {
    std::vector<CellBox> cells;
    double min_height = 0;
    bool exact = false;
    bool header = false;
    bool cant_split = false;
};
struct TableBox {
    const Table* table = nullptr;
    std::vector<double> xs;  // column edges from the table's left edge
    double offset = 0;       // of the table's left edge in the column
    double width = 0;
    std::vector<RowBox> rows;  // all rows, or none when the paginator lays them out one by one
    /// Row `r` laid out (cell contents in their columns).
    [[nodiscard]] RowBox row(std::size_t r, LayoutContext& ctx) const;

private:
    [[nodiscard]] std::size_t start_column(std::size_t r, std::size_t k) const;
};
/// Column geometry, and every row when `rows` (the paginator lays a long table out row by row
/// as it places it, so that a table of 100 000 rows is never laid out at once).
TableBox layout_table(const Table& t, double width, LayoutContext& ctx, bool rows = true);

/// Blocks stacked without pagination (headers, footers, cells); returns the height.
std::vector<Slice> layout_blocks(const std::vector<Block>& blocks, double width, LayoutContext& ctx);

/// The slices of every cell of a row, in cell order.
std::vector<std::vector<const Slice*>> all_content(const RowBox& row);
/// A row's height for the given content per cell; vertically merged cells do not make it taller.
double row_height(const RowBox& row, const std::vector<std::vector<const Slice*>>& content);
/// vMerge: `carry` (what the merged cells of the previous row left, by the cell's x) joins
/// `content`; what of this row's merged cells does not fit the row goes to `next_carry`.
void flow_merged(const RowBox& row, std::vector<std::vector<const Slice*>>& content,
                 const std::map<double, std::vector<Slice>>& carry, std::map<double, std::vector<Slice>>& next_carry);

/// Draws a row of `height` at (0,0) with the given content slices per cell (which may be a
/// part of each cell's content when the row is split across pages).
Ops draw_row(const RowBox& row, const std::vector<std::vector<const Slice*>>& content, double height, bool first_part,
             bool last_part);

struct Page {
    double width = 0, height = 0;
    Ops ops;
};

/// The whole document on pages. Throws Error(package_invalid) beyond max_pages (at most
/// RenderLimits::max_pages).
std::vector<Page> paginate(const Document& doc, FontResolver& fonts, Warnings& warnings, bool hyphenate, int max_pages);

}  // namespace nastavnik::pdf
