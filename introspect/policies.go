package introspect

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

type policyRow struct {
	Schema     string    `db:"schema"`
	Table      string    `db:"table_name"`
	Name       string    `db:"name"`
	Permissive bool      `db:"permissive"`
	Command    string    `db:"command"`
	Roles      textArray `db:"roles"`
	Using      string    `db:"using_expr"`
	WithCheck  string    `db:"check_expr"`
	OID        int64     `db:"oid"`
}

var policyCommands = map[string]string{"*": "ALL", "r": "SELECT", "a": "INSERT", "w": "UPDATE", "d": "DELETE"}

func (r *reader) policy(row *policyRow) error {
	tn := model.Name{Schema: row.Schema, Name: row.Table}
	t := r.tables[tn]
	if t == nil {
		return fmt.Errorf("policy %s of unknown table %s", row.Name, tn)
	}
	p := &model.Policy{Name: row.Name, Permissive: row.Permissive, Command: policyCommands[row.Command],
		Roles: nilIfEmpty(row.Roles), Comment: r.comment("pg_policy", row.OID, 0)}
	var err error
	if p.Using, err = r.expr(row.Using, ""); err != nil {
		return err
	}
	if p.WithCheck, err = r.expr(row.WithCheck, ""); err != nil {
		return err
	}
	t.Policies = append(t.Policies, p)
	return nil
}
