#pragma once
// Internal: a DOCX (zip) package in memory, read with limits that defuse hostile files, and
// rewritten with only the changed parts replaced — untouched entries are copied as they are.

#include <map>
#include <string>
#include <vector>

namespace nastavnik::docx {

/// Named limits on hostile packages, with their reason.
struct PackageLimits {
    static constexpr std::size_t max_entries = 2000;                  // a real DOCX has tens
    static constexpr std::size_t max_entry_bytes = 64u << 20;         // the largest part we parse
    static constexpr std::size_t max_total_bytes = 256u << 20;        // a zip bomb stops here
    static constexpr std::size_t max_package_bytes = 128u << 20;      // the file itself
};

class Package {
public:
    /// Opens the zip from memory and checks every entry name and size. Throws
    /// Error(package_invalid) naming `display_name` and the entry.
    Package(std::string bytes, std::string display_name);

    [[nodiscard]] const std::vector<std::string>& entry_names() const noexcept { return names_; }
    [[nodiscard]] bool has(const std::string& entry) const;
    /// Reads an entry, enforcing the size limits on the bytes actually inflated.
    [[nodiscard]] std::string read(const std::string& entry) const;
    [[nodiscard]] const std::string& bytes() const noexcept { return bytes_; }
    [[nodiscard]] const std::string& name() const noexcept { return display_name_; }

    /// A copy of the package with `replacements` (entry → new content) written in place, with a
    /// fixed modification time so that output is byte-identical run after run.
    [[nodiscard]] std::string with_replaced(const std::map<std::string, std::string>& replacements) const;

private:
    std::string bytes_;
    std::string display_name_;
    std::vector<std::string> names_;
};

}  // namespace nastavnik::docx
