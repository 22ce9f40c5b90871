// The word-level redline on hand-made cases: what a reader of a redline expects to see.
#include <catch2/catch.hpp>

#include "compare/word_diff.hpp"

using namespace clausebook::compare;

namespace {

// The redline as `[-deleted-]{+inserted+}` text.
std::string show(const Redline& r) {
    std::string out;
    for (const auto& s : r.spans) out += s.op == Op::equal ? s.text : s.op == Op::del ? "[-" + s.text + "-]" : "{+" + s.text + "+}";
    return out;
}

// The text on one side, rebuilt from the spans, with whitespace runs as one space (the
// whitespace at the edge of a change is shown once, outside it).
std::string side(const Redline& r, Op keep) {
    std::string text, out;
    for (const auto& s : r.spans)
        if (s.op == Op::equal || s.op == keep) text += s.text;
    for (char c : text)
        if (!(c == ' ' && (out.empty() || out.back() == ' '))) out += c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("identical texts have no changes and similarity 1", "[compare][diff]") {
    Redline r = word_diff("Staff do not connect with pupils.", "Staff do not connect with pupils.");
    CHECK_FALSE(r.changed());
    CHECK(r.similarity == 1.0);
    CHECK(show(r) == "Staff do not connect with pupils.");
}

TEST_CASE("a changed word is shown as that word only", "[compare][diff]") {
    Redline r = word_diff("The quick brown fox jumps.", "The slow brown dog jumps.");
    CHECK(show(r) == "The [-quick-]{+slow+} brown [-fox-]{+dog+} jumps.");
    CHECK(r.words_deleted == 2);
    CHECK(r.words_inserted == 2);
}

TEST_CASE("changes snap to whole words", "[compare][diff]") {
    Redline r = word_diff("Parents should report concerns.", "Parents must report concerns.");
    CHECK(show(r) == "Parents [-should-]{+must+} report concerns.");
    r = word_diff("the school's policy", "the schools' policy");
    CHECK(show(r) == "the [-school's-]{+schools'+} policy");
}

TEST_CASE("insertions at the start and at the end", "[compare][diff]") {
    CHECK(show(word_diff("pupils use phones.", "In school, pupils use phones.")) == "{+In school,+} pupils use phones.");
    CHECK(show(word_diff("Pupils use phones.", "Pupils use phones. Staff collect them.")) == "Pupils use phones. {+Staff collect them.+}");
}

TEST_CASE("a moved sentence is one deletion and one insertion, each whole", "[compare][diff]") {
    std::string a = "Report concerns to the headteacher. Keep a record of what you saw. Do not investigate yourself.";
    std::string b = "Keep a record of what you saw. Do not investigate yourself. Report concerns to the headteacher.";
    Redline r = word_diff(a, b);
    INFO(show(r));
    CHECK(side(r, Op::del) == a);
    CHECK(side(r, Op::ins) == b);
    std::size_t changes = 0;
    for (const auto& s : r.spans)
        if (s.op != Op::equal) {
            ++changes;
            CHECK(s.text.find("Report concerns to the headteacher.") != std::string::npos);
        }
    CHECK(changes == 2);
}

TEST_CASE("a whole clause replaced is one replacement, not a scatter of survivors", "[compare][diff]") {
    Redline r = word_diff("The school will contact the parent to discuss the post and ask for it to be removed.",
                          "Governors may write to a family about a comment and ask them to take it down.");
    INFO(show(r));
    CHECK(show(r) ==
          "[-The school will contact the parent to discuss the post and ask for it to be removed-]"
          "{+Governors may write to a family about a comment and ask them to take it down+}.");
    CHECK(r.similarity < 0.4);
}

TEST_CASE("one-word survivals between larger edits merge into the edit", "[compare][diff]") {
    Redline r = word_diff("The cat sat on the mat today.", "A dog lay on a rug today.");
    CHECK(show(r) == "[-The cat sat on the mat-]{+A dog lay on a rug+} today.");
}

TEST_CASE("whitespace, smart quotes and list numbering are ignored by default", "[compare][diff]") {
    CHECK_FALSE(word_diff("Staff  do not\nconnect.", "Staff do not connect.").changed());
    CHECK_FALSE(word_diff("the \xE2\x80\x9Csocial\xE2\x80\x9D pupil\xE2\x80\x99s", "the \"social\" pupil's").changed());
    CHECK_FALSE(word_diff("1. First\n2. Second\n", "3. First\n4. Second\n").changed());
    CHECK_FALSE(word_diff("- First\n- Second\n", "* First\n* Second\n").changed());
    DiffOptions exact{true};
    CHECK(word_diff("Staff  do", "Staff do", exact).changed());
    CHECK(word_diff("pupil\xE2\x80\x99s", "pupil's", exact).changed());
    CHECK(word_diff("1. First", "2. First", exact).changed());
}

TEST_CASE("a new paragraph is an insertion that starts with the paragraph break", "[compare][diff]") {
    Redline r = word_diff("First paragraph.", "First paragraph.\n\nSecond paragraph.");
    CHECK(show(r) == "First paragraph.{+\n\nSecond paragraph.+}");
    CHECK(word_diff("One.\n\nTwo.", "One. Two.").changed());
}

TEST_CASE("myers finds a shortest edit script", "[compare][diff]") {
    std::vector<std::string> a{"a", "b", "c", "a", "b", "b", "a"}, b{"c", "b", "a", "b", "a", "c"};
    auto ops = myers_diff(a, b);
    CHECK(std::count(ops.begin(), ops.end(), Op::equal) == 4);
    CHECK(ops.size() == 9);  // 4 kept, 3 deleted, 2 inserted
    CHECK(myers_diff({}, {"x"}) == std::vector<Op>{Op::ins});
    CHECK(myers_diff({"x"}, {}) == std::vector<Op>{Op::del});
}
