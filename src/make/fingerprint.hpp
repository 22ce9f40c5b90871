// Input fingerprints for incremental builds: a hash of everything one output file is made
// from, so that a later run can tell it would write the same bytes without writing them. A
// document's file in one format depends on the tool itself, every repository input but the
// school files (clauses, outlines, clausebook.yaml, the page and style templates),
// SOURCE_DATE_EPOCH, its own school file, its newest approved copy (which settles whether it is a
// draft: a renew or an edited copy rebuilds it), the policy and the format. XXH3, 128 bits.
#pragma once

#include <string>
#include <string_view>

#include <xxhash.h>

#include "model/repository.hpp"
#include "write/school_page.hpp"
#include "write/writer.hpp"

namespace clausebook::make {

class Fingerprints {
public:
    // Hashes the parts every document shares; the texts are those `repo.sources` holds.
    Fingerprints(const model::Repository& repo, const write::WriteOptions& options);

    // The fingerprint of `school`'s `outline` in `format`: 32 hexadecimal digits, or empty
    // (which matches nothing) when the school file's text is not in `repo.sources`.
    std::string of(const model::School& school, const model::Outline& outline, std::string_view format) const;

    // The fingerprint of a school's policies page (out/<school>/index.html): everything it shows
    // (its rows as made for the day, the school, the trust) and the shared inputs, which hold the
    // page template and stylesheet. Hashing the rows costs far less than rendering the page and
    // comparing it with the file on disk, which a no-change build would otherwise do 22,000 times.
    std::string of_page(const write::SchoolPage& page) const;

    // The hash of the parts every output shares (the tool, every input but the school files, the
    // options): 32 hexadecimal digits. The school cache (school_cache.hpp) is keyed on it.
    std::string shared() const;

private:
    const model::Repository* m_repo;
    XXH128_hash_t m_global{};
};

// XXH3-128 of `bytes`, as 32 hexadecimal digits.
std::string hash_hex(std::string_view bytes);

}  // namespace clausebook::make
