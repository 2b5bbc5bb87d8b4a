#pragma once
// The text of a node of the data tree (or any libxml2 tree) as a std::string: the one place
// that owns the xmlChar buffers libxml2 hands out.

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace nastavnik::data {

/// The node's text content, descendants included; empty for a null node.
std::string text_of(const xmlNode* node);

/// The value of the node's attribute `name` (no namespace); empty when it has none.
std::string attribute_of(const xmlNode* node, const char* name);

/// The first child element of `node` named `name` (no namespace); null when there is none or
/// `node` is null — so lookups chain through missing branches of the tree.
const xmlNode* child(const xmlNode* node, const char* name);

/// Every child element of `node` named `name`, in order; empty for a null node.
std::vector<const xmlNode*> children(const xmlNode* node, const char* name);

}  // namespace nastavnik::data
