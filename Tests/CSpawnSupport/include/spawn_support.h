// SPDX-License-Identifier: Apache-2.0
// glibc's posix_spawn extensions, which its headers declare only under _GNU_SOURCE.
#pragma once
#include <spawn.h>

int newsd_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from);
int newsd_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path);
