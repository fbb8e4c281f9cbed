package ddlparse

import (
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
	return nil
}

// setTriggerState applies ALTER TABLE ENABLE/DISABLE TRIGGER name.
func (b *builder) setTriggerState(t *table, c *pg.AlterTableCmd) error {
	for _, tr := range b.triggers[t.m.Name] {
		if tr.Name != c.Name {
			continue
		}
		switch c.Subtype {
		case pg.AlterTableType_AT_EnableTrig:
			tr.Enabled = "O"
		case pg.AlterTableType_AT_DisableTrig:
			tr.Enabled = "D"
		case pg.AlterTableType_AT_EnableAlwaysTrig:
			tr.Enabled = "A"
		case pg.AlterTableType_AT_EnableReplicaTrig:
			tr.Enabled = "R"
		}
		return nil
	}
	return b.errorAt(-1, ErrUndefined, "trigger %s for table %s does not exist", c.Name, t.m.Name)
}
