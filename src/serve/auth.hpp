#pragma once
// Internal: passwords and tokens, with libsodium. Passwords: Argon2id (crypto_pwhash_str,
// the library's «interactive» cost: 64 MiB, 2 passes) — the hash string carries its salt and
// parameters, so a later cost change still verifies old hashes. Session tokens: 32 random
// bytes; the database keeps only their SHA-256, so a copy of the database opens no session.

#include <string>

namespace nastavnik::serve {

/// Initialises libsodium once (thread-safe). Throws std::runtime_error if it cannot.
void init_crypto();

std::string hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
/// Spends the time of one verification: a login that does not exist costs as much as a wrong password.
void verify_dummy(const std::string& password);

/// `bytes` random bytes as lowercase hex.
std::string random_hex(std::size_t bytes);
/// A one-time password a person can type: 16 letters and digits without look-alikes.
std::string one_time_password();
/// SHA-256 as lowercase hex.
std::string sha256_hex(const std::string& bytes);
/// Compares in time independent of where the strings differ.
bool equal_constant_time(const std::string& a, const std::string& b);

}  // namespace nastavnik::serve
