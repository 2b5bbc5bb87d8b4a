#pragma once
// Internal: the few WordprocessingML facts the template engine needs.

#include <libxml/tree.h>

#include <string>

namespace nastavnik::docx {

inline constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* template_ns = "urn:nastavnik:template";  // markers, never in output

bool is_w(const xmlNode* n, const char* local);          // element w:<local>
bool is_marker(const xmlNode* n, const char* local);     // element nt:<local>
xmlNodePtr ancestor_w(xmlNodePtr n, const char* local);  // nearest ancestor-or-self w:<local>

/// New element w:<local> using the document's own prefix for the WordprocessingML namespace.
xmlNodePtr new_w(xmlDocPtr doc, xmlNodePtr context, const char* local);

/// A new, detached run with a copy of `run`'s properties (w:rPr) and nothing else. Once it is
/// in place, tidy_namespaces() it.
xmlNodePtr new_run_like(xmlNodePtr run);

/// Marks the text of `run` as of no language — w:lang w:val="zxx" and w:noProof in its
/// properties (made if absent), in the order the schema wants them: a person's name is never
/// hyphenated. LibreOffice ignores w:noProof alone but hyphenates no text of language zxx;
/// Word hyphenates no text it does not proof.
void mark_no_language(xmlNodePtr run);

/// After copying nodes into place: point their namespace references at the declarations in
/// scope and drop the now redundant declarations the copy carried.
void tidy_namespaces(xmlNodePtr attached);

/// Replaces the content of a w:t with `text` (a text node: never parsed as markup) and marks
/// it xml:space="preserve" so Word keeps leading and trailing spaces.
void set_text(xmlNodePtr t, const std::string& text);

/// Text of a paragraph (w:t of its own runs, w:tab as a tab; not the paragraphs of text boxes
/// inside it), for tag search and messages.
std::string paragraph_text(xmlNodePtr p);

/// All text (w:t) below `n`, nested paragraphs included: what a table row or cell reads as.
std::string all_text(xmlNodePtr n);

/// True if `n` holds something besides text: a picture, an embedded object, a field. Such a
/// paragraph or row is never dropped with a block tag that stands in it.
bool has_non_text_content(xmlNodePtr n);

/// Whether Word never puts a paragraph inside `n`: properties (w:pPr, w:rPr, w:tblPr, …) and
/// text. A hostile file may; such a paragraph would go with its host when the host's tags are
/// rewritten, so it is not scanned for tags (as text in properties is not text).
bool holds_no_paragraphs(xmlNodePtr n);

/// True if a paragraph that is scanned for tags stands below `n` (not `n` itself, nor one hidden
/// where holds_no_paragraphs). Word writes one only inside text boxes; a hostile file may put a
/// table row inside a paragraph. A tag paragraph holding one is never dropped: the nested
/// paragraphs may hold tags still to be compiled.
bool has_nested_paragraph(xmlNodePtr n);

}  // namespace nastavnik::docx
