#include "lang/mustache.hpp"

#include <cctype>

#include "util/source_files.hpp"
#include "util/text.hpp"
#include "util/text_origin.hpp"

namespace clausebook::lang {

using model::ParamType;
using model::Value;
using util::SourcePos;

namespace {

struct Token {
    enum class Kind { text, variable, unescaped, section, inverted, close, comment, delimiters, partial };
    Kind kind;
    std::string text;
    std::size_t offset;
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool standalone_kind(Token::Kind k) {
    return k == Token::Kind::section || k == Token::Kind::inverted || k == Token::Kind::close || k == Token::Kind::comment || k == Token::Kind::delimiters ||
           k == Token::Kind::partial;
}

class Parser {
public:
    Parser(std::string_view text, const util::TextOrigin& origin, util::Diagnostics& diags) : m_text(text), m_origin(origin), m_diags(diags) {}

    std::vector<Token> tokenize() {
        std::vector<Token> tokens;
        std::size_t pos = 0;
        std::string open = "{{", close = "}}";
        while (pos <= m_text.size()) {
            std::size_t start = m_text.find(open, pos);
            if (start == std::string_view::npos) {
                if (pos < m_text.size()) tokens.push_back({Token::Kind::text, std::string(m_text.substr(pos)), pos});
                break;
            }
            std::size_t inner = start + open.size();
            Token tok{Token::Kind::variable, {}, start};
            std::size_t end;  // one past the closing delimiter
            if (open == "{{" && inner < m_text.size() && m_text[inner] == '{') {
                std::size_t c = m_text.find("}" + close, inner + 1);
                if (c == std::string_view::npos) return unclosed(tokens, start, "}}}");
                tok.kind = Token::Kind::unescaped;
                tok.text = std::string(util::trim(m_text.substr(inner + 1, c - inner - 1)));
                end = c + 1 + close.size();
            } else {
                std::size_t c = m_text.find(close, inner);
                if (c == std::string_view::npos) return unclosed(tokens, start, close);
                std::string_view body = m_text.substr(inner, c - inner);
                end = c + close.size();
                char sigil = body.empty() ? '\0' : body.front();
                switch (sigil) {
                case '#':
                    tok.kind = Token::Kind::section;
                    body.remove_prefix(1);
                    break;
                case '^':
                    tok.kind = Token::Kind::inverted;
                    body.remove_prefix(1);
                    break;
                case '/':
                    tok.kind = Token::Kind::close;
                    body.remove_prefix(1);
                    break;
                case '!':
                    tok.kind = Token::Kind::comment;
                    body.remove_prefix(1);
                    break;
                case '&':
                    tok.kind = Token::Kind::unescaped;
                    body.remove_prefix(1);
                    break;
                case '>':
                    tok.kind = Token::Kind::partial;
                    body.remove_prefix(1);
                    break;
                case '=':
                    tok.kind = Token::Kind::delimiters;
                    body.remove_prefix(1);
                    if (!body.empty() && body.back() == '=') body.remove_suffix(1);
                    break;
                default: break;
                }
                tok.text = tok.kind == Token::Kind::comment ? std::string{} : std::string(util::trim(body));
            }
            // A standalone tag (alone on its line but for blanks) takes its whole line with it.
            std::size_t text_end = start;
            if (standalone_kind(tok.kind)) {
                std::size_t ls = start;
                while (ls > 0 && is_blank(m_text[ls - 1])) --ls;
                bool at_line_start = ls == 0 || m_text[ls - 1] == '\n';
                std::size_t le = end;
                while (le < m_text.size() && is_blank(m_text[le])) ++le;
                bool at_line_end = le == m_text.size() || m_text[le] == '\n' || (m_text[le] == '\r' && le + 1 < m_text.size() && m_text[le + 1] == '\n');
                if (at_line_start && at_line_end) {
                    text_end = ls;
                    if (le < m_text.size()) le += m_text[le] == '\r' ? 2 : 1;
                    end = le;
                }
            }
            if (text_end > pos) tokens.push_back({Token::Kind::text, std::string(m_text.substr(pos, text_end - pos)), pos});
            if (tok.kind == Token::Kind::delimiters) {
                auto sp = tok.text.find_first_of(" \t");
                std::string a = sp == std::string::npos ? "" : tok.text.substr(0, sp);
                std::string b = sp == std::string::npos ? "" : std::string(util::trim(std::string_view(tok.text).substr(sp)));
                if (a.empty() || b.empty() || b.find_first_of(" \t=") != std::string::npos) {
                    error(start, "a delimiter change needs two delimiters, as in {{=<% %>=}}");
                } else {
                    open = a;
                    close = b;
                }
            } else if (tok.kind == Token::Kind::partial) {
                error(start, "partials ({{>" + tok.text + "}}) are not supported in clauses; write the text or use a cross-reference");
            } else if (tok.kind != Token::Kind::comment) {
                if (tok.text.empty())
                    error(start, "an empty tag names nothing");
                else
                    tokens.push_back(tok);
            }
            pos = end;
        }
        return tokens;
    }

    Template build(const std::vector<Token>& tokens) {
        Template t;
        struct Open {
            MustacheNode node;
            std::size_t offset;
        };
        std::vector<Open> stack;
        std::vector<MustacheNode> top;
        std::size_t tags = 0;
        auto current = [&]() -> std::vector<MustacheNode>& { return stack.empty() ? top : stack.back().node.children; };
        for (const auto& tok : tokens) {
            if (tok.kind == Token::Kind::text) {
                current().push_back({MustacheNode::Kind::text, tok.text, {}, at(tok.offset), {}});
                continue;
            }
            t.has_tags = true;
            SourcePos pos = at(tok.offset);
            if (++tags > k_max_tags) {
                m_diags.error(
                    pos, "mustache-limit",
                    "this is tag " + std::to_string(k_max_tags + 1) + " of this text (the limit is " + std::to_string(k_max_tags) + " tags in one clause)",
                    "a clause needs a few placeholders: look for a tag repeated by mistake, or split the clause");
                t.nodes.clear();
                return t;
            }
            if (tok.kind == Token::Kind::close) {
                if (stack.empty()) {
                    error(tok.offset, "'{{/" + tok.text + "}}' closes a section that was never opened");
                    continue;
                }
                if (stack.back().node.text != tok.text) {
                    SourcePos opened = stack.back().node.pos;
                    error(tok.offset,
                          "'{{/" + tok.text + "}}' does not match the open section '" + stack.back().node.text + "' (opened at line " +
                              std::to_string(opened.line) + ", column " + std::to_string(opened.col) + ")",
                          "close it with {{/" + stack.back().node.text + "}}");
                    continue;
                }
                MustacheNode done = std::move(stack.back().node);
                stack.pop_back();
                current().push_back(std::move(done));
                continue;
            }
            MustacheNode node;
            node.kind = tok.kind == Token::Kind::section     ? MustacheNode::Kind::section
                        : tok.kind == Token::Kind::inverted  ? MustacheNode::Kind::inverted
                        : tok.kind == Token::Kind::unescaped ? MustacheNode::Kind::unescaped
                                                             : MustacheNode::Kind::variable;
            node.text = tok.text;
            node.pos = pos;
            node.path = split_name(tok.text, tok.offset);
            if (node.kind == MustacheNode::Kind::section || node.kind == MustacheNode::Kind::inverted) {
                if (stack.size() >= k_max_section_depth) {
                    // Checking and rendering recurse once per level: refuse runaway nesting here.
                    m_diags.error(pos, "mustache-limit",
                                  "sections nest more than " + std::to_string(k_max_section_depth) + " deep here (the limit for a clause)",
                                  "close the sections above before opening another: {{/name}}");
                    t.nodes.clear();
                    return t;
                }
                stack.push_back({std::move(node), tok.offset});
            } else
                current().push_back(std::move(node));
        }
        while (!stack.empty()) {
            error(stack.back().offset, "section '" + stack.back().node.text + "' is never closed", "add {{/" + stack.back().node.text + "}} where it ends");
            MustacheNode done = std::move(stack.back().node);
            stack.pop_back();
            current().push_back(std::move(done));
        }
        t.nodes = std::move(top);
        return t;
    }

private:
    std::vector<Token> unclosed(std::vector<Token>& tokens, std::size_t start, const std::string& close) {
        error(start, "this tag is never closed with '" + close + "'");
        return tokens;
    }

    std::vector<std::string> split_name(const std::string& name, std::size_t offset) {
        if (name == ".") return {"."};
        std::vector<std::string> parts;
        std::size_t s = 0;
        while (true) {
            auto d = name.find('.', s);
            std::string part = name.substr(s, d == std::string::npos ? std::string::npos : d - s);
            bool ok = !part.empty();
            for (char c : part)
                if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '?' || c == '!')) ok = false;
            if (!ok) {
                error(offset, "'" + name + "' is not a name: use letters, digits, '_' and '-', with '.' between parts");
                return {name};
            }
            parts.push_back(part);
            if (d == std::string::npos) break;
            s = d + 1;
        }
        return parts;
    }

    void error(std::size_t offset, std::string message, std::string hint = {}) {
        m_diags.error(m_origin.at(m_text, offset), "mustache-syntax", std::move(message), std::move(hint));
    }

    // The position of `offset`, scanning on from the previous one: tokens come in order, and a
    // scan from the start for each was quadratic (40,000 tags took 45 s). Same result as
    // m_origin.at(m_text, offset).
    SourcePos at(std::size_t offset) {
        offset = std::min(offset, m_text.size());
        if (offset < m_cursor) m_cursor = m_line = m_chars = 0;
        for (; m_cursor < offset; ++m_cursor) {
            unsigned char c = static_cast<unsigned char>(m_text[m_cursor]);
            if (c == '\n') {
                ++m_line;
                m_chars = 0;
            } else if ((c & 0xC0) != 0x80) {
                ++m_chars;
            }
        }
        SourcePos p;
        p.path = m_origin.path;
        p.line = m_origin.line + m_line;
        p.col = m_line == 0 ? m_origin.col + m_chars : m_origin.indent + m_chars + 1;
        return p;
    }

    std::string_view m_text;
    const util::TextOrigin& m_origin;
    util::Diagnostics& m_diags;
    std::size_t m_cursor = 0;  // at(): offset reached, lines passed, characters since the line's start
    int m_line = 0;
    int m_chars = 0;
};

// ---- static check ---------------------------------------------------------------------------

// `{{#audiences.parents}}`: `parents` must be one of the values the list's items may take.
void check_membership(const MustacheNode& n, const ParamType& item, std::size_t i, util::Diagnostics& diags) {
    for (const auto& v : item.values)
        if (v == n.path[i]) return;
    std::string hint = util::did_you_mean(n.path[i], item.values);
    diags.error(n.pos, "unknown-param", "'" + n.path[i] + "' is not one of the values of '" + n.path[i - 1] + "'",
                hint.empty() ? "its values are: " + util::join(item.values, ", ") : hint);
}

void check_nodes(const std::vector<MustacheNode>& nodes, std::vector<const ParamType*>& stack, util::Diagnostics& diags) {
    for (const auto& n : nodes) {
        if (n.kind == MustacheNode::Kind::text) continue;
        const ParamType* t = nullptr;
        if (n.path.size() == 1 && n.path[0] == ".") {
            t = stack.back();
        } else {
            for (auto it = stack.rbegin(); it != stack.rend() && !t; ++it) t = (*it)->field(n.path[0]);
            if (!t) {
                std::vector<std::string> visible;
                for (const auto* s : stack)
                    for (auto& f : s->field_names()) visible.push_back(f);
                diags.error(n.pos, "unknown-param", "'" + n.path[0] + "' is not a parameter of this policy",
                            util::did_you_mean(n.path[0], visible).empty()
                                ? "declare it under params: in the policy outline, or use a built-in name (school.name, policy.approved, ...)"
                                : util::did_you_mean(n.path[0], visible));
                continue;
            }
            bool membership = false;
            for (std::size_t i = 1; i < n.path.size() && t; ++i) {
                if (t->kind == ParamType::Kind::list && t->item && t->item->kind == ParamType::Kind::enum_ && i + 1 == n.path.size()) {
                    // `{{#audiences.parents}}`: whether the list holds the value, as in when: conditions.
                    check_membership(n, *t->item, i, diags);
                    membership = true;
                    t = nullptr;
                    break;
                }
                const ParamType* next = t->field(n.path[i]);
                if (!next) {
                    std::string so_far = n.path[0];
                    for (std::size_t k = 1; k < i; ++k) so_far += "." + n.path[k];
                    std::string hint = util::did_you_mean(n.path[i], t->field_names());
                    if (hint.empty() && !t->fields.empty()) hint = "its fields are: " + util::join(t->field_names(), ", ");
                    diags.error(n.pos, "unknown-param", "'" + so_far + "' has no field '" + n.path[i] + "'", hint);
                }
                t = next;
            }
            if (membership) {
                if (n.kind == MustacheNode::Kind::section || n.kind == MustacheNode::Kind::inverted)
                    check_nodes(n.children, stack, diags);
                else
                    diags.error(n.pos, "unknown-param",
                                "'" + util::join(n.path, ".") + "' is a condition (whether '" + n.path[n.path.size() - 2] + "' includes '" + n.path.back() +
                                    "'), not a value to print",
                                "use it as a section: {{#" + util::join(n.path, ".") + "}}...{{/" + util::join(n.path, ".") + "}}");
                continue;
            }
            if (!t) continue;
        }
        if (n.kind == MustacheNode::Kind::section) {
            stack.push_back(t->kind == ParamType::Kind::list && t->item ? t->item.get() : t);
            check_nodes(n.children, stack, diags);
            stack.pop_back();
        } else if (n.kind == MustacheNode::Kind::inverted) {
            check_nodes(n.children, stack, diags);
        }
    }
}

// ---- rendering ------------------------------------------------------------------------------

const Value* lookup(const std::vector<const Value*>& stack, const std::vector<std::string>& path) {
    if (path.size() == 1 && path[0] == ".") return stack.back();
    const Value* v = nullptr;
    for (auto it = stack.rbegin(); it != stack.rend() && !v; ++it) v = (*it)->get(path[0]);
    for (std::size_t i = 1; i < path.size() && v; ++i) v = v->get(path[i]);
    return v;
}

// A section's value: lookup(), except that a name whose last part is looked up in a list
// (`audiences.parents`) is whether the list holds that value, as in when: conditions.
const Value* section_value(const std::vector<const Value*>& stack, const std::vector<std::string>& path) {
    static const Value k_true(true), k_false(false);
    if (path.size() < 2) return lookup(stack, path);
    std::vector<std::string> head(path.begin(), path.end() - 1);
    const Value* list_value = lookup(stack, head);
    const auto* list = list_value ? list_value->as_list() : nullptr;
    if (!list) return lookup(stack, path);
    for (const auto& item : *list)
        if (item.to_text() == path.back()) return &k_true;
    return &k_false;
}

// Returns false once the output has outgrown opt.max_bytes (after calling opt.on_limit once).
// Where rendering puts its text: appended to `text`, or (with no text) only counted, for a
// caller that wants the problems rendering reports and not the text.
struct Sink {
    std::string* text = nullptr;
    std::size_t size = 0;
    void add(std::string_view s) {
        if (text) text->append(s);
        size += s.size();
    }
};

bool render_nodes(const std::vector<MustacheNode>& nodes, std::vector<const Value*>& stack, const RenderOptions& opt, Sink& out) {
    for (const auto& n : nodes) {
        if (out.size > opt.max_bytes) {
            if (opt.on_limit) opt.on_limit(n);
            return false;
        }
        switch (n.kind) {
        case MustacheNode::Kind::text: out.add(n.text); break;
        case MustacheNode::Kind::variable:
        case MustacheNode::Kind::unescaped: {
            const Value* v = lookup(stack, n.path);
            if (!v || v->is_null()) {
                if (opt.on_missing) opt.on_missing(n);
                break;
            }
            std::string s = v->to_text();
            if (n.kind == MustacheNode::Kind::variable)
                out.add(opt.escape ? opt.escape(s) : s);
            else
                out.add(opt.unescaped ? opt.unescaped(s) : s);
            break;
        }
        case MustacheNode::Kind::section: {
            const Value* v = section_value(stack, n.path);
            if (!v || !v->truthy()) break;
            if (const auto* list = v->as_list()) {
                for (const auto& item : *list) {
                    stack.push_back(&item);
                    bool ok = render_nodes(n.children, stack, opt, out);
                    stack.pop_back();
                    if (!ok) return false;
                }
            } else {
                stack.push_back(v);
                bool ok = render_nodes(n.children, stack, opt, out);
                stack.pop_back();
                if (!ok) return false;
            }
            break;
        }
        case MustacheNode::Kind::inverted: {
            const Value* v = section_value(stack, n.path);
            if ((!v || !v->truthy()) && !render_nodes(n.children, stack, opt, out)) return false;
            break;
        }
        }
    }
    return true;
}

}  // namespace

Template parse_mustache(std::string_view text, const util::TextOrigin& origin, util::Diagnostics& diags) {
    Parser p(text, origin, diags);
    auto tokens = p.tokenize();
    return p.build(tokens);
}

void check_names(const Template& t, const ParamType& root, util::Diagnostics& diags) {
    std::vector<const ParamType*> stack{&root};
    check_nodes(t.nodes, stack, diags);
}

std::string render(const Template& t, const Value& root, const RenderOptions& options) {
    std::string out;
    Sink sink{&out};
    std::vector<const Value*> stack{&root};
    render_nodes(t.nodes, stack, options, sink);
    return out;
}

std::size_t render_size(const Template& t, const Value& root, const RenderOptions& options) {
    Sink sink;
    std::vector<const Value*> stack{&root};
    render_nodes(t.nodes, stack, options, sink);
    return sink.size;
}

}  // namespace clausebook::lang
