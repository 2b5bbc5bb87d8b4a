#pragma once
// Internal: the document as the layout sees it — WordprocessingML with styles, numbering and
// fields already resolved. Lengths are in points, colours 0xRRGGBB.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nastavnik::pdf {

struct RunProps {
    std::string font = "Times New Roman";  // Latin and Cyrillic text (w:ascii, w:hAnsi)
    std::string font_cs, font_ea;           // Arabic/Hebrew (w:cs) and CJK (w:eastAsia) text; empty: `font`
    double size = 10;
    bool bold = false;
    bool italic = false;
    bool underline = false;
    bool strike = false;
    bool caps = false;
    bool vanish = false;   // hidden text
    int vertical = 0;      // +1 superscript, -1 subscript
    std::uint32_t color = 0;
    std::optional<std::uint32_t> highlight;
    double char_spacing = 0;  // added after every character (w:spacing of a run)
    bool no_language = false;  // w:lang w:val="zxx": never hyphenated, as LibreOffice (a person's name)
};

enum class Align { left, center, right, both };
/// What a missing font is replaced with: a face of the same kind, never a sans face for a serif one.
enum class FontClass { serif, sans, mono };
enum class LineRule { auto_, exact, at_least };
enum class TabKind { left, center, right, decimal, bar, clear };

struct Border {
    bool present = false;
    double width = 0.5;
    std::uint32_t color = 0;
    double space = 0;  // paragraph borders: distance from the text
};

struct TabStop {
    double pos = 0;  // from the start of the text column
    TabKind kind = TabKind::left;
    char leader = 0;  // 0, '.', '_', '-'
};

struct ParaProps {
    std::string style;
    Align align = Align::left;
    double ind_left = 0;
    double ind_right = 0;
    double first_line = 0;  // negative: hanging
    double space_before = 0;
    double space_after = 0;
    // The spacing is Word's auto spacing (w:beforeAutospacing/afterAutospacing, 14 pt): none at
    // the top and foot of a table cell.
    bool auto_before = false, auto_after = false;
    double line = 240;      // auto: 240ths of a line; exact/at_least: points
    LineRule line_rule = LineRule::auto_;
    bool keep_next = false;
    bool keep_lines = false;
    bool page_break_before = false;
    bool widow_control = true;
    bool contextual_spacing = false;
    bool suppress_hyphens = false;
    bool bidi = false;  // w:bidi: a right-to-left paragraph (Arabic, Hebrew)
    std::vector<TabStop> tabs;
    int num_id = -1;
    int num_level = 0;
    // The paragraph style that names the list, or one based on it, sets indents of its own:
    // they win over the list level's (Word, LibreOffice).
    bool style_indents_list = false;
    std::optional<std::uint32_t> shading;
    Border border_top, border_bottom;  // lines above and below the paragraph
    bool side_borders = false;         // left/right/between borders: not drawn (warned)
};

enum class InlineKind { text, tab, line_break, page_break, column_break, image, page_field, pages_field, section_pages_field, frame };

struct Inline {
    InlineKind kind = InlineKind::text;
    std::string text;  // UTF-8, for text
    RunProps props;
    int image = -1;    // index into Document::images
    int note = -1;     // a footnote or endnote reference mark: index into Document::notes
    int frame = -1;    // kind frame: index into Document::frames
    double width = 0, height = 0;  // image size
};

struct Paragraph {
    ParaProps props;
    RunProps mark;  // the paragraph's own run properties: the height of an empty line
    std::vector<Inline> content;  // the list label, if any, comes first
};

struct Block;

struct Cell {
    int grid_span = 1;
    int rotate = 0;  // w:textDirection: 90 bottom to top (btLr), -90 top to bottom (tbRl)
    enum class VMerge { none, restart, cont } vmerge = VMerge::none;
    std::optional<std::uint32_t> shading;
    Border top, left, bottom, right;
    double margin_top = 0, margin_left = 5.4, margin_bottom = 0, margin_right = 5.4;
    // w:vAlign: where the content stands in a row taller than it (a signature's name level
    // with the last line of a position that wraps).
    enum class VAlign { top, center, bottom } valign = VAlign::top;
    std::vector<Block> blocks;
};

struct Row {
    int grid_before = 0;  // grid columns left empty before the first cell (w:gridBefore)
    bool header = false;
    bool cant_split = false;
    double height = 0;
    bool height_exact = false;
    std::vector<Cell> cells;
};

struct Table {
    std::vector<double> grid;  // column widths
    double width_pct = 0;      // w:tblW in percent of the text width (0: the grid's width)
    double indent = 0;
    Align align = Align::left;
    std::vector<Row> rows;
};

struct Block {
    std::unique_ptr<Paragraph> paragraph;  // exactly one of the two
    std::unique_ptr<Table> table;
};

struct Section {
    double page_width = 595.3, page_height = 841.9;
    double margin_top = 56.7, margin_bottom = 56.7, margin_left = 85, margin_right = 42.5;
    double header_distance = 35.4, footer_distance = 35.4;
    bool title_page = false;
    bool continuous = false;  // w:type continuous: goes on on the page the previous section ends on
    int page_start = 0;  // 0: continue numbering
    // Text columns (w:cols): how many, the gap between them, and for columns of unequal width
    // each one's width and the gap after it; a line between them (w:sep).
    int columns = 1;
    double column_space = 36;
    std::vector<std::pair<double, double>> column_sizes;
    bool column_line = false;
    // Parts in Document::stories; empty: none. A section without its own reference inherits
    // the previous section's (as Word does).
    std::string header_default, header_first, footer_default, footer_first;
    std::string header_even, footer_even;  // even-numbered pages when Document::even_odd_headers
    std::vector<Block> body;
};

struct Image {
    std::string bytes;  // PNG or JPEG as stored in the package
    std::string part;
};

/// A text box, a shape with text, WordArt or a floating picture: a box of its own size, in the
/// line (inline) or anchored at a position of the page, around which the text wraps.
struct Frame {
    std::vector<Block> blocks;  // the text inside (w:txbxContent)
    int image = -1;             // or a picture (Document::images)
    std::string text;           // or a line of WordArt / a chart's title
    double width = 0, height = 0;
    double inset_left = 7.2, inset_top = 3.6, inset_right = 7.2, inset_bottom = 3.6;
    int rotate = 0;  // text direction in the box: 90 bottom to top, -90 top to bottom
    bool anchored = false;
    // A floating table: as tall as its rows, measured before pagination (settle_floating_tables).
    bool fit_height = false;
    enum class Wrap { none, square, top_bottom } wrap = Wrap::top_bottom;
    // Position of an anchored frame: relative to (page, margin, column, character / page,
    // margin, paragraph, line), aligned (left/center/right, top/center/bottom) or at an offset.
    std::string h_rel = "column", v_rel = "paragraph", h_align, v_align;
    double h_offset = 0, v_offset = 0;
    double dist_top = 0, dist_bottom = 0, dist_left = 9, dist_right = 9;
    std::optional<std::uint32_t> line, fill;
    std::vector<int> parts;  // a group: the frames it holds, placed at their offsets within it
    double part_x = 0, part_y = 0;  // of a frame within its group
};

/// A footnote (at the foot of the page its reference is on) or an endnote (after the text).
struct Note {
    bool endnote = false;
    std::string mark;  // the number as printed
    std::vector<Block> blocks;
};

struct Document {
    std::vector<Section> sections;
    std::vector<Note> notes;  // in the order of their references
    std::vector<Frame> frames;
    std::vector<Image> images;
    std::map<std::string, std::vector<Block>> stories;  // headers and footers by part name
    double default_tab = 35.4;
    std::string footnote_format = "decimal", endnote_format = "lowerRoman";  // Word's defaults
    bool auto_hyphenation = false;
    // w:doNotHyphenateCaps: a word in capitals («МБДОУ», «ГОСТ») is never hyphenated, as in
    // Word and LibreOffice («МБ-ДОУ» across two lines of a table reads as two words).
    bool hyphenate_caps = true;
    bool even_odd_headers = false;  // w:evenAndOddHeaders: even pages take the even header and footer
    // Word before 2013 (compatibilityMode < 15) puts a table's left edge one cell margin to
    // the left of the text margin, so that the cell text lines up with the body text.
    bool tables_outdented = true;
    std::string title, author, subject;  // docProps/core.xml
    // The kind of each font the document names, as its font table declares it (w:family,
    // PANOSE); fonts it does not declare are classed by name.
    std::map<std::string, FontClass> font_classes;
};

}  // namespace nastavnik::pdf
