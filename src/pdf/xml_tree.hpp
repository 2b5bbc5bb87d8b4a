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
/// The part is read by our own parser where it can check it as libxml2 would (see FastParser
/// in xml_tree.cpp), else by libxml2's: the same tree either way.
std::shared_ptr<const xmlDoc> parse_tree(const std::string& xml, const std::string& file, const std::string& part);

/// parse_tree's two ways, for tests that compare them: our parser's tree, or null where it
/// leaves the part to libxml2 (anything but the plain XML of Word's parts, and every error);
/// libxml2's tree, or its error.
std::shared_ptr<const xmlDoc> parse_tree_fast(const std::string& xml);
std::shared_ptr<const xmlDoc> parse_tree_libxml2(const std::string& xml, const std::string& file, const std::string& part);

}  // namespace nastavnik::pdf
