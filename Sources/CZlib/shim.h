// SPDX-License-Identifier: Apache-2.0
// zlib, for inflating gzip'd saved pages (`.html.gz`).
#pragma once
#include <zlib.h>
