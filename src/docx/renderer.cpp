// Rendering a compiled part: copy its DOM and replace the markers with data.

#include "docx/compiled.hpp"
#include "docx/wordml.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/text/typography.hpp"

#include <cstdlib>
#include <cstring>
#include <map>
#include <unordered_set>

namespace nastavnik::docx {

namespace {

// A tag that fails in every repetition of a long loop would bury the other problems.
constexpr int max_reports_per_tag = 3;

const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

std::size_t index_of(xmlNodePtr marker) {
    xmlChar* v = xmlGetProp(marker, X("i"));
    const std::size_t i = v != nullptr ? std::strtoul(reinterpret_cast<const char*>(v), nullptr, 10) : 0;
    xmlFree(v);
    return i;
}

bool is_each(xmlNodePtr block) {
    xmlChar* v = xmlGetProp(block, X("kind"));
    const bool each = v != nullptr && xmlStrEqual(v, X("each")) != 0;
    xmlFree(v);
    return each;
}

void remove(xmlNodePtr n) {
    xmlUnlinkNode(n);
    xmlFreeNode(n);
}

class PartRenderer {
public:
    PartRenderer(const std::vector<TagInfo>& tags, const xpath::Evaluator& ev, std::string file, DiagnosticSink& sink)
        : tags_(tags), ev_(ev), file_(std::move(file)), sink_(sink) {}

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

    /// Reports the repetitions of problems that were not shown one by one.
    void finish() {
        for (const auto& [index, count] : reported_) {
            if (count > max_reports_per_tag) {
                const TagInfo& tag = tags_.at(index);
                sink_.add(
                    InputLocation{file_, 0, 0, tag.where},
                    "тег " + tag.tag + ": то же ещё в " + std::to_string(count - max_reports_per_tag) + " повторениях");
            }
        }
    }

    /// Text nodes holding data: they may contain "{{" without it being a tag.
    [[nodiscard]] const std::unordered_set<const xmlNode*>& value_nodes() const noexcept { return values_; }

private:
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

    // position() and last() inside a loop: the innermost repetition being filled.
    [[nodiscard]] int position() const { return repetitions_.empty() ? 1 : static_cast<int>(repetitions_.back().number); }
    [[nodiscard]] int size() const { return repetitions_.empty() ? 1 : static_cast<int>(repetitions_.back().count); }

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
        const std::size_t index = index_of(marker);
        const TagInfo& tag = tags_.at(index);
        std::string text;
        try {
            text = ev_.string(tag.expression, context, position(), size());
            if (!tag.optional && text.find_first_not_of(" \t\r\n") == std::string::npos) {
                problem(index, "пустое значение — нет данных (если значение необязательно, пишите {{? …}})");
            }
        } catch (const Error& e) {
            problem(index, message_of(e));
        }
        // Text from the data follows the same typography as the template's own text: «ёлочки»,
        // dashes, and «№», initials, «г.» that never end a line (ГОСТ Р 7.0.97).
        text = text::typography(text);
        // A newline becomes a line break and a tab a tab: the run gets t, br, t, tab, t …
        xmlNodePtr parent = marker->parent;
        std::size_t start = 0;
        while (true) {
            const std::size_t cut = text.find_first_of("\n\t", start);
            std::string piece = text.substr(start, cut == std::string::npos ? std::string::npos : cut - start);
            if (!piece.empty() && piece.back() == '\r') piece.pop_back();
            if (!piece.empty()) {
                xmlNodePtr t = new_w(marker->doc, parent, "t");
                // A text node: "<" and "&" in data are characters, escaped when written.
                xmlNodePtr data = xmlNewDocText(marker->doc, X(piece.c_str()));
                xmlAddChild(t, data);
                xmlNodeSetSpacePreserve(t, 1);
                xmlAddPrevSibling(marker, t);
                values_.insert(data);
            }
            if (cut == std::string::npos) break;
            xmlAddPrevSibling(marker, new_w(marker->doc, parent, text[cut] == '\n' ? "br" : "tab"));
            start = cut + 1;
        }
        remove(marker);
    }

    const std::vector<TagInfo>& tags_;
    const xpath::Evaluator& ev_;
    std::string file_;
    DiagnosticSink& sink_;
    std::vector<Repetition> repetitions_;
    std::map<std::size_t, int> reported_;
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
            if (c->ns != nullptr && xmlStrEqual(c->ns->href, X(template_ns)) != 0) return true;
            if (leftover(c, values)) return true;
        } else if (c->type == XML_TEXT_NODE && values.count(c) == 0 && c->content != nullptr &&
                   std::strstr(reinterpret_cast<const char*>(c->content), "{{") != nullptr && is_w(c->parent, "t")) {
            return true;
        }
    }
    return false;
}

}  // namespace

std::string render_part(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
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

}  // namespace nastavnik::docx
