#pragma once
// Runs the real `nastavnik` binary, as a user would, from the source folder.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

namespace e2e {

struct Run {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void write(const std::filesystem::path& p, const std::string& bytes) {
    std::ofstream out(p, std::ios::binary);
    out << bytes;
}

inline std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

/// `args` are passed to the shell quoted one by one.
inline Run nastavnik(const std::vector<std::string>& args) {
    const std::filesystem::path tmp = NASTAVNIK_TEST_TMP;
    std::filesystem::create_directories(tmp);
    static int counter = 0;
    const auto out = tmp / ("run-" + std::to_string(++counter) + ".out");
    const auto err = tmp / ("run-" + std::to_string(counter) + ".err");
    std::string cmd = quote(NASTAVNIK_CLI);
    for (const auto& a : args) cmd += " " + quote(a);
    cmd += " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    const int status = std::system(cmd.c_str());
    Run r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
}

/// Runs a shell command; returns its exit code and stdout.
inline Run shell(const std::string& cmd) {
    const std::filesystem::path tmp = NASTAVNIK_TEST_TMP;
    std::filesystem::create_directories(tmp);
    const auto out = tmp / "shell.out";
    const int status = std::system((cmd + " >" + quote(out.string()) + " 2>&1 </dev/null").c_str());
    return Run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), {}};
}

}  // namespace e2e
