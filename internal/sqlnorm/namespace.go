package sqlnorm

import (
	"iter"
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// Kind is the kind of object a name refers to, for lookups.
type Kind int

// The kinds of names that the normalizer qualifies.
const (
	// KindSchema asks whether a schema exists; the name is empty.
	KindSchema Kind = iota
	// KindRelation covers tables, views, sequences, indexes and composite
	// types' relations: everything in pg_class.
	KindRelation
	KindType
	KindFunction
	KindOperator
	KindCollation
	// The kinds of definitions (see define.go) that statements name.
	KindOpClass
	KindOpFamily
	KindTSParser
	KindTSTemplate
	KindTSDictionary
	KindTSConfig
	KindStatistics
)

// Namespace resolves unqualified names the way PostgreSQL resolves them with
// a given search_path.
//
// The catalog reader uses the zero Namespace: it reads the database with an
// empty search_path, so every name PostgreSQL prints without a schema is in
// pg_catalog. The SQL reader fills SearchPath with the path in effect at each
// statement and Lookup with the objects its files define.
type Namespace struct {
	// SearchPath lists the schemas searched, in order. pg_catalog is searched
	// first unless it is listed.
	SearchPath []string
	// Lookup reports whether a user object of the kind exists in the schema.
	// A nil Lookup knows no user objects.
	Lookup func(kind Kind, schema, name string) bool
	// Columns returns the column names of a table or view, for resolving
	// column references in queries. A nil Columns knows no relation.
	Columns func(rel model.Name) ([]string, bool)
	// FunctionColumns returns the result columns of a function called in
	// FROM, by name: its OUT, INOUT and TABLE arguments, or the columns of
	// the composite type or table it returns. ok is false for a function
	// returning a scalar, one the namespace does not know, and a name
	// whose overloads disagree; the call then gives one column named
	// after its alias. A nil FunctionColumns knows none (the catalog
	// prints every column list).
	FunctionColumns func(fn model.Name) ([]string, bool)
	// Definition returns a definition the files define, for statements
	// that copy one (CREATE TEXT SEARCH CONFIGURATION ... COPY). A nil
	// Definition knows none.
	Definition func(id model.ObjectID) *model.Definition
	// ConstraintName chooses the name PostgreSQL gives an unnamed
	// constraint of a table (of a column, when column is not empty), with
	// its suffix ("check"), and takes it. A nil ConstraintName never
	// needs to: the catalog prints every name.
	ConstraintName func(table model.Name, column, suffix string) string

	// params are the parameters of the function whose SQL-standard body
	// is being read (see SQLBody); nil elsewhere.
	params *bodyParams
}

// Resolve returns the schema an unqualified name of the kind refers to:
// "pg_catalog" for built-in objects. ok is false when nothing matches.
// Collations are not listed in the built-in data, so a collation that no
// searched schema defines is taken to be a pg_catalog one.
func (ns *Namespace) Resolve(kind Kind, name string) (schema string, ok bool) {
	for s := range ns.candidates(kind, name) {
		return s, true
	}
	if kind == KindCollation {
		return "pg_catalog", true
	}
	return "", false
}

// Candidates returns every schema of the search path, in its order, that
// has an object of the kind and name ("pg_catalog" for a built-in one):
// those PostgreSQL considers when it resolves a function name by its
// argument types, where a built-in function of the name does not hide a
// user's of other argument types.
func (ns *Namespace) Candidates(kind Kind, name string) []string {
	return slices.Collect(ns.candidates(kind, name))
}

// candidates yields the schemas of Candidates.
func (ns *Namespace) candidates(kind Kind, name string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, s := range ns.path() {
			found := false
			if s == "pg_catalog" {
				found = IsBuiltin(kind, name)
			} else {
				found = ns.Lookup != nil && ns.Lookup(kind, s, name)
			}
			if found && !yield(s) {
				return
			}
		}
	}
}

// path returns the effective search path: pg_catalog first unless listed.
func (ns *Namespace) path() []string {
	if slices.Contains(ns.SearchPath, "pg_catalog") {
		return ns.SearchPath
	}
	return append([]string{"pg_catalog"}, ns.SearchPath...)
}

// CreationSchema returns the schema that an unqualified CREATE puts its
// object in: the first schema of the search path that exists. ok is false
// when none does.
func (ns *Namespace) CreationSchema() (string, bool) {
	for _, s := range ns.SearchPath {
		if s == "pg_catalog" || s == "$user" || s == "pg_temp" {
			continue
		}
		if ns.Lookup != nil && ns.Lookup(KindSchema, s, "") {
			return s, true
		}
	}
	return "", false
}
