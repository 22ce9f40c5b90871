// clausebook build: every school's policies into out/<school>/<policy>.<ext>, and out/index.html;
// documents up to date since the last build (out/.clausebook/manifest) are left alone.
#include <iostream>

#include "assemble/assembler.hpp"
#include "build/build.hpp"
#include "util/parallel.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "util/error.hpp"
#include "util/fs.hpp"
#include "util/text.hpp"
#include "write/docx/styles_part.hpp"
#include "write/html_page.hpp"
#include "write/pdf/fonts.hpp"
#include "write/writer.hpp"

namespace clausebook::cli {

namespace po = boost::program_options;

namespace {

std::vector<const write::Format*> parse_formats(const std::vector<std::string>& values) {
    std::vector<const write::Format*> out;
    std::vector<std::string> names;
    for (const auto& f : write::formats()) names.emplace_back(f.name);
    for (const auto& v : values) {
        std::size_t start = 0;
        while (start <= v.size()) {
            auto comma = v.find(',', start);
            std::string name(util::trim(std::string_view(v).substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
            if (!name.empty()) {
                const write::Format* f = write::find_format(name);
                if (!f) {
                    std::string hint = util::did_you_mean(name, names);
                    throw util::Fatal("--format: '" + name + "' is not a format; " + (hint.empty() ? "the formats are: " + util::join(names, ", ") : hint));
                }
                bool dup = false;
                for (auto* g : out) dup = dup || g == f;
                if (!dup) out.push_back(f);
            }
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    if (out.empty() && !values.empty()) throw util::Usage("--format names no format; the formats are: " + util::join(names, ", "));
    if (out.empty())
        for (const auto& f : write::formats()) out.push_back(&f);
    return out;
}

// One of the repository's page assets: its text, nullopt when absent (the built-in is used), and
// an error (nothing built) when it exists but is a link out of the repository, too large, or not
// a readable file: a trust's styling must not disappear silently.
std::optional<std::string> page_asset(const load::Repository& repo, const std::string& relative, util::Diagnostics& diags) {
    auto file = util::read_repository_file(repo.root, relative);
    if (file.text) return file.text;
    if (!file.missing)
        diags.error({relative, 0, 0}, file.rule, "cannot read this file: it " + file.error,
                    file.rule == "outside-repository" ? "copy the file into the repository instead of linking to it"
                                                      : "make it a regular file of at most 4 MiB, or remove it to use the built-in one");
    return std::nullopt;
}

// The page template and stylesheet: the repository's own under templates/, else the built-in.
void page_assets(const load::Repository& repo, write::WriteOptions& options, util::Diagnostics& diags, util::SourceFiles& sources) {
    auto html = page_asset(repo, "templates/page.html", diags);
    if (html) {
        options.page_template = *html;
        sources.add("templates/page.html", *html);
        write::check_page_template(options.page_template, "templates/page.html", diags);
    } else {
        options.page_template = std::string(write::default_page_template());
    }
    auto css = page_asset(repo, "templates/page.css", diags);
    options.page_css = css ? *css : std::string(write::default_page_css());
    if (auto styles = page_asset(repo, "templates/docx/styles.xml", diags)) {
        options.docx_styles = *styles;
        sources.add("templates/docx/styles.xml", *styles);
        write::docx::check_styles(options.docx_styles, "templates/docx/styles.xml", diags);
    }
}

// The trust's own typeface (clausebook.yaml `font:`): every file must be a font file inside the
// repository, and one of them must hold the family named. Then the PDF writer can use them.
void trust_font(const load::Repository& repo, write::WriteOptions& options, util::Diagnostics& diags) {
    if (!repo.config.font) return;
    const auto& font = *repo.config.font;
    constexpr std::size_t k_max_font_bytes = 64u * 1024u * 1024u;
    std::vector<std::string> families, files;
    bool ok = true;
    for (const auto& f : font.files) {
        auto file = util::read_repository_file(repo.root, f.value, k_max_font_bytes);
        if (!file.text) {
            ok = false;
            if (file.missing)
                diags.error(f.pos, "font-file-missing", "font file '" + f.value + "' does not exist",
                            "name a font file (.ttf, .otf) by its path from the repository's root, where clausebook.yaml is");
            else
                diags.error(f.pos, file.rule, "cannot read font file '" + f.value + "': it " + file.error, "copy the font file into the repository");
            continue;
        }
        std::string path = (repo.root / f.value).string();
        auto found = write::pdf::font_families(path);
        if (found.empty()) {
            ok = false;
            diags.error(f.pos, "font-file-invalid", "'" + f.value + "' is not a font file that can be read (TrueType, OpenType or Type 1)",
                        "name the font's .ttf or .otf file; a font packed in a .zip must be unpacked first");
            continue;
        }
        families.insert(families.end(), found.begin(), found.end());
        files.push_back(path);
    }
    if (!ok) return;
    bool named = false;
    for (const auto& f : families) named = named || f == font.name.value;
    if (!named) {
        std::string hint = util::did_you_mean(font.name.value, families);
        diags.error(font.name.pos, "font-name-mismatch",
                    "no file under 'files' holds the font family '" + font.name.value + "'; they hold: " + util::join(families, ", "),
                    hint.empty() ? "write the family name as the font files give it" : hint);
        return;
    }
    options.font_family = font.name.value;
    options.font_files = files;
    write::pdf::add_font_files(files);
}

}  // namespace

void build_options(po::options_description& desc, po::positional_options_description&) {
    desc.add_options()
        ("school", po::value<std::vector<std::string>>()->composing(), "build only this school (repeatable)")
        ("policy", po::value<std::vector<std::string>>()->composing(), "build only this policy (repeatable)")
        ("format", po::value<std::vector<std::string>>()->composing(), "formats, comma-separated (default: all)")
        ("out", po::value<std::string>(), "output folder (default: out/ at the repository root)")
        ("force", po::bool_switch(), "rebuild every document, even those up to date since the last build (see out/.clausebook/manifest)")
        ("jobs,j", po::value<unsigned>()->default_value(util::default_jobs()), "worker threads (default: the machine's cores)")
        ("quiet,q", po::bool_switch(), "print nothing but problems");
}

int build_run(const po::variables_map& vm, Io& io) {
    auto root = repository_root(vm);
    auto repo = load_or_report(root, io);
    if (!repo) return 2;
    auto schools = select_schools(*repo, vm.count("school") ? vm["school"].as<std::vector<std::string>>() : std::vector<std::string>{});
    auto outlines = select_outlines(*repo, vm.count("policy") ? vm["policy"].as<std::vector<std::string>>() : std::vector<std::string>{});
    auto formats = parse_formats(vm.count("format") ? vm["format"].as<std::vector<std::string>>() : std::vector<std::string>{});
    std::filesystem::path out_dir = root / "out";
    if (vm.count("out")) {
        if (vm["out"].as<std::string>().empty()) throw util::Usage("--out needs a folder");
        out_dir = std::filesystem::absolute(vm["out"].as<std::string>());
    } else if (std::error_code ec; std::filesystem::is_symlink(out_dir, ec)) {
        // A committed link named out would send every write (and the clean-up of temporary
        // files) wherever it points.
        throw util::Fatal("out is a link (to " + std::filesystem::read_symlink(out_dir, ec).string() +
                          "); clausebook writes only into a real out/ folder: remove the link, or name a folder with --out DIR");
    }
    refuse_input_path(root, out_dir, "--out", true);

    build::Request request;
    request.repo = &*repo;
    request.schools = std::move(schools);
    request.outlines = std::move(outlines);
    request.formats = std::move(formats);
    request.out_dir = out_dir;
    request.jobs = vm["jobs"].as<unsigned>();
    request.options.allow_raw_html = repo->config.allow_raw_html;
    request.previous = build::Manifest::read(out_dir);
    request.force = vm["force"].as<bool>();
    util::Diagnostics diags;
    page_assets(*repo, request.options, diags, repo->sources);
    trust_font(*repo, request.options, diags);
    if (!diags.has_errors()) diags.append(build::validate(request));
    print_diagnostics(diags, repo->sources, io);
    if (diags.has_errors()) return 2;
    auto result = build::publish(request);
    const std::size_t documents = result.documents;
    if (!vm["quiet"].as<bool>())
        io.out << "Built " << documents - result.up_to_date << " of " << documents << (documents == 1 ? " document" : " documents") << " for " << request.schools.size()
               << (request.schools.size() == 1 ? " school" : " schools") << " into " << out_dir.string() << " (" << result.written
               << " written, " << result.unchanged << " unchanged, " << result.up_to_date << " up to date)\n";
    return 0;
}

}  // namespace clausebook::cli
