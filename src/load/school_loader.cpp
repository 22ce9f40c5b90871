// schools/<id>.yaml: the school's facts, its parameters, and what it says about each policy.
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"

#include <algorithm>
#include <map>
#include <set>
#include "lang/condition.hpp"
#include "lang/mustache.hpp"
#include "util/ids.hpp"
#include "util/text.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

namespace {

const std::vector<std::string> k_phases = {"nursery", "infant", "first", "primary", "junior", "middle", "secondary", "all-through", "special"};

void read_school_info(School& s, const YamlNode& node, util::Diagnostics& diags) {
    YamlMap m(node, s.path, diags, "'school'", {"name", "short_name", "local_authority", "phase", "type", "website", "address", "email", "phone", "vision"});
    if (!m.ok()) return;
    s.info = model::Value::map();
    if (auto n = m.string("name", true)) {
        s.name = n->value;
        s.info.set("name", n->value);
    }
    auto short_name = m.string("short_name");
    s.info.set("short_name", short_name ? short_name->value : s.name);
    for (const char* key : {"local_authority", "website", "address", "email", "phone", "vision"})
        if (auto v = m.string(key)) s.info.set(key, v->value);
    if (auto type = m.string("type")) {
        const auto& types = school_types();
        if (std::find(types.begin(), types.end(), type->value) == types.end()) {
            std::string hint = util::did_you_mean(type->value, types);
            diags.error(type->pos, "invalid-value", "school type '" + type->value + "' is not one of: " + util::join(types, ", "),
                        hint.empty() ? "a special school states its type and 'phase: special'" : hint);
        } else {
            s.type = *type;
            s.info.set("type", type->value);
        }
    }
    if (auto phase = m.string("phase")) {
        s.phase = *phase;
        bool known = false;
        for (const auto& p : k_phases) known = known || p == phase->value;
        if (!known)
            diags.error(phase->pos, "invalid-value", "phase '" + phase->value + "' is not one of: " + util::join(k_phases, ", "),
                        util::did_you_mean(phase->value, k_phases));
        s.info.set("phase", phase->value);
        s.info.set("first_school", phase->value == "first" || phase->value == "infant");
    } else {
        s.info.set("first_school", false);
    }
    m.finish();
}

std::optional<std::string> clause_ref(const Located<std::string>& ref, util::Diagnostics& diags) {
    std::string why;
    if (!util::is_clause_id(ref.value, &why)) {
        diags.error(ref.pos, "invalid-id", why);
        return std::nullopt;
    }
    return ref.value;
}

void read_overrides(SchoolPolicy& p, const School& s, const YamlNode& node, const std::string& text, util::Diagnostics& diags) {
    YamlMap m(node, s.path, diags, "'overrides'", {});
    if (!m.ok()) return;
    for (const auto& [key, value] : node.pairs()) {
        if (!key.is_scalar()) continue;
        Override o;
        o.clause_id = key.scalar();
        o.pos = pos_of(s.path, key);
        if (!clause_ref({o.clause_id, o.pos}, diags)) continue;
        const YamlNode* text_node = &value;
        if (value.is_map()) {
            YamlMap om(value, s.path, diags, "the override of '" + o.clause_id + "'", {"title", "text"});
            if (auto t = om.string("title")) o.title = t->value;
            text_node = om.get("text", true);
            om.finish();
            if (!text_node) continue;
        }
        auto body = scalar_text(*text_node, s.path, diags, "the wording of '" + o.clause_id + "'");
        if (!body) continue;
        o.text = *body;
        o.text_template = lang::parse_mustache(o.text, text_origin(s.path, *text_node, text), diags);
        p.overrides.push_back(std::move(o));
    }
}

void read_local(SchoolPolicy& p, const School& s, const YamlNode& node, const std::string& text, util::Diagnostics& diags) {
    if (!node.is_sequence()) {
        diags.error(pos_of(s.path, node), "wrong-type", "'local' must be a list of clauses (- id: ..., title: ..., text: ...)");
        return;
    }
    for (const auto& n : node.items()) {
        YamlMap m(n, s.path, diags, "a local clause", {"id", "title", "text", "after", "before", "section"});
        if (!m.ok()) continue;
        LocalClause c;
        auto id = m.string("id", true);
        auto title = m.string("title", true);
        auto tn = m.get("text", true);
        auto after = m.string("after");
        auto before = m.string("before");
        auto section = m.string("section");
        m.finish();
        int anchors = (after ? 1 : 0) + (before ? 1 : 0) + (section ? 1 : 0);
        if (anchors != 1) {
            diags.error(m.pos(), anchors ? "ambiguous-position" : "missing-field",
                        anchors ? "a local clause takes one of 'after', 'before' or 'section', not several"
                                : "a local clause needs a place: 'after: CLAUSE-ID', 'before: CLAUSE-ID' or 'section: SECTION-ID'");
            continue;
        }
        if (!id || !title || !tn) continue;
        if (!clause_ref(*id, diags)) continue;
        c.id = id->value;
        c.pos = id->pos;
        c.title = title->value;
        if (after) {
            c.anchor = LocalClause::Anchor::after;
            c.anchor_id = *after;
        }
        if (before) {
            c.anchor = LocalClause::Anchor::before;
            c.anchor_id = *before;
        }
        if (section) {
            c.anchor = LocalClause::Anchor::section;
            c.anchor_id = *section;
        }
        auto body = scalar_text(*tn, s.path, diags, "the text of '" + c.id + "'");
        if (!body) continue;
        c.text = *body;
        c.text_template = lang::parse_mustache(c.text, text_origin(s.path, *tn, text), diags);
        p.local.push_back(std::move(c));
    }
}

// waive: { RULE-ID: REASON }. The reason is what governors and inspectors read: it is required.
void read_waivers(SchoolPolicy& p, const School& s, const YamlNode& node, util::Diagnostics& diags) {
    YamlMap m(node, s.path, diags, "'waive'", {});
    if (!m.ok()) return;
    for (const auto& [key, value] : node.pairs()) {
        if (!key.is_scalar()) continue;
        Located<std::string> rule{key.scalar(), pos_of(s.path, key)};
        auto reason = value.is_null() ? std::optional<std::string>("") : scalar_text(value, s.path, diags, "the reason for waiving '" + rule.value + "'");
        if (!reason) continue;
        if (util::trim(*reason).empty()) {
            diags.error(rule.pos, "waiver-without-reason", "waiving '" + rule.value + "' needs a written reason",
                        "write it after the colon: " + rule.value + ": why the board accepts this, and until when");
            continue;
        }
        p.waivers.push_back({rule, std::string(util::trim(*reason))});
    }
}

void read_policy(School& s, const Outline* outline, const std::string& policy_id, const YamlNode& key, const YamlNode& node, const std::string& text,
                 util::Diagnostics& diags) {
    SchoolPolicy p;
    p.policy_id = policy_id;
    p.pos = pos_of(s.path, key);
    if (node.is_null()) {  // listed with nothing under it: kept, with nothing recorded yet
        s.policies.push_back(std::move(p));
        return;
    }
    YamlMap m(node, s.path, diags, "policy '" + policy_id + "'",
              {"title", "approved", "approved_by", "minute", "review_period", "next_review", "params", "exclude", "variants", "overrides", "local", "waive"});
    if (!m.ok()) return;
    if (auto v = m.string("title")) p.title = std::move(*v);
    p.approved = m.date("approved");
    if (auto v = m.string("approved_by")) p.approved_by = std::move(*v);
    if (auto v = m.string("minute")) p.minute = std::move(*v);
    p.review_period = m.duration("review_period");
    p.next_review = m.loose_date("next_review");
    if (auto v = m.get("params"); v && outline) p.params = read_params(*v, outline->params, s.path, diags);
    for (auto& e : m.string_list("exclude"))
        if (clause_ref(e, diags)) p.exclude.push_back(e);
    if (auto v = m.get("variants")) {
        YamlMap vm(*v, s.path, diags, "'variants'", {});
        if (vm.ok())
            for (const auto& [key, value] : v->pairs()) {
                if (!key.is_scalar()) continue;
                auto variant = scalar_text(value, s.path, diags, "the variant of '" + key.scalar() + "'");
                Located<std::string> ref{key.scalar(), pos_of(s.path, key)};
                if (variant && clause_ref(ref, diags)) p.variants.push_back({ref.value, *variant, ref.pos, pos_of(s.path, value)});
            }
    }
    if (auto v = m.get("overrides")) read_overrides(p, s, *v, text, diags);
    if (auto v = m.get("local")) read_local(p, s, *v, text, diags);
    if (auto v = m.get("waive")) read_waivers(p, s, *v, diags);
    m.finish();
    s.policies.push_back(std::move(p));
}

// location: a path inside the repository (relative, no way out of it) or an https URL.
void check_location(const Located<std::string>& loc, util::Diagnostics& diags) {
    const std::string& v = loc.value;
    auto colon = v.find(':');
    auto slash = v.find('/');
    bool has_scheme = colon != std::string::npos && colon > 0 && (slash == std::string::npos || colon < slash) &&
                      std::all_of(v.begin(), v.begin() + static_cast<long>(colon),
                                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'; });
    if (has_scheme) {
        std::string scheme = v.substr(0, colon);
        std::transform(scheme.begin(), scheme.end(), scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (scheme != "https")
            diags.error(
                loc.pos, "invalid-location",
                "the location '" + v + "' is not an https URL (it is " + scheme + ":); a register entry's location is an https URL or a path in the repository",
                scheme == "http" ? "write https:// (an http address can be changed on its way to the reader)"
                                 : "link to the document on the school's website (https://...), or commit it to the repository and give its path");
        else if (v.size() <= 8 || v.compare(0, 8, "https://") != 0)
            diags.error(loc.pos, "invalid-location", "the location '" + v + "' is not a whole https URL", "write it as https://host/path");
        return;
    }
    if (v.empty() || v[0] == '/' || v[0] == '\\' || v[0] == '~') {
        diags.error(loc.pos, "outside-repository", "the location '" + v + "' is not a path inside the repository",
                    "give the path from the repository's root (policies/behaviour.pdf), or an https URL");
        return;
    }
    int depth = 0;
    std::size_t start = 0;
    while (start <= v.size()) {
        auto end = v.find_first_of("/\\", start);
        if (end == std::string::npos) end = v.size();
        std::string part = v.substr(start, end - start);
        if (part == "..")
            --depth;
        else if (!part.empty() && part != ".")
            ++depth;
        if (depth < 0) {
            diags.error(loc.pos, "outside-repository", "the location '" + v + "' leads outside the repository",
                        "commit the document inside the repository and give its path from the root, or give its https URL");
            return;
        }
        start = end + 1;
    }
}

void read_register_entry(School& s, const std::string& id, const YamlNode& key, const YamlNode& node, util::Diagnostics& diags) {
    RegisterEntry r;
    r.id = id;
    r.pos = pos_of(s.path, key);
    std::string why;
    if (!util::is_simple_id(id, &why)) {
        diags.error(r.pos, "invalid-id", "register entry id '" + id + "': " + why);
        return;
    }
    YamlMap m(node, s.path, diags, "register entry '" + id + "'",
              {"title", "category", "approved", "approved_by", "minute", "review_period", "next_review", "location", "owner", "covers", "waive"});
    if (!m.ok()) return;
    auto title = m.string("title");
    if (!title || util::trim(title->value).empty()) {
        diags.error(title ? title->pos : r.pos, "missing-field", "register entry '" + id + "' has no title",
                    "add 'title:' with the policy's name as the school's documents give it");
    } else {
        r.title = std::move(*title);
    }
    auto category = m.string("category", true);
    if (category) {
        const auto& cats = register_categories();
        if (std::find(cats.begin(), cats.end(), category->value) == cats.end()) {
            std::string hint = util::did_you_mean(category->value, cats);
            diags.error(category->pos, "invalid-value", "category '" + category->value + "' is not one of: " + util::join(cats, ", "),
                        hint.empty() ? "use 'other' for a policy that fits none" : hint);
        }
        r.category = std::move(*category);
    }
    r.approved = m.date("approved");
    if (auto v = m.string("approved_by")) r.approved_by = std::move(*v);
    if (auto v = m.string("minute")) r.minute = std::move(*v);
    r.review_period = m.duration("review_period");
    r.next_review = m.loose_date("next_review");
    if (auto v = m.string("location")) {
        check_location(*v, diags);
        r.location = std::move(*v);
    }
    if (auto v = m.string("owner")) r.owner = std::move(*v);
    r.covers = m.string_list("covers");
    if (auto v = m.get("waive")) {
        SchoolPolicy tmp;
        read_waivers(tmp, s, *v, diags);
        r.waivers = std::move(tmp.waivers);
    }
    m.finish();
    s.register_entries.push_back(std::move(r));
}

}  // namespace

std::vector<ParamValue> read_params_for(const YamlNode& node, const std::vector<const Outline*>& outlines, const std::vector<const Outline*>& fallback,
                                        const std::string& path, util::Diagnostics& diags) {
    std::vector<ParamValue> out;
    std::vector<std::string> names;
    std::set<std::string> seen;
    for (const auto* list : {&outlines, &fallback})
        for (const auto* o : *list)
            for (const auto& p : o->params)
                if (seen.insert(p.name).second) names.push_back(p.name);
    YamlMap m(node, path, diags, "params", names);
    if (!m.ok()) return out;
    for (const auto& [k, value] : node.pairs()) {
        if (!k.is_scalar()) continue;
        const std::string& key = k.scalar();
        // The declarations of `key` among the outlines that apply; if none of them declares it,
        // the first among the rest (a value for a policy the school does not keep yet).
        std::vector<std::pair<const Outline*, const model::ParamSpec*>> decls;
        for (const auto* o : outlines)
            if (const auto* spec = o->param(key)) decls.push_back({o, spec});
        if (decls.empty())
            for (const auto* o : fallback)
                if (const auto* spec = o->param(key)) {
                    decls.push_back({o, spec});
                    break;
                }
        if (decls.empty()) continue;  // reported by finish()
        m.get(key);
        bool one_type = true;
        for (const auto& d : decls) one_type = one_type && d.second->type.describe() == decls.front().second->type.describe();
        if (one_type) {
            if (auto v = convert_param(value, decls.front().second->type, path, key, diags)) out.push_back({key, std::move(*v), pos_of(path, value), {}});
            continue;
        }
        // Declared with different types: read once per outline, each value for its outline only.
        for (const auto& d : decls) {
            util::Diagnostics found;
            auto v = convert_param(value, d.second->type, path, key, found);
            for (auto item : found.items()) {
                item.message += " (as policy '" + d.first->id + "' declares it)";
                if (item.severity == util::Severity::error)
                    item.hint = "policies declare '" + key + "' with different types; give it under policies: " + d.first->id + ": params: instead";
                diags.add(item);
            }
            if (v) out.push_back({key, std::move(*v), pos_of(path, value), d.first->id});
        }
    }
    m.finish();
    return out;
}

std::vector<model::ParamSpec> all_param_specs(const Repository& repo) {
    std::vector<model::ParamSpec> out;
    for (const auto& o : repo.outlines)
        for (const auto& p : o.params) {
            bool seen = false;
            for (const auto& q : out) seen = seen || q.name == p.name;
            if (!seen) out.push_back(p);
        }
    return out;
}

static std::optional<School> parse_school(const Repository& repo, const std::vector<const Outline*>& all_outlines, const std::string& id,
                                          const std::string& path, const std::string& text, util::Diagnostics& diags) {
    std::string why;
    if (!util::is_simple_id(id, &why)) {
        diags.error({path, 0, 0}, "invalid-id", "the file name gives the school id, and " + why, "rename the file");
        return std::nullopt;
    }
    auto root = parse_yaml(path, text, diags);
    if (!root) return std::nullopt;
    School s;
    s.id = id;
    s.path = path;
    YamlMap m(*root, path, diags, "a school file", {"school", "params", "policies", "register"});
    if (!m.ok()) return std::nullopt;
    s.register_pos = {path, 1, 1};
    for (const auto& [key, value] : root->pairs())
        if (key.is_scalar() && (key.scalar() == "register" || (key.scalar() == "school" && s.register_pos.line == 1 && s.register_pos.col == 1)))
            s.register_pos = pos_of(path, key);
    if (auto info = m.get("school", true)) read_school_info(s, *info, diags);
    // School-wide values are typed by the outlines the school keeps (listed under policies:).
    std::vector<const Outline*> kept;
    if (const YamlNode* pols = root->is_map() ? m.get("policies") : nullptr; pols && pols->is_map())
        for (const auto& [key, value] : pols->pairs())
            if (key.is_scalar())
                if (const Outline* o = repo.outline(key.scalar())) kept.push_back(o);
    if (auto p = m.get("params")) s.params = read_params_for(*p, kept, all_outlines, path, diags);
    if (auto reg = m.get("register")) {
        YamlMap rm(*reg, path, diags, "'register'", {});
        // An entry is copied, not moved, when the vector grows: reserve them all at once.
        if (rm.ok()) s.register_entries.reserve(reg->pairs().size());
        if (rm.ok())
            for (const auto& [key, value] : reg->pairs()) {
                if (!key.is_scalar()) continue;
                if (repo.outline(key.scalar()))
                    diags.error(
                        pos_of(path, key), "duplicate-policy",
                        "'" + key.scalar() + "' is a policy clausebook writes (templates/" + key.scalar() + ".yaml); list it under policies:, not register:");
                else if (s.register_entry(key.scalar()))
                    diags.error(pos_of(path, key), "duplicate-policy", "register entry '" + key.scalar() + "' is given twice");
                else
                    read_register_entry(s, key.scalar(), key, value, diags);
            }
    }
    if (auto pols = m.get("policies")) {
        YamlMap pm(*pols, path, diags, "'policies'", {});
        if (pm.ok()) {
            std::vector<std::string> ids;
            for (const auto& o : repo.outlines) ids.push_back(o.id);
            for (const auto& [key, value] : pols->pairs()) {
                if (!key.is_scalar()) continue;
                const std::string& pid = key.scalar();
                const Outline* outline = repo.outline(pid);
                if (!outline) {
                    std::string hint = util::did_you_mean(pid, ids);
                    diags.error(pos_of(path, key), "unknown-policy", "there is no policy outline '" + pid + "' (templates/" + pid + ".yaml)",
                                hint.empty() ? "the policies are: " + util::join(ids, ", ") : hint);
                }
                read_policy(s, outline, pid, key, value, text, diags);
            }
        }
    }
    m.finish();
    return s;
}

void load_school(Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags) {
    repo.sources.add(path, text);
    std::vector<const Outline*> all;
    for (const auto& o : repo.outlines) all.push_back(&o);
    if (auto s = parse_school(repo, all, id, path, text, diags)) repo.schools.push_back(std::move(*s));
}

ParsedSchool parse_school_file(const Repository& repo, const std::string& id, const std::string& path, const std::string& text) {
    std::vector<const Outline*> all;
    all.reserve(repo.outlines.size());
    for (const auto& o : repo.outlines) all.push_back(&o);
    ParsedSchool out;
    out.school = parse_school(repo, all, id, path, text, out.diags);
    return out;
}

void add_parsed_school(Repository& repo, ParsedSchool parsed, SchoolText input, util::Diagnostics& diags) {
    diags.append(parsed.diags);
    if (parsed.school) repo.schools.push_back(std::move(*parsed.school));
    repo.sources.add(input.path, std::move(input.text));
}

}  // namespace clausebook::load
