import DragomanKit
import Foundation

/// A batch of units whose NFC texts and match keys are made on other threads, so that a
/// transaction's writer stores the batch before it meanwhile.
///
/// Keying a batch costs about as much as writing it; done one after the other on one
/// thread, half of an import's cores sit idle while SQLite writes. The keys are made once,
/// by a task started in `init`; ``keys()`` waits for them.
final class KeyedBatch: @unchecked Sendable {
    // Unchecked: `made` is written once by the keying task before `done` is signalled and
    // read only after waiting for `done`.
    let units: [TranslationUnit]
    private var made: [[UnitWriter.VariantKey]] = []
    private let done = DispatchSemaphore(value: 0)
    private var waited = false

    init(_ units: [TranslationUnit], normalizer: TextNormalizer) {
        self.units = units
        DispatchQueue.global().async { [self] in
            made = UnitWriter.keys(of: units, normalizer: normalizer)
            done.signal()
        }
    }

    /// The keys of the variants of each unit, as ``UnitWriter/keys(of:normalizer:)`` makes
    /// them; waits until they are made.
    func keys() -> [[UnitWriter.VariantKey]] {
        if !waited {
            done.wait()
            waited = true
        }
        return made
    }
}
