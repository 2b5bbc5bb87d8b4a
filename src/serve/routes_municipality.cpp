// The municipality's pages: its organisations with their status, the municipal batch with
// its progress, and its documents (order, analytical report with charts, CSV table).

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "docx/package.hpp"
#include "serve/context.hpp"
#include "serve/submission.hpp"

#include <algorithm>

namespace nastavnik::serve {

namespace {

using store::Role;

// The municipal files of a finished batch: the top of its result folder, sorted by name.
std::vector<std::string> municipal_files(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        if (e.is_regular_file()) out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// The charts of the analytical report are the pictures inside it: the page shows exactly what
// the signed report shows.
std::vector<std::string> chart_entries(docx::Package& report) {
    std::vector<std::string> out;
    for (const auto& n : report.entry_names()) {
        if (n.starts_with("word/media/") && n.ends_with(".png")) out.push_back(n);
    }
    std::sort(out.begin(), out.end());
    return out;
}

const char* report_name = "Аналитическая справка по муниципалитету.docx";

}  // namespace

void Service::Impl::add_municipality_routes() {
    const Access own{false, {Role::municipal}, Scope::municipality};

    routes.push_back({"GET", "/municipalities/{mun}", own, [this](Ctx& c) {
                          int year = as_of().year();
                          if (const auto& y = c.query["year"]; y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) {
                              year = std::stoi(y);
                          }
                          const std::string filter = c.query["status"];
                          auto m = object();
                          m->set("title", "Муниципалитет: " + c.mun->name);
                          auto mun = object();
                          mun->set("id", c.mun->id);
                          mun->set("name", c.mun->name);
                          mun->set("region", c.mun->region);
                          mun->set("has_data", c.mun->data_upload != 0);
                          m->set("municipality", mun);
                          m->set("year", year);
                          m->set("status_filter", filter);
                          std::map<Id, store::Submission> latest;
                          for (auto& s : db->latest_submissions(c.mun->id, year)) latest[s.organisation_id] = s;
                          std::map<std::string, int> counts;
                          auto orgs = list();
                          for (const auto& o : db->organisations_of(c.mun->id)) {
                              const auto it = latest.find(o.id);
                              const std::string status = it == latest.end() ? "none" : it->second.status;
                              ++counts[status];
                              if (!filter.empty() && filter != status) continue;
                              auto row = object();
                              row->set("id", o.id);
                              row->set("name", o.name);
                              row->set("href", "/orgs/" + std::to_string(o.id));
                              row->set("status", status);
                              row->set("status_title", status_title(status));
                              if (it != latest.end()) row->set("submission", submission_model_for(*this, it->second, o));
                              orgs->add(row);
                          }
                          m->set("organisations", orgs);
                          auto filters = list();
                          for (const char* s : {"none", "invalid", "errors", "warnings", "compliant"}) {
                              auto f = object();
                              f->set("status", s);
                              f->set("title", status_title(s));
                              f->set("count", counts[s]);
                              f->set("selected", filter == s);
                              filters->add(f);
                          }
                          m->set("filters", filters);
                          auto jobs = list();
                          Model last_done;
                          for (const auto& j : db->jobs_of_municipality(c.mun->id)) {
                              auto jm = object();
                              jm->set("id", j.id);
                              jm->set("year", j.year);
                              jm->set("state", j.state);
                              jm->set("state_title", job_state_title(j.state));
                              jm->set("created", time_text(j.created_at));
                              jm->set("href", "/municipalities/" + std::to_string(c.mun->id) + "/jobs/" + std::to_string(j.id));
                              jobs->add(jm);
                              if (!last_done && j.state == "done" && j.year == year) last_done = jm;
                          }
                          m->set("jobs", jobs);
                          if (last_done) {
                              const Id jid = last_done->getValue<Id>("id");
                              const auto j = db->job(jid);
                              std::error_code ec;
                              const auto report = file(j->result_path) / report_name;
                              if (std::filesystem::exists(report, ec)) {
                                  docx::Package pkg(read_file(report, std::size_t{1} << 30), report_name);
                                  auto charts = list();
                                  const auto entries = chart_entries(pkg);
                                  for (std::size_t i = 0; i < entries.size(); ++i) {
                                      auto ch = object();
                                      ch->set("src", "/municipalities/" + std::to_string(c.mun->id) + "/jobs/" + std::to_string(jid) +
                                                         "/charts/" + std::to_string(i));
                                      ch->set("alt", "Диаграмма " + std::to_string(i + 1) + " аналитической справки");
                                      charts->add(ch);
                                  }
                                  m->set("charts", charts);
                                  m->set("charts_job", last_done);
                              }
                          }
                          return Reply::page("municipality", m);
                      }});

    routes.push_back({"POST", "/municipalities/{mun}/data", own, [this](Ctx& c) {
                          const UploadedFile& f = c.file("file");
                          // Validated now: the batch must not be the first to find it broken.
                          const auto format = data::municipality_file_format();
                          if (workbook::is_workbook_file(f.file_name)) {
                              auto book = workbook::read_workbook(f.bytes, f.file_name, &format);
                              (void)data::DataTree::from_json(book.root, f.file_name, format, std::move(book.places));
                          } else {
                              const auto json = input::parse_json(f.bytes, f.file_name.empty() ? "municipality.json" : f.file_name);
                              (void)data::DataTree::from_json(json, f.file_name, format);
                          }
                          const auto u = keep_upload(c, "municipality", f, 0, c.mun->id);
                          db->set_municipality_data(c.mun->id, u.id);
                          auto m = object();
                          m->set("upload", u.id);
                          m->set("sha256", u.sha256);
                          return Reply::see_other("/municipalities/" + std::to_string(c.mun->id), m);
                      }});

    routes.push_back({"POST", "/municipalities/{mun}/batch", own, [this](Ctx& c) {
                          if (c.mun->data_upload == 0) throw HttpError(409, "Сначала загрузите сведения о муниципалитете (municipality.json).");
                          int year = as_of().year();
                          if (const auto y = c.field_or("year"); y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos) year = std::stoi(y);
                          store::Job j;
                          j.kind = "batch";
                          j.municipality_id = c.mun->id;
                          j.year = year;
                          j.created_by = c.user_id();
                          const Id id = db->add_job(j);
                          db->audit(c.user_id(), "generate.batch", "municipality:" + std::to_string(c.mun->id), "job:" + std::to_string(id));
                          auto m = object();
                          m->set("job", id);
                          m->set("href", "/municipalities/" + std::to_string(c.mun->id) + "/jobs/" + std::to_string(id));
                          Reply r = Reply::see_other(m->getValue<std::string>("href"), m);
                          r.status = 202;
                          return r;
                      }});

    routes.push_back({"GET", "/municipalities/{mun}/jobs/{job}", own, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->municipality_id != c.mun->id) throw HttpError(404, "Задание не найдено.");
                          auto m = object();
                          m->set("title", "Обработка муниципалитета — " + c.mun->name);
                          auto job = object();
                          job->set("id", j->id);
                          job->set("year", j->year);
                          job->set("state", j->state);
                          job->set("is_" + j->state, true);
                          job->set("state_title", job_state_title(j->state));
                          job->set("progress_done", j->progress_done);
                          job->set("progress_total", j->progress_total);
                          job->set("percent", j->progress_total > 0 ? j->progress_done * 100 / j->progress_total : (j->state == "done" ? 100 : 0));
                          job->set("message", j->message);
                          m->set("job", job);
                          m->set("municipality_href", "/municipalities/" + std::to_string(c.mun->id));
                          m->set("refresh", j->state == "queued" || j->state == "running");
                          auto files = list();
                          if (j->state == "done") {
                              const auto names = municipal_files(file(j->result_path));
                              for (std::size_t i = 0; i < names.size(); ++i) {
                                  auto f = object();
                                  f->set("name", names[i]);
                                  f->set("href", "/municipalities/" + std::to_string(c.mun->id) + "/jobs/" + std::to_string(j->id) +
                                                     "/files/" + std::to_string(i));
                                  files->add(f);
                              }
                          }
                          m->set("files", files);
                          return Reply::page("batch", m);
                      }});

    routes.push_back({"GET", "/municipalities/{mun}/jobs/{job}/files/{n}", own, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->municipality_id != c.mun->id || j->state != "done") throw HttpError(404, "Файл не найден.");
                          const auto names = municipal_files(file(j->result_path));
                          const Id n = c.id("n");
                          if (static_cast<std::size_t>(n) >= names.size()) throw HttpError(404, "Файл не найден.");
                          const auto& name = names[static_cast<std::size_t>(n)];
                          db->audit(c.user_id(), "download.municipal", "municipality:" + std::to_string(c.mun->id),
                                    "job:" + std::to_string(j->id) + " file:" + std::to_string(n));
                          return Reply::file(read_file(file(j->result_path) / name, std::size_t{1} << 30), mime_type(name), name);
                      }});

    routes.push_back({"GET", "/municipalities/{mun}/jobs/{job}/charts/{n}", own, [this](Ctx& c) {
                          const auto j = db->job(c.id("job"));
                          if (!j || j->municipality_id != c.mun->id || j->state != "done") throw HttpError(404, "Диаграмма не найдена.");
                          docx::Package pkg(read_file(file(j->result_path) / report_name, std::size_t{1} << 30), report_name);
                          const auto entries = chart_entries(pkg);
                          const Id n = c.id("n");
                          if (static_cast<std::size_t>(n) >= entries.size()) throw HttpError(404, "Диаграмма не найдена.");
                          Reply r = Reply::file(pkg.read(entries[static_cast<std::size_t>(n)]), "image/png", "chart.png");
                          return r;
                      }});
}

}  // namespace nastavnik::serve
