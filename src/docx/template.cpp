#include "nastavnik/docx/template.hpp"

#include "docx/compiled.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"

#include <map>

namespace nastavnik::docx {

namespace {

// Parts that may hold tags: the body, headers and footers.
bool templated(const std::string& entry) {
    if (entry == "word/document.xml") return true;
    const bool header = entry.rfind("word/header", 0) == 0, footer = entry.rfind("word/footer", 0) == 0;
    return (header || footer) && entry.size() > 4 && entry.compare(entry.size() - 4, 4, ".xml") == 0 &&
           entry.find('/', 5) == std::string::npos;
}

}  // namespace

Template Template::from_bytes(std::string bytes, std::string display_name) {
    auto compiled = std::make_shared<Compiled>(Compiled{display_name, Package(std::move(bytes), display_name), {}, {}});
    if (!compiled->package.has("word/document.xml")) {
        throw Error(ErrorCode::package_invalid, "в пакете нет основной части word/document.xml — это не документ Word",
                    InputLocation{display_name, 0, 0, {}});
    }
    DiagnosticSink sink;
    for (const auto& entry : compiled->package.entry_names()) {
        if (!templated(entry)) continue;
        XmlDoc doc = parse_part(compiled->package.read(entry), display_name, entry);
        bool has_tags = false;
        compile_part(doc.get(), display_name, entry, compiled->tags, sink, has_tags);
        if (has_tags) compiled->parts.push_back(CompiledPart{entry, std::move(doc)});
    }
    sink.throw_if_any(ErrorCode::template_invalid);
    Template t;
    t.compiled_ = std::move(compiled);
    return t;
}

Template Template::load(const std::filesystem::path& file) {
    return from_bytes(read_file(file, PackageLimits::max_package_bytes), file.string());
}

const std::string& Template::name() const noexcept { return compiled_->name; }

std::string Template::render(const xpath::Evaluator& ev, xmlNodePtr context) const {
    DiagnosticSink sink;
    std::map<std::string, std::string> replaced;
    for (const auto& part : compiled_->parts) {
        replaced[part.name] = render_part(part, compiled_->tags, ev, context, compiled_->name, sink);
    }
    sink.throw_if_any(ErrorCode::template_invalid);
    for (const auto& [name, xml] : replaced) {
        if (xml.find("{{") != std::string::npos || xml.find(template_ns) != std::string::npos) {
            throw Error(ErrorCode::internal, "после заполнения в части «" + name + "» остался тег",
                        InputLocation{compiled_->name, 0, 0, {}});
        }
    }
    return compiled_->package.with_replaced(replaced);
}

std::string document_text(const std::string& docx_bytes) {
    const Package package(docx_bytes, "document.docx");
    XmlDoc doc = parse_part(package.read("word/document.xml"), "document.docx", "word/document.xml");
    std::string out;
    std::vector<xmlNodePtr> stack{xmlDocGetRootElement(doc.get())};
    // Depth-first in document order; a paragraph ends with a newline.
    struct Walk {
        static void run(xmlNodePtr n, std::string& out) {
            for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
                if (c->type != XML_ELEMENT_NODE) continue;
                if (is_w(c, "t")) {
                    xmlChar* s = xmlNodeGetContent(c);
                    if (s) out += reinterpret_cast<const char*>(s);
                    xmlFree(s);
                } else if (is_w(c, "tab")) {
                    out += '\t';
                } else if (is_w(c, "br")) {
                    out += '\n';
                } else {
                    run(c, out);
                    if (is_w(c, "p")) out += '\n';
                }
            }
        }
    };
    Walk::run(stack.front(), out);
    return out;
}

}  // namespace nastavnik::docx
