/// The word level of the glossary matcher: a trie over term-token ids, in flat arrays.
///
/// A text with a dense glossary asks this trie for every candidate of every word, so the
/// look-ups are array reads: the root's children by token id in a direct table (most words
/// start no term, which costs one read), the other nodes' edges sorted by token, and each
/// node's outputs as a slice of one array. Node 0 is the root.
struct PhraseTrie {
    /// The root's child for each token, -1 where no term starts with the token.
    private(set) var rootChild: [Int32] = []
    private var edgeStart: [Int32] = [0, 0]
    private var edgeTokens: [Int32] = []
    private var edgeTargets: [Int32] = []
    private var outputStart: [Int32] = [0, 0]
    private var outputList: [Int32] = []

    init() {}

    /// Lays out a trie built as a table of edges (the parent node in the high 32 bits, the
    /// token in the low ones) and the outputs of each node.
    init(
        edges: [UInt64: Int32], outputs: [Int32: [Int32]], nodeCount: Int, tokenCount: Int
    ) {
        rootChild = Array(repeating: -1, count: tokenCount)
        var children: [[(token: Int32, target: Int32)]] = Array(repeating: [], count: nodeCount)
        for (edge, target) in edges {
            let parent = Int(edge >> 32)
            let token = Int32(truncatingIfNeeded: edge & 0xFFFF_FFFF)
            if parent == 0 {
                rootChild[Int(token)] = target
            } else {
                children[parent].append((token, target))
            }
        }
        edgeStart = []
        edgeStart.reserveCapacity(nodeCount + 1)
        outputStart = []
        outputStart.reserveCapacity(nodeCount + 1)
        for node in 0..<nodeCount {
            edgeStart.append(Int32(edgeTokens.count))
            for edge in children[node].sorted(by: { $0.token < $1.token }) {
                edgeTokens.append(edge.token)
                edgeTargets.append(edge.target)
            }
            outputStart.append(Int32(outputList.count))
            outputList += outputs[Int32(node)] ?? []
        }
        edgeStart.append(Int32(edgeTokens.count))
        outputStart.append(Int32(outputList.count))
    }

    /// Runs `body` with a view of the trie through raw pointers, read without reference
    /// counting or exclusivity checks.
    func withView<R>(_ body: (View) -> R) -> R {
        rootChild.withUnsafeBufferPointer { root in
            edgeStart.withUnsafeBufferPointer { starts in
                edgeTokens.withUnsafeBufferPointer { tokens in
                    edgeTargets.withUnsafeBufferPointer { targets in
                        outputStart.withUnsafeBufferPointer { outputStarts in
                            outputList.withUnsafeBufferPointer { outputs in
                                body(
                                    View(
                                        rootChild: root, edgeStart: starts, edgeTokens: tokens,
                                        edgeTargets: targets, outputStart: outputStarts,
                                        outputList: outputs))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The trie's arrays as buffers; valid only inside ``withView(_:)``.
    struct View {
        let rootChild: UnsafeBufferPointer<Int32>
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeTokens: UnsafeBufferPointer<Int32>
        let edgeTargets: UnsafeBufferPointer<Int32>
        let outputStart: UnsafeBufferPointer<Int32>
        let outputList: UnsafeBufferPointer<Int32>

        /// The node reached from `node` over `token`, or -1.
        @inline(__always)
        func child(_ node: Int32, _ token: Int32) -> Int32 {
            if node == 0 { return rootChild[Int(token)] }
            var low = Int(edgeStart[Int(node)])
            var high = Int(edgeStart[Int(node) + 1])
            while low < high {
                let middle = (low + high) / 2
                let value = edgeTokens[middle]
                if value == token { return edgeTargets[middle] }
                if value < token { low = middle + 1 } else { high = middle }
            }
            return -1
        }

        /// The outputs (terms and exclusions) that end at `node`.
        @inline(__always)
        func outputs(at node: Int32) -> Slice<UnsafeBufferPointer<Int32>> {
            outputList[Int(outputStart[Int(node)])..<Int(outputStart[Int(node) + 1])]
        }
    }
}
