// Rendering a compiled part: copy its DOM and replace the markers with data.

#include "docx/compiled.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <cstdlib>
#include <cstring>

namespace nastavnik::docx {

namespace {

std::size_t index_of(xmlNodePtr marker) {
    xmlChar* v = xmlGetProp(marker, reinterpret_cast<const xmlChar*>("i"));
    const std::size_t i = v ? std::strtoul(reinterpret_cast<const char*>(v), nullptr, 10) : 0;
    xmlFree(v);
    return i;
}

std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

class PartRenderer {
public:
    PartRenderer(const std::vector<TagInfo>& tags, const xpath::Evaluator& ev, std::string file, DiagnosticSink& sink)
        : tags_(tags), ev_(ev), file_(std::move(file)), sink_(sink) {}

    void children(xmlNodePtr parent, xmlNodePtr context) {
        for (xmlNodePtr c = parent->children; c != nullptr;) {
            xmlNodePtr next = c->next;  // what `c` turns into is inserted before it: never revisited
            if (is_marker(c, "block")) block(c, context);
            else if (is_marker(c, "value")) value(c, context);
            else if (c->type == XML_ELEMENT_NODE) children(c, context);
            c = next;
        }
    }

private:
    void problem(const TagInfo& tag, const std::string& message) {
        const std::string p = text::shorten(tag.paragraph, 100);
        sink_.add(InputLocation{file_, 0, 0, "абзац «" + p + "»"}, "тег " + tag.tag + ": " + message);
    }

    // Renders a copy of `content`'s children with `context` and puts them before `anchor`.
    void emit(xmlNodePtr content, xmlNodePtr anchor, xmlNodePtr context) {
        // A detached copy declares the namespaces it uses on itself; each moved child is
        // rewired to the declarations in scope at its new place before the copy is freed.
        xmlNodePtr copy = xmlDocCopyNode(content, anchor->doc, 1);
        children(copy, context);
        while (copy->children != nullptr) {
            xmlNodePtr c = copy->children;
            xmlUnlinkNode(c);
            xmlAddPrevSibling(anchor, c);
            if (c->type == XML_ELEMENT_NODE) tidy_namespaces(c);
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
        const TagInfo& tag = tags_.at(index_of(b));
        try {
            if (attr(b, "kind") == "each") {
                for (xmlNodePtr item : ev_.nodes(tag.expression, context)) emit(b, b, item);
            } else {
                const bool yes = ev_.boolean(tag.expression, context);
                xmlNodePtr then_part = marker_child(b, "then");
                if (then_part == nullptr) {
                    if (yes) emit(b, b, context);
                } else if (xmlNodePtr chosen = yes ? then_part : marker_child(b, "else")) {
                    emit(chosen, b, context);
                }
            }
        } catch (const Error& e) {
            problem(tag, e.diagnostics().front().message);
        }
        xmlUnlinkNode(b);
        xmlFreeNode(b);
    }

    void value(xmlNodePtr marker, xmlNodePtr context) {
        const TagInfo& tag = tags_.at(index_of(marker));
        std::string text;
        try {
            text = ev_.string(tag.expression, context);
            if (!tag.optional && text.find_first_not_of(" \t\n") == std::string::npos) {
                problem(tag, "пустое значение — нет данных (если значение необязательно, пишите {{? …}})");
            }
        } catch (const Error& e) {
            problem(tag, e.diagnostics().front().message);
        }
        // A newline becomes a line break and a tab a tab: the run gets t, br, t, tab, t …
        std::size_t start = 0;
        while (true) {
            const std::size_t cut = text.find_first_of("\n\t", start);
            const std::string piece = text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
            if (!piece.empty()) {
                xmlNodePtr t = new_w(marker->doc, marker->parent, "t");
                xmlAddChild(t, xmlNewText(reinterpret_cast<const xmlChar*>(piece.c_str())));
                xmlNodeSetSpacePreserve(t, 1);
                xmlAddPrevSibling(marker, t);
            }
            if (cut == std::string::npos) break;
            xmlAddPrevSibling(marker, new_w(marker->doc, marker->parent, text[cut] == '\n' ? "br" : "tab"));
            start = cut + 1;
        }
        xmlUnlinkNode(marker);
        xmlFreeNode(marker);
    }

    const std::vector<TagInfo>& tags_;
    const xpath::Evaluator& ev_;
    std::string file_;
    DiagnosticSink& sink_;
};

// Loops over nothing can leave a table without rows or a cell without a paragraph; Word
// refuses such files.
void repair(xmlNodePtr node) {
    for (xmlNodePtr c = node->children; c != nullptr;) {
        xmlNodePtr next = c->next;
        if (c->type == XML_ELEMENT_NODE) {
            repair(c);
            if (is_w(c, "tbl")) {
                bool has_row = false;
                for (xmlNodePtr r = c->children; r != nullptr; r = r->next) has_row = has_row || is_w(r, "tr");
                if (!has_row) {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                }
            } else if (is_w(c, "tc")) {
                bool has_p = false;
                for (xmlNodePtr p = c->children; p != nullptr; p = p->next) has_p = has_p || is_w(p, "p") || is_w(p, "tbl");
                if (!has_p) xmlAddChild(c, new_w(c->doc, c, "p"));
            }
        }
        c = next;
    }
}

}  // namespace

std::string render_part(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                        xmlNodePtr context, const std::string& file, DiagnosticSink& sink) {
    XmlDoc copy(xmlCopyDoc(part.doc.get(), 1));
    xmlNodePtr root = xmlDocGetRootElement(copy.get());
    PartRenderer(tags, ev, file, sink).children(root, context);
    repair(root);
    return serialize(copy.get());
}

}  // namespace nastavnik::docx
