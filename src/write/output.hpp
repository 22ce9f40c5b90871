// The files a run will write, held in memory until every input has been read and every
// document rendered; then written atomically, each only if its bytes changed.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace clausebook::write {

class OutputSet {
public:
    // `relative_path` uses '/' and was built from validated ids only.
    void add(std::string relative_path, std::string bytes);
    std::size_t size() const { return m_files.size(); }

    struct Result {
        std::size_t written = 0;
        std::size_t unchanged = 0;
    };
    // Writes every file under `out_dir`. Throws util::Fatal if a file cannot be written.
    Result commit(const std::filesystem::path& out_dir) const;

private:
    std::vector<std::pair<std::string, std::string>> m_files;
};

}  // namespace clausebook::write
