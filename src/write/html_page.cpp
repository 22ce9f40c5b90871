#include "write/html_page.hpp"

#include "lang/mustache.hpp"
#include "util/date.hpp"

namespace clausebook::write {

namespace {

model::ParamType page_scope() {
    using K = model::ParamType::Kind;
    model::ParamType root;
    root.kind = K::map;
    for (const char* name : {"title", "school", "trust", "policy_id", "css", "toc", "body", "approved", "next_review", "lang", "draft", "status",
                             "previous_approval", "changes"})
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
    lang::Template t = lang::parse_mustache(text, {path, 1, 1, 0}, diags);
    lang::check_names(t, page_scope(), diags);
}

std::string render_page(const model::Document& doc, const WriteOptions& options, const std::string& toc, const std::string& body) {
    using model::Value;
    auto parse = [&] {
        util::Diagnostics ignored;  // checked once, before any page is written
        return lang::parse_mustache(options.page_template, {options.page_template_path, 1, 1, 0}, ignored);
    };
    // Parsed once per run when the run has a cache.
    auto parsed = options.cache ? options.cache->get<lang::Template>(RenderKey{"page-template", options.page_template_path, options.page_template}, parse,
                                                                      [&](const lang::Template&) { return 2 * options.page_template.size(); })
                                : std::make_shared<const lang::Template>(parse());
    const lang::Template& t = *parsed;
    Value ctx = Value::map();
    ctx.set("title", doc.meta.title);
    ctx.set("school", doc.meta.school_name);
    ctx.set("trust", doc.meta.trust_name);
    ctx.set("policy_id", doc.meta.policy_id);
    ctx.set("lang", "en-GB");
    ctx.set("css", options.page_css);
    ctx.set("toc", toc);
    ctx.set("body", body);
    // A draft's approval date is the previous text's: never given to the page as this text's.
    const bool draft = doc.meta.draft();
    std::string approval = doc.meta.approved ? util::to_long(*doc.meta.approved) : std::string();
    ctx.set("approved", !draft && !approval.empty() ? Value(approval) : Value());
    ctx.set("previous_approval", draft && !approval.empty() ? Value(approval) : Value());
    ctx.set("draft", draft ? Value(true) : Value());
    ctx.set("status", model::status_line(doc.meta));
    std::string changes = changes_file(doc.meta);
    ctx.set("changes", changes.empty() ? Value() : Value(changes));
    ctx.set("next_review", doc.meta.next_review ? Value(util::to_long(*doc.meta.next_review)) : Value());
    Value rows = Value::list();
    Value::List items;
    for (const auto& r : cover_rows(doc.meta)) {
        Value row = Value::map();
        row.set("label", r.label);
        row.set("value", r.value);
        items.push_back(row);
    }
    ctx.set("cover", Value::list(std::move(items)));
    lang::RenderOptions opt;
    opt.escape = lang::escape_html;
    std::string page = lang::render(t, ctx, opt);
    // A trust's own template that leaves the draft banner out still gets one, at the top of the
    // policy's text: a draft is never shown without saying so in words.
    if (draft && page.find("class=\"draft-banner\"") == std::string::npos) {
        ctx.set("body", "<div class=\"draft-banner\" role=\"note\" aria-label=\"Status\"><p><strong>" + lang::escape_html(model::status_line(doc.meta)) +
                            ".</strong> The board has not approved this text.</p></div>\n" + body);
        page = lang::render(t, ctx, opt);
    }
    return page;
}

}  // namespace clausebook::write
