#pragma once
// Internal: what `batch` writes for the municipality once every organisation is done — the
// summary, the table (CSV), the municipal order and the analytical report with charts, and
// last the manifest of every file of the run.

#include "nastavnik/batch/batch.hpp"
#include "nastavnik/rules/catalog.hpp"

namespace nastavnik::batch {

/// Throws Error(data_invalid) naming the file and line when the municipality records
/// amendments but no act introducing the system dated before `as_of` to make them in — before
/// any organisation is processed.
void check_amendments(const MunicipalityInput& input, const Date& as_of);

/// Also checks the municipality's own obligations and records the counts in `result`.
std::vector<WrittenFile> write_municipal(const MunicipalityInput& input, const std::vector<OrganisationResult>& organisations,
                                         const rules::Catalog& catalog, const Options& options, Result& result);

}  // namespace nastavnik::batch
