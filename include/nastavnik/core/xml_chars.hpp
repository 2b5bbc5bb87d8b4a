#pragma once
// libxml2 takes its names and values as xmlChar (unsigned char); ours are UTF-8 char strings
// already, so the conversion is a cast and lives in one place.

#include <libxml/xmlstring.h>

namespace nastavnik {

inline const xmlChar* xml_chars(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

}  // namespace nastavnik
