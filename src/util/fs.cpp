#include "util/fs.hpp"

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <iterator>
#include <string_view>
#include <unistd.h>

#include "util/error.hpp"

namespace clausebook::util {

namespace fs = std::filesystem;

ReadResult read_file(const fs::path& path, std::size_t limit) {
    ReadResult r;
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked right after.
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        r.error = std::strerror(errno);
        return r;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        r.error = std::strerror(errno);
        return r;
    }
    if (S_ISDIR(st.st_mode)) {
        r.error = "is a folder, not a file";
        return r;
    }
    if (!S_ISREG(st.st_mode)) {
        r.error = "is not a regular file (a device, a FIFO or a socket)";
        return r;
    }
    auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > limit) {
        r.error = "is " + std::to_string(size) + " bytes, over the limit of " + std::to_string(limit) + " bytes for an input file";
        return r;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        ssize_t n = ::read(fd, text.data() + got, text.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            r.error = std::strerror(errno);
            return r;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    text.resize(got);
    r.text = std::move(text);
    return r;
}

ReadResult read_repository_file(const fs::path& root, const std::string& relative, std::size_t limit) {
    ReadResult r;
    fs::path path = root / relative;
    std::error_code ec;
    auto status = fs::symlink_status(path, ec);
    if (ec || status.type() == fs::file_type::not_found) {
        r.missing = true;
        r.error = "does not exist";
        return r;
    }
    fs::path real = fs::canonical(path, ec);
    if (ec) {
        r.rule = "unreadable";
        r.error = "is a link that leads nowhere (" + ec.message() + ")";
        return r;
    }
    if (!inside_folder(real, fs::canonical(root, ec))) {
        r.rule = "outside-repository";
        r.error = "is a link to " + real.string() + ", outside the repository";
        return r;
    }
    r = read_file(real, limit);
    if (!r.text) r.rule = r.error.find("limit") != std::string::npos ? "file-too-large" : "unreadable";
    return r;
}

bool inside_folder(const fs::path& path, const fs::path& folder) {
    if (folder.empty()) return false;
    auto p = path.begin();
    for (auto f = folder.begin(); f != folder.end(); ++f, ++p) {
        if (f->empty() && std::next(f) == folder.end()) break;  // a trailing separator
        if (p == path.end() || *p != *f) return false;
    }
    return true;
}

namespace {

bool same_content(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    if (ec || size != bytes.size()) return false;
    // Compared a block at a time: no copy of the whole file (the index of 22,000 schools is
    // tens of megabytes), and a difference near the start stops the read there.
    std::ifstream in(path, std::ios::binary);
    char block[65536];
    std::size_t at = 0;
    while (at < bytes.size()) {
        std::size_t want = std::min(sizeof block, bytes.size() - at);
        in.read(block, static_cast<std::streamsize>(want));
        if (in.gcount() != static_cast<std::streamsize>(want) || std::memcmp(block, bytes.data() + at, want) != 0) return false;
        at += want;
    }
    return true;
}

// The error set_write_fault chose; 0: no fault. Set when a run starts, read by every writer thread.
std::atomic<int> g_write_fault{0};

int injected_write_error() { return g_write_fault.load(std::memory_order_relaxed); }

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

// Writes all of `bytes` to `fd`, through short writes and interruptions. Returns 0, or the
// errno of the write that failed (EIO for a write that wrote nothing, as a full device may).
int write_all(int fd, const std::string& bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (int fault = injected_write_error()) {
            n = -1;
            errno = fault;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : EIO;
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

void set_write_fault(std::string_view spec) {
    int fault = 0;
    if (spec == "EROFS")
        fault = EROFS;
    else if (spec == "EACCES")
        fault = EACCES;
    else if (spec == "EIO")
        fault = EIO;
    else if (!spec.empty())
        fault = ENOSPC;
    g_write_fault.store(fault, std::memory_order_relaxed);
}

bool write_file_atomic(const fs::path& path, const std::string& bytes) {
    if (same_content(path, bytes)) return false;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail_write("cannot create folder " + path.parent_path().string(), ec.value());
    // The process id in the name lets a later run remove the file at once if this one is killed.
    std::string tmp_template = (path.parent_path() / ("." + path.filename().string() + "." + std::to_string(::getpid()) + ".XXXXXX")).string();
    int fd = ::mkstemp(tmp_template.data());
    if (fd < 0) fail_write("cannot write in " + path.parent_path().string(), errno);
    if (int err = write_all(fd, bytes)) {
        ::close(fd);
        ::unlink(tmp_template.c_str());
        fail_write("cannot write " + path.string(), err);
    }
    // No fsync: rename gives atomicity against a crashed or killed process, which is the
    // guarantee promised; fsync per file would cost more than the whole build.
    // A file replaced keeps its mode (renew on a school file of mode 0600 must not make it
    // readable by everyone); a new file gets 0644.
    struct stat old {};
    mode_t mode = ::stat(path.c_str(), &old) == 0 && S_ISREG(old.st_mode) ? (old.st_mode & 07777) : 0644;
    if (::fchmod(fd, mode) != 0 || ::close(fd) != 0) {
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

void write_output(const fs::path& path, const std::string& bytes) {
    std::error_code ec;
    auto link = fs::symlink_status(path, ec);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        if (link.type() == fs::file_type::symlink) throw Fatal("--output " + path.string() + " is a link that leads nowhere; name the file itself");
        write_file_atomic(path, bytes);  // a new file
        return;
    }
    if (S_ISDIR(st.st_mode)) throw Fatal("--output " + path.string() + " is a folder; name a file in it");
    if (S_ISREG(st.st_mode)) {
        // Through a link, the file it names is replaced and the link kept.
        write_file_atomic(link.type() == fs::file_type::symlink ? fs::canonical(path) : path, bytes);
        return;
    }
    // A device, a FIFO, /dev/stdout: written in place, never replaced by a temporary file.
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) fail_write("cannot write " + path.string(), errno);
    if (int err = write_all(fd, bytes)) {
        ::close(fd);
        fail_write("cannot write " + path.string(), err);
    }
    if (::close(fd) != 0) fail_write("cannot write " + path.string(), errno);
}

namespace {

bool is_temp_name(const std::string& name) {
    // "." + at least one character + "." + six characters from mkstemp's alphabet.
    if (name.size() < 9 || name[0] != '.' || name[name.size() - 7] != '.') return false;
    for (std::size_t i = name.size() - 6; i < name.size(); ++i)
        if (!std::isalnum(static_cast<unsigned char>(name[i]))) return false;
    return true;
}

// Whether the temporary file `name` (".NAME.PID.XXXXXX") was left by a process that no longer
// runs. Names without a process id (older versions) are judged by age alone.
bool writer_is_gone(const std::string& name) {
    auto end = name.size() - 7;
    auto dot = name.rfind('.', end - 1);
    if (dot == std::string::npos || dot == 0 || dot + 1 >= end) return false;
    long pid = 0;
    for (std::size_t i = dot + 1; i < end; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(name[i])) || pid > 100'000'000) return false;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid > 0 && pid != ::getpid() && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

}  // namespace

std::size_t remove_stale_temp_files(const fs::path& dir, fs::file_time_type older_than) {
    std::size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code ec2;
        std::string name = it->path().filename().string();
        if (!it->is_regular_file(ec2) || !is_temp_name(name)) continue;
        bool stale = writer_is_gone(name) || (it->last_write_time(ec2) < older_than && !ec2);
        if (stale && fs::remove(it->path(), ec2)) ++removed;
    }
    return removed;
}

}  // namespace clausebook::util
