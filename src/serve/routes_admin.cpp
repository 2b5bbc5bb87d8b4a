// The administrator's pages: municipalities, organisations, users and their roles, the
// inspectors' assignments, the audit log. An administrator never sees an organisation's data.

#include "serve/auth.hpp"
#include "serve/context.hpp"

#include <map>

namespace nastavnik::serve {

namespace {

using store::Role;

Id id_field(const Ctx& c, const std::string& name, const std::string& title) {
    const std::string& v = c.field(name, title);
    if (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos) throw HttpError(400, "Поле «" + title + "»: ожидается номер.");
    return std::stoll(v);
}

std::string bounded(const std::string& v, const std::string& title) {
    if (v.size() > 500) throw HttpError(400, "Поле «" + title + "» длиннее 500 символов.");
    return v;
}

// The audit log for a person: what was done, in words; the object as «организация № 3».
std::string action_title(const std::string& action) {
    static const std::map<std::string, std::string> titles = {
        {"admin.create", "создан администратор (командой)"}, {"admin.reset", "сброшен пароль администратора (командой)"},
        {"check", "проверка сведений"}, {"download.act", "скачана справка о проверке"},
        {"download.document", "скачан документ пакета"}, {"download.municipal", "скачан документ муниципалитета"},
        {"download.package", "скачан пакет документов"}, {"download.upload", "скачан загруженный файл"},
        {"generate", "заказан пакет документов"}, {"generate.batch", "заказана обработка муниципалитета"},
        {"inspector.assign", "изменено назначение проверяющего"}, {"login", "вход"},
        {"login.failed", "неудачная попытка входа"}, {"login.throttled", "вход заблокирован после неудачных попыток"},
        {"logout", "выход"}, {"municipality.create", "создан муниципалитет"},
        {"organisation.create", "создана организация"}, {"password.change", "смена пароля"},
        {"ruleset.draft", "загружен проект набора правил"}, {"ruleset.publish", "опубликована версия набора правил"},
        {"upload", "загружен файл"}, {"user.create", "создан пользователь"}, {"user.reset", "сброшен пароль пользователя"},
        {"user.enable", "пользователь включён"}, {"user.disable", "пользователь отключён"}};
    const auto it = titles.find(action);
    return it == titles.end() ? action : it->second;
}

std::string object_title(const std::string& object) {
    static const std::map<std::string, std::string> kinds = {
        {"organisation", "организация"}, {"municipality", "муниципалитет"}, {"user", "пользователь"},
        {"job", "задание"}, {"ruleset-version", "версия набора правил"}, {"ruleset", "набор правил"}};
    const auto colon = object.find(':');
    if (colon == std::string::npos) return object;
    const auto it = kinds.find(object.substr(0, colon));
    return it == kinds.end() ? object : it->second + " №\u00A0" + object.substr(colon + 1);  // NBSP: «№ 3» is not split
}

}  // namespace

void Service::Impl::add_admin_routes() {
    const Access admin{false, {Role::admin}, Scope::none};

    routes.push_back({"GET", "/admin", admin, [this](Ctx&) {
                          auto m = object();
                          m->set("title", "Администрирование");
                          auto muns = list();
                          std::map<Id, std::string> mun_names;
                          for (const auto& x : db->municipalities()) {
                              auto r = object();
                              r->set("id", x.id);
                              r->set("name", x.name);
                              r->set("region", x.region);
                              muns->add(r);
                              mun_names[x.id] = x.name;
                          }
                          m->set("municipalities", muns);
                          auto orgs = list();
                          std::map<Id, std::string> org_names;
                          for (const auto& o : db->organisations()) {
                              auto r = object();
                              r->set("id", o.id);
                              r->set("name", o.name);
                              r->set("municipality", mun_names[o.municipality_id]);
                              orgs->add(r);
                              org_names[o.id] = o.name;
                          }
                          m->set("organisations", orgs);
                          auto users = list();
                          for (const auto& u : db->users()) {
                              auto r = object();
                              r->set("id", u.id);
                              r->set("login", u.login);
                              r->set("name", u.display_name);
                              r->set("role", store::role_token(u.role));
                              r->set("role_title", store::role_title(u.role));
                              r->set("active", u.active);
                              r->set("organisation", u.organisation_id ? org_names[u.organisation_id] : std::string{});
                              r->set("municipality", u.municipality_id ? mun_names[u.municipality_id] : std::string{});
                              if (u.role == Role::inspector) {
                                  auto assigned = list();
                                  for (const Id o : db->inspector_organisations(u.id)) assigned->add(org_names[o]);
                                  r->set("assigned", assigned);
                                  r->set("is_inspector", true);
                              }
                              users->add(r);
                          }
                          m->set("users", users);
                          auto roles = list();
                          for (Role r : {Role::organisation, Role::municipal, Role::inspector, Role::editor, Role::admin}) {
                              auto x = object();
                              x->set("token", store::role_token(r));
                              x->set("title", store::role_title(r));
                              roles->add(x);
                          }
                          m->set("roles", roles);
                          return Reply::page("admin", m);
                      }});

    routes.push_back({"POST", "/admin/municipalities", admin, [this](Ctx& c) {
                          store::Municipality x;
                          x.name = bounded(c.field("name", "Муниципалитет"), "Муниципалитет");
                          x.region = bounded(c.field("region", "Регион"), "Регион");
                          const Id id = db->add_municipality(x);
                          db->audit(c.user_id(), "municipality.create", "municipality:" + std::to_string(id), "");
                          auto m = object();
                          m->set("id", id);
                          return Reply::see_other("/admin", m);
                      }});

    routes.push_back({"POST", "/admin/organisations", admin, [this](Ctx& c) {
                          store::Organisation o;
                          o.municipality_id = id_field(c, "municipality_id", "Муниципалитет");
                          if (!db->municipality(o.municipality_id)) throw HttpError(400, "Нет такого муниципалитета.");
                          o.name = bounded(c.field("name", "Организация"), "Организация");
                          const Id id = db->add_organisation(o);
                          db->audit(c.user_id(), "organisation.create", "organisation:" + std::to_string(id), "");
                          auto m = object();
                          m->set("id", id);
                          return Reply::see_other("/admin", m);
                      }});

    routes.push_back({"POST", "/admin/users", admin, [this](Ctx& c) {
                          store::User u;
                          u.login = bounded(c.field("login", "Имя для входа"), "Имя для входа");
                          if (u.login.size() > 64) throw HttpError(400, "Имя для входа длиннее 64 символов.");
                          u.display_name = bounded(c.field("name", "ФИО или название"), "ФИО или название");
                          const auto role = store::role_from_token(c.field("role", "Роль"));
                          if (!role) throw HttpError(400, "Неизвестная роль.");
                          u.role = *role;
                          if (u.role == Role::organisation) {
                              u.organisation_id = id_field(c, "organisation_id", "Организация");
                              if (!db->organisation(u.organisation_id)) throw HttpError(400, "Нет такой организации.");
                          }
                          if (u.role == Role::municipal) {
                              u.municipality_id = id_field(c, "municipality_id", "Муниципалитет");
                              if (!db->municipality(u.municipality_id)) throw HttpError(400, "Нет такого муниципалитета.");
                          }
                          if (db->user_by_login(u.login)) throw HttpError(409, "Пользователь с таким именем для входа уже есть.");
                          const std::string password = one_time_password();
                          u.password_hash = hash_password(password);
                          u.must_change_password = true;
                          const Id id = db->add_user(u);
                          db->audit(c.user_id(), "user.create", "user:" + std::to_string(id), std::string("role:") + store::role_token(u.role));
                          auto m = object();
                          m->set("title", "Пользователь создан");
                          m->set("id", id);
                          m->set("login", u.login);
                          m->set("password", password);
                          return Reply::page("password-issued", m);
                      }});

    routes.push_back({"POST", "/admin/users/{user}/reset", admin, [this](Ctx& c) {
                          const auto u = db->user(c.id("user"));
                          if (!u) throw HttpError(404, "Пользователь не найден.");
                          const std::string password = one_time_password();
                          db->set_password(u->id, hash_password(password), true);
                          db->remove_sessions_of(u->id);
                          db->audit(c.user_id(), "user.reset", "user:" + std::to_string(u->id), "");
                          auto m = object();
                          m->set("title", "Пароль сброшен");
                          m->set("id", u->id);
                          m->set("login", u->login);
                          m->set("password", password);
                          return Reply::page("password-issued", m);
                      }});

    routes.push_back({"POST", "/admin/users/{user}/active", admin, [this](Ctx& c) {
                          const auto u = db->user(c.id("user"));
                          if (!u) throw HttpError(404, "Пользователь не найден.");
                          const bool active = c.field_or("active") == "1";
                          db->set_user_active(u->id, active);
                          if (!active) db->remove_sessions_of(u->id);
                          db->audit(c.user_id(), active ? "user.enable" : "user.disable", "user:" + std::to_string(u->id), "");
                          auto m = object();
                          m->set("ok", true);
                          return Reply::see_other("/admin", m);
                      }});

    routes.push_back({"POST", "/admin/assignments", admin, [this](Ctx& c) {
                          const Id user = id_field(c, "user_id", "Проверяющий");
                          const Id org = id_field(c, "organisation_id", "Организация");
                          const auto u = db->user(user);
                          if (!u || u->role != Role::inspector) throw HttpError(400, "Назначать можно только проверяющего.");
                          if (!db->organisation(org)) throw HttpError(400, "Нет такой организации.");
                          if (c.field_or("remove") == "1") db->unassign_inspector(user, org);
                          else db->assign_inspector(user, org);
                          db->audit(c.user_id(), "inspector.assign", "user:" + std::to_string(user), "organisation:" + std::to_string(org));
                          auto m = object();
                          m->set("ok", true);
                          return Reply::see_other("/admin", m);
                      }});

    routes.push_back({"GET", "/admin/audit", admin, [this](Ctx&) {
                          auto m = object();
                          m->set("title", "Журнал действий");
                          auto entries = list();
                          for (const auto& e : db->audit_log(500)) {
                              auto r = object();
                              r->set("at", time_text(e.at));
                              r->set("user", e.user_id);
                              r->set("action", e.action);
                              r->set("action_title", action_title(e.action));
                              r->set("object", e.object);
                              r->set("object_title", object_title(e.object));
                              r->set("detail", e.detail);
                              entries->add(r);
                          }
                          m->set("entries", entries);
                          return Reply::page("audit", m);
                      }});
}

}  // namespace nastavnik::serve
