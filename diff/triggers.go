package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// triggers compares triggers. A trigger is recreated when its definition
// changed, when its function is recreated, or when its table or view is.
func (d *differ) triggers() {
	relGone := func(n model.Name) bool {
		if d.fg.view(n) != nil {
			return d.viewGone(n)
		}
		return d.fg.table(n) == nil || d.gone(n)
	}
	for _, t := range d.to.Triggers {
		f := d.fg.trigger(t.Table, t.Name)
		switch {
		case f == nil || relGone(t.Table):
			d.add(CreateTrigger{Trigger: t})
		case !sameExcept(f, t, "Comment", "Enabled"):
			d.add(DropTrigger{Trigger: f}, CreateTrigger{Trigger: t})
		case f.Enabled != t.Enabled:
			d.add(SetTriggerEnabled{From: f, To: t})
		}
	}
	for _, f := range d.from.Triggers {
		if d.tg.trigger(f.Table, f.Name) == nil && !relGone(f.Table) {
			d.add(DropTrigger{Trigger: f})
		}
	}
}

// clonedTriggers sets the firing states of the triggers partitions have
// from their partitioned tables (clones) where the target has them differ
// from what they were cloned from (Table.TriggerStates). A clone takes the
// state of what it is cloned from when created (with its partition or its
// trigger), and again whenever that state is set (ALTER TABLE without
// ONLY reaches the clones), so a state the target keeps is set again when
// anything above it changes.
func (d *differ) clonedTriggers() {
	for _, t := range d.partitionsByLevel() {
		kept := d.keptPartition(t)
		var names []string
		for _, s := range t.TriggerStates {
			names = append(names, s.Trigger)
		}
		if kept {
			for _, s := range d.fg.table(t.Name).TriggerStates {
				if !slices.Contains(names, s.Trigger) {
					names = append(names, s.Trigger)
				}
			}
		}
		for _, name := range names {
			to, ok := d.tg.triggerState(t, name)
			if !ok {
				continue
			}
			own := slices.ContainsFunc(t.TriggerStates, func(s model.TriggerState) bool { return s.Trigger == name })
			from, okFrom := "", false
			if kept {
				from, okFrom = d.fg.triggerState(d.fg.table(t.Name), name)
			}
			changed := !okFrom || d.cloneSourceChanged(t, name)
			if own && (changed || from != to) || !own && okFrom && from != to {
				d.add(SetClonedTriggerEnabled{Table: t.Name, Owner: d.tg.triggerOwner(t, name), Trigger: name,
					From: from, To: to, Level: d.level(t)})
			}
		}
	}
}

// cloneSourceChanged reports whether the migration creates or sets the
// state of what partition t's clone of trigger name is cloned from, at
// any level above it: PostgreSQL then gives the clone that state.
func (d *differ) cloneSourceChanged(t *model.Table, name string) bool {
	for p := t; p.PartitionOf != nil; {
		if p = d.tg.table(*p.PartitionOf); p == nil {
			return true
		}
		if tr := d.tg.trigger(p.Name, name); tr != nil {
			f := d.fg.trigger(p.Name, name)
			return f == nil || d.created[tr.ID()] || f.Enabled != tr.Enabled
		}
		if !d.keptPartition(p) {
			return true
		}
		from, ok := d.fg.triggerState(d.fg.table(p.Name), name)
		to, _ := d.tg.triggerState(p, name)
		if !ok || from != to {
			return true
		}
	}
	return false
}

// triggerState returns the firing state of trigger name on table t: its
// own trigger's, or that of its clone of its partitioned table's (its own
// state, or that of what it was cloned from). ok is false when neither
// t nor a table above it has the trigger.
func (g *graph) triggerState(t *model.Table, name string) (string, bool) {
	if tr := g.trigger(t.Name, name); tr != nil {
		return tr.Enabled, true
	}
	if t.PartitionOf == nil {
		return "", false
	}
	p := g.table(*t.PartitionOf)
	if p == nil {
		return "", false
	}
	parent, ok := g.triggerState(p, name)
	if !ok {
		return "", false
	}
	for _, s := range t.TriggerStates {
		if s.Trigger == name {
			return s.Enabled, true
		}
	}
	return parent, true
}

// triggerOwner returns the table above partition t that has trigger name
// of its own.
func (g *graph) triggerOwner(t *model.Table, name string) model.Name {
	for p := t; p.PartitionOf != nil; {
		if p = g.table(*p.PartitionOf); p == nil {
			break
		}
		if g.trigger(p.Name, name) != nil {
			return p.Name
		}
	}
	return model.Name{}
}
