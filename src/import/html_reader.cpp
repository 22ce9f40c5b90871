// The HTML reader (gumbo, a real HTML5 parser): a school website's policy page. Only the main
// content is read: <main>, else <article>, else the element marked role="main" or named as
// content, else <body>; navigation, headers, footers, sidebars, forms, scripts and anything
// named like a cookie banner or menu are skipped wherever they are.
#include <algorithm>
#include <cctype>
#include <cstring>

#include <gumbo.h>

#include "import/blocks.hpp"
#include "import/text_shape.hpp"
#include "util/text.hpp"

namespace clausebook::import {

namespace {

std::string attr(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : "";
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_chrome(const GumboNode* n) {
    if (n->type != GUMBO_NODE_ELEMENT) return false;
    switch (n->v.element.tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_HEAD: return true;
    default: break;
    }
    std::string role = lower(attr(n, "role"));
    if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "dialog" || role == "search") return true;
    if (!attr(n, "hidden").empty() || lower(attr(n, "aria-hidden")) == "true") return true;
    std::string names = lower(attr(n, "id") + " " + attr(n, "class"));
    for (const char* w :
         {"cookie", "consent", "gdpr", "banner", "navbar", "menu", "breadcrumb", "sidebar", "footer", "skip-link", "share", "social-links", "modal", "popup"})
        if (names.find(w) != std::string::npos) return true;
    return false;
}

bool is_block_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR: return true;
    default: return false;
    }
}

void inline_text(const GumboNode* n, std::string& out) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
        out += n->v.text.text;
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || is_chrome(n)) return;
    if (n->v.element.tag == GUMBO_TAG_BR) {
        out += ' ';
        return;
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) inline_text(static_cast<const GumboNode*>(kids.data[i]), out);
}

// Counts the visible characters (spaces aside) below `n`, and those inside <strong> or <b>.
void count_bold(const GumboNode* n, bool bold, std::size_t& chars, std::size_t& bold_chars) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        for (const char* c = n->v.text.text; *c; ++c)
            if (!std::isspace(static_cast<unsigned char>(*c))) {
                ++chars;
                if (bold) ++bold_chars;
            }
        return;
    }
    if (n->type != GUMBO_NODE_ELEMENT || is_chrome(n)) return;
    bool b = bold || n->v.element.tag == GUMBO_TAG_STRONG || n->v.element.tag == GUMBO_TAG_B;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) count_bold(static_cast<const GumboNode*>(kids.data[i]), b, chars, bold_chars);
}

// A paragraph all in <strong> or <b>: how a page edited without heading tags sets a heading apart.
bool all_bold(const GumboNode* n) {
    std::size_t chars = 0, bold_chars = 0;
    count_bold(n, false, chars, bold_chars);
    return chars > 0 && bold_chars == chars;
}

std::size_t text_size(const GumboNode* n) {
    std::string t;
    inline_text(n, t);
    return clean_line(t).size();
}

const GumboNode* find_tag(const GumboNode* n, GumboTag tag) {
    if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
    if (n->v.element.tag == tag && !is_chrome(n)) return n;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        if (auto f = find_tag(static_cast<const GumboNode*>(kids.data[i]), tag)) return f;
    return nullptr;
}

void find_named_content(const GumboNode* n, const GumboNode*& best, std::size_t& best_size) {
    if (n->type != GUMBO_NODE_ELEMENT || is_chrome(n)) return;
    std::string names = lower(attr(n, "id") + " " + attr(n, "class"));
    if (lower(attr(n, "role")) == "main" || names.find("content") != std::string::npos || names.find("main") != std::string::npos ||
        names.find("policy") != std::string::npos) {
        std::size_t s = text_size(n);
        if (s > best_size) {
            best = n;
            best_size = s;
        }
    }
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) find_named_content(static_cast<const GumboNode*>(kids.data[i]), best, best_size);
}

struct Walker {
    std::vector<Block>& blocks;
    int list_depth = -1;

    void emit(BlockKind kind, int level, std::string number, const std::string& raw, const GumboNode* n) {
        std::string t = clean_line(raw);
        if (t.empty()) return;
        Block b;
        b.kind = kind;
        b.level = level;
        b.number = std::move(number);
        b.text = t;
        b.position = static_cast<int>(n->v.element.start_pos.line);
        if (kind == BlockKind::paragraph) {
            Shape s = shape_of(t, false);
            if (s.kind != BlockKind::heading) {
                b.kind = s.kind;
                b.number = s.number;
                b.text = s.rest;
            }
        } else if (kind == BlockKind::heading && b.number.empty()) {
            Shape s = shape_of(t, true);
            if (s.kind == BlockKind::heading && !s.number.empty()) {
                b.number = s.number;
                b.text = s.rest;
            }
        }
        blocks.push_back(std::move(b));
    }

    // Children of a block element: runs of inline content become paragraphs; block children recurse.
    void children(const GumboNode* n) {
        std::string run;
        const GumboNode* run_at = n;
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) {
            auto* k = static_cast<const GumboNode*>(kids.data[i]);
            if (k->type == GUMBO_NODE_ELEMENT && (is_chrome(k) || is_block_tag(k->v.element.tag))) {
                emit(BlockKind::paragraph, 0, "", run, run_at);
                run.clear();
                if (!is_chrome(k)) element(k);
            } else {
                if (run.empty() && k->type == GUMBO_NODE_ELEMENT) run_at = k;
                inline_text(k, run);
            }
        }
        emit(BlockKind::paragraph, 0, "", run, run_at);
    }

    void element(const GumboNode* n) {
        GumboTag tag = n->v.element.tag;
        if (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6) {
            std::string t;
            inline_text(n, t);
            emit(BlockKind::heading, 1 + static_cast<int>(tag - GUMBO_TAG_H1), "", t, n);
        } else if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL) {
            ++list_depth;
            int number = 1;
            std::string start = attr(n, "start");
            if (!start.empty() && std::all_of(start.begin(), start.end(), ::isdigit) && start.size() < 6) number = std::stoi(start);
            const GumboVector& kids = n->v.element.children;
            for (unsigned i = 0; i < kids.length; ++i) {
                auto* li = static_cast<const GumboNode*>(kids.data[i]);
                if (li->type != GUMBO_NODE_ELEMENT || li->v.element.tag != GUMBO_TAG_LI) continue;
                std::string own;
                const GumboVector& lk = li->v.element.children;
                for (unsigned j = 0; j < lk.length; ++j) {
                    auto* c = static_cast<const GumboNode*>(lk.data[j]);
                    if (c->type == GUMBO_NODE_ELEMENT && (c->v.element.tag == GUMBO_TAG_UL || c->v.element.tag == GUMBO_TAG_OL)) continue;
                    inline_text(c, own);
                }
                emit(BlockKind::list_item, list_depth, tag == GUMBO_TAG_OL ? std::to_string(number++) + "." : "", own, li);
                for (unsigned j = 0; j < lk.length; ++j) {
                    auto* c = static_cast<const GumboNode*>(lk.data[j]);
                    if (c->type == GUMBO_NODE_ELEMENT && (c->v.element.tag == GUMBO_TAG_UL || c->v.element.tag == GUMBO_TAG_OL)) element(c);
                }
            }
            --list_depth;
        } else if (tag == GUMBO_TAG_TABLE) {
            Block b;
            b.kind = BlockKind::table;
            b.position = static_cast<int>(n->v.element.start_pos.line);
            collect_rows(n, b.cells);
            std::vector<std::string> lines;
            for (auto& r : b.cells) lines.push_back(util::join(r, " | "));
            b.text = util::join(lines, "\n");
            if (!b.cells.empty()) blocks.push_back(std::move(b));
        } else if (tag == GUMBO_TAG_P || tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_ADDRESS) {
            std::string t;
            inline_text(n, t);
            // A short paragraph all in bold that reads like a heading (no full stop, capitalised,
            // twelve words at most) is the heading a page edited without heading tags has: below
            // the page's own headings (level 3). A bold sentence is still a paragraph.
            if (tag == GUMBO_TAG_P && all_bold(n) && shape_of(clean_line(t), true).kind == BlockKind::heading)
                emit(BlockKind::heading, 3, "", t, n);
            else
                emit(BlockKind::paragraph, 0, "", t, n);
        } else if (tag != GUMBO_TAG_HR) {
            children(n);
        }
    }

    void collect_rows(const GumboNode* n, std::vector<std::vector<std::string>>& rows) {
        if (n->type != GUMBO_NODE_ELEMENT) return;
        if (n->v.element.tag == GUMBO_TAG_TR) {
            std::vector<std::string> row;
            const GumboVector& kids = n->v.element.children;
            for (unsigned i = 0; i < kids.length; ++i) {
                auto* c = static_cast<const GumboNode*>(kids.data[i]);
                if (c->type == GUMBO_NODE_ELEMENT && (c->v.element.tag == GUMBO_TAG_TD || c->v.element.tag == GUMBO_TAG_TH)) {
                    std::string t;
                    inline_text(c, t);
                    row.push_back(clean_line(t));
                }
            }
            rows.push_back(row);
            return;
        }
        const GumboVector& kids = n->v.element.children;
        for (unsigned i = 0; i < kids.length; ++i) collect_rows(static_cast<const GumboNode*>(kids.data[i]), rows);
    }
};

}  // namespace

ImportedDocument read_html(const std::string& bytes, const std::string& display_path, util::Diagnostics& diags) {
    ImportedDocument doc;
    doc.path = display_path;
    doc.format = "html";
    if (util::find_invalid_utf8(bytes)) {
        diags.error({display_path, 0, 0}, "import-encoding", "the page is not UTF-8", "save the page as UTF-8 and import it again");
        return doc;
    }
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size());
    const GumboNode* root = find_tag(out->root, GUMBO_TAG_MAIN);
    if (!root) root = find_tag(out->root, GUMBO_TAG_ARTICLE);
    if (!root) {
        std::size_t best_size = 0;
        find_named_content(out->root, root, best_size);
        const GumboNode* body = find_tag(out->root, GUMBO_TAG_BODY);
        // A named container is taken only when it holds most of the page's text.
        if (root && body && best_size * 2 < text_size(body)) root = nullptr;
    }
    if (!root) root = find_tag(out->root, GUMBO_TAG_BODY);
    if (!root) root = out->root;
    Walker w{doc.blocks};
    if (root->type == GUMBO_NODE_ELEMENT) w.children(root);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    mark_furniture(doc.blocks);
    return doc;
}

}  // namespace clausebook::import
