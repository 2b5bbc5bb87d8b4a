#include "nastavnik/docx/template.hpp"

#include "docx/compiled.hpp"
#include "docx/wordml.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"

#include <cstring>
#include <map>

namespace nastavnik::docx {

namespace {

// Every "{{" of the text in runs became a tag or an error; one left in any w:t means the
// scanner missed a place where Word keeps text.
bool unscanned_braces(xmlNodePtr n) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && unscanned_braces(c)) return true;
        if (c->type == XML_TEXT_NODE && is_w(c->parent, "t") && c->content != nullptr &&
            std::strstr(reinterpret_cast<const char*>(c->content), "{{") != nullptr) {
            return true;
        }
    }
    return false;
}

void text_of(xmlNodePtr n, std::string& out) {
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_w(c, "t")) {
            xmlChar* s = xmlNodeGetContent(c);
            if (s != nullptr) out += reinterpret_cast<const char*>(s);
            xmlFree(s);
        } else if (is_w(c, "tab") && !is_w(c->parent, "tabs")) {
            out += '\t';
        } else if (is_w(c, "br") || is_w(c, "cr")) {
            out += '\n';
        } else if (is_w(c, "noBreakHyphen")) {
            out += "\u2011";
        } else {
            text_of(c, out);
            if (is_w(c, "p")) out += '\n';
        }
    }
}

}  // namespace

Template Template::from_bytes(std::string bytes, std::string display_name) {
    auto compiled = std::make_shared<Compiled>(Compiled{display_name, Package(std::move(bytes), display_name), {}, {}, {}});
    if (!compiled->package.has("word/document.xml")) {
        throw Error(ErrorCode::package_invalid, "в пакете нет основной части word/document.xml — это не документ Word",
                    InputLocation{display_name, 0, 0, {}});
    }
    DiagnosticSink sink;
    std::map<std::string, std::string> originals;  // of the parts with tags
    for (const auto& entry : compiled->package.entry_names()) {
        if (!is_templated_part(entry)) continue;
        std::string xml = compiled->package.read(entry);
        XmlDoc doc = parse_part(xml, display_name, entry);
        const bool has_tags = compile_part(doc.get(), display_name, entry, compiled->tags, sink);
        if (sink.empty() && unscanned_braces(xmlDocGetRootElement(doc.get()))) {
            throw Error(ErrorCode::internal,
                        "в части «" + entry + "» остались фигурные скобки «{{», не распознанные как тег",
                        InputLocation{display_name, 0, 0, {}});
        }
        if (has_tags) {
            CompiledPart part{entry, std::move(doc), nullptr};
            if (sink.empty()) part.plan = plan_stream(part.doc.get());
            compiled->parts.push_back(std::move(part));
            originals.emplace(entry, std::move(xml));
        }
    }
    sink.throw_if_any(ErrorCode::template_invalid);
    compiled->rewriter = Rewriter::prepare(compiled->package, originals);
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
    return compiled_->rewriter ? compiled_->rewriter->write(replaced) : compiled_->package.with_replaced(replaced);
}

std::string document_text(const std::string& docx_bytes) {
    Package package(docx_bytes, "document.docx");
    XmlDoc doc = parse_part(package.read("word/document.xml"), "document.docx", "word/document.xml");
    std::string out;
    text_of(xmlDocGetRootElement(doc.get()), out);
    return out;
}

}  // namespace nastavnik::docx
