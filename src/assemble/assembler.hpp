// The assemble stage: one school + one outline + the library -> one Document. Picks clauses
// (conditions, exclusions, variants, overrides, local clauses), resolves parameters (policy,
// school, repository defaults, outline defaults, highest first) and fills placeholders.
#pragma once

#include "model/repository.hpp"
#include "model/document.hpp"
#include "model/value.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::assemble {

// The parameter values for `school` and `outline`, highest precedence first resolved.
model::Value resolve_params(const model::Repository& repo, const model::School& school, const model::Outline& outline);

// The dates and names of `school`'s copy of `outline`, and as much of its approval status as
// can be told without the text: a draft when there is no approved copy of the stated approval
// date, else DraftReason::unsettled (assemble_document settles it).
model::Metadata make_metadata(const model::Repository& repo, const model::School& school, const model::Outline& outline);

// The dates and names of a register entry (a policy clausebook does not write), in the shape of
// a generated policy's metadata, so that check, schedule, renew, compare and the index read both
// kinds alike. Approved when it records an approval date; its next review is derived as for a
// generated policy.
model::Metadata make_register_metadata(const model::Repository& repo, const model::School& school, const model::RegisterEntry& entry);

// Every policy `school` keeps, both kinds: the outlines it lists (in outline order), then its
// register entries (in file order).
std::vector<model::Metadata> school_register(const model::Repository& repo, const model::School& school);

// What placeholders and conditions see: school, trust, policy and the parameters.
model::Value make_context(const model::Repository& repo, const model::School& school, const model::Outline& outline, const model::Metadata& meta);

enum class Rendering {
    settled,  // approved or draft, as the approved copy says (the document every command uses)
    as_approved,  // the text as it reads once approved (no draft marks): what renew keeps
    checked,  // settled as `settled` is, and the same problems reported, but every clause's
    // markdown left empty (check reads the metadata and the problems, not the text)
};

// Assembles the document and settles its approval status: approved only when the text
// assembled as approved equals the newest approved copy (clause by clause, ignoring formatting
// as diff does, the cover and status block left out) and that copy is dated the stated
// approval date; otherwise a draft, assembled again with policy.draft true if it differs.
// Problems that only show for this school (a placeholder whose optional value it does not
// give) go to `diags` with rule "missing-value".
model::Document assemble_document(const model::Repository& repo, const model::School& school, const model::Outline& outline, util::Diagnostics& diags,
                                  Rendering rendering = Rendering::settled);

// Whether `doc`'s text is the text of the approved copy `markdown` (clauses and title, matched by
// id, ignoring formatting; the cover is not compared).
bool same_text_as_copy(const model::Document& doc, const std::string& markdown, bool allow_raw_html);

}  // namespace clausebook::assemble
