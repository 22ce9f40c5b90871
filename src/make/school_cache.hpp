// The school cache, <out>/.clausebook/schools: what a build of the whole repository needs of each
// school file it does not read again. A build with no change would otherwise parse every school
// file (22,000 of them, libyaml and the value checks) only to learn that nothing is to be done;
// with the cache it parses only the files that changed, as make and ninja look at their inputs'
// times before doing anything.
//
// One record per school, written by a build of every school (no --school or --policy) for each
// school that the run found clean (no diagnostic from its file or any of its documents):
//   - the school file: the XXH3-128 of its bytes, and its identity (size, modification and change
//     times in nanoseconds, inode, device) when the file was last changed more than a second
//     before the run began; a file changed later is "racy" (it could change again within the
//     same clock tick unseen) and is compared by its bytes on the next run;
//   - the hash of its approved copies and of its entries in the manifest (manifest.hpp), which
//     cover its documents' fingerprints, settled approval status and files' stamps;
//   - the policies it keeps, which of its files out/<school>/<policy>.<ext> existed, whether it
//     has a school page;
//   - its part of out/index.html (write/index_writer.hpp's IndexSchool: name, rows, whether the
//     index links its page).
// The header holds the key of the shared inputs (Fingerprints::shared, the day the rows were
// made for, the formats asked for) and the stamp and inputs' hash of out/index.html; the last line
// is a checksum of everything before it.
//
// The next build uses a record only when the school file is the same (same identity, or same
// bytes), every file the manifest records for the school is still as recorded, the shared key is
// the same and its approved copies are the same; then the school file is not read and its index
// rows are reused. Anything else, and a cache that is missing, damaged, truncated or of another
// version, means the school is read and built exactly as without the cache: the cache is only an
// optimisation and never changes an output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "make/manifest.hpp"
#include "model/repository.hpp"
#include "write/writer.hpp"

namespace clausebook::make {

// What stat says of a file: enough to tell that it has not changed since (an edit changes the
// change time even when the modification time and size are put back).
struct FileIdentity {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
    bool operator==(const FileIdentity&) const = default;
};

// The identity of the regular file at `path`, or nullopt when there is none.
std::optional<FileIdentity> identity_of(const std::filesystem::path& path);

// The wall clock, in nanoseconds since 1970, as file times are.
std::int64_t now_ns();

// Whether a file of identity `id` can be known by its identity alone on a later run that finds
// the same identity: it was last changed a second or more before `run_started_ns`, so any later
// change gets a later change time.
bool identity_settled(const FileIdentity& id, std::int64_t run_started_ns);

struct SchoolRecord {
    std::string_view id;
    std::string_view path;  // display path, schools/<id>.yaml
    std::string_view content;  // hash_hex of the file's bytes
    std::optional<FileIdentity> identity;  // none: compare the bytes
    std::string_view approved;  // approved_hash
    std::string_view outputs;  // outputs_hash
    std::vector<std::string_view> policies;  // the outlines it keeps
    std::string_view exists;  // '1' or '0' per policy x write::formats(), in that order
    bool page = false;  // its page out/<school>/index.html was made
    bool part = false;  // it has rows in out/index.html
    bool has_page = false;  // of its part: a row has a file, so the index links its page
    std::string_view name;  // of its part
    std::string_view rows_html;  // of its part
};

class SchoolCache {
public:
    // <out_dir>/.clausebook/schools
    static std::filesystem::path location(const std::filesystem::path& out_dir);
    // The cache in `out_dir`; empty when there is none or it cannot be used. Never throws for the
    // file's content.
    static SchoolCache read(const std::filesystem::path& out_dir);
    // Parses a cache's text; nullopt when it is not whole and well-formed, of this version.
    static std::optional<SchoolCache> parse(std::string text);

    std::string_view shared_key() const { return m_shared; }
    std::string_view index_key() const { return m_index_key; }
    const FileStamp& index_stamp() const { return m_index_stamp; }
    const std::vector<SchoolRecord>& schools() const { return m_schools; }
    bool empty() const { return m_schools.empty(); }
    // The record of school `id`, or nullptr.
    const SchoolRecord* find(std::string_view id) const;

private:
    std::shared_ptr<const std::string> m_text;  // the records' views point into it
    std::string_view m_shared, m_index_key;
    FileStamp m_index_stamp;
    std::vector<SchoolRecord> m_schools;  // sorted by id
};

// Writes a cache's text: the header, then the records in the order given (by school id).
class SchoolCacheWriter {
public:
    SchoolCacheWriter(std::string_view shared_key, std::string_view index_key, const FileStamp& index_stamp);
    // Adds a record; false (and nothing added) when an id, path or policy id holds a character
    // the format cannot carry (tab, line break, comma).
    bool add(const SchoolRecord& record);
    // The text, with its checksum line.
    std::string finish();

private:
    std::string m_text;
    std::size_t m_count = 0;
};

// The hash of school `id`'s approved copies in `repo`, which settle whether its documents are
// drafts (an approved copy is read even for a school whose file is not).
std::string approved_hash(const model::Repository& repo, std::string_view id);

// The hash of what `manifest` records of school `id`'s files: out/<id>/<policy>.<ext> for each of
// `policies` and every format, then its page out/<id>/index.html.
std::string outputs_hash(const Manifest& manifest, std::string_view id, const std::vector<std::string_view>& policies);

// Whether `record` still holds for the school file at `file` and the output folder `out_dir`:
// the file is the same (by identity, else by its bytes), each of its files the manifest records
// has the stamp recorded and was built clean, each file of `requested` formats is recorded, the
// files that existed still exist and no other, and the manifest's entries hash as recorded. Safe
// to call from several threads. When it holds, `seen` gets the file's identity as found (taken
// before its bytes were read), which the next record may keep once it has settled.
bool record_holds(const SchoolRecord& record, const std::filesystem::path& file, const Manifest& manifest, const std::filesystem::path& out_dir,
                  const std::vector<const write::Format*>& requested, std::optional<FileIdentity>* seen = nullptr);

}  // namespace clausebook::make
