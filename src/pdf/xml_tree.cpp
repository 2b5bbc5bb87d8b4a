#include "pdf/xml_tree.hpp"

#include "pdf/wml.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_errors.hpp"

#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <utility>
#include <vector>

namespace nastavnik::pdf {

namespace {

const xmlChar* const xml_prefix = reinterpret_cast<const xmlChar*>("xml");

/// Memory handed out in order and given back all at once. Chunks stay under glibc's mmap
/// threshold (8 MB, set in main): a large document's tree then reuses the heap the previous
/// one left instead of faulting fresh pages in — with chunks mapped and zeroed anew, page
/// faults under the tree builder were 6 % of the corpus's CPU time.
class Arena {
public:
    static constexpr std::size_t max_chunk = 4u << 20;
    explicit Arena(std::size_t first) : next_size_(std::clamp<std::size_t>(first, 4096, max_chunk)) {}
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* take(std::size_t n) {
        n = (n + 15) & ~std::size_t{15};
        if (n > left_) {
            const std::size_t size = std::max(n, next_size_);
            chunks_.push_back(std::unique_ptr<unsigned char[]>(new unsigned char[size]));  // not zeroed: see make
            at_ = chunks_.back().get();
            left_ = size;
            next_size_ = std::min(size * 2, max_chunk);
        }
        void* p = at_;
        at_ += n;
        left_ -= n;
        return p;
    }
    /// A libxml2 struct with every field null or zero.
    template <class T>
    T* make() {
        void* p = take(sizeof(T));
        std::memset(p, 0, sizeof(T));
        return static_cast<T*>(p);
    }
    const xmlChar* copy(const xmlChar* from, std::size_t n) {
        auto* p = static_cast<xmlChar*>(take(n + 1));
        std::memcpy(p, from, n);
        p[n] = 0;
        return p;
    }

private:
    std::vector<std::unique_ptr<unsigned char[]>> chunks_;
    unsigned char* at_ = nullptr;
    std::size_t left_ = 0, next_size_;
};

/// What the tree owns: its nodes and the parser's dictionary its names point into.
struct Owned {
    Arena arena;
    xmlDictPtr dict = nullptr;
    explicit Owned(std::size_t first) : arena(first) {}
    ~Owned() {
        if (dict != nullptr) xmlDictFree(dict);
    }
};

// Strict OOXML (ISO/IEC 29500 Strict, «Word: строгий формат Open XML») names the same
// elements in other namespaces: they are declared as the transitional ones, which the reader
// knows. The URI a declaration is given instead of a copy of its own, or null.
const char* known_uri(const xmlChar* uri, std::size_t n) {
    static const std::pair<const char*, const char*> strict[] = {
        {"http://purl.oclc.org/ooxml/wordprocessingml/main", wml::w_ns},
        {"http://purl.oclc.org/ooxml/officeDocument/relationships", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"},
        {"http://purl.oclc.org/ooxml/drawingml/main", "http://schemas.openxmlformats.org/drawingml/2006/main"},
        {"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"},
        {"http://purl.oclc.org/ooxml/drawingml/picture", "http://schemas.openxmlformats.org/drawingml/2006/picture"},
        {"http://purl.oclc.org/ooxml/drawingml/chart", "http://schemas.openxmlformats.org/drawingml/2006/chart"},
        {"http://purl.oclc.org/ooxml/officeDocument/math", "http://schemas.openxmlformats.org/officeDocument/2006/math"},
    };
    // WordprocessingML's own URI as the one `wml::is` compares by pointer first.
    if (n == std::char_traits<char>::length(wml::w_ns) && std::memcmp(uri, wml::w_ns, n) == 0) return wml::w_ns;
    if (n < 21 || std::memcmp(uri, "http://purl.oclc.org/", 21) != 0) return nullptr;
    for (const auto& [from, to] : strict) {
        if (std::strlen(from) == n && std::memcmp(uri, from, n) == 0) return to;
    }
    return nullptr;
}

struct Builder {
    std::string file, part;
    DiagnosticSink sink;
    bool doctype = false;
    Owned* owned = nullptr;
    xmlDocPtr doc = nullptr;
    xmlNodePtr parent = nullptr;                         // null: the document itself
    std::vector<std::pair<const xmlChar*, xmlNsPtr>> ns;  // declarations in scope, by prefix
    std::vector<std::size_t> ns_marks;                    // ns.size() at each open element
    xmlNsPtr xml_ns = nullptr;                            // the implicit xml: prefix
    std::string text;                                     // characters not yet a node
    xmlParserCtxtPtr ctxt = nullptr;

    static Builder& of(void* ctx) { return *static_cast<Builder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

    unsigned short line() const {
        const int l = ctxt != nullptr && ctxt->input != nullptr ? ctxt->input->line : 0;
        return static_cast<unsigned short>(std::clamp(l, 0, 65535));
    }

    void append(xmlNodePtr n) {
        n->doc = doc;
        n->parent = parent != nullptr ? parent : reinterpret_cast<xmlNodePtr>(doc);
        xmlNodePtr& first = parent != nullptr ? parent->children : doc->children;
        xmlNodePtr& last = parent != nullptr ? parent->last : doc->last;
        if (last == nullptr) {
            first = n;
        } else {
            last->next = n;
            n->prev = last;
        }
        last = n;
    }

    xmlNodePtr leaf(xmlElementType type, const xmlChar* name, const xmlChar* content, std::size_t n) {
        auto* node = owned->arena.make<xmlNode>();
        node->type = type;
        node->name = name;
        node->content = const_cast<xmlChar*>(owned->arena.copy(content, n));
        node->line = line();
        append(node);
        return node;
    }

    /// Characters since the last node become one text node, as libxml2 merges them.
    void flush() {
        if (text.empty()) return;
        leaf(XML_TEXT_NODE, xmlStringText, reinterpret_cast<const xmlChar*>(text.data()), text.size());
        text.clear();
    }

    /// The declaration in scope for `prefix`. libxml2 hands over every prefix (of elements,
    /// attributes and declarations alike) from its parser's dictionary, so equal prefixes are
    /// the same pointer: comparing the strings was 1.5 % of the corpus's CPU time.
    xmlNsPtr find_ns(const xmlChar* prefix) {
        for (auto it = ns.rbegin(); it != ns.rend(); ++it) {
            if (it->first == prefix) return it->second;
        }
        if (prefix != nullptr && xmlStrEqual(prefix, xml_prefix)) {
            if (xml_ns == nullptr) {
                xml_ns = owned->arena.make<xmlNs>();
                xml_ns->type = XML_LOCAL_NAMESPACE;
                xml_ns->href = XML_XML_NAMESPACE;
                xml_ns->prefix = xml_prefix;
            }
            return xml_ns;
        }
        return nullptr;
    }

    void fail(const char* message) {
        if (sink.size() < 10) {
            std::string where = "часть «" + part + "»";
            if (line() > 0) where += ", строка " + std::to_string(line());
            sink.add(InputLocation{file, 0, 0, where}, "повреждённый XML (" + xml_error_text(message) + ")");
        }
        xmlStopParser(ctxt);
    }

    static void start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar*, int nb_namespaces,
                      const xmlChar** namespaces, int nb_attributes, int, const xmlChar** attributes) {
        Builder& b = of(ctx);
        b.flush();
        Arena& arena = b.owned->arena;
        auto* e = arena.make<xmlNode>();
        e->type = XML_ELEMENT_NODE;
        e->name = localname;
        e->line = b.line();
        b.ns_marks.push_back(b.ns.size());
        xmlNsPtr last_def = nullptr;
        for (int i = 0; i < nb_namespaces; ++i) {
            const xmlChar* p = namespaces[2 * i];
            const xmlChar* uri = namespaces[2 * i + 1];
            auto* d = arena.make<xmlNs>();
            d->type = XML_LOCAL_NAMESPACE;
            const std::size_t n = uri != nullptr ? static_cast<std::size_t>(xmlStrlen(uri)) : 0;
            const char* renamed = uri != nullptr ? known_uri(uri, n) : nullptr;
            d->href = renamed != nullptr ? reinterpret_cast<const xmlChar*>(renamed) : uri != nullptr ? arena.copy(uri, n) : nullptr;
            d->prefix = p;
            if (last_def == nullptr) e->nsDef = d;
            else last_def->next = d;
            last_def = d;
            b.ns.emplace_back(p, d);
        }
        e->ns = b.find_ns(prefix);
        b.append(e);
        xmlAttrPtr last_attr = nullptr;
        for (int i = 0; i < nb_attributes; ++i) {
            const xmlChar** at = attributes + 5 * i;  // localname, prefix, URI, value, end
            auto* a = arena.make<xmlAttr>();
            a->type = XML_ATTRIBUTE_NODE;
            a->name = at[0];
            a->parent = e;
            a->doc = b.doc;
            a->ns = at[1] != nullptr ? b.find_ns(at[1]) : nullptr;
            auto* t = arena.make<xmlNode>();
            t->type = XML_TEXT_NODE;
            t->name = xmlStringText;
            t->content = const_cast<xmlChar*>(arena.copy(at[3], static_cast<std::size_t>(at[4] - at[3])));
            t->parent = reinterpret_cast<xmlNodePtr>(a);
            t->doc = b.doc;
            a->children = a->last = t;
            if (last_attr == nullptr) {
                e->properties = a;
            } else {
                last_attr->next = a;
                a->prev = last_attr;
            }
            last_attr = a;
        }
        b.parent = e;
    }

    static void end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        Builder& b = of(ctx);
        b.flush();
        if (!b.ns_marks.empty()) {
            b.ns.resize(b.ns_marks.back());
            b.ns_marks.pop_back();
        }
        if (b.parent != nullptr) {
            b.parent = b.parent->parent != nullptr && b.parent->parent->type == XML_ELEMENT_NODE ? b.parent->parent : nullptr;
        }
    }

    static void characters(void* ctx, const xmlChar* ch, int len) {
        Builder& b = of(ctx);
        if (b.parent == nullptr || len <= 0) return;
        // libxml2's own limit on one text node (without XML_PARSE_HUGE).
        if (b.text.size() + static_cast<std::size_t>(len) > XML_MAX_TEXT_LENGTH) {
            b.fail("xmlSAX2Characters: huge text node");
            return;
        }
        b.text.append(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
    }

    static void cdata(void* ctx, const xmlChar* ch, int len) {
        Builder& b = of(ctx);
        if (b.parent == nullptr) return;
        b.flush();
        b.leaf(XML_CDATA_SECTION_NODE, nullptr, ch, static_cast<std::size_t>(std::max(len, 0)));
    }

    static void comment(void* ctx, const xmlChar* value) {
        Builder& b = of(ctx);
        b.flush();
        b.leaf(XML_COMMENT_NODE, xmlStringComment, value, static_cast<std::size_t>(xmlStrlen(value)));
    }

    static void instruction(void* ctx, const xmlChar* target, const xmlChar* data) {
        Builder& b = of(ctx);
        b.flush();
        const xmlChar* name = b.owned->arena.copy(target, static_cast<std::size_t>(xmlStrlen(target)));
        b.leaf(XML_PI_NODE, name, data != nullptr ? data : reinterpret_cast<const xmlChar*>(""),
               data != nullptr ? static_cast<std::size_t>(xmlStrlen(data)) : 0);
    }

    static void error(void* ctx, xmlErrorPtr e) {
        Builder& b = of(ctx);
        if (e == nullptr || e->level == XML_ERR_WARNING || b.sink.size() >= 10) return;
        const std::string message = xml_error_text(e->message);
        std::string where = "часть «" + b.part + "»";
        if (e->line > 0) where += ", строка " + std::to_string(e->line);
        b.sink.add(InputLocation{b.file, 0, 0, where}, "повреждённый XML" + (message.empty() ? "" : " (" + message + ")"));
    }

    // <!DOCTYPE …>: stop before any declaration inside is read.
    static void doctype_met(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
        of(ctx).doctype = true;
        xmlStopParser(static_cast<xmlParserCtxtPtr>(ctx));
    }
};

void ignore_generic(void*, const char*, ...) {}

}  // namespace

std::shared_ptr<const xmlDoc> parse_tree(const std::string& xml, const std::string& file, const std::string& part) {
    if (xml.size() > static_cast<std::size_t>(INT_MAX)) {
        throw Error(ErrorCode::package_invalid, "часть «" + part + "» слишком велика", InputLocation{file, 0, 0, {}});
    }
    std::unique_ptr<xmlParserCtxt, decltype(&xmlFreeParserCtxt)> ctxt(xmlNewParserCtxt(), &xmlFreeParserCtxt);
    if (ctxt == nullptr) throw Error(ErrorCode::internal, "libxml2: не удаётся создать парсер");
    // A tree takes a few times its XML's bytes: the first chunk holds a small part whole.
    auto owned = std::make_unique<Owned>(xml.size() * 3 + 4096);
    Builder b;
    b.file = file;
    b.part = part;
    b.owned = owned.get();
    b.ctxt = ctxt.get();
    b.doc = owned->arena.make<xmlDoc>();
    b.doc->type = XML_DOCUMENT_NODE;
    b.doc->standalone = -1;
    b.doc->doc = b.doc;
    ctxt->_private = &b;
    xmlSAXHandler& sax = *ctxt->sax;
    // Only what builds the tree and reports; no document of libxml2's own, no entity nodes
    // (without a DTD, which is refused, only the predefined entities and character references
    // exist, and the parser hands those over as characters).
    sax.startDocument = nullptr;
    sax.endDocument = nullptr;
    sax.internalSubset = &Builder::doctype_met;
    sax.externalSubset = nullptr;
    sax.reference = nullptr;
    sax.startElement = nullptr;
    sax.endElement = nullptr;
    sax.startElementNs = &Builder::start;
    sax.endElementNs = &Builder::end;
    sax.characters = &Builder::characters;
    sax.ignorableWhitespace = &Builder::characters;
    sax.cdataBlock = &Builder::cdata;
    sax.comment = &Builder::comment;
    sax.processingInstruction = &Builder::instruction;
    sax.serror = &Builder::error;
    const xmlGenericErrorFunc previous_generic = xmlGenericError;
    void* const previous_generic_context = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(nullptr, &ignore_generic);
    // XML_PARSE_NOENT: attribute values come with their character references replaced (else
    // libxml2 escapes «&» in them again for its own tree builder to undo).
    xmlDocPtr own = xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), part.c_str(), "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOENT);
    xmlSetGenericErrorFunc(previous_generic_context, previous_generic);
    if (own != nullptr) xmlFreeDoc(own);
    if (b.doctype) {
        throw Error(ErrorCode::package_invalid, "объявление DOCTYPE в документе Word не допускается (так внедряют внешние сущности)",
                    InputLocation{file, 0, 0, "часть «" + part + "»"});
    }
    if (!b.sink.empty() || ctxt->wellFormed == 0 || b.doc->children == nullptr) {
        if (b.sink.empty()) b.sink.add(InputLocation{file, 0, 0, "часть «" + part + "»"}, "повреждённый XML");
        b.sink.throw_if_any(ErrorCode::package_invalid);
    }
    owned->dict = ctxt->dict;
    xmlDictReference(owned->dict);
    xmlDocPtr doc = b.doc;
    return std::shared_ptr<const xmlDoc>(doc, [owner = owned.release()](const xmlDoc*) { delete owner; });
}

}  // namespace nastavnik::pdf
