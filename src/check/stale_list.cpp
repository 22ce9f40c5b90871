#include "check/stale_list.hpp"

#include "util/regex_scan.hpp"

#include <algorithm>
#include <charconv>

#include "load/yaml_reader.hpp"
#include "util/fs.hpp"

namespace clausebook::check {

namespace {

std::optional<std::regex> compile(const load::Located<std::string>& p, util::Diagnostics& diags) {
    try {
        return std::regex(p.value, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
        diags.error(p.pos, "invalid-pattern", "'" + p.value + "' is not a valid regular expression: " + e.what(),
                    "patterns use ECMAScript syntax; escape ( ) + . with a backslash to match them literally");
        return std::nullopt;
    }
}

std::optional<int> leading_year(std::string_view s) {
    auto at = s.find_first_of("0123456789");
    if (at == std::string_view::npos || s.size() < at + 4) return std::nullopt;
    int year = 0;
    auto [p, ec] = std::from_chars(s.data() + at, s.data() + at + 4, year);
    if (ec != std::errc{} || p != s.data() + at + 4) return std::nullopt;
    return year;
}

void read_entry(StaleList& list, const load::YamlNode& node, const std::string& path, util::Diagnostics& diags) {
    load::YamlMap m(node, path, diags, "a stale reference", {"what", "pattern", "except", "replaced_by", "since", "source", "edition_before", "param"});
    if (!m.ok()) return;
    StaleReference r;
    r.pos = m.pos();
    auto what = m.string("what", true);
    auto pattern = m.string("pattern", true);
    auto replaced = m.string("replaced_by", true);
    if (auto v = m.string("since")) r.since = v->value;
    if (auto v = m.string("source")) r.source = v->value;
    if (auto v = m.string("param")) r.param = v->value;
    auto except = m.string("except");
    if (auto v = m.string("edition_before")) {
        r.edition_before = leading_year(v->value);
        if (!r.edition_before) diags.error(v->pos, "invalid-value", "'edition_before' must be a year, such as 2025");
    }
    m.finish();
    if (!what || !pattern || !replaced) return;
    r.what = what->value;
    r.replaced_by = replaced->value;
    r.pattern_text = pattern->value;
    auto re = compile(*pattern, diags);
    if (!re) return;
    r.pattern = std::move(*re);
    if (except) {
        r.except = compile(*except, diags);
        if (!r.except) return;
    }
    list.items.push_back(std::move(r));
}

}  // namespace

StaleList load_stale_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags) {
    StaleList list;
    std::error_code ec;
    if (!std::filesystem::exists(root / k_stale_list_path, ec)) return list;
    auto file = util::read_file(root / k_stale_list_path);
    if (!file.text) {
        diags.error({k_stale_list_path, 0, 0}, "unreadable", "cannot read this file: it " + file.error);
        return list;
    }
    sources.add(k_stale_list_path, *file.text);
    auto doc = load::parse_yaml(k_stale_list_path, *file.text, diags);
    if (!doc) return list;
    load::YamlMap m(*doc, k_stale_list_path, diags, k_stale_list_path, {"references"});
    if (auto refs = m.get("references", true)) {
        if (!refs->is_sequence())
            diags.error(load::pos_of(k_stale_list_path, *refs), "wrong-type", "'references' must be a list of entries (- what: ..., pattern: ...)");
        else
            for (const auto& n : refs->items()) read_entry(list, n, k_stale_list_path, diags);
    }
    m.finish();
    return list;
}

std::vector<StaleMatch> find_stale(const StaleList& list, std::string_view text) {
    std::vector<StaleMatch> out;
    for (const auto& ref : list.items) {
        std::vector<std::pair<std::size_t, std::size_t>> excepted;
        if (ref.except)
            util::for_each_match(text, *ref.except, [&](std::size_t at, const std::cmatch& m) {
                excepted.emplace_back(at, at + static_cast<std::size_t>(m.length(0)));
            });
        util::for_each_match(text, ref.pattern, [&](std::size_t begin, const std::cmatch& m) {
            auto finish = begin + static_cast<std::size_t>(m.length(0));
            bool inside = false;
            for (auto [a, b] : excepted) inside = inside || (a <= begin && finish <= b);
            if (inside || m.length(0) == 0) return;
            if (ref.edition_before) {
                auto year = m.size() > 1 && m[1].matched ? leading_year(m[1].str()) : std::nullopt;
                if (!year || *year >= *ref.edition_before) return;
            }
            out.push_back({&ref, begin, m.str(0)});
        });
    }
    std::stable_sort(out.begin(), out.end(), [](const StaleMatch& a, const StaleMatch& b) { return a.offset < b.offset; });
    return out;
}

bool stale_edition(const StaleReference& ref, std::string_view value) {
    if (ref.param.empty() || !ref.edition_before) return false;
    auto year = leading_year(value);
    return year && *year < *ref.edition_before;
}

}  // namespace clausebook::check
