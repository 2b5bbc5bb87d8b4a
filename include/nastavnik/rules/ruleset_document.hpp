#pragma once
// `ruleset doc`: a ruleset as a readable Russian document. The ruleset becomes a plain data
// tree that the ordinary template engine fills (templates/ruleset.docx).

#include "nastavnik/rules/ruleset.hpp"

#include <libxml/tree.h>

#include <filesystem>
#include <memory>
#include <string>

namespace nastavnik::rules {

struct XmlDocDeleter {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};

/// <ruleset><id/><version/><title/><layer/><applies/><valid_from/>[<valid_to/>]
///   <acts><act>…citation text…</act></acts>
///   <parameters><line level="1|2">…a parameter in words, or an item of its list…</line></parameters>
///   <rules><rule><id/><mode/><severity/><title/><citation/></rule></rules></ruleset>
std::unique_ptr<xmlDoc, XmlDocDeleter> ruleset_data_tree(const Ruleset& rs);

/// Fills `template_file` with the ruleset; returns DOCX bytes.
std::string ruleset_document(const Ruleset& rs, const std::filesystem::path& template_file);

}  // namespace nastavnik::rules
