/// A configuration file that cannot be used: where, and what to fix.
public typealias CheckConfigurationError = FileError
