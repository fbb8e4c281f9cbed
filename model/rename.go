package model

// Renaming is a set of confirmed renames, keyed by the names the objects
// have before them. The diff applies it to the current catalog's names and
// references; the readers' canonicalizer (sqlnorm.RenameExpr) applies it
// to expressions by parsing them, never by searching their text.
type Renaming struct {
	// Tables maps a table to its new name (in the same schema).
	Tables map[Name]string
	// Columns maps a table (by its old name) to its column renames.
	Columns map[Name]map[string]string
	// Types maps a type (an enum) to its new name (in the same schema).
	Types map[Name]string
	// EnumValues maps an enum (by its old name) to its value renames.
	EnumValues map[Name]map[string]string
	// Sequences maps a sequence to its new name.
	Sequences map[Name]Name
	// Constraints maps a table (by its old name) to its constraint
	// renames; Indexes maps an index to its new name.
	Constraints map[Name]map[string]string
	Indexes     map[Name]string
}

// Table returns the new name of a relation (a table or a sequence), or
// the name itself.
func (r *Renaming) Table(n Name) Name {
	if nn, ok := r.Tables[n]; ok {
		return Name{Schema: n.Schema, Name: nn}
	}
	if nn, ok := r.Sequences[n]; ok {
		return nn
	}
	return n
}

// Column returns the new name of a column of a table (by its old name),
// or the name itself.
func (r *Renaming) Column(table Name, col string) string {
	if nc, ok := r.Columns[table][col]; ok {
		return nc
	}
	return col
}

// TypeName returns the new name of a type, or the name itself.
func (r *Renaming) TypeName(n Name) Name {
	if nn, ok := r.Types[n]; ok {
		return Name{Schema: n.Schema, Name: nn}
	}
	return n
}

// Touches reports whether a reference of an object whose own table is
// owner names a renamed object.
func (r *Renaming) Touches(owner Name, ref Ref) bool {
	rel := ref.Name
	if ref.Kind == RefColumn && rel.Name == "" {
		rel = owner
	}
	switch ref.Kind {
	case RefRelation:
		return r.Table(rel) != rel
	case RefColumn:
		return r.Table(rel) != rel || r.Column(rel, ref.Column) != ref.Column
	case RefType:
		return r.TypeName(rel) != rel || len(r.EnumValues[rel]) > 0
	}
	return false
}

// RenameRef returns a reference under the new names. owner is the old
// name of the table whose bare columns a column reference with an empty
// relation names.
func (r *Renaming) RenameRef(ref Ref, owner Name) Ref {
	switch ref.Kind {
	case RefRelation:
		ref.Name = r.Table(ref.Name)
	case RefColumn:
		rel := ref.Name
		if rel.Name == "" {
			rel = owner
		} else {
			ref.Name = r.Table(rel)
		}
		ref.Column = r.Column(rel, ref.Column)
	case RefType:
		ref.Name = r.TypeName(ref.Name)
	}
	return ref
}
