#pragma once
// Internal: what compiling a template produces. Templated parts keep their DOM with markers
// in place of the tags:
//   <nt:value i="N"/>                    inside the tag's run, in place of its w:t
//   <nt:block kind="each|if" i="N">      wraps the scope of a block;
//     [<nt:then>…</nt:then><nt:else>…</nt:else>]   for if-blocks with {{else}}
// N indexes Template::Compiled::tags. Rendering writes the output bytes straight from this DOM
// (a StreamPlan, renderer.cpp) or, for parts the plan declines, copies the DOM and replaces the
// markers; they never reach the output.

#include "docx/package.hpp"
#include "docx/xml_part.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <memory>
#include <string>
#include <vector>

namespace nastavnik::docx {

struct TagInfo {
    xpath::Expression expression;
    std::string tag;        // as written, "{{ n:date($order_date) }}"
    std::string where;      // InputLocation::path of its paragraph: "абзац «…»"
    bool optional = false;  // {{? … }}
};

struct StreamPlan;  // renderer.cpp

struct CompiledPart {
    std::string name;  // word/document.xml …
    XmlDoc doc;
    /// How to write the part straight from `doc`, without copying it; null when the part has
    /// something the direct writer does not reproduce byte for byte (then `doc` is copied).
    std::shared_ptr<const StreamPlan> plan;
};

struct Template::Compiled {
    std::string name;
    Package package;
    std::vector<CompiledPart> parts;  // only the parts that hold tags
    std::vector<TagInfo> tags;        // indexed by the markers' i attribute
    std::unique_ptr<const Rewriter> rewriter;  // writes the output package; null: libzip does
};

/// Parts that may hold tags: the body, headers, footers, footnotes and endnotes.
bool is_templated_part(const std::string& entry);

/// How messages name a paragraph of a part: "абзац «Приказ № {{…}}»", for a header
/// "верхний колонтитул (word/header1.xml), абзац «…»". Long text is cut.
std::string paragraph_location(const std::string& part, const std::string& paragraph_text);

/// Finds the tags of one part, isolates them, matches the blocks and compiles every
/// expression, leaving markers in the DOM. Returns whether the part has tags. Problems go to
/// `sink`; after problems the DOM is not fit for rendering.
bool compile_part(xmlDocPtr doc, const std::string& file, const std::string& part, std::vector<TagInfo>& tags,
                  DiagnosticSink& sink);

/// Prepares the direct writing of a compiled part (null if the part needs the copying one).
/// Checked on the template itself: written with the markers as elements, it must be byte for
/// byte what libxml2 writes.
std::shared_ptr<const StreamPlan> plan_stream(xmlDocPtr doc);

/// Renders one compiled part into the XML of the output part: directly when the part has a
/// plan, else by copying its DOM (render_part_copying, also used by the tests that compare
/// the two). Problems (empty values,
/// evaluation errors) go to `sink`.
std::string render_part(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                        xmlNodePtr context, const std::string& file, DiagnosticSink& sink);
std::string render_part_copying(const CompiledPart& part, const std::vector<TagInfo>& tags, const xpath::Evaluator& ev,
                                xmlNodePtr context, const std::string& file, DiagnosticSink& sink);

}  // namespace nastavnik::docx
