// The data docxtemplater fills a converted template with (bench/docxtemplater/convert.py),
// made by evaluating the template's own tags with our evaluator on the organisation — so that
// both engines print the same text and the benchmark compares equal work.
//
//   bench_docxtemplater_fields ORG.json AS_OF TEMPLATE.docx MANIFEST.tsv > data.json
//
// MANIFEST.tsv: "N<TAB>part<TAB>tag as written", every tag in document order (convert.py).
// Output, for docxtemplater's default scope lookup:
//   {{expr}}, {{? expr}}   → "vN": the string our renderer would print
//   {{#if expr}}           → "cN": true/false, then the fields of the branch that is kept
//   {{#each expr}}         → "lN": [ {fields of the content, evaluated on each node}, … ]
// Evaluation follows src/docx/renderer.cpp: expressions relative to the current item,
// position()/last() of the innermost loop, "№ " with a non-breaking space, "\r" before a
// line end dropped. A non-optional empty value is an error there, and here too.

#include "bench_support.hpp"

#include "docx/tags.hpp"  // the engine's own reading of a tag: kind and plain expression

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

using namespace nastavnik;

namespace {

struct Node {
    docx::TagKind kind = docx::TagKind::value;
    std::string id;  // N
    std::string written;
    std::unique_ptr<xpath::Expression> expression;
    std::vector<Node> then_part;  // content of a block; for if: the part before {{else}}
    std::vector<Node> else_part;
};

// Builds the block tree from the flat tag list; convert.py has already checked the nesting.
std::vector<Node> read_manifest(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw Error(ErrorCode::io, "не удаётся прочитать " + file);
    std::vector<Node> top;
    std::vector<std::pair<Node*, bool>> open;  // block, in its else part
    auto current = [&]() -> std::vector<Node>& {
        if (open.empty()) return top;
        return open.back().second ? open.back().first->else_part : open.back().first->then_part;
    };
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
        Node node;
        node.id = line.substr(0, tab1);
        node.written = line.substr(tab2 + 1);
        const docx::TagToken token = docx::classify(node.written);
        node.kind = token.kind;
        switch (token.kind) {
            case docx::TagKind::value:
            case docx::TagKind::optional_value:
                node.expression = std::make_unique<xpath::Expression>(xpath::Expression::compile(token.expression));
                current().push_back(std::move(node));
                break;
            case docx::TagKind::each:
            case docx::TagKind::if_: {
                node.expression = std::make_unique<xpath::Expression>(xpath::Expression::compile(token.expression));
                auto& list = current();
                list.push_back(std::move(node));
                open.emplace_back(&list.back(), false);
                break;
            }
            case docx::TagKind::else_:
                open.back().second = true;
                break;
            case docx::TagKind::end_each:
            case docx::TagKind::end_if:
                open.pop_back();
                break;
            case docx::TagKind::unknown: throw Error(ErrorCode::template_invalid, "непонятный тег " + node.written);
        }
    }
    // `open` holds pointers into vectors that grow; safe because a block's list only grows
    // while the block is the innermost one, i.e. before the next push into its parent list.
    return top;
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The text our renderer prints for a value (renderer.cpp, PartRenderer::value).
std::string printed(std::string text) {
    for (std::size_t pos = 0; (pos = text.find("№ ", pos)) != std::string::npos;) text.replace(pos + 3, 1, "\u00A0");
    std::string out;
    for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '\r' && (k + 1 == text.size() || text[k + 1] == '\n' || text[k + 1] == '\t')) continue;
        out += text[k];
    }
    return out;
}

class Writer {
public:
    explicit Writer(const xpath::Evaluator& ev) : ev_(ev) {}

    // The fields of `nodes` as members of one JSON object (without braces).
    void fields(const std::vector<Node>& nodes, xmlNodePtr context, int position, int size, std::string& out) {
        for (const Node& n : nodes) {
            switch (n.kind) {
                case docx::TagKind::value:
                case docx::TagKind::optional_value: {
                    const std::string text = ev_.string(*n.expression, context, position, size);
                    if (n.kind == docx::TagKind::value && text.find_first_not_of(" \t\r\n") == std::string::npos) {
                        throw Error(ErrorCode::template_invalid, "тег " + n.written + ": пустое значение");
                    }
                    if (text.find('\t') != std::string::npos) tabs_ = true;
                    member(out, "v" + n.id, json_string(printed(text)));
                    break;
                }
                case docx::TagKind::if_: {
                    const bool yes = ev_.boolean(*n.expression, context, position, size);
                    member(out, "c" + n.id, yes ? "true" : "false");
                    fields(yes ? n.then_part : n.else_part, context, position, size, out);
                    break;
                }
                case docx::TagKind::each: {
                    const auto items = ev_.nodes(*n.expression, context, position, size);
                    std::string array = "[";
                    for (std::size_t k = 0; k < items.size(); ++k) {
                        std::string object;
                        fields(n.then_part, items[k], static_cast<int>(k + 1), static_cast<int>(items.size()), object);
                        array += (k == 0 ? "{" : ",{") + object + "}";
                    }
                    member(out, "l" + n.id, array + "]");
                    break;
                }
                default: break;
            }
        }
    }

    /// docxtemplater prints a tab in a value as a character, ours as <w:tab/>; said on stderr.
    [[nodiscard]] bool saw_tabs() const noexcept { return tabs_; }

private:
    static void member(std::string& out, const std::string& key, const std::string& value) {
        if (!out.empty()) out += ',';
        out += json_string(key) + ':' + value;
    }

    const xpath::Evaluator& ev_;
    bool tabs_ = false;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: bench_docxtemplater_fields ORG.json AS_OF TEMPLATE.docx MANIFEST.tsv\n";
        return 2;
    }
    try {
        const std::string as_of = argv[2];
        const auto tree = data::DataTree::load(argv[1]);
        const auto& kind = bench::kind_of_template(argv[3]);
        const xpath::Evaluator ev(tree.doc(), as_of, bench::document_variables(tree, as_of, kind.act_kind));
        const auto nodes = read_manifest(argv[4]);
        Writer writer(ev);
        std::string out;
        writer.fields(nodes, bench::first_item(ev, kind, tree), 1, 1, out);
        std::cout << '{' << out << "}\n";
        if (writer.saw_tabs()) std::cerr << "внимание: в значениях есть табуляция (у нас <w:tab/>, у docxtemplater — символ)\n";
        return 0;
    } catch (const Error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << d.to_string() << '\n';
        return 1;
    }
}
