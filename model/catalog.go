package model

import (
	"cmp"
	"slices"
)

// PublicSchemaComment is the comment PostgreSQL gives the public schema of
// a new database.
const PublicSchemaComment = "standard public schema"

// Catalog is the set of database objects autogen manages: one side of a
// comparison. Collections are sorted by [Catalog.Sort]; columns and enum
// values keep their declared order.
type Catalog struct {
	Schemas    []*Schema
	Extensions []*Extension
	Collations []*Collation
	Enums      []*Enum
	Domains    []*Domain
	Composites []*Composite
	Sequences  []*Sequence
	Functions  []*Function
	Tables     []*Table
	Indexes    []*Index
	Views      []*View
	Triggers   []*Trigger
	// Definitions are the objects of the kinds held as statements (see
	// Definition), sorted by ID.
	Definitions []*Definition

	// Public is the public schema, which every database starts with and
	// Schemas never lists: it is here for its owner, privileges and
	// comment (PublicSchemaComment unless changed). Nil when the reader
	// knows nothing of them.
	Public *Schema
	// DefaultPrivileges are the entries of ALTER DEFAULT PRIVILEGES.
	DefaultPrivileges []*DefaultPrivileges
	// Roles lists the roles the SQL source names, in the order it first
	// names them (the SQL reader only). They are not part of the schema:
	// the roles themselves are cluster-level.
	Roles []RoleUse `dump:"-"`
	// Cluster describes the server the catalog reader read (nil for the
	// SQL reader). It is not part of the schema either.
	Cluster *Cluster `dump:"-"`
}

// Cluster is what a catalog reader learns of the server beyond the
// schema: the roles that exist and the role it connected as.
type Cluster struct {
	CurrentRole string
	Roles       []string
}

// Table returns the table with the given name, or nil.
func (c *Catalog) Table(n Name) *Table {
	for _, t := range c.Tables {
		if t.Name == n {
			return t
		}
	}
	return nil
}

// View returns the view or materialized view with the given name, or nil.
func (c *Catalog) View(n Name) *View {
	for _, v := range c.Views {
		if v.Name == n {
			return v
		}
	}
	return nil
}

// Sequence returns the sequence with the given name, or nil.
func (c *Catalog) Sequence(n Name) *Sequence {
	for _, s := range c.Sequences {
		if s.Name == n {
			return s
		}
	}
	return nil
}

// Enum returns the enum type with the given name, or nil.
func (c *Catalog) Enum(n Name) *Enum {
	for _, e := range c.Enums {
		if e.Name == n {
			return e
		}
	}
	return nil
}

// Schema returns the schema with the given name, or nil.
func (c *Catalog) Schema(name string) *Schema {
	for _, s := range c.Schemas {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// IndexesOf returns the indexes defined on the table or materialized view n,
// in catalog order.
func (c *Catalog) IndexesOf(n Name) []*Index {
	var out []*Index
	for _, ix := range c.Indexes {
		if ix.Table == n {
			out = append(out, ix)
		}
	}
	return out
}

// Definition returns the definition with the given ID, or nil.
func (c *Catalog) Definition(id ObjectID) *Definition {
	i, ok := slices.BinarySearchFunc(c.Definitions, id, func(d *Definition, id ObjectID) int { return d.ID.Compare(id) })
	if !ok {
		return nil
	}
	return c.Definitions[i]
}

// Sort puts every collection into its canonical order. Readers call it once
// after building a catalog; it is idempotent.
func (c *Catalog) Sort() {
	slices.SortFunc(c.Schemas, func(a, b *Schema) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(c.Extensions, func(a, b *Extension) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(c.Collations, func(a, b *Collation) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Enums, func(a, b *Enum) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Domains, func(a, b *Domain) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Composites, func(a, b *Composite) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Sequences, func(a, b *Sequence) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Functions, func(a, b *Function) int {
		if r := a.Name.Compare(b.Name); r != 0 {
			return r
		}
		return cmp.Compare(a.Signature(), b.Signature())
	})
	slices.SortFunc(c.Tables, func(a, b *Table) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Indexes, func(a, b *Index) int {
		if r := cmp.Compare(a.Schema, b.Schema); r != 0 {
			return r
		}
		return cmp.Compare(a.Name, b.Name)
	})
	slices.SortFunc(c.Views, func(a, b *View) int { return a.Name.Compare(b.Name) })
	slices.SortFunc(c.Triggers, func(a, b *Trigger) int {
		if r := a.Table.Compare(b.Table); r != 0 {
			return r
		}
		return cmp.Compare(a.Name, b.Name)
	})
	slices.SortFunc(c.Definitions, func(a, b *Definition) int { return a.ID.Compare(b.ID) })
	for _, d := range c.Definitions {
		slices.SortFunc(d.Settings, func(a, b Setting) int { return cmp.Compare(a.Name, b.Name) })
	}
	for _, d := range c.Domains {
		slices.SortFunc(d.Checks, func(a, b *DomainCheck) int { return cmp.Compare(a.Name, b.Name) })
	}
	slices.SortFunc(c.DefaultPrivileges, func(a, b *DefaultPrivileges) int { return cmp.Compare(a.Key(), b.Key()) })
	for _, d := range c.DefaultPrivileges {
		d.Grants = SortGrants(d.Grants)
	}
	c.EachObject(func(o Object) {
		if a := AccessOf(o.Value); a != nil {
			a.Grants = SortGrants(a.Grants)
		}
	})
	for _, v := range c.Views {
		slices.SortFunc(v.ColumnDetails, func(a, b *Column) int { return cmp.Compare(a.Name, b.Name) })
	}
	for _, t := range c.Tables {
		slices.SortFunc(t.Constraints, func(a, b *Constraint) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortFunc(t.Policies, func(a, b *Policy) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortFunc(t.Inherits, func(a, b Name) int { return a.Compare(b) })
		slices.SortFunc(t.AttachedIndexes, func(a, b AttachedIndex) int {
			return cmp.Or(cmp.Compare(a.Parent, b.Parent), cmp.Compare(a.Name, b.Name))
		})
		slices.SortFunc(t.TriggerStates, func(a, b TriggerState) int { return cmp.Compare(a.Trigger, b.Trigger) })
	}
}
