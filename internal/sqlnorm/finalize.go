package sqlnorm

import (
	"slices"

	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/model"
)

// Finalize brings a catalog either reader has built into canonical form:
// it drops what children inherit, applies the filter and sorts. Both
// readers build full catalogs (every column of a partition, every
// constraint it inherits) and leave these decisions to Finalize, so that
// they are made once, the same way.
//
// A column of a partition or inheritance child is implied when a parent
// has a column of that name with the same type, nullability, default,
// identity, generation expression, collation, storage, compression method,
// statistics target and attribute options, and the child's column has no
// comment of its own; a column an inheritance child defines itself
// (Column.Inherited false) is never implied. A CHECK or foreign key constraint of a
// child is implied when a parent has one of the same name and definition;
// a partition's check that is valid where the parent's is NOT VALID is not. A partition whose columns stand in another order than
// its parent's keeps that order in Table.ColumnOrder.
// This makes a partition created with PARTITION OF and the same partition
// restored from a dump (CREATE TABLE, then ATTACH PARTITION) read alike.
func Finalize(c *model.Catalog, f *scope.Filter) {
	pruneInherited(c)
	filter(c, f)
	c.Sort()
}

func pruneInherited(c *model.Catalog) {
	byName := map[model.Name]*model.Table{}
	for _, t := range c.Tables {
		byName[t.Name] = t
	}
	type pruned struct {
		cols  []*model.Column
		cons  []*model.Constraint
		order []string
	}
	result := map[*model.Table]pruned{}
	for _, t := range c.Tables {
		var parents []*model.Table
		if t.PartitionOf != nil {
			parents = append(parents, byName[*t.PartitionOf])
		}
		for _, p := range t.Inherits {
			parents = append(parents, byName[p])
		}
		parents = slices.DeleteFunc(parents, func(p *model.Table) bool { return p == nil })
		if t.PartitionOf != nil || len(parents) == 0 {
			// Only an inheritance child keeps apart the columns it
			// defines itself: a partition defines none, and a table
			// without (known) parents all of them.
			for _, col := range t.Columns {
				col.Inherited = false
			}
		}
		if len(parents) == 0 {
			continue
		}
		var r pruned
		if t.PartitionOf != nil && len(parents) == 1 && !sameColumnOrder(t, parents[0]) {
			for _, col := range t.Columns {
				r.order = append(r.order, col.Name)
			}
		}
		for _, col := range t.Columns {
			// An inheritance child's column that it defines itself is
			// listed always (Inherited is false only there, see above).
			if !col.Inherited && t.PartitionOf == nil || !impliedColumn(col, parents) {
				r.cols = append(r.cols, col)
			}
		}
		for _, con := range t.Constraints {
			if !impliedConstraint(con, parents, t.PartitionOf != nil) {
				r.cons = append(r.cons, con)
			}
		}
		result[t] = r
	}
	for t, r := range result {
		t.Columns, t.Constraints, t.ColumnOrder = r.cols, r.cons, r.order
	}
}

// sameColumnOrder reports whether a partition's columns stand in its
// partitioned table's order, both still listing every column.
func sameColumnOrder(t, parent *model.Table) bool {
	return slices.EqualFunc(t.Columns, parent.Columns, func(a, b *model.Column) bool { return a.Name == b.Name })
}

func impliedColumn(col *model.Column, parents []*model.Table) bool {
	if col.Comment != "" || len(col.Grants) > 0 {
		// Comments and column privileges are the partition's own.
		return false
	}
	for _, p := range parents {
		pc := p.Column(col.Name)
		if pc == nil {
			continue
		}
		// The statistics target, compression method, storage and
		// attribute options are kept per table, and a child's may differ
		// from its parent's (a child takes its parent's method and
		// storage when created but not its target or options; ALTER
		// COLUMN on the parent sets the target and storage of the
		// children but not their method or options): a column whose
		// settings differ stays listed, with the child's, as one with a
		// default of its own does.
		a, b := *col, *pc
		a.Comment, b.Comment = "", ""
		a.Inherited, b.Inherited = false, false
		if model.Equal(&a, &b) {
			return true
		}
	}
	return false
}

func impliedConstraint(con *model.Constraint, parents []*model.Table, partition bool) bool {
	if con.Kind != model.Check && con.Kind != model.ForeignKey || con.Comment != "" {
		return false
	}
	for _, p := range parents {
		pc := p.Constraint(con.Name)
		if pc == nil || pc.Kind != con.Kind {
			continue
		}
		// A partition created after a NOT VALID check gets a validated
		// copy (one validated on its own has one too), and pg_dump prints
		// it as the partition's: the copy is implied only when it is as
		// valid as its parent's. pg_dump does not show the validity of an
		// inheritance child's copy, nor is a foreign key's compared.
		if con.Kind == model.Check && pc.NotValid && !con.NotValid && partition {
			continue
		}
		a, b := *con, *pc
		a.Comment, b.Comment = "", ""
		a.NotValid, b.NotValid = false, false
		if model.Equal(&a, &b) {
			return true
		}
	}
	return false
}

// filter removes what the filter leaves out: objects of every kind, and a
// table's indexes, triggers, columns, constraints and policies with their
// table or by patterns of their own.
func filter(c *model.Catalog, f *scope.Filter) {
	in := func(k model.Kind, n model.Name) bool { return f.Object(k, n.Schema, n.Name) }
	c.Schemas = slices.DeleteFunc(c.Schemas, func(s *model.Schema) bool { return !f.Object(model.KindSchema, s.Name) })
	c.Extensions = slices.DeleteFunc(c.Extensions, func(e *model.Extension) bool {
		return !f.Object(model.KindExtension, e.Schema, e.Name)
	})
	c.Collations = slices.DeleteFunc(c.Collations, func(x *model.Collation) bool { return !in(model.KindCollation, x.Name) })
	c.Enums = slices.DeleteFunc(c.Enums, func(x *model.Enum) bool { return !in(model.KindEnum, x.Name) })
	c.Domains = slices.DeleteFunc(c.Domains, func(x *model.Domain) bool { return !in(model.KindDomain, x.Name) })
	for _, d := range c.Domains {
		d.Checks = slices.DeleteFunc(d.Checks, func(x *model.DomainCheck) bool {
			return !f.Object(model.KindDomainCheck, d.Name.Schema, d.Name.Name, x.Name)
		})
	}
	c.Composites = slices.DeleteFunc(c.Composites, func(x *model.Composite) bool { return !in(model.KindComposite, x.Name) })
	c.Functions = slices.DeleteFunc(c.Functions, func(x *model.Function) bool {
		if x.Procedure {
			return !in(model.KindProcedure, x.Name)
		}
		return !in(model.KindFunction, x.Name)
	})
	c.Tables = slices.DeleteFunc(c.Tables, func(x *model.Table) bool { return !in(model.KindTable, x.Name) })
	c.Views = slices.DeleteFunc(c.Views, func(x *model.View) bool {
		if x.Materialized {
			return !in(model.KindMatView, x.Name)
		}
		return !in(model.KindView, x.Name)
	})
	kept := map[model.Name]bool{}
	for _, t := range c.Tables {
		kept[t.Name] = true
		s, n := t.Name.Schema, t.Name.Name
		t.Columns = slices.DeleteFunc(t.Columns, func(x *model.Column) bool { return !f.Object(model.KindColumn, s, n, x.Name) })
		t.Constraints = slices.DeleteFunc(t.Constraints, func(x *model.Constraint) bool {
			return !f.Object(model.KindConstraint, s, n, x.Name)
		})
		t.Policies = slices.DeleteFunc(t.Policies, func(x *model.Policy) bool { return !f.Object(model.KindPolicy, s, n, x.Name) })
	}
	for _, v := range c.Views {
		kept[v.Name] = true
	}
	// A sequence goes with the table that owns it, as it would with
	// DROP TABLE.
	c.Sequences = slices.DeleteFunc(c.Sequences, func(x *model.Sequence) bool {
		return !in(model.KindSequence, x.Name) || x.OwnedBy != nil && !kept[x.OwnedBy.Table]
	})
	c.Indexes = slices.DeleteFunc(c.Indexes, func(x *model.Index) bool {
		return !kept[x.Table] || !f.Object(model.KindIndex, x.Schema, x.Name)
	})
	c.Triggers = slices.DeleteFunc(c.Triggers, func(x *model.Trigger) bool {
		return !kept[x.Table] || !f.Object(model.KindTrigger, x.Table.Schema, x.Table.Name, x.Name)
	})
	c.DefaultPrivileges = slices.DeleteFunc(c.DefaultPrivileges, func(x *model.DefaultPrivileges) bool {
		return x.Schema != "" && !f.Object(model.KindSchema, x.Schema)
	})
	if c.Public != nil && !f.Object(model.KindSchema, "public") {
		c.Public = nil
	}
	c.Definitions = slices.DeleteFunc(c.Definitions, func(x *model.Definition) bool {
		switch {
		case x.Table != nil:
			return !f.Table(x.Table.Schema, x.Table.Name)
		case x.ID.Kind.Info().Relation:
			return !f.Table(x.ID.Name.Schema, x.ID.Name.Name)
		}
		// Global objects (event triggers, publications, servers, ...)
		// have no schema.
		return x.ID.Name.Schema != "" && !f.Schema(x.ID.Name.Schema)
	})
}
