#pragma once
// Internal: a DOCX (zip) package in memory, read with limits that defuse hostile files, and
// rewritten with only the changed parts replaced — untouched entries are copied as they are
// (compressed bytes included), changed ones get a fixed time stamp: output is reproducible.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct zip;  // libzip's zip_t

namespace nastavnik::docx {

/// Named limits on hostile packages, with their reason.
struct PackageLimits {
    // A real DOCX has a few dozen parts; thousands of entries only cost us memory and time.
    static constexpr std::size_t max_entries = 2000;
    // The largest part we parse into a DOM (document.xml of a long document is a few MiB).
    static constexpr std::size_t max_entry_bytes = 64u << 20;
    // A zip bomb stops here: the sum of what the package may inflate to.
    static constexpr std::size_t max_total_bytes = 256u << 20;
    // The file itself; templates with many images stay far below.
    static constexpr std::size_t max_package_bytes = 128u << 20;
};

class Package {
public:
    /// Opens the zip from memory and checks every entry name and declared size. Throws
    /// Error(package_invalid) naming `display_name` and the entry.
    Package(std::string bytes, std::string display_name);

    [[nodiscard]] const std::vector<std::string>& entry_names() const noexcept { return names_; }
    [[nodiscard]] bool has(const std::string& entry) const;
    /// Inflates an entry. The limits are enforced on the bytes actually inflated, since
    /// declared sizes can lie: per entry, and in total over all reads of this package.
    /// Not for concurrent use on one Package (it counts what it inflated).
    [[nodiscard]] std::string read(const std::string& entry);
    /// The entry as stored in the zip (compressed), after its compression method: equal for
    /// two entries only if they inflate to the same content — a key for caches of parsed
    /// parts that costs no inflating. Throws like read().
    [[nodiscard]] std::string stored_form(const std::string& entry);
    [[nodiscard]] const std::string& bytes() const noexcept { return *bytes_; }
    [[nodiscard]] const std::string& name() const noexcept { return display_name_; }

    /// A copy of the package with `replacements` (entry → new content) written in place.
    [[nodiscard]] std::string with_replaced(const std::map<std::string, std::string>& replacements) const;

private:
    struct ArchiveClose {
        void operator()(zip* z) const noexcept;
    };
    // The archive stays open for the reads: libzip parses the whole central directory (and
    // calls mktime for every entry) on each open, which was a tenth of printing a short
    // document when every part reopened it. It reads the bytes in place, so they are held by
    // pointer: moving the Package leaves them where the archive expects them.
    std::unique_ptr<std::string> bytes_;
    std::string display_name_;
    std::vector<std::string> names_;
    std::size_t inflated_total_ = 0;
    std::unique_ptr<zip, ArchiveClose> archive_;
};

/// Entry names exactly as the central directory stores them (libzip shows a NUL as a space,
/// and a name with a NUL is read differently by different tools, so we check the raw bytes).
/// Empty if the central directory cannot be walked.
std::vector<std::string> raw_entry_names(const std::string& zip_bytes);

/// Why `name` is not acceptable as a package entry name, or "" if it is.
std::string entry_name_problem(const std::string& name);

}  // namespace nastavnik::docx
