package diff

import "github.com/autogen-dev/autogen/model"

// The lookups of a catalog by name, through its graph (see graph): each
// takes constant time, where the model's own lookups (Catalog.Table, ...)
// scan a list. The comparison looks up objects inside loops over all
// objects, so a scan there would make it quadratic in the schema's size.

// lookup returns the object of a kind and name as its model type, or the
// zero value (nil) when the catalog has none.
func lookup[T any](g *graph, kind model.Kind, n model.Name) T {
	v, _ := g.value(model.ObjectID{Kind: kind, Name: n}).(T)
	return v
}

// table returns the table with the given name, or nil.
func (g *graph) table(n model.Name) *model.Table { return lookup[*model.Table](g, model.KindTable, n) }

// view returns the view or materialized view with the given name, or nil.
func (g *graph) view(n model.Name) *model.View {
	if v := lookup[*model.View](g, model.KindView, n); v != nil {
		return v
	}
	return lookup[*model.View](g, model.KindMatView, n)
}

// sequence returns the sequence with the given name, or nil.
func (g *graph) sequence(n model.Name) *model.Sequence {
	return lookup[*model.Sequence](g, model.KindSequence, n)
}

// enum returns the enum type with the given name, or nil.
func (g *graph) enum(n model.Name) *model.Enum { return lookup[*model.Enum](g, model.KindEnum, n) }

// schema returns the schema with the given name, or nil.
func (g *graph) schema(name string) *model.Schema {
	return lookup[*model.Schema](g, model.KindSchema, model.Name{Name: name})
}

// extension returns the extension with the given name, or nil.
func (g *graph) extension(name string) *model.Extension {
	return lookup[*model.Extension](g, model.KindExtension, model.Name{Name: name})
}

// collation returns the collation with the given name, or nil.
func (g *graph) collation(n model.Name) *model.Collation {
	return lookup[*model.Collation](g, model.KindCollation, n)
}

// domain returns the domain with the given name, or nil.
func (g *graph) domain(n model.Name) *model.Domain {
	return lookup[*model.Domain](g, model.KindDomain, n)
}

// composite returns the composite type with the given name, or nil.
func (g *graph) composite(n model.Name) *model.Composite {
	return lookup[*model.Composite](g, model.KindComposite, n)
}

// function returns the function or procedure with the given signature
// (model.Function.Signature), or nil.
func (g *graph) function(signature string) *model.Function { return g.signatures[signature] }

// index returns the index with the given schema and name, or nil.
func (g *graph) index(n model.Name) *model.Index { return lookup[*model.Index](g, model.KindIndex, n) }

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

// parentTable returns the partitioned table a partition belongs to, or
// nil.
func (g *graph) parentTable(t *model.Table) *model.Table {
	if t.PartitionOf == nil {
		return nil
	}
	return g.table(*t.PartitionOf)
}

// root returns the root of the partition tree a table belongs to: the
// table itself when it is no partition.
func (g *graph) root(t *model.Table) *model.Table {
	for p := g.parentTable(t); p != nil; p = g.parentTable(t) {
		t = p
	}
	return t
}

// ownedSequence returns the sequence owned by a column, if any.
func (g *graph) ownedSequence(table model.Name, column string) *model.Sequence {
	return g.owned[model.ColumnRef{Table: table, Column: column}]
}
