package introspect

import (
	"github.com/autogen-dev/autogen/model"
)

type triggerRow struct {
	Schema         string `db:"schema"`
	Table          string `db:"table_name"`
	Name           string `db:"name"`
	Definition     string `db:"definition"`
	FunctionSchema string `db:"function_schema"`
	FunctionName   string `db:"function_name"`
	Enabled        string `db:"enabled"`
	OID            int64  `db:"oid"`
}

func (r *reader) trigger(row *triggerRow) error {
	table := model.Name{Schema: row.Schema, Name: row.Table}
	fn := model.Name{Schema: row.FunctionSchema, Name: row.FunctionName}
	def, err := ReadTrigger(r.ns(), row.Definition, table, fn)
	if err != nil {
		return err
	}
	r.cat.Triggers = append(r.cat.Triggers, &model.Trigger{Table: table, Name: row.Name, Definition: def,
		Function: fn, Enabled: row.Enabled, Comment: r.comment("pg_trigger", row.OID, 0)})
	return nil
}
