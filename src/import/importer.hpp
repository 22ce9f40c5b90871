// `clausebook import`, without the command line: read the document, find its facts, align its
// blocks to the outline's clauses rendered for this school, and work out the school file that
// reproduces it (src/cli/import_command.cpp writes it, keeps the approved copy and prints the
// report). Nothing here writes a file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/align.hpp"
#include "import/blocks.hpp"
#include "import/facts.hpp"
#include "model/repository.hpp"
#include "util/date.hpp"
#include "util/diagnostics.hpp"

namespace clausebook::import {

// Is the document this policy at all? (docs/import.md, "Refusing what is not the policy".) A block
// is evidence when its own words read like the clause it went to (cosine k_good_cosine or more,
// without the heading's and neighbours' help). The document is refused, unless --force, when
// fewer than `needed` clauses have such a block, or when such blocks hold less than
// k_min_good_share of the body's words. `needed` grows with what the document and the outline
// could show: a quarter of the smaller of the two (its body's paragraphs, the outline's clauses),
// at least 1 and at most k_min_good_clauses, so a one-paragraph extract of the policy can pass
// and a many-page document must match several clauses well.
constexpr double k_good_cosine = 0.30;
constexpr double k_min_good_share = 0.05;
constexpr int k_min_good_clauses = 3;
// Or the document names the outline's subject throughout: in this share of its body's blocks, and
// in at least this many (title_names_subject's rule, applied to each block).
constexpr double k_min_subject_share = 0.25;
constexpr int k_min_subject_blocks = 2;

struct Evidence {
    int body_blocks = 0;
    int outline_clauses = 0;
    int good_blocks = 0;  // blocks reading like their clause
    int good_clauses = 0;  // distinct clauses with such a block
    int needed_clauses = 1;
    double placed_share = 0;  // share of the body's words placed in a library clause at all
    double good_share = 0;  // share of the body's words in blocks reading like their clause
    double best_cosine = 0;  // the best any block reads like any clause
    // The document's own title names the outline's subject ("Use of Social Media Policy" for
    // "Social Networking and Social Media Policy": title_names_subject). A real policy's opening
    // paraphrases the library's introduction too loosely for its paragraphs alone to show what it
    // is; its title says so, where a policy on bullying or phones that mentions social media does not.
    bool title_names_subject = false;
    // Body blocks naming the outline's subject ("social media", "social networking sites"), and
    // their share of the body: a policy on it names it throughout, another policy now and then.
    int subject_blocks = 0;
    double subject_share = 0;
    bool names_subject_throughout() const { return subject_blocks >= k_min_subject_blocks && subject_share >= k_min_subject_share; }
    bool enough() const { return title_names_subject || names_subject_throughout() || (good_clauses >= needed_clauses && good_share >= k_min_good_share); }
};

// Whether a document titled `title` names the subject of the policy titled `outline_title`: their
// titles share at least two of the outline's subject words (its title's words as stems, less
// policy, school and the like), or its only one when it has one.
bool title_names_subject(const std::string& title, const std::string& outline_title);

struct Request {
    std::filesystem::path file;
    std::string display_path;
    std::string school_id;
    std::string policy_id;  // empty: the outline the document matches best
    ReadOptions read;
    bool force = false;
    util::Date today;
};

struct ClauseOutcome {
    std::string clause_id;
    std::string title;
    std::string outcome;  // same, params, reworded, excluded, gap
    double similarity = 0;
    std::vector<std::size_t> blocks;
    std::string detail;  // params: what was written
};

struct LocalOutcome {
    std::string id;
    std::string title;
    std::string anchor_key, anchor;
    std::vector<std::size_t> blocks;
    bool moved = false;
    std::string moved_from;  // the clause it reads like
};

struct BlockFate {
    std::string fate;  // "clause", "local", "dropped", "title page", "heading"
    std::string clause_id;
    std::string local_id;
    std::string reason;  // for dropped
    const Placement* placement = nullptr;
};

struct Plan {
    ImportedDocument doc;
    Facts facts;
    std::string school_id, policy_id, policy_title;
    std::vector<Placement> placements;
    std::vector<ClauseOutcome> clauses;
    std::vector<LocalOutcome> locals;
    std::vector<BlockFate> fates;  // per block
    double matched_share = 0;  // share of the body's words placed in a library clause
    Evidence evidence;  // how far the document reads as the chosen outline's policy
    std::map<std::string, double> other_outlines;  // policy id -> matched share
    std::string path;  // schools/<id>.yaml
    std::filesystem::path file;
    bool existed = false;
    std::string old_text, new_text;
    std::vector<std::string> notes;
    std::optional<util::Date> copy_date;  // the approved copy's date
    std::string copy_date_from;  // "approved", "last reviewed", "today"
};

// Blocks as the Markdown of an override or local clause, verbatim (escaped): paragraphs, list
// items with their numbers, tables; also used for clausebook's own documents (own_document.hpp).
std::string block_markdown(const Block& b);
std::string blocks_markdown(const std::vector<Block>& blocks, const std::vector<std::size_t>& idx);

// A local clause's title from its first paragraph: its first words, up to eight and to the first
// '.', ':' or ';'; `fallback` when there are none.
std::string short_title(const std::string& text, const std::string& fallback);

// Works out the import. Problems are errors in `diags` (exit 2): unreadable or bad documents,
// a document matching almost nothing, a school file of another school.
Plan plan_import(const model::Repository& repo, const Request& request, util::Diagnostics& diags);

}  // namespace clausebook::import
