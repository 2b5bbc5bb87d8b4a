#pragma once
// Internal: parsing and writing the XML parts of a package. Parts come from the user's file,
// so parsing is defensive: no network, no entity substitution, no external DTD, any DOCTYPE
// rejected outright (Word never writes one; it is how entity bombs and XXE get in), and
// libxml2's complaints captured as our diagnostics — never printed to stderr.

#include <libxml/tree.h>

#include <memory>
#include <string>

namespace nastavnik::docx {

struct XmlDocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses a part. Throws Error(package_invalid) naming the file, the part and the line of
/// every problem libxml2 reported.
XmlDoc parse_part(const std::string& xml, const std::string& file, const std::string& part);

/// The document as UTF-8 with an XML declaration, as Word writes it.
std::string serialize(xmlDocPtr doc);

}  // namespace nastavnik::docx
