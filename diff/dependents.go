package diff

import (
	"fmt"
	"slices"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/model"
)

// disturbance is a way a change takes an object of the current catalog
// away, or changes it under the objects that depend on it.
type disturbance uint8

const (
	// gone: the object is dropped (perhaps to be created again).
	gone disturbance = iota + 1
	// retyped: a column's type or collation changes in place.
	retyped
	// swapped: a column is converted to a recreated enum type, or to
	// another base type (text to an enum, boolean to integer); constants
	// and operators in expressions over it are typed for the old type,
	// and PostgreSQL rebuilds indexes and checks from those expressions.
	swapped
)

// disturbed is an object a change disturbs, and how.
type disturbed struct {
	id  model.ObjectID
	how disturbance
	// why says it for people: "is dropped", "changes type".
	why string
}

// dependents is the pass that makes a change possible while other objects
// depend on what it changes. PostgreSQL refuses to drop an object, or to
// change a column's type, while views, policies, triggers, generated
// columns or SQL-standard function bodies depend on it; it rebuilds
// indexes and constraints by itself, except where an expression holds a
// constant of an enum type being swapped. For every disturbed object the
// pass walks its dependents in the current catalog's graph and drops
// exactly those that block the change first, creating them again (from
// the target catalog) afterwards, transitively: a recreated view disturbs
// the views that read it. Objects that do not depend on the change are
// never touched. Each change it adds names the dependency in Cause.
func (d *differ) dependents() error {
	var queue []disturbed
	seen := map[model.ObjectID]bool{}
	push := func(x disturbed) {
		if !seen[x.id] {
			seen[x.id] = true
			queue = append(queue, x)
		}
	}
	for _, c := range d.live() {
		switch c := c.(type) {
		case AlterColumn:
			switch {
			case !pgsql.SameBase(c.From.Type, c.To.Type):
				push(disturbed{model.ColumnID(c.Table, c.From.Name), swapped, "changes type"})
			case c.From.Type != c.To.Type || c.From.Collation != c.To.Collation:
				push(disturbed{model.ColumnID(c.Table, c.From.Name), retyped, "changes type"})
			}
		case SwapTypes:
			for _, t := range c.Types {
				push(disturbed{t.ID, gone, "is recreated"})
			}
			for _, u := range c.Uses {
				push(disturbed{model.ColumnID(u.Table, u.Column.Name), swapped, "is converted to the recreated type " + u.Column.Type})
			}
		case AlterComposite:
			if len(c.Drop) > 0 || len(c.Retype) > 0 {
				push(disturbed{c.From.ID(), retyped, "changes attributes"})
			}
		}
	}
	for _, id := range sortedIDs(d.dropped) {
		if !d.fg.has(id) {
			continue
		}
		why := "is dropped"
		if d.created[id] {
			why = "is recreated"
		}
		push(disturbed{id, gone, why})
	}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, n := range d.fg.usersOf(x.id) {
			u := d.fg.id(n)
			if d.dropped[u] {
				// Already dropped by another change; what depends on it
				// is disturbed in turn.
				push(disturbed{u, gone, "is dropped"})
				continue
			}
			if !d.blocks(x, u) && !d.lostWith(x, u) {
				continue
			}
			cause := fmt.Sprintf("%s %s %s, which %s", depends(u), x.id.Kind, x.id.Object(), x.why)
			if err := d.recreate(u, cause); err != nil {
				return err
			}
			push(disturbed{u, gone, "is recreated"})
		}
	}
	return nil
}

// depends says how an object depends on another, for causes.
func depends(id model.ObjectID) string {
	switch id.Kind {

	}
	return "depends on"
}

// blocks reports whether PostgreSQL refuses the disturbance of x while u
// depends on it (so u must be dropped first and recreated after).
func (d *differ) blocks(x disturbed, u model.ObjectID) bool {
	switch u.Kind {
	case model.KindView, model.KindMatView, model.KindPolicy, model.KindTrigger,
		model.KindFunction, model.KindProcedure:
		return true
	case model.KindColumn:
		col := d.fg.value(u).(*model.Column)
		switch {
		case col.Generated != nil && x.id.Kind == model.KindColumn:
			return true // a generated column over a dropped or retyped column
		case col.Default != nil && x.how == gone && (x.id.Kind == model.KindFunction || x.id.Kind == model.KindSequence):
			// A default calling a dropped function or sequence; a
			// swapped type converts the defaults of its columns itself.
			return d.fg.refersTo(u, col.Default.Refs, x.id)
		case col.Default != nil && x.how == retyped && x.id.Kind == model.KindComposite:
			// A default that builds a value of a composite type whose
			// attributes change keeps the old attributes' types.
			return d.fg.refersTo(u, col.Default.Refs, x.id)
		}
		return false
	case model.KindConstraint:
		con := d.fg.value(u).(*model.Constraint)
		switch {
		case con.Kind == model.ForeignKey:
			// A foreign key relies on the referenced key, and on the
			// types of both sides matching at every moment.
			return x.id.Kind == model.KindConstraint || x.id.Kind == model.KindIndex ||
				(x.id.Kind == model.KindColumn && x.how != gone)
		case x.how == gone:
			// Dropping a column drops the constraints on it; a function
			// or type a check uses cannot be dropped under it.
			return x.id.Kind != model.KindColumn
		case x.how == swapped:
			return con.Expr != nil || con.Where != nil || len(con.Elements) > 0
		}
		return false
	case model.KindPublication:
		// PostgreSQL takes a dropped table out of a publication, but
		// refuses to drop a column that a table's column list or row
		// filter names, or to change the type of one a row filter names
		// (a column list's type change alone would pass; the publication
		// depends on the column either way and is recreated).
		if x.id.Kind == model.KindColumn {
			return true
		}
		return x.how == gone && x.id.Kind != model.KindTable
	case model.KindStatistics:
		// PostgreSQL drops a statistics object with a column it covers
		// and rebuilds it when the column's type changes; only what an
		// expression calls or casts to blocks.
		return x.how == gone && x.id.Kind != model.KindColumn && x.id.Kind != model.KindTable
	case model.KindAggregate, model.KindOperator, model.KindOpFamily, model.KindOpClass, model.KindCast,
		model.KindRange, model.KindBaseType, model.KindTSParser, model.KindTSTemplate, model.KindTSDictionary,
		model.KindTSConfig, model.KindRule, model.KindEventTrigger, model.KindFDW, model.KindServer,
		model.KindUserMapping, model.KindForeignTable:
		// PostgreSQL records a dependency on what they name, and
		// refuses to drop it or change its type under them.
		return true
	case model.KindIndex:
		ix := d.fg.value(u).(*model.Index)
		switch x.how {
		case gone:
			return x.id.Kind != model.KindColumn && x.id.Kind != model.KindTable
		case swapped:
			if ix.Where != nil {
				return true
			}
			for _, k := range ix.Keys {
				if k.Expr != nil {
					return true
				}
			}
		}
		return false
	}
	return false
}

// lostWith reports whether PostgreSQL drops u along with a column that is
// dropped only to be added again (a generated column whose expression
// changes): the indexes, constraints and statistics on it, which blocks
// lets go with a column that is gone for good, are created again after it.
func (d *differ) lostWith(x disturbed, u model.ObjectID) bool {
	if x.how != gone || x.id.Kind != model.KindColumn || !d.created[x.id] {
		return false
	}
	switch u.Kind {
	case model.KindIndex, model.KindConstraint, model.KindStatistics:
		return true
	}
	return false
}

// recreate drops an object of the current catalog and creates it again as
// the target has it (or only drops it when the target has none), because
// of cause. Changes the comparison already made to the object in place
// give way to the recreation.
func (d *differ) recreate(id model.ObjectID, cause string) error {
	if d.dropped[id] {
		return nil
	}
	obj := d.fg.object(id)
	target := d.tg.object(id)
	d.removeAlters(id)
	switch v := obj.Value.(type) {
	case *model.View:
		// Its columns' defaults come with it as the target has them.
		d.removeColumnAlters(v.Name)
		d.add(DropView{View: v, Cause: cause})
		if target != nil {
			tv := target.Value.(*model.View)
			d.add(CreateView{View: tv, Cause: cause})
			d.recreateViewMembers(tv)
		}
	case *model.Trigger:
		d.add(DropTrigger{Trigger: v, Cause: cause})
		if target != nil && !d.created[id] {
			d.add(CreateTrigger{Trigger: target.Value.(*model.Trigger), Cause: cause})
		}
	case *model.Policy:
		d.add(DropPolicy{Table: id.Name, Policy: v, Cause: cause})
		if target != nil && !d.created[id] {
			d.add(CreatePolicy{Table: id.Name, Policy: target.Value.(*model.Policy), Cause: cause})
		}
	case *model.Function:
		d.add(DropFunction{Function: v, Late: d.fg.late(id), Recreate: true, Cause: cause})
		if target != nil && !d.created[id] {
			d.add(CreateFunction{Function: target.Value.(*model.Function), Late: d.tg.late(id), Cause: cause})
		}
	case *model.Constraint:
		d.add(DropConstraint{Table: id.Name, Constraint: v, Cause: cause})
		if target != nil && !d.created[id] {
			d.add(AddConstraint{Table: id.Name, Constraint: target.Value.(*model.Constraint), Cause: cause})
		}
	case *model.Index:
		d.add(DropIndex{Index: v, Cause: cause})
		if target != nil && !d.created[id] {
			ti := target.Value.(*model.Index)
			d.add(CreateIndex{Index: ti, OnView: d.tg.view(ti.Table) != nil, Cause: cause})
		}
	case *model.Definition:
		if d.unswappable(id) {
			return fmt.Errorf("diff: cannot recreate %s, which %s, while columns use it", id, cause)
		}
		d.add(DropDefinition{Def: v, Recreate: target != nil, Cause: cause})
		if target != nil && !d.created[id] {
			d.createDefinition(target.Value.(*model.Definition), cause)
		}
	case *model.Column:
		if v.Generated != nil {
			d.add(DropColumn{Table: id.Name, Column: v, Recreate: true, Cause: cause})
			if target != nil && !d.created[id] {
				d.add(AddColumn{Table: id.Name, Column: target.Value.(*model.Column), Cause: cause})
			}
			return nil
		}
		// A default that calls what goes away is removed first and set
		// again afterwards, unless the comparison changes it already or
		// its view is recreated with it.
		if d.defaultSet[id] || d.viewGone(id.Name) {
			return nil
		}
		bare := *v
		bare.Default = nil
		d.add(AlterColumn{Table: id.Name, From: v, To: &bare, Cause: cause})
		if target != nil {
			tc := target.Value.(*model.Column)
			if tc.Default != nil {
				from := *tc
				from.Default = nil
				d.add(AlterColumn{Table: id.Name, From: &from, To: tc, Cause: cause})
			}
		}
		return nil
	default:
		return fmt.Errorf("diff: cannot recreate %s, which %s", id, cause)
	}
	return nil
}

// recreateViewMembers creates again the indexes and triggers of a
// recreated materialized view or view, which went with it.
func (d *differ) recreateViewMembers(v *model.View) {
	for _, ix := range d.tg.indexesOf(v.Name) {
		if !d.created[ix.ID()] {
			d.add(CreateIndex{Index: ix, OnView: true})
		}
	}
	for _, t := range d.tg.triggersOf(v.Name) {
		if !d.created[t.ID()] {
			d.add(CreateTrigger{Trigger: t})
		}
	}
	for _, def := range d.tg.definitionsOf(v.Name) {
		if !d.created[def.ID] {
			d.createDefinition(def, "")
		}
	}
	// The members' own drops must go: they left with the view.
	for _, i := range d.memberDrops[v.Name] {
		d.removed[i] = true
	}
	delete(d.memberDrops, v.Name)
}

// removeAlters takes back the in-place changes made to an object that is
// recreated instead.
func (d *differ) removeAlters(id model.ObjectID) {
	for _, i := range d.inPlace[id] {
		d.removed[i] = true
	}
	delete(d.inPlace, id)
}

// removeColumnAlters takes back the changes made so far to the columns of
// a relation that is dropped and created again.
func (d *differ) removeColumnAlters(n model.Name) {
	for i, c := range d.out {
		if a, ok := c.(AlterColumn); ok && a.Table == n {
			d.removed[i] = true
		}
	}
}

// sortedIDs returns the keys of a set in order.
func sortedIDs(set map[model.ObjectID]bool) []model.ObjectID {
	out := make([]model.ObjectID, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	slicesSortIDs(out)
	return out
}

func slicesSortIDs(ids []model.ObjectID) { slices.SortFunc(ids, model.ObjectID.Compare) }

// Recreation reports whether a change drops an object only to create it
// again around another change it depends on (see dependents), and returns
// the object and why.
func Recreation(c Change) (id model.ObjectID, cause string, ok bool) {
	switch c := c.(type) {
	case DropView:
		id, cause = c.View.ID(), c.Cause
	case DropTrigger:
		id, cause = c.Trigger.ID(), c.Cause
	case DropPolicy:
		id, cause = model.PolicyID(c.Table, c.Policy.Name), c.Cause
	case DropFunction:
		id, cause = c.Function.ID(), c.Cause
	case DropConstraint:
		id, cause = model.ConstraintID(c.Table, c.Constraint.Name), c.Cause
	case DropIndex:
		id, cause = c.Index.ID(), c.Cause
	case DropColumn:
		id, cause = model.ColumnID(c.Table, c.Column.Name), c.Cause
	case DropDefinition:
		id, cause = c.Def.ID, c.Cause
	}
	return id, cause, cause != ""
}
