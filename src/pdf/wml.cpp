#include "pdf/wml.hpp"

#include <cerrno>
#include <cmath>
#include <limits>
#include <cstdlib>
#include <cstring>

namespace nastavnik::pdf::wml {

xmlNodePtr child(const xmlNode* n, const char* local) {
    if (n == nullptr) return nullptr;
    for (xmlNodePtr c = n->children; c != nullptr; c = c->next) {
        if (is_w(c, local)) return c;
    }
    return nullptr;
}

std::optional<std::string> attr(const xmlNode* n, const char* local, const char* ns) {
    if (n == nullptr || n->type != XML_ELEMENT_NODE) return std::nullopt;
    // xmlHasNsProp's search (the trees have no DTD whose defaults it would also look up), with
    // the namespace compared as `is` does: it compared every attribute's URI in full.
    const xmlAttr* a = n->properties;
    for (; a != nullptr; a = a->next) {
        const char* name = reinterpret_cast<const char*>(a->name);
        if (name == nullptr || name[0] != local[0] || std::strcmp(name, local) != 0) continue;
        if (ns == nullptr ? a->ns == nullptr : a->ns != nullptr && a->ns->href != nullptr && same_ns(a->ns->href, ns)) break;
    }
    if (a == nullptr) return std::nullopt;
    // A parsed attribute's value is one text node: read in place, as xmlGetNsProp would return
    // it but without its copy (an allocation for every attribute the reader looks at).
    if (a->type == XML_ATTRIBUTE_NODE && a->children != nullptr && a->children->next == nullptr &&
        a->children->type == XML_TEXT_NODE && a->children->content != nullptr) {
        return std::string(reinterpret_cast<const char*>(a->children->content));
    }
    xmlChar* v = xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(local), reinterpret_cast<const xmlChar*>(ns));
    if (v == nullptr) return std::nullopt;
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::optional<std::string> val(const xmlNode* parent, const char* local) {
    return attr(child(parent, local), "val");
}

std::optional<bool> on_off(const xmlNode* parent, const char* local) {
    const xmlNodePtr c = child(parent, local);
    if (c == nullptr) return std::nullopt;
    const auto v = attr(c, "val");
    if (!v) return true;
    return !(*v == "0" || *v == "false" || *v == "off" || *v == "none");
}

std::optional<double> number(const xmlNode* n, const char* local, const char* ns) {
    const auto v = attr(n, local, ns);
    if (!v || v->empty()) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double d = std::strtod(v->c_str(), &end);
    if (end == v->c_str() || errno != 0 || !std::isfinite(d)) return std::nullopt;
    // Strict OOXML and some generators write lengths as universal measures ("2cm", "12pt"):
    // the attributes that take them are in twips.
    const std::string unit(end);
    if (unit == "pt") return d * 20;
    if (unit == "in") return d * 1440;
    if (unit == "cm") return d * 1440 / 2.54;
    if (unit == "mm") return d * 144 / 2.54;
    if (unit == "pc" || unit == "pi") return d * 240;
    return d;
}

std::optional<int> integer(const xmlNode* n, const char* local, const char* ns) {
    const auto d = number(n, local, ns);
    if (!d || *d < std::numeric_limits<int>::min() || *d > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*d);
}

std::optional<std::uint32_t> color(const std::string& hex) {
    if (hex.size() != 6) return std::nullopt;
    char* end = nullptr;
    const unsigned long v = std::strtoul(hex.c_str(), &end, 16);
    if (end != hex.c_str() + 6) return std::nullopt;
    return static_cast<std::uint32_t>(v);
}

std::string text(const xmlNode* n) {
    std::string s;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) s += reinterpret_cast<const char*>(c->content);
    }
    return s;
}

}  // namespace nastavnik::pdf::wml
