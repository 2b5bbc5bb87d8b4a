#pragma once
// Which rulesets apply to an organisation: its region and municipality compared as people
// mean them («г. Барнаул», «Барнаул », «Бийcк» with a Latin «c» all name Барнаул/Бийск, with a
// data warning), a name close to a known one but not equal refused as an input error, and for
// each level (federal, regional, municipal, institutional) what applied and why the others did
// not — never a silent federal-only check.

#include "nastavnik/core/date.hpp"
#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/engine.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace nastavnik::rules {

struct Selection {
    std::vector<const Ruleset*> rulesets;  // upper layers first
    std::vector<LevelStatus> levels;       // the four levels, in order
    std::vector<Diagnostic> warnings;      // names read differently from how they were written
};

/// The form of a region or municipality name compared with the rulesets': canonical text
/// (case, dashes, spaces, Latin look-alikes) without «г.», «город», «городской округ»,
/// «муниципальное образование»; «кр.», «обл.», «респ.» written out.
std::string place_key(std::string_view name);

/// Whether a ruleset's acts reach an organisation of this founder (organisation.founder, empty if
/// not recorded): a municipality's acts govern only the organisations it founded.
bool reaches_founder(const Ruleset& ruleset, const std::string& founder);

/// An organisation's founder: organisation.founder, or — when it is not recorded — the one its
/// full name states for a state or private institution («Краевое государственное …»: региональный;
/// `*inferred` set); empty when neither says (the organisation is taken as municipal).
std::string founder_of(const data::DataTree& tree, bool* inferred = nullptr);

/// The rulesets in force on `day` for the region and municipality written at `region_at` and
/// `municipality_at` (their text and where they stand in the input). Throws Error(data_invalid)
/// naming the field if a name is close to a known one but not it («Бийкс: возможно, «Бийск»?»).
/// `founder` (organisation.founder): the municipal level applies to an organisation whose founder
/// is the municipality («муниципальный»), or is not recorded — then the levels say so; a municipal
/// act does not reach a regional, federal or private organisation.
Selection select_rulesets(const Catalog& catalog, const std::string& region, const InputLocation& region_at,
                          const std::string& municipality, const InputLocation& municipality_at, const Date& day,
                          const std::string& founder = {});

/// The same for an organisation's data tree (organisation.region, organisation.municipality) or
/// a municipality's (municipality.region, municipality.name).
Selection select_rulesets(const Catalog& catalog, const data::DataTree& tree, const Date& day);

/// The regional and municipal acts that bound the organisation on `day` — the own acts of the
/// rulesets select_rulesets chooses for it then, regional first: what a document adopted on that
/// day (the Положение) is developed in accordance with. Бурятия № 1552 for a Положение adopted
/// up to 31.12.2024, none after.
std::vector<const Act*> local_acts_in_force(const Catalog& catalog, const data::DataTree& tree, const Date& day);

/// Fills what the report says besides the findings: the levels of the selection, its warnings
/// about names, and the data warnings of the tree on the check's date (rules::data_warnings).
void describe_check(CheckResult& result, const Selection& selection, const data::DataTree& tree);

/// Levels for rulesets chosen by hand (`check --ruleset ID`): what was chosen, the rest «не
/// выбраны».
std::vector<LevelStatus> levels_of(const std::vector<const Ruleset*>& chosen, const std::string& why);

}  // namespace nastavnik::rules
