package ddlparse

import (
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

// createTrigger handles CREATE [OR REPLACE] [CONSTRAINT] TRIGGER on a table
// or view. The function it executes must be defined.
func (b *builder) createTrigger(s *pg.CreateTrigStmt) error {
	rel, err := b.relation(s.Relation)
	if err != nil {
		return err
	}
	if b.tables[rel] == nil && b.views[rel] == nil {
		return b.errorAt(s.Relation.Location, ErrUndefined, "relation %s does not exist", rel)
	}
	fn, err := b.functionRef(s.Funcname)
	if err != nil {
		return err
	}
	replace := s.Replace
	def, err := b.ns().Trigger(s, rel, fn)
	if err != nil {
		return b.exprError(err)
	}
	tr := &model.Trigger{Table: rel, Name: s.Trigname, Definition: *def, Function: fn, Enabled: "O"}
	list := b.triggers[rel]
	for i, old := range list {
		if old.Name == tr.Name {
			if !replace {
				return b.errorAt(-1, ErrInvalid, "trigger %s for relation %s already exists", tr.Name, rel)
			}
			tr.Comment, tr.Enabled = old.Comment, old.Enabled
			list[i] = tr
			return nil
		}
	}
	b.triggers[rel] = append(list, tr)
	if s.Row {
		b.rowTriggers[tr.ID()] = true
	}
	return nil
}

// setTriggerState applies ALTER TABLE [ONLY] ENABLE/DISABLE TRIGGER name,
// to a trigger of the table's own or to one it has from its partitioned
// table (a clone). Without ONLY the state reaches the clones in its
// partitions too, as in PostgreSQL; with ONLY they keep theirs.
func (b *builder) setTriggerState(t *table, c *pg.AlterTableCmd, only bool) error {
	var state string
	switch c.Subtype {
	case pg.AlterTableType_AT_EnableTrig:
		state = "O"
	case pg.AlterTableType_AT_DisableTrig:
		state = "D"
	case pg.AlterTableType_AT_EnableAlwaysTrig:
		state = "A"
	case pg.AlterTableType_AT_EnableReplicaTrig:
		state = "R"
	}
	if _, ok := b.triggerState(t, c.Name); !ok {
		return b.errorAt(-1, ErrUndefined, "trigger %s for table %s does not exist", c.Name, t.m.Name)
	}
	// With ONLY, the clones of the partitions keep the state they have,
	// which may now differ from their parent's.
	kept := map[*table]string{}
	if only {
		for _, p := range t.partitions() {
			kept[p], _ = b.triggerState(p, c.Name)
		}
	}
	if tr := b.ownTrigger(t, c.Name); tr != nil {
		tr.Enabled = state
	} else {
		parent, _ := b.triggerState(b.tables[*t.m.PartitionOf], c.Name)
		setClonedState(t, c.Name, state, parent)
	}
	if only {
		for p, s := range kept {
			setClonedState(p, c.Name, s, state)
		}
		return nil
	}
	b.forgetClonedStates(t, c.Name)
	return nil
}

// ownTrigger returns the trigger of a table's own with the name, or nil.
func (b *builder) ownTrigger(t *table, name string) *model.Trigger {
	for _, tr := range b.triggers[t.m.Name] {
		if tr.Name == name {
			return tr
		}
	}
	return nil
}

// triggerState returns the firing state of trigger name on table t: its
// own trigger's, or that of the clone it has of a row-level trigger of its
// partitioned table (its own state, or the state of what it was cloned
// from). ok is false when t has no such trigger.
func (b *builder) triggerState(t *table, name string) (string, bool) {
	if tr := b.ownTrigger(t, name); tr != nil {
		return tr.Enabled, true
	}
	if t.m.PartitionOf == nil {
		return "", false
	}
	p := b.tables[*t.m.PartitionOf]
	if p == nil {
		return "", false
	}
	if tr := b.ownTrigger(p, name); tr != nil && !b.rowTriggers[tr.ID()] {
		return "", false // a statement-level trigger is not cloned
	}
	parent, ok := b.triggerState(p, name)
	if !ok {
		return "", false
	}
	for _, s := range t.m.TriggerStates {
		if s.Trigger == name {
			return s.Enabled, true
		}
	}
	return parent, true
}

// setClonedState records the state of a partition's clone of trigger
// name where it differs from parent, the state of what it was cloned
// from, and forgets it where it does not.
func setClonedState(t *table, name, state, parent string) {
	t.m.TriggerStates = slices.DeleteFunc(t.m.TriggerStates, func(s model.TriggerState) bool { return s.Trigger == name })
	if state != parent {
		t.m.TriggerStates = append(t.m.TriggerStates, model.TriggerState{Trigger: name, Enabled: state})
	}
	if len(t.m.TriggerStates) == 0 {
		t.m.TriggerStates = nil
	}
}

// forgetClonedStates drops the states of the clones of trigger name in
// the partitions of t, at every level: they take t's again (ALTER TABLE
// without ONLY), or go with the trigger.
func (b *builder) forgetClonedStates(t *table, name string) {
	for _, p := range t.partitions() {
		setClonedState(p, name, "", "")
		b.forgetClonedStates(p, name)
	}
}
