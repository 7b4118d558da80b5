import DragomanStore
import Foundation

/// The printed figures of `dragoman bench lookup`.
struct LookupReport {
    let figures: LookupBenchmark.Figures
    /// Milliseconds of each cold `dragoman lookup` process.
    let cold: [Double]

    var text: String {
        let f = figures
        let mb = 1_048_576.0
        let units = Double(max(f.units, 1))
        var lines: [String] = []
        lines.append("fuzzy look-up, \(f.units) units (\(f.variants) variants in en, tr, de)")
        if f.reused {
            lines.append("import           none: the memory kept from an earlier run")
        } else {
            lines.append(
                String(
                    format:
                        "import           %8.1f s   (%.0f units/s, one transaction; CPU %.1f s)",
                    f.importSeconds, Double(f.units) / f.importSeconds, f.importCPUSeconds))
        }
        lines.append(
            String(
                format: "  writing thread %8.1f s   CPU (making the units and writing them)",
                f.importWriterCPUSeconds))
        lines.append(
            String(
                format: "  making units   %8.1f s   (the benchmark's input, within the import)",
                f.makingUnitsSeconds))
        lines.append(
            String(
                format:
                    "store on disk    %8.1f MB  (%.0f bytes/unit); text %.1f MB (%.0f bytes/unit)",
                Double(f.memoryBytes) / mb, Double(f.memoryBytes) / units,
                Double(f.textBytes) / mb, Double(f.textBytes) / units))
        if f.importOnly { return lines.joined(separator: "\n") }
        lines.append(
            String(
                format: "index build      %8.1f s   (CPU %.1f s)", f.indexSeconds, f.indexCPUSeconds
            ))
        lines.append(
            String(
                format: "index on disk    %8.1f MB  (%.0f bytes/unit, %.2f of the text)",
                Double(f.indexBytes) / mb, Double(f.indexBytes) / units,
                Double(f.indexBytes) / Double(max(f.textBytes, 1))))
        lines += Self.totalLines(
            "latency", wall: f.allLatencies, cpu: f.allCPULatencies,
            of: "queries, " + (f.wholeUnits ? "whole units read" : "texts only, as analyze"))
        for kind in LookupBenchmark.QueryKind.allCases {
            lines.append(
                Self.kindLine(
                    kind.rawValue, wall: f.latencies[kind] ?? [], cpu: f.cpuLatencies[kind] ?? [],
                    of: "queries"))
        }
        let sample = f.exhaustiveQueries.values.reduce(0, +)
        let relevant = f.relevant.values.reduce(0, +)
        lines.append(
            String(
                format:
                    "recall           @1 %.3f  @5 %.3f of the exhaustive scan's best "
                    + "(%d queries, %d with a match >= 50; scan %.1f s)",
                f.recall(at: 1), f.recall(at: 5), sample, relevant, f.exhaustiveSeconds))
        for kind in LookupBenchmark.QueryKind.allCases {
            lines.append(
                "  "
                    + kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(
                        format: "@1 %.3f  @5 %.3f  (%d queries, %d with a match)",
                        f.recall(at: 1, kind), f.recall(at: 5, kind),
                        f.exhaustiveQueries[kind] ?? 0, f.relevant[kind] ?? 0))
        }
        lines += segmentLines
        if !cold.isEmpty {
            lines.append(
                String(
                    format:
                        "cold process     p50 %6.1f ms  max %6.1f ms  (%d runs of dragoman lookup)",
                    LookupBenchmark.Figures.percentile(cold, 0.5), cold.max() ?? 0, cold.count))
        }
        return lines.joined(separator: "\n")
    }

    /// The percentiles and mean of every query's latency, a line for the wall clock (with
    /// the count of `what`) and one for CPU time, under `label`.
    private static func totalLines(
        _ label: String, wall: [Double], cpu: [Double], of what: String
    ) -> [String] {
        func p(_ values: [Double], _ q: Double) -> Double {
            LookupBenchmark.Figures.percentile(values, q)
        }
        func mean(_ values: [Double]) -> Double {
            values.reduce(0, +) / Double(max(values.count, 1))
        }
        return [
            label
                + String(
                    format: ", warm    p50 %6.2f ms  p99 %6.2f ms  mean %6.2f ms  (%d \(what))",
                    p(wall, 0.5), p(wall, 0.99), mean(wall), wall.count),
            label
                + String(
                    format: ", CPU     p50 %6.2f ms  p99 %6.2f ms  mean %6.2f ms",
                    p(cpu, 0.5), p(cpu, 0.99), mean(cpu)),
        ]
    }

    /// One kind's latency percentiles, wall clock and CPU, indented under the totals.
    private static func kindLine(
        _ kind: String, wall: [Double], cpu: [Double], of things: String
    ) -> String {
        func p(_ values: [Double], _ q: Double) -> Double {
            LookupBenchmark.Figures.percentile(values, q)
        }
        return "  " + kind.padding(toLength: 14, withPad: " ", startingAt: 0)
            + String(
                format: "p50 %6.2f ms  p99 %6.2f ms  (CPU p50 %.2f, p99 %.2f; %d \(things))",
                p(wall, 0.5), p(wall, 0.99), p(cpu, 0.5), p(cpu, 0.99), wall.count)
    }

    /// The rows of the analysis queries: sentences looked up as `dragoman analyze` does.
    private var segmentLines: [String] {
        let f = figures
        let all = f.allSegmentLatencies
        guard !all.isEmpty else { return [] }
        var lines = Self.totalLines(
            "analyze", wall: all, cpu: f.allSegmentCPULatencies,
            of: "segments, 1 match >= 50 each, as analyze")
        for kind in LookupBenchmark.SegmentKind.allCases {
            lines.append(
                Self.kindLine(
                    kind.rawValue, wall: f.segmentLatencies[kind] ?? [],
                    cpu: f.segmentCPULatencies[kind] ?? [], of: "segments"))
        }
        let sample = f.segmentExhaustive.values.reduce(0, +)
        let relevant = f.segmentRelevant.values.reduce(0, +)
        lines.append(
            String(
                format:
                    "analyze recall   @1 %.3f of the exhaustive scan's best "
                    + "(%d segments, %d with a match >= 50)",
                f.segmentRecall(), sample, relevant))
        for kind in LookupBenchmark.SegmentKind.allCases {
            lines.append(
                "  "
                    + kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(
                        format: "@1 %.3f  (%d segments, %d with a match)", f.segmentRecall(kind),
                        f.segmentExhaustive[kind] ?? 0, f.segmentRelevant[kind] ?? 0))
        }
        return lines
    }
}
