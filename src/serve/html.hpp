#pragma once
// Internal: the one way a page becomes HTML. Templates (web/templates/*.html) are logic-less,
// mustache-like: {{a.b}} prints a value of the model escaped for HTML (text and attribute
// values alike), {{#x}}…{{/x}} repeats for a list, enters an object or shows when x is true /
// non-empty, {{^x}}…{{/x}} shows when it is not, {{>name}} includes another template,
// {{! … }} is a comment. There is deliberately no form that prints a value unescaped: every
// byte of the page that is not template text went through escape().
//
// The model is the same JSON object the API returns for the route (docs/ru/api.md), so a page
// and its API answer cannot disagree about what a user may see.

#include <Poco/JSON/Object.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::serve {

/// & < > " ' as character references.
std::string escape(std::string_view text);

class Templates {
public:
    /// Parses every *.html of `dir`. Throws Error(template_invalid) naming file and line of
    /// an unclosed or mismatched section, an unknown partial.
    explicit Templates(const std::filesystem::path& dir);
    ~Templates();

    /// Renders template `name` (file name without .html). Throws Error(internal) if unknown.
    [[nodiscard]] std::string render(const std::string& name, const Poco::JSON::Object::Ptr& model) const;

    struct Node;

private:
    std::map<std::string, std::vector<Node>> templates_;
};

}  // namespace nastavnik::serve
