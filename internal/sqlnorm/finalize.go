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
// identity, generation expression, collation and storage, and the child's
// column has no comment of its own. A CHECK or foreign key constraint of a
// child is implied when a parent has one of the same name and definition
// (validity aside).
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
		cols []*model.Column
		cons []*model.Constraint
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
		if len(parents) == 0 {
			continue
		}
		var r pruned
		for _, col := range t.Columns {
			if !impliedColumn(col, parents) {
				r.cols = append(r.cols, col)
			}
		}
		for _, con := range t.Constraints {
			if !impliedConstraint(con, parents) {
				r.cons = append(r.cons, con)
			}
		}
		result[t] = r
	}
	for t, r := range result {
		t.Columns, t.Constraints = r.cols, r.cons
	}
}

func impliedColumn(col *model.Column, parents []*model.Table) bool {
	if col.Comment != "" {
		return false
	}
	for _, p := range parents {
		pc := p.Column(col.Name)
		if pc == nil {
			continue
		}
		a, b := *col, *pc
		a.Comment, b.Comment = "", ""
		if model.Equal(&a, &b) {
			return true
		}
	}
	return false
}

func impliedConstraint(con *model.Constraint, parents []*model.Table) bool {
	if con.Kind != model.Check && con.Kind != model.ForeignKey || con.Comment != "" {
		return false
	}
	for _, p := range parents {
		pc := p.Constraint(con.Name)
		if pc == nil || pc.Kind != con.Kind {
			continue
		}
		// Validity is not compared: a partition created after a NOT VALID
		// constraint gets a validated copy.
		a, b := *con, *pc
		a.Comment, b.Comment = "", ""
		a.NotValid, b.NotValid = false, false
		if model.Equal(&a, &b) {
			return true
		}
	}
	return false
}

// filter removes what the filter leaves out.
func filter(c *model.Catalog, f *scope.Filter) {
	inSchema := func(n model.Name) bool { return f.Schema(n.Schema) }
	inTable := func(n model.Name) bool { return f.Table(n.Schema, n.Name) }
	c.Schemas = slices.DeleteFunc(c.Schemas, func(s *model.Schema) bool { return !f.Schema(s.Name) })
	c.Extensions = slices.DeleteFunc(c.Extensions, func(e *model.Extension) bool { return !f.Schema(e.Schema) })
	c.Collations = slices.DeleteFunc(c.Collations, func(x *model.Collation) bool { return !inSchema(x.Name) })
	c.Enums = slices.DeleteFunc(c.Enums, func(x *model.Enum) bool { return !inSchema(x.Name) })
	c.Domains = slices.DeleteFunc(c.Domains, func(x *model.Domain) bool { return !inSchema(x.Name) })
	c.Composites = slices.DeleteFunc(c.Composites, func(x *model.Composite) bool { return !inSchema(x.Name) })
	c.Functions = slices.DeleteFunc(c.Functions, func(x *model.Function) bool { return !inSchema(x.Name) })
	c.Sequences = slices.DeleteFunc(c.Sequences, func(x *model.Sequence) bool { return !inTable(x.Name) })
	c.Tables = slices.DeleteFunc(c.Tables, func(x *model.Table) bool { return !inTable(x.Name) })
	c.Views = slices.DeleteFunc(c.Views, func(x *model.View) bool { return !inTable(x.Name) })
	c.Indexes = slices.DeleteFunc(c.Indexes, func(x *model.Index) bool { return !inTable(x.Table) })
	c.Triggers = slices.DeleteFunc(c.Triggers, func(x *model.Trigger) bool { return !inTable(x.Table) })
	c.Definitions = slices.DeleteFunc(c.Definitions, func(x *model.Definition) bool {
		switch {
		case x.Table != nil:
			return !inTable(*x.Table)
		case x.ID.Kind.Info().Relation:
			return !inTable(x.ID.Name)
		}
		// Global objects (event triggers, publications, servers, ...)
		// have no schema.
		return x.ID.Name.Schema != "" && !inSchema(x.ID.Name)
	})
}
