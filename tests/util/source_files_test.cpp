// Columns count characters, not bytes: converting both ways on a line with accented letters.
#include <catch2/catch.hpp>

#include "util/source_files.hpp"

using namespace clausebook::util;

TEST_CASE("source files: character columns and byte offsets convert both ways", "[util]") {
    std::string_view line = "caf\xC3\xA9: na\xC3\xAFve value";  // "café: naïve value"
    CHECK(char_column(line, 0) == 1);
    CHECK(char_column(line, 5) == 5);  // after the two bytes of 'é', the ':' is character 5
    CHECK(byte_offset(line, 5) == 5);
    CHECK(byte_offset(line, 7) == 7);  // 'n'
    CHECK(byte_offset(line, 10) == 11);  // 'v' after the two bytes of 'ï'
    CHECK(char_column(line, byte_offset(line, 10)) == 10);
    CHECK(byte_offset(line, 1000) == line.size());
    CHECK(byte_offset(line, 1) == 0);
}
