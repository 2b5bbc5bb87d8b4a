#pragma once
// Internal: safe XML reading for our own formats (rulesets): no network, no external
// entities, every libxml2 message captured with its line instead of printed to stderr.

#include "nastavnik/core/error.hpp"

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace nastavnik::rules {

struct XmlDocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

/// Parses a file; syntax errors go to `sink` with file and line. nullptr if unreadable.
XmlDocPtr read_xml_file(const std::filesystem::path& file, DiagnosticSink& sink);

/// Whether `n` is the element `name` (no namespace: our formats have none).
bool named(xmlNodePtr n, const char* name);

/// The attribute `name` of `n`; empty when absent.
std::string attr(xmlNodePtr n, const char* name);

/// An attribute holding a list (xs:list: words separated by white space), word by word.
std::vector<std::string> attr_list(xmlNodePtr n, const char* name);

/// The text of `n` with the indentation of multi-line texts in the file collapsed into single
/// spaces, and none at either end.
std::string collapsed_text(xmlNodePtr n);

/// Validates against an XSD; problems go to `sink` with file and line. false if invalid.
bool validate_with_schema(xmlDocPtr doc, const std::filesystem::path& file,
                          const std::filesystem::path& schema, DiagnosticSink& sink);

}  // namespace nastavnik::rules
