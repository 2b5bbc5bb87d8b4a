// The organisation's pages (upload, check report, package, history) and the inspector's.

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/pdf/render.hpp"
#include "nastavnik/rules/check_document.hpp"
#include "nastavnik/rules/engine.hpp"
#include "nastavnik/rules/report.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "docx/package.hpp"
#include "serve/auth.hpp"
#include "serve/context.hpp"
#include "serve/submission.hpp"

#include <Poco/JSON/Parser.h>

#include <set>

namespace nastavnik::serve {

namespace {

using store::Role;

Model organisation_model(const store::Organisation& o, const std::optional<store::Municipality>& m) {
    auto r = object();
    r->set("id", o.id);
    r->set("name", o.name);
    r->set("municipality", m ? m->name : std::string{});
    return r;
}

Model submission_summary(const store::Submission& s) {
    auto r = object();
    r->set("id", s.id);
    r->set("year", s.year);
    r->set("status", s.status);
    r->set("status_title", status_title(s.status));
    r->set("errors", s.errors);
    r->set("warnings", s.warnings);
    r->set("not_evaluable", s.not_evaluable);
    r->set("as_of", s.as_of);
    r->set("created", time_text(s.created_at));
    r->set("is_" + s.status, true);
    return r;
}

// Violated and not-evaluable findings of a stored report, as rule+subject keys with titles.
std::map<std::string, std::string> problem_keys(const store::Submission& s) {
    std::map<std::string, std::string> out;
    if (s.report_json.empty()) return out;
    const auto report = Poco::JSON::Parser().parse(s.report_json).extract<Poco::JSON::Object::Ptr>();
    const auto findings = report->getArray("findings");
    for (std::size_t i = 0; findings && i < findings->size(); ++i) {
        const auto f = findings->getObject(static_cast<unsigned>(i));
        if (f->getValue<std::string>("outcome") != "violated") continue;
        const auto subject = f->getObject("subject");
        out[f->getValue<std::string>("rule") + "|" + (subject ? subject->getValue<std::string>("path") : "")] =
            f->getValue<std::string>("message");
    }
    return out;
}

Model job_model(const store::Job& j, const std::string& base) {
    auto r = object();
    r->set("id", j.id);
    r->set("kind", j.kind);
    r->set("state", j.state);
    r->set("state_title", job_state_title(j.state));
    r->set("is_" + j.state, true);
    r->set("progress_done", j.progress_done);
    r->set("progress_total", j.progress_total);
    r->set("percent", j.progress_total > 0 ? j.progress_done * 100 / j.progress_total : (j.state == "done" ? 100 : 0));
    r->set("message", j.message);
    r->set("created", time_text(j.created_at));
    r->set("href", base + "/jobs/" + std::to_string(j.id));
    r->set("submission", j.submission_id);
    r->set("year", j.year);
    return r;
}

std::string mime_of(const std::string& name) {
    if (name.ends_with(".pdf")) return "application/pdf";
    if (name.ends_with(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (name.ends_with(".zip")) return "application/zip";
    if (name.ends_with(".csv")) return "text/csv; charset=utf-8";
    if (name.ends_with(".txt")) return "text/plain; charset=utf-8";
    if (name.ends_with(".json")) return "application/json";
    if (name.ends_with(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (name.ends_with(".png")) return "image/png";
    return "application/octet-stream";
}

}  // namespace

std::string mime_type(const std::string& name) { return mime_of(name); }

Model submission_model_for(Service::Impl& svc, const store::Submission& s, const store::Organisation& o) {
    auto m = submission_summary(s);
    if (const auto u = svc.db->upload(s.upload_id)) {
        m->set("file_name", u->file_name);
        m->set("sha256", u->sha256);
        m->set("size", u->size);
    }
    m->set("href", "/orgs/" + std::to_string(o.id) + "/submissions/" + std::to_string(s.id));
    return m;
}



void Service::Impl::add_organisation_routes() {
    const Access read{false, {Role::organisation, Role::municipal, Role::inspector}, Scope::organisation};
    const Access own{false, {Role::organisation}, Scope::organisation};
    const Access work{false, {Role::organisation, Role::municipal}, Scope::organisation};

    // The organisation's page: upload, submissions by year with what changed, packages.
    routes.push_back({"GET", "/orgs/{org}", work, [this](Ctx& c) {
                          auto m = object();
                          m->set("title", c.org->name);
                          m->set("organisation", organisation_model(*c.org, c.mun));
                          m->set("can_upload", c.user->role == Role::organisation);
                          m->set("year", as_of().year());
                          const auto subs = db->submissions_of(c.org->id);
                          // Oldest first to compare each with the one before it in the same year.
                          std::map<int, std::vector<const store::Submission*>> by_year;
                          for (auto it = subs.rbegin(); it != subs.rend(); ++it) by_year[it->year].push_back(&*it);
                          auto years = list();
                          for (auto y = by_year.rbegin(); y != by_year.rend(); ++y) {
                              auto year = object();
                              year->set("year", y->first);
                              auto items = list();
                              std::map<std::string, std::string> before;
                              std::vector<Model> rows;
                              for (const store::Submission* s : y->second) {
                                  auto row = submission_model_for(*this, *s, *c.org);
                                  const auto now_keys = problem_keys(*s);
                                  if (!rows.empty() && s->status != "invalid") {
                                      auto added = list();
                                      auto fixed = list();
                                      for (const auto& [k, msg] : now_keys) if (!before.count(k)) added->add(msg);
                                      for (const auto& [k, msg] : before) if (!now_keys.count(k)) fixed->add(msg);
                                      row->set("added", added);
                                      row->set("fixed", fixed);
                                      row->set("compared", true);
                                  }
                                  if (s->status != "invalid") before = now_keys;
                                  rows.push_back(row);
                              }
                              for (auto r = rows.rbegin(); r != rows.rend(); ++r) items->add(*r);
                              year->set("submissions", items);
                              years->add(year);
                          }
                          m->set("years", years);
                          auto jobs = list();
                          for (const auto& j : db->jobs_of_organisation(c.org->id)) jobs->add(job_model(j, "/orgs/" + std::to_string(c.org->id)));
                          m->set("jobs", jobs);
                          return Reply::page("organisation", m);
                      }});

    routes.push_back({"POST", "/orgs/{org}/submissions", own, [this](Ctx& c) {
                          int year = as_of().year();
                          if (const auto y = c.field_or("year"); !y.empty()) {
                              if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string::npos ||
                                  std::stoi(y) < 2020 || std::stoi(y) > 2100) {
                                  throw HttpError(400, "Отчётный год: ожидается год от 2020 до 2100.");
                              }
                              year = std::stoi(y);
                          }
                          const UploadedFile& f = c.file("file");
                          const auto u = keep_upload(c, "organisation", f, c.org->id, 0);
                          const Id sid = check_and_record(*this, c.user_id(), *c.org, u, f.bytes, year);
                          auto m = object();
                          m->set("submission", sid);
                          m->set("href", "/orgs/" + std::to_string(c.org->id) + "/submissions/" + std::to_string(sid));
                          const auto s = db->submission(sid);
                          m->set("status", s->status);
                          Reply r = Reply::see_other(m->getValue<std::string>("href"), m);
                          r.status = 201;
                          return r;
                      }});

    routes.push_back({"GET", "/orgs/{org}/submissions/{sub}", read, [this](Ctx& c) {
                          const auto s = db->submission(c.id("sub"));
                          if (!s || s->organisation_id != c.org->id) throw HttpError(404, "Сведения не найдены.");
                          auto m = object();
                          m->set("title", "Результат проверки — " + c.org->name);
                          m->set("organisation", organisation_model(*c.org, c.mun));
                          m->set("submission", submission_model_for(*this, *s, *c.org));
                          report_model(*s, m);
                          const bool worker = c.user->role != Role::inspector;
                          m->set("can_generate", worker && s->status != "invalid" && s->status != "no-rulesets");
                          m->set("can_download_upload", worker);
                          auto jobs = list();
                          for (const auto& j : db->jobs_of_organisation(c.org->id)) {
                              if (j.submission_id == s->id && worker) jobs->add(job_model(j, "/orgs/" + std::to_string(c.org->id)));
                          }
                          m->set("jobs", jobs);
                          return Reply::page("submission", m);
                      }});

    routes.push_back({"GET", "/orgs/{org}/submissions/{sub}/file", work, [this](Ctx& c) {
                          const auto s = db->submission(c.id("sub"));
                          if (!s || s->organisation_id != c.org->id) throw HttpError(404, "Сведения не найдены.");
                          const auto u = db->upload(s->upload_id);
                          db->audit(c.user_id(), "download.upload", "organisation:" + std::to_string(c.org->id),
                                    "upload:" + std::to_string(u->id));
                          return Reply::file(upload_bytes(*u), mime_of(u->file_name), u->file_name);
                      }});

    // The inspection act (справка о результатах проверки), made from the stored upload.
    routes.push_back({"GET", "/orgs/{org}/submissions/{sub}/act", read, [this](Ctx& c) {
                          const auto s = db->submission(c.id("sub"));
                          if (!s || s->organisation_id != c.org->id) throw HttpError(404, "Сведения не найдены.");
                          if (s->status == "invalid") throw HttpError(409, "Файл не принят: справку о проверке составить нельзя.");
                          const auto checked = check_again(*this, *s);
                          const Date as_of = checked.as_of;
                          std::string bytes =
                              rules::check_document(checked.result, checked.tree, opt.home / "templates" / "spravka-o-proverke.docx");
                          std::string name = "Справка о результатах проверки.docx";
                          if (c.query["format"] == "pdf") {
                              pdf::RenderOptions ro;
                              ro.title = "Справка о результатах проверки";
                              ro.file_name = name;
                              ro.creation_date = as_of;
                              bytes = pdf::render_docx(bytes, ro).pdf;
                              name = "Справка о результатах проверки.pdf";
                          }
                          db->audit(c.user_id(), "download.act", "organisation:" + std::to_string(c.org->id),
                                    "submission:" + std::to_string(s->id) + " sha256:" + sha256_hex(bytes));
                          return Reply::file(std::move(bytes), mime_of(name), name);
                      }});

    routes.push_back({"POST", "/orgs/{org}/submissions/{sub}/package", work, [this](Ctx& c) {
                          const auto s = db->submission(c.id("sub"));
                          if (!s || s->organisation_id != c.org->id) throw HttpError(404, "Сведения не найдены.");
                          if (s->status == "invalid") throw HttpError(409, "Файл не принят: документы сформировать нельзя.");
                          store::Job j;
                          j.kind = "package";
                          j.organisation_id = c.org->id;
                          j.submission_id = s->id;
                          j.year = s->year;
                          j.created_by = c.user_id();
                          const Id id = db->add_job(j);
                          db->audit(c.user_id(), "generate", "organisation:" + std::to_string(c.org->id),
                                    "job:" + std::to_string(id) + " submission:" + std::to_string(s->id));
                          auto m = object();
                          m->set("job", id);
                          m->set("href", "/orgs/" + std::to_string(c.org->id) + "/jobs/" + std::to_string(id));
                          Reply r = Reply::see_other(m->getValue<std::string>("href"), m);
                          r.status = 202;
                          return r;
                      }});

    routes.push_back({"GET", "/orgs/{org}/jobs/{job}", work, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->organisation_id != c.org->id) throw HttpError(404, "Задание не найдено.");
                          auto m = object();
                          m->set("title", "Пакет документов — " + c.org->name);
                          m->set("organisation", organisation_model(*c.org, c.mun));
                          const std::string base = "/orgs/" + std::to_string(c.org->id);
                          m->set("job", job_model(*j, base));
                          m->set("refresh", j->state == "queued" || j->state == "running");
                          auto files = list();
                          if (j->state == "done") {
                              docx::Package zip(read_file(file(j->result_path), std::size_t{1} << 30), "package.zip");
                              for (std::size_t i = 0; i < zip.entry_names().size(); ++i) {
                                  auto f = object();
                                  f->set("name", zip.entry_names()[i]);
                                  f->set("href", base + "/jobs/" + std::to_string(j->id) + "/files/" + std::to_string(i));
                                  files->add(f);
                              }
                              m->set("package_href", base + "/jobs/" + std::to_string(j->id) + "/package");
                          }
                          m->set("files", files);
                          return Reply::page("job", m);
                      }});

    routes.push_back({"GET", "/orgs/{org}/jobs/{job}/package", work, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->organisation_id != c.org->id) throw HttpError(404, "Задание не найдено.");
                          if (j->state != "done") throw HttpError(409, "Пакет ещё не готов.");
                          std::string bytes = read_file(file(j->result_path), std::size_t{1} << 30);
                          db->audit(c.user_id(), "download.package", "organisation:" + std::to_string(c.org->id),
                                    "job:" + std::to_string(j->id) + " sha256:" + j->result_sha256);
                          return Reply::file(std::move(bytes), "application/zip", "Пакет документов " + std::to_string(j->year) + ".zip");
                      }});

    routes.push_back({"GET", "/orgs/{org}/jobs/{job}/files/{n}", work, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->organisation_id != c.org->id || j->state != "done") throw HttpError(404, "Документ не найден.");
                          docx::Package zip(read_file(file(j->result_path), std::size_t{1} << 30), "package.zip");
                          const Id n = c.id("n");
                          if (n < 0 || static_cast<std::size_t>(n) >= zip.entry_names().size()) throw HttpError(404, "Документ не найден.");
                          const std::string name = zip.entry_names()[static_cast<std::size_t>(n)];
                          std::string bytes = zip.read(name);
                          db->audit(c.user_id(), "download.document", "organisation:" + std::to_string(c.org->id),
                                    "job:" + std::to_string(j->id) + " entry:" + std::to_string(n));
                          return Reply::file(std::move(bytes), mime_of(name), name);
                      }});

    // A blank workbook to fill in: the organisation's (region and municipality filled, the forms
    // of mentoring of the rulesets in force there in its drop-down), or ?kind=municipality the
    // municipality's.
    routes.push_back({"GET", "/workbook/blank", Access{false, {Role::organisation, Role::municipal}, Scope::none}, [this](Ctx& c) {
                          const bool municipal = c.query["kind"] == "municipality";
                          const Id mun_id = c.user->role == Role::municipal ? c.user->municipality_id
                                                                             : (db->organisation(c.user->organisation_id)
                                                                                    ? db->organisation(c.user->organisation_id)->municipality_id
                                                                                    : 0);
                          const auto mun = db->municipality(mun_id);
                          workbook::WriteOptions options;
                          const std::string section = municipal ? "municipality" : "organisation";
                          if (mun) {
                              options.prefill.emplace_back(section + ".region", mun->region);
                              options.prefill.emplace_back(section + (municipal ? ".name" : ".municipality"), mun->name);
                              options.mentoring_forms = workbook::ruleset_mentoring_forms(*catalog(), mun->region, mun->name, as_of());
                          }
                          const auto tmp = opt.data / "work" / ("blank-" + random_hex(8) + ".xlsx");
                          struct Remove {
                              std::filesystem::path p;
                              ~Remove() {
                                  std::error_code ec;
                                  std::filesystem::remove(p, ec);
                              }
                          } remove{tmp};
                          workbook::write_workbook(tmp, municipal ? workbook::municipality_layout() : workbook::organisation_layout(), nullptr,
                                                   options);
                          const std::string name = municipal ? "Сведения о муниципалитете.xlsx" : "Сведения об организации.xlsx";
                          return Reply::file(read_file(tmp, 64u << 20), mime_of(name), name);
                      }});

    // The inspector's list: the organisations assigned, each with its latest submission.
    routes.push_back({"GET", "/inspections", Access{false, {Role::inspector}, Scope::none}, [this](Ctx& c) {
                          auto m = object();
                          m->set("title", "Проверки");
                          auto orgs = list();
                          for (const Id id : db->inspector_organisations(c.user->id)) {
                              const auto o = db->organisation(id);
                              if (!o) continue;
                              auto row = organisation_model(*o, db->municipality(o->municipality_id));
                              const auto subs = db->submissions_of(o->id);
                              if (!subs.empty()) row->set("latest", submission_model_for(*this, subs.front(), *o));
                              orgs->add(row);
                          }
                          m->set("organisations", orgs);
                          return Reply::page("inspections", m);
                      }});
}

}  // namespace nastavnik::serve
