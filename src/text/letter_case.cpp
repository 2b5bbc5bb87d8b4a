#include "nastavnik/text/letter_case.hpp"

#include <cstdint>

namespace nastavnik::text {

namespace {

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i. Invalid bytes
// pass through as themselves (input was validated upstream; never throw from formatting).
char32_t decode(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80 || i + 1 >= s.size()) { ++i; return b0; }
    if ((b0 & 0xE0) == 0xC0) {
        const char32_t cp = ((b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
        i += 2;
        return cp;
    }
    if ((b0 & 0xF0) == 0xE0 && i + 2 < s.size()) {
        const char32_t cp = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(s[i + 2]) & 0x3F);
        i += 3;
        return cp;
    }
    if ((b0 & 0xF8) == 0xF0 && i + 3 < s.size()) {
        const char32_t cp = ((b0 & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
                            ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
                            (static_cast<unsigned char>(s[i + 3]) & 0x3F);
        i += 4;
        return cp;
    }
    ++i;
    return b0;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= U'А' && c <= U'Я') return c + 32;
    if (c == U'Ё') return U'ё';
    return c;
}

char32_t upper(char32_t c) {
    if (c >= U'a' && c <= U'z') return c - 32;
    if (c >= U'а' && c <= U'я') return c - 32;
    if (c == U'ё') return U'Ё';
    return c;
}

template <typename F>
std::string map_chars(std::string_view s, F f) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) encode(f(decode(s, i)), out);
    return out;
}

}  // namespace

std::string to_lower(std::string_view s) { return map_chars(s, lower); }
std::string to_upper(std::string_view s) { return map_chars(s, upper); }

std::string capitalize(std::string_view s) {
    if (s.empty()) return {};
    std::size_t i = 0;
    std::string out;
    encode(upper(decode(s, i)), out);
    out.append(s.substr(i));
    return out;
}

std::string lower_first(std::string_view s) {
    const std::u32string cp = to_code_points(s);
    if (cp.size() < 2) return std::string(s);
    const std::string second = to_utf8(cp.substr(1, 1));
    const bool lower_letter = to_lower(second) == second && to_upper(second) != second;
    if (!lower_letter && cp[1] != U' ') return std::string(s);
    return to_lower(to_utf8(cp.substr(0, 1))) + to_utf8(cp.substr(1));
}

std::string shorten(std::string_view s, std::size_t max_chars) {
    std::size_t i = 0;
    for (std::size_t n = 0; i < s.size() && n < max_chars; ++n) decode(s, i);
    if (i >= s.size()) return std::string(s);
    return std::string(s.substr(0, i)) + "…";
}

std::string first_char(std::string_view s) {
    if (s.empty()) return {};
    std::size_t i = 0;
    decode(s, i);
    return std::string(s.substr(0, i));
}

std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out += decode(s, i);
    return out;
}

std::string to_utf8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) encode(c, out);
    return out;
}

}  // namespace nastavnik::text
