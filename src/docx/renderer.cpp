// Rendering a compiled part: copy its DOM and replace the markers with data.

#include "docx/compiled.hpp"
#include "docx/wordml.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/core/xml_chars.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/typography.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <string_view>
#include <unordered_set>

namespace nastavnik::docx {

namespace {

// A tag that fails in every repetition of a long loop would bury the other problems.
constexpr int max_reports_per_tag = 3;

// What a value's text holds besides characters: a newline (w:br), a tab (w:tab) and the
// non-breaking hyphen U+2011 that typography puts into «АЗ‑1128/08» (w:noBreakHyphen, which
// Word and LibreOffice draw with the font's own hyphen).
constexpr std::string_view no_break_hyphen = "\u2011";

std::size_t next_special(const std::string& text, std::size_t from) {
    const std::size_t control = text.find_first_of("\n\t", from);
    const std::size_t hyphen = text.find(no_break_hyphen, from);
    return std::min(control, hyphen);
}

const char* special_element(const std::string& text, std::size_t at) {
    return text[at] == '\n' ? "br" : text[at] == '\t' ? "tab" : "noBreakHyphen";
}

std::size_t special_length(const std::string& text, std::size_t at) {
    return text[at] == '\n' || text[at] == '\t' ? 1 : no_break_hyphen.size();
}


std::size_t index_of(xmlNodePtr marker) {
    xmlChar* v = xmlGetProp(marker, xml_chars("i"));
    const std::size_t i = v != nullptr ? std::strtoul(reinterpret_cast<const char*>(v), nullptr, 10) : 0;
    xmlFree(v);
    return i;
}

bool is_each(xmlNodePtr block) {
    xmlChar* v = xmlGetProp(block, xml_chars("kind"));
    const bool each = v != nullptr && xmlStrEqual(v, xml_chars("each")) != 0;
    xmlFree(v);
    return each;
}

void remove(xmlNodePtr n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

// A run that holds one value and nothing else besides its properties — as the compiler isolates
// every tag: where the value holds a person's name, the run is split into runs of their own.
bool value_run(const xmlNode* run) {
    if (run == nullptr || !is_w(run, "r") || run->properties != nullptr || run->nsDef != nullptr) return false;
    int values = 0;
    for (const xmlNode* c = run->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) return false;
        if (is_marker(c, "value")) {
            ++values;
        } else if (!is_w(c, "rPr")) {
            return false;
        }
    }
    return values == 1;
}

// Whether the template's own text right after the value's run begins with a closing quote: a
// value that ends with one (a title ending in a quoted name, «…«Теремок»») then gives up its own,
// as Мильчин writes two coinciding closing marks once (the rule of typography() for the data).
bool closing_quote_follows(const xmlNode* run) {
    if (run == nullptr) return false;
    for (const xmlNode* n = run->next; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || is_w(n, "proofErr") || is_w(n, "bookmarkStart") || is_w(n, "bookmarkEnd")) continue;
        if (!is_w(n, "r")) return false;
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
            if (is_w(c, "t")) {
                const xmlNode* text = c->children;
                return text != nullptr && text->type == XML_TEXT_NODE && text->content != nullptr &&
                       std::strncmp(reinterpret_cast<const char*>(text->content), "\u00BB", 2) == 0;
            }
            if (!is_w(c, "rPr")) return false;
        }
    }
    return false;
}

// What both renderers share: evaluating tags, the repetition being filled, and reporting
// problems (each tag at most max_reports_per_tag times, then a count).
class TagFiller {
public:
    TagFiller(const std::vector<TagInfo>& tags, const xpath::Evaluator& ev, std::string file, DiagnosticSink& sink)
        : tags_(tags), ev_(ev), file_(std::move(file)), sink_(sink) {}

    /// Reports the repetitions of problems that were not shown one by one.
    void finish() {
        for (const auto& [index, count] : reported_) {
            if (count > max_reports_per_tag) {
                const TagInfo& tag = tags_.at(index);
                sink_.add(
                    InputLocation{file_, 0, 0, tag.where},
                    "тег " + tag.tag + ": то же ещё в " +
                        text::with_noun(static_cast<long>(count - max_reports_per_tag), "повторении", "повторениях", "повторениях"));
            }
        }
    }

    /// Thrown past TemplateLimits; not an Error, so that the catch of a block does not take it
    /// for one failing tag and go on repeating (render_part turns it into the Error).
    struct TooLarge {
        std::string message;
        std::string where;
    };

protected:
    // A loop over every node of the data inside another such loop, or a value holding the whole
    // file repeated, would fill memory: the output is bounded as it is made.
    void repeat(const TagInfo& tag, std::size_t items) {
        repeated_ += items;
        if (repeated_ > TemplateLimits::max_repetitions) {
            throw TooLarge{"тег " + tag.tag + ": документ получается слишком большим — блоки повторяются более " +
                               std::to_string(TemplateLimits::max_repetitions) + " раз",
                           tag.where};
        }
    }
    void produced(const TagInfo& tag, std::size_t bytes) {
        produced_ += bytes;
        if (produced_ > TemplateLimits::max_part_bytes) {
            throw TooLarge{"тег " + tag.tag + ": документ получается слишком большим — больше " +
                               size_text(TemplateLimits::max_part_bytes) + " в одной части",
                           tag.where};
        }
    }

    struct Repetition {
        const TagInfo* loop;
        std::size_t number;  // from 1
        std::size_t count;
    };

    void problem(std::size_t index, const std::string& message) {
        if (++reported_[index] > max_reports_per_tag) return;
        const TagInfo& tag = tags_.at(index);
        std::string text = "тег " + tag.tag + ": " + message;
        if (!repetitions_.empty()) {
            const Repetition& r = repetitions_.back();
            text += " (повторение " + std::to_string(r.number) + " из " + std::to_string(r.count) + " блока " +
                    r.loop->tag + ")";
        }
        sink_.add(InputLocation{file_, 0, 0, tag.where}, std::move(text));
    }

    static std::string message_of(const Error& e) {
        return e.diagnostics().empty() ? e.what() : e.diagnostics().front().message;
    }

    // position() and last() inside a loop: the innermost repetition being filled.
    [[nodiscard]] int position() const { return repetitions_.empty() ? 1 : static_cast<int>(repetitions_.back().number); }
    [[nodiscard]] int size() const { return repetitions_.empty() ? 1 : static_cast<int>(repetitions_.back().count); }

    /// The text of a value tag, typography applied, and where it holds a person's name;
    /// problems reported.
    struct Value {
        std::string text;
        std::vector<text::Span> names;
    };
    Value value_text(std::size_t index, xmlNodePtr context, bool closing_quote_after) {
        const TagInfo& tag = tags_.at(index);
        std::string text;
        std::vector<std::string> names;
        try {
            text = ev_.string(tag.expression, context, position(), size(), &names);
            if (!tag.optional && text.find_first_not_of(" \t\r\n") == std::string::npos) {
                problem(index, "пустое значение — нет данных (если значение необязательно, пишите {{? …}})");
            }
        } catch (const Error& e) {
            problem(index, message_of(e));
        }
        produced(tag, text.size());
        // Text from the data follows the same typography as the template's own text: «ёлочки»,
        // dashes, and «№», initials, «г.» that never end a line (ГОСТ Р 7.0.97).
        Value v{text::typography(text), {}};
        if (closing_quote_after && v.text.ends_with("\u00BB")) v.text.resize(v.text.size() - std::string_view("\u00BB").size());
        v.names = text::name_spans(v.text, names);
        return v;
    }

    // The value's text in pieces: outside and inside names, in order, none empty.
    struct Segment {
        std::size_t begin, end;
        bool name;
    };
    static std::vector<Segment> segments(const Value& v) {
        std::vector<Segment> out;
        std::size_t at = 0;
        for (const text::Span& n : v.names) {
            if (n.begin > at) out.push_back({at, n.begin, false});
            out.push_back({n.begin, n.end, true});
            at = n.end;
        }
        if (at < v.text.size()) out.push_back({at, v.text.size(), false});
        return out;
    }

    const std::vector<TagInfo>& tags_;
    const xpath::Evaluator& ev_;
    std::string file_;
    DiagnosticSink& sink_;
    std::vector<Repetition> repetitions_;
    std::map<std::size_t, int> reported_;
    std::size_t repeated_ = 0;  // repetitions of all loops of the part
    std::size_t produced_ = 0;  // bytes of values (copying renderer) or of the output (direct writer)
};

class PartRenderer : public TagFiller {
public:
    using TagFiller::TagFiller;

    void children(xmlNodePtr parent, xmlNodePtr context) {
        for (xmlNodePtr c = parent->children; c != nullptr;) {
            xmlNodePtr next = c->next;  // what `c` turns into is inserted before it: never revisited
            if (is_marker(c, "block"))
                block(c, context);
            else if (is_marker(c, "value"))
                value(c, context);
            else if (c->type == XML_ELEMENT_NODE)
                children(c, context);
            c = next;
        }
    }

    /// Text nodes holding data: they may contain "{{" without it being a tag.
    [[nodiscard]] const std::unordered_set<const xmlNode*>& value_nodes() const noexcept { return values_; }

private:
    // Renders a copy of `content`'s children with `context` and puts them before `anchor`.
    void emit(xmlNodePtr content, xmlNodePtr anchor, xmlNodePtr context) {
        // A detached copy declares the namespaces it uses on itself; each moved child is
        // rewired to the declarations in scope at its new place before the copy is freed.
        xmlNodePtr copy = xmlDocCopyNode(content, anchor->doc, 1);
        children(copy, context);
        while (copy->children != nullptr) {
            xmlNodePtr c = copy->children;
            xmlUnlinkNode(c);
            if (c->type != XML_ELEMENT_NODE) {  // white space between blocks
                xmlFreeNode(c);
                continue;
            }
            xmlAddPrevSibling(anchor, c);
            tidy_namespaces(c);
        }
        xmlFreeNode(copy);
    }

    static xmlNodePtr marker_child(xmlNodePtr block, const char* local) {
        for (xmlNodePtr c = block->children; c != nullptr; c = c->next) {
            if (is_marker(c, local)) return c;
        }
        return nullptr;
    }

    void block(xmlNodePtr b, xmlNodePtr context) {
        const std::size_t index = index_of(b);
        const TagInfo& tag = tags_.at(index);
        try {
            if (is_each(b)) {
                const std::vector<xmlNodePtr> items = ev_.nodes(tag.expression, context, position(), size());
                repeat(tag, items.size());
                for (std::size_t k = 0; k < items.size(); ++k) {
                    repetitions_.push_back(Repetition{&tag, k + 1, items.size()});
                    emit(b, b, items[k]);
                    repetitions_.pop_back();
                }
            } else {
                const bool yes = ev_.boolean(tag.expression, context, position(), size());
                xmlNodePtr then_part = marker_child(b, "then");
                if (then_part == nullptr) {
                    if (yes) emit(b, b, context);
                } else if (xmlNodePtr chosen = yes ? then_part : marker_child(b, "else")) {
                    emit(chosen, b, context);
                }
            }
        } catch (const Error& e) {
            problem(index, message_of(e));
        }
        remove(b);
    }

    void value(xmlNodePtr marker, xmlNodePtr context) {
        xmlNodePtr run = marker->parent;
        const Value v = value_text(index_of(marker), context, closing_quote_follows(run));
        if (v.names.empty() || !value_run(run)) {
            fill(marker, v.text);
            remove(marker);
            return;
        }
        // A name goes into a run of its own, of no language: the run is split around it.
        // The runs are all made from the value's run before any is marked.
        xmlNodePtr last = run;
        bool first = true;
        std::vector<xmlNodePtr> names;
        for (const Segment& sg : segments(v)) {
            xmlNodePtr target = run;
            if (!first) {
                target = new_run_like(run);
                xmlAddNextSibling(last, target);
                tidy_namespaces(target);
                xmlNodePtr end = new_w(run->doc, target, "t");  // fill() puts the text before it
                xmlAddChild(target, end);
                fill(end, v.text.substr(sg.begin, sg.end - sg.begin));
                remove(end);
            } else {
                fill(marker, v.text.substr(sg.begin, sg.end - sg.begin));
            }
            if (sg.name) names.push_back(target);
            last = target;
            first = false;
        }
        remove(marker);
        for (xmlNodePtr r : names) mark_no_language(r);
    }

    // A newline becomes a line break, a tab a tab and U+2011 a non-breaking hyphen: the run
    // gets t, br, t, tab, t, noBreakHyphen, t … before `marker`.
    void fill(xmlNodePtr marker, const std::string& text) {
        xmlNodePtr parent = marker->parent;
        std::size_t start = 0;
        while (true) {
            const std::size_t cut = next_special(text, start);
            std::string piece = text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
            if (!piece.empty() && piece.back() == '\r') piece.pop_back();
            if (!piece.empty()) {
                xmlNodePtr t = new_w(marker->doc, parent, "t");
                // A text node: "<" and "&" in data are characters, escaped when written.
                xmlNodePtr data = xmlNewDocText(marker->doc, xml_chars(piece.c_str()));
                xmlAddChild(t, data);
                xmlNodeSetSpacePreserve(t, 1);
                xmlAddPrevSibling(marker, t);
                values_.insert(data);
            }
            if (cut == std::string::npos) break;
            xmlAddPrevSibling(marker, new_w(marker->doc, parent, special_element(text, cut)));
            start = cut + special_length(text, cut);
        }
    }

    std::unordered_set<const xmlNode*> values_;
};

bool has_child(xmlNodePtr n, const char* local) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (is_w(c, local)) return true;
    }
    return false;
}

xmlNodePtr last_element(xmlNodePtr n) {
    xmlNodePtr last = nullptr;
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) last = c;
    }
    return last;
}

// Loops over nothing can leave a table without rows or a cell without a paragraph; Word
// refuses such files (and wants a cell to end with a paragraph, not a nested table).
void repair(xmlNodePtr node) {
    for (xmlNodePtr c = node->children; c != nullptr;) {
        xmlNodePtr next = c->next;
        if (c->type == XML_ELEMENT_NODE) {
            repair(c);
            if (is_w(c, "tbl") && !has_child(c, "tr")) {
                remove(c);
            } else if (is_w(c, "tc") &&
                       ((!has_child(c, "p") && !has_child(c, "sdt")) || is_w(last_element(c), "tbl"))) {
                xmlAddChild(c, new_w(c->doc, c, "p"));
            }
        }
        c = next;
    }
}

// A marker or a "{{" in the template's own text after rendering means a tag was missed.
bool leftover(xmlNodePtr n, const std::unordered_set<const xmlNode*>& values) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            if (c->ns != nullptr && xmlStrEqual(c->ns->href, xml_chars(template_ns)) != 0) return true;
            if (leftover(c, values)) return true;
        } else if (c->type == XML_TEXT_NODE && values.count(c) == 0 && c->content != nullptr &&
                   std::strstr(reinterpret_cast<const char*>(c->content), "{{") != nullptr && is_w(c->parent, "t")) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string render_part_copying(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                                xmlNodePtr context, const std::string& file, DiagnosticSink& sink) {
    XmlDoc copy(xmlCopyDoc(part.doc.get(), 1));
    if (copy == nullptr) throw Error(ErrorCode::internal, "libxml2: не удаётся скопировать часть " + part.name);
    xmlNodePtr root = xmlDocGetRootElement(copy.get());
    PartRenderer renderer(tags, ev, file, sink);
    renderer.children(root, context);
    renderer.finish();
    repair(root);
    if (leftover(root, renderer.value_nodes())) {
        throw Error(ErrorCode::internal, "после заполнения в части «" + part.name + "» остался незаполненный тег",
                    InputLocation{file, 0, 0, {}});
    }
    return serialize(copy.get());
}

// ---------------------------------------------------------------------------------------------
// Direct writing. The copying renderer above copies the part's DOM, fills the copy and lets
// libxml2 write it; most of that time went into copying, namespace rewiring and freeing. The
// direct writer walks the compiled DOM itself, never changing it, and writes the output bytes:
// subtrees without markers as bytes prepared once, elements with markers tag by tag, values and
// blocks as the copying renderer would produce them, and the repairs of repair() as it goes
// (a table left without rows is taken back, a cell gets its closing paragraph). It writes what
// xmlDocDumpMemoryEnc(…, "UTF-8") would write for the filled copy: plan_stream() proves its
// serialiser on the template (markers included) against libxml2's and declines parts where
// the two could differ — other node kinds (comments, CDATA …) or namespace declarations inside
// a block, which the copying renderer's namespace reconciliation may drop.

namespace {

enum class Cls : std::uint8_t { none, other, p, sdt, tr, tbl, tc };  // none: not an element

Cls class_of(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return Cls::none;
    if (is_w(n, "p")) return Cls::p;
    if (is_w(n, "sdt")) return Cls::sdt;
    if (is_w(n, "tr")) return Cls::tr;
    if (is_w(n, "tbl")) return Cls::tbl;
    if (is_w(n, "tc")) return Cls::tc;
    return Cls::other;
}

// xmlEscapeContent: text of elements.
void escape_text(std::string& out, const char* s, std::size_t n) {
    std::size_t plain = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char* rep = nullptr;
        switch (s[i]) {
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '&': rep = "&amp;"; break;
            case '\r': rep = "&#13;"; break;
            default: continue;
        }
        out.append(s + plain, i - plain);
        out += rep;
        plain = i + 1;
    }
    out.append(s + plain, n - plain);
}

// xmlBufAttrSerializeTxtContent, for a document with an encoding: attribute values.
void escape_attribute(std::string& out, const char* s) {
    for (; *s != '\0'; ++s) {
        switch (*s) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default: out += *s;
        }
    }
}

const char* str(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

void qualified_name(std::string& out, const xmlNode* n) {
    if (n->ns != nullptr && n->ns->prefix != nullptr) {
        out += str(n->ns->prefix);
        out += ':';
    }
    out += str(n->name);
}

// "<w:p xmlns:… a=\"…\"", without the closing ">" or "/>". False for what we do not write.
bool start_tag(std::string& out, const xmlNode* n) {
    out += '<';
    qualified_name(out, n);
    for (const xmlNs* ns = n->nsDef; ns != nullptr; ns = ns->next) {
        if (ns->type != XML_LOCAL_NAMESPACE || ns->href == nullptr) return false;
        if (ns->prefix != nullptr && xmlStrEqual(ns->prefix, xml_chars("xml"))) continue;
        if (std::strchr(str(ns->href), '"') != nullptr) return false;
        out += " xmlns";
        if (ns->prefix != nullptr) {
            out += ':';
            out += str(ns->prefix);
        }
        out += "=\"";
        out += str(ns->href);
        out += '"';
    }
    for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
        out += ' ';
        if (a->ns != nullptr && a->ns->prefix != nullptr) {
            out += str(a->ns->prefix);
            out += ':';
        }
        out += str(a->name);
        out += "=\"";
        for (const xmlNode* c = a->children; c != nullptr; c = c->next) {
            if (c->type != XML_TEXT_NODE || c->content == nullptr) return false;
            escape_attribute(out, str(c->content));
        }
        out += '"';
    }
    return true;
}

bool write_node(std::string& out, const xmlNode* n) {
    if (n->type == XML_TEXT_NODE) {
        if (xmlStrEqual(n->name, xml_chars("textnoenc")) || n->content == nullptr) return false;  // xmlStringTextNoenc: written unescaped
        escape_text(out, str(n->content), std::strlen(str(n->content)));
        return true;
    }
    if (n->type != XML_ELEMENT_NODE || !start_tag(out, n)) return false;
    if (n->children == nullptr) {
        out += "/>";
        return true;
    }
    out += '>';
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (!write_node(out, c)) return false;
    }
    out += "</";
    qualified_name(out, n);
    out += '>';
    return true;
}

bool has_marker(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    if (n->ns != nullptr && xmlStrEqual(n->ns->href, xml_chars(template_ns))) return true;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (has_marker(c)) return true;
    }
    return false;
}

bool has_namespace_declarations(const xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    if (n->nsDef != nullptr) return true;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (has_namespace_declarations(c)) return true;
    }
    return false;
}

// Whether repair() would change nothing in this subtree.
bool sound(xmlNodePtr n) {
    if (n->type != XML_ELEMENT_NODE) return true;
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (!sound(c)) return false;
    }
    if (is_w(n, "tbl") && !has_child(n, "tr")) return false;
    if (is_w(n, "tc") && ((!has_child(n, "p") && !has_child(n, "sdt")) || is_w(last_element(n), "tbl"))) return false;
    return true;
}

std::string w_prefix(xmlDocPtr doc, xmlNodePtr context) {
    xmlNsPtr ns = xmlSearchNsByHref(doc, context, xml_chars(w_ns));
    if (ns == nullptr) return {};
    return ns->prefix != nullptr ? std::string(str(ns->prefix)) + ":" : std::string();
}

}  // namespace

struct StreamPlan {
    struct Info {
        enum class Op : std::uint8_t { literal, element, value, block } op = Op::literal;
        Cls cls = Cls::none;
        std::string text;  // literal: its bytes; element: the start tag without ">"
        std::string end;   // element: "</w:p>"
        std::string w;     // "w:": value — for w:t, w:br, w:tab; cell — for the paragraph repair adds
        std::size_t index = 0;
        bool each = false;
        // element: a value's own run (value_run), with its properties as written and as
        // written for a name (mark_no_language)
        bool split = false;
        bool closing_quote_after = false;  // value: closing_quote_follows its run
        std::string props, name_props;
        xmlNodePtr then_part = nullptr, else_part = nullptr;  // if-blocks with {{else}}
    };
    std::string head;  // the XML declaration
    std::vector<const xmlNode*> top;  // the document's children
    std::deque<Info> infos;
    std::unordered_map<const xmlNode*, const Info*> by_node;

    [[nodiscard]] const Info& info(const xmlNode* n) const { return *by_node.at(n); }
};

namespace {

class Planner {
public:
    Planner(xmlDocPtr doc, StreamPlan& plan) : doc_(doc), plan_(plan) {}

    bool node(xmlNodePtr n, bool in_block) {
        StreamPlan::Info& i = plan_.infos.emplace_back();
        plan_.by_node[n] = &i;
        i.cls = class_of(n);
        if (n->type == XML_TEXT_NODE) return write_node(i.text, n);
        if (n->type != XML_ELEMENT_NODE) return false;
        if (is_marker(n, "value")) {
            i.op = StreamPlan::Info::Op::value;
            i.index = index_of(n);
            i.w = w_prefix(doc_, n->parent);
            i.closing_quote_after = closing_quote_follows(n->parent);
            return true;
        }
        if (is_marker(n, "block")) {
            i.op = StreamPlan::Info::Op::block;
            i.index = index_of(n);
            i.each = is_each(n);
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (is_marker(c, "then")) i.then_part = c;
                if (is_marker(c, "else")) i.else_part = c;
            }
            if (i.then_part != nullptr) return content(i.then_part) && (i.else_part == nullptr || content(i.else_part));
            return content(n);
        }
        if (has_marker(n) || !sound(n)) {
            if (in_block && n->nsDef != nullptr) return false;
            i.op = StreamPlan::Info::Op::element;
            if (!start_tag(i.text, n)) return false;
            i.end = "</";
            qualified_name(i.end, n);
            i.end += '>';
            if (i.cls == Cls::tc) i.w = w_prefix(doc_, n);
            if (value_run(n)) plan_split(i, n);
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (!node(c, in_block)) return false;
            }
            return true;
        }
        if (in_block && has_namespace_declarations(n)) return false;
        return write_node(i.text, n);
    }

private:
    // The properties a name's run is written with are made once, on a copy of the run put
    // beside it for the moment (so that its namespaces are those in scope), then taken away.
    static void plan_split(StreamPlan::Info& i, xmlNodePtr run) {
        for (xmlNodePtr c = run->children; c != nullptr; c = c->next) {
            if (is_w(c, "rPr") && !write_node(i.props, c)) return;
        }
        xmlNodePtr copy = new_run_like(run);
        xmlAddNextSibling(run, copy);
        tidy_namespaces(copy);
        mark_no_language(copy);
        bool written = false;
        for (xmlNodePtr c = copy->children; c != nullptr; c = c->next) {
            if (is_w(c, "rPr")) written = write_node(i.name_props, c);
        }
        xmlUnlinkNode(copy);
        xmlFreeNode(copy);
        i.split = written;
    }

    // What a block writes: the elements among its children (white space between them is dropped).
    bool content(xmlNodePtr block) {
        for (xmlNodePtr c = block->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && !node(c, true)) return false;
        }
        return true;
    }

    xmlDocPtr doc_;
    StreamPlan& plan_;
};

class StreamRenderer : public TagFiller {
public:
    StreamRenderer(const StreamPlan& plan, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                   std::string file, DiagnosticSink& sink, std::string& out)
        : TagFiller(tags, ev, std::move(file), sink), plan_(plan), out_(out) {}

    void document(xmlNodePtr context) {
        out_ += plan_.head;
        for (const xmlNode* n : plan_.top) {
            Frame top;
            node(n, context, top);
            out_ += '\n';
        }
    }

private:
    using Info = StreamPlan::Info;

    // An element being written: whether its start tag still waits for ">" (no child yet: it
    // becomes "/>"), and what repair() looks at among its children.
    struct Frame {
        bool pending = false;
        bool has_p = false, has_sdt = false, has_tr = false;
        Cls last = Cls::none;
    };

    void open(Frame& f) {
        if (f.pending) {
            out_ += '>';
            f.pending = false;
        }
    }

    static void note(Frame& f, Cls c) {
        if (c == Cls::none) return;
        f.last = c;
        f.has_p = f.has_p || c == Cls::p;
        f.has_sdt = f.has_sdt || c == Cls::sdt;
        f.has_tr = f.has_tr || c == Cls::tr;
    }

    void node(const xmlNode* n, xmlNodePtr context, Frame& parent) {
        const Info& i = plan_.info(n);
        switch (i.op) {
            case Info::Op::literal:
                open(parent);
                out_ += i.text;
                note(parent, i.cls);
                return;
            case Info::Op::value: return value(i, context, parent);
            case Info::Op::block: return block(n, i, context, parent);
            case Info::Op::element: break;
        }
        if (i.split && split_run(n, i, context, parent)) return;
        const std::size_t mark = out_.size();
        const bool was_pending = parent.pending;
        open(parent);
        out_ += i.text;
        Frame f;
        f.pending = true;
        for (const xmlNode* c = n->children; c != nullptr; c = c->next) node(c, context, f);
        if (i.cls == Cls::tbl && !f.has_tr) {  // repair(): a table without rows goes
            out_.resize(mark);
            parent.pending = was_pending;
            return;
        }
        if (i.cls == Cls::tc && ((!f.has_p && !f.has_sdt) || f.last == Cls::tbl)) {  // … a cell ends with a paragraph
            open(f);
            out_ += '<';
            out_ += i.w;
            out_ += "p/>";
            note(f, Cls::p);
        }
        if (f.pending) {
            out_ += "/>";
        } else {
            out_ += i.end;
        }
        note(parent, i.cls);
    }

    void emit(const xmlNode* content, xmlNodePtr context, Frame& parent) {
        for (const xmlNode* c = content->children; c != nullptr; c = c->next) {
            if (c->type == XML_ELEMENT_NODE) node(c, context, parent);
        }
    }

    void block(const xmlNode* b, const Info& i, xmlNodePtr context, Frame& parent) {
        const TagInfo& tag = tags_.at(i.index);
        try {
            if (i.each) {
                const std::vector<xmlNodePtr> items = ev_.nodes(tag.expression, context, position(), size());
                repeat(tag, items.size());
                for (std::size_t k = 0; k < items.size(); ++k) {
                    repetitions_.push_back(Repetition{&tag, k + 1, items.size()});
                    const std::size_t before = out_.size();
                    emit(b, items[k], parent);
                    produced(tag, out_.size() - before);
                    repetitions_.pop_back();
                }
            } else {
                const bool yes = ev_.boolean(tag.expression, context, position(), size());
                if (i.then_part == nullptr) {
                    if (yes) emit(b, context, parent);
                } else if (const xmlNode* chosen = yes ? i.then_part : i.else_part) {
                    emit(chosen, context, parent);
                }
            }
        } catch (const Error& e) {
            problem(i.index, message_of(e));
        }
    }

    // A value's own run: where the value holds names, the run is written once for each
    // segment (as the copying renderer splits it) and true returned; otherwise the value waits
    // in ready_ for value() and the run is written as any element.
    bool split_run(const xmlNode* run, const Info& i, xmlNodePtr context, Frame& parent) {
        const xmlNode* marker = run->children;
        while (!is_marker(marker, "value")) marker = marker->next;
        const Info& m = plan_.info(marker);
        Value v = value_text(m.index, context, m.closing_quote_after);
        if (v.names.empty()) {
            ready_ = std::move(v);
            return false;
        }
        for (const Segment& sg : segments(v)) {
            open(parent);
            out_ += i.text;
            out_ += '>';
            out_ += sg.name ? i.name_props : i.props;
            Frame inside;  // its start tag is closed
            write_text(m.w, v.text, sg.begin, sg.end, inside);
            out_ += i.end;
            note(parent, i.cls);
        }
        return true;
    }

    void value(const Info& i, xmlNodePtr context, Frame& parent) {
        Value v = ready_ ? std::move(*ready_) : value_text(i.index, context, i.closing_quote_after);
        ready_.reset();
        write_text(i.w, v.text, 0, v.text.size(), parent);
    }

    // As the copying renderer: t, br, t, tab, t, noBreakHyphen, t … in the run.
    void write_text(const std::string& w, const std::string& text, std::size_t from, std::size_t to, Frame& parent) {
        std::size_t start = from;
        while (true) {
            std::size_t cut = next_special(text, start);
            if (cut >= to) cut = std::string::npos;
            std::size_t end = cut == std::string::npos ? to : cut;
            if (end > start && text[end - 1] == '\r') --end;
            if (end > start) {
                open(parent);
                out_ += '<';
                out_ += w;
                out_ += "t xml:space=\"preserve\">";
                escape_text(out_, text.data() + start, end - start);
                out_ += "</";
                out_ += w;
                out_ += "t>";
                note(parent, Cls::other);
            }
            if (cut == std::string::npos) break;
            open(parent);
            out_ += '<';
            out_ += w;
            out_ += special_element(text, cut);
            out_ += "/>";
            note(parent, Cls::other);
            start = cut + special_length(text, cut);
        }
    }

    std::optional<Value> ready_;
    const StreamPlan& plan_;
    std::string& out_;
};

}  // namespace

std::shared_ptr<const StreamPlan> plan_stream(xmlDocPtr doc) {
    auto plan = std::make_shared<StreamPlan>();
    // The XML declaration as xmlDocContentDumpOutput writes it with the encoding "UTF-8".
    plan->head = "<?xml version=";
    plan->head += doc->version != nullptr ? "\"" + std::string(str(doc->version)) + "\"" : std::string("\"1.0\"");
    plan->head += " encoding=\"UTF-8\"";
    if (doc->standalone == 0) plan->head += " standalone=\"no\"";
    if (doc->standalone == 1) plan->head += " standalone=\"yes\"";
    plan->head += "?>\n";
    // The proof: the compiled template, markers and all, written by us and by libxml2.
    std::string ours = plan->head;
    for (const xmlNode* n = doc->children; n != nullptr; n = n->next) {
        if (!write_node(ours, n)) return nullptr;
        ours += '\n';
    }
    if (ours != serialize(doc)) return nullptr;
    Planner planner(doc, *plan);
    for (xmlNodePtr n = doc->children; n != nullptr; n = n->next) {
        if (!planner.node(n, false)) return nullptr;
        plan->top.push_back(n);
    }
    return plan;
}

std::string render_part(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                        xmlNodePtr context, const std::string& file, DiagnosticSink& sink) {
    try {
        if (part.plan == nullptr) return render_part_copying(part, tags, ev, context, file, sink);
        std::string out;
        out.reserve(part.plan->head.size() + 64 * 1024);
        StreamRenderer renderer(*part.plan, tags, ev, file, sink, out);
        renderer.document(context);
        renderer.finish();
        return out;
    } catch (const TagFiller::TooLarge& e) {
        throw Error(ErrorCode::template_invalid, e.message, InputLocation{file, 0, 0, e.where});
    }
}

}  // namespace nastavnik::docx
