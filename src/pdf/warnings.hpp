#pragma once
// Internal: what the renderer could not reproduce, each kind once per part — a 100 000-row
// table with an unsupported border must give one warning, not 100 000.

#include "nastavnik/core/error.hpp"

#include <set>
#include <string>
#include <vector>

namespace nastavnik::pdf {

class Warnings {
public:
    explicit Warnings(std::string file) : file_(std::move(file)) {}
    void add(const std::string& part, const std::string& message) {
        if (!seen_.insert(part + '\n' + message).second) return;
        items_.push_back(Diagnostic{InputLocation{file_, 0, 0, part}, message});
    }
    [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return items_; }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }

private:
    std::string file_;
    std::set<std::string> seen_;
    std::vector<Diagnostic> items_;
};

}  // namespace nastavnik::pdf
