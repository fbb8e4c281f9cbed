package diff

import (
	"fmt"
	"slices"
	"sync"

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
	// out are the changes found so far. A change taken back (a swap or a
	// recreation supersedes it) is only marked in removed, so that
	// positions in out stay valid for the indexes below; live returns
	// the changes that stand, in the order they were found.
	out     []Change
	removed []bool
	// inPlace lists the positions in out of the in-place changes to an
	// object that a recreation takes back (see removeAlters); memberDrops
	// those of the drops of a relation's indexes and triggers; and
	// defaultSet marks the columns whose default an AlterColumn changes.
	inPlace     map[model.ObjectID][]int
	memberDrops map[model.Name][]int
	defaultSet  map[model.ObjectID]bool
	// constraintDrops holds the positions in out of the drops of each
	// constraint by itself (DropConstraint).
	constraintDrops map[model.ObjectID][]int
	// fg and tg are the dependency graphs of from and to.
	fg, tg *graph
	pairs  *pairing
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
	// recreating holds the tables of both sides that are dropped and
	// created again (recreatedTables), known before any table is compared:
	// a table compared earlier may hold a foreign key to one of them.
	recreating map[model.Name]bool
	// keyRoots are the roots of partition trees rewritten because a key
	// column changes type (keyRetyped).
	keyRoots map[model.Name]bool
	// reshaped are the tables whose partitioning changes, highest first in
	// each tree, with the current tables whose rows they take (see
	// routeRows); setAside holds the current tables whose rows are set
	// aside for them.
	reshaped []reshape
	setAside map[model.Name]bool
	// keySwapped holds the roots of the partition trees whose key names a
	// column of a type swapped (see swapTypes): they are partitioned anew
	// like those whose key changes, their rows routed into the new type.
	keySwapped map[model.Name]bool
	// swapped are the types swapped, with those built on them; swap is
	// their SwapTypes, which tables adds once it knows which tables are
	// created again (see addSwap).
	swapped map[model.ObjectID]bool
	swap    *SwapTypes
	// unvalidated memoizes unvalidates, by the parent's check.
	unvalidated map[model.ObjectID]bool
	// detaching holds the tables that stop being partitions, before and
	// after, whose constraints are compared once the drops of their
	// parents' are known (see detached).
	detaching [][2]*model.Table
	// managed tells the roles whose privileges the comparison manages
	// (nil: all); see WithManagedRoles.
	managed func(role string) bool
}

// Diff returns the changes that turn from into to, in the order they must
// be applied. Both catalogs must be sorted (Catalog.Sort).
func Diff(from, to *model.Catalog, opts ...Option) ([]Change, error) {
	return diffExact(from, to, nil, nil, nil, opts)
}

// Both compares two catalogs both ways: up turns a into b, down turns b
// into a, each exactly as Diff would return it with upOpts and downOpts.
// The graphs of the two catalogs are built once and shared (a direction
// with renames builds its own for its renamed copy), and the two
// directions run at the same time. Neither catalog is modified.
func Both(a, b *model.Catalog, upOpts, downOpts []Option) (up, down []Change, err error) {
	var ga, gb *graph
	var wg sync.WaitGroup
	wg.Go(func() { ga = newGraph(a) })
	gb = newGraph(b)
	wg.Wait()
	var ab, ba []node
	wg.Go(func() { ab = peers(ga, gb) })
	ba = peers(gb, ga)
	wg.Wait()
	var downErr error
	wg.Go(func() { down, downErr = diffExact(b, a, gb, ga, &pairing{peer: ab, back: ba}, downOpts) })
	up, err = diffExact(a, b, ga, gb, &pairing{peer: ba, back: ab}, upOpts)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	if downErr != nil {
		return nil, nil, downErr
	}
	return up, down, nil
}

// diffExact is Diff with the graphs of from and to and their pairing,
// when the caller has them (nil otherwise). With exact column order, a
// table whose columns the changes, in the order they run, would leave in
// another order is rewritten.
func diffExact(from, to *model.Catalog, fg, tg *graph, pp *pairing, opts []Option) ([]Change, error) {
	out, err := diff(from, to, fg, tg, pp, nil, opts)
	if err != nil || !exactOrder(opts) {
		return out, err
	}
	if misplaced := misordered(out, from, to); len(misplaced) > 0 {
		return diff(from, to, fg, tg, pp, misplaced, opts)
	}
	return out, nil
}

// pairing pairs the objects of the graphs of a comparison by ID: peer
// gives, for each node of the target's graph, the node of the object with
// its ID in the current one's, back the reverse; -1 is none. The passes
// over every object (comments, owners and privileges) read them instead
// of looking each object up by its ID again.
type pairing struct{ peer, back []node }

// peers returns, for each node of g, the node of the object with its ID
// in other, or -1.
func peers(g, other *graph) []node {
	out := make([]node, len(g.objs))
	for i := range g.objs {
		n, ok := other.node(g.objs[i].ID)
		if !ok {
			n = -1
		}
		out[i] = n
	}
	return out
}

// diff computes the changes with the graphs of from and to, when the
// caller has them (nil otherwise; graphs are only read, so comparisons may
// share them); rewrite names tables to rewrite for their column order
// whatever their changes.
func diff(from, to *model.Catalog, fg, tg *graph, pp *pairing, rewrite map[model.Name]bool, opts []Option) ([]Change, error) {
	d := &differ{from: from, to: to, dropped: map[model.ObjectID]bool{}, created: map[model.ObjectID]bool{},
		swapDefaults: map[model.ObjectID]bool{}, inPlace: map[model.ObjectID][]int{},
		memberDrops: map[model.Name][]int{}, defaultSet: map[model.ObjectID]bool{}, constraintDrops: map[model.ObjectID][]int{},
		keepRows: map[model.Name]*model.Table{}, rewrite: rewrite}
	for _, o := range opts {
		o(d)
	}
	renames, err := d.applyRenames()
	if err != nil {
		return nil, err
	}
	if fg == nil || d.from != from {
		fg = newGraph(d.from) // none given, or the renames made a new catalog
		pp = nil
	}
	if tg == nil {
		tg = newGraph(d.to)
		pp = nil
	}
	if pp == nil {
		pp = &pairing{peer: peers(tg, fg), back: peers(fg, tg)}
	}
	d.fg, d.tg, d.pairs = fg, tg, pp
	d.add(renames...)
	d.schemas()
	d.extensions()
	d.collations()
	d.enums()
	d.domains()
	d.composites()
	if err := d.swapTypes(); err != nil {
		return nil, err
	}
	d.functions()
	d.tables()
	d.rankPersistence()
	d.sequences()
	d.views()
	d.indexes()
	d.triggers()
	d.clonedTriggers()
	if err := d.definitions(); err != nil {
		return nil, err
	}
	if err := d.lostAttachments(); err != nil {
		return nil, err
	}
	if err := d.dependents(); err != nil {
		return nil, err
	}
	d.absorbCascades()
	d.dropAttachedConstraints()
	d.clusterMarks()
	d.attachedIndexes()
	d.viewDefaults()
	d.comments()
	d.privileges()
	return sortChanges(d.live(), d.fg, d.tg)
}

// add appends changes, recording what they drop and create.
func (d *differ) add(cs ...Change) {
	for _, c := range cs {
		i := len(d.out)
		d.out = append(d.out, c)
		d.removed = append(d.removed, false)
		switch c := c.(type) {
		case AlterPolicy:
			d.inPlace[model.PolicyID(c.Table, c.To.Name)] = append(d.inPlace[model.PolicyID(c.Table, c.To.Name)], i)
		case SetTriggerEnabled:
			d.inPlace[c.To.ID()] = append(d.inPlace[c.To.ID()], i)
		case CreateFunction:
			if c.Replace {
				d.inPlace[c.Function.ID()] = append(d.inPlace[c.Function.ID()], i)
			}
		case ValidateConstraint:
			id := model.ConstraintID(c.Table, c.Constraint.Name)
			d.inPlace[id] = append(d.inPlace[id], i)
		case CreateIndex:
			if !c.OnView && d.shadowsPartitionedIndex(c.Index) {
				c.AfterAttach = true
				d.out[i] = c
			}
		case DropIndex:
			d.memberDrops[c.Index.Table] = append(d.memberDrops[c.Index.Table], i)
		case DropConstraint:
			id := model.ConstraintID(c.Table, c.Constraint.Name)
			d.constraintDrops[id] = append(d.constraintDrops[id], i)
		case DropTrigger:
			d.memberDrops[c.Trigger.Table] = append(d.memberDrops[c.Trigger.Table], i)
		case DropDefinition:
			// A definition that belongs to a table (a rule, statistics)
			// and is dropped for itself, not for a dependency.
			if c.Def.Table != nil && c.Cause == "" {
				d.memberDrops[*c.Def.Table] = append(d.memberDrops[*c.Def.Table], i)
			}
		case AlterDefinition:
			d.inPlace[c.To.ID] = append(d.inPlace[c.To.ID], i)
		case AlterColumn:
			if !c.From.Default.Equal(c.To.Default) {
				d.defaultSet[model.ColumnID(c.Table, c.From.Name)] = true
			}
		case DropColumn:
			if c.Keep == nil && d.fg.isParent(c.Table) {
				c.Keep = d.keepers(c.Table, c.Column.Name)
				d.out[i] = c
			}
		}
		e, err := effects(c, d.fg, d.tg)
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

// live returns the changes found so far that were not taken back.
func (d *differ) live() []Change {
	out := make([]Change, 0, len(d.out))
	for i, c := range d.out {
		if !d.removed[i] {
			out = append(out, c)
		}
	}
	return out
}

// recreated reports whether an object of both catalogs is dropped and
// created again.
func (d *differ) recreated(id model.ObjectID) bool { return d.dropped[id] && d.created[id] }

func (d *differ) schemas() {
	for _, s := range d.to.Schemas {
		if d.fg.schema(s.Name) == nil {
			d.add(CreateSchema{Schema: s})
		}
	}
	for _, s := range d.from.Schemas {
		if d.tg.schema(s.Name) == nil {
			d.add(DropSchema{Schema: s})
		}
	}
}

func (d *differ) extensions() {
	for _, t := range d.to.Extensions {
		f := d.fg.extension(t.Name)
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
		if d.tg.extension(f.Name) == nil {
			d.add(DropExtension{Extension: f})
		}
	}
}

func (d *differ) collations() {
	for _, t := range d.to.Collations {
		f := d.fg.collation(t.Name)
		switch {
		case f == nil:
			d.add(CreateCollation{Collation: t})
		case !sameExcept(f, t, "Comment"):
			d.add(DropCollation{Collation: f, Recreate: true}, CreateCollation{Collation: t})
		}
	}
	for _, f := range d.from.Collations {
		if d.tg.collation(f.Name) == nil {
			d.add(DropCollation{Collation: f})
		}
	}
}

func (d *differ) domains() {
	for _, t := range d.to.Domains {
		f := d.fg.domain(t.Name)
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
		if d.tg.domain(f.Name) == nil {
			d.add(DropDomain{Domain: f})
		}
	}
}

func (d *differ) composites() {
	for _, t := range d.to.Composites {
		f := d.fg.composite(t.Name)
		switch {
		case f == nil:
			d.add(CreateComposite{Composite: t})
		case !sameComposite(f, t):
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
		if d.tg.composite(f.Name) == nil {
			d.add(DropComposite{Composite: f})
		}
	}
}

func (d *differ) functions() {
	for _, t := range d.to.Functions {
		f := d.fg.function(t.Signature())
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
		if d.tg.function(f.Signature()) == nil {
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

// sameComposite reports whether two composite types are the same but for
// comments, of the type and of its attributes, which are set apart.
func sameComposite(f, t *model.Composite) bool {
	return sameExcept(f, t, "Comment", "Attributes") &&
		slices.EqualFunc(f.Attributes, t.Attributes, func(a, b *model.Attribute) bool { return sameExcept(a, b, "Comment") })
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
		case !sameExcept(ta, a, "Comment"):
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
		for _, u := range d.fg.usersOf(f.ID()) {
			if k := d.fg.id(u).Kind; k == model.KindColumn || k == model.KindComposite || k == model.KindDomain {
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
