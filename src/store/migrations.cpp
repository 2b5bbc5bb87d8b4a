#include "store/migrations.hpp"

namespace nastavnik::store {

const std::vector<Migration>& migrations() {
    // Ids of other tables are plain BIGINT columns, 0 for «none»: the same in both databases
    // and in every row (no NULL handling in the code that reads them).
    static const std::vector<Migration> all = {
        {1,
         {
             "CREATE TABLE municipalities (id {serial}, name TEXT NOT NULL, region TEXT NOT NULL, "
             "data_upload BIGINT NOT NULL DEFAULT 0)",
             "CREATE TABLE organisations (id {serial}, municipality_id BIGINT NOT NULL REFERENCES municipalities(id), "
             "name TEXT NOT NULL)",
             "CREATE INDEX organisations_municipality ON organisations (municipality_id)",
             "CREATE TABLE users (id {serial}, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, role TEXT NOT NULL, "
             "password_hash TEXT NOT NULL, organisation_id BIGINT NOT NULL DEFAULT 0, municipality_id BIGINT NOT NULL DEFAULT 0, "
             "active INTEGER NOT NULL DEFAULT 1, must_change_password INTEGER NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)",
             "CREATE TABLE inspector_assignments (user_id BIGINT NOT NULL REFERENCES users(id), "
             "organisation_id BIGINT NOT NULL REFERENCES organisations(id), PRIMARY KEY (user_id, organisation_id))",
             "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id), "
             "csrf TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)",
             "CREATE TABLE login_failures (key TEXT PRIMARY KEY, failures INTEGER NOT NULL, first_at BIGINT NOT NULL)",
             "CREATE TABLE uploads (id {serial}, kind TEXT NOT NULL, sha256 TEXT NOT NULL, size BIGINT NOT NULL, "
             "file_name TEXT NOT NULL, stored_path TEXT NOT NULL, uploaded_by BIGINT NOT NULL, "
             "organisation_id BIGINT NOT NULL DEFAULT 0, municipality_id BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)",
             "CREATE TABLE submissions (id {serial}, organisation_id BIGINT NOT NULL REFERENCES organisations(id), "
             "year INTEGER NOT NULL, upload_id BIGINT NOT NULL REFERENCES uploads(id), status TEXT NOT NULL, "
             "errors INTEGER NOT NULL, warnings INTEGER NOT NULL, not_evaluable INTEGER NOT NULL, report_json TEXT NOT NULL, "
             "problems TEXT NOT NULL, as_of TEXT NOT NULL, created_at BIGINT NOT NULL)",
             "CREATE INDEX submissions_organisation ON submissions (organisation_id, year)",
             "CREATE TABLE jobs (id {serial}, kind TEXT NOT NULL, state TEXT NOT NULL, "
             "organisation_id BIGINT NOT NULL DEFAULT 0, municipality_id BIGINT NOT NULL DEFAULT 0, "
             "submission_id BIGINT NOT NULL DEFAULT 0, year INTEGER NOT NULL DEFAULT 0, progress_done INTEGER NOT NULL, "
             "progress_total INTEGER NOT NULL, result_path TEXT NOT NULL, result_sha256 TEXT NOT NULL, message TEXT NOT NULL, "
             "attempts INTEGER NOT NULL, created_by BIGINT NOT NULL, created_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, "
             "finished_at BIGINT NOT NULL)",
             "CREATE INDEX jobs_state ON jobs (state, id)",
             "CREATE TABLE ruleset_versions (id {serial}, ruleset_id TEXT NOT NULL, version TEXT NOT NULL, state TEXT NOT NULL, "
             "upload_id BIGINT NOT NULL REFERENCES uploads(id), report TEXT NOT NULL, created_by BIGINT NOT NULL, "
             "created_at BIGINT NOT NULL, published_at BIGINT NOT NULL)",
             "CREATE TABLE audit_log (id {serial}, at BIGINT NOT NULL, user_id BIGINT NOT NULL, action TEXT NOT NULL, "
             "object TEXT NOT NULL, detail TEXT NOT NULL)",
         }},
    };
    return all;
}

}  // namespace nastavnik::store
