#include "common.hpp"

#include "docx/package.hpp"
#include "nastavnik/core/error.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <unistd.h>
#include <vector>

namespace fuzz {

std::filesystem::path source_dir() { return NASTAVNIK_SOURCE_DIR; }

namespace {

struct Scratch {
    std::filesystem::path dir;
    Scratch() {
        // In memory where the machine has a tmpfs: the harnesses that read files write every
        // input (and json_municipality its reports), and on a disk the file system's journal
        // and writeback cost a tenth of an execution.
        const char* tmp = std::getenv("TMPDIR");
        std::string base = "/tmp";
        std::error_code ec;
        if (tmp != nullptr && *tmp != '\0') {
            base = tmp;
        } else if (std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0) {
            base = "/dev/shm";
        }
        std::string pattern = base + "/nastavnik-fuzz-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        dir = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

}  // namespace

const std::filesystem::path& scratch() {
    static Scratch s;
    return s.dir;
}

void write(const std::filesystem::path& file, std::string_view bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) std::abort();
}

const nastavnik::data::DataTree& sample_organisation() {
    static const auto tree = nastavnik::data::DataTree::load(source_dir() / "samples/barnaul-gymnasium-compliant.json");
    return tree;
}

const nastavnik::data::DataTree& sample_municipality() {
    static const auto tree = nastavnik::data::DataTree::load(source_dir() / "samples/municipality-biysk/municipality.json",
                                                             nastavnik::data::municipality_file_format());
    return tree;
}

const nastavnik::rules::Catalog& catalog() {
    static const auto c = nastavnik::rules::Catalog::load(source_dir() / "rulesets");
    return c;
}

const nastavnik::Date& as_of() {
    static const nastavnik::Date d(2026, 11, 22);
    return d;
}

namespace {

// Values that break parsers of numbers, sizes and dates.
const std::vector<std::string> interesting = {"",     "0",   "-1",        "1",          "65535",      "4294967296", "1e308",
                                              "NaN",  "-0",  "2147483647", "-2147483648", "0x7f",       "auto",       "true",
                                              "2023-02-29", "9999-12-31", "0000-00-00", "{{",   "}}",         "\xD0\x90",   "&amp;"};

std::string mutate_value(const std::string& value, std::mt19937& rng, const std::vector<std::string>& dictionary) {
    switch (rng() % 4) {
        case 0: return interesting[rng() % interesting.size()];
        case 1:
            if (!dictionary.empty()) {
                std::string v = value;
                const size_t at = v.empty() ? 0 : rng() % (v.size() + 1);
                return v.insert(at, dictionary[rng() % dictionary.size()]);
            }
            [[fallthrough]];
        default: {
            std::string v = value;
            const size_t size = v.size();
            v.resize(size * 2 + 16);
            v.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(v.data()), size, v.size()));
            return v;
        }
    }
}

void collect(xmlNodePtr n, std::vector<xmlNodePtr>& elements, std::vector<xmlNodePtr>& texts) {
    for (xmlNodePtr c = n; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            elements.push_back(c);
            collect(c->children, elements, texts);
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            texts.push_back(c);
        }
    }
}

}  // namespace

std::string mutate_xml(std::string xml, size_t max_size, unsigned seed, const std::vector<std::string>& dictionary) {
    std::mt19937 rng(seed);
    xmlDocPtr doc = rng() % 8 == 0 ? nullptr
                                   : xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr,
                                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (doc == nullptr || xmlDocGetRootElement(doc) == nullptr) {
        if (doc != nullptr) xmlFreeDoc(doc);
        const size_t size = xml.size();
        xml.resize(std::max(max_size, size));
        xml.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(xml.data()), size, xml.size()));
        return xml;
    }
    std::vector<xmlNodePtr> elements, texts;
    collect(xmlDocGetRootElement(doc), elements, texts);
    const unsigned rounds = 1 + rng() % 3;
    for (unsigned round = 0; round < rounds && !elements.empty(); ++round) {
        xmlNodePtr e = elements[rng() % elements.size()];
        switch (rng() % 7) {
            case 0:
            case 1: {  // an attribute's value
                std::vector<xmlAttrPtr> attrs;
                for (xmlAttrPtr a = e->properties; a != nullptr; a = a->next) attrs.push_back(a);
                if (attrs.empty()) break;
                xmlAttrPtr a = attrs[rng() % attrs.size()];
                xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
                const std::string value = mutate_value(v != nullptr ? reinterpret_cast<const char*>(v) : "", rng, dictionary);
                xmlFree(v);
                xmlSetNsProp(e, a->ns, a->name, reinterpret_cast<const xmlChar*>(value.c_str()));
                break;
            }
            case 2:
            case 3: {  // a text
                if (texts.empty()) break;
                xmlNodePtr t = texts[rng() % texts.size()];
                xmlChar* v = xmlNodeGetContent(t);
                const std::string value = mutate_value(v != nullptr ? reinterpret_cast<const char*>(v) : "", rng, dictionary);
                xmlFree(v);
                xmlNodeSetContentLen(t, nullptr, 0);
                xmlNodeAddContentLen(t, reinterpret_cast<const xmlChar*>(value.data()), static_cast<int>(value.size()));
                break;
            }
            case 4: {  // an element repeated
                if (e->parent == nullptr || e->parent->type != XML_ELEMENT_NODE) break;
                xmlNodePtr copy = xmlDocCopyNode(e, doc, 1);
                if (copy == nullptr) break;
                const unsigned times = rng() % 4 == 0 ? 1 + rng() % 16 : 1;
                for (unsigned i = 0; i + 1 < times; ++i) xmlAddNextSibling(e, xmlDocCopyNode(copy, doc, 1));
                xmlAddNextSibling(e, copy);
                break;
            }
            case 5: {  // an element removed
                if (e == xmlDocGetRootElement(doc)) break;
                xmlUnlinkNode(e);
                xmlFreeNode(e);
                elements.clear();
                texts.clear();
                collect(xmlDocGetRootElement(doc), elements, texts);
                break;
            }
            default: {  // an element moved into another
                xmlNodePtr to = elements[rng() % elements.size()];
                if (e == xmlDocGetRootElement(doc)) break;
                bool inside = false;  // never into itself
                for (xmlNodePtr p = to; p != nullptr; p = p->parent) inside = inside || p == e;
                if (inside) break;
                xmlUnlinkNode(e);
                xmlAddChild(to, e);
                // The moved subtree's namespaces may be declared on its old ancestors; once one of
                // them is removed (case 5) its declarations are freed and the dump below would read
                // them. Re-declare them in the new scope, as libxml2 documents for moved subtrees.
                xmlReconciliateNs(doc, e);
                elements.clear();
                texts.clear();
                collect(xmlDocGetRootElement(doc), elements, texts);
                break;
            }
        }
    }
    xmlChar* out = nullptr;
    int len = 0;
    xmlDocDumpMemoryEnc(doc, &out, &len, "UTF-8");
    std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(std::max(len, 0)));
    xmlFree(out);
    xmlFreeDoc(doc);
    if (result.size() > max_size) result.resize(max_size);
    return result;
}

size_t mutate_package(uint8_t* data, size_t size, size_t max_size, unsigned seed, const std::vector<std::string>& dictionary) {
    std::mt19937 rng(seed);
    if (rng() % 16 != 0) {
        try {
            nastavnik::docx::Package package(std::string(reinterpret_cast<const char*>(data), size), "fuzz.docx");
            const auto& names = package.entry_names();
            if (!names.empty()) {
                // Mostly the XML parts (the main part above all), sometimes any part.
                std::vector<std::string> xml;
                for (const auto& n : names) {
                    if (n.ends_with(".xml") || n.ends_with(".rels")) xml.push_back(n);
                }
                std::string name = xml.empty() || rng() % 8 == 0 ? names[rng() % names.size()] : xml[rng() % xml.size()];
                if (rng() % 3 == 0 && package.has("word/document.xml")) name = "word/document.xml";
                std::string part = package.read(name);
                if (name.ends_with(".xml") || name.ends_with(".rels")) {
                    part = mutate_xml(std::move(part), std::max(max_size, part.size() + 4096), rng(), dictionary);
                } else {
                    const size_t n = part.size();
                    part.resize(n + 64);
                    part.resize(LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(part.data()), n, part.size()));
                }
                const std::string zipped = package.with_replaced({{name, part}});
                if (zipped.size() <= max_size) {
                    std::copy(zipped.begin(), zipped.end(), data);
                    return zipped.size();
                }
            }
        } catch (const nastavnik::Error&) {
            // not a package we can open: its bytes are mutated below
        }
    }
    return LLVMFuzzerMutate(data, size, max_size);
}

}  // namespace fuzz
