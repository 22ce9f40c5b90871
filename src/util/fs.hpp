// File system access with the guarantees of DESIGN.md: reads are bounded, writes are atomic.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace clausebook::util {

// Largest input file clausebook reads (a policy input is a few kilobytes; this is a guard).
constexpr std::size_t k_max_input_bytes = 4u * 1024u * 1024u;

struct ReadResult {
    std::optional<std::string> text;
    std::string error;  // set when text is empty: why it could not be read
    std::string rule;  // read_repository_file: the rule id of the error
    bool missing = false;  // read_repository_file: the file does not exist (no error of its own)
};

// Reads a whole file; refuses files over `limit` bytes, folders, devices, FIFOs and sockets
// (a FIFO is opened without waiting for a writer).
ReadResult read_file(const std::filesystem::path& path, std::size_t limit = k_max_input_bytes);

// Reads the input file `relative` (e.g. "templates/page.css") of the repository at `root`, as
// read_file does, and also refuses a link that leads outside the repository or nowhere. A file
// that does not exist gives `missing` (callers that have a default use it); every other failure
// gives `error` and its rule id (outside-repository, file-too-large, unreadable).
ReadResult read_repository_file(const std::filesystem::path& root, const std::string& relative, std::size_t limit = k_max_input_bytes);

// Whether `path` is `folder` or lies below it, comparing whole components (both absolute and
// already resolved).
bool inside_folder(const std::filesystem::path& path, const std::filesystem::path& folder);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
// `path` is at every moment either its old or its new complete content. Returns false and
// leaves `path` untouched when the bytes are already there. A file replaced keeps its mode.
// Throws Fatal on failure.
bool write_file_atomic(const std::filesystem::path& path, const std::string& bytes);

// Test hook: CLAUSEBOOK_FAULT_WRITE=ENOSPC|EROFS|EACCES|EIO (util::Environment::fault_write, set
// by cli::run for each run) makes every write_file_atomic fail as if writing its temporary file
// had failed with that error, to exercise a full disk or a read-only folder without mounting
// one. Empty: no fault.
void set_write_fault(std::string_view spec);

// Writes a report named by --output: a regular file (new, or replaced as write_file_atomic
// does, through a link to its target, keeping the link); a device, a FIFO or /dev/stdout
// directly, never replacing it. A failed or short write throws Fatal with exit 3; a folder or a
// dangling link is a usage error (exit 2).
void write_output(const std::filesystem::path& path, const std::string& bytes);

// Removes the temporary files (".NAME.PID.XXXXXX") that write_file_atomic leaves in `dir` when
// a process is killed mid-write: at once when process PID no longer runs, else once last written
// before `older_than` (so that a run still writing in the same folder keeps its own). Returns how
// many were removed.
std::size_t remove_stale_temp_files(const std::filesystem::path& dir, std::filesystem::file_time_type older_than);

}  // namespace clausebook::util
