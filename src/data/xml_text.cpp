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

const xmlNode* child(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n != nullptr ? n->children : nullptr; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(name))) return c;
    }
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* n, const char* name) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = n != nullptr ? n->children : nullptr; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(name))) out.push_back(c);
    }
    return out;
}

}  // namespace nastavnik::data
