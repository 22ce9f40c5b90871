#include "check/context.hpp"

#include "util/text.hpp"

namespace clausebook::check {

util::SourcePos Subject::where() const {
    if (policy) return policy->pos;
    if (entry) return entry->pos;
    return {school->path, 1, 1};
}

std::optional<model::Located<util::Date>> Subject::approved() const {
    if (policy) return policy->approved;
    if (entry) return entry->approved;
    return std::nullopt;
}

std::optional<model::Located<util::LooseDate>> Subject::next_review() const {
    if (policy) return policy->next_review;
    if (entry) return entry->next_review;
    return std::nullopt;
}

const std::vector<model::Waiver>& Subject::waivers() const {
    static const std::vector<model::Waiver> none;
    if (policy) return policy->waivers;
    if (entry) return entry->waivers;
    return none;
}

const std::string& Subject::policy_id() const { return outline ? outline->id : entry->id; }

std::vector<std::string> Subject::statutory_ids() const {
    std::vector<std::string> ids{policy_id()};
    if (entry)
        for (const auto& c : entry->covers) ids.push_back(c.value);
    return ids;
}

util::SourcePos Subject::approved_by_pos() const {
    if (entry && entry->approved_by) return entry->approved_by->pos;
    if (policy && policy->approved_by) return policy->approved_by->pos;
    return where();
}

util::SourcePos Subject::review_period_pos() const {
    if (entry && entry->review_period) return entry->review_period->pos;
    if (policy && policy->review_period) return policy->review_period->pos;
    return where();
}

util::SourcePos Subject::review_pos() const {
    if (auto n = next_review()) return n->pos;
    if (auto a = approved()) return a->pos;
    return where();
}

std::string Subject::label() const { return document.meta.title + " (" + school->name + ")"; }

namespace {

void add_param_wording(std::vector<Wording>& out, const Subject& s, const std::vector<model::ParamValue>& params, const std::string& scope) {
    for (const auto& p : params) {
        auto add_text = [&](const model::Value& v) {
            if (const auto* str = std::get_if<std::string>(&v.data)) out.push_back({*str, "parameter '" + p.name + "'" + scope, &s, p.pos, false, 0});
        };
        if (const auto* list = p.value.as_list())
            for (const auto& item : *list) add_text(item);
        else
            add_text(p.value);
    }
}

// UTF-8 characters in `s`.
int chars(std::string_view s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::vector<Wording> Context::library_wording() const {
    std::vector<Wording> out;
    for (const auto& [id, files] : repo.clauses)
        for (const auto& c : files)
            out.push_back({c.body, "clause '" + id + (c.variant.empty() ? "" : "@" + c.variant) + "'", nullptr, {c.path, c.body_line, 1}, true, 0, true});
    return out;
}

std::vector<Wording> Context::school_wording(const Subject& s) const {
    std::vector<Wording> out;
    if (s.policy) {
        if (s.policy->title) out.push_back({s.policy->title->value, "the policy's title", &s, s.policy->title->pos, false, 0});
        for (const auto& o : s.policy->overrides) {
            if (o.title) out.push_back({*o.title, "the title of the school's wording for '" + o.clause_id + "'", &s, o.pos, false, 0});
            out.push_back({o.text, "the school's wording for '" + o.clause_id + "'", &s, o.pos, false, 0, true});
        }
        for (const auto& l : s.policy->local) {
            out.push_back({l.title, "the title of local clause '" + l.id + "'", &s, l.pos, false, 0});
            out.push_back({l.text, "local clause '" + l.id + "'", &s, l.pos, false, 0, true});
        }
        add_param_wording(out, s, s.policy->params, "");
    }
    if (s.outline) add_param_wording(out, s, s.school->params, " (for every policy of the school)");
    return out;
}

util::SourcePos Context::locate(const Wording& w, std::size_t offset, const std::string& needle) const {
    std::string_view text = w.text;
    offset = std::min(offset, text.size());
    if (w.exact) {
        std::string_view before = text.substr(0, offset);
        auto nl = before.rfind('\n');
        int lines = static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        if (nl == std::string_view::npos) return {w.pos.path, w.pos.line, w.pos.col + chars(before)};
        return {w.pos.path, w.pos.line + lines, w.indent + 1 + chars(before.substr(nl + 1))};
    }
    // Text read out of YAML: find the needle's occurrence-th appearance in the file from w.pos on.
    int occurrence = 0;
    for (auto at = text.find(needle); at != std::string_view::npos && at < offset; at = text.find(needle, at + 1)) ++occurrence;
    int seen = 0;
    for (int line = std::max(w.pos.line, 1); line < w.pos.line + 2000; ++line) {
        auto l = repo.sources.line(w.pos.path, line);
        if (!l) break;
        std::size_t from = line == w.pos.line && w.pos.col > 0 ? util::byte_offset(*l, w.pos.col) : 0;  // columns count characters
        for (auto at = l->find(needle, std::min(from, l->size())); at != std::string_view::npos; at = l->find(needle, at + 1))
            if (seen++ == occurrence) return {w.pos.path, line, util::char_column(*l, at)};
    }
    return w.pos;  // folded onto several lines: point at the start of the value
}

void add_finding(std::vector<Finding>& out, const Subject* s, util::SourcePos pos, std::string message, std::string hint, std::string key) {
    Finding f;
    f.pos = std::move(pos);
    if (s) {
        f.school_id = s->school->id;
        f.policy_id = s->policy_id();
    }
    f.message = std::move(message);
    f.hint = std::move(hint);
    f.key = std::move(key);
    out.push_back(std::move(f));
}

}  // namespace clausebook::check
