#include "make/fingerprint.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_set>

#include <sys/stat.h>

#ifndef CLAUSEBOOK_VERSION
#define CLAUSEBOOK_VERSION "unknown"
#endif

namespace clausebook::make {

namespace {

// A streaming XXH3-128 hash whose fields cannot run into one another: each is length-prefixed.
class Hasher {
public:
    Hasher() : m_state(XXH3_createState(), &XXH3_freeState) {
        if (!m_state) throw std::bad_alloc();
        XXH3_128bits_reset(m_state.get());
    }
    Hasher& add(std::string_view bytes) {
        add_raw(static_cast<std::uint64_t>(bytes.size()));
        XXH3_128bits_update(m_state.get(), bytes.data(), bytes.size());
        return *this;
    }
    Hasher& add(std::int64_t n) { return add_raw(static_cast<std::uint64_t>(n)); }
    Hasher& add(const XXH128_hash_t& h) { return add_raw(h.high64).add_raw(h.low64); }
    XXH128_hash_t digest() const { return XXH3_128bits_digest(m_state.get()); }

private:
    Hasher& add_raw(std::uint64_t n) {
        XXH3_128bits_update(m_state.get(), &n, sizeof n);
        return *this;
    }
    std::unique_ptr<XXH3_state_t, XXH_errorcode (*)(XXH3_state_t*)> m_state;
};

// The running program: a new build of clausebook may write different bytes from the same inputs.
void add_tool(Hasher& h) {
    h.add(std::string_view(CLAUSEBOOK_VERSION));
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0)
        h.add(static_cast<std::int64_t>(st.st_size)).add(static_cast<std::int64_t>(st.st_mtim.tv_sec)).add(static_cast<std::int64_t>(st.st_mtim.tv_nsec));
    else
        h.add(std::string_view("no /proc/self/exe"));
}

std::string hex_of(const XXH128_hash_t& d) {
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(d.high64), static_cast<unsigned long long>(d.low64));
    return hex;
}

}  // namespace

Fingerprints::Fingerprints(const model::Repository& repo, const write::WriteOptions& options) : m_repo(&repo) {
    Hasher h;
    h.add(std::string_view("clausebook fingerprint 2"));
    add_tool(h);
    std::unordered_set<std::string_view> school_files;
    for (const auto& s : repo.schools) school_files.insert(s.path);
    // Clause files, outlines and clausebook.yaml, in path order (the map is sorted).
    for (const auto& [path, text] : repo.sources.texts())
        if (!school_files.count(path)) h.add(path).add(text);
    h.add(std::int64_t{options.allow_raw_html}).add(options.page_template).add(options.page_template_path).add(options.page_css).add(options.docx_styles);
    // The trust's font: its name, and each file as it is on disk (a replaced file changes the PDF).
    h.add(options.font_family);
    for (const auto& f : options.font_files) {
        struct stat st {};
        h.add(f);
        if (::stat(f.c_str(), &st) == 0)
            h.add(static_cast<std::int64_t>(st.st_size)).add(static_cast<std::int64_t>(st.st_mtim.tv_sec)).add(static_cast<std::int64_t>(st.st_mtim.tv_nsec));
    }
    const std::string epoch = options.source_date_epoch ? std::to_string(*options.source_date_epoch) : std::string();
    h.add(std::string_view(options.source_date_epoch ? "epoch" : "no epoch")).add(epoch);
    m_global = h.digest();
}

std::string Fingerprints::of(const model::School& school, const model::Outline& outline, std::string_view format) const {
    auto text = m_repo->sources.texts().find(school.path);
    if (text == m_repo->sources.texts().end()) return {};
    Hasher h;
    h.add(m_global).add(school.path).add(text->second).add(outline.id).add(format);
    if (const model::ApprovedCopy* copy = m_repo->approved_copy(school.id, outline.id))
        h.add(copy->display_path).add(copy->text);
    else
        h.add(std::string_view("no approved copy"));
    return hex_of(h.digest());
}

std::string Fingerprints::shared() const { return hex_of(m_global); }

std::string hash_hex(std::string_view bytes) { return hex_of(XXH3_128bits(bytes.data(), bytes.size())); }

std::string Fingerprints::of_page(const write::SchoolPage& page) const {
    Hasher h;
    h.add(m_global).add(std::string_view("school page")).add(page.school_id).add(page.school_name).add(page.trust_name).add(page.as_of);
    h.add(static_cast<std::int64_t>(page.rows.size()));
    for (const auto& r : page.rows) {
        h.add(r.anchor).add(r.title).add(r.status).add(r.approved_on).add(r.next_review).add(r.review).add(r.review_state).add(r.without_links);
        h.add(static_cast<std::int64_t>(r.links.size()));
        for (const auto& l : r.links) h.add(l.label).add(l.href);
    }
    return hex_of(h.digest());
}

}  // namespace clausebook::make
