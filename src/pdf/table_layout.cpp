// Tables: column positions from the grid, cell contents laid out in their columns, and the
// drawing of a (part of a) row — shading, content, borders.

#include "nastavnik/core/error.hpp"
#include "nastavnik/pdf/render.hpp"
#include "pdf/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <numeric>

namespace nastavnik::pdf {

void Ops::append(Ops&& o, double dx, double dy) {
    // Moving the texts saves copying every word's characters at each level of nesting. (No
    // reserve for the sum: a page gets a slice at a time, and an exact reserve reallocated
    // and moved all the page's texts again for every line.)
    for (auto r : o.rects) { r.x += dx; r.y += dy; rects.push_back(r); }
    for (auto& t : o.texts) {
        t.x += dx;
        t.y += dy;
        texts.push_back(std::move(t));
    }
    for (auto l : o.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; lines.push_back(l); }
    for (auto i : o.images) { i.x += dx; i.y += dy; images.push_back(i); }
    o = Ops{};
}

void Ops::append(const Ops& o, double dx, double dy) {
    for (auto r : o.rects) { r.x += dx; r.y += dy; rects.push_back(r); }
    for (const auto& t : o.texts) {
        texts.push_back(t);
        texts.back().x += dx;
        texts.back().y += dy;
    }
    for (auto l : o.lines) { l.x1 += dx; l.x2 += dx; l.y1 += dy; l.y2 += dy; lines.push_back(l); }
    for (auto i : o.images) { i.x += dx; i.y += dy; images.push_back(i); }
}

std::vector<Slice> layout_blocks(const std::vector<Block>& blocks, double width, LayoutContext& ctx) {
    std::vector<Slice> out;
    for (const Block& b : blocks) {
        if (b.paragraph) {
            auto s = layout_paragraph(*b.paragraph, width, ctx);
            for (auto& x : s) out.push_back(std::move(x));
        } else if (b.table) {
            // A table inside a cell or a header is one unsplittable slice.
            if (++ctx.depth > RenderLimits::max_table_depth) {
                throw Error(ErrorCode::package_invalid, "таблицы вложены слишком глубоко — такой документ не печатается",
                            InputLocation{ctx.warnings.file(), 0, 0, ctx.part});
            }
            const TableBox box = layout_table(*b.table, width, ctx);
            --ctx.depth;
            ctx.prev_after = 0;
            Slice s;
            double y = 0;
            // Merged cells share the height of their rows here too, as in a body table.
            std::map<double, std::vector<Slice>> carry, next_carry;
            for (std::size_t r = 0; r < box.rows.size(); ++r) {
                const RowBox& row = box.rows[r];
                auto content = all_content(row);
                flow_merged(row, content, carry, next_carry);
                const double h = row_height(row, content);
                s.ops.append(draw_row(row, content, h, true, true), 0, y);  // a temporary: moved
                for (const auto& cell : content) {
                    for (const Slice* c : cell) s.notes.insert(s.notes.end(), c->notes.begin(), c->notes.end());
                }
                y += h;
                carry.swap(next_carry);
            }
            s.height = y;
            out.push_back(std::move(s));
        }
    }
    return out;
}

void settle_floating_tables(Document& doc, FontResolver& fonts, Warnings& warnings) {
    // LibreOffice floats a table only when it is narrower than the text area by more than
    // 4.69 mm (Word wraps nothing beside a table that close to the width); a wider one is
    // printed in the flow, where it may be split across pages.
    constexpr double word_margin = 4.69 / 25.4 * 72;
    for (Section& sec : doc.sections) {
        const double text_width = sec.page_width - sec.margin_left - sec.margin_right;
        for (std::size_t i = 0; i < sec.body.size(); ++i) {
            if (!sec.body[i].paragraph) continue;
            auto& content = sec.body[i].paragraph->content;
            for (std::size_t k = 0; k < content.size(); ++k) {
                if (content[k].kind != InlineKind::frame) continue;
                Frame& f = doc.frames[static_cast<std::size_t>(content[k].frame)];
                if (!f.fit_height || f.blocks.empty() || f.width + word_margin < text_width) continue;
                Block table = std::move(f.blocks.front());
                f.blocks.clear();
                f.fit_height = false;
                content.erase(content.begin() + static_cast<std::ptrdiff_t>(k));
                sec.body.insert(sec.body.begin() + static_cast<std::ptrdiff_t>(i), std::move(table));
                ++i;
                break;
            }
        }
    }
    for (std::size_t i = 0; i < doc.frames.size(); ++i) {
        if (!doc.frames[i].fit_height) continue;
        LayoutContext ctx{fonts, doc, warnings, "word/document.xml", false, 0, 0, 0, nullptr, 0, 0, {}, false, {}, 0, 0, 0};
        double h = 0;
        for (const auto& s : layout_blocks(doc.frames[i].blocks, doc.frames[i].width, ctx)) h += s.height;
        doc.frames[i].height = h;
    }
}

double row_height(const RowBox& row, const std::vector<std::vector<const Slice*>>& content) {
    // A cell merged with the rows below (vMerge) does not make this row taller: its content
    // flows on into them (place_table) — unless every cell of the row is such a cell.
    double h = 0, merged = 0;
    bool counted = false;
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        const CellBox& c = row.cells[k];
        if (c.merged_above && content[k].empty()) continue;
        double ch = c.cell->margin_top + c.cell->margin_bottom;
        for (const Slice* s : content[k]) ch += s->height;
        if (c.merged_below) {
            merged = std::max(merged, ch);
            continue;
        }
        h = std::max(h, ch);
        counted = true;
    }
    if (!counted) h = merged;
    return row.exact ? row.min_height : std::max(h, row.min_height);
}

std::vector<std::vector<const Slice*>> all_content(const RowBox& row) {
    std::vector<std::vector<const Slice*>> content;
    for (const auto& c : row.cells) {
        content.emplace_back();
        for (const auto& s : c.content) content.back().push_back(&s);
    }
    return content;
}

/// vMerge: `carry` (what the merged cells of the previous row left) joins `content`; what
/// of this row's merged cells does not fit its height goes to `next_carry`, by the cell's x.
/// Word and LibreOffice share a merged cell's height among its rows instead of making the
/// first one taller; the text goes on where it stands, which a blank of negative height
/// before it in the next row says (there is no border between the rows of a merged cell).
void flow_merged(const RowBox& row, std::vector<std::vector<const Slice*>>& content,
                        const std::map<double, std::vector<Slice>>& carry, std::map<double, std::vector<Slice>>& next_carry) {
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        const auto it = carry.find(row.cells[k].x);
        if (!row.cells[k].merged_above || it == carry.end()) continue;
        for (const Slice& s : it->second) content[k].push_back(&s);
    }
    next_carry.clear();
    const double natural = row_height(row, content);
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        if (!row.cells[k].merged_below) continue;
        const Cell& c = *row.cells[k].cell;
        double used = c.margin_top + c.margin_bottom;
        std::size_t n = 0;
        while (n < content[k].size() && used + content[k][n]->height <= natural + 0.01) used += content[k][n++]->height;
        if (n == content[k].size()) continue;
        auto& rest = next_carry[row.cells[k].x];
        rest.emplace_back().height = std::min(0.0, used - c.margin_top - c.margin_bottom - natural);
        for (std::size_t m = n; m < content[k].size(); ++m) rest.push_back(*content[k][m]);
        content[k].resize(n);
    }
}

/// The length of the longest line of `slices` (from its first glyph to its last, whatever
/// its alignment) plus the widest indents of `blocks`: how long rotated text is unwrapped.
static double natural_length(const std::vector<Slice>& slices, const std::vector<Block>& blocks) {
    double indents = 0;
    for (const Block& b : blocks) {
        if (b.paragraph) {
            const ParaProps& pp = b.paragraph->props;
            indents = std::max(indents, pp.ind_left + pp.ind_right + std::max(pp.first_line, 0.0));
        }
    }
    double longest = 0;
    for (const auto& s : slices) {
        double lo = 1e9, hi = -1e9;
        for (const auto& t : s.ops.texts) {
            double w = 0;
            for (char32_t ch : t.text) w += t.face->advance(ch) * t.size + t.char_spacing;
            lo = std::min(lo, t.x);
            hi = std::max(hi, t.x + w);
        }
        if (hi > lo) longest = std::max(longest, hi - lo);
    }
    return longest + indents + 1.0;
}

/// The slices of a cell's text laid out along `along`, turned by `rotate` degrees into one
/// slice `inner` wide and as tall as the text is long (`fixed`: the length of an exact row).
std::vector<Slice> rotated(std::vector<Slice>&& slices, int rotate, double inner, double fixed) {
    Ops flat;
    double h = 0;
    for (auto& s : slices) {
        flat.append(std::move(s.ops), 0, h);
        h += s.height;
    }
    // Extent along the text: from the first glyph to the end of the longest line.
    double lo = 1e9, hi = -1e9;
    for (const auto& t : flat.texts) {
        double w = 0;
        for (char32_t ch : t.text) w += t.face->advance(ch) * t.size + t.char_spacing;
        lo = std::min(lo, t.x);
        hi = std::max(hi, t.x + w);
    }
    for (const auto& l : flat.lines) {
        lo = std::min({lo, l.x1, l.x2});
        hi = std::max({hi, l.x1, l.x2});
    }
    if (hi < lo) lo = hi = 0;
    const double len = fixed > 0 ? fixed : hi - lo;
    const double shift = fixed > 0 ? 0 : lo;
    // (x along the line, y down the lines) → the cell: bottom to top from the left edge, or
    // top to bottom from the right edge.
    auto map = [&](double x, double y) -> std::pair<double, double> {
        x -= shift;
        return rotate > 0 ? std::pair{y, len - x} : std::pair{inner - y, x};
    };
    Slice out;
    out.height = len;
    for (auto& t : flat.texts) {
        std::tie(t.x, t.y) = map(t.x, t.y);
        t.rotate = rotate;
        out.ops.texts.push_back(std::move(t));
    }
    for (auto l : flat.lines) {
        std::tie(l.x1, l.y1) = map(l.x1, l.y1);
        std::tie(l.x2, l.y2) = map(l.x2, l.y2);
        out.ops.lines.push_back(l);
    }
    for (auto r : flat.rects) {
        auto [x1, y1] = map(r.x, r.y);
        auto [x2, y2] = map(r.x + r.w, r.y + r.h);
        out.ops.rects.push_back(DrawRect{std::min(x1, x2), std::min(y1, y2), std::abs(x2 - x1), std::abs(y2 - y1), r.color, r.fill});
    }
    for (auto im : flat.images) {
        auto [x1, y1] = map(im.x, im.y);
        auto [x2, y2] = map(im.x + im.w, im.y + im.h);
        out.ops.images.push_back(DrawImage{std::min(x1, x2), std::min(y1, y2), std::abs(x2 - x1), std::abs(y2 - y1), im.image});
    }
    for (auto& s : slices) out.notes.insert(out.notes.end(), s.notes.begin(), s.notes.end());
    std::vector<Slice> one;
    one.push_back(std::move(out));
    return one;
}

TableBox layout_table(const Table& t, double width, LayoutContext& ctx, bool rows) {
    TableBox box;
    box.table = &t;
    std::vector<double> grid = t.grid;
    std::size_t columns = grid.size();
    for (const Row& r : t.rows) {
        auto n = static_cast<std::size_t>(r.grid_before);
        for (const Cell& c : r.cells) n += static_cast<std::size_t>(c.grid_span);
        columns = std::max(columns, n);
    }
    grid.resize(columns, 0);
    // Columns without a width share what is left of the text width.
    const double known = std::accumulate(grid.begin(), grid.end(), 0.0);
    const auto zeros = static_cast<double>(std::count(grid.begin(), grid.end(), 0.0));
    if (zeros > 0) {
        const double each = std::max(width - known, zeros * 20) / zeros;
        for (auto& g : grid) if (g == 0) g = each;
    }
    if (t.width_pct > 0) {
        const double target = width * t.width_pct / 100.0, total = std::accumulate(grid.begin(), grid.end(), 0.0);
        if (total > 0) for (auto& g : grid) g *= target / total;
    }
    box.xs.assign(columns + 1, 0);
    for (std::size_t i = 0; i < columns; ++i) box.xs[i + 1] = box.xs[i] + grid[i];
    box.width = box.xs[columns];
    box.offset = t.indent;
    if (t.align == Align::center) box.offset = (width - box.width) / 2;
    else if (t.align == Align::right) box.offset = width - box.width;
    else if (ctx.doc.tables_outdented && !t.rows.empty() && !t.rows.front().cells.empty()) {
        box.offset -= t.rows.front().cells.front().margin_left;
    }
    if (rows) {
        for (std::size_t r = 0; r < t.rows.size(); ++r) box.rows.push_back(box.row(r, ctx));
    }
    return box;
}

std::size_t TableBox::start_column(std::size_t r, std::size_t k) const {
    auto col = static_cast<std::size_t>(table->rows[r].grid_before);
    const auto& cells = table->rows[r].cells;
    for (std::size_t i = 0; i < k && i < cells.size(); ++i) col += static_cast<std::size_t>(cells[i].grid_span);
    return col;
}

RowBox TableBox::row(std::size_t r, LayoutContext& ctx) const {
    const Table& t = *table;
    const std::size_t columns = xs.size() - 1;
    // Whether the cell starting at grid column `col` continues into the next row (vMerge).
    auto continues_below = [&](std::size_t col) {
        if (r + 1 >= t.rows.size()) return false;
        const auto& next = t.rows[r + 1].cells;
        for (std::size_t k = 0; k < next.size(); ++k) {
            if (start_column(r + 1, k) == col) return next[k].vmerge == Cell::VMerge::cont;
        }
        return false;
    };
    const Row& row = t.rows[r];
    RowBox rb;
    rb.header = row.header;
    rb.cant_split = row.cant_split;
    rb.min_height = row.height;
    rb.exact = row.height_exact && row.height > 0;
    auto col = static_cast<std::size_t>(row.grid_before);  // cells start after the columns the row skips
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        const Cell& c = row.cells[k];
        const std::size_t begin = std::min(columns, col);
        const std::size_t end = std::min(columns, col + static_cast<std::size_t>(c.grid_span));
        CellBox cb;
        cb.cell = &c;
        cb.x = offset + xs[begin];
        cb.width = xs[end] - xs[begin];
        cb.merged_above = c.vmerge == Cell::VMerge::cont;
        cb.merged_below = c.vmerge != Cell::VMerge::none && continues_below(col);
        if (!cb.merged_above) {
            const double inner = std::max(cb.width - c.margin_left - c.margin_right, 6.0);
            LayoutContext cell_ctx = ctx;
            cell_ctx.prev_after = 0;
            cell_ctx.prev_style.clear();
            if (c.rotate != 0) {
                // Rotated text: its lines run along the row's height — a row with a height of
                // its own (exact or at least) wraps them to it, as LibreOffice and Word do —,
                // else as long as the longest line needs; then the whole is turned into the cell.
                double along = std::max(rb.min_height - c.margin_top - c.margin_bottom, 0.0);
                if (along < 6.0) {
                    LayoutContext probe_ctx = cell_ctx;
                    along = std::max(natural_length(layout_blocks(c.blocks, 2000.0, probe_ctx), c.blocks), 6.0);
                }
                cb.content = rotated(layout_blocks(c.blocks, along, cell_ctx), c.rotate, inner, along);
            } else {
                cb.content = layout_blocks(c.blocks, inner, cell_ctx);
            }
        }
        rb.cells.push_back(std::move(cb));
        col += static_cast<std::size_t>(c.grid_span);
    }
    return rb;
}

Ops draw_row(const RowBox& row, const std::vector<std::vector<const Slice*>>& content, double height, bool first_part,
             bool last_part) {
    Ops ops;
    for (std::size_t k = 0; k < row.cells.size(); ++k) {
        const CellBox& cb = row.cells[k];
        const Cell& c = *cb.cell;
        if (c.shading && *c.shading != 0xFFFFFF) ops.rects.push_back(DrawRect{cb.x, 0, cb.width, height, *c.shading, true});
        double y = c.margin_top;
        // Only a row drawn whole has room to spare below its content; merged cells flow on.
        if (c.valign != Cell::VAlign::top && first_part && last_part && !cb.merged_above && !cb.merged_below &&
            k < content.size()) {
            double used = c.margin_top + c.margin_bottom;
            for (const Slice* s : content[k]) used += s->height;
            const double spare = std::max(0.0, height - used);
            y += c.valign == Cell::VAlign::bottom ? spare : spare / 2;
        }
        if (k < content.size()) {
            for (const Slice* s : content[k]) {
                ops.append(s->ops, cb.x + c.margin_left, y);
                y += s->height;
            }
        }
        auto edge = [&](const Border& b, double x1, double y1, double x2, double y2) {
            if (b.present) ops.lines.push_back(DrawLine{x1, y1, x2, y2, b.width, b.color});
        };
        // A row split across pages is closed at the page edge, as Word draws it.
        if (!cb.merged_above || !first_part) edge(c.top, cb.x, 0, cb.x + cb.width, 0);
        if (!cb.merged_below || !last_part) edge(c.bottom, cb.x, height, cb.x + cb.width, height);
        edge(c.left, cb.x, 0, cb.x, height);
        edge(c.right, cb.x + cb.width, 0, cb.x + cb.width, height);
    }
    return ops;
}

}  // namespace nastavnik::pdf
