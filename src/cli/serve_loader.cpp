#include "nastavnik/core/error.hpp"
#include "cli/commands.hpp"

#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <system_error>

// `serve` lives in a module of its own (CMakeLists.txt): Poco, libssl, SQLite and libsodium
// cost every other command two thirds of its start-up when the executable needs them.

namespace nastavnik::cli {

namespace {

std::filesystem::path serve_module_path() {
    // Beside the executable in a build tree; in ../lib/nastavnik beside an installed one (a
    // tree installed under another prefix or moved keeps working); else the configured prefix.
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (const auto& candidate : {self.parent_path() / NASTAVNIK_SERVE_MODULE,
                                      self.parent_path().parent_path() / "lib" / "nastavnik" / NASTAVNIK_SERVE_MODULE}) {
            if (std::filesystem::exists(candidate, ec)) return candidate;
        }
    }
    return std::filesystem::path(NASTAVNIK_MODULE_DIR) / NASTAVNIK_SERVE_MODULE;
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
    const auto path = serve_module_path();
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (module == nullptr) {
        const char* why = dlerror();
        // dlerror names the file.
        throw Error(ErrorCode::io, "serve: не удалось загрузить модуль службы: " + std::string(why != nullptr ? why : path.string()));
    }
    using Entry = int (*)(const std::vector<std::string>&);
    const auto entry = reinterpret_cast<Entry>(dlsym(module, "nastavnik_serve_main"));
    if (entry == nullptr) throw Error(ErrorCode::internal, "serve: в модуле " + path.string() + " нет точки входа nastavnik_serve_main");
    // Never closed: the service's threads and Poco's static objects live until exit.
    return entry(args);
}

}  // namespace nastavnik::cli
