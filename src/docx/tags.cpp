#include "docx/tags.hpp"

#include "docx/wordml.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace nastavnik::docx {

namespace {

// ---------------------------------------------------------------------------------------
// Expressions typed in Word

constexpr char32_t nbsp = 0x00A0, narrow_nbsp = 0x202F;
constexpr char32_t ldquo = 0x201C, rdquo = 0x201D, bdquo = 0x201E, laquo = 0x00AB, raquo = 0x00BB;
constexpr char32_t lsquo = 0x2018, rsquo = 0x2019, sbquo = 0x201A;

// Decodes the UTF-8 character at `i`; malformed bytes come back one at a time as themselves.
char32_t decode(std::string_view s, std::size_t i, std::size_t& length) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) {
        length = 1;
        return b;
    }
    char32_t c = n == 1 ? b : (b & (0xFF >> (n + 1)));
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    length = n;
    return c;
}

// The characters that may close a string opened by `open`; empty if `open` opens none.
std::u32string closers_of(char32_t open) {
    switch (open) {
        case ldquo:
        case rdquo:
        case bdquo: return {rdquo, ldquo};  // “…” and the Russian „…“
        case laquo: return {raquo};
        case raquo: return {raquo, laquo};
        case lsquo:
        case rsquo:
        case sbquo: return {rsquo, lsquo};
        default: return {};
    }
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && is_space(s[a])) ++a;
    while (b > a && is_space(s[b - 1])) --b;
    return std::string(s.substr(a, b - a));
}

// ---------------------------------------------------------------------------------------
// Runs

bool has_element_child(xmlNodePtr node) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return true;
    }
    return false;
}

// Whether a paragraph lies anywhere below `node`: the compiler has listed every paragraph of
// the part before it isolates tags, so a node holding one (a hostile file may nest it in run
// properties) must not be freed.
bool holds_paragraph(xmlNodePtr node) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && (is_w(c, "p") || holds_paragraph(c))) return true;
    }
    return false;
}

struct Piece {
    xmlNodePtr t;
    std::string text;
    std::size_t offset;  // in the paragraph's text
};

void collect_pieces(xmlNodePtr node, xmlNodePtr paragraph, std::vector<Piece>& out, std::size_t& offset) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || (is_w(c, "p") && c != paragraph)) continue;
        // Properties never hold the text a reader sees; a hostile file may nest a run in them,
        // and a run inside another run's properties would be freed with its host below.
        if (is_w(c, "rPr") || is_w(c, "pPr")) continue;
        if (is_w(c, "t")) {
            // A w:t holds text only; one holding elements (a hostile file can nest a whole
            // paragraph in it) is not text we may rewrite: setting its text would free them.
            if (!is_w(c->parent, "r") || has_element_child(c)) continue;
            xmlChar* s = xmlNodeGetContent(c);
            std::string text = s != nullptr ? reinterpret_cast<const char*>(s) : "";
            xmlFree(s);
            const std::size_t start = offset;
            offset += text.size();
            out.push_back(Piece{c, std::move(text), start});
        } else {
            collect_pieces(c, paragraph, out, offset);
        }
    }
}

bool only_properties(xmlNodePtr run) {
    for (xmlNodePtr c = run->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && !is_w(c, "rPr")) return false;
    }
    return true;
}

bool empty_text_run(xmlNodePtr run) {
    for (xmlNodePtr c = run->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_w(c, "rPr")) continue;
        if (!is_w(c, "t") || c->children != nullptr) return false;
    }
    return true;
}

// Moves the characters [a, b) of the paragraph's text into a new run right after the run
// where they start, and returns it. The text of the paragraph keeps its offsets before `a`,
// so tags are isolated from last to first. `touched` collects runs that may end up empty.
xmlNodePtr isolate(std::vector<Piece>& pieces, std::size_t a, std::size_t b, const std::string& tag_text,
                   std::set<xmlNodePtr>& touched) {
    std::size_t i = 0;
    while (i + 1 < pieces.size() && pieces[i].offset + pieces[i].text.size() <= a) ++i;
    std::size_t j = i;
    while (j + 1 < pieces.size() && pieces[j].offset + pieces[j].text.size() < b) ++j;
    Piece& first = pieces[i];
    xmlNodePtr run = first.t->parent;
    touched.insert(run);
    std::string after;
    // Piece texts are kept in step with the document: an earlier tag in the same piece must
    // see the piece as this isolation left it.
    if (i == j) {
        after = first.text.substr(b - first.offset);
    } else {
        for (std::size_t k = i + 1; k < j; ++k) {
            set_text(pieces[k].t, "");
            pieces[k].text.clear();
            touched.insert(pieces[k].t->parent);
        }
        pieces[j].text = pieces[j].text.substr(b - pieces[j].offset);
        set_text(pieces[j].t, pieces[j].text);
        touched.insert(pieces[j].t->parent);
    }
    first.text = first.text.substr(0, a - first.offset);
    set_text(first.t, first.text);

    xmlNodePtr tag_run = new_run_like(run);
    set_text(xmlAddChild(tag_run, new_w(run->doc, run, "t")), tag_text);
    // What followed the tag inside its first run (text, tabs, breaks) goes to a run after it.
    xmlNodePtr after_run = new_run_like(run);
    if (!after.empty()) set_text(xmlAddChild(after_run, new_w(run->doc, run, "t")), after);
    for (xmlNodePtr s = first.t->next; s != nullptr;) {
        xmlNodePtr next = s->next;
        xmlUnlinkNode(s);
        xmlAddChild(after_run, s);
        s = next;
    }
    xmlAddNextSibling(run, tag_run);
    if (only_properties(after_run) && !holds_paragraph(after_run)) {
        xmlFreeNode(after_run);
    } else {
        xmlAddNextSibling(tag_run, after_run);
        tidy_namespaces(after_run);
    }
    // The copied run properties declared the namespace on themselves; drop the redundancy.
    tidy_namespaces(tag_run);
    return tag_run;
}

}  // namespace

std::string plain_expression(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 0;
        const char32_t c = decode(s, i, len);
        if (c == '\'' || c == '"') {  // an ASCII string: copied as it is, up to its closing quote
            const std::size_t close = s.find(static_cast<char>(c), i + 1);
            const std::size_t end = close == std::string_view::npos ? s.size() : close + 1;
            out.append(s.substr(i, end - i));
            i = end;
            continue;
        }
        if (c == nbsp || c == narrow_nbsp) {
            out += ' ';
            i += len;
            continue;
        }
        const std::u32string closers = closers_of(c);
        if (closers.empty()) {
            out.append(s.substr(i, len));
            i += len;
            continue;
        }
        // A typographic string: find its end, then quote it with an ASCII quote its content
        // does not contain.
        std::size_t k = i + len, close = std::string_view::npos, close_len = 0;
        while (k < s.size()) {
            std::size_t l = 0;
            if (closers.find(decode(s, k, l)) != std::u32string::npos) {
                close = k;
                close_len = l;
                break;
            }
            k += l;
        }
        const bool single = c == lsquo || c == rsquo || c == sbquo;
        if (close == std::string_view::npos) {  // unbalanced: leave a quote, the compiler will say
            out += single ? '\'' : '"';
            i += len;
            continue;
        }
        const std::string_view content = s.substr(i + len, close - i - len);
        char q = single ? '\'' : '"';
        if (content.find(q) != std::string_view::npos) q = q == '"' ? '\'' : '"';
        out += q;
        out.append(content);
        out += q;
        i = close + close_len;
    }
    return out;
}

TagToken classify(std::string written) {
    TagToken t;
    const std::string inner = trim(plain_expression(std::string_view(written).substr(2, written.size() - 4)));
    t.written = std::move(written);
    auto keyword = [&](std::string_view word) {
        return inner.compare(0, word.size(), word) == 0 &&
               (inner.size() == word.size() || is_space(inner[word.size()]));
    };
    auto rest = [&](std::size_t n) { return trim(std::string_view(inner).substr(n)); };
    if (keyword("#each")) {
        t.kind = TagKind::each;
        t.expression = rest(5);
    } else if (keyword("#if")) {
        t.kind = TagKind::if_;
        t.expression = rest(3);
    } else if (inner == "else") {
        t.kind = TagKind::else_;
    } else if (inner == "/each") {
        t.kind = TagKind::end_each;
    } else if (inner == "/if") {
        t.kind = TagKind::end_if;
    } else if (!inner.empty() && inner[0] == '?') {
        t.kind = TagKind::optional_value;
        t.expression = rest(1);
    } else if (!inner.empty() && inner[0] != '#') {
        // Anything else is an expression — absolute paths ("/data/…") included.
        t.kind = TagKind::value;
        t.expression = inner;
    }
    return t;
}

std::vector<TagToken> isolate_tags(xmlNodePtr p, std::vector<ScanProblem>& problems) {
    std::vector<Piece> pieces;
    std::size_t offset = 0;
    collect_pieces(p, p, pieces, offset);
    std::string text;
    for (const auto& piece : pieces) text += piece.text;
    if (text.find("{{") == std::string::npos && text.find("}}") == std::string::npos) return {};

    const std::string para = paragraph_text(p);
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    for (std::size_t pos = 0;;) {
        const std::size_t open = text.find("{{", pos);
        const std::size_t stray = text.find("}}", pos);
        if (stray != std::string::npos && (open == std::string::npos || stray < open)) {
            problems.push_back(ScanProblem{para, "лишние «}}» без открывающих «{{»"});
            pos = stray + 2;
            continue;
        }
        if (open == std::string::npos) break;
        const std::size_t close = text.find("}}", open + 2);
        const std::size_t next_open = text.find("{{", open + 2);
        if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
            const std::size_t end = next_open != std::string::npos ? next_open : text.size();
            const std::string fragment = trim(std::string_view(text).substr(open, end - open));
            problems.push_back(ScanProblem{para, "тег " + text::shorten(fragment, 40) + " не закрыт: нет «}}»"});
            pos = open + 2;
            continue;
        }
        spans.emplace_back(open, close + 2);
        pos = close + 2;
    }

    const bool single_tag = spans.size() == 1;
    const bool only_text = !has_non_text_content(p) && !has_nested_paragraph(p);
    std::vector<TagToken> tags(spans.size());
    std::set<xmlNodePtr> touched;
    for (std::size_t k = spans.size(); k-- > 0;) {
        const auto [a, b] = spans[k];
        const std::string written = text.substr(a, b - a);
        tags[k] = classify(written);
        tags[k].paragraph = para;
        tags[k].alone = single_tag && only_text && trim(text) == written;
        tags[k].run = isolate(pieces, a, b, written, touched);
    }
    // Runs that gave all their text to tags are left as empty shells; Word does not need them.
    // All are judged and unlinked before any is freed: in a malformed file one touched run may
    // hold another, and freeing the outer first would leave the inner dangling.
    std::vector<xmlNodePtr> empty;
    for (xmlNodePtr run : touched) {
        if (empty_text_run(run) && !holds_paragraph(run)) empty.push_back(run);
    }
    for (xmlNodePtr run : empty) xmlUnlinkNode(run);
    for (xmlNodePtr run : empty) xmlFreeNode(run);
    return tags;
}

}  // namespace nastavnik::docx
