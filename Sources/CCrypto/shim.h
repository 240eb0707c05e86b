// SPDX-License-Identifier: Apache-2.0
// OpenSSL's libcrypto, for SHA-256 (NewsNormalizer/Fingerprint/SHA256.swift).
#pragma once
#include <openssl/evp.h>
