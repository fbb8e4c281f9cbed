package model

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

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
	// Schemas moves every object of a schema to another; "" leaves the
	// objects unqualified (a multi-tenant template's objects, which
	// search_path resolves in each tenant's schema).
	Schemas map[string]string
}

// schema returns the new schema of an object in schema s.
func (r *Renaming) schema(s string) string {
	if ns, ok := r.Schemas[s]; ok {
		return ns
	}
	return s
}

// Name returns the new name of any object (function, operator,
// collation, ...) whose only rename is its schema's.
func (r *Renaming) Name(n Name) Name {
	n.Schema = r.schema(n.Schema)
	return n
}

// Table returns the new name of a relation (a table or a sequence), or
// the name itself.
func (r *Renaming) Table(n Name) Name {
	if nn, ok := r.Tables[n]; ok {
		return Name{Schema: r.schema(n.Schema), Name: nn}
	}
	if nn, ok := r.Sequences[n]; ok {
		return nn
	}
	return r.Name(n)
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
		return Name{Schema: r.schema(n.Schema), Name: nn}
	}
	return r.Name(n)
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
	return r.Name(rel) != rel
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
	default:
		ref.Name = r.Name(ref.Name)
	}
	return ref
}

// Type returns a type name (in the model's canonical spelling) under the
// new names.
func (r *Renaming) Type(typ string) string {
	t, err := pgsql.ParseType(typ)
	if err != nil || t.Builtin() || t.Schema == "" {
		return typ
	}
	nn := r.TypeName(Name{Schema: t.Schema, Name: t.Name})
	if nn.Schema == t.Schema && nn.Name == t.Name {
		return typ
	}
	t.Schema, t.Name = nn.Schema, nn.Name
	return t.String()
}

// Rename applies renames to the names of the catalog and to every
// model field that refers to a renamed object: column and attribute
// types, foreign keys, index and constraint columns, sequence owners,
// triggers' tables, partitions' and children's parents. With exprsDone
// the expressions were rewritten already (ExprRenamer); otherwise only
// their references are renamed.
func (cat *Catalog) Rename(ren *Renaming, exprsDone bool) {
	typ := func(t *string) { *t = ren.Type(*t) }
	kept := cat.Schemas[:0]
	for _, s := range cat.Schemas {
		if s.Name = ren.schema(s.Name); s.Name != "" {
			kept = append(kept, s)
		}
	}
	cat.Schemas = kept
	name := func(n *Name) { *n = ren.Name(*n) }
	rel := func(n *Name) {
		if n != nil {
			*n = ren.Table(*n)
		}
	}
	cols := func(table Name, list []string) {
		for i, c := range list {
			list[i] = ren.Column(table, c)
		}
	}
	exprs := func(owner Name, es ...*Expr) {
		if exprsDone {
			return
		}
		for _, e := range es {
			if e == nil {
				continue
			}
			for i, r := range e.Refs {
				e.Refs[i] = ren.RenameRef(r, owner)
			}
			e.Refs = SortRefs(e.Refs)
		}
	}
	for _, e := range cat.Enums {
		if vals := ren.EnumValues[e.Name]; vals != nil {
			for i, v := range e.Values {
				if nv, ok := vals[v]; ok {
					e.Values[i] = nv
				}
			}
		}
		e.Name = ren.TypeName(e.Name)
	}
	for _, x := range cat.Collations {
		name(&x.Name)
	}
	for _, e := range cat.Extensions {
		e.Schema = ren.Name(Name{Schema: e.Schema}).Schema
	}
	for _, dm := range cat.Domains {
		dm.Name = ren.TypeName(dm.Name)
		typ(&dm.Type)
		exprs(Name{}, dm.Default)
		for _, c := range dm.Checks {
			exprs(Name{}, &c.Expr)
		}
	}
	for _, cp := range cat.Composites {
		cp.Name = ren.TypeName(cp.Name)
		for _, a := range cp.Attributes {
			typ(&a.Type)
		}
	}
	for _, f := range cat.Functions {
		name(&f.Name)
		f.Returns = renameReturns(ren, f.Returns)
		for i := range f.Args {
			typ(&f.Args[i].Type)
			exprs(Name{}, f.Args[i].Default)
		}
		exprs(Name{}, &f.Body)
	}
	for _, s := range cat.Sequences {
		if s.OwnedBy != nil {
			s.OwnedBy.Column = ren.Column(s.OwnedBy.Table, s.OwnedBy.Column)
			rel(&s.OwnedBy.Table)
		}
		s.Name = ren.Table(s.Name)
	}
	for _, t := range cat.Tables {
		old := t.Name
		for _, c := range t.Columns {
			typ(&c.Type)
			exprs(old, c.Default, c.Generated)
			c.Name = ren.Column(old, c.Name)
		}
		cols(old, t.ColumnOrder)
		for _, c := range t.Constraints {
			if nn, ok := ren.Constraints[old][c.Name]; ok {
				c.Name = nn
			}
			cols(old, c.Columns)
			cols(old, c.Include)
			cols(old, c.OnDeleteColumns)
			exprs(old, c.Expr, c.Where)
			for i := range c.Elements {
				k := &c.Elements[i].Key
				k.Column = ren.Column(old, k.Column)
				exprs(old, k.Expr)
			}
			if c.References != nil {
				cols(*c.References, c.RefColumns)
				rel(c.References)
			}
		}
		for _, p := range t.Policies {
			exprs(old, p.Using, p.WithCheck)
		}
		if t.PartitionBy != nil {
			exprs(old, &t.PartitionBy.Key)
		}
		rel(t.PartitionOf)
		for i := range t.Inherits {
			rel(&t.Inherits[i])
		}
		if nn, ok := ren.Indexes[Name{Schema: old.Schema, Name: t.ReplicaIdentityIndex}]; ok {
			t.ReplicaIdentityIndex = nn
		}
		if nn, ok := ren.Indexes[Name{Schema: old.Schema, Name: t.ClusterOn}]; ok {
			t.ClusterOn = nn
		}
		t.Name = ren.Table(old)
	}
	for _, ix := range cat.Indexes {
		old := ix.Table
		for i := range ix.Keys {
			ix.Keys[i].Column = ren.Column(old, ix.Keys[i].Column)
			exprs(old, ix.Keys[i].Expr)
		}
		cols(old, ix.Include)
		exprs(old, ix.Where)
		if nn, ok := ren.Indexes[ix.QualifiedName()]; ok {
			ix.Name = nn
		}
		ix.Schema = ren.Name(Name{Schema: ix.Schema}).Schema
		rel(&ix.Table)
	}
	for _, v := range cat.Views {
		exprs(v.Name, &v.Query)
		rel(&v.Name)
	}
	for _, tr := range cat.Triggers {
		exprs(tr.Table, &tr.Definition)
		rel(&tr.Table)
		name(&tr.Function)
	}
}

// renameReturns renames the types of a function's result: "SETOF t",
// "TABLE(a t, ...)" or a type.
func renameReturns(ren *Renaming, ret string) string {
	if rest, ok := strings.CutPrefix(ret, "SETOF "); ok {
		return "SETOF " + ren.Type(rest)
	}
	if strings.HasPrefix(ret, "TABLE(") {
		return ret // columns of a returned table are spelled by the readers; rare to rename
	}
	return ren.Type(ret)
}
