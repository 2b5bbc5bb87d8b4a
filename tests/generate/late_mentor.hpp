#pragma once
// The compliant sample with Г.Ф. Лаптева's consent and supplementary agreement not yet made, as
// ЦДТ № 3's В.Н. Иванова (reader G of 7.12.2026, 2): a mentor of the pairs order of 08.09.2026 № 72-од
// whose consent and agreement the package draws now, and whose pay that order does not set.

#include "e2e/cli_runner.hpp"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace late_mentor {

// Лаптева's record in the compliant sample: consent of 28.08.2026, agreement ДС-1 of 03.09.2026.
inline const std::string laptevas =
    "\"person\": \"c04\",\n      \"consent_date\": \"2026-08-28\",\n      \"appointed_by\": \"c-nast\",\n"
    "      \"labour_agreement\": {\n        \"date\": \"2026-09-03\",\n        \"number\": \"ДС-1\",\n"
    "        \"pay\": {\n          \"amount\": 3000,\n          \"period\": \"месяц\"\n        },\n"
    "        \"end\": \"2027-05-31\"\n      },";
inline const std::string laptevas_not_made =
    "\"person\": \"c04\",\n      \"consent_date\": null,\n      \"appointed_by\": \"c-nast\",\n      \"labour_agreement\": null,";

// The compliant sample with each of `records` replaced.
inline std::string patched(const std::vector<std::pair<std::string, std::string>>& records) {
    std::string json = e2e::slurp(std::filesystem::path(NASTAVNIK_SOURCE_DIR) / "samples/barnaul-gymnasium-compliant.json");
    for (const auto& [from, to] : records) {
        const auto at = json.find(from);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
        json.replace(at, from.size(), to);
    }
    return json;
}

inline std::string without_laptevas() { return patched({{laptevas, laptevas_not_made}}); }

}  // namespace late_mentor
