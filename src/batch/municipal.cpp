#include "batch/municipal.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/docx/pictures.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/jurisdiction.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "rules/plain_tree.hpp"
#include "batch/charts.hpp"

#include "input/rapidjson_alloc.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace nastavnik::batch {

namespace {

using rules::add_element;

const char* const organisation_types[] = {"общеобразовательная", "дошкольная", "дополнительного образования"};
constexpr const char* blank_number = "________";

struct Target {
    std::string indicator, title, source;
    std::string label;  // short, for the chart
    double value = 0;
    double actual = 0;
    bool measurable = true;
};

struct Totals {
    int organisations = 0, processed = 0, compliant = 0, findings = 0, violations = 0, incomplete = 0, refused = 0, failed = 0;
    Indicators sum;
    int with_polozhenie = 0, with_programme = 0;
};

double share(int part, int whole) { return whole > 0 ? 100.0 * part / whole : 0.0; }

std::string decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    if (const auto dot = s.find('.'); dot != std::string::npos) s[dot] = ',';
    return s;
}

std::string percent_text(int part, int whole) { return whole > 0 ? decimal(share(part, whole)) + "\u00A0%" : "—"; }


Totals totals_of(const std::vector<OrganisationResult>& orgs) {
    Totals t;
    t.organisations = static_cast<int>(orgs.size());
    for (const auto& o : orgs) {
        switch (o.status) {
            case Status::compliant: ++t.compliant; break;
            case Status::findings: ++t.findings; break;
            case Status::violations: ++t.violations; break;
            case Status::incomplete: ++t.incomplete; break;
            case Status::refused: ++t.refused; break;
            case Status::failed: ++t.failed; break;
        }
        if (!o.indicators) continue;
        ++t.processed;
        const auto& i = *o.indicators;
        t.sum.staff += i.staff;
        t.sum.mentors += i.mentors;
        t.sum.mentees += i.mentees;
        t.sum.pairs += i.pairs;
        t.sum.groups += i.groups;
        t.sum.young += i.young;
        t.sum.young_covered += i.young_covered;
        t.with_polozhenie += i.polozhenie ? 1 : 0;
        t.with_programme += i.programme ? 1 : 0;
    }
    return t;
}

// The indicators a region may set targets for: full title for tables and text, short label
// for the chart's narrow label column.
struct IndicatorNames {
    const char* id;
    const char* title;
    const char* label;
};
constexpr IndicatorNames indicator_names[] = {
    {"young_teachers_covered", "Доля молодых педагогов (стаж менее 3 лет), охваченных наставничеством",
     "молодые педагоги с наставником"},
    {"organisations_with_programme", "Доля организаций, имеющих программу развития наставничества",
     "организации с программой"},
    {"mentors_share", "Доля наставников среди педагогических работников", "наставники среди педагогов"},
    {"organisations_compliant", "Доля организаций, соответствующих требованиям к системе наставничества",
     "организации без нарушений"},
};

IndicatorNames names_of(const std::string& id) {
    for (const auto& n : indicator_names) {
        if (id == n.id) return n;
    }
    return {"", "", ""};
}

// The region's targets for the year of the as-of date, with what the municipality reached.
std::vector<Target> targets_of(const data::DataTree& municipality, const Totals& t, int year) {
    std::vector<Target> out;
    xpath::Evaluator ev(municipality.doc(), "2000-01-01");
    const auto nodes = ev.nodes(xpath::Expression::compile("/data/municipality/targets/target[year = " + std::to_string(year) + "]"),
                                municipality.root());
    for (xmlNodePtr n : nodes) {
        Target target;
        target.indicator = ev.string(xpath::Expression::compile("indicator"), n);
        target.title = names_of(target.indicator).title;
        target.label = names_of(target.indicator).label;
        target.value = ev.number(xpath::Expression::compile("value"), n);
        target.source = ev.string(xpath::Expression::compile("source"), n);
        if (target.indicator == "young_teachers_covered") target.actual = share(t.sum.young_covered, t.sum.young);
        if (target.indicator == "organisations_with_programme") target.actual = share(t.with_programme, t.processed);
        if (target.indicator == "mentors_share") target.actual = share(t.sum.mentors, t.sum.staff);
        if (target.indicator == "organisations_compliant") target.actual = share(t.compliant, t.organisations);
        out.push_back(std::move(target));
    }
    return out;
}

struct DocFree {
    void operator()(xmlDocPtr d) const noexcept { xmlFreeDoc(d); }
};

void add_person(xmlDocPtr doc, xmlNodePtr staff, const data::DataTree& m, const char* from, const char* id) {
    xpath::Evaluator ev(m.doc(), "2000-01-01");
    const auto nodes = ev.nodes(xpath::Expression::compile(std::string("/data/municipality/") + from), m.root());
    if (nodes.empty()) return;
    xmlNodePtr person = xmlDocCopyNode(nodes.front(), doc, 1);
    xmlNodeSetName(person, reinterpret_cast<const xmlChar*>("person"));
    xmlAddChild(staff, person);
    xmlAttrPtr attr = xmlNewProp(person, reinterpret_cast<const xmlChar*>("id"), reinterpret_cast<const xmlChar*>(id));
    xmlAddID(nullptr, doc, reinterpret_cast<const xmlChar*>(id), attr);
}

// The act of the municipality the document carries the date and number of, else the as-of date
// and a blank number to fill in at registration.
std::pair<std::string, std::string> act_of(const data::DataTree& m, const std::string& kind, const Date& as_of) {
    xpath::Evaluator ev(m.doc(), as_of.iso());
    const auto nodes = ev.nodes(xpath::Expression::compile("(/data/municipality/acts/act[kind = '" + kind + "'])[last()]"), m.root());
    if (nodes.empty()) return {as_of.iso(), blank_number};
    const std::string number = ev.string(xpath::Expression::compile("number"), nodes.front());
    return {ev.string(xpath::Expression::compile("date"), nodes.front()), number.empty() ? blank_number : number};
}

// The tree the municipal templates are filled from (docs/ru/batch.md).
std::unique_ptr<xmlDoc, DocFree> report_tree(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                                             const Totals& t, const std::vector<Target>& targets, const Options& options) {
    std::unique_ptr<xmlDoc, DocFree> doc(xmlNewDoc(reinterpret_cast<const xmlChar*>("1.0")));
    xmlNodePtr root = xmlNewDocNode(doc.get(), nullptr, reinterpret_cast<const xmlChar*>("report"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    const data::DataTree& m = *input.municipality;
    {
        xpath::Evaluator ev(m.doc(), "2000-01-01");
        const auto nodes = ev.nodes(xpath::Expression::compile("/data/municipality"), m.root());
        xmlAddChild(root, xmlDocCopyNode(nodes.front(), doc.get(), 1));
    }
    xmlNodePtr staff = add_element(root, "staff");
    add_person(doc.get(), staff, m, "head", "head");
    add_person(doc.get(), staff, m, "coordinator", "coordinator");
    add_element(root, "as_of", options.as_of.iso());
    add_element(root, "year", std::to_string(options.as_of.year()));

    xmlNodePtr tn = add_element(root, "totals");
    auto num = [&](const char* name, int v) { add_element(tn, name, std::to_string(v)); };
    num("organisations", t.organisations);
    num("processed", t.processed);
    num("compliant", t.compliant);
    num("findings", t.findings);
    num("violations", t.violations);
    num("incomplete", t.incomplete);
    num("refused", t.refused);
    num("failed", t.failed);
    num("staff", t.sum.staff);
    num("mentors", t.sum.mentors);
    num("mentees", t.sum.mentees);
    num("pairs", t.sum.pairs);
    num("groups", t.sum.groups);
    num("young", t.sum.young);
    num("young_covered", t.sum.young_covered);
    num("with_polozhenie", t.with_polozhenie);
    num("with_programme", t.with_programme);
    add_element(tn, "compliant_share", percent_text(t.compliant, t.organisations));
    add_element(tn, "mentors_share", percent_text(t.sum.mentors, t.sum.staff));
    add_element(tn, "young_covered_share", percent_text(t.sum.young_covered, t.sum.young));
    std::string by_type;
    for (const char* type : organisation_types) {
        const auto n = std::count_if(orgs.begin(), orgs.end(), [&](const OrganisationResult& o) { return o.type == type; });
        if (n == 0) continue;
        by_type += (by_type.empty() ? "" : ", ") + std::string(type) + " — " + std::to_string(n);
    }
    const auto unknown = std::count_if(orgs.begin(), orgs.end(), [](const OrganisationResult& o) { return o.type.empty(); });
    if (unknown > 0) by_type += (by_type.empty() ? "" : ", ") + std::string("сведения не прочитаны — ") + std::to_string(unknown);
    add_element(tn, "by_type_text", by_type);

    xmlNodePtr tg = add_element(root, "targets");
    for (const auto& target : targets) {
        xmlNodePtr n = add_element(tg, "target");
        add_element(n, "title", target.title);
        add_element(n, "value", decimal(target.value) + "\u00A0%");
        add_element(n, "actual", decimal(target.actual) + "\u00A0%");
        add_element(n, "met", target.actual + 1e-9 >= target.value ? "да" : "нет");
        add_element(n, "source", target.source.empty() ? "—" : target.source);
    }

    xmlNodePtr on = add_element(root, "organisations");
    xmlNodePtr pn = add_element(root, "problems");
    int index = 0;
    for (const auto& o : orgs) {
        xmlNodePtr n = add_element(on, "organisation");
        add_element(n, "n", std::to_string(++index));
        const std::string name = o.name.empty() ? o.label : o.name;
        add_element(n, "name", name);
        add_element(n, "type", o.type.empty() ? "—" : o.type);
        add_element(n, "status", status_text(o.status));
        add_element(n, "errors", std::to_string(o.errors));
        add_element(n, "warnings", std::to_string(o.warnings));
        const Indicators i = o.indicators.value_or(Indicators{});
        add_element(n, "mentors", std::to_string(i.mentors));
        add_element(n, "young", std::to_string(i.young));
        add_element(n, "young_covered", std::to_string(i.young_covered));
        if (o.status == Status::refused || o.status == Status::failed) {
            xmlNodePtr p = add_element(pn, "organisation");
            add_element(p, "name", name);
            add_element(p, "status", status_text(o.status));
            std::string reason;
            for (std::size_t k = 0; k < o.reasons.size() && k < 3; ++k) {
                // The first line of a refusal is the general sentence; the violations follow.
                const auto& d = o.reasons[k];
                reason += (reason.empty() ? "" : "; ") + d.message + (d.where.path.empty() ? "" : " (" + d.where.path + ")");
            }
            if (o.reasons.size() > 3) reason += "; … (всего " + std::to_string(o.reasons.size()) + ")";
            add_element(p, "reason", reason.empty() ? "причина не установлена" : reason);
        }
    }
    // Item numbers of the order: its optional items shift the ones after them.
    xmlNodePtr d = add_element(root, "document");
    int item = 1;
    const bool coordinator_org = !m.field("municipality", "coordinator_organisation").empty();
    const bool coordinator = !m.field("municipality", "coordinator").empty();
    if (coordinator_org) add_element(d, "item_coordinator_organisation", std::to_string(++item));
    if (coordinator) add_element(d, "item_coordinator", std::to_string(++item));
    add_element(d, "item_heads", std::to_string(++item));
    add_element(d, "item_control", std::to_string(++item));
    return doc;
}

std::vector<std::pair<std::string, std::string>> municipal_images(const std::vector<OrganisationResult>& orgs,
                                                                   const std::vector<Target>& targets) {
    Chart compliance;
    compliance.title = "Соответствие требованиям по типам организаций";
    compliance.stacked = true;
    compliance.series = {{"соответствует", 0x3A8E3A}, {"есть замечания", 0xE0A800}, {"нарушения", 0xD9531E},
                         {"проверка не завершена", 0x7A9CC6}, {"документы не сформированы", 0xA32A1B},
                         {"ошибка обработки", 0x8C8C8C}};
    Chart young;
    young.title = "Охват молодых педагогов наставничеством, %";
    young.series = {{"охвачено наставничеством", 0x2F6DB5}};
    young.unit = "%";
    young.max = 100;
    std::optional<double> young_target;
    for (const auto& t : targets) {
        if (t.indicator == "young_teachers_covered") young_target = t.value;
    }
    auto add_rows = [&](const std::string& label, auto&& select) {
        std::vector<double> counts(compliance.series.size(), 0);
        int y = 0, covered = 0;
        for (const auto& o : orgs) {
            if (!select(o)) continue;
            counts[static_cast<std::size_t>(o.status)] += 1;
            if (o.indicators) {
                y += o.indicators->young;
                covered += o.indicators->young_covered;
            }
        }
        compliance.rows.push_back(ChartRow{label, counts, std::nullopt, {}});
        young.rows.push_back(ChartRow{label, {share(covered, y)}, young_target, std::to_string(covered) + " из " + std::to_string(y)});
    };
    // Short names of the types: the chart's label column is narrow.
    const char* const type_labels[] = {"общеобразовательные", "дошкольные", "дополнительного образования"};
    for (std::size_t k = 0; k < std::size(organisation_types); ++k) {
        const std::string type = organisation_types[k];
        if (std::none_of(orgs.begin(), orgs.end(), [&](const OrganisationResult& o) { return o.type == type; })) continue;
        add_rows(type_labels[k], [&](const OrganisationResult& o) { return o.type == type; });
    }
    add_rows("все организации", [](const OrganisationResult&) { return true; });

    std::vector<std::pair<std::string, std::string>> images = {
        {"compliance-by-type", render_chart_png(compliance)}, {"young-coverage", render_chart_png(young)}};
    if (!targets.empty()) {
        Chart goals;
        goals.title = "Целевые показатели и фактические значения, %";
        goals.series = {{"факт", 0x2F6DB5}, {"цель", 0xB0B0B0}};
        goals.unit = "%";
        goals.max = 100;
        for (const auto& t : targets) goals.rows.push_back(ChartRow{t.label, {t.actual, t.value}, std::nullopt, {}});
        images.emplace_back("targets", render_chart_png(goals));
    }
    return images;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(";\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// Semicolons and a byte order mark: what Excel and LibreOffice in a Russian locale open as a
// table without asking.
std::string csv_table(const std::vector<OrganisationResult>& orgs) {
    std::string out = "\xEF\xBB\xBF";
    const char* headers[] = {"№", "Папка", "Организация", "Тип", "Состояние", "Ошибок", "Предупреждений", "Не проверено",
                             "Педагогов", "Наставников", "Наставляемых", "Пар", "Групп", "Молодых педагогов",
                             "Из них охвачено", "Положение", "Программа развития наставничества", "Наборы правил",
                             "Причина"};
    for (std::size_t i = 0; i < std::size(headers); ++i) out += (i ? ";" : "") + std::string(headers[i]);
    out += "\r\n";
    int n = 0;
    for (const auto& o : orgs) {
        const Indicators i = o.indicators.value_or(Indicators{});
        const bool known = o.indicators.has_value();
        auto count = [&](int v) { return known ? std::to_string(v) : std::string(); };
        std::string rulesets;
        for (const auto& r : o.rulesets) rulesets += (rulesets.empty() ? "" : ", ") + r;
        const std::vector<std::string> row = {
            std::to_string(++n), o.folder, o.name, o.type, status_text(o.status), std::to_string(o.errors),
            std::to_string(o.warnings), std::to_string(o.not_evaluable), count(i.staff), count(i.mentors),
            count(i.mentees), count(i.pairs), count(i.groups), count(i.young), count(i.young_covered),
            known ? (i.polozhenie ? "да" : "нет") : "", known ? (i.programme ? "да" : "нет") : "", rulesets,
            o.reasons.empty() ? "" : o.reasons.front().to_string()};
        for (std::size_t k = 0; k < row.size(); ++k) out += (k ? ";" : "") + csv_field(row[k]);
        out += "\r\n";
    }
    return out;
}

std::string summary_text(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs, const Totals& t,
                         const std::vector<Target>& targets, std::size_t documents, const Options& options,
                         const rules::CheckResult& municipal) {
    const data::DataTree& m = *input.municipality;
    std::string s;
    s += "Сводка по муниципалитету: " + m.field("municipality", "name") + " (" +
         m.field("municipality", "region") + ")\n";
    s += "Проверено по состоянию на " + text::date_numeric(options.as_of) + "\n\n";
    s += "Организаций: " + std::to_string(t.organisations) + "; соответствуют требованиям: " + std::to_string(t.compliant) +
         "; нарушения: " + std::to_string(t.violations) + "; есть замечания: " + std::to_string(t.findings) +
         "; проверка не завершена: " + std::to_string(t.incomplete) + "; документы не сформированы: " +
         std::to_string(t.refused) + "; ошибка обработки: " + std::to_string(t.failed) + ".\n";
    if (!options.check_only) s += "Документов организаций сформировано: " + std::to_string(documents) + ".\n";
    s += "Педагогов: " + std::to_string(t.sum.staff) + ", наставников: " + std::to_string(t.sum.mentors) + " (" +
         percent_text(t.sum.mentors, t.sum.staff) + "), наставляемых: " + std::to_string(t.sum.mentees) + ", пар: " +
         std::to_string(t.sum.pairs) + ", групп: " + std::to_string(t.sum.groups) + ".\n";
    s += "Молодых педагогов: " + std::to_string(t.sum.young) + ", из них охвачено наставничеством: " +
         std::to_string(t.sum.young_covered) + " (" + percent_text(t.sum.young_covered, t.sum.young) + ").\n";
    if (!targets.empty()) {
        s += "\nЦелевые показатели на " + std::to_string(options.as_of.year()) + " год:\n";
        for (const auto& target : targets) {
            s += "  " + target.title + ": цель " + decimal(target.value) + " %, факт " + decimal(target.actual) + " % — " +
                 (target.actual + 1e-9 >= target.value ? "достигнут" : "не достигнут") + "\n";
        }
    }
    if (municipal.rules > 0) {
        s += "\nОбязанности муниципалитета (правил: " + std::to_string(municipal.rules) + "): выполнено " +
             std::to_string(municipal.count(rules::Outcome::satisfied)) + ", не выполнено " +
             std::to_string(municipal.count(rules::Outcome::violated)) + ", нет сведений " +
             std::to_string(municipal.count(rules::Outcome::not_evaluable)) +
             " (подробно: Результат проверки муниципалитета.txt)\n";
        for (const auto& f : municipal.findings) {
            if (f.outcome == rules::Outcome::satisfied) continue;
            s += "  " + (f.outcome == rules::Outcome::violated ? f.message : f.rule->title + " — нет сведений") +
                 (f.outcome == rules::Outcome::violated && f.category != rules::Category::violation
                      ? std::string(" (") + rules::category_name(f.category) + ")"
                      : std::string()) +
                 " [" + f.rule->id + "]\n";
        }
    }
    auto section = [&](Status status, const char* title) {
        bool any = false;
        for (const auto& o : orgs) {
            if (o.status != status) continue;
            if (!any) s += std::string("\n") + title + ":\n";
            any = true;
            s += "  " + o.label + (o.name.empty() ? "" : " — " + o.name) + "\n";
            if (status == Status::findings || status == Status::violations) {
                s += "    нарушений уровня «ошибка»: " + std::to_string(o.errors) + ", «предупреждение»: " +
                     std::to_string(o.warnings) + " (подробно: организации/" + o.folder + "/Результат проверки.txt)\n";
            }
            for (const auto& r : o.reasons) s += "    " + r.to_string() + "\n";
        }
    };
    section(Status::failed, "Ошибки обработки (организация пропущена)");
    section(Status::refused, "Документы не сформированы: нарушены обязательные требования");
    section(Status::violations, "Нарушения обязательных требований");
    section(Status::findings, "Есть замечания (нарушения уровня «предупреждение»)");
    section(Status::incomplete, "Проверка не завершена: нет сведений для проверки обязательных требований");
    return s;
}

std::string manifest_json(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                          std::vector<WrittenFile> files, const Options& options) {
    input::JsonStringBuffer buffer;
    input::JsonPrettyWriter w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); };
    w.StartObject();
    w.Key("format");
    str("nastavnik.manifest/1");
    w.Key("tool");
    str("nastavnik " NASTAVNIK_VERSION);
    w.Key("as_of");
    str(options.as_of.iso());
    w.Key("municipality");
    str(input.municipality->field("municipality", "name"));
    std::set<std::string> rulesets;
    for (const auto& o : orgs) rulesets.insert(o.rulesets.begin(), o.rulesets.end());
    w.Key("rulesets");
    w.StartArray();
    for (const auto& r : rulesets) {
        const auto space = r.rfind(' ');
        w.StartObject();
        w.Key("id");
        str(r.substr(0, space));
        w.Key("version");
        str(r.substr(space + 1));
        w.EndObject();
    }
    w.EndArray();
    w.Key("organisations");
    w.StartArray();
    for (const auto& o : orgs) {
        w.StartObject();
        w.Key("folder");
        str(o.folder);
        w.Key("source");
        str(o.label);
        w.Key("name");
        str(o.name);
        w.Key("status");
        str(status_text(o.status));
        w.Key("rulesets");
        w.StartArray();
        for (const auto& r : o.rulesets) str(r);
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    std::sort(files.begin(), files.end(), [](const WrittenFile& a, const WrittenFile& b) { return a.path < b.path; });
    w.Key("files");
    w.StartArray();
    for (const auto& f : files) {
        w.StartObject();
        w.Key("path");
        str(f.path);
        w.Key("sha256");
        str(f.sha256);
        w.Key("size");
        w.Uint64(f.size);
        w.Key("organisation");
        str(f.organisation);
        w.Key("kind");
        str(f.kind);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

// municipality.json with the summaries of its organisations, computed from their data — what
// the rules whose subject is the municipality read (docs/ru/batch.md).
data::DataTree dossier_of(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs) {
    data::DataTree dossier = data::DataTree::from_json(*input.municipality_json, input.municipality_file.string(),
                                                       data::municipality_file_format(), input.municipality_places);
    xmlNodePtr root = dossier.root();
    for (xmlNodePtr c = root->children; c;) {
        xmlNodePtr next = c->next;
        // Summaries given by hand stand in for organisations' data; with the data here, the
        // computed ones replace them.
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("organisation_summaries"))) {
            xmlUnlinkNode(c);
            xmlFreeNode(c);
        }
        c = next;
    }
    xmlNodePtr list = add_element(root, "organisation_summaries");
    for (const auto& o : orgs) {
        xmlNodePtr n = add_element(list, "organisation");
        add_element(n, "name", o.name.empty() ? o.label : o.name);
        add_element(n, "type", o.type);
        add_element(n, "status", status_text(o.status));
        if (!o.indicators) continue;
        const auto& i = *o.indicators;
        add_element(n, "polozhenie", i.polozhenie ? "да" : "нет");
        add_element(n, "programme", i.programme ? "да" : "нет");
        add_element(n, "staff", std::to_string(i.staff));
        add_element(n, "mentors", std::to_string(i.mentors));
        add_element(n, "young", std::to_string(i.young));
        add_element(n, "young_covered", std::to_string(i.young_covered));
        add_element(n, "young_teachers", std::to_string(i.young_teachers));
        add_element(n, "young_teachers_covered", std::to_string(i.young_teachers_covered));
        add_element(n, "young_teachers_unknown", std::to_string(i.young_teachers_unknown));
    }
    return dossier;
}

void add_municipal_findings(xmlDocPtr doc, const rules::CheckResult& check) {
    xmlNodePtr list = add_element(xmlDocGetRootElement(doc), "municipal_findings");
    for (const auto& f : check.findings) {
        xmlNodePtr n = add_element(list, "finding");
        add_element(n, "rule", f.rule->id);
        add_element(n, "title", f.rule->title);
        add_element(n, "outcome", f.outcome == rules::Outcome::satisfied ? "выполнено"
                                  : f.outcome == rules::Outcome::violated
                                      ? (f.category == rules::Category::violation ? std::string("не выполнено")
                                                                                   : rules::category_name(f.category))
                                      : std::string("нет сведений"));
        std::string detail = f.outcome == rules::Outcome::violated ? f.message : std::string();
        for (const auto& m : f.missing) detail += (detail.empty() ? "не хватает: " : "; ") + m;
        add_element(n, "detail", detail.empty() ? "—" : detail);
        std::string cite;
        for (const auto* c : f.citations) cite += (cite.empty() ? "" : "; ") + c->text();
        add_element(n, "citation", cite.empty() ? "—" : cite);
    }
}

}  // namespace

std::vector<WrittenFile> write_municipal(const MunicipalityInput& input, const std::vector<OrganisationResult>& orgs,
                                         const rules::Catalog& catalog, const Options& options, Result& result) {
    const Totals t = totals_of(orgs);
    const data::DataTree dossier = dossier_of(input, orgs);
    const auto selection = rules::select_rulesets(catalog, dossier, options.as_of);
    rules::CheckResult municipal_check = rules::check(dossier, selection.rulesets, options.as_of, rules::Subject::municipality);
    rules::describe_check(municipal_check, selection, dossier);
    result.municipal_errors = municipal_check.count_violated(rules::Severity::error);
    result.municipal_warnings = municipal_check.count_violated(rules::Severity::warning);
    result.municipal_not_evaluable = municipal_check.gaps();
    const auto targets = targets_of(*input.municipality, t, options.as_of.year());
    std::vector<std::pair<std::string, std::string>> outputs;  // name → bytes, in writing order
    std::vector<std::string> kinds;
    std::size_t documents = 0;
    for (const auto& o : orgs) {
        documents += static_cast<std::size_t>(std::count_if(o.files.begin(), o.files.end(), [](const WrittenFile& f) {
            return !f.kind.starts_with("check-") && f.kind != "index";
        }));
    }
    if (!options.check_only) {
        const auto tree = report_tree(input, orgs, t, targets, options);
        add_municipal_findings(tree.get(), municipal_check);
        const auto images = municipal_images(orgs, targets);
        struct Kind {
            const char* template_file;
            const char* output;
            const char* act;
            bool charts;
            const char* id;
        };
        const Kind kinds_[] = {
            {"prikaz-munitsipaliteta.docx", "Приказ о внедрении системы наставничества.docx",
             "приказ о внедрении системы наставничества", false, "prikaz-munitsipaliteta"},
            {"spravka-munitsipaliteta.docx", "Аналитическая справка по муниципалитету.docx", "аналитическая справка", true,
             "spravka-munitsipaliteta"},
        };
        for (const auto& k : kinds_) {
            const auto [date, number] = act_of(*input.municipality, k.act, options.as_of);
            xmlNodePtr d = nullptr;
            for (xmlNodePtr c = xmlDocGetRootElement(tree.get())->children; c; c = c->next) {
                if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("document"))) d = c;
            }
            for (xmlNodePtr c = d->children; c;) {  // date and number of this document
                xmlNodePtr next = c->next;
                if (xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("date")) ||
                    xmlStrEqual(c->name, reinterpret_cast<const xmlChar*>("number"))) {
                    xmlUnlinkNode(c);
                    xmlFreeNode(c);
                }
                c = next;
            }
            add_element(d, "date", date);
            add_element(d, "number", number);
            const auto tpl = docx::Template::load(options.templates_dir / k.template_file);
            xpath::Evaluator ev(tree.get(), options.as_of.iso());
            std::string bytes = tpl.render(ev, xmlDocGetRootElement(tree.get()));
            if (k.charts) {
                std::map<std::string, std::string> by_name(images.begin(), images.end());
                bytes = docx::replace_pictures(bytes, by_name, k.template_file);
            }
            if (options.format != generate::OutputFormat::docx) {
                pdf::RenderOptions ro;
                ro.file_name = k.output;
                ro.title = std::filesystem::path(k.output).stem().string();
                ro.creation_date = options.as_of;
                std::string pdf_name = std::string(k.output);
                pdf_name.replace(pdf_name.size() - 5, 5, ".pdf");
                outputs.emplace_back(pdf_name, pdf::render_docx(bytes, ro).pdf);
                kinds.emplace_back(k.id);
            }
            if (options.format != generate::OutputFormat::pdf) {
                outputs.emplace_back(k.output, std::move(bytes));
                kinds.emplace_back(k.id);
            }
        }
    }
    outputs.emplace_back("Результат проверки муниципалитета.txt", rules::report_text(municipal_check, dossier));
    kinds.emplace_back("check-text");
    outputs.emplace_back("Результат проверки муниципалитета.json", rules::report_json(municipal_check, dossier));
    kinds.emplace_back("check-json");
    outputs.emplace_back("Свод по организациям.csv", csv_table(orgs));
    kinds.emplace_back("table-csv");
    outputs.emplace_back("Сводка.txt", summary_text(input, orgs, t, targets, documents, options, municipal_check));
    kinds.emplace_back("summary");

    std::vector<WrittenFile> written;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        write_file_atomic(options.out_dir / outputs[i].first, outputs[i].second, /*durable=*/false);
        written.push_back(WrittenFile{outputs[i].first, sha256_hex(outputs[i].second), outputs[i].second.size(), "", kinds[i]});
    }
    std::vector<WrittenFile> all = written;
    for (const auto& o : orgs) all.insert(all.end(), o.files.begin(), o.files.end());
    const std::string manifest = manifest_json(input, orgs, all, options);
    // Everything the manifest lists is on disk before the manifest itself is.
    sync_file_system(options.out_dir);
    write_file_atomic(options.out_dir / "manifest.json", manifest);
    written.push_back(WrittenFile{"manifest.json", sha256_hex(manifest), manifest.size(), "", "manifest"});
    return written;
}

}  // namespace nastavnik::batch
