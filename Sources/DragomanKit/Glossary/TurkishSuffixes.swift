/// The inflectional endings a Turkish noun or name may carry, as sequences of match-key
/// letters (ı and i, u and ü fold together, so the high vowel is i or u, the low one a or e).
///
/// The grammar is the nominal chain: plural, possessive, case, the relative `-ki` (with its
/// own plural and case), and the copula or person endings:
/// `başkan·lar·ı·nın`, `İzmir'·de·ki·ler·e`, `Bakan·ımız·dır`. Derivational endings (`-lı`,
/// `-lık`, `-ca`, `-spor`) are not inflection, so `İzmirli`, `Başkanlık` and `Bursaspor` are
/// other words and do not match.
enum TurkishSuffixes {
    /// Whether `ending` (match-key letters, no apostrophe) is a chain of inflections.
    /// With `compound`, the ending replaces a compound marker (`başkan·ı` → `başkan·larımız`):
    /// it must start with a plural or with a first- or second-person possessive.
    static func accepts(_ ending: [UInt32], compound: Bool = false) -> Bool {
        guard !ending.isEmpty, ending.allSatisfy({ $0 < 0x80 }) else { return false }
        let bytes = ending.map { UInt8($0) }
        return parse(bytes, 0, slot: 0, compound: compound, afterKi: false)
    }

    private static func parse(
        _ bytes: [UInt8], _ position: Int, slot: Int, compound: Bool, afterKi: Bool
    ) -> Bool {
        if compound {
            for alternative in slots[pluralSlot] where matches(alternative, bytes, at: position) {
                if parse(
                    bytes, position + alternative.count, slot: possessiveSlot, compound: false,
                    afterKi: false)
                {
                    return true
                }
            }
            for alternative in slots[possessiveSlot]
            where personal.contains(alternative) && matches(alternative, bytes, at: position) {
                if parse(
                    bytes, position + alternative.count, slot: possessiveSlot + 1,
                    compound: false, afterKi: false)
                {
                    return true
                }
            }
            return false
        }
        if position == bytes.count { return true }
        guard slot < slots.count else { return false }
        if !(slot == kiSlot && afterKi) {
            for alternative in slots[slot] where matches(alternative, bytes, at: position) {
                // After -ki the chain starts again at the plural, once.
                let next = slot == kiSlot ? pluralSlot : slot + 1
                if parse(
                    bytes, position + alternative.count, slot: next, compound: false,
                    afterKi: afterKi || slot == kiSlot)
                {
                    return true
                }
            }
        }
        return parse(bytes, position, slot: slot + 1, compound: false, afterKi: afterKi)
    }

    private static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at position: Int) -> Bool {
        guard position + pattern.count <= bytes.count else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[position + offset] != byte {
            return false
        }
        return true
    }

    private static let pluralSlot = 0
    private static let possessiveSlot = 1
    private static let kiSlot = 3

    private static let personal: Set<[UInt8]> = Set(
        ["Im", "In", "ImIz", "InIz", "m", "n", "mIz", "nIz"].flatMap(expand))

    /// Slots in order, each with its endings spelled out, longest first so that the search
    /// tries `-ları` before `-lar`.
    private static let slots: [[[UInt8]]] = [
        ["lAr"],
        ["Im", "In", "I", "sI", "ImIz", "InIz", "m", "n", "mIz", "nIz", "lArI"],
        [
            "DA", "DAn", "A", "yA", "I", "yI", "In", "nIn", "nA", "nDA", "nDAn", "nI", "ylA",
            "lA",
        ],
        ["ki"],
        [
            "DIr", "DI", "ydI", "ymIs", "mIs", "ysA", "sA", "yIm", "Im", "yIz", "Iz", "sIn",
            "sInIz", "DIrlAr", "lArDIr", "ken", "yken",
        ],
    ].map { patterns in
        Array(Set(patterns.flatMap(expand))).sorted {
            $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1))
        }
    }

    /// `lAr` → `lar`, `ler`; `I` → `i`, `u`; `D` → `d`, `t`; `C` → `c`, `ç` folded to `c`.
    private static func expand(_ pattern: String) -> [[UInt8]] {
        var results: [[UInt8]] = [[]]
        for character in pattern {
            let options: [Character]
            switch character {
            case "A": options = ["a", "e"]
            case "I": options = ["i", "u"]
            case "D": options = ["d", "t"]
            case "C": options = ["c"]
            default: options = [character]
            }
            results = results.flatMap { prefix in
                options.map { prefix + [$0.asciiValue!] }
            }
        }
        return results
    }
}
