#pragma once
// Internal: the few WordprocessingML facts the template engine needs, and safe parsing of
// package parts (no network, no entities, no DOCTYPE, errors captured — never printed).

#include <libxml/tree.h>

#include <memory>
#include <string>

namespace nastavnik::docx {

inline constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* template_ns = "urn:nastavnik:template";  // markers, never in output

bool is_w(const xmlNode* n, const char* local);        // element w:<local>
bool is_marker(const xmlNode* n, const char* local);   // element nt:<local>
xmlNodePtr ancestor_w(xmlNodePtr n, const char* local); // nearest ancestor-or-self w:<local>

/// New element w:<local> using the document's own prefix for the WordprocessingML namespace.
xmlNodePtr new_w(xmlDocPtr doc, xmlNodePtr context, const char* local);

/// After copying nodes into place: point their namespace references at the declarations in
/// scope and drop the now redundant declarations the copy carried.
void tidy_namespaces(xmlNodePtr attached);

/// Text of a paragraph (w:t in its own runs, w:tab as a tab), for tag search and messages.
std::string paragraph_text(xmlNodePtr p);

struct XmlDocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses a part. Throws Error(package_invalid) naming the file, the part and the line.
XmlDoc parse_part(const std::string& xml, const std::string& file, const std::string& part);
std::string serialize(xmlDocPtr doc);

}  // namespace nastavnik::docx
