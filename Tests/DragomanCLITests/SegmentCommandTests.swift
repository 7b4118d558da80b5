import Foundation
import Testing

struct SegmentCommandTests {
    @Test func textPrintsOneSentencePerLine() throws {
        let text =
            "Prof. Dr. Ayşe Kaya ve\r\nekibi İzmir'e geldi. 2. Dünya Savaşı anıldı!\n\nYeni paragraf"
        let result = try CLI.run(["segment", "--lang", "tr"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        #expect(
            result.stdout
                == "Prof. Dr. Ayşe Kaya ve ekibi İzmir'e geldi.\n2. Dünya Savaşı anıldı!\nYeni paragraf\n"
        )
        #expect(result.stderr.isEmpty)
    }

    @Test func jsonlGivesScalarOffsetsOfTheInput() throws {
        let text = "\u{FEFF}😀 Herr Dr. Weber kam am 3. Oktober.\r\nDanach „feierte“ man."
        let file = try CLI.temporaryFile("in.txt", Data(text.utf8))
        let result = try CLI.run(["segment", "--lang", "de-DE", "--format", "jsonl", file.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        // Offsets count the scalars of the text as decoded (the byte-order mark is not text).
        let scalars = Array(String(text.dropFirst()).unicodeScalars)
        var texts: [String] = []
        for line in lines {
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["start", "end", "text"])
            let start = try #require(object["start"] as? Int)
            let end = try #require(object["end"] as? Int)
            let sentence = try #require(object["text"] as? String)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == sentence)
            texts.append(sentence)
        }
        #expect(texts == ["😀 Herr Dr. Weber kam am 3. Oktober.", "Danach „feierte“ man."])
    }

    @Test func jsonEscapesQuotesBackslashesAndControls() throws {
        let result = try CLI.run(
            ["segment", "--lang", "en", "--format", "jsonl"],
            stdin: Data("He said \"no\\yes\"\tloudly.".utf8))
        #expect(
            result.stdout
                == "{\"start\":0,\"end\":24,\"text\":\"He said \\\"no\\\\yes\\\"\\tloudly.\"}\n")
    }

    @Test func invalidUTF8IsAOneLineErrorWithLineAndColumn() throws {
        let bytes = Data("Birinci satır.\nİkinci ".utf8) + Data([0xFF]) + Data(" satır.".utf8)
        let file = try CLI.temporaryFile("bad.txt", bytes)
        let result = try CLI.run(["segment", "--lang", "tr", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("dragoman: \(file.path):2:8: invalid UTF-8 (byte 0xFF)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func binaryDataIsRefused() throws {
        let file = try CLI.temporaryFile(
            "image.bin", Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A]))
        let result = try CLI.run(["segment", "--lang", "en", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(file.path + ":1:"))
    }

    @Test func emptyFileGivesNoSentences() throws {
        let file = try CLI.temporaryFile("empty.txt", Data())
        let result = try CLI.run(["segment", "--lang", "en", "--format", "jsonl", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func missingFileAndBadLanguageAreUsageErrors() throws {
        let missing = try CLI.run(["segment", "--lang", "en", "/nonexistent/news.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "dragoman: /nonexistent/news.txt: no such file\n")
        let language = try CLI.run(["segment", "--lang", "english language", "-"], stdin: Data())
        #expect(language.status == 2)
        #expect(language.stderr.split(separator: "\n").count == 1)
    }

    @Test func otherLanguagesAreAccepted() throws {
        let result = try CLI.run(["segment", "--lang", "fr"], stdin: Data("Bonjour. Ça va ?".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "Bonjour.\nÇa va ?\n")
    }

    @Test func aFiftyMegabyteSingleLineIsOneSentence() throws {
        // Words without sentence punctuation on one 50 MB line: one sentence, no hang.
        var line = Data(capacity: 50_000_000)
        let word = Data("kelime ".utf8)
        while line.count < 50_000_000 { line.append(word) }
        let file = try CLI.temporaryFile("long.txt", line)
        let result = try CLI.run(["segment", "--lang", "tr", "--format", "jsonl", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(result.stdout.hasPrefix("{\"start\":0,\"end\":\(line.count - 1),"))
    }

    @Test func manySentencesOnOneLine() throws {
        let text = String(repeating: "Prof. Dr. Kaya 2. Dünya Savaşı'nı anlattı. ", count: 100_000)
        let result = try CLI.run(["segment", "--lang", "tr"], stdin: Data(text.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").count == 100_000)
    }
}
