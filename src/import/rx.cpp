#include "import/rx.hpp"

#include <stdexcept>

namespace clausebook::import::rx {

namespace {

bool run(std::string_view text, std::size_t from, const Regex& re, re2::RE2::Anchor anchor, Match* m) {
    const re2::RE2& r = re.re();
    re2::StringPiece subject(text.data(), text.size());
    if (!m) return r.Match(subject, from, text.size(), anchor, nullptr, 0);  // no groups asked for: RE2's fastest path
    m->subject = text;
    m->groups.assign(static_cast<std::size_t>(r.NumberOfCapturingGroups()) + 1, re2::StringPiece());
    return r.Match(subject, from, text.size(), anchor, m->groups.data(), static_cast<int>(m->groups.size()));
}

}  // namespace

Regex::Regex(const std::string& pattern, bool icase) {
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingLatin1);
    options.set_case_sensitive(!icase);
    options.set_log_errors(false);
    re_ = std::make_shared<const re2::RE2>(pattern, options);
    // The patterns are the program's own: one that does not compile is a bug, found by any test.
    if (!re_->ok()) throw std::logic_error("import: bad pattern " + pattern + ": " + re_->error());
}

bool search(std::string_view text, const Regex& re, Match* m) { return run(text, 0, re, re2::RE2::UNANCHORED, m); }

bool full(std::string_view text, const Regex& re, Match* m) { return run(text, 0, re, re2::RE2::ANCHOR_BOTH, m); }

std::vector<Match> all(std::string_view text, const Regex& re) {
    std::vector<Match> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        Match m;
        if (!run(text, pos, re, re2::RE2::UNANCHORED, &m)) break;
        std::size_t begin = m.position(), end = begin + m.length();
        out.push_back(std::move(m));
        pos = end > begin ? end : begin + 1;
    }
    return out;
}

std::string replace_all(std::string_view text, const Regex& re, std::string_view with) {
    return replace_all(text, re, [&](const Match&) { return std::string(with); });
}

std::string replace_all(std::string_view text, const Regex& re, const std::function<std::string(const Match&)>& with) {
    std::string out;
    std::size_t pos = 0, copied = 0;
    while (pos <= text.size()) {
        Match m;
        if (!run(text, pos, re, re2::RE2::UNANCHORED, &m)) break;
        std::size_t begin = m.position(), end = begin + m.length();
        out.append(text.substr(copied, begin - copied));
        out.append(with(m));
        copied = end;
        pos = end > begin ? end : begin + 1;
    }
    out.append(text.substr(std::min(copied, text.size())));
    return out;
}

}  // namespace clausebook::import::rx
