#include "build/build.hpp"

#include <atomic>
#include <chrono>
#include <unordered_set>

#include "assemble/assembler.hpp"
#include "util/fs.hpp"
#include "util/parallel.hpp"
#include "write/index_writer.hpp"

namespace clausebook::build {

namespace {

struct Item {
    const load::School* school;
    const load::Outline* outline;
};

std::vector<Item> items(const Request& r) {
    std::vector<Item> out;
    out.reserve(r.schools.size() * r.outlines.size());
    for (const auto* s : r.schools)
        for (const auto* o : r.outlines) out.push_back({s, o});
    return out;
}

// The index lists every school's policies, whichever were built this time, linking to the
// files this run writes and those an earlier run left.
std::string index_page(const Request& r) {
    const load::Repository& repo = *r.repo;
    std::unordered_set<const load::School*> built_schools(r.schools.begin(), r.schools.end());
    std::unordered_set<const load::Outline*> built_outlines(r.outlines.begin(), r.outlines.end());
    std::unordered_set<const write::Format*> built_formats(r.formats.begin(), r.formats.end());
    std::vector<write::IndexRow> rows;
    rows.reserve(repo.schools.size() * repo.outlines.size());
    for (const auto& school : repo.schools)
        for (const auto& outline : repo.outlines) {
            write::IndexRow row{assemble::make_metadata(repo, school, outline), {}};
            bool built_now = built_schools.count(&school) && built_outlines.count(&outline);
            for (const auto& f : write::formats()) {
                std::string ext(f.extension);
                bool now = built_now && built_formats.count(&f);
                if (now || std::filesystem::exists(r.out_dir / school.id / (outline.id + "." + ext))) row.extensions.push_back(ext);
            }
            rows.push_back(std::move(row));
        }
    return write::write_index(rows, repo.config.trust_name, r.options);
}

}  // namespace

util::Diagnostics validate(const Request& r) {
    auto work = items(r);
    std::vector<util::Diagnostics> found(work.size());
    util::parallel_for(work.size(), r.jobs, [&](std::size_t i) {
        assemble::assemble_document(*r.repo, *work[i].school, *work[i].outline, found[i]);
    });
    util::Diagnostics all;
    for (const auto& d : found) all.append(d);
    return all;
}

Result publish(const Request& r) {
    auto work = items(r);
    std::atomic<std::size_t> written{0}, unchanged{0};
    // Temporary files older than this were left by a run that was killed; newer ones may be
    // another run's, still being written.
    const auto stale_before = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1);
    // Clause bodies rendered for one school serve every other school whose clause reads the same.
    write::WriteOptions options = r.options;
    options.cache = std::make_shared<write::RenderCache>();
    util::parallel_for(work.size(), r.jobs, [&](std::size_t i) {
        util::Diagnostics ignored;  // already reported by validate
        model::Document doc = assemble::assemble_document(*r.repo, *work[i].school, *work[i].outline, ignored);
        for (const auto* f : r.formats) {
            auto path = r.out_dir / work[i].school->id / (work[i].outline->id + "." + std::string(f->extension));
            if (util::write_file_atomic(path, f->write(doc, options))) ++written;
            else ++unchanged;
        }
        util::remove_stale_temp_files(r.out_dir / work[i].school->id, stale_before);
    });
    util::remove_stale_temp_files(r.out_dir, stale_before);
    if (util::write_file_atomic(r.out_dir / "index.html", index_page(r))) ++written;
    else ++unchanged;
    return Result{work.size(), written.load(), unchanged.load()};
}

}  // namespace clausebook::build
