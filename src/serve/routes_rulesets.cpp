// The ruleset editor's pages: a draft version is uploaded, linted, its rule tests run, and it
// is compared with the version in force — rules and parameters, and a replay over the latest
// data of every stored organisation — before it is published in place of that version.

#include "nastavnik/core/error.hpp"
#include "nastavnik/core/file_io.hpp"
#include "nastavnik/rules/catalog.hpp"
#include "nastavnik/rules/rule_tests.hpp"
#include "nastavnik/rules/tools.hpp"
#include "nastavnik/text/russian_dates.hpp"
#include "nastavnik/workbook/workbook.hpp"
#include "serve/auth.hpp"
#include "serve/context.hpp"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace nastavnik::serve {

namespace {

using store::Role;

std::filesystem::path schema_of(const std::filesystem::path& root) { return root / "schema" / "ruleset-1.xsd"; }

// The version a draft succeeds: the ruleset with its id (the last one, if several).
const rules::Ruleset* current_of(const rules::Catalog& cat, const std::string& id) {
    const rules::Ruleset* found = nullptr;
    for (const auto& rs : cat.all()) {
        if (rs->id == id) found = rs.get();
    }
    return found;
}

std::vector<const rules::Ruleset*> upper_layers(const rules::Catalog& cat, const rules::Ruleset& rs, const Date& day) {
    std::vector<const rules::Ruleset*> upper;
    for (const rules::Ruleset* u : cat.select(rs.region, rs.municipality, day)) {
        if (u->layer < rs.layer && u->id != rs.id) upper.push_back(u);
    }
    return upper;
}

}  // namespace

void Service::Impl::add_ruleset_routes() {
    const Access editor{false, {Role::editor}, Scope::none};

    routes.push_back({"GET", "/rulesets", editor, [this](Ctx&) {
                          auto m = object();
                          m->set("title", "Наборы правил");
                          auto rs = list();
                          for (const auto& r : catalog()->all()) {
                              auto x = object();
                              x->set("id", r->id);
                              x->set("version", r->version);
                              x->set("title", r->title);
                              x->set("layer", rules::layer_name(r->layer));
                              x->set("rules", static_cast<int>(r->rules.size()));
                              x->set("valid_from", text::date_numeric(r->valid_from));
                              rs->add(x);
                          }
                          m->set("rulesets", rs);
                          auto drafts = list();
                          for (const auto& d : db->ruleset_versions()) {
                              auto x = object();
                              x->set("id", d.id);
                              x->set("ruleset", d.ruleset_id);
                              x->set("version", d.version);
                              x->set("state", d.state == "published" ? "опубликован" : "проект");
                              x->set("created", time_text(d.created_at));
                              x->set("href", "/rulesets/drafts/" + std::to_string(d.id));
                              drafts->add(x);
                          }
                          m->set("drafts", drafts);
                          return Reply::page("rulesets", m);
                      }});

    routes.push_back({"POST", "/rulesets/drafts", editor, [this](Ctx& c) {
                          UploadedFile f = c.file("file");
                          if (!f.file_name.ends_with(".xml")) f.file_name += ".xml";
                          const auto u = keep_upload(c, "ruleset", f, 0, 0);
                          // Load errors (schema, XPath) are the editor's to fix: shown with their lines.
                          const rules::Ruleset draft = rules::load_ruleset(file(u.stored_path), schema_of(rulesets_root));
                          const auto cat = catalog();
                          // The date to compare on: a change dated in the future shows only from then.
                          Date day = as_of();
                          if (const auto d = c.field_or("as_of"); !d.empty()) {
                              const auto parsed = Date::parse_iso(d);
                              if (!parsed) throw HttpError(400, "Дата сравнения: ожидается дата в формате ГГГГ-ММ-ДД.");
                              day = *parsed;
                          }
                          const rules::Ruleset* current = current_of(*cat, draft.id);
                          auto report = object();
                          report->set("as_of", text::date_numeric(day));
                          report->set("new_ruleset", current == nullptr);
                          report->set("current_version", current ? current->version : std::string{});
                          const auto upper = upper_layers(*cat, draft, day);

                          auto lint = list();
                          for (const auto& d : rules::lint(draft, upper)) lint->add(d.to_string());
                          report->set("lint", lint);

                          // The tests beside the current version, run on the draft in its place, in a
                          // scratch copy of the rulesets.
                          const auto work = opt.data / "work" / ("draft-" + std::to_string(u.id) + "-" + random_hex(4));
                          std::filesystem::create_directories(work);
                          struct Cleanup {
                              std::filesystem::path p;
                              ~Cleanup() {
                                  std::error_code ec;
                                  std::filesystem::remove_all(p, ec);
                              }
                          } cleanup{work};
                          const auto scratch = work / "rulesets";
                          std::filesystem::copy(rulesets_root, scratch, std::filesystem::copy_options::recursive);
                          std::filesystem::path place = scratch / "drafts" / (safe_file_stem(draft.id, 100, "draft") + ".xml");
                          if (current) place = scratch / std::filesystem::relative(current->file, rulesets_root);
                          std::filesystem::create_directories(place.parent_path());
                          write_file_atomic(place, upload_bytes(u), false);
                          auto tests = object();
                          try {
                              const auto test_catalog = rules::Catalog::load(scratch);
                              const auto result = rules::run_rule_tests(test_catalog);
                              int passed = 0, failed = 0, incomplete = 0;
                              auto failures = list();
                              for (const auto& k : result.cases) {
                                  if (k.ruleset_id != draft.id) continue;
                                  if (k.passed) ++passed;
                                  else {
                                      ++failed;
                                      failures->add((k.rule_id.empty() ? std::string("выбор наборов") : k.rule_id) + ": " + k.description +
                                                    " — " + k.failure);
                                  }
                              }
                              for (const auto& cov : result.coverage) {
                                  if (cov.ruleset_id == draft.id && !cov.complete()) {
                                      ++incomplete;
                                      failures->add(cov.rule_id + ": нет тестовых случаев на все исходы (выполнено, нарушено" +
                                                    std::string(cov.needs_not_evaluable ? ", недостаточно данных" : "") + ")");
                                  }
                              }
                              tests->set("passed", passed);
                              tests->set("failed", failed);
                              tests->set("incomplete", incomplete);
                              tests->set("failures", failures);
                              tests->set("ok", failed == 0 && incomplete == 0);
                          } catch (const Error& e) {
                              auto failures = list();
                              for (const auto& d : e.diagnostics()) failures->add(d.to_string());
                              tests->set("failures", failures);
                              tests->set("failed", static_cast<int>(failures->size()));
                              tests->set("ok", false);
                          }
                          report->set("tests", tests);

                          // Replay over the latest accepted data of every stored organisation.
                          const auto data_dir = work / "organisations";
                          std::filesystem::create_directories(data_dir);
                          int replayed = 0;
                          for (const auto& s : db->latest_submissions_everywhere()) {
                              if (s.status == "invalid") continue;
                              const auto up = db->upload(s.upload_id);
                              // rules::replay reads *.json: a workbook is replayed as the JSON it reads into.
                              if (!up) continue;
                              std::string json = upload_bytes(*up);
                              if (workbook::is_workbook_file(up->file_name)) {
                                  const auto format = data::organisation_file_format();
                                  try {
                                      json = input::to_json_text(workbook::read_workbook(json, up->file_name, &format).root);
                                  } catch (const Error&) {
                                      continue;
                                  }
                              }
                              write_file_atomic(data_dir / (std::to_string(s.organisation_id) + ".json"), json, false);
                              ++replayed;
                          }
                          report->set("organisations", replayed);
                          if (current) {
                              report->set("diff", rules::diff(*current, draft));
                              report->set("replay", replayed > 0 ? rules::replay(*current, draft, data_dir, day, upper) : std::string{});
                          }
                          std::ostringstream os;
                          Poco::JSON::Stringifier::stringify(report, os);
                          store::RulesetVersion v;
                          v.ruleset_id = draft.id;
                          v.version = draft.version;
                          v.upload_id = u.id;
                          v.report = os.str();
                          v.created_by = c.user_id();
                          const Id id = db->add_ruleset_version(v);
                          db->audit(c.user_id(), "ruleset.draft", "ruleset-version:" + std::to_string(id), "sha256:" + u.sha256);
                          auto m = object();
                          m->set("draft", id);
                          m->set("href", "/rulesets/drafts/" + std::to_string(id));
                          Reply r = Reply::see_other(m->getValue<std::string>("href"), m);
                          r.status = 201;
                          return r;
                      }});

    routes.push_back({"GET", "/rulesets/drafts/{draft}", editor, [this](Ctx& c) {
                          const auto v = db->ruleset_version(c.id("draft"));
                          if (!v) throw HttpError(404, "Проект не найден.");
                          auto m = object();
                          m->set("title", "Проект набора правил " + v->ruleset_id + " " + v->version);
                          auto d = object();
                          d->set("id", v->id);
                          d->set("ruleset", v->ruleset_id);
                          d->set("version", v->version);
                          d->set("published", v->state == "published");
                          d->set("created", time_text(v->created_at));
                          if (v->published_at) d->set("published_at", time_text(v->published_at));
                          m->set("draft", d);
                          const auto report = Poco::JSON::Parser().parse(v->report).extract<Poco::JSON::Object::Ptr>();
                          m->set("report", report);
                          const bool tests_ok = report->getObject("tests") && report->getObject("tests")->optValue<bool>("ok", false);
                          m->set("can_publish", v->state != "published" && tests_ok);
                          return Reply::page("draft", m);
                      }});

    routes.push_back({"POST", "/rulesets/drafts/{draft}/publish", editor, [this](Ctx& c) {
                          const auto v = db->ruleset_version(c.id("draft"));
                          if (!v) throw HttpError(404, "Проект не найден.");
                          if (v->state == "published") throw HttpError(409, "Эта версия уже опубликована.");
                          const auto report = Poco::JSON::Parser().parse(v->report).extract<Poco::JSON::Object::Ptr>();
                          if (!report->getObject("tests") || !report->getObject("tests")->optValue<bool>("ok", false)) {
                              throw HttpError(409, "Тесты правил не пройдены: опубликовать проект нельзя.");
                          }
                          const auto u = db->upload(v->upload_id);
                          const std::string bytes = upload_bytes(*u);
                          const auto cat = catalog();
                          const rules::Ruleset* current = current_of(*cat, v->ruleset_id);
                          // The new version takes the place of the one in force; the old file is archived.
                          std::filesystem::path place = rulesets_root / "published" / (safe_file_stem(v->ruleset_id, 100, "ruleset") + ".xml");
                          if (current) {
                              place = current->file;
                              const auto archive = opt.data / "rulesets-archive" / safe_file_stem(v->ruleset_id, 100, "ruleset") /
                                                   (safe_file_stem(current->version, 60, "version") + "-" + random_hex(4) + ".xml");
                              std::filesystem::create_directories(archive.parent_path());
                              std::filesystem::copy_file(current->file, archive);
                          }
                          std::filesystem::create_directories(place.parent_path());
                          const std::string previous = current ? read_file(place, std::size_t{64} << 20) : std::string{};
                          write_file_atomic(place, bytes);
                          try {
                              reload_catalog();
                          } catch (const Error&) {
                              // The rulesets must keep loading: the version in force goes back.
                              std::error_code ec;
                              if (current) write_file_atomic(place, previous);
                              else std::filesystem::remove(place, ec);
                              throw;
                          }
                          db->publish_ruleset(v->id);
                          db->audit(c.user_id(), "ruleset.publish", "ruleset-version:" + std::to_string(v->id), "sha256:" + u->sha256);
                          auto m = object();
                          m->set("published", v->id);
                          return Reply::see_other("/rulesets/drafts/" + std::to_string(v->id), m);
                      }});
}

}  // namespace nastavnik::serve
