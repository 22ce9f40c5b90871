#include "support/skip.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace clausebook::test {

void report_skip(const std::string& reason) {
    // One line, flushed at once: ctest matches it in the test's output.
    std::cout << "CLAUSEBOOK-SKIPPED: " << reason << std::endl;
}

bool have_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::istringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) continue;
        const auto candidate = std::filesystem::path(dir) / name;
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
    }
    return false;
}

}  // namespace clausebook::test
