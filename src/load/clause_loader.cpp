// clauses/**.md: YAML front matter between '---' lines, then the Markdown body.
#include "lang/condition.hpp"
#include "lang/mustache.hpp"
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"
#include "util/ids.hpp"
#include "util/text.hpp"
#include "util/text_origin.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

namespace {

bool is_version(const std::string& v) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= v.size()) {
        std::size_t j = i;
        while (j < v.size() && v[j] >= '0' && v[j] <= '9') ++j;
        if (j == i) return false;
        ++parts;
        if (j == v.size()) break;
        if (v[j] != '.') return false;
        i = j + 1;
    }
    return parts == 3;
}

// Finds the line that closes the front matter. Returns the offset of the body and sets
// `fm_end` to the end of the YAML text; npos when there is no closing line.
std::size_t find_front_matter_end(std::string_view text, std::size_t start, std::size_t& fm_end) {
    std::size_t p = start;
    while (p < text.size()) {
        auto nl = text.find('\n', p);
        std::string_view line = text.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl - p);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line == "---" || line == "...") {
            fm_end = p;
            return nl == std::string_view::npos ? text.size() : nl + 1;
        }
        if (nl == std::string_view::npos) break;
        p = nl + 1;
    }
    return std::string_view::npos;
}

}  // namespace

void load_clause(Repository& repo, const std::string& path, const std::string& text, util::Diagnostics& diags) {
    repo.sources.add(path, text);
    if (!check_text(path, text, diags)) return;
    if (util::trim(text).empty()) {
        diags.error({path, 1, 1}, "empty-file", "this clause file is empty",
                    "a clause starts with front matter: ---, id:, title:, version:, ---, then its text");
        return;
    }
    std::size_t start = util::starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
    std::string_view first = std::string_view(text).substr(start, 4);
    if (!(util::starts_with(first, "---\n") || util::starts_with(first, "---\r"))) {
        diags.error({path, 1, 1}, "front-matter", "a clause file must start with a '---' line and its front matter",
                    "begin the file with ---, then id:, title:, audience:, version:, then --- and the text");
        return;
    }
    std::size_t fm_start = text.find('\n', start) + 1;
    std::size_t fm_end = 0;
    std::size_t body_start = find_front_matter_end(text, fm_start, fm_end);
    if (body_start == std::string_view::npos) {
        diags.error({path, 1, 1}, "front-matter", "the front matter is never closed", "add a line '---' after the last key");
        return;
    }
    std::string yaml_text = text.substr(fm_start, fm_end - fm_start);
    auto root = parse_yaml(path, yaml_text, diags, 2);
    if (!root) return;
    YamlMap m(*root, path, diags, "the clause's front matter", {"id", "title", "audience", "version", "when", "variant"}, 2);
    if (!m.ok()) return;
    ClauseFile c;
    c.path = path;
    auto id = m.string("id", true);
    auto title = m.string("title", true);
    auto version = m.string("version", true);
    auto variant = m.string("variant");
    auto when = m.string("when");
    for (auto& a : m.string_list("audience")) c.audience.push_back(a.value);
    m.finish();
    bool ok = id && title && version;
    if (id) {
        std::string why;
        if (!util::is_clause_id(id->value, &why)) {
            diags.error(id->pos, "invalid-id", why);
            ok = false;
        }
        c.id = id->value;
        c.id_pos = id->pos;
    }
    if (variant) {
        std::string why;
        if (!util::is_simple_id(variant->value, &why)) {
            diags.error(variant->pos, "invalid-id", "variant " + why);
            ok = false;
        }
        c.variant = variant->value;
    }
    if (version && !is_version(version->value)) {
        diags.error(version->pos, "invalid-version", "'" + version->value + "' is not a version: write MAJOR.MINOR.PATCH, such as 1.0.0");
    }
    if (title) c.title = title->value;
    if (version) c.version = version->value;
    if (when) c.when = lang::parse_condition(when->value, when->pos, diags);
    c.body = text.substr(body_start);
    c.body_line = util::line_col_at(text, body_start).line;
    util::TextOrigin origin{path, c.body_line, 1, 0};
    // Parsed even when the front matter is wrong, so that every problem shows in one run.
    c.body_template = lang::parse_mustache(c.body, origin, diags);
    if (!ok) return;
    if (util::trim(c.body).empty()) diags.error(id->pos, "empty-clause", "clause '" + c.id + "' has no text after its front matter");

    auto& files = repo.clauses[c.id];
    for (const auto& other : files) {
        if (other.variant == c.variant) {
            std::string what = c.variant.empty() ? "clause id '" + c.id + "'" : "variant '" + c.variant + "' of clause '" + c.id + "'";
            diags.error(c.id_pos, "duplicate-clause", what + " is also defined in " + other.path + ":" + std::to_string(other.id_pos.line),
                        "give one of them another id, or make it a variant with 'variant: NAME'");
            return;
        }
    }
    files.push_back(std::move(c));
}

}  // namespace clausebook::load
