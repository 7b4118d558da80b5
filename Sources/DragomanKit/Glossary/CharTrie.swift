/// A character trie over match-key scalars, laid out in flat arrays for the scan: the edges
/// of each node sorted by label, the ASCII children of the root in a direct table. Each node
/// lists the term forms (``TermForm``) whose key ends there.
struct CharTrie {
    var rootASCII: [Int32] = Array(repeating: -1, count: 128)
    var edgeStart: [Int32] = [0, 0]
    var edgeLabels: [UInt32] = []
    var edgeTargets: [Int32] = []
    var nodeFormStart: [Int32] = [0, 0]
    var nodeForms: [Int32] = []

    init() {}

    /// Lays out a trie built as one dictionary of children per node (node 0 the root).
    init(children: [[UInt32: Int32]], formsAtNode: [[Int32]]) {
        for (label, target) in children[0] where label < 128 { rootASCII[Int(label)] = target }
        edgeStart = []
        nodeFormStart = []
        edgeStart.reserveCapacity(children.count + 1)
        nodeFormStart.reserveCapacity(children.count + 1)
        for (node, edges) in children.enumerated() {
            edgeStart.append(Int32(edgeLabels.count))
            for (label, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeLabels.append(label)
                edgeTargets.append(target)
            }
            nodeFormStart.append(Int32(nodeForms.count))
            nodeForms += formsAtNode[node]
        }
        edgeStart.append(Int32(edgeLabels.count))
        nodeFormStart.append(Int32(nodeForms.count))
    }

    /// Runs `body` with a view of the trie through raw pointers, which the scan's inner loop
    /// reads without reference counting.
    func withView<R>(_ body: (View) -> R) -> R {
        rootASCII.withUnsafeBufferPointer { root in
            edgeStart.withUnsafeBufferPointer { starts in
                edgeLabels.withUnsafeBufferPointer { labels in
                    edgeTargets.withUnsafeBufferPointer { targets in
                        nodeFormStart.withUnsafeBufferPointer { formStarts in
                            nodeForms.withUnsafeBufferPointer { forms in
                                body(
                                    View(
                                        rootASCII: root, edgeStart: starts, edgeLabels: labels,
                                        edgeTargets: targets, nodeFormStart: formStarts,
                                        nodeForms: forms))
                            }
                        }
                    }
                }
            }
        }
    }

    /// The trie's arrays as buffers; valid only inside ``withView(_:)``.
    struct View {
        let rootASCII: UnsafeBufferPointer<Int32>
        let edgeStart: UnsafeBufferPointer<Int32>
        let edgeLabels: UnsafeBufferPointer<UInt32>
        let edgeTargets: UnsafeBufferPointer<Int32>
        let nodeFormStart: UnsafeBufferPointer<Int32>
        let nodeForms: UnsafeBufferPointer<Int32>

        @inline(__always)
        func child(_ node: Int32, _ label: UInt32) -> Int32 {
            if node == 0 && label < 128 { return rootASCII[Int(label)] }
            var low = Int(edgeStart[Int(node)])
            var high = Int(edgeStart[Int(node) + 1])
            if high - low <= 8 {
                while low < high {
                    if edgeLabels[low] == label { return edgeTargets[low] }
                    low += 1
                }
                return -1
            }
            while low < high {
                let middle = (low + high) / 2
                let value = edgeLabels[middle]
                if value == label { return edgeTargets[middle] }
                if value < label { low = middle + 1 } else { high = middle }
            }
            return -1
        }

        @inline(__always)
        func hasForms(_ node: Int32) -> Bool {
            nodeFormStart[Int(node)] < nodeFormStart[Int(node) + 1]
        }

        func forms(at node: Int32) -> Slice<UnsafeBufferPointer<Int32>> {
            nodeForms[Int(nodeFormStart[Int(node)])..<Int(nodeFormStart[Int(node) + 1])]
        }
    }

    /// The indices of the forms that end at `node`.
    func forms(at node: Int32) -> ArraySlice<Int32> {
        nodeForms[Int(nodeFormStart[Int(node)])..<Int(nodeFormStart[Int(node) + 1])]
    }
}
