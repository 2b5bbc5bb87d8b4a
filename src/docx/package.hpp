#pragma once
// Internal: a DOCX (zip) package in memory, read with limits that defuse hostile files, and
// rewritten with only the changed parts replaced — untouched entries are copied as they are
// (compressed bytes included), changed ones get a fixed time stamp: output is reproducible.

#include <cstddef>
#include <cstdint>
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

/// Writes `package` with the same set of entries replaced again and again, byte for byte as
/// Package::with_replaced would, without libzip: the untouched entries and the central
/// directory are taken once from a package libzip wrote, and each time only the replaced
/// entries are deflated (level 1, as libzip does) and the sizes, checksums and offsets patched
/// in. `prepare` renders a sample both ways and gives up (returns null) unless the two are
/// identical, so a libzip or zlib that writes differently only costs the speed.
class Rewriter {
public:
    /// `sample`: the entries to be replaced, each with some content (the original one will do).
    static std::unique_ptr<const Rewriter> prepare(const Package& package,
                                                   const std::map<std::string, std::string>& sample);
    /// `replacements` must name exactly the entries of the sample.
    [[nodiscard]] std::string write(const std::map<std::string, std::string>& replacements) const;

private:
    struct Entry {
        std::string name;
        std::string local_header;    // with the crc and sizes to patch
        std::string central_record;  // with the crc, sizes and offset to patch
    };
    struct Central {
        std::string bytes;  // a record of an untouched entry, as it is
        int replaced = -1;  // or the index into entries_
    };
    std::string prefix_;          // the untouched entries, local headers and data
    std::vector<Entry> entries_;  // the replaced ones, in the order they are written
    std::vector<Central> central_;
    std::string end_record_;      // with the size and offset of the central directory to patch
};

/// Entry names exactly as the central directory stores them (libzip shows a NUL as a space,
/// and a name with a NUL is read differently by different tools, so we check the raw bytes).
/// Empty if the central directory cannot be walked.
std::vector<std::string> raw_entry_names(const std::string& zip_bytes);

/// Why `name` is not acceptable as a package entry name, or "" if it is.
std::string entry_name_problem(const std::string& name);

}  // namespace nastavnik::docx
