package model

// Expr is an SQL expression held by the model: a column default, a check, an
// index expression or predicate, a view query, a policy qualifier.
//
// SQL is executable text with the meaning the schema gives it (what the user
// wrote, or what PostgreSQL deparsed). Canon is the normalized form that the
// two readers compute identically for equivalent expressions; only Canon takes
// part in comparisons. Canon may drop detail that PostgreSQL adds or removes on
// its own (implicit casts, IN lists rewritten to ANY, redundant parentheses), so
// it is not meant to be executed.
//
// Source, when set, is the expression exactly as the user wrote it in a
// schema file; revisions write it rather than SQL, so that what runs is
// what the user reviewed. It is set only where it means the same as SQL
// (the names in it resolve alike), and never takes part in comparisons.
// Find, when set, finds Source on first use instead: cutting the user's
// text costs a parse, and only the expressions a revision writes need it.
type Expr struct {
	SQL    string
	Canon  string
	Source string
	Find   SourceFinder
	// Refs are the objects the expression names, sorted: relations and
	// their columns, types, functions, operators and collations outside
	// pg_catalog. They are derived data: equality ignores them.
	Refs []Ref
}

// SourceFinder finds the user's text of an expression (Expr.Find). It
// returns "" when there is none; it is safe for concurrent use, and
// copies of an expression share it.
type SourceFinder interface {
	Source() string
}

// Text returns the text revisions write: Source when there is one, else
// SQL; "" for a nil expression.
func (e *Expr) Text() string {
	if e == nil {
		return ""
	}
	if e.Source != "" {
		return e.Source
	}
	if e.Find != nil {
		if s := e.Find.Source(); s != "" {
			return s
		}
	}
	return e.SQL
}

// Equal reports whether two expressions are equivalent. Nil expressions are
// equal only to nil.
func (e *Expr) Equal(o *Expr) bool {
	if e == nil || o == nil {
		return e == nil && o == nil
	}
	return e.Canon == o.Canon
}

// String returns the executable SQL, or "" for a nil expression.
func (e *Expr) String() string {
	if e == nil {
		return ""
	}
	return e.SQL
}
