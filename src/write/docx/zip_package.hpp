// The DOCX container: a zip archive written in memory with libzip. Same entries, same bytes:
// entries are stored in the order given, every one with the same date and time, deflated.
#pragma once

#include <string>
#include <vector>

namespace clausebook::write::docx {

struct ZipEntry {
    std::string name;   // path inside the archive, '/'-separated
    std::string bytes;
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
