package model

// Schema is a namespace. The public schema, which every database starts
// with, is implied and never listed.
type Schema struct {
	Name    string
	Comment string
	Access
}

// Extension is an installed extension. Objects it owns are not part of the
// catalog. Version is empty when the desired state does not pin one, meaning
// the server's default version.
type Extension struct {
	Name    string
	Schema  string
	Version string
	// Requires are the extensions it requires (its control file's
	// requires), sorted: installed before it, dropped after it.
	Requires []string
	Comment  string
}

// Collation is a collation object created with CREATE COLLATION.
type Collation struct {
	Name Name
	// Provider is "libc", "icu" or "builtin".
	Provider      string
	LcCollate     string
	LcCtype       string
	Locale        string
	Deterministic bool
	Comment       string
	Access
}
