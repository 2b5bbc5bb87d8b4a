// Compiling a template part: isolate the tags (tags.cpp), compile their expressions, match
// the blocks with a stack and wrap each block's scope in a marker (compiled.hpp). The scope
// rules are those of docs/CONTRACTS.md §4.

#include "docx/compiled.hpp"
#include "docx/tags.hpp"
#include "docx/wordml.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_chars.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <string_view>
#include <algorithm>
#include <optional>
#include <set>

namespace nastavnik::docx {

namespace {

constexpr std::size_t shown_paragraph_chars = 80;


void collect_paragraphs(xmlNodePtr node, std::vector<xmlNodePtr>& out) {
    for (xmlNodePtr c = node->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || holds_no_paragraphs(c)) continue;
        if (is_w(c, "p")) out.push_back(c);
        collect_paragraphs(c, out);  // text boxes hold paragraphs inside paragraphs
    }
}

void remove(xmlNodePtr n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

// A w:p among the children of `parent` other than `p`, looking through block markers.
bool has_other_paragraph(xmlNodePtr parent, xmlNodePtr p) {
    for (xmlNodePtr c = parent->children; c != nullptr; c = c->next) {
        if (is_w(c, "p") && c != p) return true;
        const bool marker =
            c->type == XML_ELEMENT_NODE && c->ns != nullptr && xmlStrEqual(c->ns->href, xml_chars(template_ns)) != 0;
        if (marker && has_other_paragraph(c, p)) return true;
    }
    return false;
}

// The child of `ancestor` on the way down to `n` (null if `n` is not below `ancestor`).
xmlNodePtr child_of(xmlNodePtr ancestor, xmlNodePtr n) {
    while (n != nullptr && n->parent != ancestor) n = n->parent;
    return n;
}

std::string trim(const std::string& s) {
    const char* ws = " \t\r\n";
    const std::size_t from = s.find_first_not_of(ws);
    return from == std::string::npos ? std::string() : s.substr(from, s.find_last_not_of(ws) - from + 1);
}

xmlNodePtr common_ancestor(xmlNodePtr a, xmlNodePtr b) {
    std::set<xmlNodePtr> above;
    for (xmlNodePtr n = a; n != nullptr; n = n->parent) above.insert(n);
    while (b != nullptr && above.count(b) == 0) b = b->parent;
    return b;
}

class PartCompiler {
public:
    PartCompiler(xmlDocPtr doc, std::string file, std::string part, std::vector<TagInfo>& tags, DiagnosticSink& sink)
        : doc_(doc), file_(std::move(file)), part_(std::move(part)), tags_(tags), sink_(sink) {}

    bool run() {
        std::vector<xmlNodePtr> paragraphs;
        collect_paragraphs(xmlDocGetRootElement(doc_), paragraphs);
        std::vector<TagToken> found;
        std::vector<ScanProblem> scan_problems;
        for (xmlNodePtr p : paragraphs) {
            std::vector<TagToken> here = isolate_tags(p, scan_problems);
            found.insert(found.end(), std::make_move_iterator(here.begin()), std::make_move_iterator(here.end()));
        }
        for (const auto& s : scan_problems) {
            sink_.add(InputLocation{file_, 0, 0, paragraph_location(part_, s.paragraph)}, s.message);
        }
        for (auto& t : found) handle(t);
        for (const auto& open : stack_) {
            problem(open.tag,
                    std::string("нет закрывающего ") + (open.tag.kind == TagKind::each ? "{{/each}}" : "{{/if}}"));
        }
        return !found.empty() || !scan_problems.empty();
    }

private:
    struct Open {
        TagToken tag;
        std::size_t index;
        std::optional<TagToken> else_tag;
    };

    void problem(const TagToken& t, const std::string& message) {
        sink_.add(InputLocation{file_, 0, 0, paragraph_location(part_, t.paragraph)},
                  "тег " + t.written + ": " + message);
    }

    std::optional<std::size_t> compile(const TagToken& t) {
        if (t.expression.empty()) {
            problem(t, "нет выражения");
            return std::nullopt;
        }
        try {
            tags_.push_back(TagInfo{xpath::Expression::compile(t.expression), t.written,
                                    paragraph_location(part_, t.paragraph), t.kind == TagKind::optional_value});
            return tags_.size() - 1;
        } catch (const Error& e) {
            problem(t, e.diagnostics().empty() ? e.what() : e.diagnostics().front().message);
            return std::nullopt;
        }
    }

    xmlNodePtr new_marker(const char* local, std::optional<std::size_t> index = std::nullopt) {
        xmlNodePtr m = xmlNewDocNode(doc_, nullptr, xml_chars(local), nullptr);
        xmlSetNs(m, xmlNewNs(m, xml_chars(template_ns), xml_chars("nt")));
        if (index) xmlNewProp(m, xml_chars("i"), xml_chars(std::to_string(*index).c_str()));
        return m;
    }

    void handle(TagToken& t) {
        switch (t.kind) {
            case TagKind::unknown:
                problem(t,
                        "неизвестный тег; допустимы {{ выражение }}, {{? выражение }}, {{#each …}}, {{/each}}, "
                        "{{#if …}}, {{else}}, {{/if}}");
                return;
            case TagKind::value:
            case TagKind::optional_value: {
                const auto index = compile(t);
                if (!index) return;
                for (xmlNodePtr c = t.run->children; c != nullptr; c = c->next) {
                    if (is_w(c, "t")) {
                        xmlNodePtr marker = new_marker("value", index);
                        xmlReplaceNode(c, marker);
                        xmlFreeNode(c);
                        break;
                    }
                }
                return;
            }
            case TagKind::each:
            case TagKind::if_:
                // A block whose expression does not compile is still matched, so that its
                // closing tag is not reported as stray.
                stack_.push_back(Open{t, compile(t).value_or(0), std::nullopt});
                return;
            case TagKind::else_:
                if (stack_.empty() || stack_.back().tag.kind != TagKind::if_) {
                    problem(t, stack_.empty() ? "{{else}} вне блока {{#if}}"
                                              : "{{else}} вне блока {{#if}}: внутри " + stack_.back().tag.written);
                } else if (stack_.back().else_tag) {
                    problem(t, "второй {{else}} в одном блоке " + stack_.back().tag.written);
                } else {
                    stack_.back().else_tag = t;
                }
                return;
            case TagKind::end_each:
            case TagKind::end_if: {
                const TagKind wanted = t.kind == TagKind::end_each ? TagKind::each : TagKind::if_;
                if (stack_.empty()) {
                    problem(t, "закрывающий тег без открывающего");
                    return;
                }
                if (stack_.back().tag.kind != wanted) {
                    // Most likely the closing tag of the open block is missing or misspelt:
                    // close that block here, so the tags after this one are still checked.
                    problem(t, "закрывает не тот блок: открыт " + stack_.back().tag.written);
                    stack_.pop_back();
                    return;
                }
                Open open = std::move(stack_.back());
                stack_.pop_back();
                // Also after errors: a misplaced {{else}} further on is worth reporting now.
                scope(open, t);
                return;
            }
        }
    }

    // Wraps `nodes` (consecutive siblings) in a block marker placed before `anchor`; `split`
    // (one of them, or null) divides then/else and is itself dropped.
    void wrap(const Open& open, const std::vector<xmlNodePtr>& nodes, xmlNodePtr split, xmlNodePtr anchor) {
        xmlNodePtr block = new_marker("block", open.index);
        xmlNewProp(block, xml_chars("kind"), xml_chars(open.tag.kind == TagKind::each ? "each" : "if"));
        xmlAddPrevSibling(anchor, block);
        xmlNodePtr target = open.else_tag ? xmlAddChild(block, new_marker("then")) : block;
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
        if (split != nullptr) remove(split);
    }

    // Removes a tag's run, and its paragraph if the tag stood alone there — unless that is
    // the last paragraph of its container (a table cell must keep one).
    static void drop_tag(const TagToken& t) {
        xmlNodePtr p = ancestor_w(t.run, "p");
        remove(t.run);
        if (t.alone && p != nullptr && p->parent != nullptr && has_other_paragraph(p->parent, p)) remove(p);
    }

    void scope(const Open& open, const TagToken& close) {
        xmlNodePtr po = ancestor_w(open.tag.run, "p");
        xmlNodePtr pc = ancestor_w(close.run, "p");
        const TagToken* el = open.else_tag ? &*open.else_tag : nullptr;
        if (po == pc) {  // inline: the runs between the tags
            if (open.tag.run->parent != close.run->parent || (el && el->run->parent != open.tag.run->parent)) {
                problem(open.tag,
                        "теги блока в одном абзаце должны стоять на одном уровне (не внутри гиперссылки, "
                        "исправления и т. п.)");
                return;
            }
            std::vector<xmlNodePtr> nodes;
            for (xmlNodePtr n = open.tag.run->next; n != nullptr && n != close.run; n = n->next) nodes.push_back(n);
            wrap(open, nodes, el ? el->run : nullptr, close.run);
            remove(open.tag.run);
            remove(close.run);
            return;
        }
        if (el != nullptr && ancestor_w(el->run, "p") == po) {
            problem(*el, "{{else}} должен стоять в одном абзаце с {{#if}} и {{/if}} или в отдельном абзаце между ними");
            return;
        }
        xmlNodePtr lca = common_ancestor(po, pc);
        if (lca == nullptr || lca == po || lca == pc || is_w(lca, "p")) {
            problem(open.tag, "не удаётся определить границы блока: закрывающий тег " + close.written +
                                  " в надписи или другом вложенном абзаце");
            return;
        }
        if (is_w(lca, "tr")) {  // different cells of one row: the row is the scope
            if (el != nullptr) {
                problem(*el, "{{else}} не поддерживается в блоке, охватывающем строку таблицы");
                return;
            }
            drop_tag(open.tag);
            drop_tag(close);
            wrap(open, {lca}, nullptr, lca);
            return;
        }
        // Otherwise the children of the common ancestor from the one holding the opening tag
        // to the one holding the closing tag; tag paragraphs that hold nothing else vanish.
        xmlNodePtr a = child_of(lca, po);
        xmlNodePtr b = child_of(lca, pc);
        xmlNodePtr split = nullptr;
        if (el != nullptr) {
            xmlNodePtr pe = ancestor_w(el->run, "p");
            split = child_of(lca, pe);
            if (split != pe || !el->alone || split == a || split == b) {
                problem(*el, "{{else}} должен стоять в отдельном абзаце между открывающим и закрывающим тегами");
                return;
            }
        }
        // A tag that is all its paragraph (or all its table row) holds stays out of the scope
        // and vanishes with its paragraph (row).
        const bool open_outside = holds_only(a, open.tag);
        const bool close_outside = holds_only(b, close);
        std::vector<xmlNodePtr> nodes;
        for (xmlNodePtr n = open_outside ? a->next : a; n != nullptr; n = n->next) {
            if (n == b) {
                if (!close_outside) nodes.push_back(n);
                break;
            }
            nodes.push_back(n);
        }
        if (!open_outside) remove(open.tag.run);
        if (!close_outside) remove(close.run);
        wrap(open, nodes, split, open_outside ? a : (nodes.empty() ? b : nodes.front()));
        if (open_outside) a == po ? drop_tag(open.tag) : remove(a);
        if (close_outside) b == pc ? drop_tag(close) : remove(b);
    }

    static bool holds_only(xmlNodePtr n, const TagToken& t) {
        if (!t.alone) return false;
        // The tag's own paragraph; not one that holds it inside another paragraph (a hostile
        // file): dropping that one freed an enclosing block's tag, compiled next (fuzz).
        if (is_w(n, "p")) return n == ancestor_w(t.run, "p");
        return trim(all_text(n)) == t.written && !has_non_text_content(n);
    }

    xmlDocPtr doc_;
    std::string file_;
    std::string part_;
    std::vector<TagInfo>& tags_;
    DiagnosticSink& sink_;
    std::vector<Open> stack_;
};

}  // namespace

bool is_templated_part(const std::string& entry) {
    if (entry == "word/document.xml" || entry == "word/footnotes.xml" || entry == "word/endnotes.xml") return true;
    for (const char* prefix : {"word/header", "word/footer"}) {
        const std::string_view p(prefix);
        if (entry.compare(0, p.size(), p) == 0 && entry.size() > p.size() + 4 &&
            entry.compare(entry.size() - 4, 4, ".xml") == 0 && entry.find('/', p.size()) == std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string paragraph_location(const std::string& part, const std::string& paragraph_text) {
    std::string shown = paragraph_text;
    std::replace(shown.begin(), shown.end(), '\t', ' ');
    std::string where = "абзац «" + text::shorten(shown, shown_paragraph_chars) + "»";
    if (part == "word/document.xml") return where;
    std::string what = "часть";
    if (part.compare(0, 11, "word/header") == 0)
        what = "верхний колонтитул";
    else if (part.compare(0, 11, "word/footer") == 0)
        what = "нижний колонтитул";
    else if (part == "word/footnotes.xml")
        what = "сноски";
    else if (part == "word/endnotes.xml")
        what = "концевые сноски";
    return what + " (" + part + "), " + where;
}

bool compile_part(xmlDocPtr doc, const std::string& file, const std::string& part, std::vector<TagInfo>& tags,
                  DiagnosticSink& sink) {
    return PartCompiler(doc, file, part, tags, sink).run();
}

}  // namespace nastavnik::docx
