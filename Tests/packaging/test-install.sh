#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs, reinstalls, removes and purges a newsd .deb on THIS machine with dpkg,
# checking what the maintainer scripts do at each step, then deletes the newsd
# user again. It changes the system, so it runs only as root, only when asked
# (NEWSD_TEST_INSTALL=1), and only where no newsd package or user exists yet.
# Without systemd as PID 1 nothing is started; enablement symlinks are still made.
#
#   NEWSD_TEST_INSTALL=1 NEWSD_DEB=path/to/newsd_VERSION_ARCH.deb Tests/packaging/test-install.sh
set -euo pipefail

if [[ "${NEWSD_TEST_INSTALL:-}" != 1 ]]; then
    echo "ok - install test skipped (set NEWSD_TEST_INSTALL=1 to install on this machine) # SKIP"
    exit 0
fi
[[ $(id -u) -eq 0 ]] || { echo "test-install: needs root" >&2; exit 1; }
deb=$(realpath "${NEWSD_DEB:?set NEWSD_DEB to the package to install}")
if dpkg-query -W newsd >/dev/null 2>&1 || getent passwd newsd >/dev/null || [[ -e /var/lib/newsd ]]; then
    echo "test-install: newsd is already installed or its user or state exists; not touching it" >&2
    exit 1
fi

passed=0
failed=0
check() {
    local description=$1
    shift
    if "$@"; then echo "ok - $description"; passed=$((passed + 1)); else echo "not ok - $description"; failed=$((failed + 1)); fi
}
cleanup() {
    dpkg --purge newsd >/dev/null 2>&1 || true
    userdel newsd >/dev/null 2>&1 || true
    groupdel newsd >/dev/null 2>&1 || true
}
trap cleanup EXIT

check "dpkg -i installs" dpkg -i "$deb"
check "user newsd exists with home /var/lib/newsd" test "$(getent passwd newsd | cut -d: -f6)" = /var/lib/newsd
check "/var/lib/newsd is 0750 newsd:newsd" test "$(stat -c '%a %U %G' /var/lib/newsd)" = "750 newsd newsd"
check "the inbox is 2770 newsd:newsd" test "$(stat -c '%a %U %G' /var/lib/newsd/inbox)" = "2770 newsd newsd"
check "newsd.socket is enabled" test -L /etc/systemd/system/sockets.target.wants/newsd.socket
check "newsd.service is enabled" test -L /etc/systemd/system/multi-user.target.wants/newsd.service
check "newsd --version runs from /usr/bin" newsd --version
check "dpkg -i again (the upgrade path) succeeds" dpkg -i "$deb"
touch /var/lib/newsd/newsd.sqlite /var/lib/newsd/inbox/kept.html
check "dpkg -r removes" dpkg -r newsd
check "removal masks the units" test "$(readlink /etc/systemd/system/newsd.service)" = /dev/null
check "removal keeps the config" test -f /etc/newsd/newsd.yaml
check "dpkg --purge purges" dpkg --purge newsd
check "purge drops the index" test ! -e /var/lib/newsd/newsd.sqlite
check "purge keeps dropped inbox files" test -f /var/lib/newsd/inbox/kept.html
check "purge drops the config and unit symlinks" \
    test ! -e /etc/newsd -a ! -L /etc/systemd/system/newsd.service -a ! -e /etc/systemd/system/sockets.target.wants/newsd.socket
rm -rf /var/lib/newsd

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
