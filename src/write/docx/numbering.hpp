// word/numbering.xml: one abstract definition and one w:num instance per Markdown list, so that
// every list starts again at its own first number in Word, LibreOffice and pandoc (sharing
// one definition between lists is what makes Word continue a list's count into the next).
// A nested list is a list of its own whose items sit at the nesting depth's level.
#pragma once

#include <string>
#include <vector>

namespace clausebook::write::docx {

enum class ListKind { bullet, ordered_period, ordered_paren };

class Numbering {
public:
    // A new list; returns its w:numId (1, 2, ...). `start` is the first number of an ordered list.
    int add_list(ListKind kind, int start, int level);

    // The left indent of list level `level` (0-based), in twips: the text of an item's later
    // paragraphs lines up with this.
    static int indent_of(int level);

    bool empty() const { return m_lists.empty(); }

    // The part: every w:abstractNum, then every w:num (the schema's order).
    std::string part() const;

    struct List {
        ListKind kind;
        int start;
        int level;
    };
    // The lists added so far; list i has w:numId i + 1.
    const std::vector<List>& lists() const { return m_lists; }

private:
    std::vector<List> m_lists;
};

}  // namespace clausebook::write::docx
