#pragma once
// Builds small DOCX packages in memory for the template engine's tests.

#include <zip.h>

#include <libxml/parser.h>

#include <map>
#include <string>

namespace docx_test {

inline const char* const w_open =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
inline const char* const w_close = "<w:sectPr/></w:body></w:document>";

/// A zip with the given entries (stored in insertion order of the map's keys).
inline std::string make_zip(const std::map<std::string, std::string>& entries) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : entries) {
        zip_source_t* data = zip_source_buffer(z, content.data(), content.size(), 0);
        zip_file_add(z, name.c_str(), data, ZIP_FL_ENC_UTF_8);
    }
    zip_close(z);
    std::string out;
    zip_stat_t st;
    zip_source_stat(src, &st);
    zip_source_open(src);
    out.resize(st.size);
    zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    zip_source_free(src);
    return out;
}

/// A DOCX whose body is `body` (WordprocessingML inside w:body).
inline std::string make_docx(const std::string& body, std::map<std::string, std::string> extra = {}) {
    extra["[Content_Types].xml"] =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    extra["word/document.xml"] = std::string(w_open) + body + w_close;
    return make_zip(extra);
}

inline std::string p(const std::string& text) { return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>"; }

/// Reads one entry back from a package.
inline std::string entry(const std::string& zip_bytes, const std::string& name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    std::string out;
    char buf[4096];
    for (zip_int64_t n; f && (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    if (f) zip_fclose(f);
    zip_discard(z);
    return out;
}

/// CRC and compressed size of an entry: equal values mean the bytes were copied as they were.
inline std::pair<std::uint32_t, std::uint64_t> raw_identity(const std::string& zip_bytes, const std::string& name) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
    zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
    zip_stat_t st;
    zip_stat(z, name.c_str(), 0, &st);
    zip_discard(z);
    return {st.crc, st.comp_size};
}

}  // namespace docx_test
