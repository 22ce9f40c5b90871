// The build manifest, <out>/.clausebook/manifest: what the last successful build of each output
// file was made from and what it left on disk, so that the next run can skip a document whose
// inputs and files have not changed. A text file, one line per file after the version line:
//
//     clausebook manifest 2
//     PATH<TAB>FINGERPRINT<TAB>SIZE<TAB>MTIME-NS<TAB>clean|warned<TAB>approved|draft
//
// PATH is relative to the output folder (alpha/social.md, or alpha/index.html for a school's
// page, whose fingerprint is Fingerprints::of_page); FINGERPRINT is make/fingerprint.hpp's;
// SIZE and MTIME-NS are the file's after the run; "clean" means assembling that school's policy
// reported no diagnostic at all; "approved" or "draft" is the document's settled approval status
// (model/document.hpp), which out/index.html shows for documents a run does not rebuild. The manifest is a cache: a missing, unreadable, damaged or
// other-version one is read as empty, and the next build rebuilds everything and rewrites it.
#pragma once

#include <charconv>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace clausebook::make {

// A fingerprint as the files under out/.clausebook write it: 32 lower-case hexadecimal digits.
inline bool is_fingerprint(std::string_view s) {
    if (s.size() != 32) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// A whole field of those files as a number: every character a digit of it, none left over.
template <class Int>
bool parse_field(std::string_view s, Int& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// A file's size and modification time, as stat reports them.
struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    bool operator==(const FileStamp&) const = default;
};

// The stamp of the regular file at `path`, or nullopt when there is none.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

struct ManifestEntry {
    std::string fingerprint;
    FileStamp stamp;
    bool clean = false;
    bool approved = false;
};

class Manifest {
public:
    // <out_dir>/.clausebook/manifest
    static std::filesystem::path location(const std::filesystem::path& out_dir);
    // The manifest in `out_dir`; empty when there is none or it cannot be used. Never throws
    // for the file's content.
    static Manifest read(const std::filesystem::path& out_dir);
    // Parses a manifest's text; nullopt when it is not a well-formed manifest of this version.
    static std::optional<Manifest> parse(const std::string& text);

    const ManifestEntry* find(const std::string& path) const;
    void set(const std::string& path, ManifestEntry entry);
    // Drops the entries for which `drop(path)` is true.
    template <class Pred>
    void drop_if(Pred drop) {
        std::erase_if(m_entries, [&](const auto& e) { return drop(e.first); });
    }
    std::size_t size() const { return m_entries.size(); }

    std::string text() const;
    // Writes the manifest into `out_dir` with util::write_file_atomic (unchanged bytes are not
    // rewritten). Throws util::Fatal when it cannot be written.
    void write(const std::filesystem::path& out_dir) const;

private:
    std::map<std::string, ManifestEntry> m_entries;  // sorted by path, so the text is stable
};

}  // namespace clausebook::make
