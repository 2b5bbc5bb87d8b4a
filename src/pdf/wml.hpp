#pragma once
// Internal: reading WordprocessingML attributes — the few conversions every reader needs.

#include <libxml/tree.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

namespace nastavnik::pdf::wml {

inline constexpr const char* w_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* r_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Whether a namespace's URI is `ns`. The parts' trees (`parse_tree`) point the URI of
/// WordprocessingML at `w_ns` itself, so the common case is one comparison of pointers rather
/// than of 60 characters.
inline bool same_ns(const xmlChar* href, const char* ns) {
    const char* h = reinterpret_cast<const char*>(href);
    return h == ns || std::strcmp(h, ns) == 0;
}
/// An element `local` in namespace `ns`. Inline, with the first letter compared before the
/// names: the reader asks it a dozen times for every element of the document.
inline bool is(const xmlNode* n, const char* ns, const char* local) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE || n->ns == nullptr || n->ns->href == nullptr) return false;
    const char* name = reinterpret_cast<const char*>(n->name);
    return name[0] == local[0] && std::strcmp(name, local) == 0 && same_ns(n->ns->href, ns);
}
inline bool is_w(const xmlNode* n, const char* local) { return is(n, w_ns, local); }
/// First child element w:<local>, or null.
xmlNodePtr child(const xmlNode* n, const char* local);
/// Attribute in namespace `ns` (w: by default); nullopt if absent.
std::optional<std::string> attr(const xmlNode* n, const char* local, const char* ns = w_ns);
/// w:val of the first child w:<local>.
std::optional<std::string> val(const xmlNode* parent, const char* local);
/// An on/off property: <w:b/> is on, w:val="0"/"false"/"off" is off; nullopt if absent.
std::optional<bool> on_off(const xmlNode* parent, const char* local);
/// A number attribute, tolerant of junk (nullopt); twips/half-points are converted by callers.
std::optional<double> number(const xmlNode* n, const char* local, const char* ns = w_ns);
/// A whole-number attribute (ids, list levels): nullopt for junk and for values outside int's
/// range, which a hostile file writes and a plain cast would turn into undefined behaviour.
std::optional<int> integer(const xmlNode* n, const char* local, const char* ns = w_ns);
/// "FF0000" → 0xFF0000; "auto" and junk → nullopt.
std::optional<std::uint32_t> color(const std::string& hex);
/// Text of an element (w:t, w:instrText).
std::string text(const xmlNode* n);

}  // namespace nastavnik::pdf::wml
