/// An attribute of an element as the parser reports it: qualified name (`xml:lang`) and value.
struct XMLAttribute {
    let name: String
    let value: String
    /// Which of the attributes the unit builder reads this is, found once per name.
    let kind: TMXAttributeName

    init(name: String, value: String, kind: TMXAttributeName? = nil) {
        self.name = name
        self.value = value
        self.kind = kind ?? TMXAttributeName(name)
    }
}
