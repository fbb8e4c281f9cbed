package diff

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// tables compares tables with their columns, constraints, policies and
// table-level properties.
func (d *differ) tables() {
	recreate := d.recreatedTables()
	d.recreating = recreate
	d.addSwap(recreate)
	for _, t := range d.to.Tables {
		f := d.fg.table(t.Name)
		switch {
		case f == nil:
			d.createTable(t)
		case recreate[t.Name]:
			drop := DropTable{Table: f, Recreate: true, KeepRows: d.keepRows[t.Name] != nil, ForKey: d.rewrittenForKey(t),
				Routed: d.setAside[t.Name]}
			if drop.KeepRows {
				drop.Text, drop.Columns = d.swappedText(f)
			}
			d.add(drop)
			d.createTable(t)
		default:
			d.alterTable(f, t)
		}
	}
	for _, f := range d.from.Tables {
		if d.tg.table(f.Name) != nil {
			continue
		}
		// A partition goes with its partitioned table. Otherwise it is
		// detached first: a partition of a table that foreign keys
		// reference cannot be dropped while attached.
		if f.PartitionOf != nil && d.fg.table(*f.PartitionOf) != nil {
			if d.gone(*f.PartitionOf) {
				continue
			}
			d.add(DetachPartition{Table: f})
		}
		// A view or sequence taking over the name needs the table gone
		// first.
		early := d.tg.view(f.Name) != nil || d.tg.sequence(f.Name) != nil
		d.add(DropTable{Table: f, Recreate: early})
	}
	d.routeRows()
	d.foreignKeysOfGoneTables()
	for _, p := range d.detaching {
		f, inherited := d.detached(p[0])
		d.constraints(f, p[1], inherited)
	}
}

// recreatedTables returns the tables that exist on both sides but must be
// dropped and created again: partitioned tables whose key changed, tables
// that switch between partitioned and plain, tables rewritten for their
// column order (with their rows kept, see reorders), and the partitions of
// any of them. The partitions of a table rewritten with its rows keep
// theirs, each its own, unless their own key changes.
func (d *differ) recreatedTables() map[model.Name]bool {
	out := map[model.Name]bool{}
	for _, t := range d.to.Tables {
		f := d.fg.table(t.Name)
		if f == nil {
			continue
		}
		if !same(f.PartitionBy, t.PartitionBy) || d.keySwapped[t.Name] {
			out[t.Name] = true
			d.reshaped = append(d.reshaped, reshape{from: f, to: t})
		} else if key := d.keyRetyped(f, t); key || d.reorders(f, t) {
			if r := d.rewrittenRoot(t); r != nil {
				out[r.Name] = true
				d.keepRows[r.Name] = d.fg.table(r.Name)
				if key {
					if d.keyRoots == nil {
						d.keyRoots = map[model.Name]bool{}
					}
					d.keyRoots[r.Name] = true
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, t := range d.to.Tables {
			f := d.fg.table(t.Name)
			if out[t.Name] || f == nil {
				continue
			}
			// An inheritance child goes with a parent rewritten for its
			// column order, rows and all (see reorders).
			if slices.ContainsFunc(t.Inherits, func(p model.Name) bool { return d.keepRows[p] != nil }) &&
				slices.Equal(f.Inherits, t.Inherits) {
				out[t.Name] = true
				d.keepRows[t.Name] = f
				changed = true
				continue
			}
			if t.PartitionOf == nil {
				continue
			}
			if out[*t.PartitionOf] {
				out[t.Name] = true
				if d.keepRows[*t.PartitionOf] != nil && same(f.PartitionBy, t.PartitionBy) && same(f.PartitionOf, t.PartitionOf) {
					d.keepRows[t.Name] = f
				}
				changed = true
			}
		}
	}
	d.setAside = d.rowsToRoute(out)
	return out
}

// reshape is a table whose partitioning changes: its current and desired
// forms, and the current tables whose rows it takes.
type reshape struct {
	from, to *model.Table
	sources  []*model.Table
}

// rowsToRoute decides whose rows each table partitioned anew takes, given
// the tables recreated: those of the current tree under it (itself
// included, for its rows when it was plain and for its sequences'
// positions) that are dropped, whether recreated or gone with it, unless
// a rewrite of their own keeps them. A tree partitioned anew inside
// another one partitioned anew is the outer one's. It returns the tables
// whose rows are set aside.
func (d *differ) rowsToRoute(recreated map[model.Name]bool) map[model.Name]bool {
	inner := map[model.Name]bool{}
	for _, r := range d.reshaped {
		inner[r.to.Name] = d.reshapedAt(d.tg.parentTable(r.to))
	}
	d.reshaped = slices.DeleteFunc(d.reshaped, func(r reshape) bool { return inner[r.to.Name] })
	out := map[model.Name]bool{}
	for i := range d.reshaped {
		r := &d.reshaped[i]
		for _, f := range append([]*model.Table{r.from}, d.fg.partitionsOf(r.from.Name)...) {
			kept := d.tg.table(f.Name) != nil && !recreated[f.Name] || d.keepRows[f.Name] != nil
			if kept || f != r.from && f.PartitionBy != nil {
				continue // its own rows stay, or it holds none
			}
			r.sources = append(r.sources, f)
			out[f.Name] = true
		}
	}
	return out
}

// routeRows sets aside the rows of the tables partitioned anew and puts
// them into the new trees (see rowsToRoute).
func (d *differ) routeRows() {
	for _, r := range d.reshaped {
		rr := RouteRows{Table: r.to}
		for _, f := range r.sources {
			src := RowSource{Table: f}
			aside := SetAsideRows{Table: f, Root: r.to.Name}
			src.Copy, src.Retype, aside.Lost = d.copiedColumns(f, r.to)
			aside.Text, aside.Columns = d.swappedText(f)
			src.Retype = d.swapRetype(d.fg.effectiveColumns(f), d.tg.effectiveColumns(r.to), src.Copy, src.Retype)
			d.add(aside)
			rr.From = append(rr.From, src)
		}
		d.add(rr)
	}
}

// reshapedAt reports whether a table of the target, or one of its
// ancestors in its partition tree, is partitioned anew: its rows come
// back through RouteRows.
func (d *differ) reshapedAt(t *model.Table) bool {
	for ; t != nil; t = d.tg.parentTable(t) {
		if slices.ContainsFunc(d.reshaped, func(r reshape) bool { return r.to.Name == t.Name }) {
			return true
		}
	}
	return false
}

// copiedColumns returns the columns a table rewritten from f into t copies
// (those both have, a partition's from its parents too, that t does not
// generate), those of them whose type changes, current and new, and the
// columns of f whose values t has no column for.
func (d *differ) copiedColumns(f, t *model.Table) (copied []string, retype map[string][2]string, lost []string) {
	had, want := d.fg.rowColumns(f), d.tg.rowColumns(t)
	for _, c := range want {
		if old := model.ColumnNamed(had, c.Name); c.Generated == nil && old != nil {
			copied = append(copied, c.Name)
			if old.Type != c.Type {
				if retype == nil {
					retype = map[string][2]string{}
				}
				retype[c.Name] = [2]string{old.Type, c.Type}
			}
		}
	}
	for _, c := range had {
		if c.Generated == nil && model.ColumnNamed(want, c.Name) == nil {
			lost = append(lost, c.Name)
		}
	}
	return copied, retype, lost
}

// keyRetyped reports whether a column of a partitioned table's key changes
// its type or collation. PostgreSQL cannot alter such a column (nor one of
// a partition's key, below it), so the partition tree is rewritten from
// its root with its rows, converted (CreateTable.Retype).
func (d *differ) keyRetyped(f, t *model.Table) bool {
	if t.PartitionBy == nil {
		return false
	}
	fcols, tcols := d.fg.effectiveColumns(f), d.tg.effectiveColumns(t)
	for _, name := range keyColumns(t) {
		fc, tc := model.ColumnNamed(fcols, name), model.ColumnNamed(tcols, name)
		if fc != nil && tc != nil && (fc.Type != tc.Type || fc.Collation != tc.Collation) {
			return true
		}
	}
	return false
}

// keyColumns returns the columns a partitioned table's key names directly
// (not inside an expression); none for a table that is not partitioned.
func keyColumns(t *model.Table) []string {
	if t.PartitionBy == nil {
		return nil
	}
	var out []string
	for _, r := range t.PartitionBy.Key.Refs {
		if r.Kind == model.RefColumn && r.Name.Name == "" {
			out = append(out, r.Column)
		}
	}
	return out
}

// rewrittenForKey reports whether a table is rewritten with its rows
// because a partition key's column in its tree changes type (keyRetyped),
// rather than for its columns' order.
func (d *differ) rewrittenForKey(t *model.Table) bool {
	r := d.rewrittenRoot(t)
	return r != nil && d.keyRoots[r.Name]
}

// createTable adds a table, its foreign keys and its policies. A
// partition with a column order of its own (Table.ColumnOrder) is created
// on its own, its columns in that order, with what ATTACH PARTITION
// requires of it (its parents' checks) and the keys it has from its
// parent as its own, then attached: CREATE TABLE ... PARTITION OF would
// give it its parent's order.
func (d *differ) createTable(t *model.Table) {
	if t.PartitionOf != nil && t.ColumnOrder != nil {
		own, _ := d.tg.asOwn(t, func(model.Name, *model.Constraint) bool { return true })
		own.Columns = d.tg.effectiveColumns(t)
		own.ColumnOrder, own.AttachedIndexes, own.TriggerStates = nil, nil, nil
		d.createTable(own)
		d.add(AttachPartition{Table: t, Fresh: true})
		return
	}
	tt := *t
	tt.Constraints = nil
	tt.Columns = d.createdColumns(t)
	for _, c := range t.Constraints {
		// A partitioned table's NOT VALID check is added once the
		// partitions whose copies are not valid exist (notValidCopies).
		// So is a key its partitions do not all have attached (partial):
		// added inline, it would reach every partition created after it.
		if c.Kind == model.ForeignKey || c.Kind == model.Check && c.NotValid && t.PartitionBy != nil ||
			t.PartitionBy != nil && c.Kind.HasIndex() && d.partial(t.Name, c.Name) {
			d.add(AddConstraint{Table: t.Name, Constraint: c, Fresh: true})
			continue
		}
		tt.Constraints = append(tt.Constraints, c)
	}
	ct := CreateTable{Table: &tt, Routed: d.reshapedAt(t)}
	if f := d.keepRows[t.Name]; f != nil {
		ct.RowsFrom, ct.ForKey = f, d.rewrittenForKey(t)
		ct.Copy, ct.Retype, _ = d.copiedColumns(f, t)
		ct.Retype = d.swapRetype(d.fg.rowColumns(f), d.tg.rowColumns(t), ct.Copy, ct.Retype)
	}
	d.add(ct)
	d.newChildSettings(t)
	if t.RLSEnabled || t.RLSForced {
		d.add(SetRowSecurity{From: &model.Table{Name: t.Name}, To: t})
	}
	if t.ReplicaIdentity != "" {
		d.add(SetReplicaIdentity{From: &model.Table{Name: t.Name}, To: t})
	}
	if t.ClusterOn != "" {
		d.add(SetClusterOn{From: &model.Table{Name: t.Name}, To: t})
	}
	for _, p := range t.Policies {
		d.add(CreatePolicy{Table: t.Name, Policy: p})
	}
}

// rankPersistence ranks the tables a migration switches between logged and
// unlogged (SetTableLogged.Rank) by their foreign keys to one another:
// PostgreSQL refuses to make a table logged while it references an
// unlogged one, and unlogged while a logged one references it. A cycle
// of such keys cannot be switched in any order; PostgreSQL reports it.
func (d *differ) rankPersistence() {
	switching := map[model.Name]int{} // table -> index in d.out
	for i, c := range d.out {
		if s, ok := c.(SetTableLogged); ok && !d.removed[i] {
			switching[s.To.Name] = i
		}
	}
	if len(switching) < 2 {
		return
	}
	// before lists, for each switching table, the switching tables whose
	// switch must come first.
	before := map[model.Name][]model.Name{}
	for n, i := range switching {
		t := d.out[i].(SetTableLogged).To
		for _, con := range t.Constraints {
			if con.Kind != model.ForeignKey || con.References == nil || *con.References == n {
				continue
			}
			j, ok := switching[*con.References]
			if !ok || d.out[j].(SetTableLogged).To.Unlogged != t.Unlogged {
				continue
			}
			if t.Unlogged {
				before[*con.References] = append(before[*con.References], n)
			} else {
				before[n] = append(before[n], *con.References)
			}
		}
	}
	rank := map[model.Name]int{}
	var visit func(n model.Name, depth int) int
	visit = func(n model.Name, depth int) int {
		if r, ok := rank[n]; ok || depth > len(switching) {
			return r // depth bounds a cycle
		}
		r := 0
		for _, m := range before[n] {
			r = max(r, visit(m, depth+1)+1)
		}
		rank[n] = r
		return r
	}
	// In name order, so that a cycle ranks the same every time.
	for _, n := range slices.SortedFunc(maps.Keys(switching), model.Name.Compare) {
		s := d.out[switching[n]].(SetTableLogged)
		s.Rank = visit(n, 0)
		d.out[switching[n]] = s
	}
}

// gone reports whether a table of the current schema disappears or is
// recreated, taking its dependents with it.
func (d *differ) gone(n model.Name) bool {
	return d.tg.table(n) == nil || d.recreating[n] || d.recreated(model.ObjectID{Kind: model.KindTable, Name: n})
}

// foreignKeysOfGoneTables drops, first, every foreign key that references
// a table about to be dropped or recreated, since DROP TABLE refuses while
// one exists.
func (d *differ) foreignKeysOfGoneTables() {
	for _, f := range d.from.Tables {
		for _, c := range f.Constraints {
			if c.Kind != model.ForeignKey || c.References == nil || !d.gone(*c.References) {
				continue
			}
			if d.gone(f.Name) && *c.References == f.Name {
				continue // a self-reference goes with its table
			}
			d.add(DropConstraint{Table: f.Name, Constraint: c})
		}
	}
}

func (d *differ) alterTable(f, t *model.Table) {
	n := t.Name
	cols, colsTo, cons := f, t, t
	moves := false // detached and attached again, to another parent or bound
	if f.Unlogged != t.Unlogged {
		d.add(SetTableLogged{From: f, To: t})
	}
	if !d.sameOptions(f, t) {
		d.add(SetTableOptions{From: f, To: t})
	}
	if f.RLSEnabled != t.RLSEnabled || f.RLSForced != t.RLSForced {
		d.add(SetRowSecurity{From: f, To: t})
	}
	if f.ReplicaIdentity != t.ReplicaIdentity || f.ReplicaIdentityIndex != t.ReplicaIdentityIndex {
		d.add(SetReplicaIdentity{From: f, To: t})
	}
	switch {
	case f.PartitionOf == nil && t.PartitionOf != nil:
		// The table must have exactly its new parent's columns before it
		// is attached, and its parent's checks; keys that match its
		// parent's it keeps, to be attached.
		d.reconcileColumns(t.Name, f.Columns, d.tg.effectiveColumns(t))
		d.add(AttachPartition{Table: t})
		cons, _ = d.tg.asOwn(t, func(model.Name, *model.Constraint) bool { return true })
	case f.PartitionOf != nil && t.PartitionOf == nil:
		d.add(DetachPartition{Table: f})
		d.detaching = append(d.detaching, [2]*model.Table{f, t})
		// Detached, the table has its parent's columns as its own, with
		// their defaults: they are compared as such.
		cols = d.fg.unattached(f)
	case f.PartitionOf != nil && (*f.PartitionOf != *t.PartitionOf || f.PartitionBound != t.PartitionBound):
		// Detached, the table has its parent's keys as its own until it
		// is attached again: what the new parent's keys do not match goes
		// once it is detached, and what the target's own keys need comes
		// before the attach.
		d.add(DetachPartition{Table: f}, AttachPartition{Table: t})
		// Foreign keys are left to the attach, which clones the new
		// parent's.
		own, _ := d.tg.asOwn(t, func(_ model.Name, c *model.Constraint) bool { return c.Kind != model.ForeignKey })
		d.detaching = append(d.detaching, [2]*model.Table{f, own})
		// In between, its columns are its own: they take the new
		// parent's types, names and defaults as a plain table would.
		cols, colsTo = d.fg.unattached(f), d.tg.unattached(t)
		moves = true
	}
	for _, p := range t.Inherits {
		if !slices.Contains(f.Inherits, p) {
			d.prepareInherit(f, t, p)
			d.add(SetInherit{Table: n, Parent: p})
		}
	}
	for _, p := range f.Inherits {
		if !slices.Contains(t.Inherits, p) {
			d.add(SetInherit{Table: n, Parent: p, Remove: true})
			d.finishNoInherit(f, t, p)
		}
	}
	d.columns(cols, colsTo)
	if f.PartitionOf == nil || t.PartitionOf != nil && !moves {
		d.constraints(f, cons, nil)
	}
	d.policies(f, t)
}

// unattached returns partition t as a table of its own, as DETACH
// PARTITION leaves it (and ATTACH PARTITION wants it): its parent's
// columns, with their defaults, as its own.
func (g *graph) unattached(t *model.Table) *model.Table {
	own := *t
	own.PartitionOf, own.PartitionBound, own.Columns = nil, "", g.effectiveColumns(t)
	return &own
}

// prepareInherit makes a table ready to become a child of parent:
// PostgreSQL's INHERIT requires it to have every column of the parent, of
// the same type and NOT NULL where the parent's is, and every CHECK
// constraint the parent passes on, all of which INHERIT then merges. What
// is missing is added as the parent has it (SetInherit comes after, see
// order.go). The merged columns stay the table's own too: pg_dump lists
// them in its CREATE TABLE, and no statement makes them only inherited.
// Identity and generated columns are not copied; INHERIT refuses them.
func (d *differ) prepareInherit(f, t *model.Table, parent model.Name) {
	pt := d.tg.table(parent)
	if pt == nil {
		return
	}
	for _, pc := range d.tg.inheritableColumns(pt) {
		if pc.Identity != nil || pc.Generated != nil || d.fg.inheritedColumn(f.Inherits, pc.Name) != nil {
			continue
		}
		fc, tc := f.Column(pc.Name), t.Column(pc.Name)
		switch {
		case fc == nil:
			// As the table defines it, when it does (Inherited tells
			// nothing then: INHERIT merges the column as its own).
			col := pc
			if tc != nil {
				col = tc
			}
			d.add(AddColumn{Table: t.Name, Column: col, Position: len(t.Columns)})
		case fc != nil && tc == nil && pc.NotNull && !fc.NotNull:
			to := *fc
			to.NotNull = true
			d.add(AlterColumn{Table: t.Name, From: fc, To: &to})
		}
	}
	added := map[string]bool{}
	for _, pcon := range d.tg.inheritableChecks(pt) {
		if f.Constraint(pcon.Name) == nil && t.Constraint(pcon.Name) == nil && !added[pcon.Name] {
			added[pcon.Name] = true
			d.add(AddConstraint{Table: t.Name, Constraint: pcon})
		}
	}
}

// finishNoInherit drops what a table keeps of a parent it leaves: NO
// INHERIT makes the columns and CHECK constraints it inherited from it
// its own, and those the target neither lists nor inherits from another
// parent go (after NO INHERIT, see order.go).
func (d *differ) finishNoInherit(f, t *model.Table, parent model.Name) {
	pf := d.fg.table(parent)
	if pf == nil {
		return
	}
	for _, pc := range d.fg.inheritableColumns(pf) {
		// NO INHERIT leaves the parent's columns to the table as its own,
		// whether it defined them too or not; those the target does not
		// list or inherit otherwise go.
		if t.Column(pc.Name) == nil && d.tg.inheritedColumn(t.Inherits, pc.Name) == nil {
			d.add(DropColumn{Table: t.Name, Column: cmp.Or(f.Column(pc.Name), pc)})
		}
	}
	// Checks the table still inherits, and those already dropped, stay.
	keep := map[string]bool{}
	for _, p := range t.Inherits {
		if pt := d.tg.table(p); pt != nil {
			for _, c := range d.tg.inheritableChecks(pt) {
				keep[c.Name] = true
			}
		}
	}
	for _, pcon := range d.fg.inheritableChecks(pf) {
		if f.Constraint(pcon.Name) != nil || t.Constraint(pcon.Name) != nil || keep[pcon.Name] {
			continue
		}
		keep[pcon.Name] = true
		d.add(DropConstraint{Table: t.Name, Constraint: pcon})
	}
}

// inheritableColumns returns the columns a child of t gets: those t
// inherits (from its parents, in order), then its own.
func (g *graph) inheritableColumns(t *model.Table) []*model.Column {
	var out []*model.Column
	seen := map[string]bool{}
	for _, p := range t.Inherits {
		if pt := g.table(p); pt != nil {
			for _, c := range g.inheritableColumns(pt) {
				if !seen[c.Name] {
					seen[c.Name] = true
					out = append(out, c)
				}
			}
		}
	}
	for _, c := range t.Columns {
		if !seen[c.Name] {
			seen[c.Name] = true
			out = append(out, c)
		}
	}
	return out
}

// inheritableChecks returns the CHECK constraints a child of t gets: t's
// own that are not NO INHERIT, and those it inherits.
func (g *graph) inheritableChecks(t *model.Table) []*model.Constraint {
	var out []*model.Constraint
	for _, c := range t.Constraints {
		if c.Kind == model.Check && !c.NoInherit {
			out = append(out, c)
		}
	}
	for _, p := range t.Inherits {
		if pt := g.table(p); pt != nil {
			out = append(out, g.inheritableChecks(pt)...)
		}
	}
	return out
}

// detached returns partition t as DETACH PARTITION leaves it, with the
// constraints it had from its partitioned table as its own (see
// asOwn), except the checks and foreign keys a change drops from the
// parent first: DetachPartition orders after such drops. It returns the
// names of those constraints too.
func (d *differ) detached(t *model.Table) (*model.Table, map[string]bool) {
	return d.fg.asOwn(t, func(p model.Name, c *model.Constraint) bool { return !d.dropsConstraint(p, c.Name) })
}

// asOwn returns partition t with the constraints it has from its
// partitioned table as its own, as a table has them before ATTACH
// PARTITION (which requires the checks and attaches matching keys) and
// after DETACH PARTITION: the checks and foreign keys of its ancestors
// that keep says it has, under their names, and the primary key, unique
// and exclusion constraints whose indexes are attached to the parent's,
// under the names of its indexes. (Its plain indexes attached to the
// parent's are its own then too; see detachedIndexes.) It returns the
// names of the constraints it adds.
func (g *graph) asOwn(t *model.Table, keep func(parent model.Name, c *model.Constraint) bool) (*model.Table, map[string]bool) {
	out := *t
	out.PartitionOf, out.PartitionBound = nil, ""
	out.Constraints = slices.Clone(t.Constraints)
	inherited := map[string]bool{}
	own := func(c *model.Constraint, name string) {
		if out.Constraint(name) == nil {
			cc := *c
			cc.Name, cc.Comment = name, ""
			out.Constraints = append(out.Constraints, &cc)
			inherited[name] = true
		}
	}
	for p := g.table(*t.PartitionOf); p != nil; {
		for _, c := range p.Constraints {
			if (c.Kind == model.ForeignKey || c.Kind == model.Check && !c.NoInherit) && keep(p.Name, c) {
				own(c, c.Name)
			}
		}
		if p.PartitionOf == nil {
			break
		}
		p = g.table(*p.PartitionOf)
	}
	for _, a := range t.AttachedIndexes {
		if _, c := g.partitionedDef(*t.PartitionOf, a.Parent); c != nil {
			own(c, a.Name)
		}
	}
	return &out, inherited
}

// dropsConstraint reports whether a change so far drops a constraint of
// a table by itself (not with its table).
func (d *differ) dropsConstraint(table model.Name, name string) bool {
	return slices.ContainsFunc(d.constraintDrops[model.ConstraintID(table, name)], func(i int) bool { return !d.removed[i] })
}

// keepers returns the inheritance descendants of a table (as they are)
// that keep a column it drops: PostgreSQL drops an inherited column from
// a child only when the child neither defines it itself nor inherits it
// from another parent, and a child that keeps it passes it on to its own
// children. A descendant that the target no longer gives the column, or
// that goes, is left out: its values go by a change of its own.
func (d *differ) keepers(table model.Name, column string) []model.Name {
	var out []model.Name
	var walk func(parent model.Name, kept bool)
	walk = func(parent model.Name, kept bool) {
		for _, t := range d.from.Tables {
			if t.PartitionOf != nil || !slices.Contains(t.Inherits, parent) {
				continue
			}
			keeps := kept
			if !keeps {
				if c := t.Column(column); c != nil && !c.Inherited {
					keeps = true
				}
				for _, p := range t.Inherits {
					if pt := d.fg.table(p); p != parent && pt != nil && d.fg.columnOf(pt, column) != nil {
						keeps = true
					}
				}
			}
			if keeps {
				if tt := d.tg.table(t.Name); tt != nil && d.tg.columnOf(tt, column) != nil {
					out = append(out, t.Name)
				}
			}
			walk(t.Name, keeps)
		}
	}
	walk(table, false)
	return out
}

// effectiveColumns returns the columns a partition really has: its
// parent's (recursively), with the partition's own options applied, in
// the partition's own order when it has one.
func (g *graph) effectiveColumns(t *model.Table) []*model.Column {
	if t.PartitionOf == nil {
		return t.Columns
	}
	parent := g.table(*t.PartitionOf)
	if parent == nil {
		return t.Columns
	}
	var out []*model.Column
	for _, c := range g.effectiveColumns(parent) {
		if own := t.Column(c.Name); own != nil {
			c = own
		}
		out = append(out, c)
	}
	if t.ColumnOrder != nil {
		slices.SortStableFunc(out, func(a, b *model.Column) int {
			return slices.Index(t.ColumnOrder, a.Name) - slices.Index(t.ColumnOrder, b.Name)
		})
	}
	return out
}

// rowColumns returns every column a table's rows have: its effective
// columns, and for an inheritance child its parents' (recursively, in
// INHERITS order, merged by name) before its own, since the model lists
// an inherited column on the child only where the child sets something on
// it. A rewrite copies them all.
func (g *graph) rowColumns(t *model.Table) []*model.Column {
	if len(t.Inherits) == 0 {
		return g.effectiveColumns(t)
	}
	var out []*model.Column
	add := func(cols []*model.Column) {
		for _, c := range cols {
			if model.ColumnNamed(out, c.Name) == nil {
				out = append(out, c)
			}
		}
	}
	for _, p := range t.Inherits {
		if pt := g.table(p); pt != nil {
			add(g.rowColumns(pt))
		}
	}
	add(t.Columns)
	return out
}

// reconcileColumns adds and drops columns by name so that a table that
// becomes (or stops being) a partition has the right columns.
func (d *differ) reconcileColumns(table model.Name, have, want []*model.Column) {
	for i, c := range want {
		if model.ColumnNamed(have, c.Name) == nil {
			d.add(AddColumn{Table: table, Column: c, Position: i})
		}
	}
	for _, c := range have {
		if model.ColumnNamed(want, c.Name) == nil {
			d.add(DropColumn{Table: table, Column: c})
		}
	}
}

// inherited reports whether a table takes its columns from a parent, in
// which case only the columns listed on both sides are compared.
func inherited(t *model.Table) bool { return t.PartitionOf != nil || len(t.Inherits) > 0 }

func (d *differ) columns(f, t *model.Table) {
	if f.PartitionOf != nil && t.PartitionOf != nil {
		d.partitionColumns(f, t)
		return
	}
	if f.PartitionOf == nil && t.PartitionOf == nil && len(f.Inherits)+len(t.Inherits) > 0 {
		d.childColumns(f, t)
		return
	}
	partial := inherited(f) || inherited(t)
	for i, tc := range t.Columns {
		fc := f.Column(tc.Name)
		if fc == nil {
			if !partial {
				d.add(AddColumn{Table: t.Name, Column: tc, Position: i})
			}
			continue
		}
		d.alterColumn(t.Name, fc, tc)
	}
	for _, fc := range f.Columns {
		if t.Column(fc.Name) == nil && !partial {
			d.add(DropColumn{Table: t.Name, Column: fc})
		}
	}
}

// childColumns compares the columns of a table that uses classic
// inheritance. Both models list the columns the table defines itself; the
// ones it inherits are its parents'. A column of its own is added or
// dropped like any other, except where a parent is involved:
//   - a column the table inherited from a parent that drops it (and keeps
//     the table as its child) goes with the parent's column, so the
//     table's own is added after that drop;
//   - a column that stops being the table's own because a parent adds it
//     is dropped before the parent adds it, which PostgreSQL would
//     otherwise merge into the table's column, leaving it its own; when
//     the parent is new instead, the column stays, as INHERIT needs it;
//   - PostgreSQL has no statement that makes an inherited column also the
//     table's own, or the reverse, so of a column inherited on both sides
//     only what the table may set on its own is compared (NOT NULL and
//     the default).
func (d *differ) childColumns(f, t *model.Table) {
	var kept []model.Name // parents on both sides
	for _, p := range f.Inherits {
		if slices.Contains(t.Inherits, p) {
			kept = append(kept, p)
		}
	}
	// inheritedBoth reports whether the table inherits the column on both
	// sides; the models list it only where it differs from its parent's
	// (a default, NOT NULL or a comment of its own).
	inheritedBoth := func(name string) bool {
		return d.fg.inheritedColumn(f.Inherits, name) != nil && d.tg.inheritedColumn(t.Inherits, name) != nil
	}
	late := false
	for i, tc := range t.Columns {
		fc := f.Column(tc.Name)
		switch {
		case inheritedBoth(tc.Name):
			fe := cmp.Or(fc, d.fg.inheritedColumn(f.Inherits, tc.Name))
			d.ownSettings(t.Name, fe, tc, false)
			d.tableSettings(t.Name, d.recursed(t, fe), tc)
			continue
		case fc != nil:
			d.alterColumn(t.Name, fc, tc)
			continue
		case d.tg.inheritedColumn(kept, tc.Name) != nil:
			// A parent adds the column, and the table inherits it; what
			// the table sets on its own follows the parent's addition.
			pc := d.tg.inheritedColumn(kept, tc.Name)
			d.ownSettings(t.Name, pc, tc, true)
			d.tableSettings(t.Name, added(pc), tc)
			continue
		case d.tg.inheritedColumn(t.Inherits, tc.Name) != nil:
			// Inherited from a new parent, which INHERIT merges.
			continue
		case d.fg.inheritedColumn(removed(f.Inherits, kept), tc.Name) != nil:
			// Kept as the table's own when NO INHERIT detaches the parent
			// it came from, as that parent had it.
			pc := d.fg.inheritedColumn(removed(f.Inherits, kept), tc.Name)
			d.ownSettings(t.Name, pc, tc, false)
			d.tableSettings(t.Name, pc, tc)
			continue
		}
		// PostgreSQL appends added columns: once one waits for its
		// parent's drop, those after it wait too.
		late = late || d.fg.inheritedColumn(kept, tc.Name) != nil
		d.add(AddColumn{Table: t.Name, Column: tc, Position: i, AfterParent: late})
	}
	for _, fc := range f.Columns {
		if t.Column(fc.Name) != nil {
			continue
		}
		if inheritedBoth(fc.Name) {
			pc := d.tg.inheritedColumn(t.Inherits, fc.Name)
			d.ownSettings(t.Name, fc, pc, false)
			d.tableSettings(t.Name, d.recursed(t, fc), pc)
			continue
		}
		if d.fg.inheritedColumn(f.Inherits, fc.Name) != nil {
			continue
		}
		byParent := d.tg.inheritedColumn(kept, fc.Name) != nil
		if !byParent && d.tg.inheritedColumn(t.Inherits, fc.Name) != nil {
			// A new parent has the column: INHERIT needs the table to
			// have it already, and merges the two.
			continue
		}
		c := DropColumn{Table: t.Name, Column: fc, Recreate: byParent}
		if byParent {
			c.Cause = "a parent adds the column, which the table then inherits"
		}
		d.add(c)
	}
	// A column inherited on both sides and listed on neither has its
	// parent's settings on both; what the parent's change does not carry
	// down (the compression method, options) the table is given.
	var parents []*model.Table
	for _, p := range kept {
		if pt := d.tg.table(p); pt != nil {
			parents = append(parents, pt)
		}
	}
	for _, pc := range d.tg.inheritedOnce(parents) {
		if f.Column(pc.Name) != nil || t.Column(pc.Name) != nil {
			continue
		}
		fe, te := d.fg.inheritedColumn(f.Inherits, pc.Name), d.tg.inheritedColumn(t.Inherits, pc.Name)
		if fe != nil && te != nil {
			d.tableSettings(t.Name, d.recursed(t, fe), te)
		}
	}
}

// sameOptions compares the storage parameters of a table on both sides.
// Those of its TOAST table (toast.*) count only when one side's table has a
// column that may be stored out of line: PostgreSQL makes a TOAST table
// (and keeps its parameters) only for such a table, and keeps it once made,
// so a table of fixed-length columns has one only if it once had such a
// column. No statement can bring that about, and the parameters of a TOAST
// table it may lack are no difference to act on.
func (d *differ) sameOptions(f, t *model.Table) bool {
	if slices.Equal(f.Options, t.Options) {
		return true
	}
	notToast := func(opts []string) []string {
		return slices.DeleteFunc(slices.Clone(opts), func(o string) bool { return strings.HasPrefix(o, "toast.") })
	}
	// Only toast.* parameters differ: the columns decide whether they
	// count (looked at only then, since it reads every column's type).
	return slices.Equal(notToast(f.Options), notToast(t.Options)) && !d.fg.toastable(f) && !d.tg.toastable(t)
}

// toastable reports whether a table has a column whose storage is not
// plain (its own, or its type's default), counting the columns it takes
// from its partitioned table or inheritance parents. A partitioned table
// stores nothing.
func (g *graph) toastable(t *model.Table) bool {
	if t.PartitionBy != nil {
		return false
	}
	user := func(schema, name string) (bool, string) {
		n := model.Name{Schema: schema, Name: name}
		if dm := g.domain(n); dm != nil {
			return false, dm.Type
		}
		return g.enum(n) != nil, ""
	}
	out := func(c *model.Column) bool { return cmp.Or(c.Storage, pgsql.TypeStorage(c.Type, user)) != "plain" }
	var outOfLine func(t *model.Table) bool
	outOfLine = func(t *model.Table) bool {
		return slices.ContainsFunc(t.Columns, out) || slices.ContainsFunc(g.parentsOf(t), outOfLine)
	}
	return outOfLine(t)
}

// inheritedOnce lists the columns the given parents pass down, each name
// once, from the first parent that has it, as PostgreSQL merges them.
func (g *graph) inheritedOnce(parents []*model.Table) []*model.Column {
	seen := map[string]bool{}
	var out []*model.Column
	for _, p := range parents {
		for _, c := range g.inheritableColumns(p) {
			if !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// shedColumns lists the columns of the current side that the target does
// not list although its table keeps them, inherited from a parent: a
// model lists a partition's or an inheritance child's inherited column
// only where it differs from the parent's (a comment, privileges, a
// default of its own). Their comments and privileges must go, which the
// walks over the target's objects cannot see.
func (d *differ) shedColumns() []*model.Object {
	var out []*model.Object
	for i := range d.fg.objs {
		o := &d.fg.objs[i]
		if o.ID.Kind != model.KindColumn || d.pairs.back[i] >= 0 {
			continue
		}
		t := d.tg.table(o.ID.Name)
		if t == nil || d.recreated(t.ID()) {
			continue
		}
		inherited := d.tg.inheritedColumn(t.Inherits, o.ID.Member) != nil
		if t.PartitionOf != nil {
			inherited = model.ColumnNamed(d.tg.effectiveColumns(t), o.ID.Member) != nil
		}
		if inherited {
			out = append(out, o)
		}
	}
	return out
}

// removed returns the names of list that are not in keep.
func removed(list, keep []model.Name) []model.Name {
	var out []model.Name
	for _, n := range list {
		if !slices.Contains(keep, n) {
			out = append(out, n)
		}
	}
	return out
}

// inheritedColumn returns the named column of the first of the parents
// (classic inheritance) that has it, its own or inherited from further
// up, or nil.
func (g *graph) inheritedColumn(parents []model.Name, name string) *model.Column {
	for _, p := range parents {
		pt := g.table(p)
		if pt == nil {
			continue
		}
		if c := pt.Column(name); c != nil {
			return c
		}
		if c := g.inheritedColumn(pt.Inherits, name); c != nil {
			return c
		}
	}
	return nil
}

// partitionColumns compares what a partition may set on its own columns:
// NOT NULL, the default and the settings kept per table (see
// settings.go). Everything else follows the partitioned table, whose
// changes PostgreSQL carries to its partitions.
func (d *differ) partitionColumns(f, t *model.Table) {
	from := d.fg.effectiveColumns(f)
	for _, tc := range d.tg.effectiveColumns(t) {
		fc := model.ColumnNamed(from, tc.Name)
		if fc == nil {
			// The partitioned table adds the column in this revision:
			// what the partition sets on its own follows the addition.
			if parent := d.tg.table(*t.PartitionOf); parent != nil {
				if pc := model.ColumnNamed(d.tg.effectiveColumns(parent), tc.Name); pc != nil {
					if t.Column(tc.Name) != nil {
						d.ownSettings(t.Name, pc, tc, true)
					}
					d.tableSettings(t.Name, added(pc), tc)
				}
			}
			continue
		}
		d.ownSettings(t.Name, fc, tc, false)
		d.tableSettings(t.Name, d.recursed(t, fc), tc)
	}
}

// ownSettings compares what a table may set on a column it inherits: NOT
// NULL and the default. fc and tc are the column as the table has it on
// each side, its own or its parent's.
func (d *differ) ownSettings(table model.Name, fc, tc *model.Column, afterParent bool) {
	if fc.NotNull == tc.NotNull && fc.Default.Equal(tc.Default) {
		return
	}
	// Compare copies that differ only in those two, so that no type
	// change is attempted on the table itself.
	a, b := *tc, *tc
	a.NotNull, a.Default = fc.NotNull, fc.Default
	d.add(AlterColumn{Table: table, From: &a, To: &b, AfterParent: afterParent})
}

// clusterMarks keeps the index each table is marked to be clustered on
// (a new table gets its mark with it). The mark is the index's: an index
// dropped and created again loses it, so it is set again even when the
// name stays. It runs once every recreation is known.
func (d *differ) clusterMarks() {
	for _, t := range d.to.Tables {
		f := d.fg.table(t.Name)
		if f == nil || d.recreated(t.ID()) {
			continue
		}
		if f.ClusterOn == t.ClusterOn && (t.ClusterOn == "" || !d.recreated(clusterIndex(t))) {
			continue
		}
		d.add(SetClusterOn{From: f, To: t})
	}
}

// clusterIndex returns the ID of the index a table is clustered on: the
// index, or the constraint of the table it implements.
func clusterIndex(t *model.Table) model.ObjectID {
	if t.Constraint(t.ClusterOn) != nil {
		return model.ConstraintID(t.Name, t.ClusterOn)
	}
	return model.ObjectID{Kind: model.KindIndex, Name: model.Name{Schema: t.Name.Schema, Name: t.ClusterOn}}
}

// columnRecreated reports whether a column must be dropped and added
// again: a generated expression cannot be changed in place before
// PostgreSQL 17, nor can a plain column become generated.
func columnRecreated(fc, tc *model.Column) bool {
	return tc.Generated != nil && !fc.Generated.Equal(tc.Generated)
}

func (d *differ) alterColumn(table model.Name, fc, tc *model.Column) {
	if sameExcept(fc, tc, "Comment") {
		return
	}
	if d.swapDefaults[model.ColumnID(table, tc.Name)] && sameExcept(fc, tc, "Comment", "Default") {
		return
	}
	if columnRecreated(fc, tc) {
		position := 0
		if t := d.tg.table(table); t != nil {
			position = model.ColumnIndex(t.Columns, tc.Name)
		}
		d.add(DropColumn{Table: table, Column: fc, Recreate: true}, AddColumn{Table: table, Column: tc, Position: position})
		return
	}
	c := AlterColumn{Table: table, From: fc, To: tc}
	if fc.Storage != "" && tc.Storage == "" {
		c.DefaultStorage = d.defaultStorage(tc.Type)
	}
	if fc.Identity == nil && tc.Identity != nil {
		if s := d.fg.ownedSequence(table, fc.Name); s != nil && d.tg.sequence(s.Name) == nil {
			c.DropSequence = s
		}
	}
	if fc.Identity != nil && tc.Identity == nil {
		if s := d.tg.ownedSequence(table, tc.Name); s != nil && d.fg.sequence(s.Name) == nil {
			c.CreateSequence = s
		}
	}
	d.add(c)
}

// constraints matches constraints by name, then unmatched ones by
// definition (a rename), and drops or adds the rest.
//
// inherited names the constraints that a table being detached has only
// from its partitioned table until the detach makes them its own: they
// are not renamed, and dropped only once it is detached.
func (d *differ) constraints(f, t *model.Table, inherited map[string]bool) {
	drop := func(c *model.Constraint) DropConstraint {
		return DropConstraint{Table: t.Name, Constraint: c, AfterDetach: inherited[c.Name]}
	}
	var added, dropped []*model.Constraint
	for _, tc := range t.Constraints {
		if _, ok := d.tg.checkCopyOf(t, tc); ok {
			d.validateCopy(f, t, tc)
			continue
		}
		fc := f.Constraint(tc.Name)
		switch {
		case fc == nil:
			added = append(added, tc)
		case d.fkTargetGone(fc):
			// The old key was dropped before its referenced table went;
			// add the target's key back.
			d.add(AddConstraint{Table: t.Name, Constraint: tc})
		case sameExcept(fc, tc, "Comment") && !d.unvalidates(t.Name, tc):
		case validates(fc, tc):
			d.add(ValidateConstraint{Table: t.Name, Constraint: tc})
		default:
			d.add(drop(fc), AddConstraint{Table: t.Name, Constraint: tc})
		}
	}
	for _, fc := range f.Constraints {
		if t.Constraint(fc.Name) == nil && !d.fkTargetGone(fc) {
			if _, ok := d.fg.checkCopyOf(f, fc); ok {
				continue // it goes with its parent's check, or is implied once that is valid
			}
			dropped = append(dropped, fc)
		}
	}
	for _, tc := range added {
		i := slices.IndexFunc(dropped, func(fc *model.Constraint) bool {
			return !inherited[fc.Name] && sameExcept(fc, tc, "Name", "Comment")
		})
		if i >= 0 {
			d.add(RenameConstraint{Table: t.Name, From: dropped[i].Name, To: tc.Name})
			dropped = slices.Delete(dropped, i, i+1)
			continue
		}
		d.add(AddConstraint{Table: t.Name, Constraint: tc})
	}
	for _, fc := range dropped {
		d.add(drop(fc))
	}
}

// fkTargetGone reports whether a foreign key references a table that is
// dropped or recreated (foreignKeysOfGoneTables drops such keys).
func (d *differ) fkTargetGone(c *model.Constraint) bool {
	return c.Kind == model.ForeignKey && c.References != nil && d.fg.table(*c.References) != nil && d.gone(*c.References)
}

func (d *differ) policies(f, t *model.Table) {
	find := func(list []*model.Policy, name string) *model.Policy {
		for _, p := range list {
			if p.Name == name {
				return p
			}
		}
		return nil
	}
	for _, tp := range t.Policies {
		fp := find(f.Policies, tp.Name)
		switch {
		case fp == nil:
			d.add(CreatePolicy{Table: t.Name, Policy: tp})
		case sameExcept(fp, tp, "Comment"):
		case fp.Command != tp.Command || fp.Permissive != tp.Permissive ||
			(fp.Using != nil && tp.Using == nil) || (fp.WithCheck != nil && tp.WithCheck == nil):
			d.add(DropPolicy{Table: t.Name, Policy: fp}, CreatePolicy{Table: t.Name, Policy: tp})
		default:
			d.add(AlterPolicy{Table: t.Name, From: fp, To: tp})
		}
	}
	for _, fp := range f.Policies {
		if find(t.Policies, fp.Name) == nil {
			d.add(DropPolicy{Table: t.Name, Policy: fp})
		}
	}
}
