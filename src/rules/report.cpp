#include "nastavnik/rules/report.hpp"

#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <algorithm>

#include "input/rapidjson_alloc.hpp"

namespace nastavnik::rules {

namespace {

bool is_municipality(const data::DataTree& tree) { return !tree.field("municipality", "name").empty(); }

// Who was checked: the organisation's short name, or the municipality (rules whose subject is
// the municipality run on municipality.json).
std::string subject_name(const data::DataTree& tree) {
    const std::string org = tree.organisation_field("short_name");
    if (!org.empty()) return org;
    const std::string municipality = tree.field("municipality", "name");
    return municipality.empty() ? "" : "муниципалитет " + municipality;
}

// Takes the brackets that hold data paths out of a text («(mentors[].consent_date; null —
// согласия нет)», «(….published_on_website: true или false)»: the note after the fields is about
// them) and returns what they said, for the line that says where in the data.
std::string take_data_paths(std::string& s) {
    std::string taken;
    for (std::size_t open = s.find(" ("); open != std::string::npos; open = s.find(" (", open + 1)) {
        const auto close = s.find(')', open);
        if (close == std::string::npos) break;
        const std::string whole = s.substr(open + 2, close - open - 2);
        const std::string inner = whole.substr(0, whole.find_first_of(";:"));
        const bool path = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                   c == '[' || c == ']' || c == ',' || c == ' ';
        }) && inner.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;  // «(mentors)» too
        if (path) {
            taken += (taken.empty() ? "" : "; ") + whole;
            s.erase(open, close - open + 1);
            --open;
        }
    }
    return taken;
}


// Where in the input a finding stands, after its words: the fields it lacks, the subject's path
// and position (in a workbook: the sheet and the cell), the rule — for whoever corrects the data
// (review of 7.12.2026: the person first, the machine forms after).
std::string where(const Finding& f) {
    std::string fields;
    for (std::string m : f.missing) {
        // The fields only: the note after them («null — согласия нет») is for the JSON reader.
        std::string taken = take_data_paths(m);
        taken = taken.substr(0, taken.find_first_of(";:"));
        if (!taken.empty()) fields += (fields.empty() ? "" : "; ") + taken;
    }
    std::string place = f.subject.place;
    if (place.empty()) place = (f.subject.path.empty() ? "" : f.subject.path + ", ") + f.subject.prefix();
    return (fields.empty() ? "" : fields + " — ") + place + "; правило " + f.rule->id;
}

std::string plural(std::size_t n, const char* one, const char* few, const char* many) {
    return text::with_noun(static_cast<long>(n), one, few, many);
}

void citations(std::string& out, const Finding& f) {
    if (f.category == Category::violation && f.binding != nullptr) {
        out += "     Обязательно в силу: " + f.binding_text() + "\n";
    }
    bool first = true;
    for (const Citation* c : f.citations) {
        if (c == f.binding && f.category == Category::violation) continue;
        out += first ? "     Основание: " : "                ";
        out += c->text() + "\n";
        first = false;
    }
}

void explanation(std::string& out, const Finding& f) {
    for (const auto& [label, value] : f.facts) out += "     Факт: " + label + " — " + value + "\n";
    for (const auto& [name, value] : f.parameters) out += "     Параметр: $" + name + " = " + value + "\n";
    out += "     Правило: " + f.rule->id + " из набора " + f.ruleset->id + ", версия " + f.ruleset->version + " (" +
           f.ruleset->file.filename().string() + ", строка " + std::to_string(f.rule->line) + ")\n";
    for (const Rule* a : f.absorbed) {
        out += "     Включает требование: " + a->title + " [" + a->id + "] — для того же объекта проверки сообщается один раз\n";
    }
}

void item(std::string& out, int n, const std::string& text, const Finding& f, bool explain) {
    out += "  " + std::to_string(n) + ". " + text + "\n";
    std::string requirement = f.rule->title;
    if (!requirement.ends_with(".")) requirement += ".";
    out += "     Требование: " + requirement + "\n";
    if (f.category == Category::pending && f.deadline) {
        out += "     Срок исполнения — до " + text::date_numeric(*f.deadline) + " включительно: на дату проверки не истёк.\n";
    }
    if (f.outcome == Outcome::not_evaluable && f.force == Force::recommendation) {
        out += "     (требование методических рекомендаций: на заключение не влияет)\n";
    }
    citations(out, f);
    out += "     В данных: " + where(f) + "\n";
    if (explain) explanation(out, f);
}

// The sections of the act in the report's capitals: one vocabulary in every output — a violation
// of warning severity is a «замечание», never a «нарушение» (review of 7.12.2026, B4).
std::string heading(const PrintedSection& s) { return text::to_upper(s.title); }

// Counts of what is to be put right this year, apart from what concerns only programmes that
// ended before it (those are taken into account, not put right).
struct ToPutRight {
    std::size_t errors = 0, warnings = 0, history = 0;
    std::size_t history_advice = 0;  // of history: recommendations about ended programmes
    std::string history_found;
};
ToPutRight to_put_right(const std::vector<PrintedSection>& printed) {
    ToPutRight t;
    for (const auto& s : printed) {
        if (s.kind == "error") t.errors += s.items.size();
        if (s.kind == "warning") t.warnings += s.items.size();
        if (s.kind == "ended") {
            t.history += s.items.size();
            t.history_advice += s.advice;
            t.history_found = s.found;
        }
    }
    return t;
}

}  // namespace

std::string conclusion_text(const CheckResult& r, const data::DataTree& tree) {
    return conclusion_text(r, tree, printed_sections(r, tree));
}

std::string conclusion_text(const CheckResult& r, const data::DataTree& tree, const std::vector<PrintedSection>& printed) {
    const bool municipal = is_municipality(tree);
    std::size_t gaps = r.gaps();
    if (r.conclusion() == Conclusion::no_rules) return "Заключение не сделано: нет применимых правил.";
    const ToPutRight t = to_put_right(printed);
    // Recommendations about ended programmes only are history, said with it.
    const std::size_t all_advice = r.count(Category::recommendation);
    const std::size_t recommendations = all_advice > t.history_advice ? all_advice - t.history_advice : 0;
    const std::string whom = municipal ? "муниципалитет" : "организация";
    std::string s = "Заключение: ";
    if (t.errors > 0) {
        s += whom + " не соответствует обязательным требованиям — " + plural(t.errors, "нарушение", "нарушения", "нарушений");
        if (t.warnings > 0) s += " и " + plural(t.warnings, "замечание", "замечания", "замечаний");
        s += "; подлежат устранению.";
    } else if (t.warnings > 0) {
        s += "нарушений обязательных требований не выявлено; " + plural(t.warnings, "замечание", "замечания", "замечаний") +
             (t.warnings == 1 ? " подлежит" : " подлежат") + " устранению.";
    } else if (gaps > 0) {
        s += "проверка не завершена — нет сведений для " + plural(gaps, "проверки", "проверок", "проверок") +
             " обязательных требований; среди проверенного нарушений не выявлено.";
        gaps = 0;
    } else {
        s += "нарушений обязательных требований не выявлено.";
    }
    if (gaps > 0) {
        s += " Проверка не завершена: нет сведений для " + plural(gaps, "проверки", "проверок", "проверок") + " обязательных требований.";
    }
    if (t.history > 0) {
        // What cannot be put right is taken into account: «учесть … замечание по программам …».
        s += " Учесть при закреплении новых наставнических пар (групп) и составлении программ " + t.history_found + ", которые завершены.";
    }
    if (recommendations > 0) {
        s += " Не выполнено рекомендаций: " + std::to_string(recommendations) +
             " (требования методических рекомендаций, не закреплённые обязательным актом; устранение — на усмотрение " +
             (municipal ? "муниципалитета" : "организации") + ").";
    }
    return s;
}

std::string report_text(const CheckResult& r, const data::DataTree& tree, bool explain) {
    std::string out;
    out += "Проверка: " + subject_name(tree) + " (" + tree.file() + ")\n";
    out += "Дата, на которую проверено: " + text::date_numeric(r.as_of) + "\n";
    if (!r.levels.empty()) {
        out += "Уровни требований:\n";
        for (const auto& l : r.levels) {
            out += "  " + std::string(layer_name(l.layer)) + " — " + (l.rulesets.empty() ? "не применён: " : "применён: ") +
                   l.note + "\n";
        }
    } else if (r.rulesets.empty()) {
        out += "Наборы правил: не найдено ни одного набора правил для региона «" + tree.organisation_field("region") +
               "», муниципалитета «" + tree.organisation_field("municipality") + "» на эту дату.\n";
    }
    out += "Проверено по актам:\n";
    for (const Ruleset* rs : r.rulesets) {
        out += "  " + rs->title + " (" + std::string(layer_name(rs->layer)) + " уровень; набор правил " + rs->id + ", версия " +
               rs->version + ")\n";
    }
    if (!r.data_warnings.empty()) {
        out += "\nЗАМЕЧАНИЯ К ДАННЫМ (" + std::to_string(r.data_warnings.size()) + ")\n";
        for (const auto& d : r.data_warnings) {
            out += "  " + d.message + " (" + (d.where.path.empty() ? "" : d.where.path + ", ") + d.where.prefix() + ")\n";
        }
    }
    const std::vector<PrintedSection> printed = printed_sections(r, tree);
    std::size_t shown_not_evaluable = 0, shown_gaps = 0;
    for (const auto& s : printed) {
        out += "\n" + heading(s) + " (" + std::to_string(s.items.size()) + ")\n";
        int n = 0;
        for (const auto& i : s.items) item(out, ++n, i.text, *i.finding, explain);
        if (s.kind != "not_evaluable" && s.kind != "not_evaluable_ended") continue;
        shown_not_evaluable += s.items.size();
        shown_gaps += static_cast<std::size_t>(std::count_if(s.items.begin(), s.items.end(), [](const PrintedFinding& i) { return i.finding->is_gap(); }));
    }
    if (explain) {
        std::vector<const Finding*> satisfied;
        for (const auto& f : r.findings) {
            if (f.outcome == Outcome::satisfied) satisfied.push_back(&f);
        }
        if (!satisfied.empty()) {
            out += "\nВЫПОЛНЕНО (" + std::to_string(satisfied.size()) + ")\n";
            int n = 0;
            for (const Finding* f : satisfied) item(out, ++n, f->subject_name.empty() ? f->rule->title : text::capitalize(f->subject_name), *f, explain);
        }
    }

    const ToPutRight t = to_put_right(printed);
    const std::size_t not_evaluable = r.count(Outcome::not_evaluable);
    out += "\nИТОГ: правил " + std::to_string(r.rules) + "; проверок " + std::to_string(r.findings.size()) + ": выполнено " +
           std::to_string(r.count(Outcome::satisfied)) + ", не выполнено " + std::to_string(r.count(Outcome::violated)) +
           " (нарушений " + std::to_string(t.errors) + ", замечаний " + std::to_string(t.warnings) +
           ", по завершённым программам " + std::to_string(t.history) + ", срок не истёк " + std::to_string(r.count(Category::pending)) +
           ", рекомендаций и сведений к сведению " +
           std::to_string(r.count(Category::recommendation) + r.count(Category::info) - t.history_advice) +
           // The act's number first — the rows printed above; the checks that lack what a row
           // already names after it, «ещё 1» (reader C, 8: «6 (из них … 1 — те же …)» against the act's 5).
           "), не оценено из-за отсутствия сведений " + std::to_string(shown_not_evaluable) + " (из них по обязательным требованиям " +
           std::to_string(shown_gaps) +
           (shown_not_evaluable < not_evaluable
                ? "; ещё " + std::to_string(not_evaluable - shown_not_evaluable) + " — те же недостающие сведения, что названы выше"
                : std::string()) +
           "); не применимо правил: " + std::to_string(r.not_applicable.size()) + ".\n";
    out += conclusion_text(r, tree, printed) + "\n";
    return out;
}

int exit_code_of(Conclusion c) {
    switch (c) {
        case Conclusion::compliant: return 0;
        case Conclusion::violations: return 1;
        case Conclusion::no_rules: return 2;
        case Conclusion::incomplete: return 3;
    }
    return 2;
}

std::string report_json(const CheckResult& r, const data::DataTree& tree) {
    input::JsonStringBuffer buffer;
    input::JsonPrettyWriter w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    auto key = [&](const char* k) { w.Key(k); };
    auto location = [&](const InputLocation& l) {
        key("path"); str(l.path);
        key("line"); w.Int(l.line);
        key("column"); w.Int(l.column);
    };

    w.StartObject();
    key("format"); str("nastavnik.check/2");
    key("subject"); str(is_municipality(tree) ? "муниципалитет" : "организация");
    key("organisation"); w.StartObject();
    key("short_name"); str(subject_name(tree));
    key("file"); str(tree.file());
    w.EndObject();
    key("as_of"); str(r.as_of.iso());
    key("levels"); w.StartArray();
    for (const auto& l : r.levels) {
        w.StartObject();
        key("level"); str(layer_name(l.layer));
        key("applied"); w.Bool(!l.rulesets.empty());
        key("rulesets"); w.StartArray();
        for (const Ruleset* rs : l.rulesets) str(rs->id);
        w.EndArray();
        key("note"); str(l.note);
        w.EndObject();
    }
    w.EndArray();
    key("rulesets"); w.StartArray();
    for (const Ruleset* rs : r.rulesets) {
        w.StartObject();
        key("id"); str(rs->id);
        key("version"); str(rs->version);
        key("title"); str(rs->title);
        key("layer"); str(layer_name(rs->layer));
        key("format"); w.Int(rs->format);
        w.EndObject();
    }
    w.EndArray();
    key("data_warnings"); w.StartArray();
    for (const auto& d : r.data_warnings) {
        w.StartObject();
        location(d.where);
        key("message"); str(d.message);
        w.EndObject();
    }
    w.EndArray();
    key("conclusion"); w.StartObject();
    key("code"); str(conclusion_token(r.conclusion()));
    key("exit_code"); w.Int(exit_code_of(r.conclusion()));
    key("text"); str(conclusion_text(r, tree));
    w.EndObject();
    key("summary"); w.StartObject();
    key("compliant"); w.Bool(r.conclusion() == Conclusion::compliant);
    key("checks"); w.Uint64(r.findings.size());
    key("satisfied"); w.Uint64(r.count(Outcome::satisfied));
    key("violated"); w.Uint64(r.count(Outcome::violated));
    key("not_evaluable"); w.Uint64(r.count(Outcome::not_evaluable));
    key("violated_by_severity"); w.StartObject();
    key("ошибка"); w.Uint64(r.count_violated(Severity::error));
    key("предупреждение"); w.Uint64(r.count_violated(Severity::warning));
    key("к сведению"); w.Uint64(r.count(Category::info));
    w.EndObject();
    key("by_category"); w.StartObject();
    for (Category c : {Category::violation, Category::pending, Category::recommendation, Category::info}) {
        key(category_name(c)); w.Uint64(r.count(c));
    }
    w.EndObject();
    key("not_evaluable_binding"); w.Uint64(r.gaps());
    key("not_applicable_rules"); w.StartArray();
    for (const Rule* rule : r.not_applicable) str(rule->id);
    w.EndArray();
    w.EndObject();
    key("findings"); w.StartArray();
    for (const auto& f : r.findings) {
        w.StartObject();
        key("rule"); str(f.rule->id);
        key("ruleset"); str(f.ruleset->id);
        key("severity"); str(severity_name(f.rule->severity));
        key("outcome"); str(outcome_token(f.outcome));
        if (f.outcome == Outcome::violated) {
            key("category"); str(category_name(f.category));
        }
        key("force"); str(f.force == Force::binding ? "обязательное" : "рекомендация");
        if (f.binding != nullptr) {
            key("binding"); str(f.binding_text());
        }
        if (f.deadline) {
            key("deadline"); str(f.deadline->iso());
        }
        key("title"); str(f.rule->title);
        key("message"); str(f.message);
        key("missing"); w.StartArray();
        for (const auto& m : f.missing) str(m);
        w.EndArray();
        key("subject"); w.StartObject();
        key("name"); str(f.subject_name);
        location(f.subject);
        if (!f.subject.place.empty()) { key("place"); str(f.subject.place); }
        w.EndObject();
        key("facts"); w.StartArray();
        for (const auto& [label, value] : f.facts) {
            w.StartObject();
            key("label"); str(label);
            key("value"); str(value);
            w.EndObject();
        }
        w.EndArray();
        key("parameters"); w.StartObject();
        for (const auto& [name, value] : f.parameters) {
            key(name.c_str()); str(value);
        }
        w.EndObject();
        key("citations"); w.StartArray();
        for (const Citation* c : f.citations) {
            w.StartObject();
            key("act"); str(c->act->id);
            key("issuer"); str(c->act->issuer);
            key("kind"); str(c->act->kind);
            key("number"); str(c->act->number);
            key("date"); str(c->act->date);
            key("clause"); str(c->clause);
            key("text"); str(c->text());
            key("force"); str(c->force() == Force::binding ? "обязательный" : "рекомендательный");
            if (!c->act->level.empty()) {
                key("level"); str(c->act->level);
            }
            if (!c->act->short_name.empty()) {
                key("short"); str(c->act->short_name);
            }
            if (c->document != nullptr) {
                key("document"); w.StartObject();
                key("id"); str(c->document->id);
                key("kind"); str(c->document->is_annex() ? "приложение" : "акт");
                key("title"); str(c->document->is_annex() ? c->document->title : c->act->title);
                if (c->document->heading_date) {
                    key("heading_date"); str(c->document->heading_date->iso());
                }
                if (!c->document->heading_number.empty()) {
                    key("heading_number"); str(c->document->heading_number);
                }
                w.EndObject();
                key("node"); w.StartObject();
                key("path"); w.StartArray();
                for (const auto& k : c->path()) str(k);
                w.EndArray();
                key("text"); str(c->node_text());
                w.EndObject();
                key("bases"); w.StartArray();
                for (const Act* b : c->act->bases) str(b->id);
                w.EndArray();
            }
            w.EndObject();
        }
        w.EndArray();
        if (!f.absorbed.empty()) {
            key("absorbs"); w.StartArray();
            for (const Rule* a : f.absorbed) str(a->id);
            w.EndArray();
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string without_data_paths(std::string s) {
    take_data_paths(s);
    return s;
}

}  // namespace nastavnik::rules
