// Pagination: slices and table rows onto pages, honouring keep-with-next chains (keepNext,
// keepLines, widow/orphan control), page breaks, rows split across pages with their header
// rows repeated; then headers and footers with page numbers.

#include "nastavnik/core/error.hpp"
#include "nastavnik/pdf/render.hpp"
#include "pdf/layout.hpp"

#include <algorithm>
#include <map>
#include <variant>

namespace nastavnik::pdf {

namespace {

constexpr double eps = 0.01;

/// A row whose paragraphs all keep with the next one stays on the page of the next row, as Word
/// and LibreOffice keep it: how a signature block of two rows (the parties' requisites, then
/// their signatures) is held together.
bool keeps_with_next_row(const RowBox& row) {
    bool any = false;
    for (const auto& c : row.cells) {
        if (c.merged_above || c.content.empty()) continue;
        if (!c.content.back().keep_with_next) return false;
        any = true;
    }
    return any;
}

/// How far the last row `r` of a table may reach past the foot of the page: its bottom border
/// (the table's), when the rows before it keep with it. LibreOffice does not count that border
/// for a chain of rows kept together (measured: with borders of 0.5 and 3 pt such a table ended
/// past the foot by up to the border's width and stayed on its page, one twip more and it went
/// to the next; rows that do not keep together get no such allowance). A curator
/// questionnaire's last table went whole to the next page in ours for 0.1 pt.
/// The widest bottom border a row draws under its cells (none under a cell merged with the next).
double bottom_border(const RowBox& row) {
    double w = 0;
    for (const auto& c : row.cells) {
        if (c.cell != nullptr && c.cell->bottom.present && !c.merged_below) w = std::max(w, c.cell->bottom.width);
    }
    return w;
}

double table_overhang(const Table& t, std::size_t r, const RowBox& row, bool prev_keeps) {
    return prev_keeps && r + 1 == t.rows.size() ? bottom_border(row) : 0;
}

struct PageInfo {
    std::size_t section = 0;
    int number = 1;
    bool first_of_section = false;
};

class Paginator {
public:
    Paginator(const Document& doc, FontResolver& fonts, Warnings& warnings, bool hyphenate, int max_pages)
        : doc_(doc), fonts_(fonts), warnings_(warnings), hyphenate_(hyphenate),
          max_pages_(std::clamp(max_pages, 1, RenderLimits::max_pages)) {}

    /// For a second pass: the counts the first one found.
    void know_counts(int total, std::vector<int> section_pages) {
        known_total_ = total;
        known_section_pages_ = std::move(section_pages);
    }
    /// The body asked for NUMPAGES or SECTIONPAGES before they were known.
    [[nodiscard]] bool count_wanted() const { return count_wanted_; }
    /// Pages of each section, after run().
    [[nodiscard]] std::vector<int> section_pages() const {
        std::vector<int> n(doc_.sections.size(), 0);
        for (const auto& pi : info_) ++n[pi.section];
        return n;
    }

    std::vector<Page> run() {
        int number = 0;
        break_page_ = 0;
        for (std::size_t si = 0; si < doc_.sections.size(); ++si) {
            const Section& sec = doc_.sections[si];
            section_ = si;
            LayoutContext ctx{fonts_, doc_, warnings_, "word/document.xml", hyphenate_, 0, known_total_,
                              si < known_section_pages_.size() ? known_section_pages_[si] : 0, &count_wanted_,
                              0, 0, {}, false, {}, 0, 0, 0};
            text_width_ = sec.page_width - sec.margin_left - sec.margin_right;
            set_columns(sec);
            left_ = sec.margin_left;
            width_ = col_w_.front();
            ctx.column_left = sec.margin_left;
            ctx.page_width = sec.page_width;
            // A continuous section break goes on on the same page (a different page size
            // needs a new page, as in Word).
            const Section* prev = si > 0 ? &doc_.sections[si - 1] : nullptr;
            if (!(sec.continuous && prev != nullptr && !pages_.empty() && prev->page_width == sec.page_width &&
                  prev->page_height == sec.page_height)) {
                // A page break just before the section break opened a page nothing went on:
                // the section starts there rather than on a page after it (LibreOffice makes
                // one break of the two; a blank page was left between them).
                if (!pages_.empty() && break_page_ == pages_.size() && !placed_ && pages_.back().ops.empty()) {
                    pages_.pop_back();
                    info_.pop_back();
                    number = info_.empty() ? 0 : info_.back().number;
                }
                number = sec.page_start > 0 ? sec.page_start : number + 1;
                new_page(sec, number, true);
            } else {
                start_columns(y_);
            }
            auto items = items_of(sec.body, ctx);
            ctx_ = &ctx;
            // Columns before a continuous section break are balanced (Word and LibreOffice):
            // the text ends as low in each of them, and the next section follows below.
            const Section* next = si + 1 < doc_.sections.size() ? &doc_.sections[si + 1] : nullptr;
            if (columns_ > 1 && next != nullptr && next->continuous && next->page_width == sec.page_width &&
                next->page_height == sec.page_height) {
                balanced_ = true;
            }
            flow(items);
            balanced_ = false;
            end_columns();
            ctx_ = nullptr;
            number = info_.back().number;
        }
        endnotes();
        flush_notes();
        decorate();
        return std::move(pages_);
    }

private:
    using Item = std::variant<Slice, TableBox>;

    std::vector<Item> items_of(const std::vector<Block>& blocks, LayoutContext& ctx) {
        std::vector<Item> items;
        for (const Block& b : blocks) {
            if (b.paragraph) {
                for (auto& s : layout_paragraph(*b.paragraph, width_, ctx)) items.emplace_back(std::move(s));
            } else if (b.table) {
                // Only the header rows and the first row now (for keep chains); the rest
                // is laid out row by row as it is placed.
                TableBox box = layout_table(*b.table, width_, ctx, false);
                for (std::size_t r = 0; r < b.table->rows.size(); ++r) {
                    box.rows.push_back(box.row(r, ctx));
                    if (!box.rows.back().header && !keeps_with_next_row(box.rows.back())) break;
                }
                items.emplace_back(std::move(box));
                ctx.prev_after = 0;
            }
        }
        return items;
    }

    // Footnotes of the current page, stacked above the foot of its text area; the body may
    // use the page down to limit().
    std::vector<Slice> notes_;
    double notes_h_ = 0;
    double notes_left_ = 0, notes_width_ = 0, notes_bottom_ = 0;
    // LibreOffice's footnote area: a separator line a quarter of the text width, 11.7 pt from
    // the last line of text to the first of the notes (measured on its PDFs).
    static constexpr double separator_h = 11.7;

    [[nodiscard]] double limit() const {
        const double l = bottom_ - notes_h_;
        return balance_bottom_ > 0 && column_ + 1 < columns_ ? std::min(l, balance_bottom_) : l;
    }

    // Text columns of the section (w:cols): their left edges from the margin and widths; the
    // column being filled, the top the columns start at on this page (below the previous
    // section's text on the page of a continuous break), and how low the full ones reach.
    std::vector<double> col_x_{0}, col_w_{0};
    int columns_ = 1, column_ = 0;
    double col_top_ = 0, col_low_ = 0, balance_bottom_ = 0, text_width_ = 0;
    bool col_line_ = false;
    // The section's columns are balanced (a continuous break follows): on the page where the
    // rest of its text fits, which `balanced_page_` remembers once it is computed.
    bool balanced_ = false;
    std::size_t balanced_page_ = 0;

    void set_columns(const Section& sec) {
        columns_ = std::max(sec.columns, 1);
        col_line_ = sec.column_line;
        col_x_.assign(1, 0);
        col_w_.assign(1, text_width_);
        balance_bottom_ = 0;
        if (columns_ == 1) return;
        col_x_.clear();
        col_w_.clear();
        double x = 0;
        if (!sec.column_sizes.empty()) {
            // Widths of their own, scaled to the text width should they not add up to it.
            double total = 0;
            for (std::size_t k = 0; k < sec.column_sizes.size(); ++k) {
                total += sec.column_sizes[k].first + (k + 1 < sec.column_sizes.size() ? sec.column_sizes[k].second : 0);
            }
            const double scale = total > 0 ? text_width_ / total : 1;
            for (const auto& [w, gap] : sec.column_sizes) {
                col_x_.push_back(x);
                col_w_.push_back(std::max(w * scale, 12.0));
                x += (w + gap) * scale;
            }
        } else {
            const double gap = std::min(sec.column_space, text_width_ / columns_ / 2);
            const double w = (text_width_ - gap * (columns_ - 1)) / columns_;
            for (int k = 0; k < columns_; ++k) {
                col_x_.push_back(x);
                col_w_.push_back(w);
                x += w + gap;
            }
        }
    }
    void start_columns(double top) {
        column_ = 0;
        col_top_ = col_low_ = top;
        if (!col_x_.empty()) left_ = doc_.sections[section_].margin_left + col_x_.front();
    }
    /// Lines between the columns used on this page, as long as the longest column.
    void column_lines() {
        if (!col_line_ || columns_ < 2 || pages_.empty()) return;
        const double low = std::max(col_low_, y_);
        const double margin = doc_.sections[section_].margin_left;
        for (int k = 1; k <= column_ && k < columns_; ++k) {
            const double x = margin + (col_x_[k - 1] + col_w_[k - 1] + col_x_[k]) / 2;
            pages_.back().ops.lines.push_back(DrawLine{x, col_top_, x, low, 0.5, 0});
        }
    }
    /// The section's columns end: what follows starts below the lowest of them.
    void end_columns() {
        if (columns_ > 1) {
            column_lines();
            y_ = std::max(y_, col_low_);
        }
        columns_ = 1;
        column_ = 0;
        balance_bottom_ = 0;
    }
    /// The height that shares `items` out evenly among the columns of this page (each item —
    /// a line, a table row — whole): the lowest column bottom at which they all fit. Nothing
    /// is balanced when they do not fit on this page.
    void balance(const std::vector<Item>& items, std::size_t from, LayoutContext& ctx) {
        std::vector<double> units;
        LayoutContext probe = ctx;
        for (std::size_t i = from; i < items.size(); ++i) {
            const Item& it = items[i];
            if (const auto* sl = std::get_if<Slice>(&it)) {
                units.push_back(sl->height);
            } else {
                const auto& t = std::get<TableBox>(it);
                for (std::size_t r = 0; r < t.table->rows.size(); ++r) {
                    const RowBox row = r < t.rows.size() ? t.rows[r] : t.row(r, probe);
                    units.push_back(row_height(row, all_content(row)));
                }
            }
        }
        // The columns start below the frames on the page the text may not pass beside (a
        // picture anchored before them).
        double start = y_;
        for (const Band& b : bands_) start = std::max(start, b.y2);
        const double avail = bottom_ - notes_h_ - start;
        double total = 0;
        for (double u : units) total += u;
        if (total <= 0 || total > avail * columns_) return;
        const auto fits = [&](double h) {
            int col = 0;
            double used = 0;
            for (double u : units) {
                if (used + u > h + eps && used > 0) {
                    if (++col >= columns_) return false;
                    used = 0;
                }
                used += u;
            }
            return true;
        };
        double lo = total / columns_, hi = avail;
        if (!fits(hi)) return;
        for (int i = 0; i < 40 && hi - lo > 0.1; ++i) {
            const double mid = (lo + hi) / 2;
            (fits(mid) ? hi : lo) = mid;
        }
        balance_bottom_ = start + hi + eps;
    }

    // Frames with top-and-bottom wrapping on the current page: no text beside them.
    struct Band {
        double y1, y2;
    };
    std::vector<Band> bands_;

    /// Page coordinates of an anchored frame whose paragraph starts at `para_y` on a page
    /// whose text area is (left, top)–(left + width, bottom).
    static std::pair<double, double> frame_position(const Frame& f, const LayoutContext& ctx, double left, double width, double top,
                                                    double bottom, double page_h, double para_y) {
        const double x = left + frame_x(f, width, ctx);
        double area_top = para_y, area_h = 0;
        if (f.v_rel == "page") {
            area_top = 0;
            area_h = page_h;
        } else if (f.v_rel == "margin") {
            area_top = top;
            area_h = bottom - top;
        } else if (f.v_rel == "topMargin") {
            area_top = 0;
            area_h = top;
        } else if (f.v_rel == "bottomMargin") {
            area_top = bottom;
            area_h = page_h - bottom;
        }
        double y = area_top + f.v_offset;
        if (f.v_align == "top" || f.v_align == "inside") y = area_top;
        else if (f.v_align == "center") y = area_top + (area_h - f.height) / 2;
        else if (f.v_align == "bottom" || f.v_align == "outside") y = area_top + area_h - f.height;
        return {x, y};
    }

    /// Draws the anchored frames of a slice about to be placed at y_; those the text may not
    /// pass beside become bands.
    void place_floats(const std::vector<int>& floats, double para_y) {
        const Section& sec = doc_.sections[section_];
        for (int index : floats) {
            const Frame& f = doc_.frames[static_cast<std::size_t>(index)];
            const auto [x, y] = frame_position(f, *ctx_, left_, width_, top_, bottom_, sec.page_height, para_y);
            pages_.back().ops.append(draw_frame(f, *ctx_), x, y);
            const bool narrow_square = f.wrap == Frame::Wrap::square && f.width < width_ * 0.9 && !leaves_no_room(index, floats, width_, *ctx_);
            const bool paragraph_relative = f.v_rel == "paragraph" || f.v_rel == "line";
            // Square wrapping of a narrow frame is done by the line breaker (exclusions) when
            // the frame moves with its paragraph; a narrow one fixed on the page lets the text
            // pass (it is drawn over it).
            if (f.wrap == Frame::Wrap::top_bottom || (f.wrap == Frame::Wrap::square && !narrow_square) ||
                (narrow_square && !paragraph_relative && f.width > width_ * 0.5)) {
                bands_.push_back(Band{y - f.dist_top, y + f.height + f.dist_bottom});
            }
            if (narrow_square && !paragraph_relative && f.width <= width_ * 0.5) {
                warnings_.add("word/document.xml", "текст не обтекает узкую рамку, закреплённую на странице: рамка поверх текста");
            }
        }
    }
    /// y_ moved below the bands a block of `height` starting at y_ would cross.
    void below_bands(double height) {
        for (bool moved = true; moved;) {
            moved = false;
            for (const Band& b : bands_) {
                // A line that reaches less than a point into a frame below it stays (line heights
                // differ from Word's by fractions of a point).
                if (y_ < b.y2 - eps && y_ + height > b.y1 + 1.0) {
                    y_ = b.y2;
                    placed_ = true;
                    moved = true;
                }
            }
        }
    }

    /// The footnotes of `ids` laid out for this page; their height (with the separator if the
    /// page has none yet) in `h`. Endnotes are not footnotes: they go after the text.
    std::vector<Slice> footnotes(const std::vector<int>& ids, double& h) {
        std::vector<Slice> out;
        h = 0;
        for (int id : ids) {
            const Note& n = doc_.notes[static_cast<std::size_t>(id)];
            if (n.endnote) continue;
            LayoutContext ctx{fonts_, doc_, warnings_, "word/footnotes.xml", hyphenate_, 0, known_total_, 0, &count_wanted_,
                              0, 0, {}, false, {}, 0, 0, 0};
            for (auto& sl : layout_blocks(n.blocks, text_width_, ctx)) {
                h += sl.height;
                out.push_back(std::move(sl));
            }
        }
        if (!out.empty() && notes_.empty()) h += separator_h;
        return out;
    }
    void add_notes(std::vector<Slice>&& slices, double h) {
        if (slices.empty()) return;
        notes_h_ += h;
        for (auto& sl : slices) notes_.push_back(std::move(sl));
    }
    /// The footnotes collected for the page, drawn at its foot.
    void flush_notes() {
        if (notes_.empty() || pages_.empty()) return;
        double y = notes_bottom_ - notes_h_;
        Ops sep;
        sep.lines.push_back(DrawLine{0, 5.5, notes_width_ / 4, 5.5, 0.5, 0});
        pages_.back().ops.append(std::move(sep), notes_left_, y);
        y += separator_h;
        for (auto& sl : notes_) {
            pages_.back().ops.append(std::move(sl.ops), notes_left_, y);
            y += sl.height;
        }
        notes_.clear();
        notes_h_ = 0;
    }

    /// Endnotes after the text, from a new page (as LibreOffice prints them).
    void endnotes() {
        bool any = false;
        for (const auto& n : doc_.notes) any = any || n.endnote;
        if (!any || doc_.sections.empty()) return;
        const Section& sec = doc_.sections.back();
        width_ = text_width_;  // in one column
        LayoutContext ctx{fonts_, doc_, warnings_, "word/endnotes.xml", hyphenate_, 0, known_total_, 0, &count_wanted_,
                          0, 0, {}, false, {}, 0, 0, 0};
        std::vector<Item> items;
        for (const auto& n : doc_.notes) {
            if (!n.endnote) continue;
            for (auto& it : items_of(n.blocks, ctx)) items.push_back(std::move(it));
        }
        if (placed_) new_page(sec, info_.back().number + 1, false);
        ctx_ = &ctx;
        flow(items);
        ctx_ = nullptr;
    }

    const Document& doc_;
    FontResolver& fonts_;
    Warnings& warnings_;
    bool hyphenate_;
    std::vector<Page> pages_;
    std::vector<PageInfo> info_;
    std::size_t section_ = 0;
    double left_ = 0, width_ = 0, top_ = 0, bottom_ = 0, y_ = 0;
    bool placed_ = false;
    LayoutContext* ctx_ = nullptr;  // of the section being paginated
    int max_pages_;
    bool flowed_ = false;  // the current page began because the previous one was full
    std::size_t break_page_ = 0;  // the page (pages_.size()) an explicit page break opened last
    int known_total_ = 0;
    std::vector<int> known_section_pages_;
    bool count_wanted_ = false;

    const std::vector<Block>* story(const std::string& part) const {
        if (part.empty()) return nullptr;
        const auto it = doc_.stories.find(part);
        return it == doc_.stories.end() ? nullptr : &it->second;
    }

    std::map<std::pair<std::string, double>, double> story_heights_;  // by part and text width
    double story_height(const std::string& part, const Section& sec) {
        const auto* blocks = story(part);
        if (blocks == nullptr) return 0;
        const double width = sec.page_width - sec.margin_left - sec.margin_right;
        if (auto it = story_heights_.find({part, width}); it != story_heights_.end()) return it->second;
        LayoutContext ctx{fonts_, doc_, warnings_, part, false, 1, 1, 1, nullptr, 0, 0, {}, false, {}, 0, 0, 0};
        double h = 0;
        for (const auto& s : layout_blocks(*blocks, width, ctx)) h += s.height;
        story_heights_[{part, width}] = h;
        return h;
    }
    /// The header and footer of a page: the first page's own on a title page, the even ones
    /// on even-numbered pages when the document asks for them (Word leaves an even page
    /// without an even header of its own blank there), else the default ones.
    const std::string& header_of(const Section& sec, bool first, int number) const {
        if (first && sec.title_page) return sec.header_first;
        return doc_.even_odd_headers && number % 2 == 0 ? sec.header_even : sec.header_default;
    }
    const std::string& footer_of(const Section& sec, bool first, int number) const {
        if (first && sec.title_page) return sec.footer_first;
        return doc_.even_odd_headers && number % 2 == 0 ? sec.footer_even : sec.footer_default;
    }
    /// The text area of a page of `sec`: the header pushes it down, the footer up — the first
    /// page's own ones on a title page (the title block of an ЕСКД form is taller than the
    /// frame's strip on the pages after it). Header and footer distances matter only where
    /// there is a header or footer.
    void set_area(const Section& sec, bool first, int number) {
        const double header_h = story_height(header_of(sec, first, number), sec);
        const double footer_h = story_height(footer_of(sec, first, number), sec);
        top_ = header_h > 0 ? std::max(sec.margin_top, sec.header_distance + header_h) : sec.margin_top;
        bottom_ = sec.page_height - (footer_h > 0 ? std::max(sec.margin_bottom, sec.footer_distance + footer_h) : sec.margin_bottom);
        if (bottom_ - top_ < 72) bottom_ = top_ + 72;
    }

    void new_page(const Section& sec, int number, bool first) {
        if (static_cast<int>(pages_.size()) >= max_pages_) {
            throw Error(ErrorCode::package_invalid,
                        "документ длиннее " + std::to_string(max_pages_) +
                            " страниц — такой объём в PDF не выводится",
                        InputLocation{warnings_.file(), 0, 0, "word/document.xml"});
        }
        flush_notes();
        column_lines();
        set_area(sec, first, number);
        pages_.push_back(Page{sec.page_width, sec.page_height, {}});
        bands_.clear();
        notes_left_ = sec.margin_left;
        notes_width_ = text_width_;
        notes_bottom_ = bottom_;
        info_.push_back(PageInfo{section_, number, first});
        y_ = top_;
        start_columns(top_);
        balance_bottom_ = 0;
        placed_ = false;
        flowed_ = false;
    }
    void next_page(bool whole_page = false) {
        if (column_ + 1 < columns_ && !whole_page) {
            // The next column of the page, from the top the columns start at.
            col_low_ = std::max(col_low_, y_);
            ++column_;
            left_ = doc_.sections[section_].margin_left + col_x_[static_cast<std::size_t>(column_)];
            y_ = col_top_;
            placed_ = false;
            flowed_ = true;
            return;
        }
        const Section& sec = doc_.sections[section_];
        new_page(sec, info_.back().number + 1, false);
        flowed_ = true;
    }

    void put(Ops&& ops, double height) {
        pages_.back().ops.append(std::move(ops), left_, y_);
        y_ += height;
        placed_ = true;
    }

    /// `overhang`: what of it may pass the foot of the page when it ends a chain there.
    double item_height(const std::variant<Slice, TableBox>& item, double* overhang = nullptr) const {
        if (overhang != nullptr) *overhang = 0;
        if (const auto* s = std::get_if<Slice>(&item)) return s->height;
        const auto& t = std::get<TableBox>(item);
        double h = 0;
        for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
            const RowBox& r = t.rows[ri];
            if (!r.header && !keeps_with_next_row(r)) {
                if (overhang != nullptr && (r.cant_split || r.exact)) {
                    const bool prev_keeps = ri > 0 && !t.rows[ri - 1].header && keeps_with_next_row(t.rows[ri - 1]);
                    *overhang = table_overhang(*t.table, ri, r, prev_keeps);
                }
                // What keeps with a table needs only the first line of its first row on the
                // page when the row may split: LibreOffice starts a section's heading at a
                // page foot and splits its table's first row under it (an analytical
                // report's § 8 went whole to the next page in ours, leaving 15 % blank).
                h += r.cant_split || r.exact ? row_height(r, all_content(r)) : row_start_height(r);
                break;
            }
            h += row_height(r, all_content(r));
        }
        return h;
    }

    /// The least of a splittable row a page must hold: each cell's first line, with the cell's
    /// margins. Not the lines its paragraph's orphan control would keep with it: LibreOffice
    /// leaves a heading at the foot with a single first line of a widow-controlled paragraph
    /// in the row under it (measured), and place_table splits cells line by line too.
    static double row_start_height(const RowBox& row) {
        double h = 0;
        for (const CellBox& c : row.cells) {
            if (c.merged_above || c.content.empty()) continue;
            h = std::max(h, c.cell->margin_top + c.cell->margin_bottom + c.content.front().height);
        }
        return std::min(h, row_height(row, all_content(row)));
    }

    void flow(std::vector<Item>& items) {
        std::size_t chain_end = 0;
        balanced_page_ = 0;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (balanced_ && column_ == 0 && balanced_page_ != pages_.size()) {
                balanced_page_ = pages_.size();
                balance(items, i, *ctx_);
            }
            if (auto* s = std::get_if<Slice>(&items[i])) {
                if (s->break_before && placed_) {
                    // A column break goes to the next column (with one column: the next page).
                    const std::size_t before = pages_.size();
                    next_page(!s->column_break);
                    flowed_ = false;
                    if (pages_.size() != before) break_page_ = pages_.size();
                }
                // A page break with nothing after it (layout_paragraph): the page it opened
                // stays empty for what follows, and a break before that adds none.
                if (s->height == 0 && s->ops.empty()) continue;
                if (s->keep_with_next && i >= chain_end) keep_chain(items, i, chain_end);
                // A line with footnote references goes where its notes fit too.
                double notes_h = 0;
                auto notes = s->notes.empty() ? std::vector<Slice>{} : footnotes(s->notes, notes_h);
                if (y_ + s->height - s->space_after > limit() - notes_h + eps && placed_) {
                    next_page();
                    if (!s->notes.empty()) notes = footnotes(s->notes, notes_h);
                }
                add_notes(std::move(notes), notes_h);
                // A floating table goes to the next page with its paragraph when it does not
                // fit below it on this one (it does not run past the foot).
                for (int index : s->floats) {
                    const Frame& f = doc_.frames[static_cast<std::size_t>(index)];
                    if (f.fit_height && placed_ && y_ + s->space_before + f.v_offset + f.height > limit() + eps &&
                        f.height <= bottom_ - top_) {
                        next_page();
                        break;
                    }
                }
                if (!s->floats.empty()) place_floats(s->floats, y_ + (placed_ || !flowed_ ? s->space_before : 0));
                if (!bands_.empty()) {
                    const double above = y_;
                    below_bands(s->height - s->space_after);
                    // An empty paragraph that meets frames leaving no room beside them ends at
                    // their foot: LibreOffice gives its line the height down to the frames and
                    // sets nothing below them (a laboratory report's listing starts right under
                    // its two screenshots, not a line lower).
                    if (y_ > above && s->ops.empty() && s->floats.empty() && s->notes.empty() && !s->keep_with_next) {
                        y_ += s->space_after;
                        continue;
                    }
                    if (y_ + s->height - s->space_after > limit() + eps && y_ > top_ + eps) next_page();
                }
                if (!placed_ && ((flowed_ && s->space_before > 0) || s->space_before < 0)) {
                    y_ -= s->space_before;
                    placed_ = true;
                }
                put(std::move(s->ops), s->height);
            } else {
                // A table that keeps with what follows starts a chain of its own.
                if (i >= chain_end && table_keeps_with_next(std::get<TableBox>(items[i]))) keep_chain(items, i, chain_end);
                place_table(std::get<TableBox>(items[i]));
            }
        }
    }

    /// Every row laid out and keeping with the next: the table stays with what follows it, as
    /// Word and LibreOffice keep a signature block with the acknowledgements under it.
    static bool table_keeps_with_next(const TableBox& t) {
        if (t.rows.size() != t.table->rows.size() || t.rows.empty()) return false;
        for (const auto& r : t.rows) {
            if (!r.header && !keeps_with_next_row(r)) return false;
        }
        return !t.rows.back().header;
    }

    /// The chain of items from `i` that must stay together, up to the first that may end a
    /// page (computed once per chain, and only as far as a page reaches): on the next page when
    /// it does not fit on this one but fits on a page.
    void keep_chain(const std::vector<Item>& items, std::size_t i, std::size_t& chain_end) {
        const double page = bottom_ - top_;
        double h = 0;
        std::size_t j = i;
        for (; j < items.size() && h <= page; ++j) {
            const auto* sj = std::get_if<Slice>(&items[j]);
            if (j > i && sj != nullptr && sj->break_before) {
                --j;  // a page break ends the chain: what follows it is on the next page
                break;
            }
            double overhang = 0;
            h += item_height(items[j], &overhang);
            if (sj == nullptr) {
                if (table_keeps_with_next(std::get<TableBox>(items[j]))) continue;
                h -= overhang;
                break;
            }
            if (!sj->keep_with_next) {
                h -= sj->space_after;
                break;
            }
        }
        chain_end = j + 1;
        if (y_ + h > limit() + eps && placed_ && h <= page + eps) next_page();
    }

    void repeat_headers(const TableBox& t) {
        std::size_t n = 0;
        while (n < t.rows.size() && t.rows[n].header) ++n;
        std::vector<std::map<double, std::vector<Slice>>> carries(n + 1);
        std::vector<std::vector<std::vector<const Slice*>>> contents;
        double h = 0;
        for (std::size_t i = 0; i < n; ++i) {
            contents.push_back(all_content(t.rows[i]));
            flow_merged(t.rows[i], contents.back(), carries[i], carries[i + 1]);
            h += row_height(t.rows[i], contents.back());
        }
        // Header rows taller than half a page are not repeated: the page would hold nothing else.
        if (h == 0 || h > (bottom_ - top_) / 2) return;
        for (std::size_t i = 0; i < n; ++i) {
            const double rh = row_height(t.rows[i], contents[i]);
            put(draw_row(t.rows[i], contents[i], rh, true, true), rh);
        }
    }

    /// Footnotes referenced in a row's cells: at the foot of the page the row is on (the row
    /// was placed without room reserved for them).
    void row_notes(const std::vector<std::vector<const Slice*>>& content) {
        std::vector<int> ids;
        for (const auto& cell : content) {
            for (const Slice* c : cell) ids.insert(ids.end(), c->notes.begin(), c->notes.end());
        }
        if (ids.empty()) return;
        double h = 0;
        auto notes = footnotes(ids, h);
        add_notes(std::move(notes), h);
    }

    void place_table(const TableBox& t) {
        // Content of vertically merged cells that did not fit their row (flow_merged).
        std::map<double, std::vector<Slice>> carry, next_carry;
        bool prev_keeps = false;
        for (std::size_t ri = 0; ri < t.table->rows.size(); ++ri) {
            RowBox laid;
            if (ri >= t.rows.size()) laid = t.row(ri, *ctx_);
            const RowBox& row = ri < t.rows.size() ? t.rows[ri] : laid;
            const bool keeps = !row.header && keeps_with_next_row(row);
            if (keeps && !prev_keeps) {
                // A chain of rows that keep together goes to the next page whole when it fits one.
                double h = 0;
                for (std::size_t k = ri; k < t.table->rows.size() && h <= bottom_ - top_; ++k) {
                    RowBox other;
                    if (k >= t.rows.size() && k != ri) other = t.row(k, *ctx_);
                    const RowBox& rk = k == ri ? row : k < t.rows.size() ? t.rows[k] : other;
                    h += row_height(rk, all_content(rk));
                    if (!keeps_with_next_row(rk)) {
                        h -= table_overhang(*t.table, k, rk, k > ri);
                        break;
                    }
                }
                if (y_ + h > limit() + eps && placed_ && h <= bottom_ - top_ + eps) {
                    next_page();
                    repeat_headers(t);
                }
            }
            auto content = all_content(row);
            flow_merged(row, content, carry, next_carry);
            // At the top of a page carried text starts at the top of its cell.
            // What this row carries on to the next was placed relative to the carried start,
            // so it moves up with it (it started above the next page's table top).
            const auto restart_on_new_page = [&content, &row, &next_carry] {
                for (std::size_t k = 0; k < content.size(); ++k) {
                    auto& c = content[k];
                    if (c.empty() || c.front()->height >= 0 || !c.front()->ops.empty()) continue;
                    const double lifted = c.front()->height;
                    c.erase(c.begin());
                    const auto it = next_carry.find(row.cells[k].x);
                    if (it != next_carry.end() && !it->second.empty() && it->second.front().ops.empty()) {
                        it->second.front().height = std::min(0.0, it->second.front().height - lifted);
                    }
                }
            };
            bool first_part = true;
            bool moved = false;
            // A row that ends a page before its table ends needs room for its bottom border
            // there too (the last row's is in its height already): LibreOffice draws the line
            // below it and counts it — an analytical report's 10 pt row that fitted to the twip
            // without it went to the next page in LibreOffice's PDF.
            const double foot = ri + 1 < t.table->rows.size() ? bottom_border(row) : 0;
            const double overhang = table_overhang(*t.table, ri, row, prev_keeps);
            for (int guard = 0; guard < 1000000; ++guard) {
                const double full = row_height(row, content);
                if (!bands_.empty()) below_bands(full);
                const double avail = limit() - y_ - foot;
                if (full - overhang <= avail + eps) {
                    put(draw_row(row, content, full, first_part, true), full);
                    row_notes(content);
                    break;
                }
                if (row.cant_split || row.exact || row.header) {
                    // Unsplittable: on a fresh page once; if it still does not fit, it overflows.
                    if (placed_ && !moved) {
                        next_page();
                        restart_on_new_page();
                        if (!row.header) repeat_headers(t);
                        moved = true;
                        continue;
                    }
                    put(draw_row(row, content, full, first_part, true), full);
                    break;
                }
                // Split: each cell gives what fits above the page bottom.
                std::vector<std::vector<const Slice*>> head(content.size()), rest(content.size());
                bool any = false, remaining = false;
                for (std::size_t k = 0; k < content.size(); ++k) {
                    const Cell& c = *row.cells[k].cell;
                    double used = c.margin_top + c.margin_bottom;
                    std::size_t n = 0;
                    while (n < content[k].size() && used + content[k][n]->height <= avail + eps) {
                        used += content[k][n]->height;
                        ++n;
                    }
                    if (n == 0 && !content[k].empty() && !placed_) n = 1;  // an empty page must progress
                    head[k].assign(content[k].begin(), content[k].begin() + static_cast<std::ptrdiff_t>(n));
                    rest[k].assign(content[k].begin() + static_cast<std::ptrdiff_t>(n), content[k].end());
                    const bool blank = !content[k].empty() && content[k].front()->height < 0 && content[k].front()->ops.empty();
                    any = any || n > (blank ? 1u : 0u);
                    remaining = remaining || !rest[k].empty();
                }
                if (!any) {
                    if (moved) {
                        // Nothing fits even below the repeated header: give up on it for this row.
                        pages_.back().ops = Ops{};
                        y_ = top_;
                        placed_ = false;
                        continue;
                    }
                    moved = true;
                    next_page();
                    restart_on_new_page();
                    repeat_headers(t);
                    continue;
                }
                const double h = std::min(std::max(row_height(row, head), 0.0), std::max(avail, row_height(row, head)));
                put(draw_row(row, head, h, first_part, !remaining), h);
                row_notes(head);
                if (!remaining) break;
                content = std::move(rest);
                first_part = false;
                next_page();
                restart_on_new_page();
                repeat_headers(t);
            }
            carry = std::move(next_carry);
            prev_keeps = keeps;
        }
    }

    /// Frames anchored in a header or footer (the frame and title block of ЕСКД documents):
    /// drawn on the page, over or under the text; they do not move it.
    void story_floats(const Slice& s, LayoutContext& ctx, const Section& sec, std::size_t page, double y) {
        const double width = sec.page_width - sec.margin_left - sec.margin_right;
        for (int index : s.floats) {
            const Frame& f = doc_.frames[static_cast<std::size_t>(index)];
            const auto [fx, fy] = frame_position(f, ctx, sec.margin_left, width, sec.margin_top, sec.page_height - sec.margin_bottom,
                                                 sec.page_height, y + s.space_before);
            pages_[page].ops.append(draw_frame(f, ctx), fx, fy);
        }
    }

    void decorate() {
        const int total = static_cast<int>(pages_.size());
        const std::vector<int> per_section = section_pages();
        for (std::size_t i = 0; i < pages_.size(); ++i) {
            const PageInfo& pi = info_[i];
            const Section& sec = doc_.sections[pi.section];
            const std::string& header = header_of(sec, pi.first_of_section, pi.number);
            const std::string& footer = footer_of(sec, pi.first_of_section, pi.number);
            const double width = sec.page_width - sec.margin_left - sec.margin_right;
            if (const auto* blocks = story(header)) {
                LayoutContext ctx{fonts_, doc_, warnings_, header, false, pi.number, total, per_section[pi.section], nullptr,
                                  0, 0, {}, false, {}, 0, 0, 0};
                ctx.column_left = sec.margin_left;
                ctx.page_width = sec.page_width;
                double y = sec.header_distance;
                for (auto& s : layout_blocks(*blocks, width, ctx)) {
                    story_floats(s, ctx, sec, i, y);
                    pages_[i].ops.append(std::move(s.ops), sec.margin_left, y);
                    y += s.height;
                }
            }
            if (const auto* blocks = story(footer)) {
                LayoutContext ctx{fonts_, doc_, warnings_, footer, false, pi.number, total, per_section[pi.section], nullptr,
                                  0, 0, {}, false, {}, 0, 0, 0};
                auto slices = layout_blocks(*blocks, width, ctx);
                double h = 0;
                for (const auto& s : slices) h += s.height;
                double y = sec.page_height - sec.footer_distance - h;
                ctx.column_left = sec.margin_left;
                ctx.page_width = sec.page_width;
                for (auto& s : slices) {
                    story_floats(s, ctx, sec, i, y);
                    pages_[i].ops.append(std::move(s.ops), sec.margin_left, y);
                    y += s.height;
                }
            }
        }
    }
};

}  // namespace

std::vector<Page> paginate(const Document& doc, FontResolver& fonts, Warnings& warnings, bool hyphenate, int max_pages) {
    Paginator first(doc, fonts, warnings, hyphenate, max_pages);
    auto pages = first.run();
    if (!first.count_wanted()) return pages;
    // «Всего страниц: NUMPAGES» on a title page: laid out again with the count the first
    // pass found (a count of another width may move a line; LibreOffice does the same).
    Paginator second(doc, fonts, warnings, hyphenate, max_pages);
    second.know_counts(static_cast<int>(pages.size()), first.section_pages());
    return second.run();
}

}  // namespace nastavnik::pdf
