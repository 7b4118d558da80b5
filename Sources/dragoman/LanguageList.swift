import ArgumentParser
import DragomanKit
import Foundation

/// The value of `--langs`: comma-separated language tags, each once, at least two, the first
/// one leading (the source of an export, the pivot of an extraction).
enum LanguageList {
    /// `first` names the leading language's role in the error message ("source", "pivot").
    static func parse(_ value: String, first: String) throws -> [Language] {
        var list: [Language] = []
        for tag in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let language = Language(tag: tag) else {
                throw ValidationError("--langs: '\(tag)' is not a language tag")
            }
            guard !list.contains(language) else {
                throw ValidationError("--langs names \(language) twice")
            }
            list.append(language)
        }
        guard list.count >= 2 else {
            throw ValidationError("--langs needs two or more languages, \(first) first (en,tr)")
        }
        return list
    }
}
