#include "make/school_cache.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <sys/stat.h>

#include "make/fingerprint.hpp"
#include "util/date.hpp"
#include "util/fs.hpp"

namespace clausebook::make {

namespace {

constexpr std::string_view k_version_line = "clausebook school cache 1\n";
// 22,000 copies of the example schools have about 175 MB of index rows; a guard against a stray file.
constexpr std::size_t k_max_cache_bytes = 2048u * 1024u * 1024u;
constexpr std::int64_t k_settle_ns = 1'000'000'000;

bool is_flag(std::string_view s, bool& out) {
    if (s != "0" && s != "1") return false;
    out = s == "1";
    return true;
}

// A field the format carries between tabs: no tab, line break or comma (the policies' separator).
bool plain(std::string_view s) { return !s.empty() && s.find_first_of("\t\n\r,") == std::string_view::npos; }

// Splits `line` at tabs into exactly `n` fields.
bool split(std::string_view line, std::string_view* fields, std::size_t n) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto tab = i + 1 < n ? line.find('\t', start) : line.size();
        if (tab == std::string_view::npos) return false;
        fields[i] = line.substr(start, tab - start);
        start = tab + 1;
    }
    return fields[n - 1].find('\t') == std::string_view::npos;
}

// Length-prefixed, so that no field can run into the next.
void add_field(std::string& out, std::string_view s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

std::string relative(std::string_view id, std::string_view policy, std::string_view ext) {
    std::string out(id);
    out += '/';
    out += policy;
    out += '.';
    out += ext;
    return out;
}

std::string page_of(std::string_view id) { return std::string(id) + "/index.html"; }

}  // namespace

std::optional<FileIdentity> identity_of(const std::filesystem::path& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return FileIdentity{static_cast<std::uint64_t>(st.st_size), static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec,
                        static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec, static_cast<std::uint64_t>(st.st_ino),
                        static_cast<std::uint64_t>(st.st_dev)};
}

std::int64_t now_ns() {
    struct timespec ts {};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

bool identity_settled(const FileIdentity& id, std::int64_t run_started_ns) { return id.ctime_ns < run_started_ns - k_settle_ns; }

std::filesystem::path SchoolCache::location(const std::filesystem::path& out_dir) { return out_dir / ".clausebook" / "schools"; }

SchoolCache SchoolCache::read(const std::filesystem::path& out_dir) {
    auto file = util::read_file(location(out_dir), k_max_cache_bytes);
    if (!file.text) return {};
    return parse(std::move(*file.text)).value_or(SchoolCache{});
}

std::optional<SchoolCache> SchoolCache::parse(std::string owned) {
    SchoolCache cache;
    cache.m_text = std::make_shared<const std::string>(std::move(owned));
    const std::string_view text = *cache.m_text;
    if (text.size() < k_version_line.size() || text.substr(0, k_version_line.size()) != k_version_line || text.back() != '\n') return std::nullopt;
    // The checksum line covers everything before it: a truncated or altered file fails here.
    auto last = text.rfind('\n', text.size() - 2);
    if (last == std::string_view::npos) return std::nullopt;
    std::string_view end_fields[3];
    if (!split(text.substr(last + 1, text.size() - last - 2), end_fields, 3) || end_fields[0] != "E") return std::nullopt;
    std::string_view body = text.substr(0, last + 1);
    if (!is_fingerprint(end_fields[2]) || end_fields[2] != hash_hex(body)) return std::nullopt;
    std::size_t count = 0;
    if (!parse_field(end_fields[1], count)) return std::nullopt;

    std::string_view rest = body.substr(k_version_line.size());
    auto next_line = [&rest]() -> std::optional<std::string_view> {
        auto nl = rest.find('\n');
        if (nl == std::string_view::npos) return std::nullopt;
        std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl + 1);
        return line;
    };
    auto header = next_line();
    std::string_view h[5];
    if (!header || !split(*header, h, 5) || h[0] != "H" || !is_fingerprint(h[1]) || !is_fingerprint(h[2]) || !parse_field(h[3], cache.m_index_stamp.size) ||
        !parse_field(h[4], cache.m_index_stamp.mtime_ns))
        return std::nullopt;
    cache.m_shared = h[1];
    cache.m_index_key = h[2];
    const std::size_t formats = write::formats().size();
    while (!rest.empty()) {
        auto line = next_line();
        std::string_view f[19];
        if (!line || !split(*line, f, 19) || f[0] != "S") return std::nullopt;
        SchoolRecord r;
        r.id = f[1];
        r.path = f[2];
        r.content = f[3];
        bool settled = false;
        FileIdentity id;
        std::size_t name_len = 0, rows_len = 0;
        if (!plain(r.id) || !plain(r.path) || !is_fingerprint(r.content) || !is_flag(f[4], settled) || !parse_field(f[5], id.size) ||
            !parse_field(f[6], id.mtime_ns) || !parse_field(f[7], id.ctime_ns) || !parse_field(f[8], id.inode) || !parse_field(f[9], id.device) ||
            !is_fingerprint(f[10]) || !is_fingerprint(f[11]) || !is_flag(f[12], r.page) || !is_flag(f[13], r.part) || !is_flag(f[14], r.has_page) ||
            !parse_field(f[17], name_len) || !parse_field(f[18], rows_len))
            return std::nullopt;
        if (settled) r.identity = id;
        r.approved = f[10];
        r.outputs = f[11];
        for (std::string_view p = f[15]; !p.empty();) {
            auto comma = p.find(',');
            std::string_view one = p.substr(0, comma);
            if (!plain(one)) return std::nullopt;
            r.policies.push_back(one);
            p = comma == std::string_view::npos ? std::string_view() : p.substr(comma + 1);
            if (comma != std::string_view::npos && p.empty()) return std::nullopt;
        }
        r.exists = f[16];
        if (r.exists.size() != r.policies.size() * formats || r.exists.find_first_not_of("01") != std::string_view::npos) return std::nullopt;
        if (rest.size() < name_len + rows_len + 1 || rest[name_len + rows_len] != '\n') return std::nullopt;
        r.name = rest.substr(0, name_len);
        r.rows_html = rest.substr(name_len, rows_len);
        rest.remove_prefix(name_len + rows_len + 1);
        if (!cache.m_schools.empty() && !(cache.m_schools.back().id < r.id)) return std::nullopt;
        cache.m_schools.push_back(std::move(r));
    }
    if (cache.m_schools.size() != count) return std::nullopt;
    return cache;
}

const SchoolRecord* SchoolCache::find(std::string_view id) const {
    auto it = std::lower_bound(m_schools.begin(), m_schools.end(), id, [](const SchoolRecord& r, std::string_view v) { return r.id < v; });
    return it != m_schools.end() && it->id == id ? &*it : nullptr;
}

SchoolCacheWriter::SchoolCacheWriter(std::string_view shared_key, std::string_view index_key, const FileStamp& index_stamp) : m_text(k_version_line) {
    m_text += "H\t";
    m_text += shared_key;
    m_text += '\t';
    m_text += index_key;
    m_text += '\t' + std::to_string(index_stamp.size) + '\t' + std::to_string(index_stamp.mtime_ns) + '\n';
}

bool SchoolCacheWriter::add(const SchoolRecord& r) {
    if (!plain(r.id) || !plain(r.path)) return false;
    for (auto p : r.policies)
        if (!plain(p)) return false;
    const FileIdentity id = r.identity.value_or(FileIdentity{});
    std::string policies;
    for (std::size_t i = 0; i < r.policies.size(); ++i) {
        if (i) policies += ',';
        policies += r.policies[i];
    }
    std::string line = "S\t";
    for (std::string_view s : {r.id, r.path, r.content}) {
        line += s;
        line += '\t';
    }
    line += r.identity ? "1\t" : "0\t";
    for (auto n : {static_cast<std::int64_t>(id.size), id.mtime_ns, id.ctime_ns}) line += std::to_string(n) + '\t';
    line += std::to_string(id.inode) + '\t' + std::to_string(id.device) + '\t';
    line += r.approved;
    line += '\t';
    line += r.outputs;
    line += r.page ? "\t1" : "\t0";
    line += r.part ? "\t1" : "\t0";
    line += r.has_page ? "\t1\t" : "\t0\t";
    line += policies;
    line += '\t';
    line += r.exists;
    line += '\t' + std::to_string(r.name.size()) + '\t' + std::to_string(r.rows_html.size()) + '\n';
    m_text += line;
    m_text += r.name;
    m_text += r.rows_html;
    m_text += '\n';
    ++m_count;
    return true;
}

std::string SchoolCacheWriter::finish() {
    std::string sum = hash_hex(m_text);
    m_text += "E\t" + std::to_string(m_count) + '\t' + sum + '\n';
    return std::move(m_text);
}

std::string approved_hash(const model::Repository& repo, std::string_view id) {
    std::string all;
    const std::string prefix = std::string(id) + "/";
    for (auto it = repo.approved.lower_bound(prefix); it != repo.approved.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
        add_field(all, it->first);
        add_field(all, it->second.display_path);
        add_field(all, util::to_iso(it->second.date));
        add_field(all, it->second.text);
    }
    return hash_hex(all);
}

std::string outputs_hash(const Manifest& manifest, std::string_view id, const std::vector<std::string_view>& policies) {
    std::string all;
    auto add = [&](const std::string& path) {
        add_field(all, path);
        const ManifestEntry* e = manifest.find(path);
        if (!e) {
            all += '-';
            return;
        }
        add_field(all, e->fingerprint);
        add_field(all, std::to_string(e->stamp.size) + "/" + std::to_string(e->stamp.mtime_ns));
        all += e->clean ? 'c' : 'w';
        all += e->approved ? 'a' : 'd';
    };
    for (auto p : policies)
        for (const auto& f : write::formats()) add(relative(id, p, f.extension));
    add(page_of(id));
    return hash_hex(all);
}

bool record_holds(const SchoolRecord& r, const std::filesystem::path& file, const Manifest& manifest, const std::filesystem::path& out_dir,
                  const std::vector<const write::Format*>& requested, std::optional<FileIdentity>* seen) {
    // Outputs first: a stat each, where the school file may need reading whole.
    std::size_t k = 0;
    for (auto p : r.policies)
        for (const auto& f : write::formats()) {
            std::string path = relative(r.id, p, f.extension);
            auto stamp = stamp_of(out_dir / path);
            if (stamp.has_value() != (r.exists[k++] == '1')) return false;
            const ManifestEntry* e = manifest.find(path);
            if (e && (!e->clean || stamp != e->stamp)) return false;
            if (!e && std::find(requested.begin(), requested.end(), &f) != requested.end()) return false;
        }
    if (r.page) {
        const ManifestEntry* e = manifest.find(page_of(r.id));
        if (!e || stamp_of(out_dir / page_of(r.id)) != e->stamp) return false;
    }
    if (outputs_hash(manifest, r.id, r.policies) != r.outputs) return false;
    auto now = identity_of(file);
    if (!now) return false;
    if (seen) *seen = now;
    if (r.identity && *r.identity == *now) return true;
    auto bytes = util::read_file(file);
    return bytes.text && hash_hex(*bytes.text) == r.content;
}

}  // namespace clausebook::make
