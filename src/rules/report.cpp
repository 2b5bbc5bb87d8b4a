#include "nastavnik/rules/report.hpp"

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

// «пара наставника Е.Н. Васильевой и наставляемой А.Д. Егоровой (pairs[0], org.json:41:5)»: the
// subject in words, then where it stands in the input (in a workbook: the sheet and the cell).
std::string where(const Finding& f) {
    if (!f.subject.place.empty()) return f.subject_name + " (" + f.subject.place + ")";
    const std::string path = f.subject.path.empty() ? "" : f.subject.path + ", ";
    return f.subject_name + " (" + path + f.subject.prefix() + ")";
}

std::string plural(std::size_t n, const char* one, const char* few, const char* many) {
    return text::with_noun(static_cast<long>(n), one, few, many);
}

void citations(std::string& out, const Finding& f) {
    if (f.category == Category::violation && f.binding != nullptr) {
        out += "    Обязательно в силу: " + f.binding_text() + "\n";
    }
    bool first = true;
    for (const Citation* c : f.citations) {
        if (c == f.binding && f.category == Category::violation) continue;
        out += first ? "    Основание: " : "               ";
        out += c->text() + "\n";
        first = false;
    }
}

void explanation(std::string& out, const Finding& f) {
    for (const auto& [label, value] : f.facts) out += "    Факт: " + label + " — " + value + "\n";
    for (const auto& [name, value] : f.parameters) out += "    Параметр: $" + name + " = " + value + "\n";
    out += "    Правило: " + f.rule->id + " из набора " + f.ruleset->id + ", версия " + f.ruleset->version + " (" +
           f.ruleset->file.filename().string() + ", строка " + std::to_string(f.rule->line) + ")\n";
    for (const Rule* a : f.absorbed) {
        out += "    Включает требование: " + a->title + " [" + a->id + "] — для того же объекта проверки сообщается один раз\n";
    }
}

template <typename Pred>
void section(std::string& out, const CheckResult& r, const std::string& heading, Pred pred, bool explain) {
    std::vector<const Finding*> items;
    for (const auto& f : r.findings) {
        if (pred(f)) items.push_back(&f);
    }
    if (items.empty()) return;
    out += "\n" + heading + " (" + std::to_string(items.size()) + ")\n";
    for (const Finding* f : items) {
        out += "  " + f->rule->title + " [" + f->rule->id + "]\n";
        if (f->outcome == Outcome::violated) out += "    " + f->message + "\n";
        if (f->category == Category::pending && f->deadline) {
            out += "    Срок исполнения — до " + text::date_numeric(*f->deadline) + " включительно: на дату проверки не истёк.\n";
        }
        for (const auto& m : f->missing) out += "    Нет данных: " + m + "\n";
        if (f->outcome == Outcome::not_evaluable && f->force == Force::recommendation) {
            out += "    (требование методических рекомендаций: на заключение не влияет)\n";
        }
        out += "    Где: " + where(*f) + "\n";
        citations(out, *f);
        if (explain) explanation(out, *f);
    }
}

bool violated(const Finding& f, Category c) { return f.outcome == Outcome::violated && f.category == c; }

}  // namespace

std::string conclusion_text(const CheckResult& r, const data::DataTree& tree) {
    const bool municipal = is_municipality(tree);
    const std::size_t violations = r.count_violated(Severity::error) + r.count_violated(Severity::warning);
    const std::size_t recommendations = r.count(Category::recommendation);
    const std::size_t gaps = r.gaps();
    std::string s;
    switch (r.conclusion()) {
        case Conclusion::no_rules:
            return "Заключение не сделано: нет применимых правил.";
        case Conclusion::compliant:
            s = "Заключение: нарушений обязательных требований не выявлено.";
            break;
        case Conclusion::violations:
            s = std::string("Заключение: ") + (municipal ? "муниципалитет" : "организация") +
                " не соответствует обязательным требованиям (" + plural(violations, "нарушение", "нарушения", "нарушений") +
                "); нарушения подлежат устранению.";
            if (gaps > 0) {
                s += " Проверка не завершена: нет сведений для " + plural(gaps, "проверки", "проверок", "проверок") +
                     " обязательных требований.";
            }
            break;
        case Conclusion::incomplete:
            s = "Заключение: проверка не завершена — нет сведений для " + plural(gaps, "проверки", "проверок", "проверок") +
                " обязательных требований; среди проверенного нарушений не выявлено.";
            break;
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
    for (const Ruleset* rs : r.rulesets) {
        out += "Набор правил (" + std::string(layer_name(rs->layer)) + " уровень): " + rs->id + ", версия " + rs->version +
               " — " + rs->title + "\n";
    }
    if (!r.data_warnings.empty()) {
        out += "\nЗАМЕЧАНИЯ К ДАННЫМ (" + std::to_string(r.data_warnings.size()) + ")\n";
        for (const auto& d : r.data_warnings) {
            out += "  " + d.message + " (" + (d.where.path.empty() ? "" : d.where.path + ", ") + d.where.prefix() + ")\n";
        }
    }
    auto by = [](Category c, Severity s) {
        return [c, s](const Finding& f) { return violated(f, c) && f.rule->severity == s; };
    };
    section(out, r, "НАРУШЕНИЯ ОБЯЗАТЕЛЬНЫХ ТРЕБОВАНИЙ: ОШИБКИ", by(Category::violation, Severity::error), explain);
    section(out, r, "НАРУШЕНИЯ ОБЯЗАТЕЛЬНЫХ ТРЕБОВАНИЙ: ПРЕДУПРЕЖДЕНИЯ", by(Category::violation, Severity::warning), explain);
    section(out, r, "СРОК ИСПОЛНЕНИЯ НЕ ИСТЁК", [](const Finding& f) { return violated(f, Category::pending); }, explain);
    section(out, r, "РЕКОМЕНДАЦИИ (требования методических рекомендаций, не закреплённые обязательным актом)",
            [](const Finding& f) { return violated(f, Category::recommendation); }, explain);
    section(out, r, "К СВЕДЕНИЮ", [](const Finding& f) { return violated(f, Category::info); }, explain);
    section(out, r, "НЕ УДАЛОСЬ ПРОВЕРИТЬ ОБЯЗАТЕЛЬНЫЕ ТРЕБОВАНИЯ: НЕДОСТАТОЧНО ДАННЫХ", [](const Finding& f) { return f.is_gap(); },
            explain);
    section(out, r, "НЕ УДАЛОСЬ ПРОВЕРИТЬ ПРОЧИЕ ТРЕБОВАНИЯ: НЕДОСТАТОЧНО ДАННЫХ",
            [](const Finding& f) { return f.outcome == Outcome::not_evaluable && !f.is_gap(); }, explain);
    if (explain) section(out, r, "ВЫПОЛНЕНО", [](const Finding& f) { return f.outcome == Outcome::satisfied; }, explain);

    out += "\nИТОГ: правил " + std::to_string(r.rules) + "; проверок " + std::to_string(r.findings.size()) +
           ": выполнено " + std::to_string(r.count(Outcome::satisfied)) + ", не выполнено " +
           std::to_string(r.count(Outcome::violated)) + " (нарушений обязательных требований " +
           std::to_string(r.count(Category::violation)) + ", из них ошибок " + std::to_string(r.count_violated(Severity::error)) +
           ", предупреждений " + std::to_string(r.count_violated(Severity::warning)) + "; срок не истёк " +
           std::to_string(r.count(Category::pending)) + "; рекомендаций " + std::to_string(r.count(Category::recommendation)) +
           "; к сведению " + std::to_string(r.count(Category::info)) + "), нет данных " +
           std::to_string(r.count(Outcome::not_evaluable)) + " (из них по обязательным требованиям " +
           std::to_string(r.gaps()) + "); не применимо правил: " + std::to_string(r.not_applicable.size()) + ".\n";
    out += conclusion_text(r, tree) + "\n";
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
    for (std::size_t open = s.find(" ("); open != std::string::npos; open = s.find(" (", open + 1)) {
        const auto close = s.find(')', open);
        if (close == std::string::npos) break;
        // «(mentors[].consent_date; null — согласия нет)», «(….published_on_website: true или
        // false)»: the note after the fields is about them.
        std::string inner = s.substr(open + 2, close - open - 2);
        inner = inner.substr(0, inner.find_first_of(";:"));
        const bool path = !inner.empty() && std::all_of(inner.begin(), inner.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                   c == '[' || c == ']' || c == ',' || c == ' ';
        }) && inner.find_first_of("._[") != std::string::npos;
        if (path) {
            s.erase(open, close - open + 1);
            --open;
        }
    }
    return s;
}

}  // namespace nastavnik::rules
