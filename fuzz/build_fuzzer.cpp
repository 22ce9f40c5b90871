// libFuzzer target: a whole repository, built. The input is a set of files, each introduced by
// a line "%%% PATH" (PATH one of clausebook.yaml, templates/NAME.yaml, clauses/...md,
// schools/NAME.yaml; anything else is skipped, so nothing is written outside the scratch
// folder). The repository is written to a scratch folder and `clausebook build` (every
// format) and `clausebook check` run on it in-process.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>

#include "cli/cli.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path& scratch() {
    static const fs::path dir = [] {
        std::string tmpl = (fs::temp_directory_path() / "clausebook-fuzz-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) std::abort();
        return fs::path(tmpl);
    }();
    return dir;
}

bool allowed(const std::string& path) {
    static const std::regex k_path(
        R"(clausebook\.yaml|templates/[a-z0-9_-]{1,40}\.yaml|clauses/([a-z0-9_-]{1,40}/){0,2}[a-z0-9_.-]{1,40}\.md|schools/[a-z0-9_.-]{1,40}\.yaml)");
    return path.find("..") == std::string::npos && std::regex_match(path, k_path);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fs::path& root = scratch();
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root, ec)) fs::remove_all(e.path(), ec);
    std::string input(reinterpret_cast<const char*>(data), size);
    std::size_t at = input.find("%%% ");
    bool has_config = false;
    while (at != std::string::npos) {
        std::size_t eol = input.find('\n', at);
        if (eol == std::string::npos) break;
        std::string path = input.substr(at + 4, eol - at - 4);
        std::size_t next = input.find("\n%%% ", eol);
        std::string body = input.substr(eol + 1, next == std::string::npos ? std::string::npos : next + 1 - (eol + 1));
        if (allowed(path)) {
            fs::create_directories((root / path).parent_path(), ec);
            std::ofstream(root / path, std::ios::binary) << body;
            has_config = has_config || path == "clausebook.yaml";
        }
        at = next == std::string::npos ? next : next + 1;
    }
    if (!has_config) return 0;  // not a repository: nothing to build
    std::ostringstream out, err;
    clausebook::cli::run({"build", "--root", root.string()}, out, err);
    clausebook::cli::run({"check", "--root", root.string(), "--today", "2025-01-01", "--format", "sarif"}, out, err);
    return 0;
}
