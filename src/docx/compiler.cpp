// Compiling a template part: find the {{tags}} of every paragraph even when Word split them
// across runs, give each tag a run of its own, match the blocks, and wrap each block's scope
// in a marker element (see compiled.hpp).

#include "docx/compiled.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

namespace nastavnik::docx {

namespace {

struct Piece {
    xmlNodePtr t;
    std::string text;
    std::size_t offset;  // in the paragraph's text
};

void collect_pieces(xmlNodePtr node, xmlNodePtr paragraph, std::vector<Piece>& out, std::size_t& offset) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || (is_w(c, "p") && c != paragraph)) continue;
        if (is_w(c, "t") && is_w(c->parent, "r")) {
            xmlChar* s = xmlNodeGetContent(c);
            std::string text = s ? reinterpret_cast<const char*>(s) : "";
            xmlFree(s);
            out.push_back(Piece{c, text, offset});
            offset += text.size();
        } else if (!is_w(c, "t")) {
            collect_pieces(c, paragraph, out, offset);
        }
    }
}

void set_text(xmlNodePtr t, const std::string& text) {
    while (t->children != nullptr) {
        xmlNodePtr c = t->children;
        xmlUnlinkNode(c);
        xmlFreeNode(c);
    }
    xmlAddChild(t, xmlNewText(reinterpret_cast<const xmlChar*>(text.c_str())));
    xmlNodeSetSpacePreserve(t, 1);
}

xmlNodePtr new_run_like(xmlNodePtr run) {
    xmlNodePtr r = new_w(run->doc, run, "r");
    for (xmlNodePtr c = run->children; c != nullptr; c = c->next) {
        if (is_w(c, "rPr")) {
            xmlAddChild(r, xmlDocCopyNode(c, run->doc, 1));
            break;
        }
    }
    return r;
}

// Moves the tag's characters into a run of its own, right after the run where it starts.
// Returns that run. The paragraph's text is unchanged, so offsets of earlier tags stay valid.
xmlNodePtr isolate(std::vector<Piece>& pieces, std::size_t a, std::size_t b, const std::string& tag_text) {
    std::size_t i = 0;
    while (i + 1 < pieces.size() && pieces[i].offset + pieces[i].text.size() <= a) ++i;
    std::size_t j = i;
    while (j + 1 < pieces.size() && pieces[j].offset + pieces[j].text.size() < b) ++j;
    Piece& first = pieces[i];
    xmlNodePtr run = first.t->parent;
    const std::size_t la = a - first.offset;
    std::string after;
    // Piece texts are kept in step with the document: an earlier tag of the same piece must
    // see the piece as this isolation left it.
    if (i == j) {
        after = first.text.substr(b - first.offset);
    } else {
        for (std::size_t k = i + 1; k < j; ++k) {
            set_text(pieces[k].t, "");
            pieces[k].text.clear();
        }
        pieces[j].text = pieces[j].text.substr(b - pieces[j].offset);
        set_text(pieces[j].t, pieces[j].text);
    }
    first.text = first.text.substr(0, la);
    set_text(first.t, first.text);

    xmlNodePtr tag_run = new_run_like(run);
    xmlNodePtr t = xmlAddChild(tag_run, new_w(run->doc, run, "t"));
    set_text(t, tag_text);
    xmlNodePtr after_run = new_run_like(run);
    if (!after.empty()) set_text(xmlAddChild(after_run, new_w(run->doc, run, "t")), after);
    for (xmlNodePtr s = first.t->next; s != nullptr;) {
        xmlNodePtr next = s->next;
        xmlUnlinkNode(s);
        xmlAddChild(after_run, s);
        s = next;
    }
    xmlAddNextSibling(run, tag_run);
    xmlAddNextSibling(tag_run, after_run);
    // The copied run properties declared the namespace on themselves; drop the redundancy.
    tidy_namespaces(tag_run);
    tidy_namespaces(after_run);
    return tag_run;
}

std::string trim(const std::string& s) {
    const char* ws = " \t\n\r";
    const auto from = s.find_first_not_of(ws);
    if (from == std::string::npos) return {};
    return s.substr(from, s.find_last_not_of(ws) - from + 1);
}

// Word's autocorrect turns quotes typographic and spaces non-breaking; inside a tag they mean
// the plain characters.
std::string plain_expression(std::string s) {
    const std::pair<const char*, const char*> map[] = {
        {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""},
        {"\u2018", "'"},  {"\u2019", "'"},  {"\u00A0", " "},
    };
    for (const auto& [from, to] : map) {
        for (std::size_t pos; (pos = s.find(from)) != std::string::npos;) s.replace(pos, std::strlen(from), to);
    }
    return s;
}

enum class Kind { value, optional_value, each, if_, else_, end_each, end_if, bad };

struct Tag {
    Kind kind = Kind::bad;
    std::string expr;
    std::string text;       // as written
    std::string paragraph;  // text of its paragraph
    xmlNodePtr run = nullptr;
};

Tag classify(const std::string& written) {
    Tag t;
    t.text = written;
    const std::string inner = trim(plain_expression(written.substr(2, written.size() - 4)));
    auto rest = [&](std::size_t n) { return trim(inner.substr(n)); };
    if (inner.rfind("#each", 0) == 0 && (inner.size() == 5 || inner[5] == ' ')) { t.kind = Kind::each; t.expr = rest(5); }
    else if (inner.rfind("#if", 0) == 0 && (inner.size() == 3 || inner[3] == ' ')) { t.kind = Kind::if_; t.expr = rest(3); }
    else if (inner == "else") t.kind = Kind::else_;
    else if (inner == "/each") t.kind = Kind::end_each;
    else if (inner == "/if") t.kind = Kind::end_if;
    else if (!inner.empty() && inner[0] == '?') { t.kind = Kind::optional_value; t.expr = rest(1); }
    // Anything else not starting with '#' is an expression — absolute paths ("/data/…") included.
    else if (!inner.empty() && inner[0] != '#') { t.kind = Kind::value; t.expr = inner; }
    return t;
}

class PartCompiler {
public:
    PartCompiler(xmlDocPtr doc, std::string file, std::string part, std::vector<TagInfo>& tags, DiagnosticSink& sink)
        : doc_(doc), file_(std::move(file)), part_(std::move(part)), tags_(tags), sink_(sink) {}

    bool run() {
        std::vector<Tag> found;
        for (xmlNodePtr p : paragraphs()) find_tags(p, found);
        for (auto& t : found) handle(t);
        for (const auto& open : stack_) {
            problem(open.tag, "нет закрывающего тега " + std::string(open.tag.kind == Kind::each ? "{{/each}}" : "{{/if}}"));
        }
        return !found.empty();
    }

private:
    struct Open {
        Tag tag;
        std::size_t index;
        std::optional<Tag> else_tag;
    };

    void problem(const Tag& t, const std::string& message) {
        const std::string p = text::shorten(t.paragraph, 100);
        sink_.add(InputLocation{file_, 0, 0, "абзац «" + p + "»"}, "тег " + t.text + ": " + message);
    }

    std::vector<xmlNodePtr> paragraphs() {
        std::vector<xmlNodePtr> out;
        xmlXPathContextPtr ctx = xmlXPathNewContext(doc_);
        xmlXPathRegisterNs(ctx, reinterpret_cast<const xmlChar*>("w"), reinterpret_cast<const xmlChar*>(w_ns));
        xmlXPathObjectPtr r = xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>("//w:p"), ctx);
        if (r != nullptr && r->nodesetval != nullptr) {
            for (int i = 0; i < r->nodesetval->nodeNr; ++i) out.push_back(r->nodesetval->nodeTab[i]);
        }
        xmlXPathFreeObject(r);
        xmlXPathFreeContext(ctx);
        return out;
    }

    void find_tags(xmlNodePtr p, std::vector<Tag>& found) {
        std::vector<Piece> pieces;
        std::size_t offset = 0;
        collect_pieces(p, p, pieces, offset);
        std::string text;
        for (const auto& piece : pieces) text += piece.text;
        if (text.find("{{") == std::string::npos && text.find("}}") == std::string::npos) return;
        const std::string para = paragraph_text(p);
        std::vector<std::pair<std::size_t, std::size_t>> spans;
        for (std::size_t pos = 0;;) {
            const std::size_t open = text.find("{{", pos);
            const std::size_t stray = text.find("}}", pos);
            if (stray != std::string::npos && (open == std::string::npos || stray < open)) {
                problem(Tag{Kind::bad, {}, "«}}»", para, nullptr}, "закрывающие скобки без открывающих «{{»");
                pos = stray + 2;
                continue;
            }
            if (open == std::string::npos) break;
            const std::size_t close = text.find("}}", open + 2);
            const std::size_t next_open = text.find("{{", open + 2);
            if (close == std::string::npos || (next_open != std::string::npos && next_open < close)) {
                problem(Tag{Kind::bad, {}, text.substr(open, 40), para, nullptr}, "тег не закрыт: нет «}}»");
                pos = open + 2;
                continue;
            }
            spans.emplace_back(open, close + 2);
            pos = close + 2;
        }
        std::vector<Tag> here;
        for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
            const std::string written = text.substr(it->first, it->second - it->first);
            Tag t = classify(written);
            t.paragraph = para;
            t.run = isolate(pieces, it->first, it->second, written);
            here.push_back(std::move(t));
        }
        found.insert(found.end(), std::make_move_iterator(here.rbegin()), std::make_move_iterator(here.rend()));
    }

    std::optional<std::size_t> compile(const Tag& t, bool optional) {
        if (t.expr.empty()) {
            problem(t, "нет выражения");
            return std::nullopt;
        }
        try {
            tags_.push_back(TagInfo{xpath::Expression::compile(t.expr), t.text, t.paragraph, part_, optional});
            return tags_.size() - 1;
        } catch (const Error& e) {
            problem(t, e.diagnostics().front().message);
            return std::nullopt;
        }
    }

    void handle(Tag& t) {
        switch (t.kind) {
            case Kind::bad:
                problem(t, "неизвестный тег; допустимы {{ выражение }}, {{? выражение }}, {{#each …}}, {{/each}}, "
                           "{{#if …}}, {{else}}, {{/if}}");
                return;
            case Kind::value:
            case Kind::optional_value: {
                const auto index = compile(t, t.kind == Kind::optional_value);
                xmlNodePtr marker = xmlNewDocNode(doc_, nullptr, reinterpret_cast<const xmlChar*>("value"), nullptr);
                xmlSetNs(marker, xmlNewNs(marker, reinterpret_cast<const xmlChar*>(template_ns), reinterpret_cast<const xmlChar*>("nt")));
                xmlNewProp(marker, reinterpret_cast<const xmlChar*>("i"),
                           reinterpret_cast<const xmlChar*>(std::to_string(index.value_or(0)).c_str()));
                for (xmlNodePtr c = t.run->children; c != nullptr; c = c->next) {
                    if (is_w(c, "t")) {
                        xmlReplaceNode(c, marker);
                        xmlFreeNode(c);
                        break;
                    }
                }
                return;
            }
            case Kind::each:
            case Kind::if_: {
                const auto index = compile(t, false);
                stack_.push_back(Open{t, index.value_or(0), std::nullopt});
                return;
            }
            case Kind::else_:
                if (stack_.empty() || stack_.back().tag.kind != Kind::if_) {
                    problem(t, "{{else}} вне блока {{#if}}");
                } else if (stack_.back().else_tag) {
                    problem(t, "второй {{else}} в одном блоке {{#if}}");
                } else {
                    stack_.back().else_tag = t;
                    return;
                }
                remove_run(t.run);
                return;
            case Kind::end_each:
            case Kind::end_if: {
                const Kind wanted = t.kind == Kind::end_each ? Kind::each : Kind::if_;
                if (stack_.empty()) {
                    problem(t, "закрывающий тег без открывающего");
                    remove_run(t.run);
                    return;
                }
                if (stack_.back().tag.kind != wanted) {
                    problem(t, "закрывает не тот блок: открыт " + stack_.back().tag.text);
                    remove_run(t.run);
                    return;
                }
                Open open = std::move(stack_.back());
                stack_.pop_back();
                scope(open, t);
                return;
            }
        }
    }

    static void remove_run(xmlNodePtr run) {
        xmlUnlinkNode(run);
        xmlFreeNode(run);
    }

    xmlNodePtr new_marker(const char* local) {
        xmlNodePtr m = xmlNewDocNode(doc_, nullptr, reinterpret_cast<const xmlChar*>(local), nullptr);
        xmlSetNs(m, xmlNewNs(m, reinterpret_cast<const xmlChar*>(template_ns), reinterpret_cast<const xmlChar*>("nt")));
        return m;
    }

    // Wraps `nodes` (consecutive siblings) in a block marker; `split` (one of them, or null)
    // divides then/else and is itself dropped.
    void wrap(const Open& open, const std::vector<xmlNodePtr>& nodes, xmlNodePtr split, xmlNodePtr anchor_parent,
              xmlNodePtr anchor_before) {
        xmlNodePtr block = new_marker("block");
        xmlNewProp(block, reinterpret_cast<const xmlChar*>("kind"),
                   reinterpret_cast<const xmlChar*>(open.tag.kind == Kind::each ? "each" : "if"));
        xmlNewProp(block, reinterpret_cast<const xmlChar*>("i"), reinterpret_cast<const xmlChar*>(std::to_string(open.index).c_str()));
        if (anchor_before != nullptr) xmlAddPrevSibling(anchor_before, block);
        else xmlAddChild(anchor_parent, block);
        xmlNodePtr target = block;
        if (open.else_tag) target = xmlAddChild(block, new_marker("then"));
        for (xmlNodePtr n : nodes) {
            if (n == split) {
                target = xmlAddChild(block, new_marker("else"));
                continue;
            }
            xmlUnlinkNode(n);
            if (n->type == XML_TEXT_NODE) {  // white space between elements means nothing here
                xmlFreeNode(n);
                continue;
            }
            xmlAddChild(target, n);
        }
        if (split != nullptr) {
            xmlUnlinkNode(split);
            xmlFreeNode(split);
        }
    }

    static std::vector<xmlNodePtr> siblings(xmlNodePtr from, xmlNodePtr to) {
        std::vector<xmlNodePtr> out;
        for (xmlNodePtr n = from; n != nullptr; n = n->next) {
            out.push_back(n);
            if (n == to) break;
        }
        return out;
    }

    static xmlNodePtr child_of(xmlNodePtr ancestor, xmlNodePtr n) {
        while (n != nullptr && n->parent != ancestor) n = n->parent;
        return n;
    }

    static bool alone(const Tag& t, xmlNodePtr paragraph) { return trim(paragraph_text(paragraph)) == t.text; }

    // Removes a tag's run; its paragraph too if the tag stood alone in it and the paragraph is
    // not the last one of a table cell (a w:tc must keep a w:p).
    static void drop_tag(const Tag& t, xmlNodePtr paragraph, bool may_drop_paragraph) {
        const bool was_alone = alone(t, paragraph);
        remove_run(t.run);
        if (!was_alone || !may_drop_paragraph) return;
        if (is_w(paragraph->parent, "tc")) {
            int count = 0;
            for (xmlNodePtr c = paragraph->parent->children; c != nullptr; c = c->next) count += is_w(c, "p") ? 1 : 0;
            if (count <= 1) return;
        }
        xmlUnlinkNode(paragraph);
        xmlFreeNode(paragraph);
    }

    void scope(const Open& open, const Tag& close) {
        xmlNodePtr po = ancestor_w(open.tag.run, "p");
        xmlNodePtr pc = ancestor_w(close.run, "p");
        const Tag* el = open.else_tag ? &*open.else_tag : nullptr;
        if (po == pc) {  // inline: the runs between the tags
            if (open.tag.run->parent != close.run->parent || (el && el->run->parent != open.tag.run->parent)) {
                problem(open.tag, "теги блока в одном абзаце должны стоять на одном уровне (не внутри гиперссылки и т. п.)");
                return;
            }
            std::vector<xmlNodePtr> nodes;
            for (xmlNodePtr n = open.tag.run->next; n != nullptr && n != close.run; n = n->next) nodes.push_back(n);
            wrap(open, nodes, el ? el->run : nullptr, open.tag.run->parent, close.run);
            remove_run(open.tag.run);
            remove_run(close.run);
            return;
        }
        std::set<xmlNodePtr> above;
        for (xmlNodePtr n = po; n != nullptr; n = n->parent) above.insert(n);
        xmlNodePtr lca = pc;
        while (lca != nullptr && above.count(lca) == 0) lca = lca->parent;
        if (lca == nullptr) {
            problem(open.tag, "не удаётся определить границы блока");
            return;
        }
        if (is_w(lca, "tr")) {  // different cells of one row: the row repeats
            if (el != nullptr) {
                problem(*el, "{{else}} не поддерживается в блоке, охватывающем строку таблицы");
                return;
            }
            xmlNodePtr row = lca;
            drop_tag(open.tag, po, true);
            drop_tag(close, pc, true);
            wrap(open, {row}, nullptr, row->parent, row);
            return;
        }
        xmlNodePtr a = child_of(lca, po);
        xmlNodePtr b = child_of(lca, pc);
        xmlNodePtr x = nullptr;
        if (el != nullptr) {
            xmlNodePtr pe = ancestor_w(el->run, "p");
            x = child_of(lca, pe);
            if (x == nullptr || x != pe || !alone(*el, pe) || x == a || x == b) {
                problem(*el, "{{else}} должен стоять в отдельном абзаце между открывающим и закрывающим тегами");
                return;
            }
            remove_run(el->run);
        }
        const bool open_whole = a == po && alone(open.tag, po);
        const bool close_whole = b == pc && alone(close, pc);
        std::vector<xmlNodePtr> nodes = siblings(a, b);
        if (open_whole) nodes.erase(nodes.begin()); else remove_run(open.tag.run);
        if (close_whole) nodes.pop_back(); else remove_run(close.run);
        xmlNodePtr before = b->next;
        wrap(open, nodes, x, lca, open_whole ? a : (nodes.empty() ? before : nodes.front()));
        if (open_whole) drop_tag(open.tag, po, true);
        if (close_whole) drop_tag(close, pc, true);
    }

    xmlDocPtr doc_;
    std::string file_;
    std::string part_;
    std::vector<TagInfo>& tags_;
    DiagnosticSink& sink_;
    std::vector<Open> stack_;
};

}  // namespace

void compile_part(xmlDocPtr doc, const std::string& file, const std::string& part, std::vector<TagInfo>& tags,
                  DiagnosticSink& sink, bool& has_tags) {
    has_tags = PartCompiler(doc, file, part, tags, sink).run();
}

}  // namespace nastavnik::docx
