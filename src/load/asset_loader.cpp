// Reads the trust's page template, stylesheet, DOCX styles and font files (model/page_assets.hpp).
#include "load/load.hpp"
#include "load/loaders.hpp"
#include "util/fs.hpp"

namespace clausebook::load {

namespace {

// The asset's text, kept in `sources` when messages may quote its lines; nullopt when absent
// (the built-in one is used) or unreadable (an error).
std::optional<std::string> read_asset(const model::Repository& repo, const std::string& relative, util::SourceFiles& sources, util::Diagnostics& diags,
                                      bool keep_source) {
    auto text = read_optional_file(repo.root, relative, "use the built-in one", diags);
    if (text && keep_source) sources.add(relative, *text);
    return text;
}

}  // namespace

model::PageAssets load_page_assets(const model::Repository& repo, util::SourceFiles& sources, util::Diagnostics& diags) {
    model::PageAssets assets;
    // The template and the styles are shown in messages about them (their lines); the CSS is not checked.
    assets.page_template = read_asset(repo, model::k_page_template_path, sources, diags, true);
    assets.page_css = read_asset(repo, model::k_page_css_path, sources, diags, false);
    assets.docx_styles = read_asset(repo, model::k_docx_styles_path, sources, diags, true);
    if (!repo.config.font) return assets;
    constexpr std::size_t k_max_font_bytes = 64u * 1024u * 1024u;
    for (const auto& f : repo.config.font->files) {
        auto file = util::read_repository_file(repo.root, f.value, k_max_font_bytes);
        if (!file.text) {
            assets.all_fonts_read = false;
            if (file.missing)
                diags.error(f.pos, "font-file-missing", "font file '" + f.value + "' does not exist",
                            "name a font file (.ttf, .otf) by its path from the repository's root, where clausebook.yaml is");
            else
                diags.error(f.pos, file.rule, "cannot read font file '" + f.value + "': it " + file.error, "copy the font file into the repository");
            continue;
        }
        assets.font_files.push_back({f, (repo.root / f.value).string()});
    }
    return assets;
}

}  // namespace clausebook::load
