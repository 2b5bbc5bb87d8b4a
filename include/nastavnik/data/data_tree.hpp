#pragma once
// One organisation as a validated XML tree in memory: what rules and templates query with
// XPath (docs/CONTRACTS.md §2). Every element remembers where in the JSON it came from.

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/schema.hpp"
#include "nastavnik/input/json.hpp"

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace nastavnik::data {

class DataTree {
public:
    /// Validates against the organisation schema and builds the tree. Throws
    /// Error(data_invalid) with every problem found (file, line, column, field path).
    /// A tree read from a workbook passes the names of its places (sheet, cell, column title),
    /// which then stand in messages and findings for line and column.
    static DataTree from_json(const input::JsonValue& root, const std::string& file,
                              FileFormat format = organisation_file_format(),
                              std::shared_ptr<const input::SheetPlaces> places = nullptr);
    /// Reads, parses and validates a file (Error(io), Error(json_syntax), Error(data_invalid)).
    static DataTree load(const std::filesystem::path& file, FileFormat format = organisation_file_format());

    [[nodiscard]] xmlDocPtr doc() const noexcept { return doc_.get(); }
    [[nodiscard]] xmlNodePtr root() const noexcept { return xmlDocGetRootElement(doc_.get()); }
    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    /// The version of its format the file declared (1 for «nastavnik.organisation/1»).
    [[nodiscard]] int version() const noexcept { return version_; }

    /// The schema the file was read against (organisation_schema(), municipality_schema() …):
    /// what each element is, in words (Field::description).
    [[nodiscard]] const Type& schema() const noexcept { return schema_ != nullptr ? *schema_ : organisation_schema(); }

    /// A value of a list (an enumeration of the format) that was written otherwise than listed —
    /// letter case, dashes, spaces, Latin letters that look Cyrillic — and is held as listed.
    struct Reading {
        const xmlNode* node;
        std::string written;
    };
    [[nodiscard]] const std::vector<Reading>& readings() const noexcept { return readings_; }

    /// JSON path of the element or of its nearest element ancestor ("pairs[2].programme").
    /// The root is "".
    [[nodiscard]] std::string json_path(const xmlNode* node) const;
    /// File, line, column and JSON path of a node.
    [[nodiscard]] InputLocation location(const xmlNode* node) const;

    /// Text of /data/<section>/<field> ("" if absent): "organisation" in an organisation's
    /// file, "municipality" in a municipality's.
    [[nodiscard]] std::string field(const char* section, const char* field) const;
    /// Text of /data/organisation/<field> ("" if absent).
    [[nodiscard]] std::string organisation_field(const char* field) const { return this->field("organisation", field); }

private:
    struct FreeDoc {
        void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
    };
    struct Origin {
        input::TextPosition position;
        std::string path;
    };
    friend class TreeBuilder;

    std::unique_ptr<xmlDoc, FreeDoc> doc_;
    [[nodiscard]] InputLocation location_of(const input::TextPosition& p, const std::string& path) const;

    std::string file_;
    int version_ = 0;
    const Type* schema_ = nullptr;
    std::vector<Reading> readings_;
    std::shared_ptr<const input::SheetPlaces> places_;
    std::unordered_map<const xmlNode*, Origin> origins_;
};

/// Registers the "id" attributes under `node` (and its following siblings) as XML IDs of `doc`:
/// a copy of the data tree (xmlCopyDoc, xmlDocCopyNode) does not carry them over, and id() and
/// n:person() need them.
void register_ids(xmlDocPtr doc, xmlNodePtr node);

/// A copy of the tree's document with its ids registered: what a document adds computed parts
/// to without touching the data (the analytical report, the questionnaires).
struct DocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};
std::unique_ptr<xmlDoc, DocFree> copy_document(const DataTree& tree);

}  // namespace nastavnik::data
