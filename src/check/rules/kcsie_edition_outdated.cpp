// kcsie-edition-outdated: the school follows an edition of Keeping Children Safe in Education
// older than the one in force on the day of the check, by the dated list in
// data/kcsie-editions.yaml. Points at the place the school's value comes from: its policy entry,
// its file, clausebook.yaml's defaults or the outline's default.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

namespace {

constexpr const char* k_param = "kcsie_edition";

const model::ParamValue* find(const std::vector<model::ParamValue>& values, const std::string& outline_id) {
    return model::find_param(values, k_param, outline_id);
}

}  // namespace

void kcsie_edition_outdated(const Context& ctx, std::vector<Finding>& out) {
    const model::KcsieEdition* current = ctx.kcsie.in_force_on(ctx.today);
    if (!current) return;
    for (const auto& s : ctx.subjects) {
        if (!s.outline) continue;  // a register entry: no parameters
        // The value the document uses, by the precedence of assemble/assembler.hpp.
        const model::ParamValue* v = s.policy ? find(s.policy->params, s.outline->id) : nullptr;
        if (!v) v = find(s.school->params, s.outline->id);
        if (!v) v = find(ctx.repo.config.default_params, s.outline->id);
        std::string value;
        util::SourcePos pos;
        if (v) {
            value = v->value.to_text();
            pos = v->pos;
        } else {
            const model::ParamSpec* spec = nullptr;
            for (const auto& p : s.outline->params)
                if (p.name == k_param) spec = &p;
            if (!spec || !spec->default_value) continue;  // the policy has no such setting
            value = spec->default_value->to_text();
            pos = spec->pos;
        }
        auto year = model::edition_year(value);
        if (!year || *year >= current->year) continue;
        add_finding(out, &s, pos,
                    s.label() + " follows Keeping Children Safe in Education " + value + ", but the " + current->edition + " edition has been in force since " +
                        util::to_long(current->in_force) + " (" + model::k_kcsie_list_path + ")",
                    "review the policy against the " + current->edition + " edition and set " + k_param + ": \"" + current->edition + "\"" +
                        (current->source.empty() ? std::string() : "; see " + current->source));
    }
}

}  // namespace clausebook::check::rules_impl
