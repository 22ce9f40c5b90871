#include "check/stale_list.hpp"

#include <algorithm>
#include <charconv>

#include "load/yaml_reader.hpp"
#include "util/fs.hpp"

namespace clausebook::check {

namespace {

// The first back-reference (\1 ... \9, \k<name>) in `pattern`, or npos. RE2 has none: they
// are what makes a matcher backtrack.
std::size_t back_reference(const std::string& pattern) {
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != '\\') continue;
        char c = pattern[i + 1];
        if ((c >= '1' && c <= '9') || c == 'k') return i;
        ++i;  // an escaped character, \\ included
    }
    return std::string::npos;
}

std::shared_ptr<const re2::RE2> compile(const load::Located<std::string>& p, util::Diagnostics& diags) {
    if (auto at = back_reference(p.value); at != std::string::npos) {
        diags.error(p.pos, "invalid-pattern",
                    "'" + p.value + "' uses a back-reference (" + p.value.substr(at, 2) + "), which patterns do not support",
                    "patterns run in linear time and cannot refer back to a group: spell out the alternatives instead");
        return nullptr;
    }
    re2::RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(8 << 20);
    auto re = std::make_shared<const re2::RE2>(p.value, options);
    if (!re->ok()) {
        std::string why = re->error();
        bool lookaround = p.value.find("(?=") != std::string::npos || p.value.find("(?!") != std::string::npos || p.value.find("(?<") != std::string::npos;
        diags.error(p.pos, "invalid-pattern", "'" + p.value + "' is not a valid regular expression: " + why,
                    lookaround ? "patterns cannot look ahead or behind ((?= (?! (?<=): match the surrounding text instead, or use except:"
                               : "patterns use RE2 syntax (as Perl's, without back-references or look-arounds); escape ( ) + . with a backslash to match them literally");
        return nullptr;
    }
    return re;
}

// Calls `found(begin, end, groups)` for every match of `re` in `text`, left to right, each
// once; RE2 keeps the whole text as context, so \b sees the character before `begin`.
template <class Found>
void for_each_match(std::string_view text, const re2::RE2& re, Found found) {
    int groups = std::min(re.NumberOfCapturingGroups(), 1) + 1;
    re2::StringPiece subject(text.data(), text.size());
    re2::StringPiece m[2];
    std::size_t pos = 0;
    while (pos <= text.size() && re.Match(subject, pos, text.size(), re2::RE2::UNANCHORED, m, groups)) {
        auto begin = static_cast<std::size_t>(m[0].data() - text.data());
        auto end = begin + m[0].size();
        found(begin, end, groups > 1 ? std::string_view(m[1].data(), m[1].size()) : std::string_view(), groups > 1 && m[1].data() != nullptr);
        pos = end > begin ? end : begin + 1;
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
    r.pattern = compile(*pattern, diags);
    if (!r.pattern) return;
    if (except) {
        r.except = compile(*except, diags);
        if (!r.except) return;
    }
    list.items.push_back(std::move(r));
}

}  // namespace

StaleList load_stale_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags) {
    StaleList list;
    auto file = util::read_repository_file(root, k_stale_list_path);
    if (file.missing) return list;
    if (!file.text) {
        diags.error({k_stale_list_path, 0, 0}, file.rule, "cannot read this file: it " + file.error);
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
        std::vector<std::pair<std::size_t, std::size_t>> excepted;  // in order, as found
        if (ref.except)
            for_each_match(text, *ref.except, [&](std::size_t begin, std::size_t end, std::string_view, bool) { excepted.emplace_back(begin, end); });
        std::size_t next_except = 0;
        for_each_match(text, *ref.pattern, [&](std::size_t begin, std::size_t finish, std::string_view group, bool has_group) {
            // Matches and excepted stretches both come left to right: skip the stretches that end
            // before this match starts, once (linear, however many of either).
            while (next_except < excepted.size() && excepted[next_except].second <= begin) ++next_except;
            bool inside = next_except < excepted.size() && excepted[next_except].first <= begin && finish <= excepted[next_except].second;
            if (inside || finish == begin) return;
            if (ref.edition_before) {
                auto year = has_group ? leading_year(group) : std::nullopt;
                if (!year || *year >= *ref.edition_before) return;
            }
            out.push_back({&ref, begin, std::string(text.substr(begin, finish - begin))});
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
