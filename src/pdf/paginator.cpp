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

struct PageInfo {
    std::size_t section = 0;
    int number = 1;
    bool first_of_section = false;
};

class Paginator {
public:
    Paginator(const Document& doc, FontResolver& fonts, Warnings& warnings, bool hyphenate)
        : doc_(doc), fonts_(fonts), warnings_(warnings), hyphenate_(hyphenate) {}

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
        for (std::size_t si = 0; si < doc_.sections.size(); ++si) {
            const Section& sec = doc_.sections[si];
            section_ = si;
            LayoutContext ctx{fonts_, doc_, warnings_, "word/document.xml", hyphenate_, 0, known_total_,
                              si < known_section_pages_.size() ? known_section_pages_[si] : 0, &count_wanted_,
                              0, 0, {}, false, {}, 0, 0, 0};
            left_ = sec.margin_left;
            width_ = sec.page_width - sec.margin_left - sec.margin_right;
            ctx.column_left = sec.margin_left;
            ctx.page_width = sec.page_width;
            // Header and footer distances matter only where there is a header or footer.
            const double header_h = header_height(sec), footer_h = footer_height(sec);
            top_ = header_h > 0 ? std::max(sec.margin_top, sec.header_distance + header_h) : sec.margin_top;
            bottom_ = sec.page_height - (footer_h > 0 ? std::max(sec.margin_bottom, sec.footer_distance + footer_h) : sec.margin_bottom);
            if (bottom_ - top_ < 72) bottom_ = top_ + 72;
            // A continuous section break goes on on the same page (a different page size
            // needs a new page, as in Word).
            const Section* prev = si > 0 ? &doc_.sections[si - 1] : nullptr;
            if (!(sec.continuous && prev != nullptr && !pages_.empty() && prev->page_width == sec.page_width &&
                  prev->page_height == sec.page_height)) {
                number = sec.page_start > 0 ? sec.page_start : number + 1;
                new_page(sec, number, true);
            }
            auto items = items_of(sec.body, ctx);
            ctx_ = &ctx;
            flow(items);
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
                    if (!box.rows.back().header) break;
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

    [[nodiscard]] double limit() const { return bottom_ - notes_h_; }

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
            const bool narrow_square = f.wrap == Frame::Wrap::square && f.width < width_ * 0.9;
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
                if (y_ < b.y2 - eps && y_ + height > b.y1 + eps) {
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
            for (auto& sl : layout_blocks(n.blocks, width_, ctx)) {
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
    bool flowed_ = false;  // the current page began because the previous one was full
    int known_total_ = 0;
    std::vector<int> known_section_pages_;
    bool count_wanted_ = false;

    const std::vector<Block>* story(const std::string& part) const {
        if (part.empty()) return nullptr;
        const auto it = doc_.stories.find(part);
        return it == doc_.stories.end() ? nullptr : &it->second;
    }

    double story_height(const std::string& part, const Section& sec) {
        const auto* blocks = story(part);
        if (blocks == nullptr) return 0;
        LayoutContext ctx{fonts_, doc_, warnings_, part, false, 1, 1, 1, nullptr, 0, 0, {}, false, {}, 0, 0, 0};
        double h = 0;
        for (const auto& s : layout_blocks(*blocks, sec.page_width - sec.margin_left - sec.margin_right, ctx)) h += s.height;
        return h;
    }
    double header_height(const Section& sec) {
        return std::max(story_height(sec.header_default, sec), sec.title_page ? story_height(sec.header_first, sec) : 0.0);
    }
    double footer_height(const Section& sec) {
        return std::max(story_height(sec.footer_default, sec), sec.title_page ? story_height(sec.footer_first, sec) : 0.0);
    }

    void new_page(const Section& sec, int number, bool first) {
        if (static_cast<int>(pages_.size()) >= RenderLimits::max_pages) {
            throw Error(ErrorCode::package_invalid,
                        "документ длиннее " + std::to_string(RenderLimits::max_pages) +
                            " страниц — такой объём в PDF не выводится",
                        InputLocation{warnings_.file(), 0, 0, "word/document.xml"});
        }
        flush_notes();
        pages_.push_back(Page{sec.page_width, sec.page_height, {}});
        bands_.clear();
        notes_left_ = left_;
        notes_width_ = width_;
        notes_bottom_ = bottom_;
        info_.push_back(PageInfo{section_, number, first});
        y_ = top_;
        placed_ = false;
        flowed_ = false;
    }
    void next_page() {
        const Section& sec = doc_.sections[section_];
        new_page(sec, info_.back().number + 1, false);
        flowed_ = true;
    }

    void put(Ops&& ops, double height) {
        pages_.back().ops.append(std::move(ops), left_, y_);
        y_ += height;
        placed_ = true;
    }

    double item_height(const std::variant<Slice, TableBox>& item) const {
        if (const auto* s = std::get_if<Slice>(&item)) return s->height;
        const auto& t = std::get<TableBox>(item);
        double h = 0;
        for (const auto& r : t.rows) {
            h += row_height(r, all_content(r));
            if (!r.header) break;
        }
        return h;
    }

    void flow(std::vector<Item>& items) {
        std::size_t chain_end = 0;
        const double page = bottom_ - top_;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (auto* s = std::get_if<Slice>(&items[i])) {
                if (s->break_before && placed_) {
                    next_page();
                    flowed_ = false;
                }
                // A page break with nothing after it (layout_paragraph): the page it opened
                // stays empty for what follows, and a break before that adds none.
                if (s->height == 0 && s->ops.empty()) continue;
                if (s->keep_with_next && i >= chain_end) {
                    // The chain of slices that must stay together, up to the first that may
                    // end a page; computed once per chain, and only as far as a page reaches.
                    double h = 0;
                    std::size_t j = i;
                    for (; j < items.size() && h <= page; ++j) {
                        const auto* sj = std::get_if<Slice>(&items[j]);
                        if (j > i && sj != nullptr && sj->break_before) {
                            --j;  // a page break ends the chain: what follows it is on the next page
                            break;
                        }
                        h += item_height(items[j]);
                        if (sj == nullptr) break;
                        if (!sj->keep_with_next) {
                            h -= sj->space_after;
                            break;
                        }
                    }
                    chain_end = j + 1;
                    if (y_ + h > limit() + eps && placed_ && h <= page + eps) next_page();
                }
                // A line with footnote references goes where its notes fit too.
                double notes_h = 0;
                auto notes = s->notes.empty() ? std::vector<Slice>{} : footnotes(s->notes, notes_h);
                if (y_ + s->height - s->space_after > limit() - notes_h + eps && placed_) {
                    next_page();
                    if (!s->notes.empty()) notes = footnotes(s->notes, notes_h);
                }
                add_notes(std::move(notes), notes_h);
                if (!s->floats.empty()) place_floats(s->floats, y_ + (placed_ || !flowed_ ? s->space_before : 0));
                if (!bands_.empty()) {
                    below_bands(s->height - s->space_after);
                    if (y_ + s->height - s->space_after > limit() + eps && y_ > top_ + eps) next_page();
                }
                if (!placed_ && ((flowed_ && s->space_before > 0) || s->space_before < 0)) {
                    y_ -= s->space_before;
                    placed_ = true;
                }
                put(std::move(s->ops), s->height);
            } else {
                place_table(std::get<TableBox>(items[i]));
            }
        }
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
        for (std::size_t ri = 0; ri < t.table->rows.size(); ++ri) {
            RowBox laid;
            if (ri >= t.rows.size()) laid = t.row(ri, *ctx_);
            const RowBox& row = ri < t.rows.size() ? t.rows[ri] : laid;
            auto content = all_content(row);
            flow_merged(row, content, carry, next_carry);
            // At the top of a page carried text starts at the top of its cell.
            const auto restart_on_new_page = [&content] {
                for (auto& c : content) {
                    if (!c.empty() && c.front()->height < 0 && c.front()->ops.empty()) c.erase(c.begin());
                }
            };
            bool first_part = true;
            bool moved = false;
            for (int guard = 0; guard < 1000000; ++guard) {
                const double full = row_height(row, content);
                if (!bands_.empty()) below_bands(full);
                const double avail = limit() - y_;
                if (full <= avail + eps) {
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
            const bool first = pi.first_of_section && sec.title_page;
            const std::string& header = first ? sec.header_first : sec.header_default;
            const std::string& footer = first ? sec.footer_first : sec.footer_default;
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

std::vector<Page> paginate(const Document& doc, FontResolver& fonts, Warnings& warnings, bool hyphenate) {
    Paginator first(doc, fonts, warnings, hyphenate);
    auto pages = first.run();
    if (!first.count_wanted()) return pages;
    // «Всего страниц: NUMPAGES» on a title page: laid out again with the count the first
    // pass found (a count of another width may move a line; LibreOffice does the same).
    Paginator second(doc, fonts, warnings, hyphenate);
    second.know_counts(static_cast<int>(pages.size()), first.section_pages());
    return second.run();
}

}  // namespace nastavnik::pdf
