// Cutting the laid-out items (layout.hpp) into pages: keeping headings with what follows,
// paragraphs split between lines, table rows whole unless taller than a page.
#include "write/pdf/layout.hpp"

#include <algorithm>

namespace clausebook::write::pdf {

std::vector<Page> paginate(const std::vector<Item>& items) {
    std::vector<Page> pages(1);
    double y = k_body_top;
    auto new_page = [&] {
        pages.emplace_back();
        y = k_body_top;
    };
    auto at_top = [&] { return y <= k_body_top; };
    const double room = k_body_bottom - k_body_top;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& item = items[i];
        switch (item.kind) {
        case Item::Kind::begin:
        case Item::Kind::end: pages.back().push_back({i, y}); break;
        case Item::Kind::page_break:
            if (!at_top()) new_page();
            break;
        case Item::Kind::rule:
            if (y + 12 > k_body_bottom) new_page();
            pages.back().push_back({i, y + 6});
            y += 12;
            break;
        case Item::Kind::para: {
            const Para& p = *item.para;
            const auto& lines = p.text->lines;
            double before = at_top() ? 0 : p.space_before;
            double need = p.text->height;
            if (p.keep_with_next) need += 3 * 14;  // the heading and the start of what follows it
            if ((p.keep_together || p.keep_with_next || need <= room) && !at_top() && y + before + std::min(need, room) > k_body_bottom) {
                new_page();
                before = 0;
            }
            y += before;
            std::size_t line = 0;
            while (line < lines.size()) {
                std::size_t end = line;
                while (end < lines.size() && y + (lines[end].top + lines[end].height - lines[line].top) <= k_body_bottom) ++end;
                if (end == line) {
                    if (!at_top()) {
                        new_page();
                        continue;
                    }
                    end = line + 1;  // a line taller than a page: drawn, clipped to the page
                }
                pages.back().push_back({i, y, line, end});
                y += lines[end - 1].top + lines[end - 1].height - lines[line].top;
                line = end;
                if (line < lines.size()) new_page();
            }
            y += p.space_after;
            break;
        }
        case Item::Kind::row: {
            const Row& r = *item.row;
            // A new page repeats the table's header row, unless that row would take a good part
            // of the page itself.
            auto next_page = [&] {
                new_page();
                if (r.repeat && r.repeat->height <= room / 4) {
                    pages.back().push_back({i, y, 0, 0, true});
                    y += r.repeat->height;
                }
            };
            // A row taller than any page is cut into slices wherever it starts; so a header row
            // before one needs only a few of its lines below it.
            constexpr double k_few_lines = 40;
            const bool taller_than_page = r.height > room - (r.repeat ? r.repeat->height : 0);
            double need = r.height + (r.header ? (r.next_height > room ? k_few_lines : r.next_height) : 0);
            if (taller_than_page) need = k_few_lines + 2 * r.padding;
            if (!at_top() && y + std::min(need, room) > k_body_bottom) next_page();
            if (y + r.height <= k_body_bottom) {
                pages.back().push_back({i, y});
                y += r.height;
                break;
            }
            // A row taller than a page: cut between lines into slices, one per page, each cell
            // going on where it stopped.
            std::vector<std::size_t> next(r.cells.size(), 0);
            auto remaining = [&] {
                for (std::size_t c = 0; c < r.cells.size(); ++c)
                    if (next[c] < r.cells[c].text->lines.size()) return true;
                return false;
            };
            while (remaining()) {
                const double avail = k_body_bottom - y - 2 * r.padding;
                Placement pl{i, y};
                pl.cell_lines.resize(r.cells.size());
                double used = 0;
                bool any = false;
                for (std::size_t c = 0; c < r.cells.size(); ++c) {
                    const auto& lines = r.cells[c].text->lines;
                    std::size_t first = next[c], end = first;
                    while (end < lines.size() && lines[end].top + lines[end].height - lines[first].top <= avail) ++end;
                    pl.cell_lines[c] = {first, end};
                    if (end > first) {
                        used = std::max(used, lines[end - 1].top + lines[end - 1].height - lines[first].top);
                        any = true;
                    }
                }
                if (!any) {
                    if (y > k_body_top + (r.repeat ? r.repeat->height : 0) + 0.01) {  // not at the top: try a new page
                        next_page();
                        continue;
                    }
                    // A single line taller than the text block: drawn, clipped to the page.
                    for (std::size_t c = 0; c < r.cells.size(); ++c) {
                        const auto& lines = r.cells[c].text->lines;
                        if (next[c] < lines.size()) {
                            pl.cell_lines[c] = {next[c], next[c] + 1};
                            used = std::max(used, lines[next[c]].height);
                        }
                    }
                }
                pl.height = used + 2 * r.padding;
                for (std::size_t c = 0; c < r.cells.size(); ++c) next[c] = pl.cell_lines[c].second;
                pages.back().push_back(std::move(pl));
                y += pages.back().back().height;
                if (remaining()) next_page();
            }
            break;
        }
        }
    }
    // A last page holding nothing but closing tags is not a page.
    if (pages.size() > 1 &&
        std::all_of(pages.back().begin(), pages.back().end(), [&](const Placement& pl) { return items[pl.item].kind == Item::Kind::end; })) {
        Page last = std::move(pages.back());
        pages.pop_back();
        pages.back().insert(pages.back().end(), last.begin(), last.end());
    }
    return pages;
}

}  // namespace clausebook::write::pdf
