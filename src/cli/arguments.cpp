#include "cli/arguments.hpp"

#include "nastavnik/core/error.hpp"

#include <algorithm>

namespace nastavnik::cli {

Arguments::Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs) {
    bool only_positional = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (only_positional || a.size() < 2 || a.rfind("--", 0) != 0) {
            if (!only_positional && a.size() > 1 && a[0] == '-' && a != "-") {
                throw Error(ErrorCode::usage, "неизвестный параметр «" + a + "»; параметры пишутся полностью, например --out");
            }
            positional_.push_back(a);
            continue;
        }
        if (a == "--") { only_positional = true; continue; }
        std::string name = a.substr(2);
        std::optional<std::string> inline_value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inline_value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const auto spec = std::find_if(specs.begin(), specs.end(), [&](const OptionSpec& s) { return s.name == name; });
        if (spec == specs.end()) {
            std::string known;
            for (const auto& s : specs) known += (known.empty() ? "--" : ", --") + s.name;
            throw Error(ErrorCode::usage, "неизвестный параметр «--" + name + "»; допустимы: " + known);
        }
        if (!spec->repeatable && values_.count(name) != 0) {
            throw Error(ErrorCode::usage, "параметр «--" + name + "» указан дважды");
        }
        if (!spec->takes_value) {
            if (inline_value) throw Error(ErrorCode::usage, "параметр «--" + name + "» не принимает значения");
            values_.emplace(name, "");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size()) throw Error(ErrorCode::usage, "после «--" + name + "» нужно значение");
            inline_value = args[++i];
        }
        values_.emplace(name, *inline_value);
    }
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Arguments::values(const std::string& name) const {
    std::vector<std::string> out;
    for (auto [it, end] = values_.equal_range(name); it != end; ++it) out.push_back(it->second);
    return out;
}

}  // namespace nastavnik::cli
