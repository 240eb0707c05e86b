// SPDX-License-Identifier: Apache-2.0
// Zstandard, for article bodies as stored (NewsIndex/StoredBody.swift).
#pragma once
#include <zstd.h>
