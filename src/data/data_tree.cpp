#include "nastavnik/data/data_tree.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/schema.hpp"
#include "nastavnik/core/date.hpp"
#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"

#include <libxml/valid.h>

#include <algorithm>
#include <map>
#include <string_view>

namespace nastavnik::data {

namespace {

using input::JsonValue;
using K = Type::Kind;

std::string quoted_value(const JsonValue& v) {
    if (v.kind == JsonValue::Kind::object || v.kind == JsonValue::Kind::array) return input::kind_name(v.kind);
    std::string s = v.scalar;
    if (s.size() > 60) s = s.substr(0, 57) + "…";
    return std::string(input::kind_name(v.kind)) + " «" + s + "»";
}

bool has_control_chars(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 && u != '\n' && u != '\t';
    });
}

}  // namespace

// Walks the JSON against the schema, building the XML tree and collecting every problem.
class TreeBuilder {
public:
    TreeBuilder(DataTree& tree, std::string file, FileFormat format)
        : tree_(tree), file_(std::move(file)), format_(format) {}

    void build(const JsonValue& root) {
        xmlDocPtr doc = xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0"));
        tree_.doc_.reset(doc);
        xmlNodePtr data = xmlNewDocNode(doc, nullptr, reinterpret_cast<const xmlChar*>("data"), nullptr);
        xmlDocSetRootElement(doc, data);
        remember(data, root.position, "");
        const Type& schema = *format_.schema;
        if (root.kind != JsonValue::Kind::object) {
            error(root.position, "", std::string("ожидается JSON-объект с полями ") + format_.what + ", получено " + quoted_value(root));
        } else if (const JsonValue* format = root.find("format");
                   format != nullptr &&
                   (format->kind != JsonValue::Kind::string || (version_ = format_version(format_, format->scalar)) == 0)) {
            std::string expected = "«" + std::string(format_.format) + "»";
            const int current = format_version(format_, format_.format);
            if (current > format_.oldest) {
                const std::string name(format_.format);
                expected += current - format_.oldest > 1 ? " (или одну из прежних версий: " : " (или прежнюю версию: ";
                for (int v = format_.oldest; v < current; ++v) {
                    expected += (v > format_.oldest ? ", «" : "«") + name.substr(0, name.rfind('/') + 1) + std::to_string(v) + "»";
                }
                expected += ")";
            }
            error(format->position, "format",
                  "неизвестный формат файла «" + (format->kind == JsonValue::Kind::string ? format->scalar : std::string(input::kind_name(format->kind))) + "»; ожидается " +
                      expected);
        } else {
            if (format == nullptr) version_ = format_version(format_, format_.format);
            // Only a file that may hold an earlier form is copied to be rewritten.
            JsonValue upgraded;
            const bool rewritten = format_.upgrade != nullptr && root.find("reporting_years") != nullptr &&
                                   format_.upgrade(upgraded = root);
            object(rewritten ? upgraded : root, schema, data, "");
            check_references();
            if (sink_.empty() && format_.validate != nullptr) format_.validate(tree_, sink_);
        }
        tree_.version_ = version_;
        tree_.schema_ = format_.schema;
        sink_.throw_if_any(ErrorCode::data_invalid);
    }

private:
    struct Reference {
        std::string id;
        std::string collection;
        input::TextPosition position;
        std::string path;
    };
    struct Identity {
        std::string collection;
        input::TextPosition position;
        std::string path;
    };

    void error(input::TextPosition p, const std::string& path, std::string message) {
        sink_.add(tree_.location_of(p, path), std::move(message));
    }

    void remember(xmlNodePtr node, input::TextPosition p, const std::string& path) {
        tree_.origins_[node] = DataTree::Origin{p, path};
    }

    static std::string child_path(const std::string& parent, const std::string& key) {
        return parent.empty() ? key : parent + "." + key;
    }

    xmlNodePtr element(xmlNodePtr parent, const std::string& name) {
        return xmlNewChild(parent, nullptr, reinterpret_cast<const xmlChar*>(name.c_str()), nullptr);
    }

    static void set_text(xmlNodePtr node, const std::string& text) {
        xmlAddChild(node, xmlNewText(reinterpret_cast<const xmlChar*>(text.c_str())));
    }

    void object(const JsonValue& v, const Type& type, xmlNodePtr node, const std::string& path) {
        // Keys seen so far: a sorted vector (objects have a few dozen keys at most; a map
        // allocated a node per key).
        std::vector<std::string_view> seen;
        seen.reserve(v.members.size());
        for (const auto& m : v.members) {
            const std::string mpath = child_path(path, m.key);
            const auto at = std::lower_bound(seen.begin(), seen.end(), std::string_view(m.key));
            const bool repeated = at != seen.end() && *at == m.key;
            if (!repeated) seen.insert(at, m.key);
            if (repeated) {
                error(m.key_position, mpath, "поле «" + m.key + "» указано дважды");
                continue;
            }
            const auto field = std::find_if(type.fields.begin(), type.fields.end(),
                                            [&](const Field& f) { return f.key == m.key; });
            if (field == type.fields.end()) {
                error(m.key_position, mpath, unknown_field_message(m.key, type));
                continue;
            }
            if (field->key == "id" && field->type.kind == K::id) {
                identifier(m.value, node, mpath, collection_of(path));
                continue;
            }
            if (field->key == "format") continue;  // checked before the walk
            if (field->since > version_) {
                const std::string name(format_.format);
                error(m.key_position, mpath,
                      "поле «" + m.key + "» есть в формате «" + name.substr(0, name.rfind('/') + 1) + std::to_string(field->since) +
                          "» и новее, а файл объявляет «" + name.substr(0, name.rfind('/') + 1) + std::to_string(version_) +
                          "»: укажите в поле format новую версию (прежние поля читаются в ней так же)");
                continue;
            }
            value(m.value, field->type, node, m.key, mpath);
        }
        for (const auto& f : type.fields) {
            if (f.required && !std::binary_search(seen.begin(), seen.end(), std::string_view(f.key))) {
                error(v.position, path, "нет обязательного поля «" + f.key + "» (" + f.description + ")");
            }
            // A file of an earlier version keeps the meaning its format gave a field left out
            // (one of a version before the field existed could not record it: the same).
            if (f.three_valued_since > version_ &&
                !std::binary_search(seen.begin(), seen.end(), std::string_view(f.key))) {
                JsonValue implied;
                implied.kind = f.type.kind == K::boolean ? JsonValue::Kind::boolean : JsonValue::Kind::string;
                implied.scalar = f.left_out_was;
                implied.position = v.position;
                value(implied, f.type, node, f.key, child_path(path, f.key));
            }
        }
    }

    static std::string unknown_field_message(const std::string& key, const Type& type) {
        std::string best;
        std::size_t best_distance = 3;  // suggest only close matches
        for (const auto& f : type.fields) {
            const std::size_t d = text::edit_distance(text::to_code_points(key), text::to_code_points(f.key));
            if (d < best_distance) { best_distance = d; best = f.key; }
        }
        std::string msg = "неизвестное поле «" + key + "»";
        if (!best.empty()) return msg + "; возможно, имелось в виду «" + best + "»";
        msg += "; допустимые поля: ";
        for (std::size_t i = 0; i < type.fields.size(); ++i) msg += (i ? ", " : "") + type.fields[i].key;
        return msg;
    }

    // "staff[3]" → "staff": the collection an id belongs to.
    static std::string collection_of(const std::string& path) {
        const auto bracket = path.rfind('[');
        std::string c = bracket == std::string::npos ? path : path.substr(0, bracket);
        const auto dot = c.rfind('.');
        return dot == std::string::npos ? c : c.substr(dot + 1);
    }

    void identifier(const JsonValue& v, xmlNodePtr node, const std::string& path, const std::string& collection) {
        if (v.kind != JsonValue::Kind::string || v.scalar.empty() ||
            v.scalar.find_first_of(" \t\r\n") != std::string::npos || has_control_chars(v.scalar)) {
            error(v.position, path, "ожидается идентификатор (непустая строка без пробелов), получено " + quoted_value(v));
            return;
        }
        if (auto it = ids_.find(v.scalar); it != ids_.end()) {
            error(v.position, path,
                  "идентификатор «" + v.scalar + "» уже использован: " + it->second.path + " (строка " +
                      std::to_string(it->second.position.line) + ")");
            return;
        }
        ids_.emplace(v.scalar, Identity{collection, v.position, path});
        xmlAttrPtr attr = xmlNewProp(node, reinterpret_cast<const xmlChar*>("id"),
                                     reinterpret_cast<const xmlChar*>(v.scalar.c_str()));
        xmlAddID(nullptr, tree_.doc(), reinterpret_cast<const xmlChar*>(v.scalar.c_str()), attr);
    }

    void value(const JsonValue& v, const Type& type, xmlNodePtr parent, const std::string& name,
               const std::string& path) {
        if (type.nullable && v.kind == JsonValue::Kind::null) {
            xmlNodePtr node = element(parent, name);
            xmlNewProp(node, reinterpret_cast<const xmlChar*>("nil"), reinterpret_cast<const xmlChar*>("true"));
            remember(node, v.position, path);
            return;
        }
        switch (type.kind) {
            case K::object: {
                if (v.kind != JsonValue::Kind::object) return mismatch(v, type, path);
                xmlNodePtr node = element(parent, name);
                remember(node, v.position, path);
                object(v, type, node, path);
                return;
            }
            case K::array: {
                if (v.kind != JsonValue::Kind::array) return mismatch(v, type, path);
                xmlNodePtr node = element(parent, name);
                remember(node, v.position, path);
                if (v.items.size() < type.min_items) {
                    error(v.position, path, "массив не может быть пустым");
                }
                if (type.max_items != 0 && v.items.size() > type.max_items) {
                    // Its items are not looked at: a hostile file would get an error for each.
                    return error(v.position, path,
                                 "слишком много элементов: " + std::to_string(v.items.size()) + ", допускается не более " +
                                     std::to_string(type.max_items));
                }
                for (std::size_t i = 0; i < v.items.size(); ++i) {
                    value(v.items[i], *type.item, node, type.item_name, path + "[" + std::to_string(i) + "]");
                }
                return;
            }
            case K::boolean: {
                if (v.kind != JsonValue::Kind::boolean) return mismatch(v, type, path);
                xmlNodePtr node = element(parent, name);
                set_text(node, v.scalar);
                remember(node, v.position, path);
                return;
            }
            case K::number: {
                if (v.kind != JsonValue::Kind::number || v.scalar.starts_with('-')) return mismatch(v, type, path);
                if (!type.values.empty() && std::none_of(type.values.begin(), type.values.end(), [&](const std::string& a) {
                        return std::stod(a) == std::stod(v.scalar);
                    })) {
                    return mismatch(v, type, path);
                }
                xmlNodePtr node = element(parent, name);
                set_text(node, v.scalar);
                remember(node, v.position, path);
                return;
            }
            case K::answer: {
                // A score, a percentage, a count — or «да»/«нет».
                const bool number = v.kind == JsonValue::Kind::number && !v.scalar.starts_with('-');
                const bool yes_no = v.kind == JsonValue::Kind::string && (v.scalar == "да" || v.scalar == "нет");
                if (!number && !yes_no) return mismatch(v, type, path);
                xmlNodePtr node = element(parent, name);
                set_text(node, v.scalar);
                remember(node, v.position, path);
                return;
            }
            case K::date_or_null:
                if (v.kind == JsonValue::Kind::null) {
                    xmlNodePtr node = element(parent, name);
                    xmlNewProp(node, reinterpret_cast<const xmlChar*>("nil"), reinterpret_cast<const xmlChar*>("true"));
                    remember(node, v.position, path);
                    return;
                }
                [[fallthrough]];
            default:
                scalar(v, type, parent, name, path);
        }
    }

    void mismatch(const JsonValue& v, const Type& type, const std::string& path) {
        error(v.position, path, "ожидается " + expectation(type) + ", получено " + quoted_value(v));
    }

    void scalar(const JsonValue& v, const Type& type, xmlNodePtr parent, const std::string& name,
                const std::string& path) {
        if (v.kind != JsonValue::Kind::string) return mismatch(v, type, path);
        const std::string& s = v.scalar;
        if (has_control_chars(s)) {
            error(v.position, path, "строка содержит недопустимый управляющий символ");
            return;
        }
        switch (type.kind) {
            case K::string:
            case K::id:
                if (s.find_first_not_of(" \t\n") == std::string::npos) {
                    error(v.position, path, "ожидается непустая строка");
                    return;
                }
                break;
            case K::date:
            case K::date_or_null:
                if (!Date::parse_iso(s)) {
                    const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-';
                    error(v.position, path,
                          shaped ? "такой даты не существует: «" + s + "»"
                                 : "ожидается дата в формате ГГГГ-ММ-ДД, получено «" + s + "»");
                    return;
                }
                break;
            case K::constant:
                if (s != type.values.front()) {
                    error(v.position, path, "недопустимое значение «" + s + "»; ожидается " + expectation(type));
                    return;
                }
                break;
            case K::enumeration:
                if (std::find(type.values.begin(), type.values.end(), s) == type.values.end()) {
                    return listed_value(v, type, parent, name, path);
                }
                break;
            case K::ref:
                references_.push_back(Reference{s, type.ref_collection, v.position, path});
                break;
            case K::academic_year: {
                // "2025/2026": the year that starts on 1 September 2025.
                const bool shaped = s.size() == 9 && s[4] == '/' &&
                                    std::all_of(s.begin(), s.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
                                    std::all_of(s.begin() + 5, s.end(), [](char c) { return c >= '0' && c <= '9'; });
                if (!shaped || std::stoi(s.substr(5)) != std::stoi(s.substr(0, 4)) + 1 || std::stoi(s.substr(0, 4)) < 1900) {
                    error(v.position, path, "ожидается учебный год в виде ГГГГ/ГГГГ (два года подряд), получено «" + s + "»");
                    return;
                }
                break;
            }
            default:
                break;
        }
        xmlNodePtr node = element(parent, name);
        set_text(node, s);
        remember(node, v.position, path);
    }

    // A value of a list written as a person types it — another letter case, a dash or spaces of
    // its own, a Latin letter that looks Cyrillic — is the listed value (the tree holds that
    // value; the check reports what was read differently). A value a few letters away from one
    // is an error that names it; anything else, an error that lists them all.
    void listed_value(const JsonValue& v, const Type& type, xmlNodePtr parent, const std::string& name, const std::string& path) {
        const std::string key = text::canonical_form(v.scalar);
        const std::u32string key_points = text::to_code_points(key);
        const std::string* nearest = nullptr;
        std::size_t nearest_distance = 0;
        for (const auto& value : type.values) {
            const std::string value_key = text::canonical_form(value);
            if (value_key == key) {
                xmlNodePtr node = element(parent, name);
                set_text(node, value);
                remember(node, v.position, path);
                tree_.readings_.push_back(DataTree::Reading{node, v.scalar});
                return;
            }
            const std::u32string points = text::to_code_points(value_key);
            const std::size_t d = text::edit_distance(key_points, points);
            // A slip of a letter or two — more in a long phrase, never half of a short word.
            const std::size_t allowed = points.size() < 4 ? 0 : std::max<std::size_t>(1, std::min<std::size_t>(3, points.size() / 8));
            if (d > 0 && d <= allowed && (nearest == nullptr || d < nearest_distance)) {
                nearest = &value;
                nearest_distance = d;
            }
        }
        if (nearest != nullptr) {
            error(v.position, path, "недопустимое значение «" + v.scalar + "»; возможно, имелось в виду «" + *nearest + "»? Ожидается " +
                                        expectation(type));
            return;
        }
        error(v.position, path, "недопустимое значение «" + v.scalar + "»; ожидается " + expectation(type));
    }

    void check_references() {
        for (const auto& r : references_) {
            const auto it = ids_.find(r.id);
            const bool programme = r.collection == "programmes";
            const char* what = r.collection == "staff" ? "сотрудника" : programme ? "наставнической пары или группы" : "документа";
            const char* where = r.collection == "staff" ? "staff" : programme ? "pairs или groups" : "acts";
            if (it == ids_.end()) {
                error(r.position, r.path, std::string("нет ") + what + " с идентификатором «" + r.id + "» в " + where);
            } else if (programme ? it->second.collection != "pairs" && it->second.collection != "groups"
                                 : it->second.collection != r.collection) {
                error(r.position, r.path,
                      "«" + r.id + "» — идентификатор из " + it->second.collection + ", а ожидается " + what +
                          " из " + where);
            }
        }
    }

    DataTree& tree_;
    std::string file_;
    FileFormat format_;
    int version_ = 0;  // of the file being read
    DiagnosticSink sink_;
    std::map<std::string, Identity> ids_;
    std::vector<Reference> references_;
};

DataTree DataTree::from_json(const input::JsonValue& root, const std::string& file, FileFormat format,
                             std::shared_ptr<const input::SheetPlaces> places) {
    DataTree tree;
    tree.file_ = file;
    tree.places_ = std::move(places);
    TreeBuilder(tree, file, format).build(root);
    return tree;
}

DataTree DataTree::load(const std::filesystem::path& file, FileFormat format) {
    return from_json(input::read_json_file(file), file.string(), format);
}

std::string DataTree::json_path(const xmlNode* node) const {
    for (const xmlNode* n = node; n != nullptr; n = n->parent) {
        if (n->type == XML_ATTRIBUTE_NODE || n->type == XML_TEXT_NODE) continue;
        if (auto it = origins_.find(n); it != origins_.end()) return it->second.path;
    }
    return "";
}

InputLocation DataTree::location_of(const input::TextPosition& p, const std::string& path) const {
    InputLocation where{file_, p.line, p.column, path};
    if (p.sheet > 0 && places_) where.place = places_->describe(p);
    return where;
}

InputLocation DataTree::location(const xmlNode* node) const {
    for (const xmlNode* n = node; n != nullptr; n = n->parent) {
        if (auto it = origins_.find(n); it != origins_.end()) return location_of(it->second.position, it->second.path);
    }
    return InputLocation{file_, 1, 1, ""};
}

std::string DataTree::field(const char* section, const char* field) const {
    for (xmlNodePtr c = root()->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>(section))) continue;
        for (xmlNodePtr f = c->children; f; f = f->next) {
            if (f->type == XML_ELEMENT_NODE && xmlStrEqual(f->name, reinterpret_cast<const xmlChar*>(field))) {
                xmlChar* s = xmlNodeGetContent(f);
                std::string out = s ? reinterpret_cast<const char*>(s) : "";
                xmlFree(s);
                return out;
            }
        }
    }
    return "";
}

void register_ids(xmlDocPtr doc, xmlNodePtr node) {
    for (xmlNodePtr n = node; n != nullptr; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (xmlAttrPtr a = xmlHasProp(n, reinterpret_cast<const xmlChar*>("id"))) {
            xmlChar* v = xmlNodeGetContent(reinterpret_cast<xmlNodePtr>(a));
            if (v != nullptr) xmlAddID(nullptr, doc, v, a);
            xmlFree(v);
        }
        register_ids(doc, n->children);
    }
}

std::unique_ptr<xmlDoc, DocFree> copy_document(const DataTree& tree) {
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCopyDoc(tree.doc(), 1));
    register_ids(doc.get(), xmlDocGetRootElement(doc.get()));
    return doc;
}

}  // namespace nastavnik::data
