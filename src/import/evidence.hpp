// Is the document this policy at all? (docs/import.md, "Refusing what is not the policy".) The
// evidence import weighs before it writes anything, unless --force:
//
// - its paragraphs: a block is evidence when its own words read like the clause they are closest
//   to (cosine k_good_cosine or more, without the heading's and neighbours' help). Enough when at
//   least `needed` clauses have such a block and such blocks hold k_min_good_share of the body's
//   words; `needed` grows with what the document and the outline could show: a quarter of the
//   smaller of the two (its body's paragraphs, the outline's clauses), at least 1 and at most
//   k_min_good_clauses, so a one-paragraph extract of the policy can pass and a many-page
//   document must match several clauses well;
// - or what it names: its own title names the outline's subject, or a quarter of its body's
//   blocks do. A real policy's opening paraphrases the library's introduction too loosely for its
//   paragraphs alone to show what it is; a policy on bullying or phones, or a letter, names the
//   subject now and then, a policy on it names it throughout.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "import/align.hpp"
#include "import/blocks.hpp"

namespace clausebook::import {

constexpr double k_good_cosine = 0.30;
constexpr double k_min_good_share = 0.05;
constexpr int k_min_good_clauses = 3;
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
    // What the document names, whatever the alignment makes of its blocks (name_subject).
    struct Subject {
        bool in_title = false;  // its title, or one of its first three short lines, names the outline's subject
        int blocks = 0;  // body blocks naming it
        double share = 0;  // and their share of the body
    } subject;

    bool reads_like_clauses() const { return good_clauses >= needed_clauses && good_share >= k_min_good_share; }
    bool names_subject_throughout() const { return subject.blocks >= k_min_subject_blocks && subject.share >= k_min_subject_share; }
    bool enough() const { return subject.in_title || names_subject_throughout() || reads_like_clauses(); }
};

// The paragraphs' evidence: `placements` (one per body block) against an outline of `clauses`.
// Evidence::subject is left empty (name_subject).
Evidence weigh(const std::vector<Block>& blocks, const std::vector<Placement>& placements, std::size_t clauses);

// Whether a document titled `title` names the subject of the policy titled `outline_title`: their
// titles share at least two of the outline's subject words (its title's words as stems, less
// policy, school and the like), or its only one when it has one.
bool title_names_subject(const std::string& title, const std::string& outline_title);

// What the document names of the outline titled `outline_title`: its own titles (`own_titles`:
// the title its facts read and its first short lines) and its body blocks (`body`, indexes into
// `blocks`), each by title_names_subject's rule.
Evidence::Subject name_subject(const std::vector<Block>& blocks, const std::vector<std::size_t>& body, const std::vector<std::string>& own_titles,
                               const std::string& outline_title);

// Better evidence: enough of it first, then the share of words that read like their clauses.
bool better(const Evidence& a, const Evidence& b);

// Why a document without enough evidence does not read as the policy, in words for the error.
std::string why_not_the_policy(const Evidence& e);

}  // namespace clausebook::import
