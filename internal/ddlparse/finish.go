package ddlparse

import (
	"slices"
	"sort"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// finish assembles the catalog from what the statements built.
func (b *builder) finish() (*model.Catalog, error) {
	if err := b.resolveForeignKeys(); err != nil {
		return nil, err
	}
	if err := b.checkDrops(); err != nil {
		return nil, err
	}
	c := &model.Catalog{}
	for name, s := range b.schemas {
		if name != "public" {
			c.Schemas = append(c.Schemas, s)
		}
	}
	c.Public = b.schemas["public"]
	for _, e := range b.extensions {
		c.Extensions = append(c.Extensions, e.m)
	}
	for _, x := range b.collations {
		c.Collations = append(c.Collations, x)
	}
	for _, x := range b.enums {
		c.Enums = append(c.Enums, x)
	}
	for _, x := range b.domains {
		c.Domains = append(c.Domains, x)
	}
	for _, x := range b.composites {
		c.Composites = append(c.Composites, x)
	}
	for _, s := range b.sequences {
		if !s.identity {
			c.Sequences = append(c.Sequences, s.m)
		}
	}
	for _, fns := range b.functions {
		c.Functions = append(c.Functions, fns...)
	}
	for _, t := range b.tables {
		// A column the table's own statements did not define is
		// inherited only, as PostgreSQL's attislocal says; Finalize keeps
		// the mark where it means something (inheritance children).
		for _, col := range t.m.Columns {
			col.Inherited = !t.local[col.Name]
		}
		c.Tables = append(c.Tables, t.m)
	}
	for _, v := range b.views {
		v.m.ColumnDetails = slices.DeleteFunc(v.m.ColumnDetails, func(c *model.Column) bool { return c.Comment == "" && c.Default == nil })
		v.m.Options = model.CheckOptionLast(v.m.Options)
		c.Views = append(c.Views, v.m)
	}
	for _, ix := range b.indexOrder {
		current := b.indexes[ix.m.QualifiedName()] == ix
		if !ix.implied && ix.constraint == nil && current {
			ix.m.Invalid = !b.indexValid(ix)
			c.Indexes = append(c.Indexes, ix.m)
		}
		if ix.parent != nil && current && ix.table.m.PartitionOf != nil {
			t := ix.table.m
			t.AttachedIndexes = append(t.AttachedIndexes, model.AttachedIndex{Parent: ix.parent.m.Name, Name: ix.m.Name})
		}
	}
	for _, trs := range b.triggers {
		c.Triggers = append(c.Triggers, trs...)
	}
	if err := b.finishDefinitions(c); err != nil {
		return nil, err
	}
	b.finishAccess(c)
	sqlnorm.Finalize(c, b.cfg.filter)
	return c, nil
}

// sortedTableNames returns the keys of a table map in order, for
// deterministic iteration.
func sortedTableNames(m map[model.Name]*table) []model.Name {
	out := make([]model.Name, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}

// indexValid reports whether an index is valid. An index on a partitioned
// table created ON ONLY stays invalid until every partition has an index
// attached to it, as in PostgreSQL.
func (b *builder) indexValid(ix *index) bool {
	for _, part := range ix.table.partitions() {
		found := false
		for _, c := range b.indexOrder {
			if c.parent == ix && c.table == part && b.indexValid(c) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
