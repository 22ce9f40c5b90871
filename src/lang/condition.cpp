#include "lang/condition.hpp"

#include <cctype>
#include <charconv>

#include "util/text.hpp"

// Declared in model/template.hpp; only this file knows its shape.
struct clausebook::model::ConditionNode {
    enum class Kind { name, compare, op_not, op_and, op_or };
    Kind kind = Kind::name;
    std::vector<std::string> path;  // name, compare
    std::string op;  // compare: == != < <= > >=
    std::string literal;  // compare
    int col = 0;  // offset of the name in the text, for messages
    std::shared_ptr<const ConditionNode> a, b;
};

namespace clausebook::lang {

using model::ParamType;
using model::Value;

namespace {

struct Tok {
    std::string text;
    std::size_t offset;
};

constexpr std::size_t k_max_condition_chars = 1000;
constexpr std::size_t k_max_condition_depth = 32;

class CondParser {
public:
    CondParser(const std::string& text, const util::SourcePos& pos, util::Diagnostics& diags) : m_text(text), m_pos(pos), m_diags(diags) {}

    std::shared_ptr<const ConditionNode> parse() {
        // Parsing, evaluating and freeing a condition recurse once per level: a cap on its
        // length bounds them all (issue 8). Real conditions are a few words.
        if (m_text.size() > k_max_condition_chars) {
            m_failed = true;
            m_diags.error(m_pos, "invalid-condition",
                          "this condition is " + std::to_string(m_text.size()) + " characters long, over the limit of " + std::to_string(k_max_condition_chars),
                          "a condition names a few parameters: split the text, or check the quoting");
            return nullptr;
        }
        if (!lex()) return nullptr;
        if (m_toks.empty()) {
            fail(0, "an empty condition");
            return nullptr;
        }
        auto n = parse_or();
        if (n && m_i < m_toks.size()) {
            fail(m_toks[m_i].offset, "unexpected '" + m_toks[m_i].text + "'");
            return nullptr;
        }
        return m_failed ? nullptr : n;
    }

private:
    bool lex() {
        std::size_t i = 0;
        while (i < m_text.size()) {
            char c = m_text[i];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++i;
                continue;
            }
            if (c == '(' || c == ')') {
                m_toks.push_back({std::string(1, c), i});
                ++i;
                continue;
            }
            if (c == '=' || c == '!' || c == '<' || c == '>') {
                std::size_t j = i + 1;
                if (j < m_text.size() && m_text[j] == '=') ++j;
                std::string op = m_text.substr(i, j - i);
                if (op == "=" || op == "!") {
                    fail(i, "'" + op + "' is not an operator: use == or !=");
                    return false;
                }
                m_toks.push_back({op, i});
                i = j;
                continue;
            }
            if (c == '"' || c == '\'') {
                auto e = m_text.find(c, i + 1);
                if (e == std::string::npos) {
                    fail(i, "a quoted value is never closed");
                    return false;
                }
                m_toks.push_back({m_text.substr(i, e - i + 1), i});
                i = e + 1;
                continue;
            }
            std::size_t j = i;
            while (j < m_text.size() && (std::isalnum(static_cast<unsigned char>(m_text[j])) || m_text[j] == '_' || m_text[j] == '-' || m_text[j] == '.')) ++j;
            if (j == i) {
                fail(i, std::string("unexpected character '") + c + "'");
                return false;
            }
            m_toks.push_back({m_text.substr(i, j - i), i});
            i = j;
        }
        return true;
    }

    bool at(const char* s) const { return m_i < m_toks.size() && m_toks[m_i].text == s; }

    std::shared_ptr<const ConditionNode> binary(ConditionNode::Kind k, std::shared_ptr<const ConditionNode> a, std::shared_ptr<const ConditionNode> b) {
        auto n = std::make_shared<ConditionNode>();
        n->kind = k;
        n->a = std::move(a);
        n->b = std::move(b);
        return n;
    }

    std::shared_ptr<const ConditionNode> parse_or() {
        auto a = parse_and();
        while (a && at("or")) {
            ++m_i;
            auto b = parse_and();
            if (!b) return nullptr;
            a = binary(ConditionNode::Kind::op_or, a, b);
        }
        return a;
    }
    std::shared_ptr<const ConditionNode> parse_and() {
        auto a = parse_not();
        while (a && at("and")) {
            ++m_i;
            auto b = parse_not();
            if (!b) return nullptr;
            a = binary(ConditionNode::Kind::op_and, a, b);
        }
        return a;
    }
    std::shared_ptr<const ConditionNode> parse_not() {
        if (at("not")) {
            ++m_i;
            auto a = parse_not();
            return a ? binary(ConditionNode::Kind::op_not, a, nullptr) : nullptr;
        }
        return parse_atom();
    }
    std::shared_ptr<const ConditionNode> parse_atom() {
        if (m_i >= m_toks.size()) {
            fail(m_text.size(), "the condition ends too early");
            return nullptr;
        }
        if (at("(")) {
            std::size_t open = m_toks[m_i].offset;
            if (++m_depth > k_max_condition_depth) {
                fail(open, "parentheses nest more than " + std::to_string(k_max_condition_depth) + " deep here (the limit)");
                return nullptr;
            }
            ++m_i;
            auto a = parse_or();
            --m_depth;
            if (!a) return nullptr;
            if (!at(")")) {
                fail(open, "'(' is never closed");
                return nullptr;
            }
            ++m_i;
            return a;
        }
        const Tok& t = m_toks[m_i];
        if (!(std::isalpha(static_cast<unsigned char>(t.text[0])) || t.text[0] == '_')) {
            fail(t.offset, "expected a parameter name, found '" + t.text + "'");
            return nullptr;
        }
        auto n = std::make_shared<ConditionNode>();
        n->col = static_cast<int>(t.offset);
        std::size_t s = 0;
        while (true) {
            auto d = t.text.find('.', s);
            n->path.push_back(t.text.substr(s, d == std::string::npos ? std::string::npos : d - s));
            if (d == std::string::npos) break;
            s = d + 1;
        }
        ++m_i;
        if (m_i < m_toks.size()) {
            const std::string& op = m_toks[m_i].text;
            if (op == "==" || op == "!=" || op == "<" || op == "<=" || op == ">" || op == ">=") {
                ++m_i;
                if (m_i >= m_toks.size()) {
                    fail(m_text.size(), "'" + op + "' needs a value after it");
                    return nullptr;
                }
                std::string lit = m_toks[m_i].text;
                if (lit.size() >= 2 && (lit[0] == '"' || lit[0] == '\'')) lit = lit.substr(1, lit.size() - 2);
                n->kind = ConditionNode::Kind::compare;
                n->op = op;
                n->literal = lit;
                ++m_i;
            }
        }
        return n;
    }

    void fail(std::size_t offset, const std::string& msg) {
        if (m_failed) return;
        m_failed = true;
        util::SourcePos p = m_pos;
        if (p.col > 0) p.col += static_cast<int>(offset);
        m_diags.error(p, "invalid-condition", "in condition '" + m_text + "': " + msg, "write names, 'not', 'and', 'or', parentheses and == != < <= > >=");
    }

    const std::string& m_text;
    util::SourcePos m_pos;
    util::Diagnostics& m_diags;
    std::vector<Tok> m_toks;
    std::size_t m_i = 0;
    std::size_t m_depth = 0;  // parentheses open at this point
    bool m_failed = false;
};

void check_node(const ConditionNode& n, const Condition& c, const ParamType& root, util::Diagnostics& diags) {
    if (n.kind == ConditionNode::Kind::op_not || n.kind == ConditionNode::Kind::op_and || n.kind == ConditionNode::Kind::op_or) {
        check_node(*n.a, c, root, diags);
        if (n.b) check_node(*n.b, c, root, diags);
        return;
    }
    util::SourcePos p = c.pos;
    if (p.col > 0) p.col += n.col;
    const ParamType* t = &root;
    for (std::size_t i = 0; i < n.path.size(); ++i) {
        if (t->kind == ParamType::Kind::list && i + 1 == n.path.size() && n.kind == ConditionNode::Kind::name) {
            // `audiences.parents`: the list contains the value.
            const ParamType* item = t->item.get();
            if (item && item->kind == ParamType::Kind::enum_) {
                bool known = false;
                for (const auto& v : item->values) known = known || v == n.path[i];
                if (!known)
                    diags.error(p, "unknown-param", "'" + n.path[i] + "' is not one of the values of '" + n.path[i - 1] + "'",
                                util::did_you_mean(n.path[i], item->values).empty() ? "its values are: " + util::join(item->values, ", ")
                                                                                    : util::did_you_mean(n.path[i], item->values));
            }
            return;
        }
        const ParamType* next = t->field(n.path[i]);
        if (!next) {
            std::string hint = util::did_you_mean(n.path[i], t->field_names());
            diags.error(p, "unknown-param",
                        i == 0 ? "condition '" + c.text + "' names '" + n.path[0] + "', which is not a parameter of this policy"
                               : "'" + n.path[i - 1] + "' has no field '" + n.path[i] + "'",
                        hint);
            return;
        }
        t = next;
    }
    if (n.kind == ConditionNode::Kind::compare && (t->kind == ParamType::Kind::person || t->kind == ParamType::Kind::map || t->kind == ParamType::Kind::list)) {
        diags.error(p, "invalid-condition", "'" + util::join(n.path, ".") + "' is " + t->describe() + ", which cannot be compared with a value",
                    t->kind == ParamType::Kind::person ? "compare one of its fields, such as " + util::join(n.path, ".") + ".name"
                                                       : "name it alone to ask whether it is given");
        return;
    }
    if (n.kind == ConditionNode::Kind::compare && n.op != "==" && n.op != "!=" && t->kind != ParamType::Kind::integer)
        diags.error(p, "invalid-condition", "'" + n.op + "' compares whole numbers, but '" + util::join(n.path, ".") + "' is " + t->describe());
    if (n.kind == ConditionNode::Kind::compare && t->kind == ParamType::Kind::integer) {
        long long v = 0;
        auto r = std::from_chars(n.literal.data(), n.literal.data() + n.literal.size(), v);
        if (r.ec != std::errc{} || r.ptr != n.literal.data() + n.literal.size())
            diags.error(p, "invalid-condition", "'" + n.literal + "' is not a whole number clausebook can compare '" + util::join(n.path, ".") + "' with",
                        "write a whole number from -9223372036854775808 to 9223372036854775807");
    }
    if (n.kind == ConditionNode::Kind::compare && t->kind == ParamType::Kind::enum_) {
        bool known = false;
        for (const auto& v : t->values) known = known || v == n.literal;
        if (!known)
            diags.error(p, "unknown-param", "'" + n.literal + "' is not a value of '" + util::join(n.path, ".") + "'",
                        "its values are: " + util::join(t->values, ", "));
    }
}

bool eval_node(const ConditionNode& n, const Value& values) {
    switch (n.kind) {
    case ConditionNode::Kind::op_not: return !eval_node(*n.a, values);
    case ConditionNode::Kind::op_and: return eval_node(*n.a, values) && eval_node(*n.b, values);
    case ConditionNode::Kind::op_or: return eval_node(*n.a, values) || eval_node(*n.b, values);
    default: break;
    }
    const Value* v = &values;
    for (std::size_t i = 0; i < n.path.size(); ++i) {
        if (const auto* list = v->as_list()) {
            if (i + 1 != n.path.size()) return false;
            for (const auto& item : *list)
                if (item.to_text() == n.path[i]) return true;
            return false;
        }
        v = v->get(n.path[i]);
        if (!v) return n.kind == ConditionNode::Kind::compare && n.op == "!=";
    }
    if (n.kind == ConditionNode::Kind::name) return v->truthy();
    std::string text = v->to_text();
    if (n.op == "==") return text == n.literal;
    if (n.op == "!=") return text != n.literal;
    long long a = 0, b = 0;
    auto r1 = std::from_chars(text.data(), text.data() + text.size(), a);
    auto r2 = std::from_chars(n.literal.data(), n.literal.data() + n.literal.size(), b);
    if (r1.ec != std::errc{} || r2.ec != std::errc{}) return false;
    if (n.op == "<") return a < b;
    if (n.op == "<=") return a <= b;
    if (n.op == ">") return a > b;
    return a >= b;
}

}  // namespace

Condition parse_condition(const std::string& text, const util::SourcePos& pos, util::Diagnostics& diags) {
    Condition c;
    c.text = text;
    c.pos = pos;
    CondParser p(c.text, pos, diags);
    c.root = p.parse();
    return c;
}

void check_condition(const Condition& c, const ParamType& root, util::Diagnostics& diags) {
    if (c.root) check_node(*c.root, c, root, diags);
}

bool evaluate(const Condition& c, const Value& values) { return c.root && eval_node(*c.root, values); }

}  // namespace clausebook::lang
