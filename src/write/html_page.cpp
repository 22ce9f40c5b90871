#include "write/html_page.hpp"

#include "lang/mustache.hpp"
#include "util/escape.hpp"
#include "util/date.hpp"

namespace clausebook::write {

namespace {

model::ParamType page_scope() {
    using K = model::ParamType::Kind;
    model::ParamType root;
    root.kind = K::map;
    for (const char* name :
         {"title", "school", "trust", "policy_id", "css", "toc", "body", "approved", "next_review", "lang", "draft", "status", "previous_approval", "changes"})
        root.fields.push_back({name, model::ParamType{}});
    model::ParamType row;
    row.kind = K::map;
    row.fields.push_back({"label", model::ParamType{}});
    row.fields.push_back({"value", model::ParamType{}});
    model::ParamType rows;
    rows.kind = K::list;
    rows.item = std::make_shared<model::ParamType>(row);
    root.fields.push_back({"cover", rows});
    return root;
}

}  // namespace

void check_page_template(const std::string& text, const std::string& path, util::Diagnostics& diags) {
    model::Template t = lang::parse_mustache(text, {path, 1, 1, 0}, diags);
    lang::check_names(t, page_scope(), diags);
}

std::string render_page(const PageContent& page, const WriteOptions& options) {
    using model::Value;
    auto parse = [&] {
        util::Diagnostics ignored;  // checked once, before any page is written
        return lang::parse_mustache(options.page_template, {options.page_template_path, 1, 1, 0}, ignored);
    };
    // Parsed once per run when the run has a cache.
    auto parsed = options.cache ? options.cache->get<model::Template>(RenderKey{"page-template", options.page_template_path, options.page_template}, parse,
                                                                      [&](const model::Template&) { return 2 * options.page_template.size(); })
                                : std::make_shared<const model::Template>(parse());
    const model::Template& t = *parsed;
    auto optional = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
    Value ctx = Value::map();
    ctx.set("title", page.title);
    ctx.set("school", page.school);
    ctx.set("trust", page.trust);
    ctx.set("policy_id", page.policy_id);
    ctx.set("lang", "en-GB");
    ctx.set("css", options.page_css + page.extra_css);
    ctx.set("toc", page.toc);
    ctx.set("body", page.body);
    ctx.set("approved", optional(page.approved));
    ctx.set("previous_approval", optional(page.previous_approval));
    ctx.set("draft", page.draft ? Value(true) : Value());
    ctx.set("status", page.status);
    ctx.set("changes", optional(page.changes));
    ctx.set("next_review", optional(page.next_review));
    Value::List items;
    for (const auto& r : page.cover) {
        Value row = Value::map();
        row.set("label", r.label);
        row.set("value", r.value);
        items.push_back(row);
    }
    ctx.set("cover", Value::list(std::move(items)));
    lang::RenderOptions opt;
    opt.escape = util::escape_html;
    std::string out = lang::render(t, ctx, opt);
    // A trust's own template that leaves the draft banner out still gets one, at the top of the
    // policy's text: a draft is never shown without saying so in words.
    if (page.draft && out.find("class=\"draft-banner\"") == std::string::npos) {
        ctx.set("body", "<div class=\"draft-banner\" role=\"note\" aria-label=\"Status\"><p><strong>" + util::escape_html(page.status) +
                            ".</strong> The board has not approved this text.</p></div>\n" + page.body);
        out = lang::render(t, ctx, opt);
    }
    return out;
}

std::string render_page(const model::Document& doc, const WriteOptions& options, const std::string& toc, const std::string& body) {
    PageContent page;
    page.title = doc.meta.title;
    page.school = doc.meta.school_name;
    page.trust = doc.meta.trust_name;
    page.policy_id = doc.meta.policy_id;
    page.toc = toc;
    page.body = body;
    // A draft's approval date is the previous text's: never given to the page as this text's.
    page.draft = doc.meta.draft();
    std::string approval = doc.meta.approved ? util::to_long(*doc.meta.approved) : std::string();
    (page.draft ? page.previous_approval : page.approved) = approval;
    page.status = model::status_line(doc.meta);
    page.changes = changes_file(doc.meta);
    if (doc.meta.next_review) page.next_review = util::to_long(*doc.meta.next_review);
    page.cover = cover_rows(doc.meta);
    return render_page(page, options);
}

}  // namespace clausebook::write
