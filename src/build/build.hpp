// The build: every selected school's policies in every selected format, and out/index.html.
// Two passes so that a bad input never leaves partial output and memory stays flat however many
// schools there are: validate assembles every document only to collect its diagnostics; publish
// assembles again and writes each document's files as soon as they are rendered.
#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "load/repository.hpp"
#include "util/diagnostics.hpp"
#include "write/writer.hpp"

namespace clausebook::build {

struct Request {
    const load::Repository* repo = nullptr;
    std::vector<const load::School*> schools;
    std::vector<const load::Outline*> outlines;
    std::vector<const write::Format*> formats;
    std::filesystem::path out_dir;
    write::WriteOptions options;
    unsigned jobs = 1;  // worker threads; the output does not depend on it
};

struct Result {
    std::size_t documents = 0;
    std::size_t written = 0;    // files whose bytes changed
    std::size_t unchanged = 0;  // files left as they were
};

// Assembles every requested document and returns the problems found, in school and policy
// order whatever the number of jobs.
util::Diagnostics validate(const Request& request);

// Writes every requested document and the index. Call only when validate found no errors.
// Throws util::Fatal when a file cannot be written.
Result publish(const Request& request);

}  // namespace clausebook::build
