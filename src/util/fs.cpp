#include "util/fs.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <string_view>
#include <unistd.h>

#include "util/error.hpp"

namespace clausebook::util {

namespace fs = std::filesystem;

ReadResult read_file(const fs::path& path, std::size_t limit) {
    ReadResult r;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        r.error = "is a folder, not a file";
        return r;
    }
    auto size = fs::file_size(path, ec);
    if (ec) {
        r.error = ec.message();
        return r;
    }
    if (size > limit) {
        r.error = "is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) + " bytes for an input file";
        return r;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        r.error = std::strerror(errno);
        return r;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<std::size_t>(in.gcount()));
    r.text = std::move(text);
    return r;
}

namespace {

bool same_content(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size != bytes.size()) return false;
    std::ifstream in(path, std::ios::binary);
    std::string old(bytes.size(), '\0');
    in.read(old.data(), static_cast<std::streamsize>(old.size()));
    return in.gcount() == static_cast<std::streamsize>(bytes.size()) && old == bytes;
}

// Test hook (issue 8): CLAUSEBOOK_FAULT_WRITE=ENOSPC|EROFS|EACCES|EIO makes every
// write_file_atomic fail as if writing its temporary file had failed with that error, to
// exercise a full disk or a read-only folder without mounting one. 0: no fault.
int injected_write_error() {
    const char* spec = std::getenv("CLAUSEBOOK_FAULT_WRITE");
    if (!spec || !*spec) return 0;
    std::string_view s(spec);
    if (s == "EROFS") return EROFS;
    if (s == "EACCES") return EACCES;
    if (s == "EIO") return EIO;
    return ENOSPC;
}

// "cannot write PATH: REASON; WHAT TO DO", the advice chosen by the error.
[[noreturn]] void fail_write(const std::string& what, int err) {
    std::string advice;
    switch (err) {
    case ENOSPC:
    case EDQUOT: advice = "free some space on that disk, or write elsewhere with --out DIR"; break;
    case EROFS: advice = "that file system is read-only: write elsewhere with --out DIR"; break;
    case EACCES:
    case EPERM: advice = "you may not write there: check the folder's permissions, or write elsewhere with --out DIR"; break;
    case ENOTDIR:
    case EEXIST: advice = "a file stands where a folder should be: move it aside, or write elsewhere with --out DIR"; break;
    default: advice = "nothing else was changed; fix the cause and run again"; break;
    }
    throw Fatal(what + ": " + std::strerror(err) + "; " + advice, 3);
}

}  // namespace

bool write_file_atomic(const fs::path& path, const std::string& bytes) {
    if (same_content(path, bytes)) return false;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail_write("cannot create folder " + path.parent_path().string(), ec.value());
    std::string tmp_template = (path.parent_path() / ("." + path.filename().string() + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp_template.data());
    if (fd < 0) fail_write("cannot write in " + path.parent_path().string(), errno);
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (int fault = injected_write_error()) {
            n = -1;
            errno = fault;
        }
        if (n < 0) {
            if (errno == EINTR) continue;
            int err = errno;
            ::close(fd);
            ::unlink(tmp_template.c_str());
            fail_write("cannot write " + path.string(), err);
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    // No fsync: rename gives atomicity against a crashed or killed process, which is the
    // guarantee promised; fsync per file would cost more than the whole build.
    if (::fchmod(fd, 0644) != 0 || ::close(fd) != 0) {
        int err = errno;
        ::unlink(tmp_template.c_str());
        fail_write("cannot write " + path.string(), err);
    }
    if (::rename(tmp_template.c_str(), path.c_str()) != 0) {
        int err = errno;
        ::unlink(tmp_template.c_str());
        fail_write("cannot replace " + path.string(), err);
    }
    return true;
}

namespace {

bool is_temp_name(const std::string& name) {
    // "." + at least one character + "." + six characters from mkstemp's alphabet.
    if (name.size() < 9 || name[0] != '.' || name[name.size() - 7] != '.') return false;
    for (std::size_t i = name.size() - 6; i < name.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(name[i]))) return false;
    return true;
}

}  // namespace

std::size_t remove_stale_temp_files(const fs::path& dir, fs::file_time_type older_than) {
    std::size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        if (!it->is_regular_file(ec2) || !is_temp_name(it->path().filename().string())) continue;
        if (it->last_write_time(ec2) < older_than && !ec2 && fs::remove(it->path(), ec2)) ++removed;
    }
    return removed;
}

}  // namespace clausebook::util
