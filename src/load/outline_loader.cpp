// templates/<policy>.yaml: title, review period, approver, typed parameters, sections.
#include "lang/condition.hpp"
#include "load/loaders.hpp"
#include "load/yaml_reader.hpp"
#include "util/ids.hpp"
#include "util/text.hpp"

namespace clausebook::load {

using namespace model;  // load produces the model (model/repository.hpp)

using model::ParamSpec;
using model::ParamType;

namespace {

std::optional<ParamType> read_type(const YamlNode& node, const std::string& path, const std::string& name, util::Diagnostics& diags, YamlMap* outer = nullptr);

std::optional<ParamType> read_type_fields(YamlMap& m, const std::string& path, const std::string& name, util::Diagnostics& diags) {
    auto type_name = m.string("type", true);
    if (!type_name) return std::nullopt;
    auto kind = model::kind_from_name(type_name->value);
    if (!kind) {
        diags.error(type_name->pos, "unknown-type", "'" + type_name->value + "' is not a parameter type",
                    util::did_you_mean(type_name->value, {"string", "integer", "boolean", "date", "duration", "enum", "person", "list"}).empty()
                        ? "the types are: string, integer, boolean, date, duration, enum, person, list"
                        : util::did_you_mean(type_name->value, {"string", "integer", "boolean", "date", "duration", "enum", "person", "list"}));
        return std::nullopt;
    }
    ParamType t = *kind == ParamType::Kind::person ? model::person_type() : ParamType{};
    t.kind = *kind;
    auto read_int = [&](const char* key) -> std::optional<std::int64_t> {
        auto s = m.string(key);
        if (!s) return std::nullopt;
        try {
            std::size_t used = 0;
            long long v = std::stoll(s->value, &used);
            if (used == s->value.size()) return v;
        } catch (...) {}
        diags.error(s->pos, "wrong-type", "'" + std::string(key) + "' must be a whole number");
        return std::nullopt;
    };
    t.min = read_int("min");
    t.max = read_int("max");
    if (t.min && t.max && *t.min > *t.max)
        if (auto s = m.string("min"))
            diags.error(s->pos, "invalid-value",
                        "'" + name + "' has min " + std::to_string(*t.min) + " above its max " + std::to_string(*t.max) + ", so no value is allowed",
                        "swap them, or correct the one mistyped");
    if ((t.min || t.max) && t.kind != ParamType::Kind::integer) diags.error(m.pos(), "wrong-type", "'" + name + "': min and max apply to integers only");
    for (auto& v : m.string_list("values")) t.values.push_back(v.value);
    if (t.kind == ParamType::Kind::enum_ && t.values.empty())
        diags.error(m.pos(), "missing-field", "'" + name + "' is an enum with no 'values'", "add values: [a, b, c]");
    if (auto of = m.get("of")) {
        if (t.kind != ParamType::Kind::list)
            diags.error(pos_of(path, *of), "wrong-type", "'" + name + "': 'of' applies to lists only");
        else if (auto item = read_type(*of, path, name + " item", diags))
            t.item = std::make_shared<ParamType>(std::move(*item));
    } else if (t.kind == ParamType::Kind::list) {
        t.item = std::make_shared<ParamType>();
    }
    return t;
}

std::optional<ParamType> read_type(const YamlNode& node, const std::string& path, const std::string& name, util::Diagnostics& diags, YamlMap*) {
    if (node.is_scalar()) {  // `of: string` shorthand
        auto kind = model::kind_from_name(node.scalar());
        if (kind && *kind != ParamType::Kind::enum_ && *kind != ParamType::Kind::list) {
            ParamType t = *kind == ParamType::Kind::person ? model::person_type() : ParamType{};
            t.kind = *kind;
            return t;
        }
    }
    YamlMap m(node, path, diags, "the type of '" + name + "'", {"type", "min", "max", "values", "of"});
    if (!m.ok()) return std::nullopt;
    auto t = read_type_fields(m, path, name, diags);
    m.finish();
    return t;
}

void read_params(Outline& o, const YamlNode& node, util::Diagnostics& diags) {
    if (!node.is_map()) {
        diags.error(pos_of(o.path, node), "wrong-type", "'params' must be a map of parameter names to their types");
        return;
    }
    YamlMap all(node, o.path, diags, "params", {});
    for (const auto& [key, value] : node.pairs()) {
        if (!key.is_scalar()) continue;
        ParamSpec spec;
        spec.name = key.scalar();
        spec.pos = pos_of(o.path, key);
        std::string why;
        if (!util::is_simple_id(spec.name, &why) || spec.name.find('-') != std::string::npos) {
            diags.error(spec.pos, "invalid-id", "parameter name '" + spec.name + "': use lower-case letters, digits and '_'");
            continue;
        }
        if (spec.name == "school" || spec.name == "trust" || spec.name == "policy") {
            diags.error(spec.pos, "invalid-id", "'" + spec.name + "' is a built-in name and cannot be a parameter");
            continue;
        }
        YamlMap m(value, o.path, diags, "parameter '" + spec.name + "'", {"type", "min", "max", "values", "of", "required", "default", "description"});
        if (!m.ok()) continue;
        auto t = read_type_fields(m, o.path, spec.name, diags);
        if (auto r = m.boolean("required")) spec.required = r->value;
        if (auto d = m.string("description")) spec.description = d->value;
        auto def = m.get("default");
        m.finish();
        if (!t) continue;
        spec.type = std::move(*t);
        if (def) {
            if (spec.required) diags.error(pos_of(o.path, *def), "wrong-type", "'" + spec.name + "' is required and has a default: choose one");
            spec.default_value = convert_param(*def, spec.type, o.path, spec.name, diags);
        }
        o.params.push_back(std::move(spec));
    }
}

std::optional<model::Condition> read_when(YamlMap& m, util::Diagnostics& diags) {
    auto w = m.string("when");
    if (!w) return std::nullopt;
    return lang::parse_condition(w->value, w->pos, diags);
}

void read_sections(Outline& o, const YamlNode& node, util::Diagnostics& diags) {
    if (!node.is_sequence()) {
        diags.error(pos_of(o.path, node), "wrong-type", "'sections' must be a list of sections (- id: ..., title: ..., clauses: [...])");
        return;
    }
    for (const auto& sn : node.items()) {
        YamlMap m(sn, o.path, diags, "a section", {"id", "title", "when", "clauses"});
        if (!m.ok()) continue;
        OutlineSection s;
        s.pos = m.pos();
        auto id = m.string("id", true);
        auto title = m.string("title", true);
        s.when = read_when(m, diags);
        auto clauses = m.get("clauses", true);
        m.finish();
        if (id) {
            std::string why;
            if (!util::is_simple_id(id->value, &why)) diags.error(id->pos, "invalid-id", "section id " + why);
            for (const auto& other : o.sections)
                if (other.id == id->value) diags.error(id->pos, "duplicate-id", "section id '" + id->value + "' is used twice in this outline");
            s.id = id->value;
        }
        if (title) s.title = title->value;
        if (clauses && !clauses->is_sequence()) {
            diags.error(pos_of(o.path, *clauses), "wrong-type", "'clauses' must be a list of clause ids");
        } else if (clauses) {
            for (const auto& cn : clauses->items()) {
                ClauseEntry e;
                e.pos = pos_of(o.path, cn);
                if (cn.is_scalar()) {
                    e.id = cn.scalar();
                } else {
                    YamlMap cm(cn, o.path, diags, "a clause entry", {"id", "optional", "when"});
                    if (!cm.ok()) continue;
                    auto cid = cm.string("id", true);
                    if (auto opt = cm.boolean("optional")) e.optional = opt->value;
                    e.when = read_when(cm, diags);
                    cm.finish();
                    if (!cid) continue;
                    e.id = cid->value;
                    e.pos = cid->pos;
                }
                std::string why;
                if (!util::is_clause_id(e.id, &why)) {
                    diags.error(e.pos, "invalid-id", why);
                    continue;
                }
                s.clauses.push_back(std::move(e));
            }
        }
        o.sections.push_back(std::move(s));
    }
}

ParamType map_of(std::initializer_list<std::pair<const char*, ParamType::Kind>> fields) {
    ParamType t;
    t.kind = ParamType::Kind::map;
    for (const auto& [name, kind] : fields) {
        ParamType f;
        f.kind = kind;
        t.fields.push_back({name, f});
    }
    return t;
}

}  // namespace

model::ParamType make_scope(const std::vector<ParamSpec>& params) {
    using K = ParamType::Kind;
    ParamType root;
    root.kind = K::map;
    root.fields.push_back({"school", map_of({{"name", K::string},
                                             {"short_name", K::string},
                                             {"local_authority", K::string},
                                             {"phase", K::string},
                                             {"first_school", K::boolean},
                                             {"website", K::string},
                                             {"address", K::string},
                                             {"email", K::string},
                                             {"phone", K::string},
                                             {"vision", K::string}})});
    root.fields.push_back({"trust", map_of({{"name", K::string}, {"kind", K::string}})});
    root.fields.push_back({"policy", map_of({{"title", K::string},
                                             {"approved", K::string},
                                             {"approved_by", K::string},
                                             {"minute", K::string},
                                             {"review_period", K::string},
                                             {"next_review", K::string},
                                             {"draft", K::boolean}})});
    for (const auto& p : params) root.fields.push_back({p.name, p.type});
    return root;
}

void load_outline(Repository& repo, const std::string& id, const std::string& path, const std::string& text, util::Diagnostics& diags) {
    repo.sources.add(path, text);
    std::string why;
    if (!util::is_simple_id(id, &why)) {
        diags.error({path, 0, 0}, "invalid-id", "the outline's file name gives the policy id, and " + why, "rename the file");
        return;
    }
    // out/<school>/index.html is the school's policies page (write/school_page.hpp).
    if (id == "index") {
        diags.error({path, 0, 0}, "invalid-id",
                    "the outline's file name gives the policy id, and 'index' is kept for each school's policies page (out/<school>/index.html)",
                    "rename the file, for example to templates/index-policy.yaml");
        return;
    }
    auto root = parse_yaml(path, text, diags);
    if (!root) return;
    Outline o;
    o.id = id;
    o.path = path;
    YamlMap m(*root, path, diags, "a policy outline", {"title", "review_period", "approval", "params", "sections"});
    if (!m.ok()) return;
    if (auto t = m.string("title", true)) o.title = t->value;
    if (auto p = m.duration("review_period")) o.review_period = *p;
    if (auto a = m.string("approval")) o.approval = a->value;
    if (auto p = m.get("params")) read_params(o, *p, diags);
    if (auto s = m.get("sections", true)) read_sections(o, *s, diags);
    m.finish();
    o.scope = make_scope(o.params);
    for (auto& s : o.sections) {
        if (s.when) lang::check_condition(*s.when, o.scope, diags);
        for (auto& e : s.clauses)
            if (e.when) lang::check_condition(*e.when, o.scope, diags);
    }
    repo.outlines.push_back(std::move(o));
}

}  // namespace clausebook::load
