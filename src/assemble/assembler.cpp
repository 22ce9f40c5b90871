#include "assemble/assembler.hpp"

#include <algorithm>

#include "compare/policy_text.hpp"
#include "compare/word_diff.hpp"
#include "util/escape.hpp"
#include "write/writer.hpp"
#include "lang/condition.hpp"
#include "lang/mustache.hpp"

namespace clausebook::assemble {

using model::Clause;
using model::ClauseSource;
using model::LocalClause;
using model::Value;

model::Value resolve_params(const model::Repository& repo, const model::School& school, const model::Outline& outline) {
    const model::SchoolPolicy* policy = school.policy(outline.id);
    Value params = Value::map();
    auto find = [&outline](const std::vector<model::ParamValue>& values, const std::string& name) -> const Value* {
        const model::ParamValue* v = model::find_param(values, name, outline.id);
        return v ? &v->value : nullptr;
    };
    for (const auto& spec : outline.params) {
        const Value* v = policy ? find(policy->params, spec.name) : nullptr;
        if (!v) v = find(school.params, spec.name);
        if (!v) v = find(repo.config.default_params, spec.name);
        if (!v && spec.default_value) v = &*spec.default_value;
        params.set(spec.name, v ? *v : Value());
    }
    return params;
}

model::Metadata make_metadata(const model::Repository& repo, const model::School& school, const model::Outline& outline) {
    model::Metadata m;
    const model::SchoolPolicy* p = school.policy(outline.id);
    m.school_id = school.id;
    m.school_name = school.name;
    m.trust_name = repo.config.trust_name;
    m.policy_id = outline.id;
    m.title = p && p->title ? p->title->value : outline.title;
    m.approved_by = p && p->approved_by ? p->approved_by->value : std::string{};
    if (p && p->approved) m.approved = p->approved->value;
    if (p && p->minute) m.minute = p->minute->value;
    if (p && p->review_period)
        m.review_period = p->review_period->value;
    else if (outline.review_period)
        m.review_period = outline.review_period->value;
    if (p && p->next_review) {
        m.next_review = p->next_review->value;
    } else if (m.approved && m.review_period) {
        m.next_review = util::LooseDate{util::add(*m.approved, *m.review_period), false};
        m.next_review_derived = true;
    }
    if (const model::ApprovedCopy* copy = repo.approved_copy(school.id, outline.id)) {
        m.approved_copy = copy->display_path;
        m.approved_copy_date = copy->date;
        m.draft_reason = m.approved && *m.approved == copy->date ? model::DraftReason::unsettled : model::DraftReason::copy_date_differs;
    } else {
        m.draft_reason = m.approved ? model::DraftReason::copy_missing : model::DraftReason::never_approved;
    }
    Value params = resolve_params(repo, school, outline);
    if (const Value* a = params.get("audiences"))
        if (const auto* list = a->as_list())
            for (const auto& item : *list) m.audiences.push_back(item.to_text());
    return m;
}

model::Metadata make_register_metadata(const model::Repository& repo, const model::School& school, const model::RegisterEntry& entry) {
    model::Metadata m;
    m.registered = true;
    m.school_id = school.id;
    m.school_name = school.name;
    m.trust_name = repo.config.trust_name;
    m.policy_id = entry.id;
    m.title = entry.title.value;
    m.category = entry.category.value;
    if (entry.approved_by) m.approved_by = entry.approved_by->value;
    if (entry.approved) m.approved = entry.approved->value;
    if (entry.minute) m.minute = entry.minute->value;
    if (entry.review_period) m.review_period = entry.review_period->value;
    if (entry.next_review) {
        m.next_review = entry.next_review->value;
    } else if (m.approved && m.review_period) {
        m.next_review = util::LooseDate{util::add(*m.approved, *m.review_period), false};
        m.next_review_derived = true;
    }
    if (entry.location) m.location = entry.location->value;
    if (entry.owner) m.owner = entry.owner->value;
    m.state = m.approved ? model::ApprovalState::approved : model::ApprovalState::draft;
    m.draft_reason = m.approved ? model::DraftReason::none : model::DraftReason::never_approved;
    return m;
}

std::vector<model::Metadata> school_register(const model::Repository& repo, const model::School& school) {
    std::vector<model::Metadata> out;
    for (const auto* o : repo.outlines_of(school)) out.push_back(make_metadata(repo, school, *o));
    for (const auto& e : school.register_entries) out.push_back(make_register_metadata(repo, school, e));
    return out;
}

model::Value make_context(const model::Repository& repo, const model::School& school, const model::Outline& outline, const model::Metadata& meta) {
    Value ctx = resolve_params(repo, school, outline);
    ctx.set("school", school.info);
    Value trust = Value::map();
    trust.set("name", repo.config.trust_name);
    trust.set("kind", repo.config.trust_kind);
    ctx.set("trust", trust);
    Value policy = Value::map();
    policy.set("title", meta.title);
    policy.set("approved", meta.approved ? Value(util::to_long(*meta.approved)) : Value());
    policy.set("approved_by", meta.approved_by.empty() ? Value() : Value(meta.approved_by));
    policy.set("minute", meta.minute.empty() ? Value() : Value(meta.minute));
    policy.set("review_period", meta.review_period ? Value(util::to_words(*meta.review_period)) : Value());
    policy.set("next_review", meta.next_review ? Value(util::to_long(*meta.next_review)) : Value());
    policy.set("draft", Value(meta.draft()));
    ctx.set("policy", policy);
    return ctx;
}

namespace {

class Assembler {
public:
    // Without `text`, every clause's text is left empty: only what filling it in reports is kept.
    Assembler(const model::Repository& repo, const model::School& school, const model::Outline& outline, util::Diagnostics& diags, bool text = true)
        : m_repo(repo), m_school(school), m_outline(outline), m_policy(school.policy(outline.id)), m_diags(diags), m_text(text) {}

    model::Document run(const model::Metadata& meta) {
        model::Document doc;
        doc.meta = meta;
        m_context = make_context(m_repo, m_school, m_outline, doc.meta);
        for (const auto& sec : m_outline.sections) {
            if (sec.when && !lang::evaluate(*sec.when, m_context)) continue;
            model::Section out{sec.id, sec.title, {}};
            for (const auto& e : sec.clauses)
                if (auto c = library_clause(e)) out.clauses.push_back(std::move(*c));
            doc.sections.push_back(std::move(out));
        }
        if (m_policy)
            for (const auto& l : m_policy->local) place_local(doc, l);
        doc.sections.erase(std::remove_if(doc.sections.begin(), doc.sections.end(), [](const model::Section& s) { return s.clauses.empty(); }),
                           doc.sections.end());
        return doc;
    }

private:
    std::string fill(const model::Template& t) {
        lang::RenderOptions opt;
        opt.escape = util::escape_markdown;
        opt.unescaped = util::markdown_without_html;
        opt.on_missing = [this](const model::MustacheNode& n) {
            m_diags.error(n.pos, "missing-value", "'" + n.text + "' has no value for " + m_school.name + " (" + m_school.path + ")",
                          "give it under params: in " + m_school.path + ", or wrap this text in {{#" + n.path[0] + "}}...{{/" + n.path[0] + "}}");
        };
        opt.on_limit = [this](const model::MustacheNode& n) {
            m_diags.error(n.pos, "render-limit",
                          "this text grows past " + std::to_string(lang::k_max_rendered_bytes >> 20) + " MiB when filled in for " + m_school.name +
                              " (the limit for one clause)",
                          "sections over lists repeat their text once per item, and nested ones multiply: shorten the lists or un-nest the sections");
        };
        if (!m_text) {
            lang::render_size(t, m_context, opt);
            return {};
        }
        return lang::render(t, m_context, opt);
    }

    bool excluded(const std::string& id) const {
        if (!m_policy) return false;
        return std::any_of(m_policy->exclude.begin(), m_policy->exclude.end(), [&](const auto& e) { return e.value == id; });
    }

    std::optional<Clause> library_clause(const model::ClauseEntry& e) {
        if (excluded(e.id)) return std::nullopt;
        if (e.when && !lang::evaluate(*e.when, m_context)) return std::nullopt;
        std::string variant;
        if (m_policy)
            for (const auto& v : m_policy->variants)
                if (v.clause_id == e.id) variant = v.variant;
        const model::ClauseFile* file = m_repo.clause(e.id, variant);
        if (!file) return std::nullopt;
        if (file->when && !lang::evaluate(*file->when, m_context)) return std::nullopt;
        Clause c;
        c.id = e.id;
        c.title = file->title;
        c.version = file->version;
        c.source = variant.empty() ? ClauseSource::library : ClauseSource::variant;
        c.variant = variant;
        c.origin = {file->path, file->body_line, 1};
        const model::Override* ov = nullptr;
        if (m_policy)
            for (const auto& o : m_policy->overrides)
                if (o.clause_id == e.id) ov = &o;
        if (ov) {
            c.source = ClauseSource::override_;
            if (ov->title) c.title = *ov->title;
            c.markdown = fill(ov->text_template);
            c.origin = ov->pos;
        } else {
            c.markdown = fill(file->body_template);
        }
        return c;
    }

    void place_local(model::Document& doc, const LocalClause& l) {
        Clause c;
        c.id = l.id;
        c.title = l.title;
        c.source = ClauseSource::local;
        c.markdown = fill(l.text_template);
        c.origin = l.pos;
        const std::string& anchor = l.anchor_id.value;
        if (l.anchor == LocalClause::Anchor::section) {
            for (auto& s : doc.sections)
                if (s.id == anchor) {
                    s.clauses.push_back(std::move(c));
                    return;
                }
            m_diags.warning(l.anchor_id.pos, "local-misplaced",
                            "section '" + anchor + "' is not in " + m_school.name + "'s policy, so local clause '" + l.id + "' goes at the end");
            append_last(doc, std::move(c));
            return;
        }
        for (auto& s : doc.sections)
            for (std::size_t i = 0; i < s.clauses.size(); ++i)
                if (s.clauses[i].id == anchor) {
                    std::size_t at = l.anchor == LocalClause::Anchor::after ? i + 1 : i;
                    s.clauses.insert(s.clauses.begin() + static_cast<std::ptrdiff_t>(at), std::move(c));
                    return;
                }
        // The anchor is left out for this school: put the clause at the end of its section.
        for (const auto& sec : m_outline.sections)
            for (const auto& e : sec.clauses)
                if (e.id == anchor)
                    for (auto& s : doc.sections)
                        if (s.id == sec.id) {
                            s.clauses.push_back(std::move(c));
                            return;
                        }
        m_diags.warning(l.anchor_id.pos, "local-misplaced",
                        "clause '" + anchor + "' is not in " + m_school.name + "'s policy, so local clause '" + l.id + "' goes at the end");
        append_last(doc, std::move(c));
    }

    void append_last(model::Document& doc, Clause c) {
        if (doc.sections.empty()) doc.sections.push_back({"local", "Local provisions", {}});
        doc.sections.back().clauses.push_back(std::move(c));
    }

    const model::Repository& m_repo;
    const model::School& m_school;
    const model::Outline& m_outline;
    const model::SchoolPolicy* m_policy;
    util::Diagnostics& m_diags;
    bool m_text;
    Value m_context;
};

}  // namespace

bool same_text_as_copy(const model::Document& doc, const std::string& markdown, bool allow_raw_html) {
    // Clause bodies rendered once for every document compared in this process (most read the
    // same in every school); the cache never changes the bytes (write/render_cache.hpp).
    static const auto cache = std::make_shared<write::RenderCache>(std::size_t{32} << 20);
    write::WriteOptions options;
    options.allow_raw_html = allow_raw_html;
    options.cache = cache;
    std::string now_markdown = write::write_markdown(doc, options);
    if (now_markdown == markdown) return true;  // the copy renew kept, nothing changed since: the usual case
    util::Diagnostics ignored;  // a copy that cannot be read is not the text: check says why
    // Read as Markdown; only what differs as written is compared as words.
    compare::PolicyText copy = compare::read_policy_markdown(markdown, "(approved copy)", ignored, false);
    if (ignored.has_errors()) return false;
    compare::PolicyText now = compare::read_policy_markdown(now_markdown, "(current)", ignored, false);
    if (copy.clauses.size() != now.clauses.size()) return false;
    compare::match_ids(copy, now);
    compare::match_ids(now, copy);
    // The same clauses in the same order, each the same words (the cover is not compared: it is
    // not the text the board approved); the first difference settles it.
    auto same = [](const std::string& a, const std::string& b) {
        return a == b || !compare::word_diff(compare::plain_text(a), compare::plain_text(b), {}).changed();
    };
    if (!same(copy.title, now.title)) return false;
    for (std::size_t i = 0; i < now.clauses.size(); ++i) {
        const auto& a = copy.clauses[i];
        const auto& b = now.clauses[i];
        if (a.id != b.id || !same(a.title, b.title) || !same(a.text, b.text)) return false;
    }
    return true;
}

model::Document assemble_document(const model::Repository& repo, const model::School& school, const model::Outline& outline, util::Diagnostics& diags,
                                  Rendering rendering) {
    model::Metadata meta = make_metadata(repo, school, outline);
    if (rendering == Rendering::as_approved || meta.draft_reason == model::DraftReason::unsettled) {
        model::Metadata approved = meta;
        approved.state = model::ApprovalState::approved;
        approved.draft_reason = model::DraftReason::none;
        if (rendering == Rendering::as_approved) return Assembler(repo, school, outline, diags).run(approved);
        util::Diagnostics found;
        model::Document doc = Assembler(repo, school, outline, found).run(approved);
        const model::ApprovedCopy* copy = repo.approved_copy(school.id, outline.id);
        if (!found.has_errors() && copy && same_text_as_copy(doc, copy->text, repo.config.allow_raw_html)) {
            diags.append(found);
            return doc;
        }
        meta.draft_reason = model::DraftReason::text_changed;
    }
    return Assembler(repo, school, outline, diags, rendering != Rendering::checked).run(meta);
}

}  // namespace clausebook::assemble
