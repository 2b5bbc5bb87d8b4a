#include "nastavnik/input/json.hpp"

#include <cstdio>
#include <cstdlib>

namespace nastavnik::input {

namespace {

// The layout of Python's json.dumps(indent=2, ensure_ascii=False), which wrote the samples:
// a file imported from a workbook then compares with its source line by line.
void quoted(std::string& out, const std::string& s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (ch) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

void write(std::string& out, const JsonValue& v, int depth) {
    const auto indent = [&](int d) {
        out += '\n';
        out.append(static_cast<std::size_t>(2 * d), ' ');
    };
    switch (v.kind) {
        case JsonValue::Kind::null: out += "null"; return;
        case JsonValue::Kind::boolean:
        case JsonValue::Kind::number: out += v.scalar; return;
        case JsonValue::Kind::string: quoted(out, v.scalar); return;
        case JsonValue::Kind::array:
            if (v.items.empty()) {
                out += "[]";
                return;
            }
            out += '[';
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ',';
                indent(depth + 1);
                write(out, v.items[i], depth + 1);
            }
            indent(depth);
            out += ']';
            return;
        case JsonValue::Kind::object:
            if (v.members.empty()) {
                out += "{}";
                return;
            }
            out += '{';
            for (std::size_t i = 0; i < v.members.size(); ++i) {
                if (i) out += ',';
                indent(depth + 1);
                quoted(out, v.members[i].key);
                out += ": ";
                write(out, v.members[i].value, depth + 1);
            }
            indent(depth);
            out += '}';
            return;
    }
}

std::string shown(const JsonValue& v) {
    if (v.kind == JsonValue::Kind::object) return "объект";
    if (v.kind == JsonValue::Kind::array) return "массив из " + std::to_string(v.items.size());
    if (v.kind == JsonValue::Kind::null) return "null";
    return "«" + v.scalar + "»";
}

std::string difference(const JsonValue& a, const JsonValue& b, const std::string& path) {
    const auto at = [&](const std::string& what) { return (path.empty() ? std::string("корень") : path) + ": " + what; };
    if (a.kind != b.kind) return at(shown(a) + " и " + shown(b));
    switch (a.kind) {
        case JsonValue::Kind::number:
            if (std::strtod(a.scalar.c_str(), nullptr) != std::strtod(b.scalar.c_str(), nullptr)) return at(shown(a) + " и " + shown(b));
            return "";
        case JsonValue::Kind::string:
        case JsonValue::Kind::boolean:
            return a.scalar == b.scalar ? "" : at(shown(a) + " и " + shown(b));
        case JsonValue::Kind::null: return "";
        case JsonValue::Kind::array:
            if (a.items.size() != b.items.size()) return at(shown(a) + " и " + shown(b));
            for (std::size_t i = 0; i < a.items.size(); ++i) {
                if (auto d = difference(a.items[i], b.items[i], path + "[" + std::to_string(i) + "]"); !d.empty()) return d;
            }
            return "";
        case JsonValue::Kind::object:
            for (const auto& m : a.members) {
                const std::string sub = path.empty() ? m.key : path + "." + m.key;
                const JsonValue* other = b.find(m.key);
                if (other == nullptr) return sub + ": есть только в первом";
                if (auto d = difference(m.value, *other, sub); !d.empty()) return d;
            }
            for (const auto& m : b.members) {
                if (a.find(m.key) == nullptr) return (path.empty() ? m.key : path + "." + m.key) + ": есть только во втором";
            }
            return "";
    }
    return "";
}

}  // namespace

std::string first_difference(const JsonValue& a, const JsonValue& b) { return difference(a, b, ""); }

std::string to_json_text(const JsonValue& value) {
    std::string out;
    write(out, value, 0);
    out += '\n';
    return out;
}

}  // namespace nastavnik::input
