#pragma once
// Internal: a part of the package parsed into a read-only libxml2 tree whose nodes live in one
// arena, freed at once.

#include <libxml/tree.h>

#include <memory>
#include <string>

namespace nastavnik::pdf {

/// The tree of `xml` (part `part` of `file`), as docx::parse_part reads it — the same nodes
/// (elements, attributes, namespaces, text merged as libxml2 merges it, CDATA, comments,
/// processing instructions), the same errors and refusals (DOCTYPE, depth, a text over 10 MB)
/// — but built by our SAX handlers in one arena: libxml2's tree made two allocations per node
/// and attribute and freed each again, a sixth of the time of reading a document. Strict Open
/// XML namespaces are renamed to the transitional ones. The tree must not be changed, and is
/// never null (an error throws).
std::shared_ptr<const xmlDoc> parse_tree(const std::string& xml, const std::string& file, const std::string& part);

}  // namespace nastavnik::pdf
