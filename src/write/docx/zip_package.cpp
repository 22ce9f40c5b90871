#include "write/docx/zip_package.hpp"

#include <cstdio>
#include <memory>

#include <zip.h>

#include "util/error.hpp"

namespace clausebook::write::docx {

namespace {

struct SourceDeleter {
    void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using Source = std::unique_ptr<zip_source_t, SourceDeleter>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    std::string message = "cannot build the DOCX package: " + what + (error ? std::string(": ") + zip_error_strerror(error) : "");
    throw util::Fatal(message, 3);
}

// DOS date and time fields (MS-DOS FileTimeToDosDateTime), taken directly from the UTC
// calendar time so that the time zone of the machine never enters the bytes.
void dos_time(const ZipTime& t, zip_uint16_t& time, zip_uint16_t& date) {
    ZipTime u = t.year < 1980 ? ZipTime{} : t;
    if (u.year > 2107) u = {2107, 12, 31, 23, 59, 58};
    time = static_cast<zip_uint16_t>((u.hour << 11) | (u.minute << 5) | (u.second / 2));
    date = static_cast<zip_uint16_t>(((u.year - 1980) << 9) | (u.month << 5) | u.day);
}

std::string read_all(zip_source_t* src) {
    if (zip_source_open(src) < 0) fail("reopening the archive", zip_source_error(src));
    std::string out;
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_source_close(src);
    if (n < 0) fail("reading the archive", zip_source_error(src));
    return out;
}

}  // namespace

std::string zip_package(const std::vector<ZipEntry>& entries, const ZipTime& time) {
    zip_error_t error;
    zip_error_init(&error);
    Source buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!buffer) fail("creating a buffer", &error);
    zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("opening the archive", &error);
    zip_source_keep(buffer.get());  // the archive's close would free it otherwise; we read it after

    zip_uint16_t dtime = 0, ddate = 0;
    dos_time(time, dtime, ddate);
    for (const auto& e : entries) {
        zip_source_t* data = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
        if (!data) { zip_discard(archive); fail("adding " + e.name, nullptr); }
        zip_int64_t index = zip_file_add(archive, e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            zip_discard(archive);
            fail("adding " + e.name, nullptr);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_file_set_dostime(archive, i, dtime, ddate, 0) < 0 || zip_set_file_compression(archive, i, ZIP_CM_DEFLATE, 9) < 0 ||
            zip_file_set_external_attributes(archive, i, 0, ZIP_OPSYS_DOS, 0) < 0) {
            zip_discard(archive);
            fail("setting the attributes of " + e.name, nullptr);
        }
    }
    if (zip_close(archive) < 0) {
        std::string why = zip_strerror(archive);
        zip_discard(archive);
        throw util::Fatal("cannot build the DOCX package: " + why, 3);
    }
    return read_all(buffer.get());
}

}  // namespace clausebook::write::docx
