#include "serve/submission.hpp"

#include "nastavnik/core/error.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include <Poco/JSON/Parser.h>

namespace nastavnik::serve {

data::DataTree read_submission(Service::Impl& svc, const store::Upload& u) {
    const std::string bytes = svc.upload_bytes(u);
    if (bytes.size() > input::JsonLimits::max_file_bytes) {
        throw Error(ErrorCode::io, "файл больше допустимого", InputLocation{u.file_name, 0, 0, {}});
    }
    // The workbook is another way in to the same tree (its places: sheet, cell, column title).
    if (workbook::is_workbook_file(u.file_name)) {
        const auto format = data::organisation_file_format();
        auto book = workbook::read_workbook(bytes, u.file_name, &format);
        return data::DataTree::from_json(book.root, u.file_name, format, std::move(book.places));
    }
    if (!u.file_name.ends_with(".json")) {
        throw Error(ErrorCode::data_invalid, "ожидается книга Excel (.xlsx) или файл сведений в формате JSON (.json)",
                    InputLocation{u.file_name, 0, 0, {}});
    }
    return data::DataTree::from_json(input::parse_json(bytes, u.file_name), u.file_name);
}

namespace {

rules::CheckResult check_tree(const rules::Catalog& catalog, const data::DataTree& tree, const Date& as_of) {
    return rules::check(tree, catalog.select(tree.organisation_field("region"), tree.organisation_field("municipality"), as_of), as_of);
}

}  // namespace

Checked check_again(Service::Impl& svc, const store::Submission& s) {
    const auto u = svc.db->upload(s.upload_id);
    if (!u) throw Error(ErrorCode::internal, "upload of a submission not found");
    auto catalog = svc.catalog();
    auto tree = read_submission(svc, *u);
    const Date as_of = Date::parse_iso(s.as_of).value_or(svc.as_of());
    auto result = check_tree(*catalog, tree, as_of);
    return Checked{std::move(catalog), std::move(tree), std::move(result), as_of};
}

Id check_and_record(Service::Impl& svc, Id user, const store::Organisation& org, const store::Upload& u,
                    const std::string& bytes, int year) {
    (void)bytes;
    store::Submission s;
    s.organisation_id = org.id;
    s.year = year;
    s.upload_id = u.id;
    const Date as_of = svc.as_of();
    s.as_of = as_of.iso();
    try {
        const auto tree = read_submission(svc, u);
        const auto cat = svc.catalog();
        const auto result = check_tree(*cat, tree, as_of);
        s.report_json = rules::report_json(result, tree);
        s.errors = static_cast<int>(result.count_violated(rules::Severity::error));
        s.warnings = static_cast<int>(result.count_violated(rules::Severity::warning));
        s.not_evaluable = static_cast<int>(result.count(rules::Outcome::not_evaluable));
        s.status = result.rulesets.empty() ? "no-rulesets" : s.errors > 0 ? "errors" : s.warnings > 0 ? "warnings" : "compliant";
    } catch (const Error& e) {
        if (e.code() == ErrorCode::io && e.diagnostics().front().where.file != u.file_name) throw;  // our disk, not their file
        s.status = "invalid";
        for (const auto& d : e.diagnostics()) s.problems += d.to_string() + "\n";
    }
    store::Store::Transaction tx(*svc.db);
    const Id id = svc.db->add_submission(s);
    svc.db->audit(user, "check", "organisation:" + std::to_string(org.id),
                  "submission:" + std::to_string(id) + " status:" + s.status + " sha256:" + u.sha256);
    tx.commit();
    return id;
}

namespace {

std::string place(const Poco::JSON::Object::Ptr& subject) {
    if (!subject) return {};
    const std::string path = subject->optValue<std::string>("path", "");
    std::string s = path.empty() ? "организация в целом" : "поле " + path;
    const int line = subject->optValue<int>("line", 0);
    if (line > 0) s += " (строка " + std::to_string(line) + ", столбец " + std::to_string(subject->optValue<int>("column", 0)) + ")";
    return s;
}

}  // namespace

void report_model(const store::Submission& s, Model m) {
    auto problems = list();
    std::size_t from = 0;
    while (from < s.problems.size()) {
        const auto nl = s.problems.find('\n', from);
        const auto line = s.problems.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        if (!line.empty()) problems->add(line);
        if (nl == std::string::npos) break;
        from = nl + 1;
    }
    m->set("problems", problems);
    if (s.report_json.empty()) return;
    const auto report = Poco::JSON::Parser().parse(s.report_json).extract<Poco::JSON::Object::Ptr>();
    m->set("summary", report->getObject("summary"));
    const auto day = Date::parse_iso(report->optValue<std::string>("as_of", ""));
    m->set("as_of", day ? text::date_numeric(*day) : std::string{});
    auto rulesets = list();
    if (const auto rs = report->getArray("rulesets")) {
        for (std::size_t i = 0; i < rs->size(); ++i) rulesets->add(rs->getObject(static_cast<unsigned>(i)));
    }
    m->set("rulesets", rulesets);
    struct Group {
        const char* title;
        const char* severity;  // "" for not evaluable
        const char* css;
    };
    const Group groups[] = {{"Нарушения: ошибки", "ошибка", "error"},
                            {"Нарушения: предупреждения", "предупреждение", "warning"},
                            {"К сведению", "к сведению", "info"},
                            {"Не удалось проверить: недостаточно данных", "", "missing"}};
    auto out = list();
    const auto findings = report->getArray("findings");
    for (const Group& g : groups) {
        auto items = list();
        for (std::size_t i = 0; findings && i < findings->size(); ++i) {
            const auto f = findings->getObject(static_cast<unsigned>(i));
            const std::string outcome = f->getValue<std::string>("outcome");
            const bool wanted = *g.severity == '\0' ? outcome == "not_evaluable"
                                                    : outcome == "violated" && f->getValue<std::string>("severity") == g.severity;
            if (!wanted) continue;
            auto item = object();
            item->set("rule", f->getValue<std::string>("rule"));
            item->set("title", f->getValue<std::string>("title"));
            // A person reads the page: what is missing in words, the data paths stay in the JSON.
            item->set("message", outcome == "violated" ? rules::without_data_paths(f->getValue<std::string>("message")) : std::string{});
            auto missing = list();
            if (const auto ms = f->getArray("missing")) {
                for (std::size_t k = 0; k < ms->size(); ++k) missing->add(rules::without_data_paths(ms->getElement<std::string>(static_cast<unsigned>(k))));
            }
            item->set("missing", missing);
            item->set("where", place(f->getObject("subject")));
            auto cites = list();
            if (const auto cs = f->getArray("citations")) {
                for (std::size_t k = 0; k < cs->size(); ++k) cites->add(cs->getObject(static_cast<unsigned>(k))->getValue<std::string>("text"));
            }
            item->set("citations", cites);
            items->add(item);
        }
        if (items->size() == 0) continue;
        auto group = object();
        group->set("title", g.title);
        group->set("css", g.css);
        group->set("count", static_cast<int>(items->size()));
        group->set("findings", items);
        out->add(group);
    }
    m->set("groups", out);
}

}  // namespace nastavnik::serve
