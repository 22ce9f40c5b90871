// word_diff(): tokens -> Myers diff -> semantic clean-up -> spans. See word_diff.hpp.
#include "compare/word_diff.hpp"

#include <algorithm>

namespace clausebook::compare {

namespace {

// A stretch of the edit script: kept tokens (a and b side by side, equal keys), or one change
// (tokens deleted from a, tokens inserted from b; either may be empty).
struct Piece {
    bool change = false;
    std::vector<const Token*> a;
    std::vector<const Token*> b;
};

std::size_t words_in(const std::vector<const Token*>& tokens) {
    return static_cast<std::size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token* t) { return t->word; }));
}

std::vector<Piece> pieces_of(const std::vector<Op>& ops, const std::vector<Token>& ta, const std::vector<Token>& tb) {
    std::vector<Piece> out;
    std::size_t i = 0, j = 0;
    for (Op op : ops) {
        bool change = op != Op::equal;
        if (out.empty() || out.back().change != change) out.push_back({change, {}, {}});
        if (op != Op::ins) out.back().a.push_back(&ta[i++]);
        if (op != Op::del) out.back().b.push_back(&tb[j++]);
    }
    // Kept pieces at both ends, so that pieces alternate kept, change, ..., kept.
    if (out.empty() || out.front().change) out.insert(out.begin(), Piece{});
    if (out.back().change) out.push_back(Piece{});
    return out;
}

// How good a place the gap between tokens `x` and `y` (nullptr: the text's edge) is for a
// change to start or end: the text's edges, paragraphs and list items best, then after a
// sentence, a clause, a comma, between words; never just before punctuation.
int boundary_score(const Token* x, const Token* y) {
    if (!x || !y) return 6;
    if (x->text == "\n\n" || y->text == "\n\n" || y->marker) return 5;
    if (!y->word && y->text != "(" && y->text != "\"" && y->text != "'") return 0;
    if (x->text == "." || x->text == "!" || x->text == "?") return 4;
    if (x->text == ";" || x->text == ":") return 3;
    if (x->text == ",") return 2;
    return 1;
}

using Side = std::vector<const Token*> Piece::*;
constexpr Side k_sides[] = {&Piece::a, &Piece::b};

// Pieces alternate kept, change, kept, ..., kept (kept pieces may be empty); `c` is a change.
// Slides change c one token left (or right) when every side it has ends (starts) with the
// token kept before (after) it: the same words change, in another place.
bool slide(std::vector<Piece>& p, std::size_t c, bool left) {
    Piece &before = p[c - 1], &change = p[c], &after = p[c + 1];
    Piece& from = left ? before : after;
    if (from.b.empty()) return false;
    for (Side s : k_sides) {
        const auto& side = change.*s;
        if (!side.empty() && (left ? side.back() : side.front())->key != (left ? (from.*s).back() : (from.*s).front())->key) return false;
    }
    for (Side s : k_sides) {
        auto &bs = before.*s, &cs = change.*s, &as = after.*s;
        if (left) {
            const Token* t = bs.back();
            bs.pop_back();
            if (!cs.empty()) cs.insert(cs.begin(), t), t = cs.back(), cs.pop_back();
            as.insert(as.begin(), t);
        } else {
            const Token* t = as.front();
            as.erase(as.begin());
            if (!cs.empty()) cs.push_back(t), t = cs.front(), cs.erase(cs.begin());
            bs.push_back(t);
        }
    }
    return true;
}

int edge_score(const std::vector<Piece>& p, std::size_t c) {
    int score = 0;
    for (Side s : k_sides) {
        const auto& side = p[c].*s;
        if (side.empty()) continue;
        const auto &before = p[c - 1].*s, &after = p[c + 1].*s;
        score += boundary_score(before.empty() ? nullptr : before.back(), side.front());
        score += boundary_score(side.back(), after.empty() ? nullptr : after.front());
    }
    return score;
}

// Moves each change to the place, among those with the same words changed, whose edges score
// best: "yourself{+. Report concerns+}." becomes "yourself. {+Report concerns.+}", and a
// changed list item starts at its marker. diff-match-patch calls this the lossless clean-up.
void align_boundaries(std::vector<Piece>& p) {
    for (std::size_t c = 1; c + 1 < p.size(); c += 2) {
        while (slide(p, c, true)) {}
        int best = edge_score(p, c), offset = 0, at = 0;
        while (slide(p, c, false)) {
            ++at;
            if (int score = edge_score(p, c); score > best) best = score, offset = at;
        }
        for (; at > offset; --at) slide(p, c, true);
    }
}

// Drops empty kept pieces and joins neighbours of the same kind.
void compact(std::vector<Piece>& p) {
    std::vector<Piece> out;
    for (auto& piece : p) {
        if (!piece.change && piece.b.empty()) continue;
        if (!out.empty() && out.back().change == piece.change) {
            out.back().a.insert(out.back().a.end(), piece.a.begin(), piece.a.end());
            out.back().b.insert(out.back().b.end(), piece.b.begin(), piece.b.end());
        } else {
            out.push_back(std::move(piece));
        }
    }
    p = std::move(out);
}

// A kept stretch between two changes is folded into them when it has no words at all
// (punctuation, a paragraph break) or when it is at most two words and each neighbouring change
// is at least twice its size: "[-The cat sat-]{+A dog lay+} on [-the mat-]{+a rug+}" reads
// better as one replacement, "[-quick-]{+slow+} brown [-fox-]{+dog+}" does not.
bool absorbable(const Piece& kept, const Piece& before, const Piece& after) {
    std::size_t words = words_in(kept.b);
    if (words == 0) return true;
    if (words > 2) return false;
    auto size = [](const Piece& p) { return std::max(words_in(p.a), words_in(p.b)); };
    return words * 2 <= std::min(size(before), size(after));
}

void semantic_cleanup(std::vector<Piece>& pieces) {
    bool again = true;
    while (again) {
        again = false;
        for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
            Piece& kept = pieces[i];
            if (kept.change || !pieces[i - 1].change || !pieces[i + 1].change) continue;
            if (!absorbable(kept, pieces[i - 1], pieces[i + 1])) continue;
            Piece merged{true, pieces[i - 1].a, pieces[i - 1].b};
            for (const Piece* p : {&kept, &pieces[i + 1]}) {
                merged.a.insert(merged.a.end(), p->a.begin(), p->a.end());
                merged.b.insert(merged.b.end(), p->b.begin(), p->b.end());
            }
            pieces[i - 1] = std::move(merged);
            pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(i), pieces.begin() + static_cast<std::ptrdiff_t>(i + 2));
            again = true;
            break;
        }
    }
}

// Appends to the last span when it has the same op.
void emit(std::vector<Span>& spans, Op op, const std::string& text) {
    if (text.empty()) return;
    if (!spans.empty() && spans.back().op == op)
        spans.back().text += text;
    else
        spans.push_back({op, text});
}

// The tokens as text; the first token's lead is left out (it belongs outside the change).
std::string joined(const std::vector<const Token*>& tokens) {
    std::string s;
    for (std::size_t i = 0; i < tokens.size(); ++i) s += (i ? tokens[i]->lead : std::string()) + tokens[i]->text;
    return s;
}

std::vector<Span> spans_of(const std::vector<Piece>& pieces) {
    std::vector<Span> spans;
    for (const Piece& p : pieces) {
        if (!p.change) {
            // After a deletion at the start of b, the kept text keeps a's space before it.
            for (std::size_t k = 0; k < p.b.size(); ++k)
                emit(spans, Op::equal, (k == 0 && p.b[0]->lead.empty() && !spans.empty() ? p.a[0]->lead : p.b[k]->lead) + p.b[k]->text);
            continue;
        }
        // The whitespace before the change stays outside it: the new text's, else the old.
        const auto& first = p.b.empty() ? p.a : p.b;
        if (!spans.empty() && !first.empty()) emit(spans, Op::equal, first.front()->lead);
        emit(spans, Op::del, joined(p.a));
        emit(spans, Op::ins, joined(p.b));
    }
    return spans;
}

}  // namespace

bool Redline::changed() const {
    return std::any_of(spans.begin(), spans.end(), [](const Span& s) { return s.op != Op::equal; });
}

Redline word_diff(std::string_view a, std::string_view b, const DiffOptions& options) {
    std::vector<Token> ta = tokenise(a, options), tb = tokenise(b, options);
    std::vector<std::string> ka, kb;
    for (const auto& t : ta) ka.push_back(t.key);
    for (const auto& t : tb) kb.push_back(t.key);
    std::vector<Op> ops = myers_diff(ka, kb);

    Redline r;
    std::size_t kept = static_cast<std::size_t>(std::count(ops.begin(), ops.end(), Op::equal));
    r.similarity = ta.empty() && tb.empty() ? 1.0 : 2.0 * static_cast<double>(kept) / static_cast<double>(ta.size() + tb.size());
    std::vector<Piece> pieces = pieces_of(ops, ta, tb);
    align_boundaries(pieces);
    semantic_cleanup(pieces);
    align_boundaries(pieces);
    compact(pieces);
    for (const Piece& p : pieces)
        if (p.change) r.words_deleted += words_in(p.a), r.words_inserted += words_in(p.b);
    r.spans = spans_of(pieces);
    return r;
}

}  // namespace clausebook::compare
