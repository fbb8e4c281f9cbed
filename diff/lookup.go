package diff

import "github.com/autogen-dev/autogen/model"

// The lookups of a catalog by name, through its graph (see graph): each
// takes constant time, where the model's own lookups (Catalog.Table, ...)
// scan a list. The comparison looks up objects inside loops over all
// objects, so a scan there would make it quadratic in the schema's size.

// table returns the table with the given name, or nil.
func (g *graph) table(n model.Name) *model.Table {
	t, _ := g.value(model.ObjectID{Kind: model.KindTable, Name: n}).(*model.Table)
	return t
}

// view returns the view or materialized view with the given name, or nil.
func (g *graph) view(n model.Name) *model.View {
	if v, ok := g.value(model.ObjectID{Kind: model.KindView, Name: n}).(*model.View); ok {
		return v
	}
	v, _ := g.value(model.ObjectID{Kind: model.KindMatView, Name: n}).(*model.View)
	return v
}

// sequence returns the sequence with the given name, or nil.
func (g *graph) sequence(n model.Name) *model.Sequence {
	s, _ := g.value(model.ObjectID{Kind: model.KindSequence, Name: n}).(*model.Sequence)
	return s
}

// enum returns the enum type with the given name, or nil.
func (g *graph) enum(n model.Name) *model.Enum {
	e, _ := g.value(model.ObjectID{Kind: model.KindEnum, Name: n}).(*model.Enum)
	return e
}

// schema returns the schema with the given name, or nil.
func (g *graph) schema(name string) *model.Schema {
	s, _ := g.value(model.ObjectID{Kind: model.KindSchema, Name: model.Name{Name: name}}).(*model.Schema)
	return s
}

// extension returns the extension with the given name, or nil.
func (g *graph) extension(name string) *model.Extension {
	e, _ := g.value(model.ObjectID{Kind: model.KindExtension, Name: model.Name{Name: name}}).(*model.Extension)
	return e
}

// collation returns the collation with the given name, or nil.
func (g *graph) collation(n model.Name) *model.Collation {
	c, _ := g.value(model.ObjectID{Kind: model.KindCollation, Name: n}).(*model.Collation)
	return c
}

// domain returns the domain with the given name, or nil.
func (g *graph) domain(n model.Name) *model.Domain {
	d, _ := g.value(model.ObjectID{Kind: model.KindDomain, Name: n}).(*model.Domain)
	return d
}

// composite returns the composite type with the given name, or nil.
func (g *graph) composite(n model.Name) *model.Composite {
	c, _ := g.value(model.ObjectID{Kind: model.KindComposite, Name: n}).(*model.Composite)
	return c
}

// function returns the function or procedure with the given signature
// (model.Function.Signature), or nil.
func (g *graph) function(signature string) *model.Function { return g.signatures[signature] }

// index returns the index with the given schema and name, or nil.
func (g *graph) index(n model.Name) *model.Index {
	ix, _ := g.value(model.ObjectID{Kind: model.KindIndex, Name: n}).(*model.Index)
	return ix
}

// trigger returns the trigger of a table or view with the given name, or
// nil.
func (g *graph) trigger(table model.Name, name string) *model.Trigger {
	t, _ := g.value(model.ObjectID{Kind: model.KindTrigger, Name: table, Member: name}).(*model.Trigger)
	return t
}

// indexesOf returns the indexes of a table or materialized view, in
// catalog order.
func (g *graph) indexesOf(n model.Name) []*model.Index { return g.indexes[n] }

// triggersOf returns the triggers of a table or view, in catalog order.
func (g *graph) triggersOf(n model.Name) []*model.Trigger { return g.triggers[n] }

// definitionsOf returns the definitions that belong to a table or view
// (rules, statistics), in catalog order.
func (g *graph) definitionsOf(n model.Name) []*model.Definition { return g.tableDefs[n] }

// partitionsOf returns the partitions of a table, and theirs, recursively.
func (g *graph) partitionsOf(n model.Name) []*model.Table {
	var out []*model.Table
	for _, t := range g.partitions[n] {
		out = append(out, t)
		out = append(out, g.partitionsOf(t.Name)...)
	}
	return out
}

// ownedSequence returns the sequence owned by a column, if any.
func (g *graph) ownedSequence(table model.Name, column string) *model.Sequence {
	return g.owned[model.ColumnRef{Table: table, Column: column}]
}
