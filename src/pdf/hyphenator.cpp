#include "pdf/hyphenator.hpp"

#include <hyphen.h>

#include <mutex>

namespace nastavnik::pdf {

namespace {

constexpr const char* dictionary = "/usr/share/hyphen/hyph_ru_RU.dic";

// The hyphen-ru patterns are KOI8-R: lower-case letters 0xC0…0xDF in this order, ё = 0xA3.
constexpr char32_t koi8_order[] = U"юабцдефгхийклмнопярстужвьызшэщчъ";

int to_koi8(char32_t c) {
    if (c >= U'А' && c <= U'Я') c += 0x20;
    if (c == U'Ё' || c == U'ё') return 0xA3;
    if (c == U'-') return '-';  // a hyphenated compound goes to the patterns whole, as LibreOffice passes it
    for (int i = 0; i < 32; ++i) {
        if (koi8_order[i] == c) return 0xC0 + i;
    }
    return -1;
}

HyphenDict* dict() {
    // Loaded once per process, never freed: patterns are read-only after loading.
    static HyphenDict* d = hnj_hyphen_load(dictionary);
    return d;
}

std::mutex hyphen_mutex;

}  // namespace

std::vector<std::size_t> hyphenation_points(const std::u32string& word) {
    std::vector<std::size_t> points;
    // Words under five letters are not hyphenated: LibreOffice's default minimal word length
    // (Options → Language Settings → Writing Aids), which it applies to DOCX too («пары» stays
    // whole where we set «па-ры»).
    if (word.size() < 5 || word.size() > 60) return points;
    std::string koi;
    for (char32_t c : word) {
        const int k = to_koi8(c);
        if (k < 0) return points;
        koi += static_cast<char>(k);
    }
    std::lock_guard lock(hyphen_mutex);
    HyphenDict* d = dict();
    if (d == nullptr) return points;
    std::vector<char> hyphens(koi.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    if (hnj_hyphen_hyphenate3(d, koi.c_str(), static_cast<int>(koi.size()), hyphens.data(), nullptr, &rep, &pos, &cut,
                              2, 2, 2, 2) == 0) {
        for (std::size_t i = 0; i + 1 < koi.size(); ++i) {
            // Never beside the compound's own hyphen: the line breaks at that one.
            if ((hyphens[i] & 1) && word[i] != U'-' && word[i + 1] != U'-') points.push_back(i + 1);
        }
    }
    if (rep != nullptr) {
        for (std::size_t i = 0; i < koi.size(); ++i) free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return points;
}

}  // namespace nastavnik::pdf
