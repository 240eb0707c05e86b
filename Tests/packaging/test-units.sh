#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks the files under Packaging/ without installing anything:
#   1. systemd-analyze verify of newsd.service + newsd.socket prints nothing;
#   2. systemd-analyze security --offline=yes scores newsd.service <= 2.0;
#   3. sysusers.d and tmpfiles.d create the user and folders in a scratch root;
#   4. Packaging/newsd.yaml has the same keys as Config/newsd.yaml (when that exists);
#   5. the man pages format without warnings.
#
# verify insists that ExecStart's binary exists and that the man pages named in
# Documentation= are installed. So it runs on a copy of the units whose ExecStart
# points at $NEWSD_BIN (default: a stub script), with MANPATH set to a tree built
# from Packaging/man. Needs systemd (systemd-analyze, -sysusers, -tmpfiles) and man-db.
#
# Usage: Tests/packaging/test-units.sh          (from anywhere)
#        NEWSD_BIN=.build/debug/newsd Tests/packaging/test-units.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
packaging=$root/Packaging
max_exposure=2.0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
pass() { echo "ok - $1"; passed=$((passed + 1)); }
fail() { echo "not ok - $1"; failed=$((failed + 1)); }

# 1. verify
mkdir -p "$scratch/units" "$scratch/man/man1" "$scratch/man/man5" "$scratch/man/man8"
cp "$packaging/newsd.service" "$packaging/newsd.socket" "$scratch/units/"
if [[ -n "${NEWSD_BIN:-}" ]]; then
    binary=$(realpath "$NEWSD_BIN")
else
    binary=$scratch/newsd
    printf '#!/bin/sh\nexit 0\n' >"$binary"
    chmod 0755 "$binary"
fi
sed -i "s|^ExecStart=/usr/bin/newsd |ExecStart=$binary |" "$scratch/units/newsd.service"
grep -q "^ExecStart=$binary " "$scratch/units/newsd.service" || fail "ExecStart=/usr/bin/newsd found to rewrite"
for page in "$packaging"/man/*.[0-9]; do
    cp "$page" "$scratch/man/man${page##*.}/"
done
verify_output=$(cd "$scratch/units" && MANPATH=$scratch/man systemd-analyze verify newsd.service newsd.socket 2>&1) \
    && verify_status=0 || verify_status=$?
if [[ $verify_status -eq 0 && -z "$verify_output" ]]; then
    pass "systemd-analyze verify newsd.service newsd.socket is silent"
else
    fail "systemd-analyze verify (exit $verify_status):"
    printf '%s\n' "$verify_output" | sed 's/^/#   /'
fi

# 2. security
security_output=$(cd "$packaging" && systemd-analyze security --offline=yes newsd.service 2>&1) || true
exposure=$(printf '%s\n' "$security_output" | sed -n 's/.*Overall exposure level for newsd.service: \([0-9.]*\).*/\1/p')
if [[ -n "$exposure" ]] && awk -v e="$exposure" -v m="$max_exposure" 'BEGIN { exit !(e <= m) }'; then
    pass "systemd-analyze security scores newsd.service $exposure (<= $max_exposure)"
else
    fail "systemd-analyze security scores newsd.service '${exposure:-?}' (> $max_exposure):"
    printf '%s\n' "$security_output" | grep -v '^✓' | sed 's/^/#   /'
fi

# 3. sysusers.d + tmpfiles.d in a scratch root
image=$scratch/root
mkdir -p "$image/etc" "$image/usr/lib/sysusers.d" "$image/usr/lib/tmpfiles.d"
cp "$packaging/sysusers.d/newsd.conf" "$image/usr/lib/sysusers.d/"
cp "$packaging/tmpfiles.d/newsd.conf" "$image/usr/lib/tmpfiles.d/"
if systemd-sysusers --root="$image" >/dev/null 2>&1 && systemd-tmpfiles --root="$image" --create >/dev/null 2>&1; then
    uid=$(awk -F: '$1 == "newsd" { print $3 }' "$image/etc/passwd")
    gid=$(awk -F: '$1 == "newsd" { print $3 }' "$image/etc/group")
    home=$(awk -F: '$1 == "newsd" { print $6 }' "$image/etc/passwd")
    state=$(stat -c '%a %u %g' "$image/var/lib/newsd")
    inbox=$(stat -c '%a %u %g' "$image/var/lib/newsd/inbox")
    if [[ -n "$uid" && "$gid" == "$uid" && "$home" == /var/lib/newsd \
        && "$state" == "750 $uid $gid" && "$inbox" == "2770 $uid $gid" ]]; then
        pass "sysusers.d makes user and group newsd; tmpfiles.d makes /var/lib/newsd 0750 and inbox 2770"
    else
        fail "sysusers/tmpfiles result: uid=$uid gid=$gid home=$home state=($state) inbox=($inbox)"
    fi
else
    fail "systemd-sysusers or systemd-tmpfiles failed in a scratch root"
fi

# 4. config keys match the development config
yaml_keys() {
    # Dotted key paths of a block-style YAML mapping, comments ignored: "ingest.batch_size".
    awk '
        /^[[:space:]]*(#|$)/ { next }
        match($0, /^ *[A-Za-z_][A-Za-z0-9_]*:/) {
            end = RLENGTH
            indent = match($0, /[^ ]/) - 1
            key = substr($0, indent + 1, end - indent - 1)
            depth = indent / 2
            path[depth] = key
            line = path[0]
            for (i = 1; i <= depth; i++) line = line "." path[i]
            print line
        }' "$1" | sort
}
if [[ -f "$root/Config/newsd.yaml" ]]; then
    if diff <(yaml_keys "$root/Config/newsd.yaml") <(yaml_keys "$packaging/newsd.yaml") >"$scratch/keys.diff"; then
        pass "Packaging/newsd.yaml has the keys of Config/newsd.yaml"
    else
        fail "Packaging/newsd.yaml keys differ from Config/newsd.yaml (< Config, > Packaging):"
        sed 's/^/#   /' "$scratch/keys.diff"
    fi
else
    echo "ok - Config/newsd.yaml absent, key comparison skipped # SKIP"
fi
for key in inbox database socket socket_mode socket_group log_level max_file_size ingest.batch_size \
    ingest.workers search.weights.title; do
    yaml_keys "$packaging/newsd.yaml" | grep -qx "$key" || fail "Packaging/newsd.yaml lacks $key"
done

# 5. man pages
for page in "$packaging"/man/*.[0-9]; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    if [[ -z "$warnings" ]]; then
        pass "man page $(basename "$page") formats without warnings"
    else
        fail "man page $(basename "$page"):"
        printf '%s\n' "$warnings" | sed 's/^/#   /'
    fi
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
