#pragma once
// Internal: building the plain data trees that documents about rulesets and checks are
// filled from (ruleset doc, check --act).

#include <libxml/tree.h>

#include <string>

namespace nastavnik::rules {

/// Appends <name>text</name> to `parent` (text escaped on output, never parsed for entities).
inline xmlNodePtr add_element(xmlNodePtr parent, const char* name, const std::string& text = {}) {
    xmlNodePtr n = xmlNewChild(parent, nullptr, reinterpret_cast<const xmlChar*>(name), nullptr);
    if (!text.empty()) xmlAddChild(n, xmlNewText(reinterpret_cast<const xmlChar*>(text.c_str())));
    return n;
}

}  // namespace nastavnik::rules
