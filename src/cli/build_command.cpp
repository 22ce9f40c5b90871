// clausebook build: every school's policies into out/<school>/<policy>.<ext>, and out/index.html;
// documents up to date since the last build (out/.clausebook/manifest) are left alone.
#include <iostream>
#include <optional>
#include <unordered_set>

#include "assemble/assembler.hpp"
#include "make/build.hpp"
#include "make/school_cache.hpp"
#include "util/parallel.hpp"
#include "cli/command.hpp"
#include "cli/commands.hpp"
#include "util/error.hpp"
#include "load/load.hpp"
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

// The page template, stylesheet and DOCX styles: the repository's own (read by load), checked,
// else the built-in ones.
void page_assets(const model::PageAssets& assets, write::WriteOptions& options, util::Diagnostics& diags) {
    if (assets.page_template) {
        options.page_template = *assets.page_template;
        write::check_page_template(options.page_template, model::k_page_template_path, diags);
    } else {
        options.page_template = std::string(write::default_page_template());
    }
    options.page_css = assets.page_css ? *assets.page_css : std::string(write::default_page_css());
    if (assets.docx_styles) {
        options.docx_styles = *assets.docx_styles;
        write::docx::check_styles(options.docx_styles, model::k_docx_styles_path, diags);
    }
}

// The trust's own typeface (clausebook.yaml `font:`): every file must be a font file inside the
// repository (load has read each), and one of them must hold the family named. Then the PDF
// writer can use them.
void trust_font(const model::Repository& repo, const model::PageAssets& assets, write::WriteOptions& options, util::Diagnostics& diags) {
    if (!repo.config.font) return;
    const auto& font = *repo.config.font;
    std::vector<std::string> families, files;
    bool ok = assets.all_fonts_read;
    for (const auto& f : assets.font_files) {
        auto found = write::pdf::font_families(f.path);
        if (found.empty()) {
            ok = false;
            diags.error(f.setting.pos, "font-file-invalid", "'" + f.setting.value + "' is not a font file that can be read (TrueType, OpenType or Type 1)",
                        "name the font's .ttf or .otf file; a font packed in a .zip must be unpacked first");
            continue;
        }
        families.insert(families.end(), found.begin(), found.end());
        files.push_back(f.path);
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
    desc.add_options()("school", po::value<std::vector<std::string>>()->composing(), "build only this school (repeatable)")(
        "policy", po::value<std::vector<std::string>>()->composing(), "build only this policy (repeatable)")(
        "format", po::value<std::vector<std::string>>()->composing(), "formats, comma-separated (default: all)")(
        "out", po::value<std::string>(), "output folder (default: out/ at the repository root)")(
        "force", po::bool_switch(), "rebuild every document, even those up to date since the last build (see out/.clausebook/manifest)")(
        "jobs,j", po::value<unsigned>()->default_value(util::default_jobs()), "worker threads (default: the machine's cores)")("quiet,q", po::bool_switch(),
                                                                                                                               "print nothing but problems");
}

int build_run(const po::variables_map& vm, Io& io) {
    BuildArgs args;
    args.root = repository_root(vm);
    if (vm.count("school")) args.schools = vm["school"].as<std::vector<std::string>>();
    if (vm.count("policy")) args.policies = vm["policy"].as<std::vector<std::string>>();
    if (vm.count("format")) args.formats = vm["format"].as<std::vector<std::string>>();
    if (vm.count("out")) {
        if (vm["out"].as<std::string>().empty()) throw util::Usage("--out needs a folder");
        args.out = vm["out"].as<std::string>();
    }
    args.force = vm["force"].as<bool>();
    args.jobs = vm["jobs"].as<unsigned>();
    args.quiet = vm["quiet"].as<bool>();
    return build_repository(args, io);
}

namespace {

// The output folder a build writes into (checked by build_with before anything is written).
std::filesystem::path output_folder(const BuildArgs& args) { return args.out ? std::filesystem::absolute(*args.out) : args.root / "out"; }

// What a run brings to build_with beyond the repository: the school cache it loaded the repository
// against (or nullptr), the manifest read for it, and whether to write a new cache.
struct CacheUse {
    const make::SchoolCache* cache = nullptr;
    std::optional<make::Manifest> manifest;
    bool record = false;
    std::int64_t started_ns = 0;
    std::unordered_set<std::string> paths_with_diagnostics;  // of load's diagnostics
    std::vector<std::optional<make::FileIdentity>> seen;  // make::Request::seen
    util::Diagnostics load_diagnostics;  // with a cache: printed once the cache is known to serve
};

// Builds the loaded `repo`. nullopt when `use.cache` vouched for schools under another key than
// this run's (a shared input, the day or the formats changed): nothing is printed or written
// then, and the caller loads every school and builds again.
std::optional<int> build_with(const BuildArgs& args, model::Repository& repo, Io& io, CacheUse use) {
    const std::filesystem::path& root = args.root;
    auto schools = select_schools(repo, args.schools);
    auto outlines = select_outlines(repo, args.policies);
    auto formats = parse_formats(args.formats);
    std::filesystem::path out_dir = output_folder(args);
    if (!args.out) {
        if (std::error_code ec; std::filesystem::is_symlink(out_dir, ec)) {
            // A committed link named out would send every write (and the clean-up of temporary
            // files) wherever it points.
            throw util::Fatal("out is a link (to " + std::filesystem::read_symlink(out_dir, ec).string() +
                              "); clausebook writes only into a real out/ folder: remove the link, or name a folder with --out DIR");
        }
    }
    refuse_input_path(root, out_dir, "--out", true);

    make::Request request;
    request.repo = &repo;
    request.schools = std::move(schools);
    request.outlines = std::move(outlines);
    request.formats = std::move(formats);
    request.out_dir = out_dir;
    request.jobs = args.jobs;
    request.options.allow_raw_html = repo.config.allow_raw_html;
    request.options.source_date_epoch = io.env.source_date_epoch;
    request.options.today = io.env.output_day();
    request.previous = use.manifest ? std::move(*use.manifest) : make::Manifest::read(out_dir);
    request.force = args.force;
    request.cache = use.cache;
    request.record_cache = use.record;
    request.started_ns = use.started_ns;
    request.seen = std::move(use.seen);
    request.paths_with_diagnostics = std::move(use.paths_with_diagnostics);
    util::Diagnostics diags;
    model::PageAssets assets = load::load_page_assets(repo, repo.sources, diags);
    page_assets(assets, request.options, diags);
    trust_font(repo, assets, request.options, diags);
    if (use.cache && (diags.has_errors() || make::cache_key(request) != use.cache->shared_key())) return std::nullopt;
    if (use.cache) print_diagnostics(use.load_diagnostics, repo.sources, io);
    if (!diags.has_errors()) diags.append(make::validate(request));
    print_diagnostics(diags, repo.sources, io);
    if (diags.has_errors()) return 2;
    auto result = make::publish(request);
    const std::size_t documents = result.documents;
    if (!args.quiet)
        io.out << "Built " << documents - result.up_to_date << " of " << documents << (documents == 1 ? " document" : " documents") << " for "
               << request.schools.size() << (request.schools.size() == 1 ? " school" : " schools") << " into " << out_dir.string() << " (" << result.written
               << " written, " << result.unchanged << " unchanged, " << result.up_to_date << " up to date)\n";
    return 0;
}

std::unordered_set<std::string> paths_of(const util::Diagnostics& diags) {
    std::unordered_set<std::string> out;
    for (const auto& d : diags.items()) out.insert(d.pos.path.str());
    return out;
}

// A build of every school and policy with the school cache an earlier one left: the school files
// it vouches for are not read. nullopt when it cannot be used (no cache, or what it vouched for
// does not hold once the shared inputs are read): the caller loads every school.
std::optional<int> build_cached(const BuildArgs& args, Io& io, std::int64_t started_ns) {
    const std::filesystem::path out_dir = output_folder(args);
    const make::SchoolCache cache = make::SchoolCache::read(out_dir);
    if (cache.empty()) return std::nullopt;
    std::vector<const write::Format*> formats;
    try {
        formats = parse_formats(args.formats);
    } catch (const std::exception&) {
        return std::nullopt;  // reported as without the cache
    }
    CacheUse use;
    use.cache = &cache;
    use.record = true;
    use.started_ns = started_ns;
    use.manifest = make::Manifest::read(out_dir);
    const make::Manifest& manifest = *use.manifest;
    use.seen.resize(cache.schools().size());
    util::Diagnostics diags;
    model::Repository repo = load::load_repository_cached(
        args.root, diags, [&](const std::string& id, const std::string& display, const std::filesystem::path& file) -> const std::vector<std::string_view>* {
            const make::SchoolRecord* rec = cache.find(id);
            // Each school file is asked about once: its slot of `seen` is its thread's alone.
            if (!rec || rec->path != display || !make::record_holds(*rec, file, manifest, out_dir, formats, &use.seen[rec - cache.schools().data()]))
                return nullptr;
            return &rec->policies;
        });
    // A school left unread is reported on by nothing: any error, which may be of it, and any
    // change of its approved copies mean reading it.
    if (diags.has_errors()) return std::nullopt;
    for (const auto& school : repo.schools)
        if (school.cached && make::approved_hash(repo, school.id) != cache.find(school.id)->approved) return std::nullopt;
    use.paths_with_diagnostics = paths_of(diags);
    use.load_diagnostics = std::move(diags);
    return build_with(args, repo, io, std::move(use));
}

}  // namespace

int build_repository(const BuildArgs& args, Io& io) {
    const std::int64_t started_ns = make::now_ns();
    const bool whole = args.schools.empty() && args.policies.empty();
    if (whole && !args.force)
        if (auto done = build_cached(args, io, started_ns)) return *done;
    util::Diagnostics diags;
    model::Repository repo = load::load_repository(args.root, diags);
    print_diagnostics(diags, repo.sources, io);
    if (diags.has_errors()) return 2;
    CacheUse use;
    use.record = whole;
    use.started_ns = started_ns;
    use.paths_with_diagnostics = paths_of(diags);
    return *build_with(args, repo, io, std::move(use));
}

int build_loaded(const BuildArgs& args, model::Repository& repo, Io& io) { return *build_with(args, repo, io, CacheUse{}); }

}  // namespace clausebook::cli
