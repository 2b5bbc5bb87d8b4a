// nastavnik: the command-line door to the pipeline. The one place where errors become
// messages for the user and exit codes.

#include "nastavnik/core/error.hpp"
#include "cli/commands.hpp"

#include <libxml/parser.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

constexpr const char* usage_text =
    "nastavnik " NASTAVNIK_VERSION " — документы и проверка системы наставничества педагогических работников\n"
    "\n"
    "Использование:\n"
    "  nastavnik workbook new ORG.xlsx [--type ТИП] [--region РЕГИОН] [--municipality МУНИЦИПАЛИТЕТ] [--municipal]\n"
    "      книга Excel для заполнения данных организации (или муниципалитета): листы, подсказки, списки;\n"
    "      каждая команда ниже принимает вместо ORG.json заполненную книгу ORG.xlsx\n"
    "  nastavnik workbook export ORG.json ORG.xlsx | import ORG.xlsx [ORG.json]\n"
    "      данные из JSON в книгу и обратно\n"
    "  nastavnik check ORG.json [--ruleset ID] [--as-of ГГГГ-ММ-ДД] [--format text|json] [--explain] [--act ФАЙЛ.docx]\n"
    "      проверить организацию по наборам правил; код выхода 0 — нарушений нет,\n"
    "      1 — есть нарушения, 2 — ошибка в данных или в параметрах, 3 — нарушений не выявлено,\n"
    "      но проверка не завершена (для обязательных требований не хватает сведений);\n"
    "      --explain: факты из данных, значения параметров и версия правила для каждой проверки;\n"
    "      --act: справка о результатах проверки (DOCX) для подписи; реквизиты проверки к ней —\n"
    "      файлом --inspection ПРОВЕРКА.json (docs/ru/check-report.md) или параметрами:\n"
    "      --inspection-body ОРГАН --inspection-number N --inspection-date ГГГГ-ММ-ДД\n"
    "      --inspection-place «г. Город» --inspection-basis «приказ … о проведении проверки»\n"
    "      --inspection-period ГГГГ-ММ-ДД..ГГГГ-ММ-ДД --inspection-deadline ГГГГ-ММ-ДД (срок устранения)\n"
    "      --inspector «Фамилия Имя Отчество» --inspector-position ДОЛЖНОСТЬ [--inspector-gender м|ж];\n"
    "      не указанный реквизит печатается чертой для заполнения от руки\n"
    "  nastavnik generate ORG.json --out ПАПКА [--only ВИД]... [--as-of ГГГГ-ММ-ДД] [--date ГГГГ-ММ-ДД] [--number N] [--force] [--reissue] [--format docx|pdf|both]\n"
    "      сформировать документы (DOCX): polozhenie — Положение о системе наставничества,\n"
    "      prikaz-polozhenie — приказ о его утверждении, prikaz-pary — приказ о закреплении пар (групп),\n"
    "      dorozhnaya-karta — дорожная карта, soglasie-nastavnika — согласие каждого наставника,\n"
    "      prikaz-kurator — приказ о назначении куратора, soglasie-nastavlyaemogo — согласие каждого\n"
    "      наставляемого, dop-soglashenie — дополнительное соглашение к трудовому договору каждого\n"
    "      наставника (с 01.03.2025), prikaz-pary-izmeneniya — приказ о внесении изменений в изданный\n"
    "      приказ о закреплении пар (выплата наставникам, чьи соглашения заключаются после него),\n"
    "      programma — программа наставничества каждой пары (группы),\n"
    "      spravka — аналитическая справка о мониторинге, anketa-nastavlyaemogo — анкета каждого\n"
    "      наставляемого, anketa-nastavnika — анкета наставника по каждой программе учебного года,\n"
    "      anketa-kuratora — анкета куратора; опись — «Состав пакета.txt»;\n"
    "      --date, --number — дата и номер новых документов (записанный в данных акт сохраняет свои);\n"
    "      изданное или подписанное до даты --as-of (приказы, согласия, соглашения, начатые программы)\n"
    "      повторно не формируется, опись называет его; --reissue — сформировать и его, для сверки;\n"
    "      --format: DOCX, PDF рядом с ним (то же имя) или оба (по умолчанию)\n"
    "  nastavnik batch ПАПКА --out ПАПКА [-j N] [--only ВИД]... [--as-of ГГГГ-ММ-ДД] [--date ГГГГ-ММ-ДД] [--force] [--reissue] [--check-only] [--format docx|pdf|both]\n"
    "      все организации муниципалитета: проверка и документы каждой, приказ и аналитическая\n"
    "      справка муниципалитета, свод (CSV), сводка и manifest.json; --date — дата новых\n"
    "      документов (по умолчанию — дата --as-of, на которую проверяются данные); код выхода 0 — все\n"
    "      соответствуют, 1 — есть нарушения, 2 — не все организации обработаны,\n"
    "      3 — нарушений нет, но проверка части организаций не завершена\n"
    "  nastavnik render ФАЙЛ.docx… [-o ФАЙЛ.pdf | --outdir ПАПКА] [--date ГГГГ-ММ-ДД] [--title ТЕКСТ] [--hyphenate] [--no-sync] [--jobs N]\n"
    "      напечатать документы Word в PDF без офисного пакета (по умолчанию — рядом, с тем же именем;\n"
    "      --date — дата создания в PDF; --hyphenate — переносы в тексте по ширине;\n"
    "      --no-sync — не ждать записи каждого файла на диск, для больших пакетов;\n"
    "      --jobs — сколько документов печатать одновременно, по умолчанию — по числу ядер)\n"
    "  nastavnik serve [--listen АДРЕС:ПОРТ] [--data ПАПКА] [--workers N] [--secure-cookie] [--create-admin ИМЯ]\n"
    "      веб-сервис для муниципалитета и его организаций (по умолчанию 127.0.0.1:8080, данные —\n"
    "      в папке nastavnik-data); --create-admin: создать администратора и вывести временный пароль\n"
    "  nastavnik ruleset list\n"
    "      перечислить наборы правил\n"
    "  nastavnik ruleset show ID | doc ID --out ФАЙЛ.docx | lint\n"
    "      показать набор правил; записать его документом DOCX; проверить наборы правил\n"
    "  nastavnik ruleset diff A B [--replay ПАПКА] [--as-of ГГГГ-ММ-ДД]\n"
    "      различия двух версий (идентификатор или файл .xml) и чьи результаты изменятся\n"
    "  nastavnik ruleset test\n"
    "      выполнить тестовые случаи всех правил (код выхода 1 — есть непройденные)\n"
    "\n"
    "Общие параметры:\n"
    "  --data-dir ПАПКА   папка с rulesets/ и templates/ (по умолчанию — установленные)\n"
    "  --help, --version\n";

// The lines of the usage text about one command (from "  nastavnik COMMAND" to the next
// command), then the common options; empty for a command the text does not know.
std::string command_usage(const std::string& command) {
    const std::string text = usage_text;
    const std::string head = "  nastavnik " + command;
    std::string out;
    for (std::size_t at = text.find("\n  nastavnik "); at != std::string::npos;) {
        const std::size_t start = at + 1;
        const std::size_t next = text.find("\n  nastavnik ", start);
        const std::size_t common = text.find("\n\n", start);
        const std::size_t end = std::min(next, common);
        if (text.compare(start, head.size(), head) == 0 &&
            (text[start + head.size()] == ' ' || text[start + head.size()] == '\n')) {
            out += text.substr(start, end - start + 1);
        }
        at = next < common ? next : std::string::npos;
    }
    if (out.empty()) return out;
    return "Использование:\n" + out + text.substr(text.find("\nОбщие параметры:"));
}

// --help or -h anywhere among a command's arguments (before "--") asks for its usage.
bool asks_for_help(const std::vector<std::string>& args) {
    for (const auto& a : args) {
        if (a == "--") return false;
        if (a == "--help" || a == "-h") return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    // With TZ unset, glibc re-reads /etc/localtime (a stat at least) on every mktime and
    // localtime, and libzip calls mktime for every entry of every zip it opens: a tenth of
    // printing a short document. Naming the same file once lets glibc keep the zone it read;
    // the zone itself is unchanged. Done before any thread starts (setenv is not thread-safe).
    setenv("TZ", ":/etc/localtime", 0);
#ifdef __GLIBC__
    // Documents are printed one after another with much the same allocations. By default
    // glibc gives the freed top of the heap back after each one and serves blocks over 128 KB
    // (an inflated part, a font file) with fresh mmaps, so every document faulted its memory
    // in again: 500 page faults per short document, a fifth of its CPU time. Kept instead,
    // up to these sizes; the peak RSS is the same (measured: +0.5 MB).
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    // Without fast bins a freed small block joins its free neighbours at once. With them,
    // freeing a document's XML tree (hundreds of thousands of nodes) left them all in the fast
    // bins, and the next large free sorted them out in malloc_consolidate: a twelfth of the
    // corpus's CPU time in malloc's bookkeeping, 8 % less CPU without (tcache still serves the
    // hot small sizes).
    mallopt(M_MXFAST, 0);
#endif
    xmlInitParser();
    std::vector<std::string> args(argv + 1, argv + argc);
    namespace cli = nastavnik::cli;
    try {
        if (args.empty() || args[0] == "--help" || args[0] == "-h" || (args[0] == "help" && args.size() == 1)) {
            std::cout << usage_text;
            return args.empty() ? cli::exit_code::failure : cli::exit_code::ok;
        }
        if (args[0] == "--version") {
            std::cout << "nastavnik " NASTAVNIK_VERSION "\n";
            return cli::exit_code::ok;
        }
        if (args[0] == "help") {  // help COMMAND
            if (const std::string usage = command_usage(args[1]); !usage.empty() && args.size() == 2) {
                std::cout << usage;
                return cli::exit_code::ok;
            }
            std::cerr << "nastavnik: неизвестная команда «" << args[1] << "»\n\n" << usage_text;
            return cli::exit_code::failure;
        }
        const std::string command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (asks_for_help(rest) && !command_usage(command).empty()) {
            std::cout << command_usage(command);
            return cli::exit_code::ok;
        }
        if (command == "check") return cli::run_check(rest);
        if (command == "generate") return cli::run_generate(rest);
        if (command == "ruleset") return cli::run_ruleset(rest);
        if (command == "batch") return cli::run_batch(rest);
        if (command == "render") return cli::run_render(rest);
        if (command == "serve") return cli::run_serve(rest);
        if (command == "workbook") return cli::run_workbook(rest);
        std::cerr << "nastavnik: неизвестная команда «" << command << "»\n\n" << usage_text;
        return cli::exit_code::failure;
    } catch (const nastavnik::Error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << "nastavnik: ошибка: " << d.to_string() << "\n";
        if (std::getenv("NASTAVNIK_DEBUG") != nullptr) std::cerr << "  (в коде: " << e.origin() << ")\n";
        return cli::exit_code::failure;
    } catch (const std::exception& e) {
        std::cerr << "nastavnik: внутренняя ошибка: " << e.what() << "\n";
        return cli::exit_code::failure;
    }
}
