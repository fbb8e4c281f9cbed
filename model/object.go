package model

import (
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// Object is one object of a catalog as the generic stages see it: its
// identity, its comment, what it depends on and the model value itself.
type Object struct {
	ID      ObjectID
	Comment string
	// Refs are the objects it depends on: the references of its
	// expressions and those its definition implies (a column's type, a
	// function's argument types, a foreign key's table). A column
	// reference with an empty Name is a column of the object's own table.
	Refs []Ref
	// Value is the model value: *Table, *Column, *Constraint, ...
	Value any
}

// ID identifies the schema.
func (s *Schema) ID() ObjectID { return ObjectID{Kind: KindSchema, Name: Name{Name: s.Name}} }

// ID identifies the extension.
func (e *Extension) ID() ObjectID { return ObjectID{Kind: KindExtension, Name: Name{Name: e.Name}} }

// ID identifies the collation.
func (c *Collation) ID() ObjectID { return ObjectID{Kind: KindCollation, Name: c.Name} }

// ID identifies the enum type.
func (e *Enum) ID() ObjectID { return ObjectID{Kind: KindEnum, Name: e.Name} }

// ID identifies the domain.
func (d *Domain) ID() ObjectID { return ObjectID{Kind: KindDomain, Name: d.Name} }

// ID identifies the composite type.
func (c *Composite) ID() ObjectID { return ObjectID{Kind: KindComposite, Name: c.Name} }

// ID identifies the sequence.
func (s *Sequence) ID() ObjectID { return ObjectID{Kind: KindSequence, Name: s.Name} }

// ID identifies the function or procedure.
func (f *Function) ID() ObjectID {
	k := KindFunction
	if f.Procedure {
		k = KindProcedure
	}
	return ObjectID{Kind: k, Name: f.Name, Args: f.IdentityArgs()}
}

// ID identifies the table.
func (t *Table) ID() ObjectID { return ObjectID{Kind: KindTable, Name: t.Name} }

// ID identifies the index.
func (ix *Index) ID() ObjectID { return ObjectID{Kind: KindIndex, Name: ix.QualifiedName()} }

// ID identifies the view or materialized view.
func (v *View) ID() ObjectID {
	if v.Materialized {
		return ObjectID{Kind: KindMatView, Name: v.Name}
	}
	return ObjectID{Kind: KindView, Name: v.Name}
}

// ID identifies the trigger.
func (t *Trigger) ID() ObjectID { return ObjectID{Kind: KindTrigger, Name: t.Table, Member: t.Name} }

// SQLRef names the object the way SQL does after its kind's keyword, in
// COMMENT ON and DROP (see internal/pgsql's ObjectKinds).
func (id ObjectID) SQLRef() pgsql.ObjectRef {
	r := pgsql.ObjectRef{Kind: id.Kind.Info().Keyword}
	switch {
	case id.Kind.Info().Member:
		r.Schema, r.Table, r.Name = id.Name.Schema, id.Name.Name, id.Member
	case id.Kind == KindUserMapping:
		r.Name, r.Args = id.Name.Name, id.Member
	case id.Kind == KindOpClass || id.Kind == KindOpFamily:
		r.Schema, r.Name, r.Table = id.Name.Schema, id.Name.Name, id.Args
	default:
		r.Schema, r.Name, r.Args = id.Name.Schema, id.Name.Name, id.Args
	}
	return r
}

// ColumnID identifies a column of a table.
func ColumnID(table Name, column string) ObjectID {
	return ObjectID{Kind: KindColumn, Name: table, Member: column}
}

// ConstraintID identifies a constraint of a table.
func ConstraintID(table Name, constraint string) ObjectID {
	return ObjectID{Kind: KindConstraint, Name: table, Member: constraint}
}

// PolicyID identifies a policy of a table.
func PolicyID(table Name, policy string) ObjectID {
	return ObjectID{Kind: KindPolicy, Name: table, Member: policy}
}

// TypeRefs returns the user types a type name refers to (for an array,
// its element type); nil for a built-in type. It reads the canonical
// spelling the model holds.
func TypeRefs(typ string) []Ref {
	t, err := pgsql.ParseType(typ)
	if err != nil || t.Builtin() || t.Schema == "" {
		return nil
	}
	return []Ref{{Kind: RefType, Name: Name{Schema: t.Schema, Name: t.Name}}}
}

// collationRefs returns the user collation a qualified collation name
// refers to; nil for pg_catalog's.
func collationRefs(coll string) []Ref {
	parts := pgsql.SplitQualified(coll)
	if len(parts) != 2 || parts[0] == "pg_catalog" {
		return nil
	}
	return []Ref{{Kind: RefCollation, Name: Name{Schema: parts[0], Name: parts[1]}}}
}

func exprRefs(es ...*Expr) []Ref {
	var out []Ref
	for _, e := range es {
		if e != nil {
			out = append(out, e.Refs...)
		}
	}
	return out
}

func schemaRef(schema string) []Ref {
	if schema == "" || schema == "public" {
		return nil
	}
	return []Ref{{Kind: RefSchema, Name: Name{Name: schema}}}
}

// Objects lists every object of the catalog with its dependencies, kind by
// kind in declaration order. It is the one enumeration of what a catalog
// holds: comments, the dependency graph and the scope filter all walk it.
func (c *Catalog) Objects() []Object {
	// Tables' members are most of a catalog's objects: with them counted
	// up front, the list grows at most a few times.
	n := len(c.Indexes) + len(c.Views) + len(c.Sequences) + len(c.Functions) + len(c.Triggers)
	for _, t := range c.Tables {
		n += 1 + len(t.Columns) + len(t.Constraints) + len(t.Policies)
	}
	out := make([]Object, 0, n+16)
	c.walk(true, func(o Object) { out = append(out, o) })
	return out
}

// EachObject calls fn for every object of the catalog, in the order of
// Objects, without its references (Refs is nil): for the walks that need
// each object's identity and value only, at a fraction of the cost of
// finding dependencies.
func (c *Catalog) EachObject(fn func(Object)) { c.walk(false, fn) }

// walk enumerates the objects for Objects and EachObject, with their
// references when withRefs is set.
func (c *Catalog) walk(withRefs bool, fn func(Object)) {
	add := func(id ObjectID, comment string, v any, lists ...[]Ref) {
		var all []Ref
		if withRefs {
			for _, r := range lists {
				all = append(all, r...)
			}
			all = SortRefs(all)
		}
		fn(Object{ID: id, Comment: comment, Refs: all, Value: v})
	}
	// Schemas spell few distinct types, each parsed once here; the
	// results are only ever copied.
	parsed := map[string][]Ref{}
	typeRefs := func(typ string) []Ref {
		if !withRefs {
			return nil
		}
		r, ok := parsed[typ]
		if !ok {
			r = TypeRefs(typ)
			parsed[typ] = r
		}
		return r
	}
	if c.Public != nil {
		add(c.Public.ID(), c.Public.Comment, c.Public)
	}
	for _, s := range c.Schemas {
		add(s.ID(), s.Comment, s)
	}
	for _, e := range c.Extensions {
		var refs []Ref
		for _, r := range e.Requires {
			refs = append(refs, Ref{Kind: RefExtension, Name: Name{Name: r}})
		}
		add(e.ID(), e.Comment, e, schemaRef(e.Schema), refs)
	}
	for _, x := range c.Collations {
		add(x.ID(), x.Comment, x, schemaRef(x.Name.Schema))
	}
	for _, e := range c.Enums {
		add(e.ID(), e.Comment, e, schemaRef(e.Name.Schema))
	}
	for _, d := range c.Domains {
		add(d.ID(), d.Comment, d, schemaRef(d.Name.Schema), typeRefs(d.Type), collationRefs(d.Collation), exprRefs(d.Default))
		for _, ch := range d.Checks {
			add(ObjectID{Kind: KindDomainCheck, Name: d.Name, Member: ch.Name}, ch.Comment, ch, exprRefs(&ch.Expr))
		}
	}
	for _, x := range c.Composites {
		var refs []Ref
		for _, a := range x.Attributes {
			refs = append(refs, typeRefs(a.Type)...)
			refs = append(refs, collationRefs(a.Collation)...)
		}
		add(x.ID(), x.Comment, x, schemaRef(x.Name.Schema), refs)
	}
	for _, s := range c.Sequences {
		add(s.ID(), s.Comment, s, schemaRef(s.Name.Schema))
	}
	for _, f := range c.Functions {
		var refs []Ref
		for _, a := range f.Args {
			refs = append(refs, typeRefs(a.Type)...)
			refs = append(refs, exprRefs(a.Default)...)
		}
		ret := strings.TrimPrefix(f.Returns, "SETOF ")
		if !strings.HasPrefix(ret, "TABLE(") {
			refs = append(refs, typeRefs(ret)...)
		}
		add(f.ID(), f.Comment, f, schemaRef(f.Name.Schema), refs, f.Body.Refs)
	}
	// tables finds a partition's or child's parents; it is built on
	// first use, since a scan per partition would be quadratic.
	var tables map[Name]*Table
	for _, t := range c.Tables {
		var refs []Ref
		// A partition or child takes its parents' columns: it depends on
		// each of them.
		parents := t.Inherits
		if t.PartitionOf != nil {
			parents = append([]Name{*t.PartitionOf}, parents...)
		}
		if len(parents) > 0 && tables == nil {
			tables = make(map[Name]*Table, len(c.Tables))
			for _, t := range slices.Backward(c.Tables) {
				tables[t.Name] = t // the first of a name, as Catalog.Table
			}
		}
		for _, p := range parents {
			refs = append(refs, Ref{Kind: RefRelation, Name: p})
			if pt := tables[p]; pt != nil {
				for _, col := range pt.Columns {
					refs = append(refs, Ref{Kind: RefColumn, Name: p, Column: col.Name})
				}
			}
		}
		if t.PartitionBy != nil {
			refs = append(refs, t.PartitionBy.Key.Refs...)
		}
		add(t.ID(), t.Comment, t, schemaRef(t.Name.Schema), refs)
		for _, col := range t.Columns {
			add(ColumnID(t.Name, col.Name), col.Comment, col, typeRefs(col.Type), collationRefs(col.Collation),
				exprRefs(col.Default, col.Generated))
		}
		for _, con := range t.Constraints {
			refs := exprRefs(con.Expr, con.Where)
			for _, col := range con.Columns {
				refs = append(refs, Ref{Kind: RefColumn, Column: col})
			}
			for _, col := range con.Include {
				refs = append(refs, Ref{Kind: RefColumn, Column: col})
			}
			for _, el := range con.Elements {
				refs = append(refs, keyRefs(el.Key)...)
			}
			if con.References != nil {
				refs = append(refs, Ref{Kind: RefRelation, Name: *con.References})
				for _, col := range con.RefColumns {
					refs = append(refs, Ref{Kind: RefColumn, Name: *con.References, Column: col})
				}
			}
			add(ConstraintID(t.Name, con.Name), con.Comment, con, refs)
		}
		for _, p := range t.Policies {
			add(PolicyID(t.Name, p.Name), p.Comment, p, exprRefs(p.Using, p.WithCheck))
		}
	}
	for _, ix := range c.Indexes {
		refs := []Ref{{Kind: RefRelation, Name: ix.Table}}
		for _, k := range ix.Keys {
			refs = append(refs, keyRefs(k)...)
		}
		for _, col := range ix.Include {
			refs = append(refs, Ref{Kind: RefColumn, Name: ix.Table, Column: col})
		}
		refs = append(refs, exprRefs(ix.Where)...)
		for i, r := range refs {
			refs[i] = ownTable(r, ix.Table)
		}
		add(ix.ID(), ix.Comment, ix, refs)
	}
	for _, v := range c.Views {
		add(v.ID(), v.Comment, v, schemaRef(v.Name.Schema), v.Query.Refs)
	}
	for _, t := range c.Triggers {
		add(t.ID(), t.Comment, t, t.Definition.Refs)
	}
	for _, d := range c.Definitions {
		add(d.ID, d.Comment, d, schemaRef(d.ID.Name.Schema), d.Refs())
		for _, col := range d.Columns {
			add(ColumnID(d.ID.Name, col.Name), col.Comment, col)
		}
	}
}

// keyRefs returns the references of an index or exclusion key.
func keyRefs(k IndexKey) []Ref {
	var refs []Ref
	if k.Column != "" {
		refs = append(refs, Ref{Kind: RefColumn, Column: k.Column})
	}
	refs = append(refs, exprRefs(k.Expr)...)
	refs = append(refs, collationRefs(k.Collation)...)
	if parts := pgsql.SplitQualified(k.Opclass); len(parts) == 2 && parts[0] != "pg_catalog" {
		refs = append(refs, Ref{Kind: RefOpClass, Name: Name{Schema: parts[0], Name: parts[1]}})
	}
	return refs
}

// ownTable makes a reference to a column of the object's own table name
// the table, for objects that are not members of it (an index).
func ownTable(r Ref, table Name) Ref {
	if r.Kind == RefColumn && r.Name.Name == "" {
		r.Name = table
	}
	return r
}
