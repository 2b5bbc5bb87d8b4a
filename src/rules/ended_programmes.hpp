#pragma once
// Internal: which findings concern only programmes that ended before the academic year of a
// report — history that can be taken into account but not put right — so that the analytical
// справка and the inspection act treat them alike (review 6, R2, R3; act item 7).

#include "nastavnik/core/date.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/engine.hpp"
#include "rules/subjects.hpp"

#include <libxml/tree.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace nastavnik::rules {

/// A pair's or a group's programme dates (either may be missing).
struct ProgrammeDates {
    std::optional<Date> start, end;
};
ProgrammeDates programme_dates(const xmlNode* pair_or_group);

/// The staff ids of a pair's or group's mentees.
std::vector<std::string> mentees_of(const xmlNode* pair_or_group);

/// Every pair and group of the data, pairs first.
std::vector<const xmlNode*> programmes_of(const data::DataTree& tree);

/// The academic years («2023/2024», «2024/2025» for 04.09.2023 – 31.10.2024) of the programmes
/// that ended before `year_start` which alone a finding concerns — the programme itself, or a
/// participant of no later programme; empty for what lasts (the organisation, the curator, a
/// running programme, a person in one) and for what a rule asks once a programme ends (the
/// second stage of monitoring can still be held). Violations and what was not evaluable; with
/// `recommendations`, recommendations and information too.
class EndedProgrammes {
public:
    EndedProgrammes(const data::DataTree& tree, const Date& year_start);
    [[nodiscard]] std::set<std::string> years_of(const Finding& f, bool recommendations = false) const;
    /// The ended programmes themselves (pairs, groups) whose years years_of gives.
    [[nodiscard]] std::vector<const xmlNode*> ended_of(const Finding& f, bool recommendations = false) const;

private:
    SubjectIndex index_;
    std::vector<const xmlNode*> programmes_;
    Date year_start_;
};

/// «2023/2024», «2023/2024 и 2024/2025», «2022/2023, 2023/2024 и 2024/2025».
std::string joined_years(const std::set<std::string>& years);

}  // namespace nastavnik::rules
