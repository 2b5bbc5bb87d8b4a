#include "nastavnik/generate/generator.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/core/working_days.hpp"
#include "nastavnik/docx/pictures.hpp"
#include "nastavnik/docx/template.hpp"
#include "nastavnik/generate/document_settings.hpp"
#include "nastavnik/text/letter_case.hpp"
#include "nastavnik/text/plural.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/text/typography.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/xpath/evaluator.hpp"
#include "generate/analytical_report.hpp"
#include "generate/comparison_copy.hpp"
#include "generate/programme.hpp"
#include "generate/questionnaires.hpp"
#include "nastavnik/data/monitoring.hpp"
#include "nastavnik/rules/jurisdiction.hpp"
#include "nastavnik/rules/layering.hpp"
#include "rules/ended_programmes.hpp"
#include "rules/plain_tree.hpp"

#include <algorithm>
#include <set>

namespace nastavnik::generate {

namespace {

// A registration number not yet known is left as a line to fill in by hand at registration
// (ГОСТ Р 7.0.97: the number is assigned when the document is signed), never as a tag.
constexpr const char* blank_number = "________";

// A recorded act (the context node) made for the academic year of the as-of date. An act dated
// June or later prepares the coming year (a roadmap, the orders of late August that appoint the
// curator and approve the plan), as tools/make_templates.py plan_year counts. An act of an earlier
// year is never reproduced under its own date and number: we cannot reproduce the text that was
// signed, and what we generate today under that date would pass for it (review 2026-12-06:
// Ласточка's orders of 25.08.2023 citing ст. 351.8 ТК РФ of 2025).
constexpr const char* of_the_year =
    "n:year(date) - number(number(substring(date, 6, 2)) < 6) >= "
    "n:year(n:today()) - number(number(substring(n:today(), 6, 2)) < 6)";

// A recorded act (the context node) issued before the as-of date: it exists, signed, and the
// package does not draw it again — what we would generate under its date and number is not the
// text that was signed, and signed now it would be dated back (reader of 7.12.2026, A1). One
// dated on the as-of day itself is issued now: drawn.
#define NASTAVNIK_ISSUED "n:days(date) < n:days(n:today())"
constexpr const char* issued = NASTAVNIK_ISSUED;

// A pair or group whose programme has not ended by the as-of date. What belongs to a programme
// that has ended — its consents, its programme, the order fixing it — was signed before it began
// or not at all: drawn up now and signed, it would be dated back (review 2026-12-06: Ласточка's
// consents of 2023 in a package of 2026). The package's inventory says they were left out.
#define NASTAVNIK_CURRENT "[not(programme/end) or n:days(programme/end) >= n:days(n:today())]"
constexpr const char* current_items = "(/data/pairs/pair" NASTAVNIK_CURRENT " | /data/groups/group" NASTAVNIK_CURRENT ")";

// A mentor's supplementary agreement made before the as-of date (the context: a mentor): the
// package does not draw it again (issued_items).
#define NASTAVNIK_AGREEMENT_ISSUED "labour_agreement[not(@nil = 'true')]/date[n:days(.) < n:days(n:today())]"

// The order amending this year's recorded pairs order: no act of this kind is ever recorded (the
// data have none), so it is dated and numbered as the package's new documents are.
constexpr const char* pay_amendment_act = "приказ о внесении изменений в приказ о закреплении наставнических пар";
// This year's recorded order fixing the pairs, issued before the as-of date under ст. 351.8 ТК РФ
// (it has an item on the mentors' pay).
const std::string recorded_pairs_order = std::string("(/data/acts/act[kind = 'приказ о закреплении наставнических пар'][") +
                                         of_the_year + "])[last()][" NASTAVNIK_ISSUED "][n:days(date) >= n:days('2025-03-01')]";
// The mentors of that order's pairs (not one fixed by another pairs order) whose supplementary
// agreement the package issues — one drawn (dop-soglashenie) and not made before the as-of date.
// The order, signed before their agreements, set no pay for them: without an order that does, the
// accountant does not pay them (reader G of 7.12.2026, 2). The order amending it
// (prikaz-pary-izmeneniya) names them; the inventory's line on the recorded order says so.
const std::string pay_amended_mentors =
    std::string("/data/mentors/mentor[person = ") + current_items +
    "[not(id(appointed_by)[kind = 'приказ о закреплении наставнических пар'][not(@id = " + recorded_pairs_order +
    "/@id)])]/mentor][not(" NASTAVNIK_AGREEMENT_ISSUED ")][n:days(n:today()) >= n:days('2025-03-01')][" +
    recorded_pairs_order + "]";


// The act that appointed the curator (curator/appointed_by), else the last recorded order of
// that kind. Of an earlier year, it stays in force and the package does not draw it again, even
// with Options::reissue (that year's order is history); of this year and issued before the as-of
// date, it is not drawn again unless asked.
const std::string curator_act =
    "(id(/data/curator/appointed_by) | (/data/acts/act[kind = 'приказ о назначении куратора'])[last()]"
    "[not(/data/curator/appointed_by)])";
const std::string curator_appointed_earlier = curator_act + "[not(" + of_the_year + ")]";
const std::string curator_appointed_issued = curator_act + "[" + of_the_year + "][" NASTAVNIK_ISSUED "]";

// The recorded order approving the Положение, else the recorded Положение itself (its date).
constexpr const char* recorded_approval = "(/data/acts/act[kind = 'приказ об утверждении положения'])[last()]";
constexpr const char* recorded_polozhenie = "(/data/acts/act[kind = 'положение о наставничестве'])[last()]";

// The edition of the Положение the package holds. Recorded in this academic year, it is
// reproduced under its own order; recorded in an earlier one, the package holds a new edition
// (what we generate is today's model adapted to the organisation, not the text once signed),
// approved by an order of the as-of date, which repeals the recorded one (docs/ru/polozhenie.md).
struct Edition {
    bool renewed = false;
    std::string date, number;                    // the approving order of the package's edition
    std::string recorded_date, recorded_number;  // the recorded approving order; number may be empty
    bool recorded = false;                       // an approving order (not only the Положение) is recorded
};

Edition polozhenie_edition(const data::DataTree& tree, const Options& options) {
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    Edition e;
    e.date = options.order_date.value_or(options.as_of.iso());
    e.number = options.order_number.value_or(blank_number);
    auto nodes = ev.nodes(xpath::Expression::compile(recorded_approval), tree.root());
    e.recorded = !nodes.empty();
    if (nodes.empty()) nodes = ev.nodes(xpath::Expression::compile(recorded_polozhenie), tree.root());
    if (nodes.empty()) return e;
    e.recorded_date = ev.string(xpath::Expression::compile("date"), nodes.front());
    if (e.recorded) e.recorded_number = ev.string(xpath::Expression::compile("number"), nodes.front());
    e.renewed = !ev.boolean(xpath::Expression::compile(of_the_year), nodes.front());
    if (!e.renewed && e.recorded) e.date = e.recorded_date;
    if (!e.renewed && e.recorded && !e.recorded_number.empty()) e.number = e.recorded_number;
    return e;
}

// $polozhenie_cited_ins: that edition's title in the instrumental. Needs polozhenie_title's variables.
// $polozhenie_cited_date / $polozhenie_cited_number: the order approving the edition of the
// Положение in force on `day` (the document's date, $order_date), for «…, утверждённым приказом от … № …»:
// the new edition from its date on, the recorded order before it (the pairs order of 08.09.2026
// followed the edition of 2022); empty when no approving order is recorded and the package's
// edition is not yet approved on that date.
void cite_polozhenie(xpath::Variables& v, const DocumentSettings& settings, const std::optional<Date>& day) {
    const auto renewed_on = Date::parse_iso(v["polozhenie_date"]);
    const bool in_force = !v["polozhenie_new"].empty() && day && renewed_on && *day >= *renewed_on;
    // Before the new edition, the recorded one under the title it was approved with (reader of
    // 7.12.2026, C12: the pairs order of 08.09.2026 cited the 2022 edition by the new title).
    v["polozhenie_cited_ins"] =
        v[!v["polozhenie_new"].empty() && !in_force ? "polozhenie_recorded_title_ins" : "polozhenie_title_ins"];
    if (in_force) {
        v["polozhenie_cited_date"] = v["polozhenie_date"];
        v["polozhenie_cited_number"] = v["polozhenie_number"];
    } else if (!v["polozhenie_approval_recorded"].empty()) {
        v["polozhenie_cited_date"] = v["polozhenie_recorded_date"];
        v["polozhenie_cited_number"] = v["polozhenie_recorded_number"].empty()
                                           ? format_order_number(settings, blank_number)
                                           : v["polozhenie_recorded_number"];
    } else {
        v["polozhenie_cited_date"] = v["polozhenie_cited_number"] = "";
    }
}

// A file name made from data stays a plain name inside the output folder: no separators, no
// control characters, no leading dot, no more than 150 bytes before the extension.
std::string safe_file_name(std::string name) {
    const auto dot = name.rfind(".docx");
    if (dot != std::string::npos) name.erase(dot);
    return safe_file_stem(std::move(name), 150, "документ") + ".docx";
}

// The package's inventory for the clerk who files it: what was written, in the order of the
// kinds table, each document's title and file name. Plain UTF-8 text, no date of the run, so
// that two runs on the same data write the same bytes.
std::string index_text(const data::DataTree& tree, const Options& options,
                       const std::vector<std::pair<std::string, std::string>>& documents,
                       const std::vector<std::string>& notes) {
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    const std::string org = ev.string(xpath::Expression::compile("/data/organisation/short_name"), tree.root());
    std::string out = "Состав пакета документов о наставничестве педагогических работников\n" + org +
                      "\nДанные по состоянию на " + text::date_numeric(options.as_of) + "\n\n";
    int n = 0;
    for (const auto& [title, file] : documents) {
        out += std::to_string(++n) + ". " + title + " — " + file + "\n";
    }
    out += "\nВсего: " + text::with_noun(n, "документ", "документа", "документов") + "\n";
    if (!notes.empty()) out += "\n";
    for (const auto& note : notes) out += note + "\n";
    const auto ended = static_cast<long>(ev.number(
        xpath::Expression::compile("count((/data/pairs/pair | /data/groups/group)[programme/end and "
                                   "n:days(programme/end) < n:days(n:today())])"),
        tree.root()));
    if (ended > 0) {
        out += "\nПрограммы наставничества, завершённые до " + text::date_numeric(options.as_of) + " (" +
               std::to_string(ended) + "), и согласия их участников не сформированы: их подписывают до начала программы, а "
               "составленные сейчас были бы датированы задним числом.\n";
    }
    return out;
}

// «от 25.08.2023 № 45-о» of a recorded act, for the inventory.
std::string dated(const std::string& iso, const std::string& number) {
    const auto d = Date::parse_iso(iso);
    return "от " + (d ? text::date_numeric(*d) : iso) + (number.empty() ? "" : " № " + number);
}

// What the package does not draw again, and why: the curator appointed by the act `which` selects.
// `renewed`: the package approves a new edition of the Положение.
std::string curator_note(const xpath::Evaluator& ev, xmlNodePtr root, const std::string& which, bool renewed) {
    const auto nodes = ev.nodes(xpath::Expression::compile(which), root);
    if (nodes.empty()) return {};
    const std::string order = dated(ev.string(xpath::Expression::compile("date"), nodes.front()),
                                    ev.string(xpath::Expression::compile("number"), nodes.front()));
    if (ev.string(xpath::Expression::compile("kind"), nodes.front()) == "приказ о назначении куратора") {
        // A curator who is not a deputy where there are deputies is to be replaced: the Положение
        // names the curator among the deputies, the roadmap plans the appointment (reader G of
        // 7.12.2026, 3: «действует» alone contradicted both).
        if (ev.boolean(xpath::Expression::compile("/data/curator/person and /data/organisation/deputies/deputy and "
                                                  "not(/data/curator/person = /data/organisation/deputies/deputy)"),
                       root)) {
            // The order approving the new edition appoints the first deputy and repeals this one
            // (REPLACES_CURATOR in tools/make_templates.py; reader G of 7.12.2026, 3).
            if (renewed) {
                const auto deputy = ev.nodes(xpath::Expression::compile("/data/organisation/deputies/deputy[1]"), root);
                return "Приказ о назначении куратора " + order + " признаётся утратившим силу приказом об утверждении "
                       "Положения в новой редакции, которым куратором назначается " +
                       ev.string(xpath::Expression::compile("n:position(., 'им')"), deputy.front()) + " " +
                       ev.string(xpath::Expression::compile("n:initials-surname(.)"), deputy.front()) + ".";
            }
            return "Приказ о назначении куратора " + order + " действует до назначения куратора из числа заместителей "
                   "руководителя, как того требует Положение; повторно не оформляется.";
        }
        return "Приказ о назначении куратора " + order + " действует; повторно не оформляется.";
    }
    return "Куратор назначен приказом " + order + "; приказ о назначении куратора повторно не оформляется.";
}

// The inventory's words on the recorded pairs order that sets no pay for some mentors of its pairs
// (pay_amended_mentors): which order does, and whether the package holds it. Empty: none such.
std::string pay_amendment_note(const xpath::Evaluator& ev, xmlNodePtr root, const Options& options) {
    const auto mentors = ev.nodes(xpath::Expression::compile(pay_amended_mentors), root);
    if (mentors.empty()) return {};
    std::vector<std::string> names;
    const auto name = xpath::Expression::compile("n:initials-surname(person, 'дат')");
    for (xmlNodePtr m : mentors) names.push_back(ev.string(name, m));
    const bool drawn = options.only.empty() ||
                       std::find(options.only.begin(), options.only.end(), "prikaz-pary-izmeneniya") != options.only.end();
    return std::string(" Выплату ") + (names.size() == 1 ? "наставнику " : "наставникам ") + text::enumeration(names) +
           ", которой в нём нет, устанавливает приказ о внесении в него изменений" +
           (drawn ? ", включённый в пакет." : " (вид prikaz-pary-izmeneniya).");
}

// A kind whose one document the organisation issued before the as-of date (an act recorded in
// this academic year and dated earlier): what the inventory says instead of drawing it again;
// empty when the document is to be drawn. `v`: the kind's document variables.
std::string issued_note(const DocumentKind& kind, const data::DataTree& tree, const Options& options,
                        xpath::Variables& v) {
    if (kind.id == "polozhenie" || kind.id == "prikaz-polozhenie") {
        // An edition of an earlier year is renewed (a new document of the as-of date); one of
        // this year already approved stands.
        const auto recorded = Date::parse_iso(v["polozhenie_recorded_date"]);
        if (!v["polozhenie_new"].empty() || !recorded || !(*recorded < options.as_of)) return {};
        const std::string order = dated(v["polozhenie_recorded_date"], v["polozhenie_recorded_number"]);
        return kind.id == "polozhenie" ? v["polozhenie_title"] + ", утверждённое приказом " + order +
                                             ", действует; повторно не оформляется."
                                       : "Приказ об утверждении " + v["polozhenie_title_gen"] + " " + order +
                                             " действует; повторно не оформляется.";
    }
    if (kind.id == "prikaz-kurator") {
        const xpath::Evaluator ev(tree.doc(), options.as_of.iso());
        return curator_note(ev, tree.root(), curator_appointed_issued, !v["polozhenie_new"].empty());
    }
    std::string act, what;
    if (kind.id == "prikaz-pary") {
        act = "(/data/acts/act[kind = 'приказ о закреплении наставнических пар'][" + std::string(of_the_year) + "])[last()]";
        what = "Приказ о закреплении наставнических пар (групп) ";
    } else if (kind.id == "dorozhnaya-karta") {
        act = "(/data/acts/act[kind = 'дорожная карта'][" + std::string(of_the_year) + "])[last()]";
        what = "Дорожная карта (план мероприятий) ";
    } else {
        return {};
    }
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    const auto nodes = ev.nodes(xpath::Expression::compile(act + "[" + issued + "]"), tree.root());
    if (nodes.empty()) return {};
    auto field = [&](const char* path) { return ev.string(xpath::Expression::compile(path), nodes.front()); };
    if (kind.id == "dorozhnaya-karta" && !field("id(approved_by)/date").empty()) {
        return what.substr(0, what.size() - 1) + ", утверждённая приказом " +
               dated(field("id(approved_by)/date"), field("id(approved_by)/number")) +
               ", действует; повторно не оформляется.";
    }
    std::string note = what + dated(field("date"), field("number")) + " действует; повторно не оформляется.";
    if (kind.id == "prikaz-pary") note += pay_amendment_note(ev, tree.root(), options);
    return note;
}

// A document of one person or programme issued before the as-of date (the item is the kind's
// `each` node): a consent signed, an agreement made, a programme approved or begun. Not drawn
// again, for the reason of `issued`; the inventory counts them. Empty: none of the kind is issued.
struct IssuedItems {
    const char* kind;
    const char* when;   // XPath on the item
    // The inventory's line: «<what> <names>, <done> до ДД.ММ.ГГГГ, повторно не оформляются.», the
    // names as the files name them after the kind's own words («Баранова В.П. и Носковой К.О.»).
    const char* what;
    const char* done;
};
constexpr IssuedItems issued_items[] = {
    {"soglasie-nastavnika", "consent_date[not(@nil = 'true')][n:days(.) < n:days(n:today())]", "Согласия наставников",
     "оформленные"},
    {"soglasie-nastavlyaemogo",
     "(/data/pairs/pair[mentee = n:current()/@id]/mentee_consent_date | /data/groups/group/mentee_consents/"
     "consent[person = n:current()/@id]/date)[not(@nil = 'true')][n:days(.) < n:days(n:today())]",
     "Согласия наставляемых", "оформленные"},
    {"dop-soglashenie", NASTAVNIK_AGREEMENT_ISSUED,
     "Дополнительные соглашения к трудовым договорам с", "заключённые"},
    {"programma",
     "programme/start[n:days(.) < n:days(n:today())] or id(programme/approved_by)/date[n:days(.) < "
     "n:days(n:today())]",
     "Персонализированные программы наставничества", "утверждённые или начатые"},
};

const IssuedItems* issued_items_of(const DocumentKind& kind) {
    for (const auto& i : issued_items) {
        if (kind.id == i.kind) return &i;
    }
    return nullptr;
}

// The PDF of each filled DOCX beside it, dated by the as-of date so that output stays
// reproducible. Runs inside a kind's try block: a document our renderer cannot print costs
// only its own kind.
void apply_format(std::vector<Document>& documents, const Options& options) {
    if (options.format == OutputFormat::docx) return;
    std::vector<Document> out;
    for (auto& d : documents) {
        pdf::RenderOptions ro;
        ro.file_name = d.file_name;
        ro.title = d.title.empty() ? d.kind->title : d.title;
        ro.creation_date = options.as_of;
        std::string name = d.file_name.substr(0, d.file_name.size() - 5) + ".pdf";
        auto result = pdf::render_docx(d.bytes, ro);
        Document p{d.kind, std::move(name), std::move(result.pdf), std::move(result.warnings), d.title};
        if (options.format == OutputFormat::both) out.push_back(std::move(d));
        out.push_back(std::move(p));
    }
    documents = std::move(out);
}

// The Положение as the organisation titles it (acts[].title of its recorded Положение), else
// ours, naming the organisation unless the title already says where it applies: what every
// document cites, in the nominative, the genitive («Об утверждении Положения о …») and the
// instrumental («С Положением … ознакомлена»), and the title's words after «Положение» for the
// heading under «ПОЛОЖЕНИЕ».
xpath::Variables polozhenie_title(const data::DataTree& tree, const std::string& as_of) {
    xpath::Evaluator ev(tree.doc(), as_of);
    std::string title = ev.string(
        xpath::Expression::compile("(/data/acts/act[kind = 'положение о наставничестве'])[last()]/title"), tree.root());
    if (title.empty()) title = "Положение о системе наставничества педагогических работников";
    // The centred heading under «ПОЛОЖЕНИЕ» does not break after the «в» that names the
    // organisation, nor inside a short name of it («…в МБУ ДО «ЦДТ / № 2»» before); a name too
    // long for a line of the heading may break at its spaces.
    std::string where, where_bound;
    if (title.find(" в ") == std::string::npos) {
        const std::string org = ev.string(xpath::Expression::compile("/data/organisation/short_name"), tree.root());
        // Cited in running text, a name in quotes of a few letters is not broken either («в МБОУ
        // «СОШ» / «№ 1»» of an agreement: reader of 7.12.2026, A15); the whole short name bound, or
        // a longer quoted name («ЦДТ Октябрьского района»), left the justified line before it
        // stretched word by word (seen in the Бийск and ЦДТ agreements).
        const auto quote = org.find("«");
        const std::string quoted = quote == std::string::npos ? std::string() : org.substr(quote);
        const auto letters = std::count_if(quoted.begin(), quoted.end(), [](char c) { return (c & 0xC0) != 0x80; });
        where = " в " + (!quoted.empty() && letters <= 12 ? org.substr(0, quote) + text::unbreakable_short_name(quoted) : org);
        where_bound = " в\u00A0" + text::unbreakable_short_name(org);
    }
    const std::string word = "Положение";
    const bool standard = title.starts_with(word + " ");
    const std::string rest = standard ? title.substr(word.size()) : "";
    // The title's words before «педагогических работников», for file names and the inventory
    // («Положение о наставничестве.docx» of an organisation whose Положение is titled so: reader of
    // 7.12.2026, A8).
    const auto whose = title.find(" педагогических работников");
    const std::string name = whose == std::string::npos ? title : title.substr(0, whose);
    return {{"polozhenie_title", title + where},
            {"polozhenie_own_title", title},
            {"polozhenie_name", name},
            {"polozhenie_name_gen", standard ? "Положения" + name.substr(word.size()) : name},
            {"polozhenie_title_gen", standard ? "Положения" + rest + where : title + where},
            {"polozhenie_title_ins", standard ? "Положением" + rest + where : title + where},
            // The recorded edition as approved, for what cites it before a new edition
            // (cite_polozhenie, make_templates.polozhenie_on).
            {"polozhenie_recorded_title_ins", standard ? "Положением" + rest : title},
            {"polozhenie_heading", (standard ? rest.substr(1) : title) + where_bound},
            // A centred title citing it (the roadmap's) does not break the short name either.
            {"polozhenie_title_gen_bound", (standard ? "Положения" + rest : title) + where_bound}};
}

// The Положение's data: a copy of the organisation's with /data/legal_basis/act — each regional
// or municipal act in force on the day the Положение is adopted (its approving order's date), in
// the instrumental with its title, for «Положение разработано в соответствии с: …». An act in
// force on the as-of date but not then (or the reverse: Бурятия № 1552 ended 31.12.2024) would
// make the Положение cite what it could not have followed.
std::unique_ptr<xmlDoc, data::DocFree> with_legal_basis(const data::DataTree& tree, const rules::Catalog& catalog,
                                                        const std::string& adopted) {
    auto doc = data::copy_document(tree);
    xmlNodePtr basis = rules::add_element(xmlDocGetRootElement(doc.get()), "legal_basis");
    if (const auto day = Date::parse_iso(adopted)) {
        for (const rules::Act* a : rules::local_acts_in_force(catalog, tree, *day)) {
            rules::add_element(basis, "act", a->full_name_instrumental());
        }
    }
    return doc;
}

// The roadmap's deadlines the справка's proposals repeat, computed here once (reader D, M4/M5): the
// roadmap prints them ($mentee_list_due, $preparation_due: tools/roadmap_template.py) and the
// справка asks by them (render_analytical_report). `roadmap_date`: the roadmap's own date.
// The list of mentees is the first step of forming the pairs: by the recorded order fixing this
// year's pairs when it comes on or after the roadmap's date, else by 1 September of the planned
// year, or two weeks after a roadmap made later, on a working day. What prepares it (the curator)
// is done by then, by 1 September at the latest.
RoadmapDates roadmap_dates(const data::DataTree& tree, const Date& as_of, const Date& roadmap_date) {
    // The academic year planned: the one starting in September of a roadmap dated June or later.
    const Date september(roadmap_date.year() - (roadmap_date.month() < 6 ? 1 : 0), 9, 1);
    const Date soon = roadmap_date.add_days(14);
    const Date first = next_working_day(september < soon ? soon : september);
    xpath::Evaluator ev(tree.doc(), as_of.iso());
    const auto order = ev.nodes(
        xpath::Expression::compile(std::string("(/data/acts/act[kind = 'приказ о закреплении наставнических пар'][") +
                                   of_the_year + "])[last()][n:days(date) >= n:days('" + roadmap_date.iso() + "')]"),
        tree.root());
    std::optional<Date> list;
    if (!order.empty()) list = Date::parse_iso(ev.string(xpath::Expression::compile("string(date)"), order.front()));
    if (!list) list = first;
    return RoadmapDates{roadmap_date, *list, std::min(first, *list)};
}

// The analytical report: the data with /data/report (generate/analytical_report.hpp), its
// charts in the template's chart:NAME pictures.
// `roadmap_text`: the roadmap the package has drawn, as text: the measures it plans name its rows.
std::string render_analytical_report(const data::DataTree& tree, const Options& options, const docx::Template& tpl,
                                     const DocumentSettings& settings, const std::string& roadmap_text,
                                     std::optional<Date>& remedy_deadline) {
    xpath::Variables parameters;
    if (options.check != nullptr && !options.check->rulesets.empty()) {
        parameters = rules::compose(options.check->rulesets).parameters_at(options.as_of);
    }
    const bool roadmap = options.only.empty() ||
                         std::find(options.only.begin(), options.only.end(), "dorozhnaya-karta") != options.only.end();
    xpath::Variables variables = document_variables(tree, options, "аналитическая справка", settings);
    {
        const auto recorded = Date::parse_iso(variables["order_date"]);
        // A справка of another academic year is not this one: this one is dated by the package's
        // date and gets its number at registration. One recorded before the as-of date reported
        // on an earlier state (a справка of October is not December's), unless it is dated
        // ahead, as the data plan it.
        if (recorded && (data::monitoring::year_of(*recorded) != data::monitoring::year_of(options.as_of) ||
                         *recorded < options.as_of)) {
            variables["order_date"] = options.order_date.value_or(options.as_of.iso());
            variables["order_number"] = format_order_number(settings, options.order_number.value_or(blank_number));
        }
    }
    // The monitoring was held before the справка is signed, under the edition then in force: a new
    // edition approved on the справка's own day (the package's) is not what it followed (reader
    // of 7.12.2026: «утверждённым приказом от 07.12.2026 № ________» for a monitoring of the autumn).
    const auto day = Date::parse_iso(variables["order_date"]);
    if (day) cite_polozhenie(variables, settings, day->add_days(-1));
    // Its deadlines count from the date it bears, as the municipal order's do (batch --date 23.11
    // for a check of 22.11: «в срок до 23.12.2026» in both).
    // The roadmap the package draws (not one issued before: what it says is not ours to repeat):
    // the справка asks by its dates.
    std::optional<RoadmapDates> planned;
    if (roadmap) {
        const auto& kinds = document_kinds();
        const auto kind = std::find_if(kinds.begin(), kinds.end(), [](const DocumentKind& k) { return k.id == "dorozhnaya-karta"; });
        if (kind != kinds.end()) {
            xpath::Variables v = document_variables(tree, options, kind->act_kind, settings, kind->act_when);
            const auto d = Date::parse_iso(v["order_date"]);
            // A recorded roadmap drawn again with --reissue keeps its own, past dates: not this справка's.
            // Its dates as document_variables computed them for the roadmap itself, not a second time.
            const auto list = Date::parse_iso(v["mentee_list_due"]), prep = Date::parse_iso(v["preparation_due"]);
            if (d && list && prep && issued_note(*kind, tree, options, v).empty()) planned = RoadmapDates{*d, *list, *prep};
        }
    }
    const AnalyticalReport report =
        analytical_report(tree, options.as_of, options.check, parameters, roadmap, day, planned, planned ? roadmap_text : std::string());
    remedy_deadline = report.remedy_deadline;
    xpath::Evaluator ev(report.doc.get(), options.as_of.iso(), std::move(variables));
    std::string bytes = tpl.render(ev, xmlDocGetRootElement(report.doc.get()));
    bytes = docx::replace_pictures(bytes, report.charts, "Аналитическая справка о результатах мониторинга.docx");
    return apply_document_settings(bytes, settings);
}

// $programmes_with_order / $programmes_due: one development deadline for every personalised
// programme of the order fixing the pairs, no later than any programme's start, which the order,
// the roadmap and each programme print alike (reader of 7.12.2026, A5; docs/ru/polozhenie.md,
// «Срок разработки программ»). A programme that starts on the order's date was written before
// it: the order approves the programmes not approved by another act and not started before it as
// its annexes, and they are due by the order's date. Otherwise the order asks for them by the working day before
// the first of them starts, at most two weeks after the order. The order's date is the one the
// order carries: the recorded order of this academic year's, else --date or the as-of date.
void programmes_due(xpath::Variables& v, const data::DataTree& tree, const Options& options) {
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    const auto recorded = ev.nodes(
        xpath::Expression::compile(std::string("(/data/acts/act[kind = 'приказ о закреплении наставнических пар'][") +
                                   of_the_year + "])[last()]"),
        tree.root());
    // --date dates a new order only: a recorded one keeps its date (document_variables).
    std::string iso = options.order_date.value_or(options.as_of.iso());
    if (!recorded.empty()) iso = ev.string(xpath::Expression::compile("date"), recorded.front());
    const auto order = Date::parse_iso(iso);
    v["programmes_with_order"] = "";
    v["programmes_due"] = iso;
    if (!order) return;
    // A programme an act of another kind approves is not this order's.
    const auto starts = ev.nodes(
        xpath::Expression::compile(
            std::string(current_items) +
            "[not(id(programme/approved_by)) or id(programme/approved_by)/kind = 'приказ о закреплении наставнических "
            "пар']/programme/start"),
        tree.root());
    // One started before the order exists already, approved by the head (the check reports it).
    std::optional<Date> first;
    const auto start = xpath::Expression::compile("string(.)");
    for (xmlNodePtr s : starts) {
        const auto d = Date::parse_iso(ev.string(start, s));
        if (d && *d >= *order && (!first || *d < *first)) first = d;
    }
    Date due = next_working_day(order->add_days(14));
    if (first && *first == *order) {
        v["programmes_with_order"] = "true";
        due = *order;
    } else if (first) {
        Date before = first->add_days(-1);
        while (next_working_day(before) != before) before = before.add_days(-1);
        due = std::max(*order, std::min(due, before));
    }
    v["programmes_due"] = due.iso();
}

}  // namespace

// $order_date / $order_number: the recorded act of the document's kind (the order approving
// the Положение, the order fixing the pairs …), unless given explicitly. $approved_date /
// $approved_number: the order that approved that act (`approved_by`), which the гриф
// «УТВЕРЖДЕНА приказом … от … № …» of an approved document cites; the act's own if none.
xpath::Variables document_variables(const data::DataTree& tree, const Options& options, const std::string& act_kind,
                                    const DocumentSettings& settings, const std::string& act_when) {
    xpath::Evaluator ev(tree.doc(), options.as_of.iso());
    const std::string when = act_when.empty() ? std::string() : "[" + act_when + "]";
    const auto recorded = xpath::Expression::compile("(/data/acts/act[kind = '" + act_kind + "']" + when + ")[last()]");
    const auto nodes = ev.nodes(recorded, tree.root());
    std::string date = options.as_of.iso();
    std::string number = blank_number;
    std::string approved_date, approved_number;
    if (!nodes.empty()) {
        date = ev.string(xpath::Expression::compile("date"), nodes.front());
        const std::string n = ev.string(xpath::Expression::compile("number"), nodes.front());
        if (!n.empty()) number = n;
        approved_date = ev.string(xpath::Expression::compile("id(approved_by)/date"), nodes.front());
        approved_number = ev.string(xpath::Expression::compile("id(approved_by)/number"), nodes.front());
    }
    if (approved_date.empty()) {
        approved_date = date;
        approved_number = number;
    } else if (approved_number.empty()) {
        approved_number = blank_number;
    }
    // --date and --number date and number what this package issues; an act the data record keeps
    // its own (before, `--date` re-dated the recorded order of 08.09.2026 too).
    if (nodes.empty() && options.order_date) date = approved_date = *options.order_date;
    if (nodes.empty() && options.order_number) number = approved_number = *options.order_number;
    const Edition edition = polozhenie_edition(tree, options);
    // The Положение and its approving order of an earlier year: the new edition's order instead.
    if (edition.renewed && act_kind == "приказ об утверждении положения") {
        date = approved_date = edition.date;
        number = approved_number = edition.number;
    }
    xpath::Variables vars{{"order_date", date},
                          {"order_number", format_order_number(settings, number)},
                          {"approved_date", approved_date},
                          {"approved_number", format_order_number(settings, approved_number)},
                          {"polozhenie_new", edition.renewed ? "true" : ""},
                          {"polozhenie_date", edition.date},
                          {"polozhenie_number", format_order_number(settings, edition.number)},
                          {"polozhenie_approval_recorded", edition.recorded ? "true" : ""},
                          {"polozhenie_recorded_date", edition.recorded_date},
                          {"polozhenie_recorded_number", edition.recorded_number.empty()
                                                             ? std::string()
                                                             : format_order_number(settings, edition.recorded_number)}};
    vars.merge(polozhenie_title(tree, options.as_of.iso()));
    cite_polozhenie(vars, settings, Date::parse_iso(date));
    programmes_due(vars, tree, options);
    if (act_kind == pay_amendment_act) {
        // The mentors the order adds to the recorded order's item on the pay, as person ids.
        std::string ids;
        for (xmlNodePtr m : ev.nodes(xpath::Expression::compile(pay_amended_mentors), tree.root())) {
            ids += (ids.empty() ? "" : " ") + ev.string(xpath::Expression::compile("person"), m);
        }
        vars["pay_amended"] = ids;
    }
    if (act_kind == "дорожная карта") {
        if (const auto d = Date::parse_iso(date)) {
            const RoadmapDates r = roadmap_dates(tree, options.as_of, *d);
            vars["mentee_list_due"] = r.mentee_list.iso();
            vars["preparation_due"] = r.preparation.iso();
        }
    }
    return vars;
}



const std::vector<DocumentKind>& document_kinds() {
    static const std::vector<DocumentKind> kinds = {
        // The model of the organisation's municipality, else the federal one (docs/POLOZHENIE.md).
        {"polozhenie", "Положение о системе наставничества педагогических работников", "polozhenie.docx",
         "{$polozhenie_name}.docx", "приказ об утверждении положения", "",
         {{"/data/organisation[region = 'Алтайский край' and municipality = 'Барнаул']", "polozhenie-barnaul.docx"},
          {"/data/organisation[region = 'Алтайский край' and municipality = 'Бийск']", "polozhenie-biysk.docx"},
          // Elsewhere in the region: what both follow of приказ № 404 (reader F of 7.12.2026, 1).
          {"/data/organisation[region = 'Алтайский край']", "polozhenie-altai.docx"}}},
        {"prikaz-polozhenie", "Приказ об утверждении Положения о системе наставничества",
         "prikaz-ob-utverzhdenii-polozheniya.docx", "Приказ об утверждении {$polozhenie_name_gen}.docx",
         "приказ об утверждении положения", ""},
        // A curator appointed in an earlier year stays appointed: that order is not drawn again
        // (the package's inventory says so).
        {"prikaz-kurator", "Приказ о назначении куратора реализации программ наставничества",
         "prikaz-o-naznachenii-kuratora.docx", "Приказ о назначении куратора.docx", "приказ о назначении куратора", "",
         {}, "not(" + curator_appointed_earlier + ")"},
        // Only when there is something to fix: an order with an empty list of mentors and a table of
        // headers only is sent back (review 6, D-G1; a kindergarten without mentors yet). An order
        // recorded in an earlier year fixed that year's pairs: this year's is a new one.
        {"prikaz-pary", "Приказ о закреплении наставнических пар (групп)", "prikaz-o-zakreplenii-par.docx",
         "Приказ о закреплении наставнических пар (групп).docx", "приказ о закреплении наставнических пар", "",
         {}, current_items, of_the_year},
        // A roadmap plans one academic year; one recorded for an earlier year is history, and this
        // year's is a new one (the template chooses the same act: ROADMAP in tools/roadmap_template.py).
        {"dorozhnaya-karta", "Дорожная карта (план мероприятий) по реализации Положения", "dorozhnaya-karta.docx",
         "Дорожная карта по реализации {$polozhenie_name_gen}.docx", "дорожная карта", "", {}, "",
         of_the_year},
        {"soglasie-nastavnika", "Согласие наставника", "soglasie-nastavnika.docx",
         "Согласие наставника {n:surname-initials(person, 'род')}.docx", "приказ о назначении наставников",
         std::string("/data/mentors/mentor[not(person = (/data/pairs/pair | /data/groups/group)/mentor) or person = ") +
             current_items + "/mentor]"},
        // ст. 351.8 ТК РФ, in force from 01.03.2025: the agreement each mentor signs — a mentor of
        // a pair or group whose programme has not ended (an agreement for work already done is
        // not drawn up afterwards).
        {"dop-soglashenie", "Дополнительное соглашение к трудовому договору наставника", "dopolnitelnoe-soglashenie.docx",
         "Дополнительное соглашение с {n:surname-initials(person, 'твор')}.docx", "приказ о закреплении наставнических пар",
         std::string("/data/mentors/mentor[person = ") + current_items + "/mentor]",
         {}, "n:days(n:today()) >= n:days('2025-03-01')"},
        // A mentor of this year's recorded pairs order whose agreement the package issues: the order
        // amending that order's item on the pay (pay_amended_mentors).
        {"prikaz-pary-izmeneniya", "Приказ о внесении изменений в приказ о закреплении наставнических пар (групп)",
         "prikaz-o-vnesenii-izmeneniy-v-prikaz-o-parah.docx",
         "Приказ о внесении изменений в приказ о закреплении наставнических пар (групп).docx", pay_amendment_act, "", {},
         pay_amended_mentors},
        {"soglasie-nastavlyaemogo", "Согласие наставляемого", "soglasie-nastavlyaemogo.docx",
         "Согласие наставляемого {n:surname-initials(., 'род')}.docx", "приказ о закреплении наставнических пар",
         "/data/staff/person[@id = /data/pairs/pair" NASTAVNIK_CURRENT "/mentee or @id = /data/groups/group"
         NASTAVNIK_CURRENT "/mentees/mentee]"},
        // A programme belongs to the mentee; a group's is named after its mentor (n:if evaluates both
        // branches, so each must have a person on either kind of item).
        {"programma", "Персонализированная программа наставничества", "programma-nastavnichestva.docx",
         "Программа наставничества {n:if(self::group, concat('группы наставника ', n:surname-initials(mentor, 'род')), "
         "n:surname-initials((mentee | mentees/mentee)[1], 'род'))}.docx",
         "приказ о закреплении наставнических пар", current_items, {}, "", of_the_year},
        {"spravka", "Аналитическая справка о результатах мониторинга реализации программ наставничества",
         "analiticheskaya-spravka.docx", "Аналитическая справка о результатах мониторинга.docx", "аналитическая справка",
         ""},
        // The questionnaires of monitoring, for the programmes of the academic year of the as-of
        // date: one per mentee, one per programme for its mentor, one for the curator.
        {"anketa-nastavlyaemogo", "Анкета наставляемого", "anketa-nastavlyaemogo.docx",
         "Анкета наставляемого {n:surname-initials(., 'род')}.docx", "",
         std::string("/data/pairs/pair") + programme_of_the_year + "/mentee | /data/groups/group" + programme_of_the_year +
             "/mentees/mentee"},
        {"anketa-nastavnika", "Анкета наставника", "anketa-nastavnika.docx",
         "Анкета наставника {n:surname-initials(mentor, 'род')} по программе {n:if(self::group, 'группы', "
         "n:surname-initials((mentee | mentees/mentee)[1], 'род'))}.docx",
         "", std::string("/data/pairs/pair") + programme_of_the_year + " | /data/groups/group" + programme_of_the_year},
        {"anketa-kuratora", "Анкета куратора", "anketa-kuratora.docx", "Анкета куратора.docx", "", "", {},
         "/data/questionnaire_forms/programme"},
    };
    return kinds;
}

#undef NASTAVNIK_CURRENT

std::vector<Diagnostic> refusal_reasons(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of) {
    // What concerns only programmes that ended before this academic year is history: the справка
    // and the act take it into account and do not ask it put right, so it refuses no package
    // either (review of 7.12.2026: Ласточка refused for a programme that ended in 2024).
    const rules::EndedProgrammes history(tree, *data::monitoring::year_start(data::monitoring::year_of(as_of)));
    std::vector<Diagnostic> reasons;
    for (const auto& f : check.findings) {
        if (f.is_violation() && f.rule->severity == rules::Severity::error && history.years_of(f).empty()) {
            reasons.push_back(Diagnostic{f.subject, f.message + " [" + f.rule->id + "]"});
        }
    }
    return reasons;
}

void refuse_if_violated(const rules::CheckResult& check, const data::DataTree& tree, const Date& as_of) {
    std::vector<Diagnostic> reasons = refusal_reasons(check, tree, as_of);
    if (reasons.empty()) return;
    reasons.insert(reasons.begin(),
                   Diagnostic{{}, "документы не сформированы: данные нарушают обязательные требования (" +
                                      std::to_string(reasons.size()) +
                                      "). Исправьте данные или запустите с --force, чтобы сформировать документы всё равно:"});
    throw Error(ErrorCode::generation_refused, std::move(reasons));
}

TemplateSet::TemplateSet(const std::filesystem::path& templates_dir, const std::vector<std::string>& only) {
    const auto& all = document_kinds();
    for (const auto& id : only) {
        if (std::none_of(all.begin(), all.end(), [&](const DocumentKind& k) { return k.id == id; })) {
            std::string known;
            for (const auto& k : all) known += (known.empty() ? "" : ", ") + k.id;
            throw Error(ErrorCode::usage, "--only: нет вида документа «" + id + "»; есть: " + known);
        }
    }
    std::vector<Diagnostic> problems;
    for (const auto& kind : all) {
        if (!only.empty() && std::find(only.begin(), only.end(), kind.id) == only.end()) continue;
        try {
            auto entry = [&](const std::string& file) {
                const auto path = templates_dir / file;
                auto tpl = docx::Template::load(path);
                // The template file again, for its settings part (the compiled template does not expose it).
                return Entry{std::move(tpl), settings_hyphenation(read_file(path, 128u << 20))};
            };
            Loaded loaded{entry(kind.template_file), {}};
            for (const auto& v : kind.variants) {
                loaded.variants.emplace_back(xpath::Expression::compile(v.when), entry(v.template_file));
            }
            templates_.push_back(std::move(loaded));
            kinds_.push_back(&kind);
        } catch (const Error& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
    }
    if (!problems.empty()) throw Error(ErrorCode::template_invalid, std::move(problems));
}

const docx::Template& TemplateSet::of(const DocumentKind& kind) const {
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
        if (kinds_[i] == &kind) return templates_[i].own.tpl;
    }
    throw Error(ErrorCode::internal, "шаблон вида «" + kind.id + "» не загружен");
}

const TemplateSet::Entry& TemplateSet::of(const DocumentKind& kind, const xpath::Evaluator& ev, xmlNodePtr root) const {
    for (std::size_t i = 0; i < kinds_.size(); ++i) {
        if (kinds_[i] != &kind) continue;
        for (const auto& [when, tpl] : templates_[i].variants) {
            if (ev.boolean(when, root)) return tpl;
        }
        return templates_[i].own;
    }
    throw Error(ErrorCode::internal, "шаблон вида «" + kind.id + "» не загружен");
}

Package render_package(const data::DataTree& tree, const Options& options, const TemplateSet& templates) {
    Package package;
    const DocumentSettings settings = document_settings(tree);
    std::unique_ptr<xmlDoc, data::DocFree> with_forms;  // the data with the questionnaires' questions, once
    std::vector<std::string> notes;                      // for the inventory: what is not drawn again, and why
    bool reissued = false;                               // a document issued before as_of drawn again
    std::string roadmap_text;                            // the roadmap drawn, for the справка
    for (const DocumentKind* kind : templates.kinds()) {
        try {
            xmlDocPtr doc = tree.doc();
            auto variables = document_variables(tree, options, kind->act_kind, settings, kind->act_when);
            bool whole_kind_issued = false;  // drawn again on request: every document of the kind is marked
            if (auto note = issued_note(*kind, tree, options, variables); !note.empty()) {
                if (options.reissue) {
                    reissued = whole_kind_issued = true;
                } else {
                    notes.push_back(note);
                    package.issued.push_back(IssuedKind{kind, std::move(note)});
                    continue;
                }
            }
            if (kind->id == "polozhenie" && !variables["polozhenie_new"].empty()) {
                // Why a new edition: adopting one costs a council, the union's opinion and every
                // worker's signature, and `check` may find the one in force compliant (reader of
                // 7.12.2026, C4). One adopted before ст. 351.8 ТК РФ has a reason in law; a later
                // one only our edition's being of the current model — then it is the clerk's choice.
                const auto recorded = Date::parse_iso(variables["polozhenie_recorded_date"]);
                const Date tk_351_8(2025, 3, 1);
                const std::string order =
                    dated(variables["polozhenie_recorded_date"], variables["polozhenie_recorded_number"]);
                notes.push_back(
                    recorded && *recorded < tk_351_8 && !(options.as_of < tk_351_8)
                        ? variables["polozhenie_title"] + " в новой редакции: действующее, утверждённое приказом " + order +
                              ", принято до вступления в силу статьи 351.8 Трудового кодекса Российской Федерации "
                              "(01.03.2025: наставничество по письменному согласию и дополнительному соглашению); новая "
                              "редакция приводит Положение в соответствие с ней, действующее остаётся в силе до её утверждения."
                        : variables["polozhenie_title"] + " в новой редакции по действующей модели: действующее, утверждённое "
                              "приказом " + order + ", остаётся в силе до её утверждения; если оно соответствует актам "
                              "(результат проверки), новую редакцию можно не утверждать.");
            }
            if (kind->id.starts_with("anketa-")) {
                if (!with_forms) {
                    // The indicators the acts in force list, when the check says which acts.
                    std::optional<std::vector<std::string>> planned;
                    if (options.check != nullptr && !options.check->rulesets.empty()) {
                        planned.emplace();
                        const auto parameters = rules::compose(options.check->rulesets).parameters_at(options.as_of);
                        for (const char* name : {"monitoring_stage1", "monitoring_stage2"}) {
                            const auto it = parameters.find(name);
                            for (std::size_t from = 0; it != parameters.end() && from < it->second.size();) {
                                const auto bar = std::min(it->second.find('|', from), it->second.size());
                                planned->push_back(it->second.substr(from, bar - from));
                                from = bar + 1;
                            }
                        }
                    }
                    with_forms = questionnaire_document(tree, options.as_of.iso(), planned ? &*planned : nullptr);
                }
                doc = with_forms.get();
            }
            std::unique_ptr<xmlDoc, data::DocFree> with_plan;
            if (kind->id == "programma") {
                with_plan = programme_document(tree, options.as_of.iso());
                doc = with_plan.get();
            }
            std::unique_ptr<xmlDoc, data::DocFree> with_basis;
            if (kind->id == "polozhenie" && options.catalog != nullptr) {
                with_basis = with_legal_basis(tree, *options.catalog, variables["order_date"]);
                doc = with_basis.get();
            }
            // The inventory names the Положение and its order by the organisation's own title.
            std::string title;
            if (kind->id == "polozhenie") title = variables["polozhenie_own_title"];
            if (kind->id == "prikaz-polozhenie") title = "Приказ об утверждении " + variables["polozhenie_name_gen"];
            xmlNodePtr root = xmlDocGetRootElement(doc);
            const bool renewed = !variables["polozhenie_new"].empty();
            xpath::Evaluator ev(doc, options.as_of.iso(), std::move(variables));
            if (!kind->only_when.empty() && !ev.boolean(xpath::Expression::compile(kind->only_when), root)) {
                if (kind->id == "prikaz-kurator") {
                    if (auto note = curator_note(ev, root, curator_appointed_earlier, renewed); !note.empty()) {
                        notes.push_back(note);
                        package.issued.push_back(IssuedKind{kind, std::move(note)});
                    }
                }
                continue;
            }
            const auto& entry = templates.of(*kind, ev, root);
            const auto& tpl = entry.tpl;
            if (kind->id == "spravka") {
                // The analytical report is filled from the data with what monitoring computed.
                std::vector<Document> report;
                report.push_back(Document{kind, safe_file_name(kind->output_name),
                                          render_analytical_report(tree, options, tpl, settings, roadmap_text, package.remedy_deadline)});
                apply_format(report, options);
                for (auto& d : report) package.documents.push_back(std::move(d));
                continue;
            }
            std::vector<xmlNodePtr> items{root};
            if (!kind->each.empty()) items = ev.nodes(xpath::Expression::compile(kind->each), root);
            std::set<xmlNodePtr> items_issued;  // drawn again on request, each marked
            if (const IssuedItems* done = issued_items_of(*kind)) {
                const auto when = xpath::Expression::compile(done->when);
                std::vector<std::string> names;  // of the documents issued, as their files are named
                std::erase_if(items, [&](xmlNodePtr item) {
                    if (!ev.boolean(when, item)) return false;
                    if (options.reissue) {
                        reissued = true;
                        items_issued.insert(item);
                        return false;
                    }
                    // The file's name after the kind's constant words: «Баранова В.П.» of «Согласие наставника
                    // Баранова В.П.docx».
                    const std::string file = ev.interpolate(kind->output_name, item);
                    const auto from = kind->output_name.find('{');
                    names.push_back(file.substr(from, file.size() - 5 - from));
                    return true;
                });
                if (!names.empty()) {
                    std::string note = std::string(done->what) + " " + text::enumeration(names) + ", " + done->done +
                                       " до " + text::date_numeric(options.as_of) + ", повторно не оформляются.";
                    if (items.empty()) package.issued.push_back(IssuedKind{kind, note});
                    notes.push_back(std::move(note));
                }
            }
            std::vector<Document> documents;
            for (xmlNodePtr item : items) {
                const std::string base = safe_file_name(ev.interpolate(kind->output_name, item));
                std::string name = base;
                // Two mentors with the same surname and initials must not overwrite each other.
                auto taken = [&](const std::string& n) {
                    auto same = [&](const Document& d) { return d.file_name == n; };
                    return std::any_of(package.documents.begin(), package.documents.end(), same) ||
                           std::any_of(documents.begin(), documents.end(), same);
                };
                for (int n = 2; taken(name); ++n) name = base.substr(0, base.size() - 5) + " (" + std::to_string(n) + ").docx";
                std::string bytes = apply_document_settings(tpl.render(ev, item), settings, entry.hyphenates);
                if (whole_kind_issued || items_issued.count(item) != 0) bytes = mark_for_comparison(bytes, options.as_of);
                documents.push_back(Document{kind, name, std::move(bytes), {}, title});
            }
            // The справка, drawn after it, names the rows that plan its measures.
            if (kind->id == "dorozhnaya-karta" && documents.size() == 1 && !whole_kind_issued) {
                roadmap_text = docx::document_text(documents.front().bytes);
            }
            apply_format(documents, options);
            for (auto& d : documents) package.documents.push_back(std::move(d));
        } catch (const Error& e) {
            package.failures.push_back(KindFailure{kind, e.diagnostics()});
        }
    }
    // The order appointing the mentors has no kind of its own (the pairs order appoints them, or
    // cites it): one of this year that the organisation issued is named, so that the clerk files
    // the package with it (reader of 7.12.2026: 71-од was not mentioned).
    if (options.only.empty()) {
        const xpath::Evaluator ev(tree.doc(), options.as_of.iso());
        const auto mentors_order = ev.nodes(
            xpath::Expression::compile(std::string("(/data/acts/act[kind = 'приказ о назначении наставников'][") +
                                       of_the_year + "][" + issued + "])[last()]"),
            tree.root());
        if (!mentors_order.empty()) {
            notes.push_back("Приказ о назначении наставников " +
                            dated(ev.string(xpath::Expression::compile("date"), mentors_order.front()),
                                  ev.string(xpath::Expression::compile("number"), mentors_order.front())) +
                            " действует.");
        }
    }
    if (reissued) {
        notes.push_back("Документы, изданные или подписанные до " + text::date_numeric(options.as_of) +
                        ", сформированы повторно по запросу для сверки с подписанными и помечены в верхнем "
                        "колонтитуле «Экземпляр для сверки»: их текст составлен заново по данным, подписанный не "
                        "заменяет и не подписывается.");
    }
    // The index goes last and lists exactly what the package holds.
    static const DocumentKind index_kind{"index", "Состав пакета", "", index_file_name, "", ""};
    std::vector<std::pair<std::string, std::string>> listed;
    for (const auto& d : package.documents) {
        // A document printed to PDF is one line with both files.
        const auto stem = [](const std::string& f) { return f.substr(0, f.rfind('.')); };
        if (!listed.empty() && d.file_name.ends_with(".pdf") && listed.back().second.ends_with(".docx") &&
            stem(listed.back().second) == stem(d.file_name)) {
            listed.back().second += ", " + d.file_name;
            continue;
        }
        listed.emplace_back(d.title.empty() ? d.kind->title : d.title, d.file_name);
    }
    package.documents.push_back(Document{&index_kind, index_file_name, index_text(tree, options, listed, notes)});
    return package;
}

std::vector<Written> write_package(const std::vector<Document>& documents, const std::filesystem::path& out_dir) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        throw Error(ErrorCode::io, "не удаётся создать папку для документов: " + ec.message(),
                    InputLocation{out_dir.string(), 0, 0, {}});
    }
    std::vector<Written> written;
    try {
        for (const auto& d : documents) {
            const auto file = out_dir / d.file_name;
            write_file_atomic(file, d.bytes);
            written.push_back(Written{d.kind->id, file, d.bytes.size(), d.warnings});
        }
    } catch (...) {
        // All or nothing: take back what this run has already written.
        for (const auto& w : written) std::filesystem::remove(w.file, ec);
        throw;
    }
    return written;
}

std::vector<Written> generate(const data::DataTree& tree, const rules::CheckResult& check, const Options& options) {
    if (!options.force) refuse_if_violated(check, tree, options.as_of);
    const TemplateSet templates(options.templates_dir, options.only);
    Options with_check = options;
    with_check.check = &check;
    auto package = render_package(tree, with_check, templates);
    // A kind asked for by name that the organisation has already issued: said, not drawn again.
    // Each note is a whole sentence naming the act or the people («Приказ … от 08.09.2026 № 72-од
    // действует; повторно не оформляется.»), so the message needs no «оформлен(ы)».
    std::vector<Diagnostic> standing;
    for (const auto& i : package.issued) {
        const bool drawn = std::any_of(package.documents.begin(), package.documents.end(),
                                       [&](const Document& d) { return d.kind == i.kind; });
        if (!options.only.empty() && !drawn) standing.push_back(Diagnostic{{}, i.note});
    }
    if (!standing.empty()) {
        standing.insert(standing.begin(),
                        Diagnostic{{}, "документы не сформированы: запрошенное уже оформлено до " +
                                           text::date_numeric(options.as_of) +
                                           ". Чтобы сформировать текст заново для сверки с подписанным, добавьте --reissue:"});
        throw Error(ErrorCode::usage, std::move(standing));
    }
    if (!package.failures.empty()) {
        std::vector<Diagnostic> problems;
        for (const auto& f : package.failures) problems.insert(problems.end(), f.problems.begin(), f.problems.end());
        throw Error(ErrorCode::template_invalid, std::move(problems));
    }
    return write_package(package.documents, options.out_dir);
}

}  // namespace nastavnik::generate

#undef NASTAVNIK_ISSUED
#undef NASTAVNIK_AGREEMENT_ISSUED
