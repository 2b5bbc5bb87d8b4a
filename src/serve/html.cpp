#include "serve/html.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"

#include <Poco/JSON/Array.h>

#include <algorithm>
#include <functional>

namespace nastavnik::serve {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

struct Templates::Node {
    enum class Kind { text, value, section, inverted, partial } kind = Kind::text;
    std::string text;  // literal text, or the name looked up
    std::vector<Node> children;
};

namespace {

using Node = Templates::Node;
using Poco::Dynamic::Var;

std::vector<Node> parse(const std::string& src, const std::string& file) {
    struct Open {
        std::vector<Node>* into;
        std::string name;
        int line;
    };
    std::vector<Node> root;
    std::vector<Open> stack;
    std::vector<Node>* cur = &root;
    std::size_t pos = 0;
    auto line_of = [&](std::size_t p) { return 1 + static_cast<int>(std::count(src.begin(), src.begin() + static_cast<long>(p), '\n')); };
    while (pos < src.size()) {
        const std::size_t open = src.find("{{", pos);
        if (open == std::string::npos) {
            cur->push_back(Node{Node::Kind::text, src.substr(pos), {}});
            break;
        }
        if (open > pos) cur->push_back(Node{Node::Kind::text, src.substr(pos, open - pos), {}});
        const std::size_t close = src.find("}}", open + 2);
        if (close == std::string::npos) {
            throw Error(ErrorCode::template_invalid, "не закрыт тег «{{»", InputLocation{file, line_of(open), 0, {}});
        }
        std::string tag = src.substr(open + 2, close - open - 2);
        pos = close + 2;
        auto trimmed = [](std::string s) {
            const auto b = s.find_first_not_of(" \t\n");
            const auto e = s.find_last_not_of(" \t\n");
            return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
        };
        if (tag.empty()) throw Error(ErrorCode::template_invalid, "пустой тег", InputLocation{file, line_of(open), 0, {}});
        const char sigil = tag[0];
        if (sigil == '!') continue;
        if (sigil == '{' || sigil == '&') {
            throw Error(ErrorCode::template_invalid, "вывод без экранирования не поддерживается",
                        InputLocation{file, line_of(open), 0, {}});
        }
        if (sigil == '#' || sigil == '^') {
            cur->push_back(Node{sigil == '#' ? Node::Kind::section : Node::Kind::inverted, trimmed(tag.substr(1)), {}});
            stack.push_back(Open{cur, cur->back().text, line_of(open)});
            cur = &cur->back().children;
        } else if (sigil == '/') {
            const std::string name = trimmed(tag.substr(1));
            if (stack.empty() || stack.back().name != name) {
                throw Error(ErrorCode::template_invalid,
                            "закрывающий тег «" + name + "» без открывающего" +
                                (stack.empty() ? std::string{} : " (открыт «" + stack.back().name + "»)"),
                            InputLocation{file, line_of(open), 0, {}});
            }
            cur = stack.back().into;
            stack.pop_back();
        } else if (sigil == '>') {
            cur->push_back(Node{Node::Kind::partial, trimmed(tag.substr(1)), {}});
        } else {
            cur->push_back(Node{Node::Kind::value, trimmed(tag), {}});
        }
    }
    if (!stack.empty()) {
        throw Error(ErrorCode::template_invalid, "не закрыт раздел «" + stack.back().name + "»",
                    InputLocation{file, stack.back().line, 0, {}});
    }
    return root;
}

// The context stack: innermost last. A name is looked up from the innermost context out;
// "a.b" finds a there and b inside it; "." is the innermost value itself.
Var lookup(const std::vector<Var>& stack, const std::string& name) {
    if (name == ".") return stack.back();
    const auto dot = name.find('.');
    const std::string head = name.substr(0, dot);
    Var found;
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        if (it->type() != typeid(Poco::JSON::Object::Ptr)) continue;
        const auto obj = it->extract<Poco::JSON::Object::Ptr>();
        if (obj && obj->has(head)) {
            found = obj->get(head);
            break;
        }
    }
    std::size_t from = dot;
    while (from != std::string::npos && !found.isEmpty()) {
        const auto next = name.find('.', from + 1);
        const std::string part = name.substr(from + 1, next == std::string::npos ? std::string::npos : next - from - 1);
        if (found.type() != typeid(Poco::JSON::Object::Ptr)) return {};
        const auto obj = found.extract<Poco::JSON::Object::Ptr>();
        found = obj && obj->has(part) ? obj->get(part) : Var{};
        from = next;
    }
    return found;
}

bool truthy(const Var& v) {
    if (v.isEmpty()) return false;
    if (v.type() == typeid(bool)) return v.extract<bool>();
    if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
        const auto a = v.extract<Poco::JSON::Array::Ptr>();
        return a && a->size() > 0;
    }
    if (v.type() == typeid(Poco::JSON::Object::Ptr)) return !v.extract<Poco::JSON::Object::Ptr>().isNull();
    if (v.isString()) return !v.extract<std::string>().empty();
    if (v.isNumeric()) return v.convert<double>() != 0;
    return true;
}

std::string scalar_text(const Var& v) {
    if (v.isEmpty()) return {};
    if (v.type() == typeid(Poco::JSON::Object::Ptr) || v.type() == typeid(Poco::JSON::Array::Ptr)) return {};
    if (v.type() == typeid(bool)) return v.extract<bool>() ? "да" : "нет";
    return v.convert<std::string>();
}

}  // namespace

Templates::Templates(const std::filesystem::path& dir) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".html") continue;
        templates_[entry.path().stem().string()] = parse(read_file(entry.path(), 1 << 20), entry.path().string());
    }
    if (ec || templates_.empty()) {
        throw Error(ErrorCode::io, "нет шаблонов страниц (*.html)", InputLocation{dir.string(), 0, 0, {}});
    }
    // Every partial must exist: found at start, not on the page a user opens.
    std::function<void(const std::vector<Node>&, const std::string&)> check = [&](const std::vector<Node>& nodes, const std::string& in) {
        for (const Node& n : nodes) {
            if (n.kind == Node::Kind::partial && !templates_.count(n.text)) {
                throw Error(ErrorCode::template_invalid, "нет шаблона «" + n.text + "»", InputLocation{in, 0, 0, {}});
            }
            check(n.children, in);
        }
    };
    for (const auto& [name, nodes] : templates_) check(nodes, name + ".html");
}

Templates::~Templates() = default;

std::string Templates::render(const std::string& name, const Poco::JSON::Object::Ptr& model) const {
    std::string out;
    std::vector<Var> stack{Var(model)};
    int depth = 0;
    std::function<void(const std::vector<Node>&)> walk = [&](const std::vector<Node>& nodes) {
        for (const Node& n : nodes) {
            switch (n.kind) {
                case Node::Kind::text: out += n.text; break;
                case Node::Kind::value: out += escape(scalar_text(lookup(stack, n.text))); break;
                case Node::Kind::partial: {
                    if (++depth > 16) throw Error(ErrorCode::internal, "шаблоны страниц включают друг друга по кругу: " + n.text);
                    walk(templates_.at(n.text));
                    --depth;
                    break;
                }
                case Node::Kind::inverted:
                    if (!truthy(lookup(stack, n.text))) walk(n.children);
                    break;
                case Node::Kind::section: {
                    const Var v = lookup(stack, n.text);
                    if (!truthy(v)) break;
                    if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
                        const auto a = v.extract<Poco::JSON::Array::Ptr>();
                        for (std::size_t i = 0; i < a->size(); ++i) {
                            stack.push_back(a->get(static_cast<unsigned>(i)));
                            walk(n.children);
                            stack.pop_back();
                        }
                    } else if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
                        stack.push_back(v);
                        walk(n.children);
                        stack.pop_back();
                    } else {
                        walk(n.children);
                    }
                    break;
                }
            }
        }
    };
    const auto it = templates_.find(name);
    if (it == templates_.end()) throw Error(ErrorCode::internal, "нет шаблона страницы «" + name + "»");
    walk(it->second);
    return out;
}

}  // namespace nastavnik::serve
