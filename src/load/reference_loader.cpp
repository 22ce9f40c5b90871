// Reads the reference data check uses (model/reference_data.hpp): the stale-reference list, the
// KCSIE editions and the statutory policies, each from data/ in the repository when it is there.
#include <algorithm>

#include "load/load.hpp"
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"
#include "util/text.hpp"

namespace clausebook::load {

using namespace model;

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

std::shared_ptr<const re2::RE2> compile(const model::Located<std::string>& p, util::Diagnostics& diags) {
    if (auto at = back_reference(p.value); at != std::string::npos) {
        diags.error(p.pos, "invalid-pattern", "'" + p.value + "' uses a back-reference (" + p.value.substr(at, 2) + "), which patterns do not support",
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
        diags.error(
            p.pos, "invalid-pattern", "'" + p.value + "' is not a valid regular expression: " + why,
            lookaround
                ? "patterns cannot look ahead or behind ((?= (?! (?<=): match the surrounding text instead, or use except:"
                : "patterns use RE2 syntax (as Perl's, without back-references or look-arounds); escape ( ) + . with a backslash to match them literally");
        return nullptr;
    }
    return re;
}

void read_entry(StaleList& list, const YamlNode& node, const std::string& path, util::Diagnostics& diags) {
    YamlMap m(node, path, diags, "a stale reference", {"what", "pattern", "except", "replaced_by", "since", "source", "edition_before", "param"});
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

// A data file's YAML, added to `sources`; nullopt when it is absent (an empty list) or cannot
// be read or parsed (an error said so).
std::optional<YamlNode> read_data_file(const std::filesystem::path& root, const std::string& path, util::SourceFiles& sources, util::Diagnostics& diags) {
    auto text = read_optional_file(root, path, "check without it", diags);
    if (!text) return std::nullopt;
    sources.add(path, *text);
    return parse_yaml(path, *text, diags);
}

const std::vector<std::string> k_reviews = {"annually", "every-2-years", "every-3-years", "every-4-years", "live", "board"};
const std::vector<std::string> k_levels = {"board", "committee", "headteacher"};

StaleList read_stale_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags) {
    StaleList list;
    auto doc = read_data_file(root, k_stale_list_path, sources, diags);
    if (!doc) return list;
    YamlMap m(*doc, k_stale_list_path, diags, k_stale_list_path, {"references"});
    if (auto refs = m.get("references", true)) {
        if (!refs->is_sequence())
            diags.error(pos_of(k_stale_list_path, *refs), "wrong-type", "'references' must be a list of entries (- what: ..., pattern: ...)");
        else
            for (const auto& n : refs->items()) read_entry(list, n, k_stale_list_path, diags);
    }
    m.finish();
    return list;
}

KcsieList read_kcsie_list(const std::filesystem::path& root, util::SourceFiles& sources, util::Diagnostics& diags) {
    KcsieList list;
    auto doc = read_data_file(root, k_kcsie_list_path, sources, diags);
    if (!doc) return list;
    YamlMap m(*doc, k_kcsie_list_path, diags, k_kcsie_list_path, {"editions"});
    if (auto items = m.get("editions", true)) {
        if (!items->is_sequence()) {
            diags.error(pos_of(k_kcsie_list_path, *items), "wrong-type", "'editions' must be a list of entries (- edition: \"2025\", in_force: 2025-09-01)");
        } else {
            for (const auto& n : items->items()) {
                YamlMap e(n, k_kcsie_list_path, diags, "a KCSIE edition", {"edition", "in_force", "source"});
                if (!e.ok()) continue;
                KcsieEdition k;
                k.pos = e.pos();
                auto edition = e.string("edition", true);
                auto in_force = e.date("in_force", true);
                if (auto s = e.string("source")) k.source = s->value;
                e.finish();
                if (!edition || !in_force) continue;
                auto year = edition_year(edition->value);
                if (!year) {
                    diags.error(edition->pos, "invalid-value", "'edition' must name the edition's year, such as \"2025\"");
                    continue;
                }
                k.edition = edition->value;
                k.year = *year;
                k.in_force = in_force->value;
                list.editions.push_back(std::move(k));
            }
        }
    }
    m.finish();
    std::stable_sort(list.editions.begin(), list.editions.end(), [](const KcsieEdition& a, const KcsieEdition& b) { return a.in_force < b.in_force; });
    return list;
}

StatutoryList read_statutory_list(const std::filesystem::path& root, const model::Config& config, util::SourceFiles& sources, util::Diagnostics& diags) {
    StatutoryList list;
    const std::string path = k_statutory_list_path;
    if (auto doc = read_data_file(root, path, sources, diags)) {
        YamlMap m(*doc, path, diags, path, {"checked", "policies"});
        m.date("checked");
        if (auto items = m.get("policies", true)) {
            if (!items->is_sequence()) {
                diags.error(pos_of(path, *items), "wrong-type", "'policies' must be a list of entries (- id: ..., title: ...)");
            } else {
                for (const auto& n : items->items()) {
                    YamlMap e(n, path, diags, "a statutory policy",
                              {"id", "title", "category", "applies_to", "phase", "review", "review_set", "approval", "source", "checked", "confirmed", "note"});
                    if (!e.ok()) continue;
                    StatutoryPolicy p;
                    p.pos = e.pos();
                    auto id = e.string("id", true);
                    auto title = e.string("title", true);
                    e.string("category");
                    e.date("checked");
                    for (auto& t : e.string_list("applies_to")) {
                        const auto& types = model::school_types();
                        if (std::find(types.begin(), types.end(), t.value) == types.end())
                            diags.error(t.pos, "invalid-value", "school type '" + t.value + "' is not one of: " + util::join(types, ", "),
                                        util::did_you_mean(t.value, types));
                        p.applies_to.push_back(t.value);
                    }
                    for (auto& ph : e.string_list("phase")) p.phases.push_back(ph.value);
                    if (auto r = e.string("review", true)) {
                        if (std::find(k_reviews.begin(), k_reviews.end(), r->value) == k_reviews.end())
                            diags.error(r->pos, "invalid-value", "review '" + r->value + "' is not one of: " + util::join(k_reviews, ", "),
                                        util::did_you_mean(r->value, k_reviews));
                        p.review = r->value;
                    }
                    if (auto s = e.string("review_set")) {
                        if (s->value != "required" && s->value != "recommended")
                            diags.error(s->pos, "invalid-value", "review_set '" + s->value + "' is not one of: required, recommended");
                        p.review_required = s->value == "required";
                    }
                    for (auto& a : e.string_list("approval")) {
                        if (a.value == "board")
                            p.approval.push_back(ApprovalLevel::board);
                        else if (a.value == "committee")
                            p.approval.push_back(ApprovalLevel::committee);
                        else if (a.value == "headteacher")
                            p.approval.push_back(ApprovalLevel::headteacher);
                        else
                            diags.error(a.pos, "invalid-value", "approval level '" + a.value + "' is not one of: " + util::join(k_levels, ", "),
                                        util::did_you_mean(a.value, k_levels));
                    }
                    if (auto s = e.string("source")) p.source = s->value;
                    if (auto c = e.boolean("confirmed")) p.confirmed = c->value;
                    if (auto s = e.string("note")) p.note = s->value;
                    e.finish();
                    if (!id || !title) continue;
                    p.id = id->value;
                    p.title = title->value;
                    list.policies.push_back(std::move(p));
                }
            }
        }
        m.finish();
    }
    for (const auto& r : config.required) {
        StatutoryPolicy p;
        p.id = r.id.value;
        p.title = r.title;
        p.applies_to = r.applies_to;
        p.pos = r.id.pos;
        p.trust = true;
        p.confirmed = true;
        p.source = config.path;
        if (r.review_period) {
            p.review_required = true;
            p.trust_period = r.review_period;
        }
        list.policies.push_back(std::move(p));
    }
    return list;
}

}  // namespace

ReferenceData load_reference_data(const Repository& repo, util::SourceFiles& sources, util::Diagnostics& diags) {
    ReferenceData data;
    data.stale = read_stale_list(repo.root, sources, diags);
    data.kcsie = read_kcsie_list(repo.root, sources, diags);
    data.statutory = read_statutory_list(repo.root, repo.config, sources, diags);
    return data;
}

}  // namespace clausebook::load
