#pragma once
// Internal: an organisation's upload checked exactly as `nastavnik check` does, and the
// stored report turned into the model of its page.

#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/engine.hpp"
#include "serve/context.hpp"

namespace nastavnik::serve {

/// Reads an upload into the data tree with the CLI's hostile-input limits. Throws Error with
/// the Russian diagnostics (file name as the user named it, line, column).
data::DataTree read_submission(Service::Impl& svc, const store::Upload& u);

/// A stored submission checked again as it was (its date, the rulesets in force now): for the
/// act and the package, which need the findings themselves, not their stored report.
struct Checked {
    std::shared_ptr<const rules::Catalog> catalog;  // the findings point into its rulesets
    data::DataTree tree;
    rules::CheckResult result;
    Date as_of;
};
Checked check_again(Service::Impl& svc, const store::Submission& s);

/// Checks the upload on the service's date with the rulesets that apply, records the
/// submission (or the reasons it was not accepted) and returns its id.
Id check_and_record(Service::Impl& svc, Id user, const store::Organisation& org, const store::Upload& u,
                    const std::string& bytes, int year);

/// Adds "summary", "groups" (violations by severity, then not evaluable: each finding with
/// its title, message, place to fix, citations) and "problems" (a file not accepted) to `m`.
void report_model(const store::Submission& s, Model m);

Model submission_model_for(Service::Impl& svc, const store::Submission& s, const store::Organisation& o);
std::string mime_type(const std::string& file_name);

}  // namespace nastavnik::serve
