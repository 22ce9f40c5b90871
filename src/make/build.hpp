// The build: every selected school's policies in every selected format, and out/index.html.
// Two passes so that a bad input never leaves partial output and memory stays flat however many
// schools there are: validate assembles every document only to collect its diagnostics; publish
// assembles again and writes each document's files as soon as they are rendered.
// Incremental: the manifest an earlier run left in the output folder (manifest.hpp) lets both
// passes skip a document built before from the same inputs (fingerprint.hpp): validate when that
// build reported nothing for it, publish when its files are still as that build left them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "make/manifest.hpp"
#include "make/school_cache.hpp"
#include "model/repository.hpp"
#include "util/diagnostics.hpp"
#include "write/writer.hpp"

namespace clausebook::make {

struct Request {
    const model::Repository* repo = nullptr;
    std::vector<const model::School*> schools;
    std::vector<const model::Outline*> outlines;
    std::vector<const write::Format*> formats;
    std::filesystem::path out_dir;
    write::WriteOptions options;
    unsigned jobs = 1;  // worker threads; the output does not depend on it
    Manifest previous;  // what earlier runs recorded: Manifest::read(out_dir), or empty
    bool force = false;  // build every document whatever `previous` says (its other entries are kept)
    // The school cache (school_cache.hpp) an earlier build left, whose records vouched for the
    // repository's cached schools (School::cached); nullptr when the run does not use one.
    const SchoolCache* cache = nullptr;
    // With `cache`: the identity each of its records' school files had when the record was found
    // to hold (record_holds' `seen`), by the record's place in cache->schools().
    std::vector<std::optional<FileIdentity>> seen;
    // Write a new school cache: a run of every school, policy and asked format alike.
    bool record_cache = false;
    // Display paths of the school files load reported a diagnostic in: not recorded in the cache.
    std::unordered_set<std::string> paths_with_diagnostics;
    std::int64_t started_ns = 0;  // when the run began, before any input was read (now_ns)
};

// The key of everything but the school files that a cached school's outputs depend on: the
// shared inputs and options (Fingerprints::shared), the day its rows were made for, the formats
// asked for. A cache recorded under another key vouches for nothing.
std::string cache_key(const Request& request);

struct Result {
    std::size_t documents = 0;
    std::size_t written = 0;  // files whose bytes changed
    std::size_t unchanged = 0;  // files left as they were
    std::size_t up_to_date = 0;  // documents not built at all: made before from the same inputs, files untouched since
};

// Assembles every requested document and returns the problems found, in school and policy
// order whatever the number of jobs. Documents the manifest records as built from the same
// inputs with no diagnostic are not assembled again; those that had warnings are.
util::Diagnostics validate(const Request& request);

// Writes every requested document that is not up to date, the index, and the manifest. Call
// only when validate found no errors. Throws util::Fatal when a file cannot be written.
Result publish(const Request& request);

}  // namespace clausebook::make
