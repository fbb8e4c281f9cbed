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
	from, to    *model.Catalog
	renames     Renames
	exprRenamer ExprRenamer
	out         []Change
	// fg and tg are the dependency graphs of from and to.
	fg, tg *graph
	// dropped and created record the objects the changes so far drop and
	// create (both for an object recreated).
	dropped, created map[model.ObjectID]bool
	// swaps are the types to swap (see SwapTypes), with their two
	// definitions; swapDefaults marks the columns whose default the swap
	// sets.
	swaps        map[model.ObjectID][2]any
	swapDefaults map[model.ObjectID]bool
	// exactOrder makes column positions count (WithExactColumnOrder);
	// keepRows holds the current form of each table rewritten for them,
	// and rewrite the tables to rewrite whatever their changes.
	exactOrder bool
	keepRows   map[model.Name]*model.Table
	rewrite    map[model.Name]bool
	// managed tells the roles whose privileges the comparison manages
	// (nil: all); see WithManagedRoles.
	managed func(role string) bool
}

// Diff returns the changes that turn from into to, in the order they must
// be applied. Both catalogs must be sorted (Catalog.Sort).
func Diff(from, to *model.Catalog, opts ...Option) ([]Change, error) {
	out, err := diff(from, to, nil, opts)
	if err != nil || !exactOrder(opts) {
		return out, err
	}
	// With exact column order, a table whose columns the changes, in the
	// order they run, would leave in another order is rewritten.
	if misplaced := misordered(out, from, to); len(misplaced) > 0 {
		return diff(from, to, misplaced, opts)
	}
	return out, nil
}

// diff computes the changes; rewrite names tables to rewrite for their
// column order whatever their changes.
func diff(from, to *model.Catalog, rewrite map[model.Name]bool, opts []Option) ([]Change, error) {
	d := &differ{from: from, to: to, dropped: map[model.ObjectID]bool{}, created: map[model.ObjectID]bool{},
		swapDefaults: map[model.ObjectID]bool{}, keepRows: map[model.Name]*model.Table{}, rewrite: rewrite}
	for _, o := range opts {
		o(d)
	}
	if err := d.applyRenames(); err != nil {
		return nil, err
	}
	d.fg, d.tg = newGraph(d.from), newGraph(d.to)
	d.schemas()
	d.extensions()
	d.collations()
	d.enums()
	d.domains()
	d.composites()
	d.swapTypes()
	d.functions()
	d.tables()
	d.sequences()
	d.views()
	d.indexes()
	d.triggers()
	d.definitions()
	if err := d.dependents(); err != nil {
		return nil, err
	}
	d.absorbCascades()
	d.comments()
	d.privileges()
	return sortChanges(d.out, d.from, d.to, d.fg, d.tg)
}

// add appends changes, recording what they drop and create.
func (d *differ) add(cs ...Change) {
	for _, c := range cs {
		d.out = append(d.out, c)
		e, err := effects(c, d.from, d.to)
		if err != nil {
			continue // sortChanges reports it
		}
		for _, id := range e.drops {
			d.dropped[id] = true
		}
		for _, id := range append(e.creates, e.shells...) {
			d.created[id] = true
		}
	}
}

// recreated reports whether an object of both catalogs is dropped and
// created again.
func (d *differ) recreated(id model.ObjectID) bool { return d.dropped[id] && d.created[id] }

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
		case (f.Type != t.Type || f.Collation != t.Collation) && d.inUse(f.ID()):
			d.swapType(f.ID(), f, t)
		case f.Type != t.Type || f.Collation != t.Collation:
			d.add(DropDomain{Domain: f, Recreate: true}, CreateDomain{Domain: t})
		case !sameExcept(f, t, "Comment", "Checks") || !sameChecks(f.Checks, t.Checks):
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
			if c, ok := d.alterComposite(f, t); ok {
				d.add(c)
				continue
			}
			if d.inUse(f.ID()) {
				d.swapType(f.ID(), f, t)
				continue
			}
			d.add(DropComposite{Composite: f, Recreate: true}, CreateComposite{Composite: t})
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
			d.add(CreateFunction{Function: t, Late: d.tg.late(t.ID())})
		case sameExcept(f, t, "Comment"):
		case replaceable(f, t):
			d.add(CreateFunction{Function: t, Replace: true, Late: d.tg.late(t.ID())})
		default:
			d.add(DropFunction{Function: f, Late: d.fg.late(f.ID()), Recreate: true}, CreateFunction{Function: t, Late: d.tg.late(t.ID())})
		}
	}
	for _, f := range d.from.Functions {
		if find(d.to.Functions, f.Signature()) == nil {
			d.add(DropFunction{Function: f, Late: d.fg.late(f.ID())})
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

// alterComposite returns the in-place change that turns composite f into
// t, when there is one: the attributes t keeps stay in their order, new
// ones are added at the end, and an attribute's type changes only while
// no column uses the type (PostgreSQL refuses it otherwise).
func (d *differ) alterComposite(f, t *model.Composite) (AlterComposite, bool) {
	c := AlterComposite{From: f, To: t}
	find := func(list []*model.Attribute, name string) *model.Attribute {
		for _, a := range list {
			if a.Name == name {
				return a
			}
		}
		return nil
	}
	var kept []string
	for _, a := range f.Attributes {
		ta := find(t.Attributes, a.Name)
		switch {
		case ta == nil:
			c.Drop = append(c.Drop, a)
		case *ta != *a:
			c.Retype = append(c.Retype, ta)
			kept = append(kept, a.Name)
		default:
			kept = append(kept, a.Name)
		}
	}
	for i, a := range t.Attributes {
		if find(f.Attributes, a.Name) == nil {
			c.Add = append(c.Add, a)
			continue
		}
		if i >= len(kept) || kept[i] != a.Name {
			return c, false // the kept attributes change order
		}
	}
	if len(c.Retype) > 0 {
		for _, u := range d.fg.users[f.ID()] {
			if u.Kind == model.KindColumn || u.Kind == model.KindComposite || u.Kind == model.KindDomain {
				return c, false
			}
		}
	}
	return c, true
}

// sameChecks compares domain checks, leaving their comments to the
// comments pass.
func sameChecks(a, b []*model.DomainCheck) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !sameExcept(a[i], b[i], "Comment") {
			return false
		}
	}
	return true
}
