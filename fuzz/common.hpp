#pragma once
// What the libFuzzer harnesses share: the project's sample data loaded once per process, a
// scratch folder for the parsers that read files, and the structure-aware mutators — XML
// changed as a tree (so that most mutants stay well-formed, and schema-valid inputs mostly
// stay valid) and DOCX packages whose XML parts are changed and zipped again (a flipped byte
// rarely survives deflate and the CRC).

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/catalog.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace fuzz {

/// The source tree (samples/, rulesets/, templates/).
std::filesystem::path source_dir();
/// A folder of this process, removed at exit.
const std::filesystem::path& scratch();
void write(const std::filesystem::path& file, std::string_view bytes);

/// samples/barnaul-gymnasium-compliant.json as a data tree.
const nastavnik::data::DataTree& sample_organisation();
/// samples/municipality-biysk/municipality.json as a data tree.
const nastavnik::data::DataTree& sample_municipality();
/// rulesets/ of the source tree.
const nastavnik::rules::Catalog& catalog();
/// The day the samples are checked on.
const nastavnik::Date& as_of();

/// Mutates XML text as a tree where it parses (values, text, elements duplicated, removed or
/// moved, tokens from `dictionary`), else its bytes. At most `max_size` bytes.
std::string mutate_xml(std::string xml, size_t max_size, unsigned seed, const std::vector<std::string>& dictionary);

/// Mutates one part of a zip package (an XML part as mutate_xml does, another part's bytes)
/// and zips it again; a package libzip cannot open gets its bytes mutated.
size_t mutate_package(uint8_t* data, size_t size, size_t max_size, unsigned seed, const std::vector<std::string>& dictionary);

}  // namespace fuzz
