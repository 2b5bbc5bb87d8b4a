#pragma once
// Internal: what `batch` writes for the municipality once every organisation is done — the
// summary, the table (CSV), the municipal order and the analytical report with charts, and
// last the manifest of every file of the run.

#include "nastavnik/batch/batch.hpp"
#include "nastavnik/rules/catalog.hpp"

namespace nastavnik::batch {

/// Also checks the municipality's own obligations and records the counts in `result`.
std::vector<WrittenFile> write_municipal(const MunicipalityInput& input, const std::vector<OrganisationResult>& organisations,
                                         const rules::Catalog& catalog, const Options& options, Result& result);

}  // namespace nastavnik::batch
