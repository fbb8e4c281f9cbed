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

// Objects lists every object of the catalog with its dependencies, kind by
// kind in declaration order. It is the one enumeration of what a catalog
// holds: comments, the dependency graph and the scope filter all walk it.
func (c *Catalog) Objects() []Object {
	// Counted first (EachObject allocates nothing), so the list is
	// allocated once.
	n := 0
	c.EachObject(func(Object) { n++ })
	out := make([]Object, 0, n)
	c.EachObjectRefs(func(o Object) {
		o.Refs = slices.Clone(o.Refs)
		out = append(out, o)
	})
	return out
}

// EachObject calls fn for every object of the catalog, in the order of
// Objects, without its references (Refs is nil): for the walks that need
// each object's identity and value only, at a fraction of the cost of
// finding dependencies. It allocates nothing of its own.
func (c *Catalog) EachObject(fn func(Object)) { c.walk(&refList{}, fn) }

// EachObjectRefs calls fn for every object of the catalog, in the order of
// Objects, with its references sorted and free of duplicates. Refs is
// valid only during the call: the walk reuses its memory for the next
// object, so that a caller which resolves the references at once (the
// diff's graph) does not hold a list per object.
func (c *Catalog) EachObjectRefs(fn func(Object)) {
	c.walk(&refList{on: true, types: map[string][]Ref{}}, fn)
}

// refList collects the references of the object walk is at. Off (for
// EachObject) it collects nothing, and none of its arguments is looked at.
type refList struct {
	on  bool
	buf []Ref
	// types holds the references of each type spelling met: schemas
	// spell few distinct types, each parsed once.
	types map[string][]Ref
}

// take returns the collected references, sorted and free of duplicates,
// and starts the next object's list in the same memory.
func (l *refList) take() []Ref {
	if !l.on || len(l.buf) == 0 {
		return nil
	}
	refs := SortRefs(l.buf)
	l.buf = l.buf[:0]
	return refs
}

func (l *refList) add(refs ...Ref) {
	if l.on {
		l.buf = append(l.buf, refs...)
	}
}

// schema adds the schema of a qualified name, unless it is public.
func (l *refList) schema(schema string) {
	if l.on && schema != "" && schema != "public" {
		l.buf = append(l.buf, Ref{Kind: RefSchema, Name: Name{Name: schema}})
	}
}

// typ adds the user type a type name refers to (for an array, its element
// type); a built-in type adds nothing.
func (l *refList) typ(typ string) {
	if !l.on {
		return
	}
	r, ok := l.types[typ]
	if !ok {
		r = TypeRefs(typ)
		l.types[typ] = r
	}
	l.buf = append(l.buf, r...)
}

// collation adds the user collation a qualified collation name refers to;
// pg_catalog's add nothing.
func (l *refList) collation(coll string) {
	if !l.on || coll == "" {
		return
	}
	if parts := pgsql.SplitQualified(coll); len(parts) == 2 && parts[0] != "pg_catalog" {
		l.buf = append(l.buf, Ref{Kind: RefCollation, Name: Name{Schema: parts[0], Name: parts[1]}})
	}
}

// expr adds the references of expressions, skipping absent ones.
func (l *refList) expr(es ...*Expr) {
	if !l.on {
		return
	}
	for _, e := range es {
		if e != nil {
			l.buf = append(l.buf, e.Refs...)
		}
	}
}

// key adds the references of an index or exclusion key.
func (l *refList) key(k IndexKey) {
	if !l.on {
		return
	}
	if k.Column != "" {
		l.buf = append(l.buf, Ref{Kind: RefColumn, Column: k.Column})
	}
	l.expr(k.Expr)
	l.collation(k.Collation)
	if parts := pgsql.SplitQualified(k.Opclass); len(parts) == 2 && parts[0] != "pg_catalog" {
		l.buf = append(l.buf, Ref{Kind: RefOpClass, Name: Name{Schema: parts[0], Name: parts[1]}})
	}
}

// walk enumerates the objects for EachObject and EachObjectRefs; l
// collects each object's references when it is on.
func (c *Catalog) walk(l *refList, fn func(Object)) {
	emit := func(id ObjectID, comment string, v any) {
		fn(Object{ID: id, Comment: comment, Refs: l.take(), Value: v})
	}
	if c.Public != nil {
		emit(c.Public.ID(), c.Public.Comment, c.Public)
	}
	for _, s := range c.Schemas {
		emit(s.ID(), s.Comment, s)
	}
	for _, e := range c.Extensions {
		l.schema(e.Schema)
		if l.on {
			for _, r := range e.Requires {
				l.add(Ref{Kind: RefExtension, Name: Name{Name: r}})
			}
		}
		emit(e.ID(), e.Comment, e)
	}
	for _, x := range c.Collations {
		l.schema(x.Name.Schema)
		emit(x.ID(), x.Comment, x)
	}
	for _, e := range c.Enums {
		l.schema(e.Name.Schema)
		emit(e.ID(), e.Comment, e)
	}
	for _, d := range c.Domains {
		l.schema(d.Name.Schema)
		l.typ(d.Type)
		l.collation(d.Collation)
		l.expr(d.Default)
		emit(d.ID(), d.Comment, d)
		for _, ch := range d.Checks {
			l.expr(&ch.Expr)
			emit(ObjectID{Kind: KindDomainCheck, Name: d.Name, Member: ch.Name}, ch.Comment, ch)
		}
	}
	for _, x := range c.Composites {
		l.schema(x.Name.Schema)
		for _, a := range x.Attributes {
			l.typ(a.Type)
			l.collation(a.Collation)
		}
		emit(x.ID(), x.Comment, x)
		// The attributes are objects for their comments; the type's
		// references are the composite's.
		for _, a := range x.Attributes {
			emit(ColumnID(x.Name, a.Name), a.Comment, a)
		}
	}
	for _, s := range c.Sequences {
		l.schema(s.Name.Schema)
		emit(s.ID(), s.Comment, s)
	}
	for _, f := range c.Functions {
		l.schema(f.Name.Schema)
		for _, a := range f.Args {
			l.typ(a.Type)
			l.expr(a.Default)
		}
		if ret := strings.TrimPrefix(f.Returns, "SETOF "); l.on && !strings.HasPrefix(ret, "TABLE(") {
			l.typ(ret)
		}
		l.add(f.Body.Refs...)
		emit(f.ID(), f.Comment, f)
	}
	// tables finds a partition's or child's parents; it is built on
	// first use, since a scan per partition would be quadratic.
	var tables map[Name]*Table
	for _, t := range c.Tables {
		l.schema(t.Name.Schema)
		// A partition or child takes its parents' columns: it depends on
		// each of them.
		if l.on && (t.PartitionOf != nil || len(t.Inherits) > 0) {
			if tables == nil {
				tables = make(map[Name]*Table, len(c.Tables))
				for _, t := range slices.Backward(c.Tables) {
					tables[t.Name] = t // the first of a name, as Catalog.Table
				}
			}
			parent := func(p Name) {
				l.add(Ref{Kind: RefRelation, Name: p})
				if pt := tables[p]; pt != nil {
					for _, col := range pt.Columns {
						l.add(Ref{Kind: RefColumn, Name: p, Column: col.Name})
					}
				}
			}
			if t.PartitionOf != nil {
				parent(*t.PartitionOf)
			}
			for _, p := range t.Inherits {
				parent(p)
			}
		}
		if t.PartitionBy != nil {
			l.add(t.PartitionBy.Key.Refs...)
		}
		emit(t.ID(), t.Comment, t)
		for _, col := range t.Columns {
			l.typ(col.Type)
			l.collation(col.Collation)
			l.expr(col.Default, col.Generated)
			emit(ColumnID(t.Name, col.Name), col.Comment, col)
		}
		for _, con := range t.Constraints {
			l.expr(con.Expr, con.Where)
			if l.on {
				for _, col := range con.Columns {
					l.add(Ref{Kind: RefColumn, Column: col})
				}
				for _, col := range con.Include {
					l.add(Ref{Kind: RefColumn, Column: col})
				}
				for _, el := range con.Elements {
					l.key(el.Key)
				}
				if con.References != nil {
					l.add(Ref{Kind: RefRelation, Name: *con.References})
					for _, col := range con.RefColumns {
						l.add(Ref{Kind: RefColumn, Name: *con.References, Column: col})
					}
				}
			}
			emit(ConstraintID(t.Name, con.Name), con.Comment, con)
		}
		for _, p := range t.Policies {
			l.expr(p.Using, p.WithCheck)
			emit(PolicyID(t.Name, p.Name), p.Comment, p)
		}
	}
	for _, ix := range c.Indexes {
		if l.on {
			l.add(Ref{Kind: RefRelation, Name: ix.Table})
			for _, k := range ix.Keys {
				l.key(k)
			}
			for _, col := range ix.Include {
				l.add(Ref{Kind: RefColumn, Name: ix.Table, Column: col})
			}
			l.expr(ix.Where)
			// The index is not a member of its table: its references to
			// the table's columns name the table.
			for i, r := range l.buf {
				l.buf[i] = ownTable(r, ix.Table)
			}
		}
		emit(ix.ID(), ix.Comment, ix)
	}
	for _, v := range c.Views {
		l.schema(v.Name.Schema)
		l.add(v.Query.Refs...)
		// What a column's default names is the column's to need, as a
		// table column's is: a function the default calls goes after the
		// default alone, and a view created with its defaults is created
		// with those columns, which need it.
		emit(v.ID(), v.Comment, v)
		for _, col := range v.ColumnDetails {
			l.expr(col.Default)
			emit(ColumnID(v.Name, col.Name), col.Comment, col)
		}
	}
	for _, t := range c.Triggers {
		l.add(t.Definition.Refs...)
		emit(t.ID(), t.Comment, t)
	}
	for _, d := range c.Definitions {
		l.schema(d.ID.Name.Schema)
		if l.on {
			l.buf = d.appendRefs(l.buf)
		}
		emit(d.ID, d.Comment, d)
		for _, col := range d.Columns {
			emit(ColumnID(d.ID.Name, col.Name), col.Comment, col)
		}
	}
}

// ownTable makes a reference to a column of the object's own table name
// the table, for objects that are not members of it (an index).
func ownTable(r Ref, table Name) Ref {
	if r.Kind == RefColumn && r.Name.Name == "" {
		r.Name = table
	}
	return r
}
