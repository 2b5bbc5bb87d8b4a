#pragma once
// Internal: what compiling a template produces. Templated parts keep their DOM with markers:
//   <nt:value i="N"/>                    inside a run, in place of the tag's w:t
//   <nt:block kind="each|if" i="N">      wraps the scope of a block;
//     [<nt:then>…</nt:then><nt:else>…</nt:else>]   for if-blocks with {{else}}
// Rendering copies the DOM and replaces the markers; they never reach the output.

#include "docx/package.hpp"
#include "nastavnik/core/error.hpp"
#include "docx/wordml.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <string>
#include <vector>

namespace nastavnik::docx {

struct TagInfo {
    xpath::Expression expression;
    std::string tag;        // as written, "{{ n:date($order_date) }}"
    std::string paragraph;  // the paragraph's text, for messages
    std::string part;       // word/document.xml …
    bool optional = false;  // {{? … }}
};

struct CompiledPart {
    std::string name;
    XmlDoc doc;
};

struct Template::Compiled {
    std::string name;
    Package package;
    std::vector<CompiledPart> parts;  // only the parts that hold tags
    std::vector<TagInfo> tags;        // indexed by the markers' i attribute
};

/// Finds and compiles the tags of one part in place. Problems go to `sink`.
void compile_part(xmlDocPtr doc, const std::string& file, const std::string& part, std::vector<TagInfo>& tags,
                  DiagnosticSink& sink, bool& has_tags);

/// Renders one compiled part. Problems (empty values, evaluation errors) go to `sink`.
std::string render_part(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                        xmlNodePtr context, const std::string& file, DiagnosticSink& sink);

}  // namespace nastavnik::docx
