// Paragraph layout: runs → words (pieces of one font each) → greedy lines, as Word and
// LibreOffice break them, with tab stops, justification and Russian hyphenation.

#include "pdf/hyphenator.hpp"
#include "nastavnik/pdf/render.hpp"
#include "pdf/layout.hpp"
#include "pdf/shaping.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <optional>
#include <string_view>

namespace nastavnik::pdf {

namespace {

std::u32string decode_utf8(const std::string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        if (c < 0x80) cp = c;
        else if ((c >> 5) == 0x6) len = 2, cp = c & 0x1F;
        else if ((c >> 4) == 0xE) len = 3, cp = c & 0x0F;
        else if ((c >> 3) == 0x1E) len = 4, cp = c & 0x07;
        else len = 0;
        if (len == 0 || i + len > s.size()) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 0x2) { cp = 0xFFFD; len = k; break; }
            cp = (cp << 6) | (cc & 0x3F);
        }
        out += cp > 0x10FFFF ? U'\uFFFD' : cp;
        i += len;
    }
    return out;
}

char32_t upper(char32_t c) {
    if (c >= U'а' && c <= U'я') return c - 0x20;
    if (c == U'ё') return U'Ё';
    if (c >= U'a' && c <= U'z') return c - 0x20;
    return c;
}

bool is_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x400 && c <= 0x4FF);
}

// A word written all in capitals («МБДОУ», «DOCX»): Word and LibreOffice do not hyphenate it
// when the document says w:doNotHyphenateCaps (LibreOffice counts a word all upper-case only
// when every character of it is).
bool all_capitals(std::u32string_view word) {
    if (word.empty()) return false;
    return std::all_of(word.begin(), word.end(), [](char32_t c) {
        return (c >= U'A' && c <= U'Z') || (c >= 0x400 && c <= 0x42F);
    });
}

struct Piece {
    Face* face = nullptr;
    double size = 0;     // the font size actually drawn (smaller for super/subscript)
    double shift = 0;    // baseline shift up
    std::u32string text;
    double width = 0;
    const RunProps* props = nullptr;
    // Right-to-left text shaped by HarfBuzz: the glyphs as drawn (visual order) and for each
    // the character it stands for; empty for the rest.
    std::vector<std::uint16_t> glyphs;
    std::u32string glyph_chars;
};

enum class Kind { word, space, tab, line_break, page_break, image };

struct Token {
    Kind kind = Kind::word;
    std::vector<Piece> pieces;
    double width = 0;
    const Inline* in = nullptr;
    double ascent = 0, descent = 0;
    bool hyphenated = false;  // ends in an inserted hyphen
    bool rtl = false;         // Arabic or Hebrew: shaped, and placed right to left in its line
    bool ltr = false;         // has a letter written left to right (Latin, Cyrillic…): digits and
                              // punctuation alone follow the direction around them
    std::vector<int> notes;   // carries footnotes' reference marks (Document::notes)
    std::vector<std::size_t> soft;  // soft hyphens (U+00AD): where the word may break, in characters from its start
    bool joined = false;  // ends in a hard hyphen and the same word goes on in the next token
    // A part of a hyphenated compound («психолого-|педагогический»): the compound's letters and
    // hyphens, and where this token's first character is in it (before its start when the token
    // begins with punctuation). LibreOffice hands the whole compound to the hyphenator, whose
    // patterns then see no word start after the hyphen: «психолого-пе-» is never a break there.
    std::u32string compound;
    std::ptrdiff_t compound_at = 0;
};

// A line is full when its text would pass the right edge by even one pixel of the reference
// device (1/120 pt, glyph_width): LibreOffice lets a line end exactly at the edge, never past it.
// A tolerance of 0.01 pt took one pixel over as fitting (9638.17 twips of text in 9638).
constexpr double fit_eps = 1e-6;

// The width of a glyph as LibreOffice measures it for a Word document: on its reference device
// of 8640 dpi (6 × 1440, VirtualDevice::RefDevMode::MSO1) each advance is a whole pixel, 1/120 pt.
// Summing exact advances instead decided a line of 9637.4 twips fit a 9638-twip column that
// LibreOffice (9638.3 twips by its pixels) wraps.
double glyph_width(Face* f, char32_t c, double size) { return std::round(f->advance(c) * size * 120.0) / 120.0; }

double piece_width(Piece& p) {
    if (!p.glyphs.empty()) return p.width;  // shaped: measured by HarfBuzz
    double w = 0;
    for (char32_t c : p.text) w += glyph_width(p.face, c, p.size);
    return w + (p.props != nullptr ? p.props->char_spacing * static_cast<double>(p.text.size()) : 0);
}

// Long enough for a fill-in line of underscores (it is cut at the margin, as LibreOffice cuts it,
// not at a length of our own); short enough that cutting a giant word stays linear.
constexpr std::size_t max_word = 512;

bool is_rtl(char32_t c) { return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF); }
bool is_cjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x2FFFF);
}

class Builder {
public:
    Builder(const Paragraph& p, LayoutContext& ctx) : p_(p), ctx_(ctx) {}

    std::deque<Token> tokens() {
        for (const Inline& in : p_.content) add(in);
        flush();
        if (pending_note_ >= 0 && !out_.empty()) out_.back().notes.push_back(pending_note_);
        mark_compounds();
        return std::move(out_);
    }

private:
    const Paragraph& p_;
    LayoutContext& ctx_;
    std::deque<Token> out_;
    Token word_;
    int pending_note_ = -1;  // a note reference waiting for the word that carries its mark

    void flush() {
        if (word_.pieces.empty()) return;
        for (auto& pc : word_.pieces) {
            if (std::none_of(pc.text.begin(), pc.text.end(), is_rtl)) continue;
            Shaped s = shape_rtl(*pc.face, pc.text);
            if (s.glyphs.empty()) continue;
            pc.glyphs = std::move(s.glyphs);
            pc.glyph_chars = std::move(s.chars);
            pc.width = s.advance * pc.size + (pc.props != nullptr ? pc.props->char_spacing * static_cast<double>(pc.glyphs.size()) : 0);
            word_.rtl = true;
        }
        if (word_.rtl) std::reverse(word_.pieces.begin(), word_.pieces.end());
        for (const auto& pc : word_.pieces) {
            for (char32_t c : pc.text) {
                if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= 0xC0 && c < 0x0590 && c != 0xD7 && c != 0xF7)) word_.ltr = true;
            }
        }
        word_.width = 0;
        for (auto& pc : word_.pieces) word_.width += pc.width;
        out_.push_back(std::move(word_));
        word_ = Token{};
    }

    static std::u32string token_text(const Token& t) {
        std::u32string s;
        for (const auto& pc : t.pieces) s += pc.text;
        return s;
    }

    // Tokens cut after a hard hyphen learn the compound they belong to (Token::compound), when it
    // is Cyrillic letters and hyphens only, as the Russian patterns know it.
    void mark_compounds() {
        for (std::size_t i = 0; i < out_.size(); ++i) {
            if (out_[i].kind != Kind::word || !out_[i].joined) continue;
            std::size_t j = i;
            std::u32string full;
            std::vector<std::size_t> starts;
            for (; j < out_.size() && out_[j].kind == Kind::word; ++j) {
                starts.push_back(full.size());
                full += token_text(out_[j]);
                if (!out_[j].joined) break;
            }
            if (j == out_.size() || out_[j].kind != Kind::word) --j;
            std::size_t lead = 0, end = full.size();
            while (lead < end && !is_letter(full[lead])) ++lead;
            while (end > lead && !is_letter(full[end - 1])) --end;
            std::u32string core = full.substr(lead, end - lead);
            bool ok = core.find_first_of(U"-\u2010") != std::u32string::npos;
            for (char32_t& c : core) {
                if (c == U'\u2010') c = U'-';
                if (c != U'-' && !(c >= 0x400 && c <= 0x4FF)) ok = false;
            }
            if (ok) {
                for (std::size_t k = i; k <= j; ++k) {
                    out_[k].compound = core;
                    out_[k].compound_at = static_cast<std::ptrdiff_t>(starts[k - i]) - static_cast<std::ptrdiff_t>(lead);
                }
            }
            i = j;
        }
    }

    void metrics(Token& t, const Piece& pc) {
        const auto m = pc.face->line(pc.size);
        t.ascent = std::max(t.ascent, m.ascent + pc.shift);
        t.descent = std::max(t.descent, m.descent - pc.shift);
    }

    void add_char(Token& t, char32_t c, const RunProps& props, Face* primary) {
        const double size = props.vertical != 0 ? props.size * 0.58 : props.size;
        const double shift = props.vertical > 0 ? props.size * 0.33 : props.vertical < 0 ? -props.size * 0.08 : 0;
        Face* f = ctx_.fonts.for_char(primary, c, props.bold, props.italic);
        if (t.pieces.empty() || t.pieces.back().face != f || t.pieces.back().props != &props) {
            Piece pc;
            pc.face = f;
            pc.size = size;
            pc.shift = shift;
            pc.props = &props;
            // Room for a usual word at once rather than regrowing from the short-string
            // buffer (3 characters) character by character.
            pc.text.reserve(t.kind == Kind::word ? 15 : 1);
            t.pieces.push_back(std::move(pc));
            metrics(t, t.pieces.back());
        }
        if (pending_note_ >= 0 && t.kind == Kind::word) {
            t.notes.push_back(pending_note_);
            pending_note_ = -1;
        }
        Piece& pc = t.pieces.back();
        pc.text += c;
        pc.width += glyph_width(f, c, size) + props.char_spacing;
    }

    void simple(Kind k, const Inline& in) {
        flush();
        Token t;
        t.kind = k;
        t.in = &in;
        Face* f = ctx_.fonts.face(in.props.font, in.props.bold, in.props.italic);
        const auto m = f->line(in.props.size);
        t.ascent = m.ascent;
        t.descent = m.descent;
        if (k == Kind::image) {
            t.width = in.width;
            t.ascent = in.height;
            t.descent = 0;
        }
        out_.push_back(std::move(t));
    }

    void add(const Inline& in) {
        switch (in.kind) {
        case InlineKind::tab: return simple(Kind::tab, in);
        case InlineKind::line_break: return simple(Kind::line_break, in);
        case InlineKind::page_break:
        case InlineKind::column_break: return simple(Kind::page_break, in);
        case InlineKind::image: return simple(Kind::image, in);
        case InlineKind::frame:
            // An anchored frame takes no room in the line: the paginator places it.
            if (ctx_.doc.frames[static_cast<std::size_t>(in.frame)].anchored) return;
            return simple(Kind::image, in);
        case InlineKind::page_field: {
            const int n = ctx_.page_number;
            if (n == 0) ctx_.warnings.add(ctx_.part, "поле номера страницы в основном тексте показано как «1»");
            return text(in, std::to_string(n == 0 ? 1 : n));
        }
        case InlineKind::pages_field:
        case InlineKind::section_pages_field: {
            // The body is paginated a second time when it asks for a count (paginate()).
            int n = in.kind == InlineKind::pages_field ? ctx_.page_count : ctx_.section_pages;
            if (n == 0) n = ctx_.page_count;
            if (n == 0 && ctx_.count_wanted != nullptr) *ctx_.count_wanted = true;
            return text(in, std::to_string(n == 0 ? 1 : n));
        }
        case InlineKind::text: return text(in, in.text);
        }
    }

    void text(const Inline& in, const std::string& utf8) {
        if (in.note >= 0) pending_note_ = in.note;
        Face* const latin = ctx_.fonts.face(in.props.font, in.props.bold, in.props.italic);
        Face* cs = nullptr;
        Face* ea = nullptr;
        const std::u32string s = decode_utf8(utf8);
        for (std::size_t i = 0; i < s.size(); ++i) {
            char32_t c = s[i];
            if (c == U'\u00AD') {  // a soft hyphen: not drawn, a place to hyphenate (LibreOffice, Word)
                std::size_t at = 0;
                for (const auto& pc : word_.pieces) at += pc.text.size();
                if (at > 0) word_.soft.push_back(at);
                continue;
            }
            if (c == U'\u200B' || c == U'\uFEFF' || c == U'\u2060') continue;  // zero-width (U+2060: word joiner)
            if (c < 0x20 && c != U'\t') continue;
            if (in.props.caps) c = upper(c);
            // Arabic and Hebrew take the run's w:cs font, CJK its w:eastAsia font.
            Face* primary = latin;
            if (!in.props.font_cs.empty() && is_rtl(c)) {
                if (cs == nullptr) cs = ctx_.fonts.face(in.props.font_cs, in.props.bold, in.props.italic);
                primary = cs;
            } else if (!in.props.font_ea.empty() && is_cjk(c)) {
                if (ea == nullptr) ea = ctx_.fonts.face(in.props.font_ea, in.props.bold, in.props.italic);
                primary = ea;
            }
            // A non-breaking hyphen (w:noBreakHyphen) is drawn with the font's own hyphen, as Word
            // and LibreOffice draw it; no font of ours has U+2011.
            const bool no_break_hyphen = c == U'\u2011';
            if (no_break_hyphen && !primary->has(c)) c = U'-';
            if (c == U' ' || c == U'\t') {
                flush();
                Token sp;
                sp.kind = Kind::space;
                add_char(sp, U' ', in.props, primary);
                sp.width = sp.pieces.back().width;
                out_.push_back(std::move(sp));
                continue;
            }
            add_char(word_, c, in.props, primary);
            // A "word" of thousands of characters (a hostile or garbled file) is cut into
            // pieces that each fit a line, so that line breaking stays linear.
            if (word_.pieces.size() == 1 && word_.pieces[0].text.size() >= max_word) flush();
            // A break is allowed after a hyphen that follows a letter: «педагог-|наставник»,
            // «АЗ-|1128/08» (as LibreOffice breaks them).
            if ((c == U'-' || c == U'\u2010') && !no_break_hyphen && i > 0 && i + 1 < s.size() && is_letter(s[i - 1]) &&
                s[i + 1] != U' ') {
                word_.joined = true;
                flush();
            }
        }
    }
};

struct Placed {
    Token tok;
    double x = 0;
    double width = 0;   // as placed (tabs: the gap they jump)
    char leader = 0;
};

struct Line {
    std::vector<Placed> items;
    double left = 0;     // where the line starts, from the column's left edge
    double avail = 0;    // its width
    bool ends_paragraph = false;
    bool ends_break = false;  // explicit line break: never justified
    bool page_break_after = false;
    bool column_break = false;  // the break after is a column break (w:br w:type="column")
    double ascent = 0, descent = 0;
};

class Breaker {
public:
    // Lines go to `sink` as they are finished and tokens are released as they are placed, so
    // a paragraph of megabytes never holds its tokens, lines and slices all at once.
    Breaker(const Paragraph& p, double width, LayoutContext& ctx, std::deque<Token> tokens, std::function<void(Line&&)> sink,
            double line_guess = 0, double start_y = 0)
        : p_(p), width_(width), ctx_(ctx), tokens_(std::move(tokens)), sink_(std::move(sink)), y_(start_y), line_guess_(line_guess) {}

    void run() {
        start_line();
        while (!tokens_.empty()) {
            Token t = std::move(tokens_.front());
            tokens_.pop_front();
            place(t);
        }
        finish(true, false);
    }

private:
    const Paragraph& p_;
    double width_;
    LayoutContext& ctx_;
    std::deque<Token> tokens_;  // what follows the token being placed
    std::function<void(Line&&)> sink_;
    std::size_t count_ = 0;
    Line cur_;
    double x_ = 0;  // relative to cur_.left
    std::size_t words_ = 0;  // items of cur_ that are not spaces
    std::size_t last_items_ = 0;  // items of the previous line
    double y_ = 0;           // top of the line being built, from the paragraph's top (estimated)
    double line_guess_ = 0;  // the height of a line, for wrapping around frames

    void start_line() {
        cur_ = Line{};
        cur_.items.reserve(last_items_);  // the lines of a paragraph are alike
        words_ = 0;
        const bool first = count_ == 0;
        cur_.left = p_.props.ind_left + (first ? p_.props.first_line : 0);
        double right = width_ - p_.props.ind_right;
        // Square wrapping: a line beside a frame is shortened to the side with more room.
        const double top = ctx_.flow_y + y_, bottom = top + line_guess_;
        for (const auto& e : ctx_.exclusions) {
            if (e.y2 <= top + 0.01 || e.y1 >= bottom - 0.01 || e.x2 <= cur_.left || e.x1 >= right) continue;
            if (e.x1 - cur_.left >= right - e.x2) right = std::min(right, e.x1);
            else cur_.left = std::max(cur_.left, e.x2);
        }
        cur_.avail = std::max(right - cur_.left, 12.0);
        x_ = 0;
    }

    void finish(bool paragraph_end, bool line_break) {
        cur_.ends_paragraph = paragraph_end;
        cur_.ends_break = line_break;
        ++count_;
        last_items_ = cur_.items.size();
        y_ += line_guess_;
        sink_(std::move(cur_));
        start_line();
    }

    // Counted as items are put: asked before every word, a scan of the line made breaking a
    // line quadratic in its length.
    [[nodiscard]] bool has_words() const { return words_ > 0; }

    void put_token(Token& t) {
        const double w = t.width;  // read before the token is moved away
        put(std::move(t), w);
    }

    void put(Token t, double width, char leader = 0) {
        Placed pl;
        pl.x = x_;
        pl.width = width;
        pl.leader = leader;
        pl.tok = std::move(t);
        if (pl.tok.kind != Kind::space) ++words_;
        x_ += width;
        cur_.items.push_back(std::move(pl));
    }

    // Width of what follows a tab up to the next tab or break (for right and centre stops).
    double segment_width() const {
        double w = 0;
        for (const Token& t : tokens_) {
            if (t.kind == Kind::tab || t.kind == Kind::line_break || t.kind == Kind::page_break) break;
            w += t.width;
        }
        return w;
    }

    void tab(Token t) {
        const double abs_x = cur_.left + x_;  // from the column's left edge
        const TabStop* stop = nullptr;
        for (const TabStop& s : p_.props.tabs) {
            if (s.kind != TabKind::bar && s.pos > abs_x + 0.01) { stop = &s; break; }
        }
        TabStop implicit;
        if (stop == nullptr && p_.props.first_line < 0 && abs_x < p_.props.ind_left - 0.01) {
            // A hanging indent is a tab stop: the text after a list label starts there.
            implicit.pos = p_.props.ind_left;
            stop = &implicit;
        }
        if (stop == nullptr) {
            const double d = std::max(ctx_.doc.default_tab, 1.0);
            implicit.pos = (std::floor(abs_x / d + 1e-6) + 1) * d;
            stop = &implicit;
        }
        double target = stop->pos - cur_.left;
        if (stop->kind != TabKind::left && target > cur_.avail) {
            // A right or centre stop in the right margin (a signature line set for other
            // margins): the text goes up to it, into the margin, as in Word and LibreOffice;
            // at most an inch into it.
            cur_.avail = std::min(target, cur_.avail + 72.0);
            target = cur_.avail;
        }
        const double seg = segment_width();
        if (stop->kind == TabKind::right) target -= seg;
        else if (stop->kind == TabKind::center) target -= seg / 2;
        if (target > cur_.avail + 0.5 && stop->kind == TabKind::left) {
            // Beyond the right margin: Word moves to the next line.
            finish(false, true);
            put(std::move(t), 0);
            return;
        }
        target = std::max(target, x_);
        put(std::move(t), target - x_, stop->leader);
    }

    void place(Token& t) {
        switch (t.kind) {
        case Kind::space: return put_token(t);
        case Kind::tab: return tab(std::move(t));
        case Kind::line_break: {
            put(std::move(t), 0);
            return finish(false, true);
        }
        case Kind::page_break: {
            cur_.page_break_after = true;
            cur_.column_break = t.in != nullptr && t.in->kind == InlineKind::column_break;
            return finish(false, true);
        }
        case Kind::word:
        case Kind::image: break;
        }
        // Split words until the rest fits (a word may need several lines when it is long).
        for (int guard = 0; guard < 100000; ++guard) {
            if (x_ + t.width <= cur_.avail + fit_eps || (!has_words() && t.kind == Kind::image)) {
                put_token(t);
                return;
            }
            if (t.kind == Kind::word) {
                Token rest;
                if (hyphenate(t, rest, cur_.avail - x_, ctx_.hyphenate && !p_.props.suppress_hyphens)) {
                    put_token(t);
                    finish(false, false);
                    t = std::move(rest);
                    continue;
                }
                if (!has_words()) {
                    // Longer than the whole line and no hyphenation point: cut it.
                    if (cut(t, rest, cur_.avail - x_)) {
                        put_token(t);
                        finish(false, false);
                        t = std::move(rest);
                        continue;
                    }
                    put_token(t);
                    return;
                }
            }
            if (!has_words()) {
                put_token(t);
                return;
            }
            finish(false, false);
        }
    }

    static void recompute(Token& t) {
        t.width = 0;
        for (auto& pc : t.pieces) t.width += pc.width;
    }

    // Splits `t` at character `at` (over all pieces) into t (prefix) and rest.
    static void split(Token& t, Token& rest, std::size_t at) {
        rest = Token{};
        rest.kind = t.kind;
        rest.notes = std::move(t.notes);
        t.notes.clear();
        rest.ascent = t.ascent;
        rest.descent = t.descent;
        std::vector<Piece> head;
        std::size_t seen = 0;
        for (auto& pc : t.pieces) {
            if (seen + pc.text.size() <= at) {
                head.push_back(pc);
            } else if (seen >= at) {
                rest.pieces.push_back(pc);
            } else {
                Piece a = pc, b = pc;
                a.text = pc.text.substr(0, at - seen);
                b.text = pc.text.substr(at - seen);
                a.width = piece_width(a);
                b.width = piece_width(b);
                head.push_back(a);
                rest.pieces.push_back(b);
            }
            seen += pc.text.size();
        }
        t.pieces = std::move(head);
        for (std::size_t p : t.soft) {
            if (p > at) rest.soft.push_back(p - at);
        }
        std::erase_if(t.soft, [at](std::size_t p) { return p >= at; });
        rest.compound = t.compound;
        rest.compound_at = t.compound_at + static_cast<std::ptrdiff_t>(at);
        rest.joined = t.joined;
        t.joined = false;
        recompute(t);
        recompute(rest);
    }

    bool hyphenate(Token& t, Token& rest, double room, bool allowed) {
        if ((!allowed && t.soft.empty()) || t.pieces.size() != 1) return false;
        Piece& pc = t.pieces[0];
        if (pc.props != nullptr && pc.props->no_language) return false;
        // Punctuation around the word stays with it; only the letters are hyphenated. Words
        // joined by a non-breaking space («И.Л.\u00A0Афанасьева») are one token, and, as in
        // LibreOffice, the last of them may still be hyphenated.
        std::size_t a = 0, b = pc.text.size();
        while (b > a && !is_letter(pc.text[b - 1])) --b;  // «оператору\u00A0—»: the word before the dash
        if (const auto nbsp = pc.text.rfind(U'\u00A0', b == 0 ? 0 : b - 1); nbsp != std::u32string::npos && nbsp < b) {
            a = nbsp + 1;
        }
        while (a < b && !is_letter(pc.text[a])) ++a;
        const std::u32string word = pc.text.substr(a, b - a);
        if (!ctx_.doc.hyphenate_caps && all_capitals(word)) allowed = false;
        std::vector<std::size_t> points;
        if (allowed && !t.compound.empty()) {
            for (std::size_t p : hyphenation_points(t.compound)) {
                const std::ptrdiff_t at = static_cast<std::ptrdiff_t>(p) - t.compound_at;
                if (at > static_cast<std::ptrdiff_t>(a) && at < static_cast<std::ptrdiff_t>(b)) points.push_back(static_cast<std::size_t>(at) - a);
            }
        } else if (allowed) {
            points = hyphenation_points(word);
        }
        for (std::size_t p : t.soft) {  // soft hyphens break a word even where hyphenation is off
            if (p > a && p < b) points.push_back(p - a);
        }
        std::sort(points.begin(), points.end());
        points.erase(std::unique(points.begin(), points.end()), points.end());
        const double hyphen = glyph_width(pc.face, U'-', pc.size);
        for (auto it = points.rbegin(); it != points.rend(); ++it) {
            const std::size_t at = a + *it;
            Piece head = pc;
            head.text = pc.text.substr(0, at);
            if (piece_width(head) + hyphen <= room + fit_eps) {
                split(t, rest, at);
                t.pieces.back().text += U'-';
                t.pieces.back().width += hyphen;
                t.hyphenated = true;
                recompute(t);
                return true;
            }
        }
        return false;
    }

    static bool cut(Token& t, Token& rest, double room) {
        std::size_t total = 0;
        for (auto& pc : t.pieces) total += pc.text.size();
        double w = 0;
        std::size_t at = 0;
        for (auto& pc : t.pieces) {
            for (char32_t c : pc.text) {
                const double cw = glyph_width(pc.face, c, pc.size);
                if (w + cw > room && at > 0) goto done;
                w += cw;
                ++at;
            }
        }
    done:
        if (at == 0 || at >= total) return false;
        split(t, rest, at);
        return true;
    }
};

void underline(Ops& ops, double x, double w, double baseline, const Piece& pc, bool strike) {
    const double pos = strike ? -pc.face->ascent * pc.size * 0.3 : -pc.face->underline_position * pc.size;
    DrawLine l;
    l.x1 = x;
    l.x2 = x + w;
    l.y1 = l.y2 = baseline + pos - pc.shift;
    l.width = std::max(0.4, pc.face->underline_thickness * pc.size);
    l.color = pc.props->color;
    ops.lines.push_back(l);
}

}  // namespace

std::vector<Slice> layout_paragraph(const Paragraph& p, double width, LayoutContext& ctx) {
    Face* mark_face = ctx.fonts.face(p.mark.font, p.mark.bold, p.mark.italic);
    // Between paragraphs the larger of the space after and the space before (LibreOffice's
    // rule for Word documents) — but a paragraph that begins a page by a break of its own
    // («page break before») takes its whole space before: the previous one's space after
    // stayed on the page before (LibreOffice, measured: 30 pt before and 10 pt after give 30 pt
    // at the top of the new page, not 20).
    double before = p.props.page_break_before ? p.props.space_before : std::max(0.0, p.props.space_before - ctx.prev_after);
    double after = p.props.space_after;
    if ((p.props.contextual_spacing || ctx.prev_contextual) && ctx.prev_style == p.props.style) {
        // contextualSpacing: no space between paragraphs of the same style, on the side of the
        // paragraph that asks; the previous one's space after is already in its height, so a
        // negative space before takes it back.
        const double prev = ctx.prev_contextual ? 0.0 : ctx.prev_after;
        const double own = p.props.contextual_spacing ? 0.0 : p.props.space_before;
        before = std::max(prev, own) - ctx.prev_after;
    }
    ctx.prev_after = after;
    ctx.prev_style = p.props.style;
    ctx.prev_contextual = p.props.contextual_spacing;
    std::vector<Slice> slices;
    bool column_break = false;  // the break before the line being converted is a column break
    // A line becomes a slice once the next one exists: only then is it known to be the last.
    auto convert = [&](Line& line, std::size_t li, bool last, bool after_page_break, bool text_follows = false) {
        if (li == 0 && line.page_break_after && line.items.empty() && text_follows) {
            // A page break at the very start of a paragraph, text after it: LibreOffice reads it
            // as «page break before» the paragraph — no empty line is left at the foot of the
            // previous page (which, when that page is full, went on a page of its own: a blank
            // page). A paragraph of nothing but a break keeps its empty line where it stands.
            return;
        }
        if (after_page_break && line.items.empty()) {
            // Nothing after a page break but the paragraph's end or another break: LibreOffice
            // starts no line on the new page, so a heading with «page break before» (or the
            // next break) that follows makes no second blank page. What is left is the break
            // itself, as an empty slice that takes no room.
            Slice s;
            s.break_before = true;
            s.column_break = column_break;
            slices.push_back(std::move(s));
            return;
        }
        double asc = 0, desc = 0, text_asc = 0, text_desc = 0;
        bool picture = false;
        // Blanks — spaces, tabs, breaks — size the line only where it has nothing else, as in
        // LibreOffice: a 14 pt tab before 10 pt text, or a trailing 14 pt space, leave the line
        // 10 pt high (a signature form's fill-in lines pushed its last line onto a page of its own).
        const auto blank = [](Kind k) { return k == Kind::space || k == Kind::tab || k == Kind::line_break || k == Kind::page_break; };
        const bool only_blanks = std::all_of(line.items.begin(), line.items.end(), [&](const auto& it) { return blank(it.tok.kind); });
        for (const auto& it : line.items) {
            if (!only_blanks && blank(it.tok.kind)) continue;
            asc = std::max(asc, it.tok.ascent);
            desc = std::max(desc, it.tok.descent);
            if (it.tok.kind == Kind::image) {
                picture = true;
            } else {
                text_asc = std::max(text_asc, it.tok.ascent);
                text_desc = std::max(text_desc, it.tok.descent);
            }
        }
        const auto mark = mark_face->line(p.mark.size);
        if (picture && text_asc + text_desc <= 0) {
            text_asc = mark.ascent;
            text_desc = mark.descent;
        }
        if (asc + desc <= 0) {
            asc = mark.ascent;
            desc = mark.descent;
        }
        // LibreOffice lays out in whole twips: the ascent and descent of a line each rounded
        // (over 45 lines of 11 pt text the fractions made a line of difference).
        asc = std::round(asc * 20) / 20;
        desc = std::round(desc * 20) / 20;
        const double natural = asc + desc;
        double height = natural;
        double baseline = asc;
        switch (p.props.line_rule) {
        case LineRule::auto_:
            // A proportional spacing adds to the height of the text, not of a picture in the
            // line (LibreOffice: a 3 cm picture in a 1.15-spaced paragraph gets 0.15 of a text line).
            height = picture ? natural + (text_asc + text_desc) * (p.props.line / 240.0 - 1)
                             : std::floor(natural * 20 * p.props.line / 240.0 + 1e-6) / 20;
            // The extra of a proportional spacing (1.5, double) goes below the text, as
            // LibreOffice places it; a spacing under single takes from above.
            baseline = std::min(asc, height - desc);
            break;
        case LineRule::exact:
            height = p.props.line;
            baseline = height * asc / std::max(natural, 0.1);
            break;
        case LineRule::at_least:
            height = std::max(natural, p.props.line);
            baseline = height - desc;
            break;
        }

        // Alignment: trailing spaces hang in the margin; justification widens the spaces after
        // the last tab.
        std::size_t end = line.items.size();
        while (end > 0 && line.items[end - 1].tok.kind == Kind::space) --end;
        double content = end == 0 ? 0 : line.items[end - 1].x + line.items[end - 1].width;
        double shift = 0, extra_per_space = 0;
        std::size_t last_tab = 0;
        for (std::size_t k = 0; k < end; ++k) {
            if (line.items[k].tok.kind == Kind::tab) last_tab = k + 1;
        }
        const double slack = line.avail - content;
        // Right to left: runs of Arabic/Hebrew words read from the right; a right-to-left
        // paragraph's whole line does (its runs of other words keep their own order), and its
        // «left» alignment is its start, the right.
        const auto mirror = [&](std::size_t from, std::size_t to) {  // items [from, to)
            double l = line.items[from].x, r = l;
            for (std::size_t k = from; k < to; ++k) {
                l = std::min(l, line.items[k].x);
                r = std::max(r, line.items[k].x + line.items[k].width);
            }
            for (std::size_t k = from; k < to; ++k) line.items[k].x = l + r - line.items[k].x - line.items[k].width;
        };
        const auto runs = [&](bool rtl) {
            for (std::size_t k = 0; k < end;) {
                const auto is = [&](std::size_t i) {
                    const Token& tk = line.items[i].tok;
                    return tk.kind == Kind::word && (rtl ? tk.rtl : tk.ltr && !tk.rtl);
                };
                if (!is(k)) { ++k; continue; }
                std::size_t run_end = k;
                for (std::size_t m = k + 1; m < end; ++m) {
                    if (is(m)) run_end = m;
                    else if (line.items[m].tok.kind != Kind::space) break;
                }
                if (run_end > k) mirror(k, run_end + 1);
                k = run_end + 1;
            }
        };
        Align align = p.props.align;
        if (p.props.bidi) {
            if (end > 0) mirror(0, end);
            runs(false);
            if (align == Align::left) align = Align::right;
            else if (align == Align::right) align = Align::left;
        } else {
            bool any = false;
            for (std::size_t k = 0; k < end && !any; ++k) any = line.items[k].tok.rtl;
            if (any) runs(true);
        }
        if (align == Align::center) shift = slack / 2;
        else if (align == Align::right) shift = slack;
        else if (p.props.align == Align::both && !line.ends_paragraph && !line.ends_break && slack > 0) {
            int spaces = 0;
            for (std::size_t k = last_tab; k < end; ++k) spaces += line.items[k].tok.kind == Kind::space;
            if (spaces > 0) extra_per_space = slack / spaces;
        }

        Slice s;
        std::size_t pieces = 0;
        for (const auto& it : line.items) {
            pieces += it.tok.kind == Kind::word ? it.tok.pieces.size() : 0;
            s.notes.insert(s.notes.end(), it.tok.notes.begin(), it.tok.notes.end());
        }
        s.ops.texts.reserve(pieces);
        const bool first = li == 0;
        const Border& bt = p.props.border_top;
        const Border& bb = p.props.border_bottom;
        const double border_top = first && bt.present ? bt.width + bt.space : 0;
        const double border_bottom = last && bb.present ? bb.width + bb.space : 0;
        const double top = (first ? before : 0) + border_top;
        s.height = top + height + border_bottom + (last ? after : 0);
        s.space_after = (last ? after : 0) + (border_bottom > 0 ? 0 : std::max(0.0, height - natural));
        const double box_left = p.props.ind_left, box_right = width - p.props.ind_right;
        if (border_top > 0) {
            const double y = top - border_top + bt.width / 2;
            s.ops.lines.push_back(DrawLine{box_left, y, box_right, y, bt.width, bt.color});
        }
        if (border_bottom > 0) {
            const double y = top + height + bb.space + bb.width / 2;
            s.ops.lines.push_back(DrawLine{box_left, y, box_right, y, bb.width, bb.color});
        }
        const double base_y = top + baseline;
        if (p.props.shading && *p.props.shading != 0xFFFFFF) {
            s.ops.rects.push_back(DrawRect{p.props.ind_left, top, width - p.props.ind_left - p.props.ind_right, height, *p.props.shading, true});
        }
        double added = 0;
        for (std::size_t k = 0; k < line.items.size(); ++k) {
            Placed& it = line.items[k];
            const double x = line.left + shift + it.x + added;
            if (it.tok.kind == Kind::space && k >= last_tab && k < end) added += extra_per_space;
            const double w = it.width + (it.tok.kind == Kind::space && k >= last_tab && k < end ? extra_per_space : 0);
            switch (it.tok.kind) {
            case Kind::word:
            case Kind::space: {
                double px = x;
                for (Piece& pc : it.tok.pieces) {
                    const double pw = it.tok.kind == Kind::space ? w : pc.width;
                    if (pc.props->highlight) {
                        s.ops.rects.push_back(DrawRect{px, base_y - pc.face->ascent * pc.props->size, pw,
                                                       (pc.face->ascent + pc.face->descent) * pc.props->size, *pc.props->highlight, true});
                    }
                    if (it.tok.kind == Kind::word) {
                        DrawText t;
                        t.x = px;
                        t.y = base_y - pc.shift;
                        t.face = pc.face;
                        t.size = pc.size;
                        t.text = std::move(pc.text);  // the line is dropped once drawn
                        t.glyphs = std::move(pc.glyphs);
                        t.glyph_chars = std::move(pc.glyph_chars);
                        t.color = pc.props->color;
                        t.char_spacing = pc.props->char_spacing;
                        s.ops.texts.push_back(std::move(t));
                    }
                    const bool trailing = k >= end;
                    if (pc.props->underline && !trailing) underline(s.ops, px, pw, base_y, pc, false);
                    if (pc.props->strike && !trailing) underline(s.ops, px, pw, base_y, pc, true);
                    px += pw;
                }
                break;
            }
            case Kind::tab: {
                const RunProps& rp = it.tok.in->props;
                Face* f = ctx.fonts.face(rp.font, rp.bold, rp.italic);
                Piece pc;
                pc.face = f;
                pc.size = rp.size;
                pc.props = &rp;
                if ((rp.underline || it.leader == '_') && it.width > 0) underline(s.ops, x, w, base_y, pc, false);
                if ((it.leader == '.' || it.leader == '-') && it.width > 0) {
                    const char32_t ch = it.leader == '.' ? U'.' : U'-';
                    const double cw = std::max(f->advance(ch) * rp.size, 1.0);
                    const int n = static_cast<int>(std::max(0.0, (w - cw) / cw));
                    if (n > 0) {
                        DrawText t;
                        t.x = x + w - n * cw - cw * 0.5;
                        t.y = base_y;
                        t.face = f;
                        t.size = rp.size;
                        t.text = std::u32string(static_cast<std::size_t>(n), ch);
                        t.color = rp.color;
                        s.ops.texts.push_back(std::move(t));
                    }
                }
                break;
            }
            case Kind::image: {
                const Inline& in = *it.tok.in;
                if (in.frame >= 0) s.ops.append(draw_frame(ctx.doc.frames[static_cast<std::size_t>(in.frame)], ctx), x, base_y - in.height);
                else if (in.image >= 0) s.ops.images.push_back(DrawImage{x, base_y - in.height, in.width, in.height, in.image});
                else s.ops.rects.push_back(DrawRect{x, base_y - in.height, in.width, in.height, 0x808080, false});
                break;
            }
            case Kind::line_break:
            case Kind::page_break: break;
            }
        }
        if (first) {
            s.break_before = p.props.page_break_before;
            s.space_before = before;
        }
        if (after_page_break) {
            s.break_before = true;
            s.column_break = column_break;
        }
        slices.push_back(std::move(s));
    };
    std::optional<Line> pending;
    std::size_t index = 0;
    bool pending_after_break = false;
    // Anchored frames go with the paragraph's first slice; narrow ones with square wrapping
    // relative to the paragraph keep its lines (and the next paragraphs') away.
    std::vector<int> floats;
    for (const Inline& in : p.content) {
        if (in.kind == InlineKind::frame && ctx.doc.frames[static_cast<std::size_t>(in.frame)].anchored) floats.push_back(in.frame);
    }
    for (int fi : floats) {
        const Frame& f = ctx.doc.frames[static_cast<std::size_t>(fi)];
        if (f.wrap == Frame::Wrap::square && f.width < width * 0.9 && (f.v_rel == "paragraph" || f.v_rel == "line") &&
            f.v_align.empty() && !leaves_no_room(fi, floats, width, ctx)) {
            const double x = frame_x(f, width, ctx);
            const double y = ctx.flow_y + before + f.v_offset;
            ctx.exclusions.push_back({y - f.dist_top, y + f.height + f.dist_bottom, x - f.dist_left, x + f.width + f.dist_right});
        }
    }
    double line_guess = (mark_face->ascent + mark_face->descent) * p.mark.size;
    if (p.props.line_rule == LineRule::auto_) line_guess *= p.props.line / 240.0;
    else if (p.props.line_rule == LineRule::exact) line_guess = p.props.line;
    else line_guess = std::max(line_guess, p.props.line);
    Builder builder(p, ctx);
    Breaker breaker(p, width, ctx, builder.tokens(), [&](Line&& line) {
        if (pending) {
            const bool broke = pending->page_break_after, column = pending->column_break;
            convert(*pending, index++, false, pending_after_break, !line.items.empty());
            pending_after_break = broke;
            column_break = column;
        }
        pending = std::move(line);
    }, line_guess, before);
    breaker.run();
    if (pending) convert(*pending, index, true, pending_after_break);
    // A paragraph that ends with a page or column break leaves nothing on the new page: the
    // next paragraph takes its whole space before there (a thesis's chapter heading after a
    // paragraph of nothing but a page break: 10 pt lower in LibreOffice's PDF, and the page's
    // last paragraph went on to the next one).
    if (!slices.empty() && slices.back().break_before && slices.back().height == 0 && slices.back().ops.empty()) ctx.prev_after = 0;
    if (!floats.empty() && !slices.empty()) slices.front().floats = std::move(floats);
    for (const auto& s : slices) ctx.flow_y += s.height;
    if (!ctx.exclusions.empty()) {
        std::erase_if(ctx.exclusions, [&](const LayoutContext::Exclusion& e) { return e.y2 < ctx.flow_y; });
    }

    const std::size_t n = slices.size();
    // LibreOffice does not split a paragraph that keeps with the next one either (Writer's
    // widow/orphan logic treats «keep with next» as «keep lines together»): a four-line item
    // of an order at a page foot goes whole to the next page with what follows it.
    if (p.props.keep_lines || p.props.keep_next) {
        for (std::size_t i = 0; i + 1 < n; ++i) slices[i].keep_with_next = true;
    }
    if (p.props.widow_control && n >= 2) {
        // No single first line at the foot of a page, no single last line at the head of one.
        slices[0].keep_with_next = true;
        slices[n - 2].keep_with_next = true;
    }
    if (p.props.keep_next && n > 0) slices[n - 1].keep_with_next = true;
    return slices;
}

}  // namespace nastavnik::pdf

namespace nastavnik::pdf {

bool leaves_no_room(int frame, const std::vector<int>& frames, double width, const LayoutContext& ctx) {
    // Less than this beside square-wrapped frames, and the text goes below them (two pictures
    // side by side across the column leave none).
    constexpr double min_room = 36;
    const Frame& f = ctx.doc.frames[static_cast<std::size_t>(frame)];
    std::vector<std::pair<double, double>> taken;
    for (int other : frames) {
        const Frame& g = ctx.doc.frames[static_cast<std::size_t>(other)];
        if (!g.anchored || g.wrap != Frame::Wrap::square || g.v_rel != f.v_rel) continue;
        // Only frames beside each other: their vertical extents overlap.
        if (g.v_offset >= f.v_offset + f.height || f.v_offset >= g.v_offset + g.height) continue;
        const double x = frame_x(g, width, ctx);
        taken.emplace_back(x - g.dist_left, x + g.width + g.dist_right);
    }
    std::sort(taken.begin(), taken.end());
    double edge = 0, room = 0;
    for (const auto& [a, b] : taken) {
        room = std::max(room, a - edge);
        edge = std::max(edge, b);
    }
    room = std::max(room, width - edge);
    return room < min_room;
}

double frame_x(const Frame& f, double column_width, const LayoutContext& ctx) {
    // The column is the text area of a one-column section: margin and column are the same.
    const bool page = f.h_rel == "page" || f.h_rel == "leftMargin" || f.h_rel == "rightMargin" || f.h_rel == "outsideMargin" ||
                      f.h_rel == "insideMargin";
    const double area_left = page ? -ctx.column_left : 0;
    const double area_width = page && ctx.page_width > 0 ? ctx.page_width : column_width;
    if (f.h_align == "center") return area_left + (area_width - f.width) / 2;
    if (f.h_align == "right" || f.h_align == "outside") return area_left + area_width - f.width;
    if (f.h_align == "left" || f.h_align == "inside") return area_left;
    return area_left + f.h_offset;
}

Ops draw_frame(const Frame& f, LayoutContext& ctx) {
    Ops ops;
    if (f.fill && *f.fill != 0xFFFFFF) ops.rects.push_back(DrawRect{0, 0, f.width, f.height, *f.fill, true});
    if (f.image >= 0) ops.images.push_back(DrawImage{0, 0, f.width, f.height, f.image});
    if (++ctx.depth > RenderLimits::max_table_depth) {
        --ctx.depth;
        return ops;  // frames in frames in frames: a hostile file
    }
    if (!f.blocks.empty()) {
        const double inner = std::max(f.width - f.inset_left - f.inset_right, 12.0);
        LayoutContext box = ctx;
        box.prev_after = 0;
        box.exclusions.clear();
        box.flow_y = 0;
        double y = f.inset_top;
        // Vertical text (the stamps of ЕСКД frames): laid out along the box's height, turned.
        const double along = std::max(f.height - f.inset_top - f.inset_bottom, 12.0);
        auto slices = f.rotate != 0 ? rotated(layout_blocks(f.blocks, along, box), f.rotate, inner, along)
                                    : layout_blocks(f.blocks, inner, box);
        for (auto& s : slices) {
            ops.append(std::move(s.ops), f.inset_left, y);
            y += s.height;
        }
    } else if (!f.text.empty()) {
        // WordArt or a chart's title: one line, centred, in the text's default font.
        Paragraph p;
        p.props.align = Align::center;
        Inline in;
        in.kind = InlineKind::text;
        in.text = f.text;
        in.props.size = std::clamp(f.height * 0.6, 8.0, 28.0);
        p.content.push_back(in);
        p.mark = in.props;
        LayoutContext box = ctx;
        box.exclusions.clear();
        double y = 0;
        for (auto& s : layout_paragraph(p, f.width, box)) {
            ops.append(std::move(s.ops), 0, y);
            y += s.height;
        }
    }
    for (int part : f.parts) {
        const Frame& c = ctx.doc.frames[static_cast<std::size_t>(part)];
        ops.append(draw_frame(c, ctx), c.part_x, c.part_y);
    }
    --ctx.depth;
    if (f.line) {
        ops.lines.push_back(DrawLine{0, 0, f.width, 0, 0.75, *f.line});
        ops.lines.push_back(DrawLine{f.width, 0, f.width, f.height, 0.75, *f.line});
        ops.lines.push_back(DrawLine{f.width, f.height, 0, f.height, 0.75, *f.line});
        ops.lines.push_back(DrawLine{0, f.height, 0, 0, 0.75, *f.line});
    }
    return ops;
}

}  // namespace nastavnik::pdf
