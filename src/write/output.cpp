#include "write/output.hpp"

#include "util/error.hpp"
#include "util/fs.hpp"

namespace clausebook::write {

void OutputSet::add(std::string relative_path, std::string bytes) { m_files.emplace_back(std::move(relative_path), std::move(bytes)); }

OutputSet::Result OutputSet::commit(const std::filesystem::path& out_dir) const {
    Result r;
    for (const auto& [rel, bytes] : m_files) {
        // Defence in depth: ids were validated, but never let a path leave out_dir.
        std::filesystem::path p(rel);
        for (const auto& part : p)
            if (part == ".." || part.is_absolute()) throw util::Fatal("refusing to write outside the output folder: " + rel, 3);
        if (util::write_file_atomic(out_dir / p, bytes)) ++r.written;
        else ++r.unchanged;
    }
    return r;
}

}  // namespace clausebook::write
