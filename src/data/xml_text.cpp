#include "nastavnik/data/xml_text.hpp"

namespace nastavnik::data {

std::string text_of(const xmlNode* node) {
    if (node == nullptr) return {};
    xmlChar* s = xmlNodeGetContent(node);
    std::string out = s != nullptr ? reinterpret_cast<const char*>(s) : "";
    xmlFree(s);
    return out;
}

std::string attribute_of(const xmlNode* node, const char* name) {
    if (node == nullptr) return {};
    xmlChar* v = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
    std::string out = v != nullptr ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

}  // namespace nastavnik::data
