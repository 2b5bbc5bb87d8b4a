#pragma once
// libxml2's own messages are English; where one says that a limit on hostile input was hit,
// the user reads it in Russian (docs/LIMITS.md).

#include <string>

namespace nastavnik {

/// The message of a libxml2 error, in Russian for the limits (nesting deeper than 256 levels,
/// a text node over 10 MB, entity amplification); other messages as libxml2 wrote them.
std::string xml_error_text(const char* libxml2_message);

}  // namespace nastavnik
