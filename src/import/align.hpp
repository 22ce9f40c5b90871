// Aligning an imported document's blocks to the clauses of a policy outline, as rendered for
// the school. The measure (docs/import.md has it in full, with the figures it gives):
//
// - each text is reduced to word stems (Snowball English, libstemmer) without common words;
// - each stem is weighted by TF-IDF, the IDF taken over the outline's clauses, so that words
//   every clause uses ("school", "staff") count for little and a clause's own words for much;
// - a block's score against a clause is half the cosine of their vectors and half the best
//   cosine with one unit of the clause (a sentence or list item, or two in a row: k_unit_weight,
//   k_unit_pairs; the units of the library's other variants of the clause too), or, for a block
//   of several sentences, the mean of its sentences' best cosines with a unit when that is more
//   (a school's paragraph that says what several sentences of the clause say), plus
//   k_neighbour_weight times the better of its two neighbours' scores for the same clause
//   (neighbours under the same heading only);
// - each block's best clause is its candidate; a block whose best scores under k_local_score is
//   the school's own text (a local clause);
// - the document is cut into runs, one clause each, in the outline's order (dynamic programming,
//   align.cpp); a run takes in only blocks whose best clause it is, or that read like no clause;
//   the other candidates are "moved": the document has them where the outline does not, so they
//   are written as local clauses where they stand, and the report names the clause each reads
//   like. The built policy thus keeps the document's order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "import/blocks.hpp"

namespace clausebook::import {

constexpr double k_local_score = 0.25;  // below this, a block is its school's own (a local clause)
constexpr double k_heading_weight = 0.0;  // the heading above a block against a clause's title and section
constexpr double k_neighbour_weight = 0.5;  // the best of the two neighbours' scores for the same clause
constexpr double k_unit_weight = 0.5;  // the clause sentence a block reads most like, against the whole clause
constexpr double k_stay_bonus = 0.0;  // a block continuing the clause of the block before it
constexpr double k_candidate_margin = 0.0;  // a block goes only to clauses scoring within this of its best

constexpr double k_join_margin = 0.0;  // a block joins a clause's run only when that clause scores within this of its best
constexpr bool k_unit_pairs = true;
constexpr bool k_aims_lists = true;  // a list the document introduces as its aims goes to the outline's clause of aims
constexpr bool k_scope_openings = true;  // "This policy applies to / covers ..." goes to the clause opening so, unless its words say which of that section
constexpr bool k_subject_definitions = true;  // "Social media is / means / includes ..." (the outline's subject defined) goes to the clause defining it
constexpr bool k_opening_purpose = true;  // the opening paragraphs that read like no clause go to the outline's clause of why the policy exists
constexpr double k_split_margin =
    0.0;  // a paragraph is cut where its parts read like different clauses by this much more than the whole  // each two sentences in a row of a clause are a unit too

struct ClauseTarget {
    std::string id;
    std::string title;
    std::string section_title;
    std::string text;  // the clause's plain words, rendered for this school
    // The library's other variants of the clause, as plain words without their placeholders:
    // further sentences the clause may be read as (a school's wording is often nearer another
    // variant than the one it is given), compared as units only.
    std::vector<std::string> other_wordings;
};

struct Candidate {
    std::string clause_id;
    double score = 0;
};

struct Placement {
    std::size_t block = 0;  // index into the document's blocks
    std::string clause_id;  // empty: not matched (a local clause)
    double score = 0;  // against clause_id (or the best clause when unmatched)
    double cosine = 0;  // the block's own words against that clause's, without heading or neighbours
    std::string closest;  // the clause whose words the block's own words are closest to, order and context aside
    double closest_cosine = 0;
    std::vector<Candidate> others;  // the next two candidates
    bool moved = false;
    std::string best;  // the best-scoring clause, order aside
    // The rule that placed the block there by how it opens or where it stands rather than by its
    // words: "aims" (an item of a list of the document's aims), "scope" ("This policy applies
    // to..."), "definition" (the policy's subject defined), "opening" (the policy's opening
    // paragraphs); empty when its words did.
    std::string rule;
};

class Measure;  // align.cpp

// The outline's clauses as the measure reads them (their terms, weights and units, indexed by
// term), built once for a document's clauses and used by split_paragraphs and align alike.
class ClauseIndex {
public:
    // `subjects`: what the policy is about, as its outline's title names it (subject_terms).
    explicit ClauseIndex(const std::vector<ClauseTarget>& clauses, std::vector<std::string> subjects = {});
    ~ClauseIndex();
    ClauseIndex(const ClauseIndex&) = delete;
    ClauseIndex& operator=(const ClauseIndex&) = delete;
    Measure& measure() { return *measure_; }
    const std::vector<std::string>& subjects() const { return subjects_; }

private:
    std::unique_ptr<Measure> measure_;
    std::vector<std::string> subjects_;
};

// Aligns blocks[i] for every i in `body` (document order). `heading_of[k]` is the text of the
// heading above body[k] (may be empty).
std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of,
                             const std::vector<ClauseTarget>& clauses);
// The same with the clauses' index built once (`index` made from `clauses`).
std::vector<Placement> align(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& heading_of,
                             const std::vector<ClauseTarget>& clauses, ClauseIndex& index);

// A paragraph whose sentences read like different clauses (a school's paragraph often says what
// two clauses say): the byte offsets in its text at which its later parts start.
struct Split {
    std::size_t block = 0;  // index into the document's blocks
    std::vector<std::size_t> starts;  // ascending, each at the start of a sentence
};

// The paragraphs and list items among blocks[i], i in `body`, to cut into parts before they are
// aligned: where parts of one read like different clauses clearly better than the whole reads
// like its best (k_split_margin); each part is then a block of its own.
std::vector<Split> split_paragraphs(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<ClauseTarget>& clauses);
std::vector<Split> split_paragraphs(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<ClauseTarget>& clauses,
                                    ClauseIndex& index);

// Where the sentences of `text` start (byte offsets, the first 0): after ".", "?" or "!" and a
// space before a capital letter, but not after an initial or a common abbreviation ("St. Wenn",
// "e.g. Facebook").
std::vector<std::size_t> sentence_starts(const std::string& text);

// The text's last sentence leads into a list of its own aims: "The purpose of this policy is
// to:", "This guidance aims to:", "It aims to:", "Objectives:" (and so does a clause's opening
// "This policy aims to:").
bool states_aims(const std::string& text);
// The text opens by saying whom or what the policy covers: "This policy applies to ...", "This
// policy covers ...", "The guidance also applies ...".
bool states_scope(const std::string& text);
// A heading naming the aims: "Aims", "Purpose", "1.1 Objectives", "Aims of this policy".
bool names_aims(const std::string& heading);

// What a policy is about, as its outline's title names it, lower-case: "Social Networking and
// Social Media Policy" -> {"social networking", "social media"}; "Anti-bullying Policy" ->
// {"anti-bullying", "bullying"}.
std::vector<std::string> subject_terms(const std::string& outline_title);
// The subject of a clause's title that says it defines a term ("What we mean by social media",
// "Definition of bullying", "Definitions": empty), lower-case; nullopt when the title is no such.
std::optional<std::string> defined_by_title(const std::string& title);
// The text opens by defining one of `subjects`: "Social media is a type of interactive online
// media", "Social networking sites include:", "For the purposes of this policy, social media
// means".
bool defines_subject(const std::string& text, const std::vector<std::string>& subjects);

// A heading over a policy's opening: "Introduction", "1. Background", "Rationale", "Overview",
// "Policy statement", "Statement of intent", "Why we have this policy".
bool names_introduction(const std::string& heading);
// A heading that names the document itself ("Social Media Policy", "Model Social Networking
// Policy", "Use of Social Media Code of Conduct"): the paragraphs under it open the policy.
bool names_document(const std::string& heading);
// A clause's title saying it is why the policy exists: "Why we have this policy", "Purpose",
// "Rationale", "Background", "Introduction".
bool titles_purpose(const std::string& title);

// Words of `text` as stems, without common words: what the measure compares.
std::vector<std::string> stems(const std::string& text);

// Texts equal up to case, whitespace, punctuation, quotes and list numbers.
bool same_words(const std::string& a, const std::string& b);
std::string normalise_words(const std::string& text);

}  // namespace clausebook::import
