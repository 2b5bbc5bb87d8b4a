// Which rulesets apply where: region and municipality names as people write them select the
// same rulesets (with a data warning saying how the name was read), a name close to a known one
// is an input error naming it, a real place without rulesets is checked on the levels that exist
// and says so — never a silent federal-only check.

#include "nastavnik/core/error.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/jurisdiction.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace nastavnik;
using namespace nastavnik::rules;

namespace {

const Catalog& shipped() {
    static const Catalog c = Catalog::load(NASTAVNIK_SOURCE_DIR "/rulesets");
    return c;
}

Selection select(const std::string& region, const std::string& municipality) {
    return select_rulesets(shipped(), region, InputLocation{"org.json", 7, 15, "organisation.region"}, municipality,
                           InputLocation{"org.json", 8, 21, "organisation.municipality"}, Date(2023, 11, 1));
}

bool has(const Selection& s, const std::string& id) {
    return std::any_of(s.rulesets.begin(), s.rulesets.end(), [&](const Ruleset* r) { return r->id == id; });
}

std::string warnings(const Selection& s) {
    std::string out;
    for (const auto& w : s.warnings) out += w.to_string() + "\n";
    return out;
}

std::string error_of(const std::string& region, const std::string& municipality) {
    try {
        (void)select(region, municipality);
    } catch (const Error& e) {
        return e.diagnostics().front().to_string();
    }
    return "(ошибки нет)";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(jurisdiction)

// A municipality's acts govern its own organisations (Барнаул № 127, Положение п. 1.1; Бийск
// № 701): a regional, federal or private school there is checked on the other levels, and the
// levels say why; a founder not recorded keeps the municipal level with the assumption named.
BOOST_AUTO_TEST_CASE(municipal_acts_reach_only_municipal_organisations) {
    const auto with_founder = [](const std::string& founder) {
        return select_rulesets(shipped(), "Алтайский край", InputLocation{"org.json", 7, 15, "organisation.region"}, "Барнаул",
                               InputLocation{"org.json", 8, 21, "organisation.municipality"}, Date(2023, 11, 1), founder);
    };
    const auto municipal_note = [](const Selection& s) {
        for (const auto& l : s.levels) {
            if (l.layer == Layer::municipal) return l.note;
        }
        return std::string();
    };
    BOOST_TEST(has(with_founder("муниципальный"), "altai-barnaul-127"));
    BOOST_TEST(municipal_note(with_founder("муниципальный")).find("считается") == std::string::npos);
    const auto assumed = with_founder("");
    BOOST_TEST(has(assumed, "altai-barnaul-127"));
    BOOST_TEST(municipal_note(assumed).find("учредитель организации не записан — она считается муниципальной") != std::string::npos,
               municipal_note(assumed));
    for (const std::string f : {"региональный", "федеральный", "частный"}) {
        const auto s = with_founder(f);
        BOOST_TEST(!has(s, "altai-barnaul-127"), f);
        BOOST_TEST(has(s, "federal-az-1128"), f);
        BOOST_TEST(municipal_note(s).find("касаются муниципальных образовательных организаций г. Барнаула") != std::string::npos,
                   municipal_note(s));
    }
    BOOST_TEST(municipal_note(with_founder("частный")).find("эта организация — частная: не применяются") != std::string::npos);
}

// A regional act binds whom it says (<applies founders>): Бурятия № 1552 the republic's own
// organisations and the municipalities' (п. 2 of the order, разд. IV п. 1 of the programme), not
// a federal or private one; Красноярский край 397-11-05 does not distinguish founders (п. 1.1,
// 3.1) and reaches every organisation of the region, as before.
BOOST_AUTO_TEST_CASE(regional_acts_reach_whom_they_name) {
    const auto in = [](const std::string& region, const std::string& founder) {
        return select_rulesets(shipped(), region, InputLocation{"org.json", 7, 15, "organisation.region"}, "",
                               InputLocation{"org.json", 8, 21, "organisation.municipality"}, Date(2024, 3, 1), founder);
    };
    const auto regional_note = [](const Selection& s) {
        for (const auto& l : s.levels) {
            if (l.layer == Layer::regional) return l.note;
        }
        return std::string();
    };
    for (const std::string f : {"муниципальный", "региональный"}) {
        BOOST_TEST(has(in("Республика Бурятия", f), "buryatia-1552"), f);
        BOOST_TEST(regional_note(in("Республика Бурятия", f)).find("не записан") == std::string::npos);
    }
    for (const std::string f : {"федеральный", "частный"}) {
        const auto s = in("Республика Бурятия", f);
        BOOST_TEST(!has(s, "buryatia-1552"), f);
        BOOST_TEST(has(s, "federal-az-1128"), f);
        BOOST_TEST(regional_note(s).find("акты региона «Республика Бурятия» касаются образовательных организаций, "
                                         "подведомственных Минобрнауки Республики Бурятия, и муниципальных") != std::string::npos,
                   regional_note(s));
    }
    BOOST_TEST(regional_note(in("Республика Бурятия", "федеральный")).find("эта организация — федеральная: не применяются") !=
               std::string::npos);
    // Not recorded: bound, and the report says what was assumed.
    const auto assumed = in("Республика Бурятия", "");
    BOOST_TEST(has(assumed, "buryatia-1552"));
    BOOST_TEST(regional_note(assumed).find("учредитель организации не записан; акт касается") != std::string::npos,
               regional_note(assumed));
    for (const std::string f : {"", "муниципальный", "региональный", "федеральный", "частный"}) {
        const auto s = in("Красноярский край", f);
        BOOST_TEST(has(s, "krasnoyarsk-397-11-05"), f);
        BOOST_TEST(regional_note(s).find("не записан") == std::string::npos, regional_note(s));
    }
}

BOOST_AUTO_TEST_CASE(a_name_written_exactly_gives_no_warning) {
    const auto s = select("Алтайский край", "Барнаул");
    BOOST_TEST(has(s, "altai-barnaul-127"));
    BOOST_TEST(s.warnings.empty(), warnings(s));
}

BOOST_AUTO_TEST_CASE(official_and_registry_forms_of_a_city_select_its_rules_with_a_warning) {
    for (const std::string m : {"г. Барнаул", "г.Барнаул", "Барнаул ", "БАРНАУЛ", "город Барнаул", "Барнаул, г.", "Барнаул г",
                                "г Барнаул", "городской округ — город Барнаул", "город Барнаул Алтайского края",
                                "г.о. Барнаул", "муниципальное образование «город Барнаул»", "Бaрнаул"}) {
        const auto s = select("Алтайский край", m);
        BOOST_TEST(has(s, "altai-barnaul-127"), m);
        BOOST_TEST(warnings(s).find("org.json:8:21: organisation.municipality: муниципалитет записан как «" + m +
                                    "», прочитан как «Барнаул»") != std::string::npos,
                   m << ": " << warnings(s));
    }
    // The Latin «a» is named, so that the data can be corrected.
    BOOST_TEST(warnings(select("Алтайский край", "Бaрнаул")).find("латинские буквы «a» в слове «Бaрнаул»") != std::string::npos);
    BOOST_TEST(has(select("Алтайский край", "Бийcк"), "altai-biysk-701"));
}

BOOST_AUTO_TEST_CASE(short_and_registry_forms_of_a_region_select_its_rules_with_a_warning) {
    for (const std::string r : {"Бурятия", "Респ. Бурятия", "Бурятия Респ", "Республика Бурятия (Бурятия)", "республика бурятия"}) {
        const auto s = select(r, "Улан-Удэ");
        BOOST_TEST(has(s, "buryatia-1552"), r);
        BOOST_TEST(warnings(s).find("субъект РФ записан как «" + r + "», прочитан как «Республика Бурятия»") != std::string::npos,
                   r << ": " << warnings(s));
    }
    BOOST_TEST(has(select("Красноярский", "Ачинск"), "krasnoyarsk-397-11-05"));
    BOOST_TEST(has(select("Алтайский кр.", "Барнаул"), "altai-barnaul-127"));
}

BOOST_AUTO_TEST_CASE(a_name_close_to_a_known_one_is_an_input_error_naming_it) {
    BOOST_TEST(error_of("Алтайский край", "Барнаулл") ==
                   "org.json:8:21: organisation.municipality: «Барнаулл»: такого муниципалитета нет среди наборов правил региона "
                   "«Алтайский край»; возможно, «Барнаул»? Исправьте название (наборы правил выбираются по нему)",
               error_of("Алтайский край", "Барнаулл"));
    for (const std::string m : {"Бийкс", "Барнаул-сити", "Центральный район г. Барнаула"}) {
        BOOST_TEST(error_of("Алтайский край", m).find("«" + m + "»: такого муниципалитета нет") != std::string::npos,
                   m << ": " << error_of("Алтайский край", m));
    }
    BOOST_TEST(error_of("Алтайский край, г. Барнаул", "Барнаул").find("возможно, «Алтайский край»?") != std::string::npos,
               error_of("Алтайский край, г. Барнаул", "Барнаул"));
}

BOOST_AUTO_TEST_CASE(a_region_must_be_a_subject_of_the_russian_federation) {
    // A region of no ruleset is checked on the federal level only — so it must at least be a
    // real subject, or a misspelt «Бурятия» would go silently unchecked by its regional rules.
    BOOST_TEST(error_of("Бурятская республика", "Улан-Удэ") ==
                   "org.json:7:15: organisation.region: «Бурятская республика»: такого субъекта Российской Федерации нет; "
                   "возможно, «Республика Бурятия»? Запишите название, как в ст. 65 Конституции Российской Федерации (по нему "
                   "выбираются наборы правил)",
               error_of("Бурятская республика", "Улан-Удэ"));
    BOOST_TEST(error_of("Край, которого нет", "Ржев").find("«Край, которого нет»: такого субъекта Российской Федерации нет. "
                                                          "Запишите") != std::string::npos,
               error_of("Край, которого нет", "Ржев"));
    for (const std::string r : {"Тверская область", "Республика Саха (Якутия)", "Якутия", "ХМАО — Югра",
                                "Ханты-Мансийский автономный округ — Югра", "г. Москва", "Кемеровская область — Кузбасс",
                                "Республика Северная Осетия — Алания", "Чувашская Республика — Чувашия"}) {
        BOOST_TEST(error_of(r, "Ржев") == "(ошибки нет)", r);
        const auto s = select(r, "Ржев");
        BOOST_TEST(s.levels.at(1).rulesets.empty(), r);
        BOOST_TEST(has(s, "federal-az-1128"), r);
    }
}

BOOST_AUTO_TEST_CASE(a_name_in_latin_letters_only_is_an_input_error) {
    BOOST_TEST(error_of("Altai Krai", "Барнаул") ==
                   "org.json:7:15: organisation.region: «Altai Krai»: название субъекта РФ записано латиницей; запишите его "
                   "по-русски, как в Конституции Российской Федерации («Алтайский край», «Республика Бурятия»)",
               error_of("Altai Krai", "Барнаул"));
    BOOST_TEST(error_of("Алтайский край", "Barnaul").find("organisation.municipality: «Barnaul»: название муниципалитета записано "
                                                          "латиницей") != std::string::npos,
               error_of("Алтайский край", "Barnaul"));
}

BOOST_AUTO_TEST_CASE(a_kind_of_place_without_a_name_is_an_input_error) {
    BOOST_TEST(error_of("Алтайский край", "г.") ==
                   "org.json:8:21: organisation.municipality: «г.»: названия муниципалитета нет — только вид поселения; "
                   "запишите название («Барнаул»)",
               error_of("Алтайский край", "г."));
    BOOST_TEST(error_of("Алтайский край", "городской округ").find("«городской округ»: названия муниципалитета нет") != std::string::npos);
    BOOST_TEST(error_of("Республика", "Улан-Удэ").find("organisation.region: «Республика»: названия субъекта РФ нет") != std::string::npos,
               error_of("Республика", "Улан-Удэ"));
}

BOOST_AUTO_TEST_CASE(another_place_of_a_similar_name_is_not_taken_for_a_known_one) {
    // Бийский район and Республика Алтай are real places of their own: no municipal rules of
    // Бийск, no rules of Алтайский край, no error — and the levels say what did not apply.
    const auto district = select("Алтайский край", "Бийский район");
    BOOST_TEST(!has(district, "altai-biysk-701"));
    BOOST_TEST(district.levels.at(2).rulesets.empty());
    BOOST_TEST(district.levels.at(2).note == "для муниципалитета «Бийский район» (Алтайский край) наборов правил нет",
               district.levels.at(2).note);
    const auto republic = select("Республика Алтай", "Горно-Алтайск");
    BOOST_TEST(!has(republic, "altai-barnaul-127"));
    BOOST_TEST(republic.levels.at(1).note == "для региона «Республика Алтай» наборов правил нет", republic.levels.at(1).note);
    BOOST_TEST(has(republic, "federal-az-1128"));
}

BOOST_AUTO_TEST_CASE(a_municipality_without_rules_is_checked_on_the_levels_that_exist) {
    const auto s = select("Алтайский край", "Рубцовск");
    BOOST_TEST(has(s, "federal-az-1128"));
    BOOST_TEST(!has(s, "altai-barnaul-127"));
    BOOST_TEST(s.levels.at(2).note == "для муниципалитета «Рубцовск» (Алтайский край) наборов правил нет", s.levels.at(2).note);
    BOOST_TEST(s.warnings.empty(), warnings(s));
}

// The founder of an organisation read from its data: recorded, or — not recorded — from the full
// name of a state institution (with a data warning); a municipal name or none keeps the municipal
// level, and the levels line names the assumption.
BOOST_AUTO_TEST_CASE(the_founder_comes_from_the_data_or_the_name) {
    const auto selection_for = [](const std::string& patch) {
        auto json = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-school-42.json");
        input::merge_patch(json, input::parse_json(patch, "patch.json"));
        const auto tree = data::DataTree::from_json(json, "org.json");
        return select_rulesets(shipped(), tree, Date(2023, 11, 1));
    };
    const auto state = selection_for(
        R"({"organisation": {"full_name": "Краевое государственное бюджетное общеобразовательное учреждение «Лицей»"}})");
    BOOST_TEST(!has(state, "altai-barnaul-127"));
    BOOST_TEST(warnings(state).find("учредитель организации не записан; по полному наименованию организация — региональная") !=
                   std::string::npos,
               warnings(state));
    BOOST_TEST(warnings(state).find("organisation.full_name") != std::string::npos, warnings(state));
    // Recorded, the founder wins over the name, without a warning.
    const auto recorded = selection_for(R"({"format": "nastavnik.organisation/3", "organisation": {"founder": "муниципальный",
        "full_name": "Краевое государственное бюджетное общеобразовательное учреждение «Лицей»"}})");
    BOOST_TEST(has(recorded, "altai-barnaul-127"));
    BOOST_TEST(recorded.warnings.empty(), warnings(recorded));
    // A municipal name, founder not recorded: municipal rules, the assumption said.
    const auto assumed = selection_for("{}");
    BOOST_TEST(has(assumed, "altai-barnaul-127"));
    BOOST_TEST(assumed.levels.at(2).note.find("считается муниципальной") != std::string::npos, assumed.levels.at(2).note);
}

BOOST_AUTO_TEST_SUITE_END()
