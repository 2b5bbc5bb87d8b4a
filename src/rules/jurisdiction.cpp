#include "nastavnik/rules/jurisdiction.hpp"

#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>
#include <set>

namespace nastavnik::rules {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.size() >= p.size() && s.compare(0, p.size(), p) == 0; }
bool ends_with(const std::string& s, std::string_view p) {
    return s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

std::string trim(std::string s) {
    while (!s.empty() && s.front() == ' ') s.erase(s.begin());
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// What differs between how a name was written and how it was read, for the data warning.
std::string what_differs(const std::string& written, const std::string& canonical_name) {
    std::vector<std::string> reasons;
    for (const auto& m : text::mixed_script_words(written)) {
        reasons.push_back("латинские буквы «" + m.latin + "» в слове «" + m.word + "»");
    }
    if (written != trim(written) || written.find("  ") != std::string::npos) reasons.push_back("лишние пробелы");
    const std::string key = place_key(written);
    if (text::canonical_form(written) != key) reasons.push_back("обозначение вида поселения или сокращение");
    if (reasons.empty() && text::to_lower(written) == text::to_lower(canonical_name)) reasons.push_back("регистр букв");
    if (reasons.empty()) reasons.push_back("написание");
    std::string s;
    for (std::size_t i = 0; i < reasons.size(); ++i) s += (i ? ", " : "") + reasons[i];
    return s;
}

struct Known {
    std::string name;  // as the ruleset writes it
    std::string key;
};

// The closest known name within two edits, if the written one is none of them.
const Known* near_miss(const std::string& key, const std::vector<Known>& known) {
    const std::u32string k = text::to_code_points(key);
    if (k.size() < 4) return nullptr;
    const Known* best = nullptr;
    std::size_t best_d = 3;
    for (const auto& n : known) {
        const std::size_t d = text::edit_distance(k, text::to_code_points(n.key));
        if (d > 0 && d < best_d) {
            best_d = d;
            best = &n;
        }
    }
    return best;
}

void add_known(std::vector<Known>& v, const std::string& name) {
    if (name.empty()) return;
    const std::string key = place_key(name);
    if (std::none_of(v.begin(), v.end(), [&](const Known& k) { return k.key == key; })) v.push_back({name, key});
}

std::string list(const std::vector<const Ruleset*>& rs) {
    std::string s;
    for (const Ruleset* r : rs) s += (s.empty() ? "" : "; ") + r->id + " (версия " + r->version + ")";
    return s;
}

}  // namespace

std::string place_key(std::string_view name) {
    std::string s = text::canonical_form(name);
    // Abbreviations written out, kinds of settlement dropped: the name is what identifies it.
    static const std::pair<std::string_view, std::string_view> abbreviations[] = {
        {" кр.", " край"}, {" кр", " край"}, {" обл.", " область"}, {" обл", " область"}, {" а.о.", " автономный округ"},
    };
    for (const auto& [a, full] : abbreviations) {
        if (ends_with(s, a)) s = s.substr(0, s.size() - a.size()) + std::string(full);
    }
    if (starts_with(s, "респ. ")) s = "республика " + s.substr(std::string_view("респ. ").size());
    static const std::string_view prefixes[] = {"городской округ город ", "городской округ ", "муниципальное образование ",
                                                "город ", "гор. ", "г. ", "г.", "г "};
    for (auto p : prefixes) {
        if (starts_with(s, p)) {
            s = s.substr(p.size());
            break;
        }
    }
    static const std::string_view suffixes[] = {" городской округ", " (городской округ)", " го"};
    for (auto p : suffixes) {
        if (ends_with(s, p)) s = s.substr(0, s.size() - p.size());
    }
    return trim(s);
}

Selection select_rulesets(const Catalog& catalog, const std::string& region, const InputLocation& region_at,
                          const std::string& municipality, const InputLocation& municipality_at, const Date& day) {
    Selection out;
    std::vector<Known> regions, municipalities;
    for (const auto& rs : catalog.all()) add_known(regions, rs->region);
    const std::string region_key = place_key(region);
    const auto region_known = std::find_if(regions.begin(), regions.end(), [&](const Known& k) { return k.key == region_key; });
    DiagnosticSink errors;
    std::string region_name = region;
    if (region_known != regions.end()) {
        region_name = region_known->name;
        if (region != region_known->name) {
            out.warnings.push_back({region_at, "субъект РФ записан как «" + region + "», прочитан как «" + region_known->name +
                                                   "» (" + what_differs(region, region_known->name) + ")"});
        }
    } else if (const Known* k = near_miss(region_key, regions)) {
        errors.add(region_at, "«" + region + "»: такого субъекта РФ нет среди наборов правил; возможно, «" + k->name +
                                  "»? Исправьте название (наборы правил выбираются по нему)");
    }
    for (const auto& rs : catalog.all()) {
        if (!rs->region.empty() && place_key(rs->region) == region_key) add_known(municipalities, rs->municipality);
    }
    const std::string municipality_key = place_key(municipality);
    const auto muni_known = std::find_if(municipalities.begin(), municipalities.end(),
                                         [&](const Known& k) { return k.key == municipality_key; });
    std::string municipality_name = municipality;
    if (muni_known != municipalities.end()) {
        municipality_name = muni_known->name;
        if (municipality != muni_known->name) {
            out.warnings.push_back({municipality_at, "муниципалитет записан как «" + municipality + "», прочитан как «" +
                                                         muni_known->name + "» (" + what_differs(municipality, muni_known->name) + ")"});
        }
    } else if (const Known* k = near_miss(municipality_key, municipalities)) {
        errors.add(municipality_at, "«" + municipality + "»: такого муниципалитета нет среди наборов правил региона «" +
                                        region_name + "»; возможно, «" + k->name +
                                        "»? Исправьте название (наборы правил выбираются по нему)");
    }
    errors.throw_if_any(ErrorCode::data_invalid);

    for (const auto& rs : catalog.all()) {
        const bool region_ok = rs->region.empty() || place_key(rs->region) == region_key;
        const bool muni_ok = rs->municipality.empty() || place_key(rs->municipality) == municipality_key;
        if (region_ok && muni_ok && rs->in_force(day)) out.rulesets.push_back(rs.get());
    }
    std::stable_sort(out.rulesets.begin(), out.rulesets.end(),
                     [](const Ruleset* a, const Ruleset* b) { return a->layer < b->layer; });

    // Each level: what applied, or why nothing did.
    for (Layer layer : {Layer::federal, Layer::regional, Layer::municipal, Layer::institutional}) {
        LevelStatus st{layer, {}, {}};
        for (const Ruleset* rs : out.rulesets) {
            if (rs->layer == layer) st.rulesets.push_back(rs);
        }
        if (st.rulesets.empty()) {
            bool exists_other_day = false;
            for (const auto& rs : catalog.all()) {
                const bool region_ok = rs->region.empty() || place_key(rs->region) == region_key;
                const bool muni_ok = rs->municipality.empty() || place_key(rs->municipality) == municipality_key;
                if (rs->layer == layer && region_ok && muni_ok) exists_other_day = true;
            }
            switch (layer) {
                case Layer::federal:
                    st.note = "наборов правил, действующих на эту дату, нет";
                    break;
                case Layer::regional:
                    st.note = exists_other_day ? "набор правил региона «" + region_name + "» на эту дату не действует"
                                               : "для региона «" + region_name + "» наборов правил нет";
                    break;
                case Layer::municipal:
                    st.note = exists_other_day ? "набор правил муниципалитета «" + municipality_name + "» на эту дату не действует"
                                               : "для муниципалитета «" + municipality_name + "» (" + region_name +
                                                     ") наборов правил нет";
                    break;
                case Layer::institutional:
                    st.note = "наборов правил организации нет";
                    break;
            }
        } else {
            st.note = list(st.rulesets);
        }
        out.levels.push_back(std::move(st));
    }
    return out;
}

Selection select_rulesets(const Catalog& catalog, const data::DataTree& tree, const Date& day) {
    const bool municipal = !tree.field("municipality", "name").empty();
    const char* section = municipal ? "municipality" : "organisation";
    const char* place = municipal ? "name" : "municipality";
    // Where the two names stand in the input, for warnings and errors.
    xpath::Evaluator ev(tree.doc(), day.iso());
    auto at = [&](const char* field) {
        const auto nodes = ev.nodes(xpath::Expression::compile(std::string("/data/") + section + "/" + field), tree.root());
        return tree.location(nodes.empty() ? tree.root() : nodes.front());
    };
    return select_rulesets(catalog, tree.field(section, "region"), at("region"), tree.field(section, place), at(place), day);
}

void describe_check(CheckResult& result, const Selection& selection, const data::DataTree& tree) {
    result.levels = selection.levels;
    result.data_warnings = selection.warnings;
    for (auto& d : data_warnings(tree, result.as_of)) result.data_warnings.push_back(std::move(d));
}

std::vector<LevelStatus> levels_of(const std::vector<const Ruleset*>& chosen, const std::string& why) {
    std::vector<LevelStatus> out;
    for (Layer layer : {Layer::federal, Layer::regional, Layer::municipal, Layer::institutional}) {
        LevelStatus st{layer, {}, {}};
        for (const Ruleset* rs : chosen) {
            if (rs->layer == layer) st.rulesets.push_back(rs);
        }
        st.note = st.rulesets.empty() ? why : list(st.rulesets);
        out.push_back(std::move(st));
    }
    return out;
}

}  // namespace nastavnik::rules
