// approved-text-changed and approved-text-unknown (issue 13): whether the text a document shows
// is the text its board approved, as assemble settled it against the approved copies renew
// keeps (approved/<school>/<policy>/<YYYY-MM-DD>.md). Both point at the school file's
// approved: line, the claim that the copy does not bear out.
#include "check/rules.hpp"

namespace clausebook::check::rules_impl {

namespace {

util::SourcePos approved_pos(const Subject& s) { return s.approved() ? s.approved()->pos : s.where(); }

std::string diff_command(const Subject& s) { return "clausebook diff " + s.school->id + " --since-approval --policy " + s.policy_id(); }

std::string renew_command(const Subject& s) { return "clausebook renew " + s.school->id + " " + s.policy_id() + " --approved YYYY-MM-DD"; }

}  // namespace

void approved_text_changed(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const model::Metadata& m = s.document.meta;
        if (m.draft_reason != model::DraftReason::text_changed) continue;
        add_finding(out, &s, approved_pos(s),
                    s.label() + " differs from the text the board approved on " + util::to_long(*m.approved_copy_date) + " (" + m.approved_copy +
                        "): the board has not seen this text, so every format shows it as a draft",
                    "see what changed with: " + diff_command(s) + "; once the board approves it, record that with: " + renew_command(s));
    }
}

void approved_text_unknown(const Context& ctx, std::vector<Finding>& out) {
    for (const auto& s : ctx.subjects) {
        const model::Metadata& m = s.document.meta;
        if (!m.approved) continue;
        std::string expected = "approved/" + s.school->id + "/" + s.policy_id() + "/" + util::to_iso(*m.approved) + ".md";
        if (m.draft_reason == model::DraftReason::copy_missing) {
            add_finding(
                out, &s, approved_pos(s),
                s.label() + " records an approval on " + util::to_long(*m.approved) + ", but there is no copy of the text approved then (" + expected +
                    "): clausebook cannot tell what the board approved, so every format shows it as a draft",
                "put the approved text there if the board's papers have it, or have the board approve this text and record it with: " + renew_command(s));
        } else if (m.draft_reason == model::DraftReason::copy_date_differs) {
            add_finding(
                out, &s, approved_pos(s),
                s.label() + " records an approval on " + util::to_long(*m.approved) + ", but the newest approved copy (" + m.approved_copy + ") is of " +
                    util::to_long(*m.approved_copy_date) + ", not that day: clausebook cannot tell what the board approved",
                "correct the approval date, or keep the text approved that day as " + expected + ", or record the next approval with: " + renew_command(s));
        }
    }
}

}  // namespace clausebook::check::rules_impl
