// SPDX-License-Identifier: Apache-2.0

/// The version of newsd, newsq and the JSON they print.
public enum NewsVersion {
    /// Kept in step with the `VERSION` file by `scripts/test`.
    public static let current = "0.1.0"
    /// The version of newsq's `--json` document; bumped when a field changes meaning or goes.
    public static let jsonSchema = 1
}
