#include "nastavnik/rules/report.hpp"

#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"

#include <algorithm>

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

namespace nastavnik::rules {

namespace {

// Who was checked: the organisation's short name, or the municipality (rules whose subject is
// the municipality run on municipality.json).
std::string subject_name(const data::DataTree& tree) {
    const std::string org = tree.organisation_field("short_name");
    if (!org.empty()) return org;
    const std::string municipality = tree.field("municipality", "name");
    return municipality.empty() ? "" : "муниципалитет " + municipality;
}

std::string where(const InputLocation& loc) {
    if (!loc.place.empty()) return loc.place;  // a workbook: the sheet and the cell say it in words
    std::string s = loc.path.empty() ? "организация в целом" : loc.path;
    return s + " (" + loc.prefix() + ")";
}

void citations(std::string& out, const Rule& rule) {
    for (std::size_t i = 0; i < rule.citations.size(); ++i) {
        out += i == 0 ? "    Основание: " : "               ";
        out += rule.citations[i].text() + "\n";
    }
}

void explanation(std::string& out, const Finding& f) {
    for (const auto& [label, value] : f.facts) out += "    Факт: " + label + " = " + value + "\n";
    for (const auto& [name, value] : f.parameters) out += "    Параметр: $" + name + " = " + value + "\n";
    out += "    Правило: " + f.rule->id + " из набора " + f.ruleset->id + ", версия " + f.ruleset->version + " (" +
           f.ruleset->file.filename().string() + ", строка " + std::to_string(f.rule->line) + ")\n";
}

void section(std::string& out, const CheckResult& r, const char* heading, Outcome outcome, Severity severity,
             bool by_severity, bool explain) {
    std::vector<const Finding*> items;
    for (const auto& f : r.findings) {
        if (f.outcome == outcome && (!by_severity || f.rule->severity == severity)) items.push_back(&f);
    }
    if (items.empty()) return;
    out += "\n" + std::string(heading) + " (" + std::to_string(items.size()) + ")\n";
    for (const Finding* f : items) {
        out += "  [" + f->rule->id + "] " + f->rule->title + "\n";
        if (outcome == Outcome::violated) out += "    " + f->message + "\n";
        for (const auto& m : f->missing) out += "    Нет данных: " + m + "\n";
        out += "    Где: " + where(f->subject) + "\n";
        citations(out, *f->rule);
        if (explain) explanation(out, *f);
    }
}

}  // namespace

std::string report_text(const CheckResult& r, const data::DataTree& tree, bool explain) {
    std::string out;
    out += "Проверка: " + subject_name(tree) + " (" + tree.file() + ")\n";
    out += "Дата, на которую проверено: " + text::date_numeric(r.as_of) + "\n";
    if (r.rulesets.empty()) {
        out += "Наборы правил: не найдено ни одного набора правил для региона «" + tree.organisation_field("region") +
               "», муниципалитета «" + tree.organisation_field("municipality") + "» на эту дату.\n";
    }
    for (const Ruleset* rs : r.rulesets) {
        out += "Набор правил (" + std::string(layer_name(rs->layer)) + " уровень): " + rs->id + ", версия " + rs->version +
               " — " + rs->title + "\n";
    }
    section(out, r, "НАРУШЕНИЯ: ОШИБКИ", Outcome::violated, Severity::error, true, explain);
    section(out, r, "НАРУШЕНИЯ: ПРЕДУПРЕЖДЕНИЯ", Outcome::violated, Severity::warning, true, explain);
    section(out, r, "К СВЕДЕНИЮ", Outcome::violated, Severity::info, true, explain);
    section(out, r, "НЕ УДАЛОСЬ ПРОВЕРИТЬ: НЕДОСТАТОЧНО ДАННЫХ", Outcome::not_evaluable, Severity::error, false, explain);
    if (explain) section(out, r, "ВЫПОЛНЕНО", Outcome::satisfied, Severity::error, false, explain);

    out += "\nИТОГ: правил " + std::to_string(r.rules) + "; проверок " + std::to_string(r.findings.size()) +
           ": выполнено " + std::to_string(r.count(Outcome::satisfied)) + ", нарушено " +
           std::to_string(r.count(Outcome::violated)) + " (ошибок " + std::to_string(r.count_violated(Severity::error)) +
           ", предупреждений " + std::to_string(r.count_violated(Severity::warning)) + ", к сведению " +
           std::to_string(r.count_violated(Severity::info)) + "), нет данных " +
           std::to_string(r.count(Outcome::not_evaluable)) + "; не применимо правил: " +
           std::to_string(r.not_applicable.size()) + ".\n";
    if (r.rulesets.empty()) {
        out += "Заключение не сделано: нет применимых правил.\n";
    } else if (r.compliant()) {
        out += "Заключение: нарушений требований не выявлено.\n";
    } else {
        out += "Заключение: организация не соответствует требованиям (нарушений: " +
               std::to_string(r.count_violated(Severity::error) + r.count_violated(Severity::warning)) + ").\n";
    }
    return out;
}

std::string report_json(const CheckResult& r, const data::DataTree& tree) {
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    auto key = [&](const char* k) { w.Key(k); };

    w.StartObject();
    key("format"); str("nastavnik.check/1");
    key("organisation"); w.StartObject();
    key("short_name"); str(subject_name(tree));
    key("file"); str(tree.file());
    w.EndObject();
    key("as_of"); str(r.as_of.iso());
    key("rulesets"); w.StartArray();
    for (const Ruleset* rs : r.rulesets) {
        w.StartObject();
        key("id"); str(rs->id);
        key("version"); str(rs->version);
        key("title"); str(rs->title);
        key("layer"); str(layer_name(rs->layer));
        w.EndObject();
    }
    w.EndArray();
    key("summary"); w.StartObject();
    key("compliant"); w.Bool(!r.rulesets.empty() && r.compliant());
    key("checks"); w.Uint64(r.findings.size());
    key("satisfied"); w.Uint64(r.count(Outcome::satisfied));
    key("violated"); w.Uint64(r.count(Outcome::violated));
    key("not_evaluable"); w.Uint64(r.count(Outcome::not_evaluable));
    key("violated_by_severity"); w.StartObject();
    key("ошибка"); w.Uint64(r.count_violated(Severity::error));
    key("предупреждение"); w.Uint64(r.count_violated(Severity::warning));
    key("к сведению"); w.Uint64(r.count_violated(Severity::info));
    w.EndObject();
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
        key("title"); str(f.rule->title);
        key("message"); str(f.message);
        key("missing"); w.StartArray();
        for (const auto& m : f.missing) str(m);
        w.EndArray();
        key("subject"); w.StartObject();
        key("path"); str(f.subject.path);
        key("line"); w.Int(f.subject.line);
        key("column"); w.Int(f.subject.column);
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
        for (const auto& c : f.rule->citations) {
            w.StartObject();
            key("act"); str(c.act->id);
            key("issuer"); str(c.act->issuer);
            key("kind"); str(c.act->kind);
            key("number"); str(c.act->number);
            key("date"); str(c.act->date);
            key("clause"); str(c.clause);
            key("text"); str(c.text());
            w.EndObject();
        }
        w.EndArray();
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
        const std::string inner = s.substr(open + 2, close - open - 2);
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
