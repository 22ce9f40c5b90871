// .odt, .doc and .rtf come in through LibreOffice: `soffice --headless --convert-to docx` into a
// temporary folder, then the DOCX reader. Without LibreOffice the error names the package.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <random>

#include "import/blocks.hpp"
#include "util/fs.hpp"

extern char** environ;

namespace clausebook::import {

namespace {

bool on_path(const std::string& name, const std::string& p) {
    std::size_t start = 0;
    while (start <= p.size()) {
        auto end = p.find(':', start);
        if (end == std::string::npos) end = p.size();
        std::filesystem::path candidate = std::filesystem::path(p.substr(start, end - start)) / name;
        if (!p.substr(start, end - start).empty() && ::access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

ImportedDocument read_via_libreoffice(const std::filesystem::path& file, const std::string& display_path, const ReadOptions& options,
                                      util::Diagnostics& diags) {
    if (!on_path("soffice", options.search_path)) {
        diags.error({display_path, 0, 0}, "import-needs-libreoffice",
                    "importing " + file.extension().string() + " files needs LibreOffice, which is not installed",
                    "install it (Debian: apt-get install libreoffice-writer-nogui) or save the document as .docx");
        return {};
    }
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("clausebook-import-" + std::to_string(rd()) + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string profile = "-env:UserInstallation=file://" + (dir / "profile").string();
    std::string outdir = dir.string();
    std::string input = std::filesystem::absolute(file).string();
    std::vector<std::string> args = {"soffice", profile, "--headless", "--convert-to", "docx", "--outdir", outdir, input};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "soffice", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    if (rc == 0) ::waitpid(pid, &status, 0);
    auto converted = dir / (file.stem().string() + ".docx");
    ImportedDocument doc;
    auto bytes = util::read_file(converted, options.max_total_bytes);
    if (rc != 0 || !bytes.text) {
        diags.error({display_path, 0, 0}, "import-convert", "LibreOffice could not convert this document to .docx",
                    "open it in LibreOffice or Word and save it as .docx");
    } else {
        doc = read_docx(*bytes.text, display_path, options, diags);
        doc.format = file.extension().string().substr(1);
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return doc;
}

}  // namespace clausebook::import
