#include "rules/xml_loading.hpp"

#include "nastavnik/core/xml_errors.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <string>

namespace nastavnik::rules {

namespace {

// libxml2 2.9's schema validity messages, in the words of a lawyer who edits a ruleset: the
// element (without the namespace), the attribute, the value and what the schema expects. A
// message of another shape keeps libxml2's text. Parsed by hand, not with std::regex, whose
// recursion a hostile multi-megabyte value would overflow.

std::string local_name(std::string_view qname) {  // "{urn:…}note" → "note"
    const auto brace = qname.rfind('}');
    return std::string(brace == std::string_view::npos ? qname : qname.substr(brace + 1));
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

// A value as the message quotes it: a long one cut (at a character boundary) with «…».
std::string quoted(std::string_view value) {
    constexpr size_t limit = 80;
    if (value.size() <= limit) return "«" + std::string(value) + "»";
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    return "«" + std::string(value.substr(0, cut)) + "…»";
}

// "Expected is ( {ns}a )." → "<a>"; "Expected is one of ( {ns}a, {ns}b )." → "один из элементов: <a>, <b>".
std::string expected_elements(std::string_view text) {
    const auto open = text.find('(');
    const auto close = text.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return "";
    std::string_view list = text.substr(open + 1, close - open - 1);
    std::string names;
    int count = 0;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string name = trimmed(local_name(list.substr(0, comma)));
        if (!name.empty()) {
            names += (count++ > 0 ? ", <" : "<") + name + ">";
        }
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    if (count == 0) return "";
    return (count > 1 ? "один из элементов: " : "") + names;
}

// What a value of a type (or a pattern) of our schemas looks like, in words.
std::string type_in_words(std::string_view type) {
    const std::string name = type.starts_with('{') ? local_name(type) : std::string(type);
    if (name == "xs:date") return "дата в виде ГГГГ-ММ-ДД";
    if (name == "nonEmpty" || name == ".*\\S.*") return "непустой текст";
    if (name == "ruleId" || name == "[A-Z]{2,5}(-[A-Z0-9]+)+") {
        return "идентификатор правила из заглавных латинских букв и цифр через дефис (например, PD-CNS-01), "
               "не повторяющийся в наборе";
    }
    if (name == "parameterName" || name == "[a-z][a-z0-9_]*") {
        return "имя из строчных латинских букв, цифр и знака «_», начинающееся с буквы";
    }
    if (name == "xs:ID") return "идентификатор, не повторяющийся в файле";
    if (name == "xs:IDREF") return "идентификатор, объявленный в этом файле";
    if (name == "xs:integer" || name == "xs:int" || name == "xs:nonNegativeInteger") return "целое число";
    if (name == "xs:boolean") return "true или false";
    return "значение типа " + name;
}

// `text` = prefix + X + suffix: X; else nullopt. X is found by the last occurrence of the suffix.
std::optional<std::string_view> between(std::string_view text, std::string_view prefix, std::string_view suffix) {
    if (!text.starts_with(prefix) || !text.ends_with(suffix) || text.size() < prefix.size() + suffix.size()) return std::nullopt;
    return text.substr(prefix.size(), text.size() - prefix.size() - suffix.size());
}

std::string schema_message(const std::string& english) {
    std::string_view rest(english);
    if (!rest.starts_with("Element '")) return english;
    rest.remove_prefix(std::string_view("Element '").size());
    auto q = rest.find('\'');
    if (q == std::string_view::npos) return english;
    const std::string element = "<" + local_name(rest.substr(0, q)) + ">";
    rest.remove_prefix(q + 1);
    std::string attribute;
    if (rest.starts_with(", attribute '")) {
        rest.remove_prefix(std::string_view(", attribute '").size());
        q = rest.find('\'');
        if (q == std::string_view::npos) return english;
        attribute = std::string(rest.substr(0, q));
        rest.remove_prefix(q + 1);
    }
    if (!rest.starts_with(": ")) return english;
    rest.remove_prefix(2);
    const std::string what = attribute.empty() ? "элемент " + element : "атрибут " + attribute + " элемента " + element;

    if (rest.starts_with("This element is not expected.")) {
        const std::string expected = expected_elements(rest);
        return "элемент " + element + " здесь не допускается" + (expected.empty() ? "" : "; ожидается " + expected);
    }
    if (rest.starts_with("Missing child element(s).")) {
        const std::string expected = expected_elements(rest);
        return "в элементе " + element + " не хватает вложенного элемента" + (expected.empty() ? "" : "; ожидается " + expected);
    }
    if (auto name = between(rest, "The attribute '", "' is required but missing.")) {
        return "у элемента " + element + " нет обязательного атрибута " + std::string(*name);
    }
    if (auto name = between(rest, "The attribute '", "' is not allowed.")) {
        return "у элемента " + element + " не может быть атрибута " + std::string(*name);
    }
    if (auto body = between(rest, "[facet 'enumeration'] The value '", "}.")) {
        constexpr std::string_view of_set = "' is not an element of the set {";
        const auto sep = body->rfind(of_set);
        if (sep != std::string_view::npos) {
            std::string_view set = body->substr(sep + of_set.size());
            std::string allowed;
            while (!set.empty()) {  // "'a', 'b'" → "«a», «b»"
                const auto comma = set.find("', '");
                std::string_view item = set.substr(0, comma);
                if (item.starts_with('\'')) item.remove_prefix(1);
                if (comma == std::string_view::npos && item.ends_with('\'')) item.remove_suffix(1);
                allowed += (allowed.empty() ? "«" : ", «") + std::string(item) + "»";
                if (comma == std::string_view::npos) break;
                set.remove_prefix(comma + std::string_view("', ").size());
            }
            return what + ": значение " + quoted(body->substr(0, sep)) + " не из числа допустимых (" + allowed + ")";
        }
    }
    if (auto body = between(rest, "[facet 'pattern'] The value '", "'.")) {
        constexpr std::string_view by_pattern = "' is not accepted by the pattern '";
        const auto sep = body->rfind(by_pattern);
        if (sep != std::string_view::npos) {
            return what + ": значение " + quoted(body->substr(0, sep)) + " не подходит; ожидается " +
                   type_in_words(body->substr(sep + by_pattern.size()));
        }
    }
    if (auto body = between(rest, "[facet 'minLength'] The value has a length of '", "'.")) {
        constexpr std::string_view minimum = "minimum length of '";
        const auto sep = body->rfind(minimum);
        if (sep != std::string_view::npos) {
            const std::string min(body->substr(sep + minimum.size()));
            return what + (min == "1" ? ": значение не может быть пустым"
                                      : ": значение короче допустимого; нужно не менее " + min + " знаков");
        }
    }
    if (auto body = between(rest, "'", "'.")) {
        for (std::string_view kind : {"' is not a valid value of the atomic type '", "' is not a valid value of the local atomic type '"}) {
            const auto sep = body->rfind(kind);
            if (sep != std::string_view::npos) {
                return what + ": значение " + quoted(body->substr(0, sep)) + " не подходит; ожидается " +
                       type_in_words(body->substr(sep + kind.size()));
            }
        }
    }
    if (rest == "Character content other than whitespace is not allowed because the content type is 'element-only'.") {
        return "в элементе " + element + " не допускается текст, только вложенные элементы";
    }
    if (rest == "No matching global declaration available for the validation root.") {
        return "элемент " + element + " не может быть корневым элементом этого файла";
    }
    return english;
}

struct Capture {
    DiagnosticSink* sink;
    std::string file;
    static void handler(void* data, xmlError* e) {
        auto* self = static_cast<Capture*>(data);
        if (e == nullptr || e->level == XML_ERR_WARNING) return;
        std::string msg = e->message ? xml_error_text(e->message) : "ошибка XML";
        if (e->domain == XML_FROM_SCHEMASV) msg = schema_message(msg);
        const char* prefix = e->domain == XML_FROM_SCHEMASV ? "не соответствует схеме набора правил: "
                                                            : "ошибка XML: ";
        self->sink->add(InputLocation{self->file, e->line, e->int2, {}}, prefix + msg);
    }
};

}  // namespace

XmlDocPtr read_xml_file(const std::filesystem::path& file, DiagnosticSink& sink) {
    Capture capture{&sink, file.string()};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    xmlSetStructuredErrorFunc(&capture, &Capture::handler);
    xmlDocPtr doc = xmlCtxtReadFile(ctxt, file.c_str(), "UTF-8", XML_PARSE_NONET | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlFreeParserCtxt(ctxt);
    if (doc == nullptr && sink.empty()) {
        sink.add(InputLocation{file.string(), 0, 0, {}}, "не удаётся прочитать файл");
    }
    if (doc != nullptr && doc->intSubset != nullptr) {
        sink.add(InputLocation{file.string(), 1, 0, {}}, "объявление DOCTYPE не допускается");
        xmlFreeDoc(doc);
        return nullptr;
    }
    return XmlDocPtr(doc);
}

bool validate_with_schema(xmlDocPtr doc, const std::filesystem::path& file,
                          const std::filesystem::path& schema_file, DiagnosticSink& sink) {
    // Compiled schemas are immutable and shared by all loads.
    struct SchemaFree {
        void operator()(xmlSchemaPtr s) const noexcept { xmlSchemaFree(s); }
    };
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<xmlSchema, SchemaFree>> cache;
    xmlSchemaPtr schema = nullptr;
    {
        std::lock_guard lock(mutex);
        auto& slot = cache[schema_file.string()];
        if (slot == nullptr) {
            DiagnosticSink schema_errors;
            Capture capture{&schema_errors, schema_file.string()};
            xmlSetStructuredErrorFunc(&capture, &Capture::handler);
            xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt(schema_file.c_str());
            slot.reset(xmlSchemaParse(pctxt));
            xmlSchemaFreeParserCtxt(pctxt);
            xmlSetStructuredErrorFunc(nullptr, nullptr);
            if (slot == nullptr) {
                sink.add(InputLocation{schema_file.string(), 0, 0, {}}, "не удаётся загрузить XSD-схему наборов правил");
                return false;
            }
        }
        schema = slot.get();
    }
    Capture capture{&sink, file.string()};
    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vctxt, &Capture::handler, &capture);
    const int rc = xmlSchemaValidateDoc(vctxt, doc);
    xmlSchemaFreeValidCtxt(vctxt);
    return rc == 0;
}

bool named(xmlNodePtr n, const char* name) {
    return n != nullptr && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::vector<std::string> attr_list(xmlNodePtr n, const char* name) {
    const std::string list = attr(n, name);
    std::vector<std::string> words;
    for (std::size_t start = 0; start < list.size();) {
        const std::size_t end = list.find_first_of(" \t\r\n", start);
        std::string word = list.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (!word.empty()) words.push_back(std::move(word));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return words;
}

std::string collapsed_text(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    std::string raw = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    std::string out;
    bool space = false;
    for (char c : raw) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out += c;
        }
    }
    return out;
}

}  // namespace nastavnik::rules
