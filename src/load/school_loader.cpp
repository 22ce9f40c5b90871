// schools/<id>.yaml: the school's facts, its parameters, and what it says about each policy.
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"
#include "util/ids.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

namespace clausebook::load {

namespace {

const std::vector<std::string> k_phases = {"nursery", "infant", "first", "primary", "junior", "middle", "secondary", "all-through", "special"};

void read_school_info(School& s, const YamlNode& node, util::Diagnostics& diags) {
    YamlMap m(node, s.path, diags, "'school'", {"name", "short_name", "local_authority", "phase", "website", "address", "email", "phone", "vision"});
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
    if (auto phase = m.string("phase")) {
        bool known = false;
        for (const auto& p : k_phases) known = known || p == phase->value;
        if (!known) diags.error(phase->pos, "invalid-value", "phase '" + phase->value + "' is not one of: " + util::join(k_phases, ", "), util::did_you_mean(phase->value, k_phases));
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
        if (after) { c.anchor = LocalClause::Anchor::after; c.anchor_id = *after; }
        if (before) { c.anchor = LocalClause::Anchor::before; c.anchor_id = *before; }
        if (section) { c.anchor = LocalClause::Anchor::section; c.anchor_id = *section; }
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

void read_policy(School& s, const Outline* outline, const std::string& policy_id, const YamlNode& key, const YamlNode& node,
                 const std::string& text, util::Diagnostics& diags) {
    SchoolPolicy p;
    p.policy_id = policy_id;
    p.pos = pos_of(s.path, key);
    YamlMap m(node, s.path, diags, "policy '" + policy_id + "'",
              {"title", "approved", "approved_by", "minute", "review_period", "next_review", "params", "exclude", "variants", "overrides", "local", "waive"});
    if (!m.ok()) return;
    if (auto v = m.string("title")) p.title = *v;
    p.approved = m.date("approved");
    if (auto v = m.string("approved_by")) p.approved_by = *v;
    if (auto v = m.string("minute")) p.minute = *v;
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

}  // namespace

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

static std::optional<School> parse_school(const Repository& repo, const std::vector<model::ParamSpec>& specs, const std::string& id,
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
    YamlMap m(*root, path, diags, "a school file", {"school", "params", "policies"});
    if (!m.ok()) return std::nullopt;
    if (auto info = m.get("school", true)) read_school_info(s, *info, diags);
    if (auto p = m.get("params")) s.params = read_params(*p, specs, path, diags);
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
    if (auto s = parse_school(repo, all_param_specs(repo), id, path, text, diags)) repo.schools.push_back(std::move(*s));
}

void load_schools(Repository& repo, std::vector<SchoolText> inputs, util::Diagnostics& diags) {
    const auto specs = all_param_specs(repo);
    std::vector<std::optional<School>> schools(inputs.size());
    std::vector<util::Diagnostics> found(inputs.size());
    // Schools are independent of one another: parse them on every core, report in file order.
    util::parallel_for(inputs.size(), util::default_jobs(), [&](std::size_t i) {
        schools[i] = parse_school(repo, specs, inputs[i].id, inputs[i].path, inputs[i].text, found[i]);
    });
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        diags.append(found[i]);
        if (schools[i]) repo.schools.push_back(std::move(*schools[i]));
        repo.sources.add(inputs[i].path, std::move(inputs[i].text));
    }
}

}  // namespace clausebook::load
