#include "nastavnik/rules/jurisdiction.hpp"

#include "nastavnik/text/canonical.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/xpath/evaluator.hpp"

#include <algorithm>
#include <set>

namespace nastavnik::rules {

namespace {

// «региональный» (organisation.founder) → «региональная»: the organisation as the levels name it.
std::string kind_by_founder(const std::string& founder) {
    if (founder == "региональный") return "региональная (учредитель — субъект Российской Федерации)";
    if (founder == "федеральный") return "федеральная";
    if (founder == "частный") return "частная";
    return founder;
}

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
// Or a name of several words one of which is a known name or one letter off it («Барнаул
// сити», «Алтайский край, г. Барнаул» as a region, «Центральный район г. Барнаула»): the known
// place is meant, or the field holds something else — either way the person must say.
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
    if (best != nullptr || key.find(' ') == std::string::npos) return best;
    for (const auto& n : known) {
        if (n.key.find(' ') != std::string::npos || n.key.size() < 4) continue;
        std::size_t from = 0;
        while (from <= key.size()) {
            const std::size_t to = std::min(key.find(' ', from), key.size());
            if (text::edit_distance(text::to_code_points(key.substr(from, to - from)), text::to_code_points(n.key)) <= 1) return &n;
            from = to + 1;
        }
    }
    return nullptr;
}

void add_known(std::vector<Known>& v, const std::string& name) {
    if (name.empty()) return;
    const std::string key = place_key(name);
    if (std::none_of(v.begin(), v.end(), [&](const Known& k) { return k.key == key; })) v.push_back({name, key});
}

bool latin_only(const std::string& name) {
    const std::u32string cp = text::to_code_points(name);
    const auto is_cyrillic = [](char32_t c) { return c >= 0x0400 && c <= 0x04FF; };
    const auto is_latin = [](char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    return std::any_of(cp.begin(), cp.end(), is_latin) && std::none_of(cp.begin(), cp.end(), is_cyrillic);
}

// The subjects of the Russian Federation (Constitution, art. 65), with the short forms people
// write for some of them; compared by place_key, so «Республика Саха (Якутия)» is «Саха».
const char* const federal_subjects[] = {
    "Республика Адыгея", "Республика Алтай", "Республика Башкортостан", "Башкирия", "Республика Бурятия",
    "Республика Дагестан", "Донецкая Народная Республика", "ДНР", "Республика Ингушетия", "Кабардино-Балкарская Республика",
    "Кабардино-Балкария", "Республика Калмыкия", "Карачаево-Черкесская Республика", "Карачаево-Черкесия", "Республика Карелия",
    "Республика Коми", "Республика Крым", "Луганская Народная Республика", "ЛНР", "Республика Марий Эл", "Республика Мордовия",
    "Республика Саха (Якутия)", "Якутия", "Республика Северная Осетия — Алания", "Северная Осетия", "Республика Татарстан",
    "Татарстан", "Республика Тыва", "Тува", "Удмуртская Республика", "Удмуртия", "Республика Хакасия", "Чеченская Республика",
    "Чечня", "Чувашская Республика — Чувашия", "Чувашская Республика", "Чувашия",
    "Алтайский край", "Забайкальский край", "Камчатский край", "Краснодарский край", "Красноярский край", "Пермский край",
    "Приморский край", "Ставропольский край", "Хабаровский край",
    "Амурская область", "Архангельская область", "Астраханская область", "Белгородская область", "Брянская область",
    "Владимирская область", "Волгоградская область", "Вологодская область", "Воронежская область", "Запорожская область",
    "Ивановская область", "Иркутская область", "Калининградская область", "Калужская область", "Кемеровская область — Кузбасс",
    "Кемеровская область", "Кузбасс", "Кировская область", "Костромская область", "Курганская область", "Курская область",
    "Ленинградская область", "Липецкая область", "Магаданская область", "Московская область", "Мурманская область",
    "Нижегородская область", "Новгородская область", "Новосибирская область", "Омская область", "Оренбургская область",
    "Орловская область", "Пензенская область", "Псковская область", "Ростовская область", "Рязанская область",
    "Самарская область", "Саратовская область", "Сахалинская область", "Свердловская область", "Смоленская область",
    "Тамбовская область", "Тверская область", "Томская область", "Тульская область", "Тюменская область",
    "Ульяновская область", "Херсонская область", "Челябинская область", "Ярославская область",
    "Москва", "Санкт-Петербург", "Севастополь", "Еврейская автономная область", "ЕАО", "Ненецкий автономный округ", "НАО",
    "Ханты-Мансийский автономный округ — Югра", "Ханты-Мансийский автономный округ", "ХМАО", "ХМАО — Югра", "Югра",
    "Чукотский автономный округ", "Ямало-Ненецкий автономный округ", "ЯНАО",
};

std::string list(const std::vector<const Ruleset*>& rs) {
    std::string s;
    for (const Ruleset* r : rs) s += (s.empty() ? "" : "; ") + r->id + " (версия " + r->version + ")";
    return s;
}

}  // namespace

std::string place_key(std::string_view name) {
    // Words, not characters: a name is written «г. Барнаул», «Барнаул, г.», «городской округ —
    // город Барнаул Алтайского края», «Бурятия Респ», «Республика Бурятия (Бурятия)»; what
    // identifies the place is what is left once the kind of the place, the region it lies in,
    // punctuation and parentheses are taken away. Kinds that make it another place («район»,
    // «муниципальный округ») stay: «Бийский район» is not «Бийск».
    std::string s = text::canonical_form(name);
    std::vector<std::string> words;
    std::string word;
    int parentheses = 0;
    const auto flush = [&] {
        while (!word.empty() && word.back() == '.') word.pop_back();
        if (!word.empty()) words.push_back(word);
        word.clear();
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '(') ++parentheses;
        if (c == ')') {
            parentheses = std::max(0, parentheses - 1);
            flush();
            continue;
        }
        if (parentheses > 0) continue;
        const bool quote = s.compare(i, 2, "\u00AB") == 0 || s.compare(i, 2, "\u00BB") == 0;
        if (c == ' ' || c == '-' || c == ',' || c == ';' || c == '"' || quote) {
            flush();
            if (quote) ++i;
            continue;
        }
        // «г.Барнаул»: an abbreviation glued to the name.
        if (c == '.' && (word == "г" || word == "гор" || word == "респ" || word == "обл")) {
            flush();
            continue;
        }
        word += c;
    }
    flush();
    static const std::set<std::string> kinds = {"г", "гор", "город", "го", "г.о", "о", "мо", "республика", "респ", "край",
                                                "кр", "область", "обл", "ао", "а.о"};
    static const std::vector<std::vector<std::string>> phrases = {{"городской", "округ"},
                                                                  {"муниципальное", "образование"},
                                                                  {"федерального", "значения"},
                                                                  {"автономный", "округ"},
                                                                  {"автономная", "область"}};
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < words.size(); ++i) {
        bool phrase = false;
        for (const auto& p : phrases) {
            if (i + p.size() <= words.size() && std::equal(p.begin(), p.end(), words.begin() + static_cast<long>(i))) {
                i += p.size() - 1;
                phrase = true;
                break;
            }
        }
        if (phrase || kinds.count(words[i]) != 0) continue;
        // The region a municipality lies in: «… Алтайского края», «… Республики Бурятия».
        if (words[i] == "республики" && i + 1 < words.size()) {
            ++i;
            continue;
        }
        if ((words[i] == "края" || words[i] == "области" || words[i] == "округа") && !kept.empty() &&
            (ends_with(kept.back(), "ого") || ends_with(kept.back(), "ой") || ends_with(kept.back(), "ей"))) {
            kept.pop_back();
            continue;
        }
        kept.push_back(words[i]);
    }
    std::string key;
    for (const auto& w : kept) key += (key.empty() ? "" : " ") + w;
    return key;
}

bool reaches_founder(const Ruleset& ruleset, const std::string& founder) {
    return ruleset.binds_founder(founder);
}

Selection select_rulesets(const Catalog& catalog, const std::string& region, const InputLocation& region_at,
                          const std::string& municipality, const InputLocation& municipality_at, const Date& day,
                          const std::string& founder) {
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
    } else if (!region_key.empty() && !latin_only(region)) {
        // Not a region of any ruleset: it must still be a subject of the Russian Federation, or
        // a misspelt region of a ruleset («Бурятская республика») would silently go unchecked.
        std::vector<Known> subjects;
        for (const char* name : federal_subjects) add_known(subjects, name);
        if (std::none_of(subjects.begin(), subjects.end(), [&](const Known& subject) { return subject.key == region_key; })) {
            // The closest subject: the longest common beginning first («Бурятская» — «Бурятия», not
            // «Брянская» at the same distance), then the fewest edits.
            const Known* closest = nullptr;
            std::pair<std::size_t, std::size_t> best{0, 0};
            const std::u32string key = text::to_code_points(region_key);
            for (const auto& subject : subjects) {
                const std::u32string other = text::to_code_points(subject.key);
                const std::size_t d = text::edit_distance(key, other);
                const std::size_t prefix = static_cast<std::size_t>(
                    std::mismatch(key.begin(), key.end(), other.begin(), other.end()).first - key.begin());
                if (d > 3 && prefix < 5) continue;
                const std::pair<std::size_t, std::size_t> score{prefix, 100 - d};
                if (closest == nullptr || score > best) {
                    best = score;
                    closest = &subject;
                }
            }
            errors.add(region_at, "«" + region + "»: такого субъекта Российской Федерации нет" +
                                      (closest ? "; возможно, «" + closest->name + "»?" : std::string(".")) +
                                      " Запишите название, как в ст. 65 Конституции Российской Федерации (по нему выбираются "
                                      "наборы правил)");
        }
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
    // «Barnaul», «Buryatia»: a name in Latin letters only can never equal a Russian one, and
    // would silently leave its level unapplied.
    // «г.», «городской округ»: the kind of place is written, the name is not.
    if (!region.empty() && region_key.empty()) {
        errors.add(region_at, "«" + region + "»: названия субъекта РФ нет — только вид; запишите название («Алтайский край»)");
    }
    if (!municipality.empty() && municipality_key.empty()) {
        errors.add(municipality_at, "«" + municipality + "»: названия муниципалитета нет — только вид поселения; запишите "
                                                         "название («Барнаул»)");
    }
    if (latin_only(region)) {
        errors.add(region_at, "«" + region + "»: название субъекта РФ записано латиницей; запишите его по-русски, как в "
                                             "Конституции Российской Федерации («Алтайский край», «Республика Бурятия»)");
    }
    if (latin_only(municipality)) {
        errors.add(municipality_at, "«" + municipality + "»: название муниципалитета записано латиницей; запишите его "
                                                         "по-русски («Барнаул», «Улан-Удэ»)");
    }
    errors.throw_if_any(ErrorCode::data_invalid);

    // An act binds the organisations it says it binds (<applies founders>: a municipality's acts
    // its own organisations, п. 1.1 of Барнаул № 127's Положение, Бийск № 701; Бурятия № 1552
    // the republic's and the municipalities'): an organisation of another founder is checked on
    // the other levels.
    for (const auto& rs : catalog.all()) {
        const bool region_ok = rs->region.empty() || place_key(rs->region) == region_key;
        const bool muni_ok = rs->municipality.empty() || place_key(rs->municipality) == municipality_key;
        if (region_ok && muni_ok && reaches_founder(*rs, founder) && rs->in_force(day)) out.rulesets.push_back(rs.get());
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
            const Ruleset* not_binding = nullptr;  // in force and in place, but not for this founder
            for (const auto& rs : catalog.all()) {
                const bool region_ok = rs->region.empty() || place_key(rs->region) == region_key;
                const bool muni_ok = rs->municipality.empty() || place_key(rs->municipality) == municipality_key;
                if (rs->layer == layer && region_ok && muni_ok) exists_other_day = true;
                if (rs->layer == layer && region_ok && muni_ok && rs->in_force(day) && !rs->binds_founder(founder)) {
                    not_binding = rs.get();
                }
            }
            // «… касаются муниципальных организаций, а эта организация — федеральная»
            const auto whom = [&](const char* by_default) {
                return not_binding->founders_whom.empty() ? std::string(by_default) : not_binding->founders_whom;
            };
            switch (layer) {
                case Layer::federal:
                    st.note = "наборов правил, действующих на эту дату, нет";
                    break;
                case Layer::regional:
                    st.note = not_binding != nullptr
                                  ? "акты региона «" + region_name + "» касаются " + whom("организаций региона") +
                                        ", а эта организация — " + kind_by_founder(founder) + ": не применяются"
                              : exists_other_day ? "набор правил региона «" + region_name + "» на эту дату не действует"
                                                 : "для региона «" + region_name + "» наборов правил нет";
                    break;
                case Layer::municipal:
                    st.note = not_binding != nullptr
                                  ? "акты муниципалитета «" + municipality_name + "» касаются " +
                                        whom("муниципальных организаций") + ", а эта организация — " + kind_by_founder(founder) +
                                        ": не применяются"
                              : exists_other_day ? "набор правил муниципалитета «" + municipality_name + "» на эту дату не действует"
                                                 : "для муниципалитета «" + municipality_name + "» (" + region_name +
                                                       ") наборов правил нет";
                    break;
                case Layer::institutional:
                    st.note = "наборов правил организации нет";
                    break;
            }
        } else {
            st.note = list(st.rulesets);
            if (layer == Layer::municipal && founder.empty()) {
                st.note += " (учредитель организации не записан — она считается муниципальной)";
            } else if (founder.empty() && std::any_of(st.rulesets.begin(), st.rulesets.end(),
                                                      [](const Ruleset* r) { return !r->founders.empty(); })) {
                // Bound only if its founder is one the act names: say which were assumed.
                for (const Ruleset* r : st.rulesets) {
                    if (!r->founders.empty()) {
                        st.note += " (учредитель организации не записан; акт касается " +
                                   (r->founders_whom.empty() ? std::string("не всех организаций") : r->founders_whom) +
                                   ", и организация считается одной из них)";
                        break;
                    }
                }
            }
        }
        out.levels.push_back(std::move(st));
    }
    return out;
}

namespace {

std::string founder_by_name(const std::string& full_name) {
    // The name of a state or municipal institution says whose it is («Муниципальное бюджетное …»,
    // «Краевое государственное …», «Федеральное государственное …»); a private one says so too.
    const std::string name = text::canonical_form(full_name);
    const auto has = [&](std::string_view word) { return name.find(word) != std::string::npos; };
    if (has("муниципальн")) return "муниципальный";
    if (has("федеральн") && has("государствен")) return "федеральный";
    if (has("государствен") || has("краев") || has("областн") || has("республиканск") || has("окружн")) return "региональный";
    if (has("частн") || has("автономная некоммерческая") || name.starts_with("ано ")) return "частный";
    return {};
}

}  // namespace

std::string founder_of(const data::DataTree& tree, bool* inferred) {
    std::string founder = tree.field("organisation", "founder");
    if (inferred) *inferred = false;
    if (!founder.empty()) return founder;
    // Not recorded but plain in the name of a non-municipal institution.
    const std::string by_name = founder_by_name(tree.field("organisation", "full_name"));
    if (by_name.empty() || by_name == "муниципальный") return {};
    if (inferred) *inferred = true;
    return by_name;
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
    bool inferred = false;
    const std::string founder = municipal ? std::string("муниципальный") : founder_of(tree, &inferred);
    Selection out = select_rulesets(catalog, tree.field(section, "region"), at("region"), tree.field(section, place), at(place),
                                    day, founder);
    if (inferred) {
        out.warnings.push_back({at("full_name"), "учредитель организации не записан; по полному наименованию организация — " +
                                                     kind_by_founder(founder) + ", и акты муниципалитета к ней не применяются"});
    }
    return out;
}

std::vector<const Act*> local_acts_in_force(const Catalog& catalog, const data::DataTree& tree, const Date& day) {
    std::vector<const Act*> out;
    for (const Ruleset* rs : select_rulesets(catalog, tree, day).rulesets) {
        if (rs->layer != Layer::regional && rs->layer != Layer::municipal) continue;
        // Its own acts: a regional ruleset also cites the federal model it adopts.
        for (const Act* a : rs->cited_acts()) {
            if (a->level == layer_name(rs->layer) && a->force == Force::binding &&
                std::find(out.begin(), out.end(), a) == out.end()) {
                out.push_back(a);
            }
        }
    }
    return out;
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
