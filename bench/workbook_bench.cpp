// Workbook benchmark (issue 15): how long reading a workbook takes against the same data as
// JSON, for an organisation of N staff; and, for bench/workbook_bench.sh, every JSON file of a
// folder exported as a workbook (the batch over workbooks is then timed against batch over JSON).
//
//   bench_workbook [--staff N] [--runs R]
//   bench_workbook --export-folder IN OUT
//   bench_workbook --read-folder DIR

#include "nastavnik/core/file_io.hpp"
#include "nastavnik/data/data_tree.hpp"
#include "nastavnik/input/json.hpp"
#include "nastavnik/workbook/workbook.hpp"

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include <sys/resource.h>

namespace wb = nastavnik::workbook;
namespace input = nastavnik::input;

namespace {

input::JsonValue text(const std::string& s) {
    input::JsonValue v;
    v.kind = input::JsonValue::Kind::string;
    v.scalar = s;
    return v;
}

// The sample school with its staff grown to n people (the first ones as in the sample, so
// that its pairs and acts still refer to them).
input::JsonValue school_of(std::size_t n) {
    input::JsonValue root = input::read_json_file(NASTAVNIK_SOURCE_DIR "/samples/barnaul-school-42.json");
    input::JsonValue* staff = root.find("staff");
    const std::vector<std::string> surnames = {"Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева", "Петрова",
                                               "Соколова", "Михайлова", "Новикова", "Фёдорова", "Морозова", "Волкова"};
    const std::vector<std::string> names = {"Анна", "Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Мария"};
    const std::vector<std::string> positions = {"учитель начальных классов", "учитель математики", "воспитатель",
                                                "педагог дополнительного образования", "педагог-психолог"};
    const input::JsonValue model = staff->items.back();
    for (std::size_t i = staff->items.size(); i < n; ++i) {
        input::JsonValue p = model;
        for (auto& m : p.members) {
            if (m.key == "id") m.value = text("g" + std::to_string(i));
            if (m.key == "surname") m.value = text(surnames[i % surnames.size()]);
            if (m.key == "name") m.value = text(names[(i / surnames.size()) % names.size()]);
            if (m.key == "position") m.value = text(positions[i % positions.size()]);
            if (m.key == "birth_date") m.value = text(std::to_string(1960 + i % 40) + "-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 9));
        }
        staff->items.push_back(std::move(p));
    }
    return root;
}

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// Median of the CPU time (the process has one thread): on a machine shared with other jobs the
// wall time measures the others too.
template <class F>
double median_ms(int runs, F&& f) {
    std::vector<double> t;
    for (int i = 0; i < runs; ++i) {
        const double start = cpu_ms();
        f();
        t.push_back(cpu_ms() - start);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

int export_folder(const std::filesystem::path& in, const std::filesystem::path& out) {
    std::filesystem::create_directories(out);
    std::size_t exported = 0, copied = 0;
    for (const auto& e : std::filesystem::directory_iterator(in)) {
        if (e.path().extension() != ".json") continue;
        const auto root = input::read_json_file(e.path());
        const auto* f = root.find("format");
        const auto format = f && f->scalar == nastavnik::data::municipality_format ? nastavnik::data::municipality_file_format()
                                                                                    : nastavnik::data::organisation_file_format();
        try {
            nastavnik::data::DataTree::from_json(root, e.path().string(), format);
        } catch (const nastavnik::Error&) {
            // Invalid data stays JSON (the batch reports it the same way).
            std::filesystem::copy_file(e.path(), out / e.path().filename(), std::filesystem::copy_options::overwrite_existing);
            ++copied;
            continue;
        }
        auto target = out / e.path().filename();
        target.replace_extension(".xlsx");
        wb::write_workbook(target, wb::layout_of(format), &root, {});
        ++exported;
    }
    std::cout << exported << " книг, " << copied << " файлов JSON (с ошибками в данных) → " << out.string() << "\n";
    return 0;
}

// Reading every organisation of a folder into its data tree, as batch does: the cost of the
// input alone, without the checks and documents.
int read_folder(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto ext = e.path().extension();
        if ((ext == ".json" || ext == ".xlsx") && e.path().stem() != "municipality") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    std::size_t ok = 0;
    const double start = cpu_ms();
    for (const auto& f : files) {
        try {
            (void)wb::load_tree(f);
            ++ok;
        } catch (const nastavnik::Error&) {
        }
    }
    const double ms = cpu_ms() - start;
    std::printf("%s: %zu файлов (%zu прочитаны), время ЦП %.0f мс, %.2f мс на файл\n", dir.string().c_str(), files.size(), ok, ms,
                ms / static_cast<double>(files.size()));
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.size() == 3 && args[0] == "--export-folder") return export_folder(args[1], args[2]);
    if (args.size() == 2 && args[0] == "--read-folder") return read_folder(args[1]);
    std::size_t staff = 1000;
    int runs = 21;
    for (std::size_t i = 0; i + 1 < args.size(); i += 2) {
        if (args[i] == "--staff") staff = std::stoul(args[i + 1]);
        if (args[i] == "--runs") runs = std::stoi(args[i + 1]);
    }
    const auto root = school_of(staff);
    const auto dir = std::filesystem::temp_directory_path() / "nastavnik-workbook-bench";
    std::filesystem::create_directories(dir);
    const auto json_file = dir / "school.json", xlsx_file = dir / "school.xlsx";
    nastavnik::write_file_atomic(json_file, input::to_json_text(root));
    const double write_ms = median_ms(std::max(3, runs / 4), [&] { wb::write_workbook(xlsx_file, wb::organisation_layout(), &root, {}); });
    const std::string xlsx = nastavnik::read_file(xlsx_file, wb::Limits::max_file_bytes);
    const std::string json = nastavnik::read_file(json_file, input::JsonLimits::max_file_bytes);

    const double read_ms = median_ms(runs, [&] { (void)wb::read_workbook(xlsx, "school.xlsx"); });
    const double tree_ms = median_ms(runs, [&] {
        auto r = wb::read_workbook(xlsx, "school.xlsx");
        (void)nastavnik::data::DataTree::from_json(r.root, "school.xlsx", r.layout->format, r.places);
    });
    const double json_ms = median_ms(runs, [&] { (void)nastavnik::data::DataTree::from_json(input::parse_json(json, "school.json"), "school.json"); });
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    std::printf("сотрудников: %zu; книга %.0f КБ, JSON %.0f КБ\n", staff, xlsx.size() / 1024.0, json.size() / 1024.0);
    std::printf("время ЦП, медиана %d прогонов:\n", runs);
    std::printf("чтение книги (read_workbook):           %.2f мс\n", read_ms);
    std::printf("книга → дерево данных:                 %.2f мс\n", tree_ms);
    std::printf("JSON → дерево данных:                   %.2f мс\n", json_ms);
    std::printf("запись книги (write_workbook):          %.2f мс\n", write_ms);
    std::printf("пик памяти процесса: %.1f МБ\n", u.ru_maxrss / 1024.0);
    return 0;
}
