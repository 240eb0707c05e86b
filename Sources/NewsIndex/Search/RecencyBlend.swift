// SPDX-License-Identifier: Apache-2.0
import Foundation

/// The recency multiplier: in news, a fresh article beats an equally relevant old one.
///
/// `0.5 + 0.5 · 2^(−age / half-life)`: 1 for an article published now, 0.75 at one half-life,
/// never below 0.5, so relevance still dominates and an old article that matches much better
/// keeps its place. Undated articles get the middle value, 0.75: neither promoted nor buried.
struct RecencyBlend: Sendable {
    let halfLifeDays: Double
    let now: Double

    static let undatedFactor = 0.75

    func factor(publishedAt: Double?) -> (factor: Double, ageDays: Double?) {
        guard halfLifeDays > 0 else { return (1, publishedAt.map { (now - $0) / 86_400 }) }
        guard let publishedAt else { return (Self.undatedFactor, nil) }
        let ageDays = max(now - publishedAt, 0) / 86_400
        return (0.5 + 0.5 * pow(2, -ageDays / halfLifeDays), ageDays)
    }
}
