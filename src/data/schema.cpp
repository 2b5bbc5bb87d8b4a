#include "nastavnik/data/schema.hpp"

#include "nastavnik/data/amendments.hpp"
#include "nastavnik/data/monitoring.hpp"

#include <algorithm>

namespace nastavnik::data {

namespace {

using K = Type::Kind;

Type scalar(K kind) { Type t; t.kind = kind; return t; }
Type text() { return scalar(K::string); }
Type date() { return scalar(K::date); }
Type date_or_null() { return scalar(K::date_or_null); }
Type number() { return scalar(K::number); }
Type boolean() { return scalar(K::boolean); }
// The same type, or null: «known to be absent».
Type or_null(Type t) { t.nullable = true; return t; }
// A number that must be one of `values` (compared as numbers: 14 = 14.0).
Type number_of(std::vector<std::string> values) { Type t = scalar(K::number); t.values = std::move(values); return t; }
Type id() { return scalar(K::id); }
Type ref(std::string collection) { Type t = scalar(K::ref); t.ref_collection = std::move(collection); return t; }
Type one_of(std::vector<std::string> values) { Type t = scalar(K::enumeration); t.values = std::move(values); return t; }
Type constant(std::string value) { Type t = scalar(K::constant); t.values = {std::move(value)}; return t; }
Type object(std::vector<Field> fields) { Type t = scalar(K::object); t.fields = std::move(fields); return t; }
Type array(Type item, std::string item_name, std::size_t min_items = 0, std::size_t max_items = 0) {
    Type t = scalar(K::array);
    t.item = std::make_shared<const Type>(std::move(item));
    t.item_name = std::move(item_name);
    t.min_items = min_items;
    t.max_items = max_items;
    return t;
}

// Limits on hostile files (docs/LIMITS.md): far above any real organisation — the largest
// Russian school complexes have about a thousand workers — and low enough that checking and
// generating stay within seconds and a few hundred MB.
constexpr std::size_t max_staff = 5000;
constexpr std::size_t max_pairs = 5000;
constexpr std::size_t max_group_mentees = 200;
constexpr std::size_t max_acts = 1000;
// An amending order changes a few items; a hundred is a new act, not an amendment.
constexpr std::size_t max_amendments = 100;
Field req(std::string key, Type t, std::string d) { return Field{std::move(key), true, std::move(t), std::move(d)}; }
Field opt(std::string key, Type t, std::string d) { return Field{std::move(key), false, std::move(t), std::move(d)}; }
// A field a later version of the format introduced: an older file that has it is told which
// version to declare.
Field since(int version, Field f) { f.since = version; return f; }
// An optional field of version 2 of the format (an error in a file that declares version 1).
Field opt2(std::string key, Type t, std::string d) { return since(2, opt(std::move(key), std::move(t), std::move(d))); }
// A field whose «left out» meant `value` in files before `version` and «not recorded» from it on.
Field left_out_was(std::string value, int version, Field f) {
    f.left_out_was = std::move(value);
    f.three_valued_since = version;
    return f;
}

Type programme() {
    return object({
        opt("start", date(), "дата начала персонализированной программы наставничества"),
        opt("end", date(), "дата окончания программы (включительно)"),
        opt("goals", array(text(), "goal"), "цели программы"),
        opt("approved_by", ref("acts"), "приказ, которым утверждена программа (без него — утверждает руководитель подписью)"),
    });
}

Type build() {
    Type organisation = object({
        req("full_name", text(), "полное наименование организации"),
        req("short_name", text(), "сокращённое наименование"),
        req("type", one_of({"общеобразовательная", "дошкольная", "дополнительного образования"}),
            "тип образовательной организации"),
        req("region", text(), "субъект Российской Федерации"),
        req("municipality", text(), "муниципальное образование"),
        // Acts of a municipality govern its own organisations only (Барнаул № 127, Положение
        // п. 1.1: «муниципальных … организациях»; Бийск № 701: «в муниципальных образовательных
        // учреждениях»): who founded the organisation decides whether they apply.
        since(3, opt("founder", one_of({"муниципальный", "региональный", "федеральный", "частный"}),
                     "учредитель организации: муниципальный (муниципальное образование), региональный (субъект РФ), "
                     "федеральный, частный; не внесено — организация считается муниципальной")),
        opt("place", text(), "место издания документов, например «г. Барнаул»"),
        opt("address", text(), "адрес"),
        opt("inn", text(), "ИНН"),
        opt2("ogrn", text(), "ОГРН"),
        opt("website", text(), "официальный сайт"),
        opt("email", text(), "адрес электронной почты"),
        opt("phone", text(), "телефон"),
        opt("methodological_council", date_or_null(),
            "дата создания методического (научно-методического) совета; null — совета нет"),
        opt("website_mentoring_section", date_or_null(),
            "с какой даты на сайте есть раздел о наставничестве; null — раздела нет"),
        since(2, opt("methodological_associations", date_or_null(),
            "с какой даты в организации действуют методические (профессиональные) объединения педагогов; null — их нет")),
        req("head", ref("staff"), "руководитель (идентификатор сотрудника)"),
        opt("deputies", array(ref("staff"), "deputy"), "заместители руководителя"),
        opt2("personnel_officer", ref("staff"),
            "работник, ведущий кадровое делопроизводство (готовит дополнительные соглашения к трудовым договорам)"),
    });
    Type person = object({
        req("id", id(), "идентификатор сотрудника"),
        req("surname", text(), "фамилия"),
        req("name", text(), "имя"),
        opt("patronymic", text(), "отчество"),
        req("gender", one_of({"м", "ж"}), "пол"),
        opt("birth_date", date(), "дата рождения"),
        req("position", text(), "должность"),
        opt("hire_date", date(), "дата приёма на работу в организацию"),
        opt2("labour_contract", object({
                req("date", date(), "дата трудового договора"),
                opt("number", text(), "номер трудового договора"),
            }),
            "трудовой договор работника (его дата и номер — в дополнительном соглашении о наставничестве)"),
        opt("pedagogical_experience_start", date(), "дата начала педагогического стажа"),
        opt("qualification_category",
            one_of({"высшая", "первая", "соответствие занимаемой должности", "без категории"}),
            "квалификационная категория"),
        opt("difficulties", array(text(), "difficulty"), "выявленные профессиональные затруднения"),
        since(2, opt("individual_route", or_null(object({
                req("date", date(), "дата, с которой действует индивидуальный образовательный маршрут"),
                opt("deficits", or_null(array(text(), "deficit", 1)),
                    "выявленные при диагностике профессиональные дефициты, на которых построен маршрут; null — маршрут построен без диагностики"),
            })),
            "индивидуальный образовательный маршрут педагога; null — маршрута нет")),
        since(2, opt("personal_data_consent", or_null(object({
                req("date", date(), "дата согласия на обработку персональных данных"),
                opt("content", array(text(), "item"),
                    "что согласие содержит (ч. 4 ст. 9 152-ФЗ): «субъект», «представитель», «оператор», «цель», «перечень данных», "
                    "«обработчик», «действия и способы», «срок и отзыв», «подпись»"),
                opt("dissemination", date_or_null(),
                    "дата отдельного согласия на распространение персональных данных (ст. 10.1 152-ФЗ); null — такого согласия нет"),
            })),
            "письменное согласие на обработку персональных данных; null — согласия нет")),
    });
    Type curator = or_null(object({
        req("person", ref("staff"), "куратор (идентификатор сотрудника)"),
        opt("appointed_by", ref("acts"), "приказ о назначении куратора"),
    }));
    Type mentor = object({
        req("person", ref("staff"), "наставник (идентификатор сотрудника)"),
        opt("consent_date", date_or_null(), "дата письменного согласия наставника; null — согласия нет"),
        opt("appointed_by", ref("acts"), "приказ о назначении наставником"),
        since(2, opt("labour_agreement", or_null(object({
                req("date", date(), "дата дополнительного соглашения (трудового договора)"),
                opt("number", text(), "номер соглашения"),
                opt("pay", or_null(object({
                        opt("amount", number(), "доплата в рублях"),
                        opt("period", text(), "за какой период, например «месяц»"),
                        opt("percent", number(), "доплата в процентах"),
                        opt("base", text(), "от чего проценты, например «должностного оклада»"),
                    })),
                    "размер и условия выплаты за наставничество; null — выплата не установлена"),
                opt("end", date(), "дата окончания работы по наставничеству"),
            })),
            "трудовой договор или дополнительное соглашение о наставничестве (ст. 351.8 ТК РФ); null — его нет")),
        // Versions 1–2 documented a flag («true, если размещены»): their files leave it out for
        // a mentor whose data are not published.
        left_out_was("false", 3, since(2, opt("published_on_website", boolean(),
                                             "сведения о наставнике размещены на официальном сайте организации: true — "
                                             "размещены, false — нет; не внесено — не записано (в файлах версий 1–2 — false)"))),
    });
    Type pair = object({
        req("id", id(), "идентификатор пары"),
        req("mentor", ref("staff"), "наставник"),
        req("mentee", ref("staff"), "наставляемый"),
        req("form", text(), "форма наставничества"),
        opt("mentee_consent_date", date_or_null(), "дата письменного согласия наставляемого; null — согласия нет"),
        opt("programme", programme(), "персонализированная программа наставничества"),
        opt("appointed_by", ref("acts"), "приказ о закреплении пары"),
    });
    Type consent = object({
        req("person", ref("staff"), "наставляемый"),
        req("date", date_or_null(), "дата письменного согласия; null — согласия нет"),
    });
    Type group = object({
        req("id", id(), "идентификатор группы"),
        req("mentor", ref("staff"), "наставник"),
        req("mentees", array(ref("staff"), "mentee", 0, max_group_mentees), "наставляемые"),
        req("form", text(), "форма наставничества"),
        opt("mentee_consents", array(consent, "consent"), "письменные согласия наставляемых"),
        opt("programme", programme(), "персонализированная программа наставничества"),
        opt("appointed_by", ref("acts"), "приказ о закреплении группы"),
    });
    Type act = object({
        req("id", id(), "идентификатор документа"),
        req("kind", one_of({"положение о наставничестве", "приказ об утверждении положения",
                            "приказ о назначении куратора", "приказ о назначении наставников",
                            "приказ о закреплении наставнических пар", "дорожная карта",
                            "программа развития наставничества", "аналитическая справка",
                            "план повышения квалификации"}),
            "вид документа"),
        req("date", date(), "дата документа"),
        opt("number", text(), "номер документа"),
        opt("approved_by", or_null(ref("acts")), "приказ, которым утверждён документ; null — документ не утверждён"),
        opt("title", text(), "заголовок документа"),
        since(2, opt("based_on_deficits", boolean(),
            "план повышения квалификации составлен с учётом выявленных профессиональных дефицитов педагогов")),
        since(2, opt("follows_model", boolean(),
            "Положение организации воспроизводит примерное Положение Минпросвещения России (письмо № АЗ-1128/08)")),
    });
    Type council = object({
        req("protocol_number", text(), "номер протокола педагогического совета"),
        req("date", date(), "дата заседания педагогического совета"),
    });
    Type union_opinion = object({
        req("protocol_number", text(), "номер протокола заседания выборного органа первичной профсоюзной организации"),
        req("date", date(), "дата заседания"),
    });
    Type document_settings = object({
        opt("font", one_of({"Liberation Serif", "PT Astra Serif", "PT Serif", "Times New Roman"}),
            "шрифт основного текста документов"),
        opt("font_size", number_of({"12", "13", "14"}), "размер шрифта основного текста, пт"),
        opt("gost_edition", one_of({"2016", "2025"}), "редакция ГОСТ Р 7.0.97, по которой оформляются документы"),
        opt2("hyphenation", boolean(),
             "автоматические переносы в тексте, выровненном по ширине (по умолчанию включены)"),
        opt("order_number_format", text(),
            "как записывается номер приказа: «{n}» — порядковый номер, например «{n}-од»"),
    });
    Type root = object({
        req("format", constant(organisation_format), "формат файла"),
        req("organisation", organisation, "сведения об организации"),
        req("staff", array(person, "person", 1, max_staff), "сотрудники"),
        opt("curator", curator, "куратор реализации программ наставничества"),
        opt("mentors", array(mentor, "mentor", 0, max_staff), "наставники"),
        opt("pairs", array(pair, "pair", 0, max_pairs), "наставнические пары"),
        opt("groups", array(group, "group", 0, max_pairs), "наставнические группы"),
        opt("acts", array(act, "act", 0, max_acts), "локальные акты и приказы организации"),
        opt("pedagogical_council", council, "протокол педагогического совета, принявшего Положение"),
        opt2("trade_union_opinion", union_opinion,
            "мнение первичной профсоюзной организации, учтённое при принятии Положения"),
        opt("mentee_list_updated", date_or_null(), "дата последней актуализации списка наставляемых; null — не актуализировался ни разу"),
        opt("mentoring_forms", array(text(), "form"), "формы наставничества, предусмотренные Положением"),
        opt("document_settings", document_settings, "оформление документов, которые формирует generate"),
    });
    for (auto& f : monitoring::monitoring_fields()) root.fields.push_back(std::move(f));
    return root;
}

Type person_inline() {
    return object({
        req("surname", text(), "фамилия"),
        req("name", text(), "имя"),
        opt("patronymic", text(), "отчество"),
        req("gender", one_of({"м", "ж"}), "пол"),
        req("position", text(), "должность"),
        opt("organisation", text(), "организация, если не сам орган управления образованием"),
        opt("phone", text(), "служебный телефон (отметка об исполнителе)"),
    });
}

Type build_municipality() {
    Type act = object({
        req("kind", one_of({"приказ о внедрении системы наставничества", "муниципальная программа наставничества",
                            "положение о муниципальной системе наставничества", "аналитическая справка",
                            "приказ об итогах мониторинга системы наставничества",
                            "приказ о внесении изменений в приказ о внедрении системы наставничества"}),
            "вид документа"),
        req("date", date(), "дата документа"),
        opt("number", text(), "номер документа"),
        opt("title", text(), "заголовок документа"),
    });
    Type target = object({
        req("indicator", one_of({"young_teachers_covered", "organisations_with_programme", "mentors_share",
                                 "organisations_compliant"}),
            "показатель: доля молодых педагогов, охваченных наставничеством; доля организаций с программой "
            "наставничества; доля наставников среди педагогов; доля организаций без нарушений"),
        req("year", number(), "год"),
        req("value", number(), "целевое значение, %"),
        opt("source", text(), "документ, которым установлено значение (например, «приказ Минобрнауки РБ № 1552, разд. IV, п. 4»)"),
    });
    Type amendment = object({
        req("item", text(), "номер пункта: «2», «4.2.1»"),
        opt("annex", boolean(), "true — пункт приложения к приказу (утверждённого им положения), а не самого приказа"),
        opt("action", one_of({"изложить в новой редакции", "дополнить", "признать утратившим силу"}),
            "что сделать с пунктом: изложить в новой редакции (по умолчанию), дополнить приказ (приложение) новым "
            "пунктом, признать утратившим силу"),
        opt("wording", text(), "текст пункта в новой редакции (для нового пункта — его текст), без номера пункта; "
            "при «признать утратившим силу» не указывается"),
    });
    Type municipality = object({
        req("name", text(), "муниципальное образование (как в поле municipality у организаций)"),
        req("name_genitive", text(), "наименование муниципального образования в родительном падеже, как в заголовке документа: «города Бийска»"),
        req("region", text(), "субъект Российской Федерации"),
        opt("place", text(), "место издания документов, например «г. Бийск»"),
        req("committee", text(), "полное наименование органа управления образованием"),
        req("committee_short", text(), "сокращённое наименование органа управления образованием, как в уставе (в родительном падеже не склоняется: «МКУ „Управление образования Администрации города Бийска“»)"),
        opt("committee_genitive", text(), "сокращённое наименование органа в родительном падеже, как в тексте приказа: "
            "«комитета по образованию города Барнаула»; без него наименование вида «Комитет …», «Управление …», "
            "«Департамент …» склоняется само, а «МКУ «…»» не склоняется"),
        req("head", person_inline(), "руководитель органа управления образованием"),
        opt("coordinator", person_inline(), "муниципальный координатор (куратор) наставничества"),
        opt("coordinator_organisation", text(), "организация — муниципальный координатор (например, информационно-методический центр)"),
        opt("implementation_deadline", date(), "срок внедрения системы наставничества в организациях"),
        opt("deadline", date(), "срок устранения нарушений и представления сведений по итогам мониторинга (по умолчанию — через месяц после даты, на которую составлены документы)"),
        opt("acts", array(act, "act"), "акты органа управления образованием"),
        // The changes the department decides to make in its act that introduced the system
        // (Бийск № 701 names a coordinator it no longer has): written as the amending order
        // states them, item by item, so that the order needs no edit.
        since(3, opt("amendments", array(amendment, "amendment", 0, max_amendments),
            "изменения, которые вносятся в действующий приказ о внедрении системы наставничества: по ним "
            "формируется приказ о внесении изменений")),
        since(3, opt("amendments_reason", text(),
            "основание изменений для преамбулы приказа о внесении изменений, например «в связи с кадровыми изменениями»")),
        opt("targets", array(target, "target"), "целевые показатели региона по годам"),
        opt("website_mentoring_section", date_or_null(),
            "с какой даты на сайте органа управления образованием есть раздел «Развитие наставничества»; null — раздела нет"),
        opt("methodological_service", date_or_null(),
            "с какой даты действует муниципальная методическая служба; null — службы нет"),
        since(2, opt("methodological_service_staff", array(object({
                req("surname", text(), "фамилия"),
                req("name", text(), "имя"),
                opt("patronymic", text(), "отчество"),
                opt("trained_at_cnppm", date_or_null(),
                    "дата обучения по тьюторскому сопровождению на базе ЦНППМ; null — не обучен"),
            }), "person"),
            "работники муниципальной методической службы")),
        since(2, opt("methodological_associations", date_or_null(),
            "с какой даты действуют муниципальные методические объединения; null — их нет")),
    });
    Type summary = object({
        req("name", text(), "сокращённое наименование организации"),
        req("type", one_of({"общеобразовательная", "дошкольная", "дополнительного образования"}), "тип организации"),
        req("status", one_of({"соответствует", "есть замечания", "нарушения", "проверка не завершена",
                              "документы не сформированы", "ошибка обработки"}),
            "итог проверки организации"),
        opt("polozhenie", one_of({"да", "нет"}), "принято ли Положение о наставничестве"),
        opt("programme", one_of({"да", "нет"}), "есть ли программа развития наставничества"),
        opt("staff", number(), "педагогических работников"),
        opt("mentors", number(), "наставников"),
        opt("young", number(), "молодых педагогов (педагогический стаж менее 3 лет)"),
        opt("young_covered", number(), "из них охваченных наставничеством"),
        since(2, opt("young_teachers", number(), "учителей в возрасте до 35 лет в первые три года работы")),
        since(2, opt("young_teachers_covered", number(), "из них вовлечённых в наставничество")),
        since(2, opt("young_teachers_unknown", number(),
            "учителей, о которых не известно, относятся ли они к молодым (нет даты рождения или начала стажа)")),
    });
    return object({
        req("format", constant(municipality_format), "формат файла"),
        req("municipality", municipality, "сведения о муниципалитете"),
        opt("organisation_summaries", array(summary, "organisation"),
            "сводные сведения по организациям: пишет batch по данным организаций; задаются вручную, "
            "когда полных сведений нет (проверка муниципалитета по сводке)"),
    });
}

// The inspecting body's requisites of an act (`check --act … --inspection FILE`): every
// field optional — what is not given is printed as a blank line to fill in by hand.
Type build_inspection() {
    Type period = object({
        opt("from", date(), "первый день проверки"),
        opt("to", date(), "последний день проверки"),
    });
    return object({
        req("format", constant(inspection_format), "формат файла"),
        opt("body", text(), "полное наименование органа, проводившего проверку"),
        opt("number", text(), "номер справки"),
        opt("date", date(), "дата справки"),
        opt("place", text(), "место составления, например «г. Барнаул»"),
        opt("basis", text(), "основание проверки, например «приказ комитета по образованию города Барнаула от 10.11.2026 № 1520»"),
        opt("period", period, "сроки проведения проверки"),
        opt("inspector", person_inline(), "должностное лицо, проводившее проверку"),
        opt("deadline", date(), "срок устранения нарушений"),
    });
}

}  // namespace

const Type& municipality_schema() {
    static const Type schema = build_municipality();
    return schema;
}

FileFormat organisation_file_format() {
    return {&organisation_schema(), organisation_format, "организации", 1, &monitoring::validate,
            &monitoring::flatten_nested_years};
}
FileFormat municipality_file_format() {
    return {&municipality_schema(), municipality_format, "муниципалитета", 1, &validate_municipality};
}

bool is_municipality_format(const std::string& declared) {
    return format_version(municipality_file_format(), declared) != 0;
}

const Type& inspection_schema() {
    static const Type schema = build_inspection();
    return schema;
}

FileFormat inspection_file_format() { return {&inspection_schema(), inspection_format, "проверки"}; }

const Type& organisation_schema() {
    static const Type schema = build();
    return schema;
}

int format_version(const FileFormat& format, const std::string& text) {
    const std::string name(format.format);
    const std::string prefix = name.substr(0, name.rfind('/') + 1);
    if (!text.starts_with(prefix) || text.size() == prefix.size() || text.size() > prefix.size() + 3) return 0;
    const std::string digits = text.substr(prefix.size());
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) || digits[0] == '0') return 0;
    const int v = std::stoi(digits);
    const int current = std::stoi(name.substr(prefix.size()));
    return v >= format.oldest && v <= current ? v : 0;
}

std::string expectation(const Type& t) {
    if (t.nullable) {
        Type plain = t;
        plain.nullable = false;
        return expectation(plain) + " или null";
    }
    switch (t.kind) {
        case K::academic_year: return "учебный год в виде ГГГГ/ГГГГ";
        case K::answer: return "ответ: число (балл, процент, количество) или «да»/«нет»";
        case K::string: return "непустая строка";
        case K::date: return "дата в формате ГГГГ-ММ-ДД";
        case K::date_or_null: return "дата в формате ГГГГ-ММ-ДД или null";
        case K::boolean: return "true или false";
        case K::number: {
            if (t.values.empty()) return "неотрицательное число";
            std::string s = "одно из чисел: ";
            for (std::size_t i = 0; i < t.values.size(); ++i) s += (i ? ", " : "") + t.values[i];
            return s;
        }
        case K::enumeration: {
            std::string s = "одно из значений: ";
            for (std::size_t i = 0; i < t.values.size(); ++i) s += (i ? ", «" : "«") + t.values[i] + "»";
            return s;
        }
        case K::constant: return "значение «" + t.values.at(0) + "»";
        case K::id: return "идентификатор (непустая строка без пробелов)";
        case K::ref: return t.ref_collection == "staff"        ? "идентификатор сотрудника из staff"
                            : t.ref_collection == "programmes" ? "идентификатор пары из pairs или группы из groups"
                                                               : "идентификатор документа из acts";
        case K::object: return "объект";
        case K::array: return "массив";
    }
    return "значение";
}

}  // namespace nastavnik::data
