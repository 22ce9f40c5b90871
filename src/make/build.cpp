#include "make/build.hpp"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <unistd.h>
#include <cstdio>
#include <memory>
#include <optional>
#include <chrono>
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "assemble/assembler.hpp"
#include "make/fingerprint.hpp"
#include "make/school_cache.hpp"
#include "compare/policy_diff.hpp"
#include "compare/redline/redline.hpp"
#include "util/date.hpp"
#include "util/fs.hpp"
#include "util/parallel.hpp"
#include "write/index_writer.hpp"
#include "write/school_page.hpp"

namespace clausebook::make {

namespace {

struct Item {
    const model::School* school;
    const model::Outline* outline;
};

std::vector<Item> items(const Request& r) {
    std::vector<Item> out;
    out.reserve(r.schools.size() * r.outlines.size());
    for (const auto* s : r.schools)
        for (const auto* o : r.outlines)
            if (!s->cached)
                if (s->keeps(o->id)) out.push_back({s, o});  // a school builds only the policies it lists
    return out;
}

// The file of `item` in `format`, relative to the output folder: "alpha/social.md".
std::string relative_path(const Item& item, const write::Format& format) {
    return item.school->id + "/" + item.outline->id + "." + std::string(format.extension);
}

// Whether an earlier run assembled this document from the same inputs and reported nothing.
bool known_clean(const Request& r, const Fingerprints& fingerprints, const Item& item) {
    if (r.force) return false;
    for (const auto& f : write::formats()) {
        const ManifestEntry* e = r.previous.find(relative_path(item, f));
        if (e && e->clean && e->fingerprint == fingerprints.of(*item.school, *item.outline, f.name)) return true;
    }
    return false;
}

// Whether every requested file of this document is as an earlier run wrote it from the same
// inputs: same fingerprint, and the file still has the size and time that run saw.
bool up_to_date(const Request& r, const Item& item, const std::vector<std::string>& fingerprints) {
    if (r.force) return false;
    for (std::size_t j = 0; j < r.formats.size(); ++j) {
        std::string path = relative_path(item, *r.formats[j]);
        const ManifestEntry* e = r.previous.find(path);
        if (!e || e->fingerprint != fingerprints[j] || stamp_of(r.out_dir / path) != e->stamp) return false;
    }
    return true;
}

// The manifest after this run: the earlier entries, those of the files this run wrote or
// checked, less those of schools and policies the repository no longer has.
Manifest next_manifest(const Request& r, std::vector<std::vector<std::pair<std::string, ManifestEntry>>>& built) {
    Manifest next = r.previous;
    for (auto& entries : built)
        for (auto& [path, entry] : entries) next.set(path, std::move(entry));
    // "school/outline" of every policy a school keeps (lists under policies:).
    std::unordered_set<std::string> kept;
    for (const auto& s : r.repo->schools) {
        for (const auto& p : s.policies)
            if (r.repo->outline(p.policy_id)) kept.insert(s.id + "/" + p.policy_id);
        kept.insert(s.id + "/index");  // the school's page, <school>/index.html (no outline is called index)
    }
    next.drop_if([&](std::string_view path) {
        auto slash = path.find('/');
        auto dot = path.rfind('.');
        return slash == std::string_view::npos || dot == std::string_view::npos || dot < slash || !kept.count(std::string(path.substr(0, dot)));
    });
    return next;
}

// The redline a draft's HTML links to (write::changes_file): its approved copy against the text
// as it will read once approved, what the board is asked to approve.
std::string changes_page(const model::Repository& repo, const model::School& school, const model::Outline& outline) {
    const model::ApprovedCopy* copy = repo.approved_copy(school.id, outline.id);
    util::Diagnostics ignored;  // reported by check (approved-copy-format) and diff
    compare::PolicyText a = compare::read_policy_markdown(copy->text, copy->display_path, ignored);
    a.label = school.id + "@approved (" + util::to_iso(copy->date) + ")";
    model::Document now = assemble::assemble_document(repo, school, outline, ignored, assemble::Rendering::as_approved);
    compare::PolicyText b = compare::policy_text(now, repo.config.allow_raw_html);
    b.label = school.id + " (draft)";
    compare::match_ids(a, b);
    compare::match_ids(b, a);
    return compare::redline::write_html_inline(compare::diff_policies(a, b, {}), {});
}

// Whether the document of `school` and `outline` is approved, for the index: as this run settled
// it, else as the manifest recorded it for a file built from the same inputs, else settled now.
bool index_approved(const Request& r, const Fingerprints& fingerprints, const std::unordered_map<std::string, bool>& settled, const model::School& school,
                    const model::Outline& outline, const model::Metadata& meta) {
    if (meta.draft_reason != model::DraftReason::unsettled) return !meta.draft();
    if (auto it = settled.find(school.id + "/" + outline.id); it != settled.end()) return it->second;
    for (const auto& f : write::formats()) {
        const ManifestEntry* e = r.previous.find(school.id + "/" + outline.id + "." + std::string(f.extension));
        if (e && e->fingerprint == fingerprints.of(school, outline, f.name)) return e->approved;
    }
    util::Diagnostics ignored;
    return !assemble::assemble_document(*r.repo, school, outline, ignored).meta.draft();
}

// The index's rows of one school, whichever of its policies were built this time, linking to
// the files this run writes and those an earlier run left: one row per policy it keeps, then one
// per register entry.
std::vector<write::IndexRow> school_rows(const Request& r, const Fingerprints& fingerprints, const std::unordered_map<std::string, bool>& settled,
                                         const std::unordered_set<const model::School*>& built_schools,
                                         const std::unordered_set<const model::Outline*>& built_outlines,
                                         const std::unordered_set<const write::Format*>& built_formats, const model::School& school) {
    const model::Repository& repo = *r.repo;
    std::vector<write::IndexRow> rows;
    std::size_t count = school.register_entries.size();
    for (const auto& outline : repo.outlines) count += school.keeps(outline.id);
    rows.reserve(count);
    for (const auto& outline : repo.outlines) {
        if (!school.keeps(outline.id)) continue;
        write::IndexRow row{assemble::make_metadata(repo, school, outline), {}};
        if (index_approved(r, fingerprints, settled, school, outline, row.meta)) {
            row.meta.state = model::ApprovalState::approved;
            row.meta.draft_reason = model::DraftReason::none;
        } else if (row.meta.draft_reason == model::DraftReason::unsettled) {
            row.meta.draft_reason = model::DraftReason::text_changed;
        }
        bool built_now = built_schools.count(&school) && built_outlines.count(&outline);
        for (const auto& f : write::formats()) {
            std::string ext(f.extension);
            bool now = built_now && built_formats.count(&f);
            if (now || std::filesystem::exists(r.out_dir / school.id / (outline.id + "." + ext))) row.extensions.push_back(ext);
        }
        rows.push_back(std::move(row));
    }
    // Then the policies the school keeps that clausebook does not write: a row each, alike.
    for (const auto& e : school.register_entries) rows.push_back({assemble::make_register_metadata(repo, school, e), {}});
    return rows;
}

// Each school's part of out/index.html (empty for a school with no row, and for a cached school,
// whose part is its record's), and its policies page (write/school_page.hpp) for a school
// with a document in the output folder or a register entry published at an https address: made
// school by school on every core, keeping only the index's part of each (not its rows). A page
// the manifest records as made from the same rows and shared inputs, and still on disk as that
// run left it, is neither rendered nor read again. The entry of each page written, unchanged or
// skipped is appended to `entries`; the files written and left unchanged are counted; `page_made`
// marks the schools with a page.
std::vector<write::IndexSchool> index_and_school_pages(const Request& r, const Fingerprints& fingerprints, const std::unordered_map<std::string, bool>& settled,
                                                       const write::WriteOptions& options, std::atomic<std::size_t>& written,
                                                       std::atomic<std::size_t>& unchanged, std::vector<std::pair<std::string, ManifestEntry>>& entries,
                                                       std::vector<char>& page_made) {
    const model::Repository& repo = *r.repo;
    const std::unordered_set<const model::School*> built_schools(r.schools.begin(), r.schools.end());
    const std::unordered_set<const model::Outline*> built_outlines(r.outlines.begin(), r.outlines.end());
    const std::unordered_set<const write::Format*> built_formats(r.formats.begin(), r.formats.end());
    const util::Date today = r.options.today;
    std::vector<write::IndexSchool> parts(repo.schools.size());
    std::vector<std::optional<std::pair<std::string, ManifestEntry>>> recorded(repo.schools.size());
    util::parallel_for(repo.schools.size(), r.jobs, [&](std::size_t k) {
        const model::School& school = repo.schools[k];
        if (school.cached) {  // its part is the cache's, its page as the manifest records it
            if (r.cache->find(school.id)->page) ++unchanged;
            return;
        }
        std::vector<write::IndexRow> rows = school_rows(r, fingerprints, settled, built_schools, built_outlines, built_formats, school);
        if (rows.empty()) return;
        write::IndexSchool& part = parts[k];
        part.id = rows.front().meta.school_id;
        part.name = rows.front().meta.school_name;
        write::SchoolPage page{part.id, part.name, repo.config.trust_name, util::to_long(today), {}};
        page.rows.reserve(rows.size());
        bool any_file = false;
        for (const auto& row : rows) {
            part.has_page = part.has_page || !row.extensions.empty();
            part.rows_html += write::policy_row_html(row, today);
            page.rows.push_back(write::policy_row(row.meta, row.extensions, today));
            any_file = any_file || !row.extensions.empty() || !page.rows.back().links.empty();
        }
        if (!any_file) return;
        page_made[k] = 1;
        std::string relative = write::school_page_path(page.school_id);
        auto path = r.out_dir / relative;
        std::string fingerprint = fingerprints.of_page(page);
        const ManifestEntry* e = r.force ? nullptr : r.previous.find(relative);
        if (e && e->fingerprint == fingerprint && stamp_of(path) == e->stamp) {
            ++unchanged;
            recorded[k].emplace(std::move(relative), *e);
            return;
        }
        if (util::write_file_atomic(path, write::write_school_page(page, options)))
            ++written;
        else
            ++unchanged;
        if (auto stamp = stamp_of(path)) recorded[k].emplace(std::move(relative), ManifestEntry{std::move(fingerprint), *stamp, true, false});
    });
    for (auto& e : recorded)
        if (e) entries.push_back(std::move(*e));
    return parts;
}

// A marker per run, <out>/.clausebook/run.<pid>, there while the run writes. A cached school's
// folder is not visited (none of its files is written), so temporary files a killed run left
// there would stay; but a killed run leaves its marker too. A run that finds another's marker
// visits every school's folder, and removes the markers of runs no longer running.
class RunMarker {
public:
    explicit RunMarker(const std::filesystem::path& out_dir) : m_dir(Manifest::location(out_dir).parent_path()) {
        std::error_code ec;
        for (auto it = std::filesystem::directory_iterator(m_dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
            auto pid = pid_of(it->path().filename().string());
            if (pid && *pid != ::getpid()) m_others.push_back(*pid);
        }
        m_path = m_dir / ("run." + std::to_string(::getpid()));
        util::write_file_atomic(m_path, "");
    }
    // Also when the run fails: a write that fails removes its temporary file; only a killed run
    // leaves temporary files, and its marker.
    ~RunMarker() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    RunMarker(const RunMarker&) = delete;
    RunMarker& operator=(const RunMarker&) = delete;
    // Whether another run's marker was there: a run killed, or one still writing.
    bool others() const { return !m_others.empty(); }
    // Once every school's folder was visited: the markers of the runs that are gone.
    void finish() {
        std::error_code ec;
        for (pid_t pid : m_others)
            if (::kill(pid, 0) != 0 && errno == ESRCH) std::filesystem::remove(m_dir / ("run." + std::to_string(pid)), ec);
    }

private:
    static std::optional<pid_t> pid_of(const std::string& name) {
        if (name.rfind("run.", 0) != 0 || name.size() == 4 || name.size() > 14) return std::nullopt;
        long pid = 0;
        for (std::size_t i = 4; i < name.size(); ++i) {
            if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
            pid = pid * 10 + (name[i] - '0');
        }
        if (pid <= 0) return std::nullopt;
        return static_cast<pid_t>(pid);
    }
    std::filesystem::path m_dir, m_path;
    std::vector<pid_t> m_others;
};

std::string key_of(const Request& r, const Fingerprints& fingerprints) {
    std::string all = fingerprints.shared() + "\n" + util::to_iso(r.options.today) + "\n";
    for (const auto* f : r.formats) all += std::string(f->name) + ",";
    return hash_hex(all);
}

// The hash of what out/index.html is made from beyond the key: every school's part in order, the
// cached schools' from their records.
std::string index_key_of(const Request& r, const std::string& key, const std::vector<write::IndexSchool>& parts) {
    std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> state(XXH3_createState(), &XXH3_freeState);
    if (!state) throw std::bad_alloc();
    XXH3_128bits_reset(state.get());
    auto add = [&](std::string_view bytes) {
        std::uint64_t n = bytes.size();
        XXH3_128bits_update(state.get(), &n, sizeof n);
        XXH3_128bits_update(state.get(), bytes.data(), bytes.size());
    };
    add(key);
    add(r.repo->config.trust_name);
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const model::School& school = r.repo->schools[k];
        if (school.cached) {
            const SchoolRecord* rec = r.cache->find(school.id);
            if (!rec->part) continue;
            add(rec->id), add(rec->name), add(rec->has_page ? "1" : "0"), add(rec->rows_html);
        } else if (!parts[k].id.empty()) {
            add(parts[k].id), add(parts[k].name), add(parts[k].has_page ? "1" : "0"), add(parts[k].rows_html);
        }
    }
    XXH128_hash_t d = XXH3_128bits_digest(state.get());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(d.high64), static_cast<unsigned long long>(d.low64));
    return hex;
}

// The identity a cached school's record keeps in the next cache: the one found this run once it
// has settled, else none (the file's bytes are compared next time).
std::optional<FileIdentity> kept_identity(const Request& r, const SchoolRecord& record) {
    const auto& seen = r.seen[&record - r.cache->schools().data()];
    return seen && identity_settled(*seen, r.started_ns) ? seen : std::nullopt;
}

// The new school cache, or nullopt when it would say what the old one says. A school read this
// run is recorded when nothing was reported of it and every document asked for is recorded clean
// in `next`; a cached school keeps its record.
std::optional<std::string> next_cache(const Request& r, const std::string& key, const std::string& index_key, const FileStamp& index_stamp,
                                      const std::vector<write::IndexSchool>& parts, const std::vector<char>& page_made, const Manifest& next) {
    const model::Repository& repo = *r.repo;
    std::vector<std::optional<SchoolRecord>> fresh(repo.schools.size());
    // Each school's own strings, which the records' views point into.
    struct Owned {
        std::string content, approved, outputs, exists;
    };
    std::vector<Owned> owned(repo.schools.size());
    std::size_t cached = 0;
    bool changed = !r.cache || r.cache->shared_key() != key || r.cache->index_key() != index_key || r.cache->index_stamp() != index_stamp;
    for (const auto& school : repo.schools) {
        cached += school.cached;
        changed = changed || (!school.cached && r.cache->find(school.id)) ||
                  (school.cached && kept_identity(r, *r.cache->find(school.id)) != r.cache->find(school.id)->identity);
    }
    util::parallel_for(repo.schools.size(), r.jobs, [&](std::size_t k) {
        const model::School& school = repo.schools[k];
        if (school.cached || r.paths_with_diagnostics.count(school.path)) return;
        auto text = repo.sources.texts().find(school.path);
        if (text == repo.sources.texts().end()) return;
        SchoolRecord rec;
        rec.id = school.id;
        rec.path = school.path;
        for (const auto& p : school.policies) rec.policies.push_back(p.policy_id);
        for (auto p : rec.policies) {
            for (const auto& f : write::formats()) {
                std::string path = school.id + "/" + std::string(p) + "." + std::string(f.extension);
                const ManifestEntry* e = next.find(path);
                bool asked = std::find(r.formats.begin(), r.formats.end(), &f) != r.formats.end();
                if ((asked && !e) || (e && !e->clean)) return;
                owned[k].exists += stamp_of(r.out_dir / path) ? '1' : '0';
            }
        }
        // The identity before the bytes are hashed: a file changed in between is seen as changed.
        auto identity = identity_of(repo.root / school.path);
        if (!identity) return;
        if (identity_settled(*identity, r.started_ns)) rec.identity = identity;
        owned[k].content = hash_hex(text->second);
        owned[k].approved = approved_hash(repo, school.id);
        owned[k].outputs = outputs_hash(next, school.id, rec.policies);
        rec.content = owned[k].content;
        rec.approved = owned[k].approved;
        rec.outputs = owned[k].outputs;
        rec.exists = owned[k].exists;
        rec.page = page_made[k];
        rec.part = !parts[k].id.empty();
        rec.has_page = parts[k].has_page;
        rec.name = parts[k].name;
        rec.rows_html = parts[k].rows_html;
        fresh[k] = std::move(rec);
    });
    for (const auto& f : fresh) changed = changed || f;
    if (!changed && cached == r.cache->schools().size()) return std::nullopt;
    SchoolCacheWriter writer(key, index_key, index_stamp);
    for (std::size_t k = 0; k < repo.schools.size(); ++k) {
        if (repo.schools[k].cached) {
            const SchoolRecord& record = *r.cache->find(repo.schools[k].id);
            SchoolRecord kept = record;
            kept.identity = kept_identity(r, record);  // by the record's place in the cache
            writer.add(kept);
        } else if (fresh[k]) {
            writer.add(*fresh[k]);
        }
    }
    return writer.finish();
}

}  // namespace

std::string cache_key(const Request& r) { return key_of(r, Fingerprints(*r.repo, r.options)); }

util::Diagnostics validate(const Request& r) {
    auto work = items(r);
    const Fingerprints fingerprints(*r.repo, r.options);
    std::vector<util::Diagnostics> found(work.size());
    util::parallel_for(work.size(), r.jobs, [&](std::size_t i) {
        if (known_clean(r, fingerprints, work[i])) return;
        assemble::assemble_document(*r.repo, *work[i].school, *work[i].outline, found[i]);
    });
    util::Diagnostics all;
    for (const auto& d : found) all.append(d);
    return all;
}

Result publish(const Request& r) {
    auto work = items(r);
    const Fingerprints fingerprints(*r.repo, r.options);
    std::vector<std::vector<std::pair<std::string, ManifestEntry>>> built(work.size());  // by item
    std::vector<int> approved(work.size(), -1);  // by item: 1 approved, 0 draft, -1 not assembled
    const bool html = std::any_of(r.formats.begin(), r.formats.end(), [](const write::Format* f) { return f->name == "html"; });
    std::atomic<std::size_t> written{0}, unchanged{0}, skipped{0};
    // Temporary files older than this were left by a run that was killed; newer ones may be
    // another run's, still being written.
    const auto stale_before = std::filesystem::file_time_type::clock::now() - std::chrono::minutes(1);
    // Clause bodies rendered for one school serve every other school whose clause reads the same.
    write::WriteOptions options = r.options;
    options.cache = std::make_shared<write::RenderCache>();
    RunMarker marker(r.out_dir);
    if (marker.others())
        util::parallel_for(r.schools.size(), r.jobs, [&](std::size_t k) {
            if (r.schools[k]->cached) util::remove_stale_temp_files(r.out_dir / r.schools[k]->id, stale_before);
        });
    util::parallel_for(work.size(), r.jobs, [&](std::size_t i) {
        const Item& item = work[i];
        std::vector<std::string> fps;
        for (const auto* f : r.formats) fps.push_back(fingerprints.of(*item.school, *item.outline, f->name));
        if (up_to_date(r, item, fps)) {
            ++skipped;
        } else {
            util::Diagnostics found;  // already reported by validate; recorded as clean or not
            model::Document doc = assemble::assemble_document(*r.repo, *item.school, *item.outline, found);
            approved[i] = doc.meta.draft() ? 0 : 1;
            for (std::size_t j = 0; j < r.formats.size(); ++j) {
                std::string relative = relative_path(item, *r.formats[j]);
                auto path = r.out_dir / relative;
                if (util::write_file_atomic(path, r.formats[j]->write(doc, options)))
                    ++written;
                else
                    ++unchanged;
                auto stamp = stamp_of(path);
                if (stamp && !fps[j].empty()) built[i].push_back({relative, {fps[j], *stamp, found.items().empty(), !doc.meta.draft()}});
            }
            // The draft's redline against its approved copy, beside the page that links to it;
            // gone once the text is approved (or the copy removed).
            if (html) {
                auto changes = r.out_dir / item.school->id / (item.outline->id + ".changes.html");
                if (!write::changes_file(doc.meta).empty()) {
                    if (util::write_file_atomic(changes, changes_page(*r.repo, *item.school, *item.outline)))
                        ++written;
                    else
                        ++unchanged;
                } else {
                    std::error_code ec;
                    std::filesystem::remove(changes, ec);
                }
            }
        }
        util::remove_stale_temp_files(r.out_dir / item.school->id, stale_before);
    });
    util::remove_stale_temp_files(r.out_dir, stale_before);
    std::unordered_map<std::string, bool> settled;
    for (std::size_t i = 0; i < work.size(); ++i)
        if (approved[i] >= 0) settled[work[i].school->id + "/" + work[i].outline->id] = approved[i] == 1;
    built.emplace_back();
    std::vector<char> page_made(r.repo->schools.size(), 0);
    std::vector<write::IndexSchool> parts = index_and_school_pages(r, fingerprints, settled, options, written, unchanged, built.back(), page_made);
    // out/index.html: not made again when the school cache records it as made from the same parts
    // and it is still as that run left it.
    const auto index_path = r.out_dir / "index.html";
    const bool caching = r.cache || r.record_cache;
    const std::string key = caching ? key_of(r, fingerprints) : std::string();
    const std::string index_key = caching ? index_key_of(r, key, parts) : std::string();
    if (r.cache && r.cache->shared_key() == key && r.cache->index_key() == index_key && stamp_of(index_path) == r.cache->index_stamp()) {
        ++unchanged;
    } else {
        std::vector<write::IndexSchool> present;  // the parts with rows, in school order
        std::vector<std::size_t> from;  // where each came from in `parts`, or npos for a record's
        for (std::size_t k = 0; k < parts.size(); ++k) {
            const model::School& school = r.repo->schools[k];
            if (school.cached) {
                const SchoolRecord* rec = r.cache->find(school.id);
                if (!rec->part) continue;
                present.push_back({std::string(rec->id), std::string(rec->name), rec->has_page, std::string(rec->rows_html)});
                from.push_back(std::string::npos);
            } else if (!parts[k].id.empty()) {
                present.push_back(std::move(parts[k]));
                from.push_back(k);
            }
        }
        if (util::write_file_atomic(index_path, write::write_index(present, r.repo->config.trust_name, r.options)))
            ++written;
        else
            ++unchanged;
        for (std::size_t j = 0; j < present.size(); ++j)  // back where next_cache looks for them
            if (from[j] != std::string::npos) parts[from[j]] = std::move(present[j]);
    }
    Manifest next = next_manifest(r, built);
    next.write(r.out_dir);
    if (r.record_cache) {
        auto text = next_cache(r, key, index_key, stamp_of(index_path).value_or(FileStamp{}), parts, page_made, next);
        if (text) util::write_file_atomic(SchoolCache::location(r.out_dir), *text);
    }
    util::remove_stale_temp_files(Manifest::location(r.out_dir).parent_path(), stale_before);
    marker.finish();
    std::size_t cached_documents = 0;
    for (const auto* s : r.schools)
        if (s->cached)
            for (const auto* o : r.outlines) cached_documents += s->keeps(o->id);
    return Result{work.size() + cached_documents, written.load(), unchanged.load(), skipped.load() + cached_documents};
}

}  // namespace clausebook::make
