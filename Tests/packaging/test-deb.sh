#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the .deb with scripts/build-deb and inspects it: file list and modes,
# control fields, conffiles, maintainer scripts, and that the packaged binaries
# run --version.
#
#   Tests/packaging/test-deb.sh            stand-in binaries (a small C program that links
#                                          the same system libraries), no Swift build
#   Tests/packaging/test-deb.sh --real     the real release build (slow: builds newsd and newsq)
#   Tests/packaging/test-deb.sh --lint     also run lintian (installed with apt-get if missing)
#   NEWSD_DEB=path/to.deb Tests/packaging/test-deb.sh   inspect an existing package
#
# Needs dpkg-dev, binutils, a C compiler (stand-ins only) and man-db.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
real=false
lint_args=()
for argument in "$@"; do
    case "$argument" in
        --real) real=true ;;
        --lint) lint_args=(--lint) ;;
        *) echo "test-deb: unknown argument $argument" >&2; exit 64 ;;
    esac
done

version=$(tr -d '[:space:]' <"$root/VERSION")
arch=$(dpkg --print-architecture)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }
check() { # check DESCRIPTION COMMAND...
    local description=$1
    shift
    if "$@"; then pass "$description"; else fail "$description"; fi
}

# Stand-ins: print a version, and for newsq a completion script, like the real tools.
make_stand_ins() {
    local dir=$1
    mkdir -p "$dir"
    cat >"$scratch/stand-in.c" <<'EOF'
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <systemd/sd-daemon.h>
#include <libxml/xmlversion.h>
#include <gmime/gmime.h>
#include <zstd.h>
#include <openssl/crypto.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("%s\n", VERSION);
        return 0;
    }
    if (argc > 2 && strcmp(argv[1], "--generate-completion-script") == 0) {
        printf("# %s completion for %s (stand-in)\n", argv[2], NAME);
        return 0;
    }
    /* Call into each library so that it stays in NEEDED despite --as-needed. */
    xmlCheckVersion(LIBXML_VERSION);
    g_mime_init();
    (void)ZSTD_versionNumber();
    (void)OpenSSL_version_num();
    printf("%s sqlite %s, booted %d, libxml2 %s, glib %u\n", NAME, sqlite3_libversion(), sd_booted(),
           LIBXML_DOTTED_VERSION, glib_major_version);
    return 0;
}
EOF
    local name xml_cflags xml_libs
    read -r -a xml_cflags <<<"$(pkg-config --cflags libxml-2.0 gmime-3.0)"
    read -r -a xml_libs <<<"$(pkg-config --libs libxml-2.0 gmime-3.0)"
    for name in newsd newsq; do
        cc -O2 -g -fPIE -pie -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wl,-z,relro,-z,now \
            -DNAME="\"$name\"" -DVERSION="\"$version\"" "${xml_cflags[@]}" \
            "$scratch/stand-in.c" -o "$dir/$name" -lsqlite3 -lsystemd -lzstd -lcrypto "${xml_libs[@]}"
    done
}

# 1. Build
if [[ -n "${NEWSD_DEB:-}" ]]; then
    deb=$(realpath "$NEWSD_DEB")
else
    if $real; then
        "$root/scripts/build-deb" --output "$scratch/out" "${lint_args[@]}"
    else
        make_stand_ins "$scratch/bin"
        NEWSD_DEB_BINARIES=$scratch/bin "$root/scripts/build-deb" --output "$scratch/out" "${lint_args[@]}"
    fi
    deb=$scratch/out/newsd_${version}_${arch}.deb
fi
check "package file newsd_${version}_${arch}.deb exists" test -f "$deb"

# 2. Files, modes and owners
dpkg-deb -c "$deb" | awk '{ name = $6; sub(/^\.\//, "/", name); print $1, $2, name }' >"$scratch/contents"
expect_file() { # MODE PATH
    if grep -qx -- "$1 root/root $2" "$scratch/contents"; then
        pass "$2 is $1 root/root"
    else
        fail "$2 is $1 root/root (found: $(grep -F " $2" "$scratch/contents" | head -1))"
    fi
}
expect_file -rwxr-xr-x /usr/bin/newsd
expect_file -rwxr-xr-x /usr/bin/newsq
expect_file -rw-r--r-- /usr/lib/systemd/system/newsd.service
expect_file -rw-r--r-- /usr/lib/systemd/system/newsd.socket
expect_file -rw-r--r-- /usr/lib/sysusers.d/newsd.conf
expect_file -rw-r--r-- /usr/lib/tmpfiles.d/newsd.conf
expect_file -rw-r--r-- /etc/newsd/newsd.yaml
expect_file -rw-r--r-- /etc/newsd/aliases.yaml
expect_file -rw-r--r-- /usr/share/man/man8/newsd.8.gz
expect_file -rw-r--r-- /usr/share/man/man1/newsq.1.gz
expect_file -rw-r--r-- /usr/share/man/man5/newsd.yaml.5.gz
expect_file -rw-r--r-- /usr/share/bash-completion/completions/newsq
expect_file -rw-r--r-- /usr/share/zsh/vendor-completions/_newsq
expect_file -rw-r--r-- /usr/share/fish/vendor_completions.d/newsq.fish
expect_file -rw-r--r-- /usr/share/doc/newsd/copyright
expect_file -rw-r--r-- /usr/share/doc/newsd/changelog.gz
expect_file -rw-r--r-- /usr/share/lintian/overrides/newsd
unexpected=$(awk '$2 != "root/root" || ($1 ~ /^d/ && $1 != "drwxr-xr-x")' "$scratch/contents")
check "every entry is root/root, every folder 0755" test -z "$unexpected"
files=$(awk '$1 !~ /^d/' "$scratch/contents" | wc -l)
check "the package holds exactly those 17 files (has $files)" test "$files" -eq 17

# 3. Control fields
field() { dpkg-deb -f "$deb" "$1"; }
check "Package: newsd" test "$(field Package)" = newsd
check "Version: $version" test "$(field Version)" = "$version"
check "Architecture: $arch" test "$(field Architecture)" = "$arch"
check "Section: misc, Priority: optional" test "$(field Section) $(field Priority)" = "misc optional"
check "Maintainer is set" test -n "$(field Maintainer)"
check "Description has a synopsis and a long text" test "$(field Description | wc -l)" -gt 3
check "Installed-Size is a number" grep -Eqx '[0-9]+' <<<"$(field Installed-Size)"
depends=$(field Depends)
for package in libc6 libsqlite3-0 libsystemd0 libxml2 libzstd1 libgmime-3.0-0 libglib2.0-0 libssl3; do
    check "Depends names $package ($depends)" grep -Eq "(^|, )$package( |,|$)" <<<"$depends"
done
check "Depends provides systemd-sysusers" grep -q 'systemd | systemd-standalone-sysusers' <<<"$depends"

# 4. Control area: conffiles and maintainer scripts
mkdir -p "$scratch/control"
dpkg-deb -e "$deb" "$scratch/control"
check "conffiles lists the configuration and the aliases" test "$(cat "$scratch/control/conffiles")" = "$(printf '%s\n' /etc/newsd/newsd.yaml /etc/newsd/aliases.yaml)"
for script in postinst prerm postrm; do
    check "$script is executable and parses with sh -n" \
        bash -c "test -x '$scratch/control/$script' && sh -n '$scratch/control/$script'"
done
check "postinst creates the user and folders" \
    grep -q 'systemd-sysusers.*newsd.conf' "$scratch/control/postinst"
check "postinst enables newsd.socket through deb-systemd-helper" \
    grep -q 'deb-systemd-helper enable' "$scratch/control/postinst"
check "postinst starts units only when systemd runs" grep -q '\[ -d /run/systemd/system \]' "$scratch/control/postinst"
check "postinst try-restarts on upgrade" grep -q 'deb-systemd-invoke try-restart newsd.service' \
    "$scratch/control/postinst"
check "md5sums covers every file" test "$(wc -l <"$scratch/control/md5sums")" -eq "$files"

# 5. Extracted contents
dpkg-deb -x "$deb" "$scratch/tree"
for product in newsd newsq; do
    output=$("$scratch/tree/usr/bin/$product" --version 2>&1) || output="(exit $?) $output"
    check "$product --version prints $version (got: $output)" grep -q -- "$version" <<<"$output"
done
check "the packaged units are the ones in Packaging/" \
    cmp -s "$scratch/tree/usr/lib/systemd/system/newsd.service" "$root/Packaging/newsd.service"
check "the packaged config is Packaging/newsd.yaml" cmp -s "$scratch/tree/etc/newsd/newsd.yaml" "$root/Packaging/newsd.yaml"
for page in usr/share/man/man8/newsd.8.gz usr/share/man/man1/newsq.1.gz usr/share/man/man5/newsd.yaml.5.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$scratch/tree/$page" 2>&1 >/dev/null)
    check "$page formats without warnings" test -z "$warnings"
done
check "changelog.gz starts with newsd ($version)" \
    bash -c "zcat '$scratch/tree/usr/share/doc/newsd/changelog.gz' | head -1 | grep -q '^newsd ($version)'"
check "bash completion is not empty" test -s "$scratch/tree/usr/share/bash-completion/completions/newsq"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
