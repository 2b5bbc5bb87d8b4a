#pragma once
// Internal: the versioned schema of the store. A migration is never edited once released; a
// change of schema is a new migration with the next number. Portable SQL: types and clauses
// that SQLite and PostgreSQL read alike; «{serial}» is the one word that differs (an
// auto-numbered primary key).

#include <string>
#include <vector>

namespace nastavnik::store {

struct Migration {
    int version;
    std::vector<std::string> statements;
};

const std::vector<Migration>& migrations();

}  // namespace nastavnik::store
