// SPDX-License-Identifier: Apache-2.0
import Logging

extension LogEvent {
    /// The metadata one record carries: the handler's own, then the provider's, then the record's, each later one
    /// winning on a shared key, as swift-log's `StreamLogHandler` merges them; an attached error adds `error.message`
    /// and `error.type`.
    func effectiveMetadata(base: Logger.Metadata, provider: Logger.MetadataProvider?) -> Logger.Metadata {
        var merged = base
        if let provided = provider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let explicit = self.metadata, !explicit.isEmpty {
            merged.merge(explicit) { _, explicit in explicit }
        }
        if let error = self.error {
            merged["error.message"] = "\(error)"
            merged["error.type"] = "\(String(reflecting: type(of: error)))"
        }
        return merged
    }
}
