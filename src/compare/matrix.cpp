// build_matrix(): each school's assembled policy against the library, clause by clause.
#include "compare/matrix.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "assemble/assembler.hpp"
#include "compare/defaults.hpp"
#include "compare/policy_text.hpp"
#include "lang/condition.hpp"

namespace clausebook::compare {

namespace {

struct Placed {
    const model::Clause* clause = nullptr;
    std::string number;
};

// Every clause of `doc` by id, with its number.
std::vector<std::pair<std::string, Placed>> placed_clauses(const model::Document& doc) {
    std::vector<std::pair<std::string, Placed>> out;
    for (std::size_t s = 0; s < doc.sections.size(); ++s)
        for (std::size_t c = 0; c < doc.sections[s].clauses.size(); ++c) {
            const auto& cl = doc.sections[s].clauses[c];
            out.push_back({cl.id, {&cl, std::to_string(s + 1) + "." + std::to_string(c + 1)}});
        }
    return out;
}

// Library clause ids of `doc` that are out of the outline's order: those not on a longest
// common subsequence of the document's order and the outline's.
std::vector<std::string> moved_ids(const std::vector<std::string>& outline_order, const std::vector<std::string>& doc_order) {
    std::unordered_set<std::string> in_doc(doc_order.begin(), doc_order.end());
    std::vector<std::string> present;
    for (const auto& id : outline_order)
        if (in_doc.count(id)) present.push_back(id);
    std::vector<Op> ops = myers_diff(present, doc_order);
    std::vector<std::string> out;
    std::size_t j = 0;
    for (Op op : ops) {
        if (op == Op::ins) out.push_back(doc_order[j]);
        if (op != Op::del) ++j;
    }
    return out;
}

class MatrixBuilder {
public:
    MatrixBuilder(const model::Repository& repo, const model::Outline& outline, const MatrixOptions& options, util::Diagnostics& diags)
        : m_repo(repo), m_outline(outline), m_options(options), m_diags(diags) {
        m_matrix.policy_id = outline.id;
        m_matrix.policy_title = outline.title;
        m_matrix.trust_name = repo.config.trust_name;
        m_matrix.today = options.today;
        m_matrix.due_within_days = options.due_within_days;
        for (const auto& sec : outline.sections)
            for (const auto& e : sec.clauses) {
                const model::ClauseFile* f = repo.clause(e.id);
                m_matrix.rows.push_back({e.id, f ? f->title : e.id, sec.title, !e.optional, {}});
                m_order.push_back(e.id);
            }
    }

    void add(const model::School& school) {
        model::Document doc = assemble::assemble_document(m_repo, school, m_outline, m_diags);
        Column col;
        col.school_id = school.id;
        col.school_name = school.name;
        col.meta = doc.meta;
        col.review = model::review_status(doc.meta, m_options.today, m_options.due_within_days);
        col.audiences = doc.meta.audiences;
        const model::SchoolPolicy* policy = school.policy(m_outline.id);
        model::Value ctx = assemble::make_context(m_repo, school, m_outline, doc.meta);
        model::Value defaults = default_context(ctx, m_repo, m_outline);
        std::vector<ParamChange> changes = changed_params(m_repo, m_outline, ctx);
        auto placed = placed_clauses(doc);
        std::unordered_map<std::string, const Placed*> by_id;
        by_id.reserve(placed.size());
        for (const auto& entry : placed) by_id.emplace(entry.first, &entry.second);
        std::vector<std::string> doc_order;
        for (const auto& [id, p] : placed)
            if (p.clause->source != model::ClauseSource::local) doc_order.push_back(id);
        std::vector<std::string> moved_list = moved_ids(m_order, doc_order);
        std::unordered_set<std::string> moved(moved_list.begin(), moved_list.end());

        std::size_t r = 0;
        for (const auto& sec : m_outline.sections)
            for (const auto& e : sec.clauses) {
                auto it = by_id.find(e.id);
                const Placed* p = it == by_id.end() ? nullptr : it->second;
                Cell cell = p ? present(*p, ctx, defaults, changes, policy) : missing(sec, e, ctx, policy);
                cell.moved = p && moved.count(e.id);
                m_matrix.rows[r++].cells.push_back(std::move(cell));
            }
        for (std::size_t s = 0; s < doc.sections.size(); ++s)
            for (std::size_t c = 0; c < doc.sections[s].clauses.size(); ++c) {
                const auto& cl = doc.sections[s].clauses[c];
                if (cl.source != model::ClauseSource::local) continue;
                col.locals.push_back({cl.id, cl.title, doc.sections[s].title, std::to_string(s + 1) + "." + std::to_string(c + 1)});
            }
        m_matrix.columns.push_back(std::move(col));
    }

    Matrix finish() {
        for (std::size_t c = 0; c < m_matrix.columns.size(); ++c) {
            Column& col = m_matrix.columns[c];
            for (const auto& row : m_matrix.rows) {
                const Cell& cell = row.cells[c];
                if (cell.status == Status::missing && cell.why == "not-applicable")
                    ++col.not_applicable;
                else if (cell.gap)
                    ++col.gaps;
                else
                    ++col.counts[static_cast<int>(cell.status)];
                if (cell.moved) ++col.moved;
            }
            col.counts[static_cast<int>(Status::local)] = col.locals.size();
        }
        return std::move(m_matrix);
    }

private:
    Cell present(const Placed& p, const model::Value& ctx, const model::Value& defaults, const std::vector<ParamChange>& changes,
                 const model::SchoolPolicy* policy) {
        const model::Clause& c = *p.clause;
        Cell cell;
        cell.status = Status::same;
        cell.title = c.title;
        cell.number = p.number;
        std::string variant = c.source == model::ClauseSource::library ? std::string() : c.variant;
        if (c.source == model::ClauseSource::override_ && policy)
            for (const auto& v : policy->variants)
                if (v.clause_id == c.id) variant = v.variant;
        const model::ClauseFile* file = m_repo.clause(c.id, variant);
        if (!file) return cell;
        if (c.source == model::ClauseSource::override_) {
            cell.status = Status::reworded;
            cell.redline = redline(render_clause(file->body_template, ctx), c.markdown);
            cell.similarity = cell.redline.similarity;
            return cell;
        }
        std::string model_text = render_clause(file->body_template, defaults);
        auto used_changes = [&] {
            std::set<std::string> used = names_used(file->body_template);
            std::vector<ParamChange> out;
            for (const auto& ch : changes)
                if (used.count(ch.name)) out.push_back(ch);
            return out;
        };
        if (c.source == model::ClauseSource::variant) {
            cell.status = Status::variant;
            cell.variant = c.variant;
            if (model_text != c.markdown) cell.params = used_changes();
            if (const model::ClauseFile* library = m_repo.clause(c.id)) cell.redline = redline(render_clause(library->body_template, ctx), c.markdown);
            return cell;
        }
        if (model_text == c.markdown) return cell;  // same
        cell.status = Status::params;
        cell.params = used_changes();
        cell.redline = redline(model_text, c.markdown);
        return cell;
    }

    // Redlines compare what readers see: the plain words, not the Markdown. Schools of one trust
    // share most of their wording (the same override, the same values), so each distinct pair of
    // texts is compared once per run, within a budget for the texts kept as keys.
    Redline redline(const std::string& from_markdown, const std::string& to_markdown) {
        std::string key;
        key.reserve(from_markdown.size() + to_markdown.size() + 1);
        key.append(from_markdown).append(1, '\0').append(to_markdown);
        if (auto it = m_redlines.find(key); it != m_redlines.end()) return it->second;
        Redline r = word_diff(plain_text(from_markdown), plain_text(to_markdown), m_options.diff);
        if (m_redline_bytes + key.size() <= k_redline_budget) {
            m_redline_bytes += key.size();
            m_redlines.emplace(std::move(key), r);
        }
        return r;
    }
    static constexpr std::size_t k_redline_budget = 64u << 20;

    Cell missing(const model::OutlineSection& sec, const model::ClauseEntry& e, const model::Value& ctx, const model::SchoolPolicy* policy) {
        Cell cell;
        cell.status = Status::missing;
        const model::ClauseFile* file = m_repo.clause(e.id);
        bool applies = (!sec.when || lang::evaluate(*sec.when, ctx)) && (!e.when || lang::evaluate(*e.when, ctx)) &&
                       (!file || !file->when || lang::evaluate(*file->when, ctx));
        if (!applies) {
            cell.why = "not-applicable";
            return cell;
        }
        bool replaced = policy && std::any_of(policy->local.begin(), policy->local.end(), [&](const model::LocalClause& l) {
                            return l.anchor != model::LocalClause::Anchor::section && l.anchor_id.value == e.id;
                        });
        cell.why = replaced ? "replaced" : "excluded";
        cell.gap = !e.optional && !replaced;
        return cell;
    }

    const model::Repository& m_repo;
    const model::Outline& m_outline;
    const MatrixOptions& m_options;
    util::Diagnostics& m_diags;
    std::vector<std::string> m_order;  // the outline's clause ids in order
    std::unordered_map<std::string, Redline> m_redlines;  // from + '\0' + to -> its redline
    std::size_t m_redline_bytes = 0;
    Matrix m_matrix;
};

}  // namespace

Matrix build_matrix(const model::Repository& repo, const model::Outline& outline, const std::vector<const model::School*>& schools,
                    const MatrixOptions& options, util::Diagnostics& diags) {
    MatrixBuilder b(repo, outline, options, diags);
    for (const auto* s : schools) b.add(*s);
    return b.finish();
}

}  // namespace clausebook::compare
