// Word-level redlines: two texts -> the spans a reader sees as kept, deleted and inserted.
// Three steps: tokenise (words, punctuation, paragraph breaks; the whitespace before a token
// travels with it), Myers' O(ND) diff over the tokens' comparison keys, then a semantic
// clean-up so that the result reads as a good redline does: every change is whole words, and
// short survivals ("on", "the", ",") stranded between two larger changes are folded into one
// edit. Idea after Neil Fraser's diff-match-patch semantic clean-up; the code is our own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clausebook::compare {

struct DiffOptions {
    // false (default): whitespace, smart versus straight quotes and list numbering ("1." / "2.",
    // "-" / "*") compare equal. true: every byte counts.
    bool exact = false;
};

struct Token {
    std::string lead;  // the whitespace before the token, as written
    std::string text;  // a word, one punctuation character, or "" for a paragraph break
    std::string key;  // what the diff compares
    bool word = false;  // letters or digits (what counts towards word totals)
    bool marker = false;  // a list item's marker at the start of a line ("-", "1.")
};

// Splits `text` into tokens. A word is a run of letters, digits and non-ASCII letters, with
// apostrophes inside it ("school's"); a blank line is a paragraph-break token; whitespace
// trailing the last token is dropped.
std::vector<Token> tokenise(std::string_view text, const DiffOptions& options = {});

enum class Op { equal, del, ins };

// One stretch of a redline. Change spans never start or end with whitespace: the whitespace
// around a change stays in the neighbouring equal span. Paragraph breaks are "\n\n".
struct Span {
    Op op = Op::equal;
    std::string text;
};

struct Redline {
    std::vector<Span> spans;  // equal spans show the new text (b)
    double similarity = 1.0;  // 2 * tokens kept / (tokens in a + tokens in b): 1 identical, 0 nothing shared
    bool changed() const;  // any del or ins span
    // Words deleted and inserted (after clean-up), for summaries.
    std::size_t words_deleted = 0;
    std::size_t words_inserted = 0;
};

// The redline that turns `a` into `b`.
Redline word_diff(std::string_view a, std::string_view b, const DiffOptions& options = {});

// The shortest edit script between two key sequences: for each step, equal, del (from a) or
// ins (from b), in order. Exposed for tests.
std::vector<Op> myers_diff(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace clausebook::compare
