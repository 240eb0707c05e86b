// SPDX-License-Identifier: Apache-2.0
import NewsIndex
import Synchronization

/// The ranking settings in force, replaced whole on SIGHUP; each search reads them once.
final class SearchSettingsBox: Sendable {
    private let current: Mutex<SearchSettings>

    init(_ settings: SearchSettings) {
        current = Mutex(settings)
    }

    var settings: SearchSettings {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
