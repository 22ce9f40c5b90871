// param-out-of-range: an integer parameter outside the range its outline declares, such as a
// minimum platform age of 10 when no major platform allows accounts under 13. The loader warns
// about the same values; check reports them per school and policy (see Rule::takes_over).
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

namespace {

void check_values(const Context& ctx, const Subject* s, const model::Outline& o, const std::vector<model::ParamValue>& values, std::vector<Finding>& out) {
    for (const auto& v : values) {
        if (!v.outline.empty() && v.outline != o.id) continue;  // read with another policy's type
        const model::ParamSpec* spec = o.param(v.name);
        const auto* n = std::get_if<std::int64_t>(&v.value.data);
        if (!spec || !n || spec->type.kind != model::ParamType::Kind::integer) continue;
        if ((!spec->type.min || *n >= *spec->type.min) && (!spec->type.max || *n <= *spec->type.max)) continue;
        add_finding(out, s, v.pos, "'" + v.name + "' is " + std::to_string(*n) + ", outside the range policy '" + o.id + "' allows: " + spec->type.describe(),
                    spec->description.empty() ? "use a value within the range" : "use a value within the range (" + spec->description + ")", v.name);
    }
    (void)ctx;
}

}  // namespace

void param_out_of_range(const Context& ctx, std::vector<Finding>& out) {
    if (ctx.library)
        for (const auto& o : ctx.repo.outlines) check_values(ctx, nullptr, o, ctx.repo.config.default_params, out);
    for (const auto& s : ctx.subjects) {
        if (!s.outline) continue;  // a register entry: no parameters
        check_values(ctx, &s, *s.outline, s.school->params, out);
        if (s.policy) check_values(ctx, &s, *s.outline, s.policy->params, out);
    }
}

}  // namespace clausebook::check::rules_impl
