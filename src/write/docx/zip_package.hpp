// The DOCX container: a zip archive written in memory with libzip, its entries deflated with
// libdeflate beforehand (several times faster than zlib, and an entry that is the same in every
// document, such as the styles, is deflated once per run and reused). Same entries, same
// bytes: entries are stored in the order given, every one with the same date and time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clausebook::write::docx {

// One entry's content, deflated (raw DEFLATE, RFC 1951), with what the zip records need.
struct DeflatedPart {
    std::string deflated;
    std::uint64_t size = 0;  // of the content before deflating
    std::uint32_t crc = 0;  // CRC-32 of the content
};

DeflatedPart deflate_part(std::string_view bytes);

struct ZipEntry {
    std::string name;  // path inside the archive, '/'-separated
    std::shared_ptr<const DeflatedPart> part;
};

// A calendar time in UTC, as a zip entry's DOS date and time record it (1980 to 2107; earlier
// times become 1 January 1980).
struct ZipTime {
    int year = 1980;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// The archive's bytes. Throws util::Fatal (exit code 3) if libzip fails.
std::string zip_package(const std::vector<ZipEntry>& entries, const ZipTime& time);

}  // namespace clausebook::write::docx
