// SPDX-License-Identifier: Apache-2.0
// The parts of libsystemd newsd uses: readiness notification, socket activation, the journal.
#pragma once
#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>
