#pragma once
// A small command-line parser: "--name value", "--name=value", flags, positional arguments.
// Every mistake is an Error(usage) with a Russian message.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace nastavnik::cli {

struct OptionSpec {
    std::string name;  // without "--"
    bool takes_value = true;
    bool repeatable = false;
};

class Arguments {
public:
    Arguments(const std::vector<std::string>& args, const std::vector<OptionSpec>& specs);

    [[nodiscard]] const std::vector<std::string>& positional() const noexcept { return positional_; }
    [[nodiscard]] bool flag(const std::string& name) const { return values_.count(name) != 0; }
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
    [[nodiscard]] std::vector<std::string> values(const std::string& name) const;

private:
    std::vector<std::string> positional_;
    std::multimap<std::string, std::string> values_;
};

}  // namespace nastavnik::cli
