#include "pdf/xml_tree.hpp"

#include "pdf/wml.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/xml_errors.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <libxml/dict.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <deque>
#include <string_view>
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
    xmlParserCtxtPtr ctxt = nullptr;  // null when our own parser (FastParser) drives the builder
    int fast_line = 1;                // that parser's line

    static Builder& of(void* ctx) { return *static_cast<Builder*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }

    unsigned short line() const {
        const int l = ctxt == nullptr ? fast_line : ctxt->input != nullptr ? ctxt->input->line : 0;
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
        if (ctxt != nullptr) xmlStopParser(ctxt);
    }

    static void start(void* ctx, const xmlChar* localname, const xmlChar* prefix, const xmlChar*, int nb_namespaces,
                      const xmlChar** namespaces, int nb_attributes, int, const xmlChar** attributes) {
        of(ctx).on_start(localname, prefix, nb_namespaces, namespaces, nb_attributes, attributes);
    }

    void on_start(const xmlChar* localname, const xmlChar* prefix, int nb_namespaces, const xmlChar** namespaces,
                  int nb_attributes, const xmlChar** attributes) {
        Builder& b = *this;
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

    static void end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) { of(ctx).on_end(); }

    void on_end() {
        Builder& b = *this;
        b.flush();
        if (!b.ns_marks.empty()) {
            b.ns.resize(b.ns_marks.back());
            b.ns_marks.pop_back();
        }
        if (b.parent != nullptr) {
            b.parent = b.parent->parent != nullptr && b.parent->parent->type == XML_ELEMENT_NODE ? b.parent->parent : nullptr;
        }
    }

    static void characters(void* ctx, const xmlChar* ch, int len) { of(ctx).on_characters(ch, len); }

    void on_characters(const xmlChar* ch, int len) {
        Builder& b = *this;
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

    static void comment(void* ctx, const xmlChar* value) { of(ctx).on_comment(value); }

    void on_comment(const xmlChar* value) {
        Builder& b = *this;
        b.flush();
        b.leaf(XML_COMMENT_NODE, xmlStringComment, value, static_cast<std::size_t>(xmlStrlen(value)));
    }

    static void instruction(void* ctx, const xmlChar* target, const xmlChar* data) { of(ctx).on_instruction(target, data); }

    void on_instruction(const xmlChar* target, const xmlChar* data) {
        Builder& b = *this;
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


/// The parts as Word and LibreOffice write them — UTF-8, ASCII names, the predefined entities and
/// character references, comments and processing instructions, no DOCTYPE, no CDATA, no
/// carriage returns but between markup — parsed here into the same SAX events libxml2 gives `Builder`, at a few
/// times its speed (libxml2's parser with its dictionary was a tenth of the corpus's CPU time).
/// It takes only what it can check as libxml2 checks it: anything else, well-formed or not —
/// another encoding, a name outside ASCII, an undeclared prefix, a DOCTYPE, a construct it does
/// not know, an error of any kind — makes `run` return false, and the part is parsed again by
/// libxml2, which gives the tree or the error it always gave.
class FastParser {
public:
    FastParser(const std::string& xml, Builder& b) : p_(xml.data()), end_(xml.data() + xml.size()), b_(b) {}

    bool run() {
        if (starts("\xEF\xBB\xBF")) p_ += 3;  // UTF-8's byte order mark, as libxml2 skips it
        if (starts("<?xml") && !declaration()) return false;
        bool root_seen = false;
        while (true) {
            skip_space();
            if (p_ == end_) return root_seen;
            if (*p_ != '<') return false;
            if (starts("<!--")) {
                if (!comment()) return false;
            } else if (starts("<?")) {
                if (!instruction()) return false;
            } else if (root_seen || starts("<!") || starts("</")) {
                return false;
            } else {
                if (!element()) return false;
                root_seen = true;
            }
        }
    }

private:
    static constexpr std::size_t max_depth = 200;          // libxml2 refuses past 256
    static constexpr std::size_t max_name = 1000;          // libxml2: 50 000
    static constexpr std::size_t max_text = XML_MAX_TEXT_LENGTH / 2;
    static constexpr std::size_t max_attributes = 64;      // Word writes at most a dozen or two

    const char* p_;
    const char* end_;
    Builder& b_;
    // Names and namespace URIs, each kept once in the tree's arena (the builder compares
    // prefixes by pointer, as it does libxml2's dictionary's).
    std::vector<std::pair<std::string_view, const xmlChar*>> table_ = std::vector<std::pair<std::string_view, const xmlChar*>>(1024);
    std::size_t interned_ = 0;
    std::vector<const xmlChar*> uris_;  // interned URIs libxml2's parser takes
    std::string scratch_;

    bool starts(const char* s) const {
        const std::size_t n = std::strlen(s);
        return static_cast<std::size_t>(end_ - p_) >= n && std::memcmp(p_, s, n) == 0;
    }
    // A carriage return is taken only where it is white space between markup (Word ends its XML
    // declaration with "\r\n"); in text, values, comments and instructions, where libxml2 would
    // turn line ends into line feeds, the part is left to libxml2.
    static bool space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
    void skip_space() {
        while (p_ < end_ && space(*p_)) {
            if (*p_ == '\n') ++b_.fast_line;
            ++p_;
        }
    }
    void count_lines(const char* from, const char* to) {
        for (const char* q = from; (q = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(to - q)))) != nullptr; ++q) {
            ++b_.fast_line;
        }
    }

    /// A name's hash from its length and its first and last eight bytes: names are short, and
    /// hashing every byte of each was a fifth of this parser's time.
    static std::size_t hash(std::string_view s) {
        // Bytes gathered one by one: a memcpy of a variable length into a word stalled the load
        // of that word.
        std::uint64_t a = 0, b = 0;
        const std::size_t n = s.size(), head = std::min<std::size_t>(n, 8), tail = n > 8 ? std::min<std::size_t>(n - 8, 8) : 0;
        for (std::size_t i = 0; i < head; ++i) a |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
        for (std::size_t i = 0; i < tail; ++i) b |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[n - tail + i])) << (8 * i);
        // MurmurHash3's finaliser: every bit of the result depends on every byte.
        std::uint64_t h = a ^ (b * 0x9E3779B97F4A7C15ull) ^ (s.size() << 56);
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 33;
        return static_cast<std::size_t>(h);
    }

    const xmlChar* intern(std::string_view s) {
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = hash(s) & mask;; i = (i + 1) & mask) {
            auto& [key, value] = table_[i];
            if (value == nullptr) {
                value = b_.owned->arena.copy(reinterpret_cast<const xmlChar*>(s.data()), s.size());
                key = std::string_view(reinterpret_cast<const char*>(value), s.size());
                const xmlChar* made = value;
                if (++interned_ * 2 > table_.size()) grow();
                return made;
            }
            if (key.size() == s.size() && std::memcmp(key.data(), s.data(), s.size()) == 0) return value;
        }
    }
    void grow() {
        std::vector<std::pair<std::string_view, const xmlChar*>> old(table_.size() * 2);
        old.swap(table_);
        const std::size_t mask = table_.size() - 1;
        for (const auto& [key, value] : old) {
            if (value == nullptr) continue;
            std::size_t i = hash(key) & mask;
            while (table_[i].second != nullptr) i = (i + 1) & mask;
            table_[i] = {key, value};
        }
    }

    /// A namespace's URI, interned; null where libxml2's URI parser refuses it (libxml2 then
    /// reports an error). Each URI is checked once.
    const xmlChar* uri(std::string_view v) {
        const xmlChar* u = intern(v);
        if (std::find(uris_.begin(), uris_.end(), u) != uris_.end()) return u;
        xmlURIPtr parsed = xmlParseURI(reinterpret_cast<const char*>(u));
        if (parsed == nullptr) return nullptr;
        xmlFreeURI(parsed);
        uris_.push_back(u);
        return u;
    }

    static bool name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
    static bool name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

    /// A qualified name of ASCII letters: `prefix` empty when it has none.
    bool qname(std::string_view& prefix, std::string_view& local) {
        const char* from = p_;
        if (p_ == end_ || !name_start(*p_)) return false;
        while (p_ < end_ && name_char(*p_)) ++p_;
        if (p_ < end_ && *p_ == ':') {
            prefix = std::string_view(from, static_cast<std::size_t>(p_ - from));
            const char* l = ++p_;
            if (p_ == end_ || !name_start(*p_)) return false;
            while (p_ < end_ && name_char(*p_)) ++p_;
            local = std::string_view(l, static_cast<std::size_t>(p_ - l));
        } else {
            prefix = {};
            local = std::string_view(from, static_cast<std::size_t>(p_ - from));
        }
        if (p_ < end_ && (*p_ == ':' || static_cast<unsigned char>(*p_) >= 0x80)) return false;
        return static_cast<std::size_t>(p_ - from) <= max_name;
    }

    /// Bytes from 0x80 on as UTF-8 of a character XML allows (not a surrogate, U+FFFE or
    /// U+FFFF, nor past U+10FFFF, nor overlong); its length, 0 when it is not.
    static std::size_t utf8(const char* q, const char* end) {
        const auto c0 = static_cast<unsigned char>(q[0]);
        auto cont = [&](std::size_t i) { return q + i < end && (static_cast<unsigned char>(q[i]) & 0xC0) == 0x80; };
        if (c0 >= 0xC2 && c0 <= 0xDF) return cont(1) ? 2 : 0;
        if (c0 >= 0xE0 && c0 <= 0xEF) {
            if (!cont(1) || !cont(2)) return 0;
            const std::uint32_t cp = ((c0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(q[1]) & 0x3Fu) << 6) | (static_cast<unsigned char>(q[2]) & 0x3Fu);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
            return 3;
        }
        if (c0 >= 0xF0 && c0 <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3)) return 0;
            const std::uint32_t cp = ((c0 & 0x07u) << 18) | ((static_cast<unsigned char>(q[1]) & 0x3Fu) << 12) |
                                     ((static_cast<unsigned char>(q[2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(q[3]) & 0x3Fu);
            return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
        }
        return 0;
    }

    /// `&…;` at p_: the predefined entities and character references of characters XML allows,
    /// appended to `out` as UTF-8.
    bool reference(std::string& out) {
        const char* semi = static_cast<const char*>(std::memchr(p_, ';', static_cast<std::size_t>(std::min<std::ptrdiff_t>(end_ - p_, 12))));
        if (semi == nullptr) return false;
        const std::string_view ref(p_ + 1, static_cast<std::size_t>(semi - p_ - 1));
        p_ = semi + 1;
        if (ref == "lt") out += '<';
        else if (ref == "gt") out += '>';
        else if (ref == "amp") out += '&';
        else if (ref == "quot") out += '"';
        else if (ref == "apos") out += '\'';
        else if (ref.size() >= 2 && ref[0] == '#') {
            std::uint32_t cp = 0;
            const bool hex = ref[1] == 'x';
            const std::string_view digits = ref.substr(hex ? 2 : 1);
            if (digits.empty() || digits.size() > 7) return false;
            for (const char c : digits) {
                int d = -1;
                if (c >= '0' && c <= '9') d = c - '0';
                else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
                if (d < 0) return false;
                cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
            }
            const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
                                 (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed) return false;
            const char32_t c = cp;
            out += text::to_utf8(std::u32string_view(&c, 1));
        } else {
            return false;
        }
        return true;
    }

    /// An attribute value in quotes at p_, as libxml2 gives it: references replaced, a tab or a
    /// line feed written in it a space. Where it needs no change it stays in the input.
    bool value(std::string& buffer, const char*& from, const char*& to) {
        if (p_ == end_ || (*p_ != '"' && *p_ != '\'')) return false;
        const char quote = *p_++;
        const char* start = p_;
        bool plain = true;
        for (const char* q = p_; q < end_; ++q) {
            const auto c = static_cast<unsigned char>(*q);
            if (c == static_cast<unsigned char>(quote)) break;
            if (c == '&' || c == '\t' || c == '\n' || c == '<' || c < 0x20 || c >= 0x80) {
                plain = false;
                break;
            }
        }
        if (plain) {
            const char* q = static_cast<const char*>(std::memchr(p_, quote, static_cast<std::size_t>(end_ - p_)));
            if (q == nullptr || static_cast<std::size_t>(q - p_) > max_text) return false;
            from = start;
            to = q;
            p_ = q + 1;
            return true;
        }
        buffer.clear();
        while (true) {
            if (p_ == end_) return false;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == static_cast<unsigned char>(quote)) break;
            if (c == '&') {
                if (!reference(buffer)) return false;
            } else if (c == '\t' || c == '\n') {
                if (c == '\n') ++b_.fast_line;
                buffer += ' ';
                ++p_;
            } else if (c == '<' || c < 0x20) {
                return false;
            } else if (c >= 0x80) {
                const std::size_t n = utf8(p_, end_);
                if (n == 0) return false;
                buffer.append(p_, n);
                p_ += n;
            } else {
                buffer += static_cast<char>(c);
                ++p_;
            }
            if (buffer.size() > max_text) return false;
        }
        ++p_;
        from = buffer.data();
        to = buffer.data() + buffer.size();
        return true;
    }

    bool declaration() {
        // <?xml version="1.0" [encoding="UTF-8"] [standalone="yes"|"no"]?> and nothing else.
        p_ += 5;
        std::string buffer;
        const char* from = nullptr;
        const char* to = nullptr;
        bool version = false, encoding = false, standalone = false;
        while (true) {
            const char* before = p_;
            skip_space();
            if (starts("?>")) {
                p_ += 2;
                return version;
            }
            if (p_ == before) return false;
            std::string_view prefix, local;
            if (!qname(prefix, local) || !prefix.empty()) return false;
            skip_space();
            if (p_ == end_ || *p_ != '=') return false;
            ++p_;
            skip_space();
            if (!value(buffer, from, to) || from == buffer.data()) return false;  // no references here
            const std::string_view v(from, static_cast<std::size_t>(to - from));
            if (local == "version" && !version && !encoding && !standalone && v == "1.0") {
                version = true;
            } else if (local == "encoding" && version && !encoding && !standalone && (v == "UTF-8" || v == "utf-8")) {
                encoding = true;
            } else if (local == "standalone" && version && !standalone && (v == "yes" || v == "no")) {
                standalone = true;
            } else {
                return false;
            }
        }
    }

    /// Where `what` first occurs from `from` on, or null.
    const char* find(const char* from, std::string_view what) const {
        const std::string_view rest(from, static_cast<std::size_t>(end_ - from));
        const std::size_t at = rest.find(what);
        return at == std::string_view::npos ? nullptr : from + at;
    }

    bool comment() {
        p_ += 4;
        const char* from = p_;
        const char* close = find(from, "--");
        if (close == nullptr || close + 2 >= end_ || close[2] != '>') return false;  // «--» inside or no end
        if (!text_allowed(from, close)) return false;
        const std::string content(from, close);
        count_lines(from, close);
        p_ = close + 3;
        b_.on_comment(reinterpret_cast<const xmlChar*>(content.c_str()));
        return true;
    }

    bool instruction() {
        p_ += 2;
        std::string_view prefix, target;
        if (!qname(prefix, target) || !prefix.empty()) return false;
        if (target.size() >= 3 && (target[0] == 'x' || target[0] == 'X') && (target[1] == 'm' || target[1] == 'M') &&
            (target[2] == 'l' || target[2] == 'L')) {
            return false;
        }
        const std::string name(target);
        std::string data;
        if (starts("?>")) {
            p_ += 2;
        } else {
            if (p_ == end_ || !space(*p_)) return false;
            skip_space();
            const char* from = p_;
            const char* close = find(from, "?>");
            if (close == nullptr || !text_allowed(from, close)) return false;
            data.assign(from, close);
            count_lines(from, close);
            p_ = close + 2;
        }
        b_.on_instruction(reinterpret_cast<const xmlChar*>(name.c_str()), reinterpret_cast<const xmlChar*>(data.c_str()));
        return true;
    }

    /// Characters XML allows, as UTF-8 (no control characters but tab and line feed).
    static bool text_allowed(const char* from, const char* to) {
        for (const char* q = from; q < to;) {
            const auto c = static_cast<unsigned char>(*q);
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' && c != '\n') return false;
                ++q;
            } else {
                const std::size_t n = utf8(q, to);
                if (n == 0) return false;
                q += n;
            }
        }
        return true;
    }

    struct Open {
        std::string_view qname;  // as written, for its end tag
    };

    /// The root element and everything in it, without recursion.
    bool element() {
        std::vector<Open> open;
        std::vector<std::pair<const xmlChar*, const xmlChar*>> decls;  // prefix, URI
        std::vector<const xmlChar*> attrs;                              // five a attribute, as libxml2's
        std::deque<std::string> values;                                 // values that needed a change (stay put)
        std::vector<std::pair<std::string_view, std::size_t>> attr_prefix;
        const xmlChar* const xml_name = intern("xml");
        while (true) {
            // At '<' of a start tag.
            ++p_;
            const char* qstart = p_;
            std::string_view prefix, local;
            if (!qname(prefix, local)) return false;
            const std::string_view q(qstart, static_cast<std::size_t>(p_ - qstart));
            decls.clear();
            attrs.clear();
            attr_prefix.clear();
            std::size_t n_values = 0;
            bool empty = false;
            while (true) {
                const char* before = p_;
                skip_space();
                if (p_ == end_) return false;
                if (*p_ == '>') {
                    ++p_;
                    break;
                }
                if (*p_ == '/') {
                    if (p_ + 1 == end_ || p_[1] != '>') return false;
                    p_ += 2;
                    empty = true;
                    break;
                }
                if (p_ == before) return false;  // attributes not apart
                std::string_view aprefix, alocal;
                if (!qname(aprefix, alocal)) return false;
                skip_space();
                if (p_ == end_ || *p_ != '=') return false;
                ++p_;
                skip_space();
                if (n_values == values.size()) values.emplace_back();
                const char* from = nullptr;
                const char* to = nullptr;
                if (!value(values[n_values], from, to)) return false;
                if (from == values[n_values].data() && to != from) ++n_values;
                const std::string_view v(from, static_cast<std::size_t>(to - from));
                if ((aprefix.empty() && alocal == "xmlns") || aprefix == "xmlns") {
                    // The names libxml2 refuses to bind a prefix to, left to it.
                    if (v == "http://www.w3.org/XML/1998/namespace" || v == "http://www.w3.org/2000/xmlns/") return false;
                }
                if (aprefix.empty() && alocal == "xmlns") {
                    if (from == to) return false;  // a default namespace taken back: left to libxml2
                    decls.emplace_back(nullptr, uri(v));
                    if (decls.back().second == nullptr) return false;
                } else if (aprefix == "xmlns") {
                    if (from == to || alocal == "xml" || alocal == "xmlns") return false;
                    decls.emplace_back(intern(alocal), uri(v));
                    if (decls.back().second == nullptr) return false;
                } else {
                    attrs.push_back(intern(alocal));
                    attrs.push_back(nullptr);
                    attrs.push_back(nullptr);
                    attrs.push_back(reinterpret_cast<const xmlChar*>(from));
                    attrs.push_back(reinterpret_cast<const xmlChar*>(to));
                    attr_prefix.emplace_back(aprefix, attrs.size() - 5);
                }
            }
            // Declarations once each; attributes once each by local name (libxml2 refuses two
            // with the same name and namespace: two local names alike are left to it). Compared
            // pair by pair, so an element with hundreds of them is left to libxml2 too.
            if (attrs.size() > 5 * max_attributes || decls.size() > max_attributes) return false;
            for (std::size_t i = 0; i < decls.size(); ++i) {
                for (std::size_t j = 0; j < i; ++j) {
                    if (decls[i].first == decls[j].first) return false;
                }
            }
            for (std::size_t i = 0; i < attrs.size(); i += 5) {
                for (std::size_t j = 0; j < i; j += 5) {
                    if (attrs[i] == attrs[j]) return false;
                }
            }
            // Every prefix declared (here or around), «xml» only on attributes.
            auto declared = [&](const xmlChar* pfx) {
                for (const auto& d : decls) {
                    if (d.first == pfx) return true;
                }
                for (auto it = b_.ns.rbegin(); it != b_.ns.rend(); ++it) {
                    if (it->first == pfx) return true;
                }
                return false;
            };
            const xmlChar* eprefix = prefix.empty() ? nullptr : intern(prefix);
            if (eprefix != nullptr && (eprefix == xml_name || prefix == "xmlns" || !declared(eprefix))) return false;
            for (const auto& [ap, at] : attr_prefix) {
                if (ap.empty()) continue;
                const xmlChar* pfx = intern(ap);
                if (pfx != xml_name && !declared(pfx)) return false;
                attrs[at + 1] = pfx;
            }
            if (open.size() >= max_depth) return false;
            std::vector<const xmlChar*> ns_array;
            ns_array.reserve(decls.size() * 2);
            for (const auto& [pfx, uri] : decls) {
                ns_array.push_back(pfx);
                ns_array.push_back(uri);
            }
            b_.on_start(intern(local), eprefix, static_cast<int>(decls.size()), ns_array.data(), static_cast<int>(attrs.size() / 5),
                        attrs.data());
            if (empty) {
                b_.on_end();
                if (open.empty()) return true;
            } else {
                open.push_back(Open{q});
            }
            // Content up to the next start tag, or end tags until the root's.
            while (true) {
                if (!content()) return false;
                if (starts("</")) {
                    p_ += 2;
                    const char* from = p_;
                    std::string_view ep, el;
                    if (!qname(ep, el)) return false;
                    if (std::string_view(from, static_cast<std::size_t>(p_ - from)) != open.back().qname) return false;
                    skip_space();
                    if (p_ == end_ || *p_ != '>') return false;
                    ++p_;
                    b_.on_end();
                    open.pop_back();
                    if (open.empty()) return true;
                } else if (starts("<!--")) {
                    if (!comment()) return false;
                } else if (starts("<?")) {
                    if (!instruction()) return false;
                } else if (starts("<!")) {
                    return false;  // CDATA, or a declaration where none may be
                } else {
                    break;  // a start tag
                }
            }
        }
    }

    /// Character data up to the next '<', handed to the builder.
    bool content() {
        std::size_t total = 0;
        while (true) {
            const char* from = p_;
            while (p_ < end_) {
                const auto c = static_cast<unsigned char>(*p_);
                if (c == '<' || c == '&') break;
                if (c < 0x20) {
                    if (c == '\n') ++b_.fast_line;
                    else if (c != '\t') return false;
                    ++p_;
                } else if (c >= 0x80) {
                    const std::size_t n = utf8(p_, end_);
                    if (n == 0) return false;
                    p_ += n;
                } else if (c == '>' && p_ - from >= 2 && p_[-1] == ']' && p_[-2] == ']') {
                    return false;  // «]]>» in text
                } else {
                    ++p_;
                }
            }
            if (p_ == end_) return false;
            total += static_cast<std::size_t>(p_ - from);
            if (p_ > from) b_.on_characters(reinterpret_cast<const xmlChar*>(from), static_cast<int>(p_ - from));
            if (*p_ == '<') return total <= max_text;
            scratch_.clear();
            if (!reference(scratch_)) return false;
            // «]]>» across a reference is not the sequence; but «]]&gt;» is fine, as in libxml2.
            total += scratch_.size();
            b_.on_characters(reinterpret_cast<const xmlChar*>(scratch_.data()), static_cast<int>(scratch_.size()));
            if (total > max_text) return false;
        }
    }
};

void ignore_generic(void*, const char*, ...) {}

}  // namespace

std::shared_ptr<const xmlDoc> parse_tree_fast(const std::string& xml) {
    auto owned = std::make_unique<Owned>(xml.size() * 3 + 4096);
    Builder b;
    b.owned = owned.get();
    b.doc = owned->arena.make<xmlDoc>();
    b.doc->type = XML_DOCUMENT_NODE;
    b.doc->standalone = -1;
    b.doc->doc = b.doc;
    if (!FastParser(xml, b).run() || b.doc->children == nullptr) return nullptr;
    xmlDocPtr doc = b.doc;
    return std::shared_ptr<const xmlDoc>(doc, [owner = owned.release()](const xmlDoc*) { delete owner; });
}

std::shared_ptr<const xmlDoc> parse_tree_libxml2(const std::string& xml, const std::string& file, const std::string& part) {
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

std::shared_ptr<const xmlDoc> parse_tree(const std::string& xml, const std::string& file, const std::string& part) {
    if (xml.size() <= static_cast<std::size_t>(INT_MAX)) {
        if (auto doc = parse_tree_fast(xml)) return doc;
    }
    return parse_tree_libxml2(xml, file, part);
}

}  // namespace nastavnik::pdf
