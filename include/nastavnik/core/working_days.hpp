#pragma once

#include "nastavnik/core/date.hpp"

namespace nastavnik {

/// The day itself if it is a working day, else the next one: a Saturday, a Sunday or a public
/// holiday of ст. 112 ТК РФ moves a deadline on, as ст. 193 ГК РФ moves the end of a term. The
/// yearly transfers of days off are not known here.
[[nodiscard]] Date next_working_day(Date d);

/// The deadline of a programme's first stage of monitoring (its middle, on a working day): the
/// programme's plan, the roadmap and the справка give this one date (reader E, 2: 11.01, 18.01 and
/// «в середине срока» for one action).
[[nodiscard]] Date monitoring_stage1_due(const Date& start, const Date& end);

/// The year's monitoring deadline: 15 June of `year` (the one the academic year ends in), on a
/// working day — 16.06.2025 for a Sunday, 17.06.2030 for a Saturday. The справка, the roadmap, the
/// programmes' second stage and the municipality's order give this one date.
[[nodiscard]] Date monitoring_year_due(int year);

/// The deadline of a programme's second stage: two weeks after its end, on a working day; 15 June
/// when that falls on 1–15 June, the date every document of the year gives for programmes ending
/// with May (reader D, L7). A programme ending in December is not put off to June (reader E, 12).
[[nodiscard]] Date monitoring_stage2_due(const Date& end);

}  // namespace nastavnik
