package diff

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

// Option configures Diff.
type Option func(*differ)

// WithRenames tells Diff which objects were renamed, so that it emits
// RENAME changes instead of a drop and an add.
func WithRenames(r Renames) Option { return func(d *differ) { d.renames = r } }

// differ holds the state of one comparison.
type differ struct {
	from, to *model.Catalog
	renames  Renames
	out      []Change

	// recreated marks objects present on both sides that are dropped and
	// created again, keyed by kind and name: their dependents must follow.
	recreated map[string]bool
	// dirty marks relations that change as a whole in a way views notice
	// (a rename); dirtyColumns lists, per relation, the columns that do.
	dirty        map[string]bool
	dirtyColumns map[string][]string
	// viewsGone marks views of the current schema that are dropped or
	// recreated.
	viewsGone map[model.Name]bool
	// enumDefaults marks columns ("schema.table.column") whose default a
	// RecreateEnum already sets.
	enumDefaults map[string]bool
	// exactOrder makes column positions count (WithExactColumnOrder);
	// keepRows holds the current form of each table rewritten for them.
	exactOrder bool
	keepRows   map[model.Name]*model.Table
}

func key(kind string, n model.Name) string { return kind + ":" + n.String() }

// Diff returns the changes that turn from into to, in the order they must
// be applied. Both catalogs must be sorted (Catalog.Sort).
func Diff(from, to *model.Catalog, opts ...Option) ([]Change, error) {
	d := &differ{from: from, to: to, recreated: map[string]bool{}, dirty: map[string]bool{}, dirtyColumns: map[string][]string{}, viewsGone: map[model.Name]bool{}, enumDefaults: map[string]bool{}, keepRows: map[model.Name]*model.Table{}}
	for _, o := range opts {
		o(d)
	}
	if err := d.applyRenames(); err != nil {
		return nil, err
	}
	d.schemas()
	d.extensions()
	d.collations()
	d.enums()
	d.domains()
	d.composites()
	d.functions()
	d.tables()
	d.sequences()
	d.views()
	d.indexes()
	d.triggers()
	d.dependentForeignKeys()
	d.comments()
	return sortChanges(d.out, d.from, d.to), nil
}

func (d *differ) add(c ...Change) { d.out = append(d.out, c...) }

func (d *differ) schemas() {
	for _, s := range d.to.Schemas {
		if d.from.Schema(s.Name) == nil {
			d.add(CreateSchema{Schema: s})
		}
	}
	for _, s := range d.from.Schemas {
		if d.to.Schema(s.Name) == nil {
			d.add(DropSchema{Schema: s})
		}
	}
}

func (d *differ) extensions() {
	find := func(list []*model.Extension, name string) *model.Extension {
		for _, e := range list {
			if e.Name == name {
				return e
			}
		}
		return nil
	}
	for _, t := range d.to.Extensions {
		f := find(d.from.Extensions, t.Name)
		switch {
		case f == nil:
			d.add(CreateExtension{Extension: t})
		case t.Schema != "" && f.Schema != "" && t.Schema != f.Schema:
			d.add(DropExtension{Extension: f, Recreate: true}, CreateExtension{Extension: t})
			d.recreated[key("extension", model.Name{Name: t.Name})] = true
		case t.Version != f.Version:
			// Both readers leave Version empty for the server's default
			// version, so an empty one asks for the default.
			d.add(UpdateExtension{From: f, To: t})
		}
	}
	for _, f := range d.from.Extensions {
		if find(d.to.Extensions, f.Name) == nil {
			d.add(DropExtension{Extension: f})
		}
	}
}

func (d *differ) collations() {
	find := func(list []*model.Collation, n model.Name) *model.Collation {
		for _, c := range list {
			if c.Name == n {
				return c
			}
		}
		return nil
	}
	for _, t := range d.to.Collations {
		f := find(d.from.Collations, t.Name)
		switch {
		case f == nil:
			d.add(CreateCollation{Collation: t})
		case !sameExcept(f, t, "Comment"):
			d.add(DropCollation{Collation: f, Recreate: true}, CreateCollation{Collation: t})
			d.recreated[key("collation", t.Name)] = true
		}
	}
	for _, f := range d.from.Collations {
		if find(d.to.Collations, f.Name) == nil {
			d.add(DropCollation{Collation: f})
		}
	}
}

func (d *differ) domains() {
	find := func(list []*model.Domain, n model.Name) *model.Domain {
		for _, x := range list {
			if x.Name == n {
				return x
			}
		}
		return nil
	}
	for _, t := range d.to.Domains {
		f := find(d.from.Domains, t.Name)
		switch {
		case f == nil:
			d.add(CreateDomain{Domain: t})
		case f.Type != t.Type || f.Collation != t.Collation:
			d.add(DropDomain{Domain: f, Recreate: true}, CreateDomain{Domain: t})
			d.recreated[key("type", t.Name)] = true
		case !sameExcept(f, t, "Comment"):
			d.add(AlterDomain{From: f, To: t})
		}
	}
	for _, f := range d.from.Domains {
		if find(d.to.Domains, f.Name) == nil {
			d.add(DropDomain{Domain: f})
		}
	}
}

func (d *differ) composites() {
	find := func(list []*model.Composite, n model.Name) *model.Composite {
		for _, x := range list {
			if x.Name == n {
				return x
			}
		}
		return nil
	}
	for _, t := range d.to.Composites {
		f := find(d.from.Composites, t.Name)
		switch {
		case f == nil:
			d.add(CreateComposite{Composite: t})
		case !sameExcept(f, t, "Comment"):
			d.add(DropComposite{Composite: f, Recreate: true}, CreateComposite{Composite: t})
			d.recreated[key("type", t.Name)] = true
		}
	}
	for _, f := range d.from.Composites {
		if find(d.to.Composites, f.Name) == nil {
			d.add(DropComposite{Composite: f})
		}
	}
}

func (d *differ) functions() {
	find := func(list []*model.Function, sig string) *model.Function {
		for _, x := range list {
			if x.Signature() == sig {
				return x
			}
		}
		return nil
	}
	for _, t := range d.to.Functions {
		f := find(d.from.Functions, t.Signature())
		switch {
		case f == nil:
			d.add(CreateFunction{Function: t, Late: isLate(d.to, t)})
		case sameExcept(f, t, "Comment"):
		case replaceable(f, t):
			d.add(CreateFunction{Function: t, Replace: true, Late: isLate(d.to, t)})
		default:
			d.add(DropFunction{Function: f, Late: isLate(d.from, f), Recreate: true}, CreateFunction{Function: t, Late: isLate(d.to, t)})
			d.recreated[key("function", t.Name)] = true
		}
	}
	for _, f := range d.from.Functions {
		if find(d.to.Functions, f.Signature()) == nil {
			d.add(DropFunction{Function: f, Late: isLate(d.from, f)})
		}
	}
}

// replaceable reports whether CREATE OR REPLACE can turn f into t: same
// kind, same result type, same argument names, modes and types, and no
// argument default removed.
func replaceable(f, t *model.Function) bool {
	if f.Procedure != t.Procedure || f.Returns != t.Returns || len(f.Args) != len(t.Args) {
		return false
	}
	for i := range f.Args {
		a, b := f.Args[i], t.Args[i]
		if a.Mode != b.Mode || a.Name != b.Name || a.Type != b.Type || (a.Default != nil && b.Default == nil) {
			return false
		}
	}
	return true
}

func (d *differ) unsupported(format string, args ...any) error {
	return fmt.Errorf("diff: "+format, args...)
}
