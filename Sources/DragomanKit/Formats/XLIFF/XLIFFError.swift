/// Why an XLIFF file cannot be read.
public typealias XLIFFError = FileError
