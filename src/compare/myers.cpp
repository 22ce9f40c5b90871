// myers_diff(): Eugene W. Myers, "An O(ND) Difference Algorithm and Its Variations",
// Algorithmica 1 (1986), the greedy forward search with the frontier kept at every step for
// the walk back. Common prefix and suffix are taken off first; a pair of texts that share
// almost nothing (more than k_max_edits steps apart) is reported as all deleted then all
// inserted, which is what the semantic clean-up would make of it anyway.
#include "compare/word_diff.hpp"

namespace clausebook::compare {

namespace {

constexpr long k_max_edits = 6000;

using Keys = std::vector<std::string>;

void middle(const Keys& a, std::size_t a0, std::size_t a1, const Keys& b, std::size_t b0, std::size_t b1, std::vector<Op>& out) {
    const long n = static_cast<long>(a1 - a0), m = static_cast<long>(b1 - b0);
    auto all_replaced = [&] {
        out.insert(out.end(), static_cast<std::size_t>(n), Op::del);
        out.insert(out.end(), static_cast<std::size_t>(m), Op::ins);
    };
    if (n == 0 || m == 0 || n + m > 4 * k_max_edits) return all_replaced();
    const long max = n + m;
    std::vector<long> v(static_cast<std::size_t>(2 * max + 3), 0);
    const long off = max + 1;
    // trace[d] is the frontier before step d, for diagonals -d-1..d+1 (index k + d + 1).
    std::vector<std::vector<long>> trace;
    long found = -1;
    for (long d = 0; d <= max && d <= k_max_edits && found < 0; ++d) {
        trace.emplace_back(v.begin() + (off - d - 1), v.begin() + (off + d + 2));
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
            long y = x - k;
            while (x < n && y < m && a[a0 + x] == b[b0 + y]) ++x, ++y;
            v[off + k] = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) return all_replaced();
    std::vector<Op> steps;
    long x = n, y = m;
    for (long d = found; d >= 0; --d) {
        const auto& t = trace[static_cast<std::size_t>(d)];
        auto at = [&](long k) { return t[static_cast<std::size_t>(k + d + 1)]; };
        long k = x - y;
        long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        long prev_x = d == 0 ? 0 : at(prev_k);
        long prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) steps.push_back(Op::equal), --x, --y;
        if (d > 0) steps.push_back(x == prev_x ? Op::ins : Op::del);
        x = prev_x, y = prev_y;
    }
    out.insert(out.end(), steps.rbegin(), steps.rend());
}

}  // namespace

std::vector<Op> myers_diff(const Keys& a, const Keys& b) {
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix && a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) ++suffix;
    std::vector<Op> out(prefix, Op::equal);
    middle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, out);
    out.insert(out.end(), suffix, Op::equal);
    return out;
}

}  // namespace clausebook::compare
