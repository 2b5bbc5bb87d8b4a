#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace nastavnik::xpath {

namespace {

bool name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool name_char(char c) { return name_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.'; }

void add_unique(std::vector<std::string>& v, std::string s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

}  // namespace

bool is_core_function(std::string_view name) {
    static constexpr std::array<std::string_view, 33> core = {
        "last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
        "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
        "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
        "floor", "ceiling", "round",
        // node tests look like calls
        "node", "text", "comment", "processing-instruction",
        // axes are followed by "::", never "(", but keep the list honest about what it is
        "and", "or"};
    return std::find(core.begin(), core.end(), name) != core.end();
}

References references(std::string_view e) {
    References r;
    for (std::size_t i = 0; i < e.size();) {
        const char c = e[i];
        if (c == '"' || c == '\'') {  // skip a literal
            const std::size_t close = e.find(c, i + 1);
            i = close == std::string_view::npos ? e.size() : close + 1;
            continue;
        }
        if (c == '$') {
            std::size_t j = i + 1;
            while (j < e.size() && name_char(e[j])) ++j;
            if (j > i + 1) add_unique(r.variables, std::string(e.substr(i + 1, j - i - 1)));
            i = j;
            continue;
        }
        if (name_start(c) && (i == 0 || (!name_char(e[i - 1]) && e[i - 1] != '@' && e[i - 1] != ':'))) {
            std::size_t j = i;
            while (j < e.size() && (name_char(e[j]) || (e[j] == ':' && j + 1 < e.size() && e[j + 1] != ':' && name_start(e[j + 1])))) ++j;
            std::size_t k = j;
            while (k < e.size() && e[k] == ' ') ++k;
            if (k < e.size() && e[k] == '(') add_unique(r.functions, std::string(e.substr(i, j - i)));
            i = j;
            continue;
        }
        ++i;
    }
    return r;
}

}  // namespace nastavnik::xpath
