#include "make/manifest.hpp"

#include <charconv>
#include <string_view>
#include <sys/stat.h>

#include "util/fs.hpp"

namespace clausebook::make {

namespace {

constexpr std::string_view k_version_line = "clausebook manifest 2";
// Far above 22,000 schools x 3 formats (about 100 bytes a line); a guard against a stray file.
constexpr std::size_t k_max_manifest_bytes = 256u * 1024u * 1024u;

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

std::filesystem::path Manifest::location(const std::filesystem::path& out_dir) { return out_dir / ".clausebook" / "manifest"; }

Manifest Manifest::read(const std::filesystem::path& out_dir) {
    auto file = util::read_file(location(out_dir), k_max_manifest_bytes);
    if (!file.text) return {};
    return parse(*file.text).value_or(Manifest{});
}

std::optional<Manifest> Manifest::parse(const std::string& text) {
    std::string_view rest = text;
    auto next_line = [&rest]() -> std::optional<std::string_view> {
        auto nl = rest.find('\n');
        if (nl == std::string_view::npos) return std::nullopt;  // every line ends with one
        std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl + 1);
        return line;
    };
    if (next_line() != k_version_line) return std::nullopt;
    Manifest m;
    while (!rest.empty()) {
        auto line = next_line();
        if (!line) return std::nullopt;
        std::string_view field[6];
        std::size_t start = 0;
        for (int i = 0; i < 6; ++i) {
            auto tab = i < 5 ? line->find('\t', start) : line->size();
            if (tab == std::string_view::npos) return std::nullopt;
            field[i] = line->substr(start, tab - start);
            start = tab + 1;
        }
        ManifestEntry e;
        if (field[0].empty() || !is_fingerprint(field[1]) || !parse_field(field[2], e.stamp.size) || !parse_field(field[3], e.stamp.mtime_ns))
            return std::nullopt;
        if (field[4] == "clean")
            e.clean = true;
        else if (field[4] != "warned")
            return std::nullopt;
        if (field[5] == "approved")
            e.approved = true;
        else if (field[5] != "draft")
            return std::nullopt;
        e.fingerprint = field[1];
        m.m_entries[std::string(field[0])] = std::move(e);
    }
    return m;
}

const ManifestEntry* Manifest::find(const std::string& path) const {
    auto it = m_entries.find(path);
    return it == m_entries.end() ? nullptr : &it->second;
}

void Manifest::set(const std::string& path, ManifestEntry entry) { m_entries[path] = std::move(entry); }

std::string Manifest::text() const {
    std::string out(k_version_line);
    out += '\n';
    for (const auto& [path, e] : m_entries) {
        out += path;
        out += '\t';
        out += e.fingerprint;
        out += '\t';
        out += std::to_string(e.stamp.size);
        out += '\t';
        out += std::to_string(e.stamp.mtime_ns);
        out += e.clean ? "\tclean" : "\twarned";
        out += e.approved ? "\tapproved\n" : "\tdraft\n";
    }
    return out;
}

void Manifest::write(const std::filesystem::path& out_dir) const { util::write_file_atomic(location(out_dir), text()); }

}  // namespace clausebook::make
