#include "serve/auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <mutex>
#include <semaphore>
#include <stdexcept>
#include <thread>

namespace nastavnik::serve {

void init_crypto() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium: sodium_init failed");
    });
}

namespace {

// Argon2id takes 64 MiB and a core for ~0.1 s. More of them at once than there are cores only
// adds memory (a login storm of 100 users: 16 request threads × 64 MiB) and takes the cores
// from every other page; beyond the cores they wait here.
std::counting_semaphore<1024>& hashing_slots() {
    static std::counting_semaphore<1024> slots(std::clamp<std::ptrdiff_t>(std::thread::hardware_concurrency(), 1, 1024));
    return slots;
}

struct Slot {
    Slot() { hashing_slots().acquire(); }
    ~Slot() { hashing_slots().release(); }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
};

}  // namespace

std::string hash_password(const std::string& password) {
    init_crypto();
    Slot slot;
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("crypto_pwhash_str: out of memory");
    }
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    init_crypto();
    Slot slot;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_dummy(const std::string& password) {
    static const std::string dummy = hash_password("nastavnik: no such user");
    (void)verify_password(dummy, password);
}

std::string random_hex(std::size_t bytes) {
    init_crypto();
    std::string raw(bytes, '\0');
    randombytes_buf(raw.data(), raw.size());
    std::string hex(bytes * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
    hex.pop_back();
    return hex;
}

std::string one_time_password() {
    init_crypto();
    static constexpr char alphabet[] = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (int i = 0; i < 16; ++i) out += alphabet[randombytes_uniform(sizeof alphabet - 1)];
    return out;
}

std::string sha256_hex(const std::string& bytes) {
    init_crypto();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

bool equal_constant_time(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace nastavnik::serve
