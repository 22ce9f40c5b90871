#include "util/ids.hpp"

#include <array>

namespace clausebook::util {

namespace {
constexpr std::array<std::string_view, 22> k_reserved = {"con",  "prn",  "aux",  "nul",  "com1", "com2", "com3", "com4", "com5", "com6", "com7",
                                                         "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};

bool fail(std::string* why, std::string text) {
    if (why) *why = std::move(text);
    return false;
}
}  // namespace

bool is_simple_id(std::string_view id, std::string* why) {
    const std::string shown(id);
    if (id.empty()) return fail(why, "an id cannot be empty");
    if (id.size() > 64) return fail(why, "'" + shown + "' is longer than 64 characters");
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) {
            if (c == '/' || c == '\\') return fail(why, "'" + shown + "' contains '" + std::string(1, c) + "': an id cannot name a folder");
            if (c == '.') return fail(why, "'" + shown + "' contains '.': ids here are single words joined by '-'");
            if (c >= 'A' && c <= 'Z') return fail(why, "'" + shown + "' has capital letters: ids are lower-case");
            if (c == ' ') return fail(why, "'" + shown + "' contains a space: use '-' between words");
            return fail(why, "'" + shown + "' contains '" + std::string(1, c) + "': use lower-case letters, digits, '-' and '_'");
        }
    }
    if (id.front() == '-' || id.front() == '_') return fail(why, "'" + shown + "' must start with a letter or digit");
    std::string_view stem = id.substr(0, id.find('.'));
    for (auto r : k_reserved)
        if (stem == r) return fail(why, "'" + shown + "' is a reserved device name on Windows and cannot be a file name");
    return true;
}

bool is_clause_id(std::string_view id, std::string* why) {
    const std::string shown(id);
    if (id.empty()) return fail(why, "a clause id cannot be empty");
    if (id.size() > 128) return fail(why, "'" + shown + "' is longer than 128 characters");
    if (id.find_first_of("/\\") != std::string_view::npos)
        return fail(why, "'" + shown + "' contains a slash: clause ids are words joined by dots, as in staff.personal-use");
    if (id.find("..") != std::string_view::npos || id.front() == '.' || id.back() == '.')
        return fail(why, "'" + shown + "' has an empty part: write words joined by single dots, as in staff.personal-use");
    std::size_t start = 0;
    while (true) {
        auto dot = id.find('.', start);
        std::string_view part = id.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty()) return fail(why, "'" + shown + "' has an empty part: write parts joined by single dots, as in staff.personal-use");
        std::string inner;
        if (!is_simple_id(part, &inner)) {
            if (part.find('/') != std::string_view::npos || part.find('\\') != std::string_view::npos)
                return fail(why, "'" + shown + "' contains a slash: clause ids use dots, as in staff.personal-use");
            return fail(why, "clause id " + inner);
        }
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return true;
}

}  // namespace clausebook::util
