// File system access with the guarantees of DESIGN.md: reads are bounded, writes are atomic.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace clausebook::util {

// Largest input file clausebook reads (a policy input is a few kilobytes; this is a guard).
constexpr std::size_t k_max_input_bytes = 4u * 1024u * 1024u;

struct ReadResult {
    std::optional<std::string> text;
    std::string error;  // set when text is empty: why it could not be read
};

// Reads a whole file; refuses files over `limit` bytes.
ReadResult read_file(const std::filesystem::path& path, std::size_t limit = k_max_input_bytes);

// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so that
// `path` is at every moment either its old or its new complete content. Returns false and
// leaves `path` untouched when the bytes are already there. Throws Fatal on failure.
bool write_file_atomic(const std::filesystem::path& path, const std::string& bytes);

// Removes the temporary files (".NAME.XXXXXX") that write_file_atomic leaves in `dir` when a
// process is killed mid-write, if they were last written before `older_than` (so that a run
// still writing in the same folder keeps its own). Returns how many were removed.
std::size_t remove_stale_temp_files(const std::filesystem::path& dir, std::filesystem::file_time_type older_than);

}  // namespace clausebook::util
