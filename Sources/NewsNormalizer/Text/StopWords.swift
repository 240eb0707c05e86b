// SPDX-License-Identifier: Apache-2.0

/// The commonest function words of the languages newsd meets most, packed for a fast lookup.
///
/// Running prose is about 30–50 % stop words in any of these languages, menus and link lists
/// almost none; that ratio is the strongest single signal jusText found for telling them apart.
/// Each word is packed into a `UInt64` (its lower-cased UTF-8 bytes, at most 8) so that the
/// classifier tests words without allocating a `String` per word.
enum StopWords {
    /// Whether `key` (a word's lower-cased UTF-8 bytes packed big-end first, at most 8) is a stop word.
    ///
    /// An open-addressing table with a multiplicative hash, probed linearly: a `Set<UInt64>`
    /// runs SipHash on every word of every line, which cost more than the rest of the line classifier.
    @inline(__always)
    static func contains(_ key: UInt64) -> Bool {
        guard key != 0 else { return false }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - tableBits))
        while true {
            let stored = table[slot]
            if stored == key { return true }
            if stored == 0 { return false }
            slot = (slot + 1) & (table.count - 1)
        }
    }

    /// The packed key of a lower-cased word, or `nil` when it is longer than 8 bytes.
    static func key(_ bytes: some Sequence<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for byte in bytes {
            count += 1
            guard count <= 8 else { return nil }
            key = key << 8 | UInt64(byte)
        }
        return key
    }

    /// 1024 slots for about 350 words: probes stay short, and the table fits in 8 KiB.
    private static let tableBits = 10

    private static let table: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 1 << tableBits)
        for list in [english, german, french, spanish, portuguese, italian, dutch, russian] {
            for word in list.split(separator: " ") {
                guard let key = key(word.utf8) else { continue }
                var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - tableBits))
                while table[slot] != 0 && table[slot] != key { slot = (slot + 1) & (table.count - 1) }
                table[slot] = key
            }
        }
        return table
    }()

    private static let english = """
        the a an and or but of to in on at by for with from as is are was were be been being it its this that \
        these those he she they we you i his her their our your not no have has had do does did will would can \
        could should may might there which who whom what when where than then so if about into over after also \
        said says more most up out one all some any
        """
    private static let german = """
        der die das den dem des ein eine einer eines einem und oder aber im in am an auf aus bei mit nach von \
        vor zu zum zur ist sind war waren wird werden hat haben nicht auch sich es er sie wir ihr dass als wie \
        noch nur schon für über um
        """
    private static let french = """
        le la les un une des du de et ou mais dans en au aux sur par pour avec sans est sont était a ont il \
        elle ils elles nous vous on ce cette ces qui que qu ne pas plus se sa son ses leur été être
        """
    private static let spanish = """
        el la los las un una unos unas y o pero de del en al con por para sin es son fue era ha han se su sus \
        que como más no lo le les este esta estos ya muy también
        """
    private static let portuguese = """
        o os as um uma e ou mas de do da dos das em no na nos nas ao com por para sem é são foi era tem se seu \
        sua que como mais não também
        """
    private static let italian = """
        il lo gli le un uno una e o ma di del della dei delle in nel nella con per tra fra è sono era ha hanno \
        si che come più non anche questo questa
        """
    private static let dutch = """
        de het een en of maar van in op aan met voor naar bij uit is zijn was waren wordt heeft hebben niet \
        ook dat die er als
        """
    private static let russian = """
        и в во на с со по к о от из за для не что это как но а или же бы он она они мы вы его ее их был была \
        были быть уже так все при
        """
}
