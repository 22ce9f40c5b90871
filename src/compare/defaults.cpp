#include "compare/defaults.hpp"

#include "util/escape.hpp"
#include "util/text.hpp"

namespace clausebook::compare {

namespace {

// The trust default for `name`: clausebook.yaml's defaults, else the outline's; null if neither.
model::Value trust_default(const model::Repository& repo, const model::ParamSpec& spec) {
    for (const auto& p : repo.config.default_params)
        if (p.name == spec.name) return p.value;
    return spec.default_value ? *spec.default_value : model::Value();
}

bool has_trust_default(const model::Repository& repo, const model::ParamSpec& spec) {
    for (const auto& p : repo.config.default_params)
        if (p.name == spec.name) return true;
    return spec.default_value.has_value();
}

void collect(const std::vector<model::MustacheNode>& nodes, std::set<std::string>& out) {
    for (const auto& n : nodes) {
        if (n.kind != model::MustacheNode::Kind::text && !n.path.empty() && n.path[0] != ".") out.insert(n.path[0]);
        collect(n.children, out);
    }
}

}  // namespace

std::vector<ParamChange> changed_params(const model::Repository& repo, const model::Outline& outline, const model::Value& context) {
    std::vector<ParamChange> out;
    for (const auto& spec : outline.params) {
        if (!has_trust_default(repo, spec)) continue;
        model::Value def = trust_default(repo, spec);
        const model::Value* v = context.get(spec.name);
        model::Value value = v ? *v : model::Value();
        if (value == def) continue;
        out.push_back({spec.name, value_text(value), value_text(def)});
    }
    return out;
}

model::Value default_context(const model::Value& context, const model::Repository& repo, const model::Outline& outline) {
    model::Value out = context;
    for (const auto& spec : outline.params)
        if (has_trust_default(repo, spec)) out.set(spec.name, trust_default(repo, spec));
    return out;
}

std::set<std::string> names_used(const model::Template& t) {
    std::set<std::string> out;
    collect(t.nodes, out);
    return out;
}

std::string render_clause(const model::Template& t, const model::Value& context) {
    lang::RenderOptions opt;
    opt.escape = util::escape_markdown;
    opt.unescaped = util::markdown_without_html;
    opt.on_missing = [](const model::MustacheNode&) {};
    return lang::render(t, context, opt);
}

std::string value_text(const model::Value& v) {
    if (v.is_null()) return "(none)";
    if (const auto* list = v.as_list()) {
        std::vector<std::string> items;
        for (const auto& item : *list) items.push_back(value_text(item));
        return list->empty() ? "(none)" : util::join(items, ", ");
    }
    if (v.is_map()) {
        const model::Value* name = v.get("name");
        return name ? name->to_text() : "(details)";
    }
    if (const bool* b = std::get_if<bool>(&v.data)) return *b ? "yes" : "no";
    return v.to_text();
}

}  // namespace clausebook::compare
