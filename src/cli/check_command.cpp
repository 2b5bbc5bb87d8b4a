#include "nastavnik/core/error.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/xml_text.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"

#include <iostream>
#include <sstream>

namespace nastavnik::cli {

namespace {

using input::JsonValue;

JsonValue json_string(const std::string& s) {
    JsonValue v;
    v.kind = JsonValue::Kind::string;
    v.scalar = s;
    return v;
}

JsonValue json_object() {
    JsonValue v;
    v.kind = JsonValue::Kind::object;
    return v;
}

void set(JsonValue& object, const std::string& key, JsonValue value) {
    if (JsonValue* old = object.find(key)) {
        *old = std::move(value);
        return;
    }
    object.members.push_back(input::JsonMember{key, {}, std::move(value)});
}

// "Иванова Мария Петровна" → surname, name, patronymic, and the gender the patronymic shows.
JsonValue inspector_from_words(const std::string& words, const std::optional<std::string>& gender) {
    std::istringstream in(words);
    std::vector<std::string> parts;
    for (std::string w; in >> w;) parts.push_back(w);
    if (parts.size() < 2 || parts.size() > 3) {
        throw Error(ErrorCode::usage, "--inspector: ожидаются фамилия, имя и отчество через пробел, получено «" + words + "»");
    }
    std::string g = gender.value_or("");
    if (g.empty() && parts.size() == 3) {
        const std::string& p = parts[2];
        if (p.ends_with("вна") || p.ends_with("чна") || p.ends_with("кызы")) g = "ж";
        if (p.ends_with("вич") || p.ends_with("ич") || p.ends_with("оглы")) g = "м";
    }
    if (g != "м" && g != "ж") {
        throw Error(ErrorCode::usage, "--inspector-gender: укажите пол проверяющего, «м» или «ж» (по отчеству «" + words +
                                          "» он не определяется)");
    }
    JsonValue p = json_object();
    set(p, "surname", json_string(parts[0]));
    set(p, "name", json_string(parts[1]));
    if (parts.size() == 3) set(p, "patronymic", json_string(parts[2]));
    set(p, "gender", json_string(g));
    return p;
}

// The inspecting body's requisites: the file of --inspection, then each --inspection-* option
// over it. Validated like any input file; nullopt when nothing is given (the act then has blank
// lines to fill in by hand).
std::optional<data::DataTree> inspection_requisites(const Arguments& args) {
    const auto file = args.value("inspection");
    JsonValue root;
    std::string source = "параметры командной строки";
    if (file) {
        root = input::read_json_file(*file);
        source = *file;
    } else {
        root = json_object();
        set(root, "format", json_string(data::inspection_format));
    }
    bool given = file.has_value();
    if (root.is(JsonValue::Kind::object)) {
        for (const auto& [option, key] : {std::pair{"inspection-body", "body"}, {"inspection-number", "number"},
                                          {"inspection-date", "date"}, {"inspection-place", "place"},
                                          {"inspection-basis", "basis"}, {"inspection-deadline", "deadline"}}) {
            if (const auto v = args.value(option)) {
                set(root, key, json_string(*v));
                given = true;
            }
        }
        if (const auto v = args.value("inspection-period")) {
            const auto dots = v->find("..");
            if (dots == std::string::npos) {
                throw Error(ErrorCode::usage, "--inspection-period: ожидается ГГГГ-ММ-ДД..ГГГГ-ММ-ДД, получено «" + *v + "»");
            }
            JsonValue period = json_object();
            set(period, "from", json_string(v->substr(0, dots)));
            set(period, "to", json_string(v->substr(dots + 2)));
            set(root, "period", std::move(period));
            given = true;
        }
        if (const auto v = args.value("inspector")) {
            JsonValue person = inspector_from_words(*v, args.value("inspector-gender"));
            const auto position = args.value("inspector-position");
            if (!position) throw Error(ErrorCode::usage, "--inspector: укажите и должность проверяющего (--inspector-position)");
            set(person, "position", json_string(*position));
            set(root, "inspector", std::move(person));
            given = true;
        } else if (args.value("inspector-position")) {
            throw Error(ErrorCode::usage, "--inspector-position: укажите и фамилию, имя, отчество проверяющего (--inspector)");
        }
    }
    if (!given) return std::nullopt;
    return data::DataTree::from_json(root, source, data::inspection_file_format());
}

// The date the data are checked as of, for an act: an act cannot state the organisation's
// condition on a day after it was signed. Without --as-of, the last day of the inspection (else
// the act's date, else today); a later --as-of than the act's date — or a last day of the
// inspection after it — is an input error naming both.
Date act_as_of(const data::DataTree& inspection, const Arguments& args) {
    const xmlNode* date = nullptr;
    const xmlNode* to = nullptr;
    for (const xmlNode* c = inspection.root()->children; c != nullptr; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("date"))) date = c;
        if (!xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("period"))) continue;
        for (const xmlNode* p = c->children; p != nullptr; p = p->next) {
            if (p->type == XML_ELEMENT_NODE && xmlStrEqual(p->name, reinterpret_cast<const xmlChar*>("to"))) to = p;
        }
    }
    const auto signed_on = date != nullptr ? Date::parse_iso(data::text_of(date)) : std::nullopt;
    const auto last_day = to != nullptr ? Date::parse_iso(data::text_of(to)) : std::nullopt;
    // Where the act's date was given, in words: the option, or the field of the file.
    auto named = [&](const xmlNode* n, const char* option) {
        if (!args.value("inspection") || args.value(option)) return "--" + std::string(option);
        return "поле «" + inspection.json_path(n) + "» файла " + inspection.location(n).prefix();
    };
    if (signed_on && last_day && *signed_on < *last_day) {
        throw Error(ErrorCode::usage, "дата справки " + text::date_numeric(*signed_on) + " (" + named(date, "inspection-date") +
                                          ") раньше последнего дня проверки " + text::date_numeric(*last_day) + " (" +
                                          named(to, "inspection-period") +
                                          "): справка составляется по окончании проверки");
    }
    if (const auto given = args.value("as-of")) {
        const Date as_of = as_of_date(given);
        if (signed_on && *signed_on < as_of) {
            throw Error(ErrorCode::usage, "--as-of " + text::date_numeric(as_of) + " позже даты справки " +
                                              text::date_numeric(*signed_on) + " (" + named(date, "inspection-date") +
                                              "): справка не может описывать состояние организации на день после её "
                                              "составления; укажите --as-of не позднее даты справки или не указывайте его "
                                              "(сведения проверятся на последний день проверки)");
        }
        return as_of;
    }
    if (last_day) return *last_day;
    if (signed_on) return *signed_on;
    return Date::today();
}

}  // namespace

int run_check(const std::vector<std::string>& argv) {
    const Arguments args(argv, {{"ruleset"}, {"as-of"}, {"format"}, {"data-dir"}, {"explain", false}, {"act"},
                                {"inspection"}, {"inspection-body"}, {"inspection-number"}, {"inspection-date"},
                                {"inspection-place"}, {"inspection-basis"}, {"inspection-period"}, {"inspection-deadline"},
                                {"inspector"}, {"inspector-position"}, {"inspector-gender"}});
    if (args.positional().size() != 1) {
        throw Error(ErrorCode::usage, "укажите один файл организации (JSON или книгу .xlsx): nastavnik check ORG.json [--ruleset ID] "
                                      "[--as-of ГГГГ-ММ-ДД] [--format text|json] [--explain] [--act СПРАВКА.docx "
                                      "[--inspection ПРОВЕРКА.json] [--inspection-body …] [--inspector «Фамилия Имя Отчество» "
                                      "--inspector-position …]]");
    }
    const std::string format = args.value("format").value_or("text");
    if (format != "text" && format != "json") {
        throw Error(ErrorCode::usage, "--format: ожидается text или json, получено «" + format + "»");
    }
    (void)as_of_date(args.value("as-of"));  // a malformed date is a usage error before any file is read
    const auto dir = data_dir(args.value("data-dir").value_or(""));
    const auto tree = load_organisation(args.positional().front());
    const auto act = args.value("act");
    const auto inspection = inspection_requisites(args);
    if (inspection && !act) {
        throw Error(ErrorCode::usage, "реквизиты проверки (--inspection…, --inspector…) нужны только для справки: укажите --act ФАЙЛ");
    }
    const Date as_of = inspection ? act_as_of(*inspection, args) : as_of_date(args.value("as-of"));
    const auto catalog = rules::Catalog::load(dir / "rulesets");
    const auto selection = choose_rulesets(catalog, tree, args.value("ruleset"), as_of);
    auto result = rules::check(tree, selection.rulesets, as_of);
    rules::describe_check(result, selection, tree);
    if (act) {
        // The act is written before the report is printed: a failure leaves neither.
        write_file_atomic(*act, in_requested_format(rules::check_document(result, tree, dir / "templates" / "spravka-o-proverke.docx",
                                                                          inspection ? &*inspection : nullptr),
                                                    *act, "Справка о результатах проверки", as_of));
    }
    std::cout << (format == "json" ? rules::report_json(result, tree) : rules::report_text(result, tree, args.flag("explain")));
    return rules::exit_code_of(result.conclusion());
}

}  // namespace nastavnik::cli
