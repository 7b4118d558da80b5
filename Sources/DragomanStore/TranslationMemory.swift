public import DragomanKit

/// A store of translation units: the seam between Dragoman's commands and a storage backend.
///
/// ``SQLiteMemory`` keeps a memory in one file; a server backend for shared team memories
/// implements the same protocol. Store failures are thrown as ``MemoryError``.
///
/// Unit ids name units: adding a unit whose id is already stored replaces that unit whole
/// (variants, provenance, properties, notes and dates), and within one batch the later unit
/// with an id wins. Provenance metadata belongs to the document: a unit that names a known
/// document updates the document's URL and date where it gives them and adds or replaces its
/// titles per language, and every unit of the document reads back that merged metadata.
public protocol TranslationMemory: Sendable {
    /// Adds units, or replaces the units with the same ids, all or nothing: when one unit
    /// fails (invalid, or the database fails), nothing of the batch is stored.
    func add(_ units: [TranslationUnit]) throws

    /// Removes the units with these ids, all or nothing, and returns how many were stored.
    @discardableResult
    func remove(ids: [String]) throws -> Int

    /// The unit with this id, or nil.
    func unit(id: String) throws -> TranslationUnit?

    /// The number of units.
    func count() throws -> Int

    /// The languages that have at least one variant, tr, en, de first, then by code.
    func languages() throws -> [Language]

    /// The ids of the documents that units were taken from, sorted.
    func documentIDs() throws -> [String]

    /// The units taken from one document, in the order they were first added; with nil, the
    /// units without provenance.
    func units(inDocument documentID: String?) throws -> [TranslationUnit]

    /// Calls `body` with every unit in the order they were first added, reading as it goes
    /// so that memory use does not grow with the memory. The units seen are one consistent
    /// snapshot: writes by others while `body` runs are not seen. An error thrown by `body`
    /// stops the walk and is rethrown.
    func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws

    /// Counts for a summary of the memory.
    func statistics() throws -> MemoryStatistics
}

/// What a memory holds, in numbers.
public struct MemoryStatistics: Sendable, Hashable {
    public var units: Int
    /// Units with the aligner's doubt flag set.
    public var flaggedUnits: Int
    /// Variants per language.
    public var variants: [Language: Int]
    public var documents: Int

    public init(units: Int, flaggedUnits: Int, variants: [Language: Int], documents: Int) {
        self.units = units
        self.flaggedUnits = flaggedUnits
        self.variants = variants
        self.documents = documents
    }

    /// The languages with variants, tr, en, de first, then by code.
    public var languages: [Language] {
        variants.keys.sorted { Language.displayOrder($0) < Language.displayOrder($1) }
    }
}
