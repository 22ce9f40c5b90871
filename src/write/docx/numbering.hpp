// word/numbering.xml. Every numbered (ordered) Markdown list gets an abstract definition and a
// w:num instance of its own, so that it starts again at its own first number in Word,
// LibreOffice and pandoc (sharing one definition between lists is what makes Word continue a
// list's count into the next). Bullets count nothing, so every bulleted list of a document
// shares one instance, as lists made in Word do; that keeps a clause's bulleted lists free of
// document-specific ids, so one rendering serves every school. A nested list is a list of its
// own whose items sit at the nesting depth's level.
#pragma once

#include <string>
#include <vector>

namespace clausebook::write::docx {

enum class ListKind { bullet, ordered_period, ordered_paren };

class Numbering {
public:
    // The w:numId of every bulleted list.
    static constexpr int k_bullet_num_id = 1;

    // A new list; returns its w:numId: k_bullet_num_id for bullets, else 2, 3, ... in the order
    // ordered lists are added. `start` is the first number of an ordered list.
    int add_list(ListKind kind, int start, int level);

    // The left indent of list level `level` (0-based), in twips: the text of an item's later
    // paragraphs lines up with this.
    static int indent_of(int level);

    // The part: every w:abstractNum, then every w:num (the schema's order).
    std::string part() const;

    struct List {
        ListKind kind;
        int start;
        int level;
    };
    // Whether any bulleted list was added; the ordered lists added, list i having w:numId i + 2.
    bool has_bullets() const { return m_bullets; }
    const std::vector<List>& ordered() const { return m_ordered; }

private:
    bool m_bullets = false;
    std::vector<List> m_ordered;
};

}  // namespace clausebook::write::docx
