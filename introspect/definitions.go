package introspect

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// definitionKinds are the queries of objects held as model.Definition:
// each prints, per object, the statements that create it (see
// queries/aggregates.sql), which the reader hands to sqlnorm as the SQL
// reader hands it the user's. They run after tables, views and their
// columns, which rules, statistics objects and publications refer to.
var definitionKinds = []string{
	"aggregates", "operators", "opfamilies", "opclasses", "casts", "ranges", "basetypes",
	"ts_parsers", "ts_templates", "ts_dictionaries", "ts_configurations", "rules", "event_triggers",
	"statistics", "fdws", "servers", "user_mappings", "foreign_tables", "publications",
}

type definitionRow struct {
	Catalog    string    `db:"catalog"`
	OID        int64     `db:"oid"`
	Statements textArray `db:"statements"`
}

// definition reads one object held as a model.Definition: its CREATE
// statement, then the ALTER and COMMENT statements that complete it.
func (r *reader) definition(row *definitionRow) error {
	if len(row.Statements) == 0 {
		return fmt.Errorf("no statement for %s %d", row.Catalog, row.OID)
	}
	parse := func(sql string) (*pg.Node, error) {
		res, err := sqlnorm.Parse(sql)
		if err != nil {
			return nil, fmt.Errorf("parsing %q: %w", sql, err)
		}
		if len(res.Stmts) != 1 {
			return nil, fmt.Errorf("parsing %q: not one statement", sql)
		}
		return res.Stmts[0].Stmt, nil
	}
	n, err := parse(row.Statements[0])
	if err != nil {
		return err
	}
	ns := r.ns()
	d, err := ns.Define(n)
	if err != nil {
		return fmt.Errorf("%w (in %q)", err, row.Statements[0])
	}
	def := d.Def
	for _, sql := range row.Statements[1:] {
		n, err := parse(sql)
		if err != nil {
			return err
		}
		if err := ns.Apply(def, n); err != nil {
			return fmt.Errorf("%s: %w (in %q)", def.ID, err, sql)
		}
	}
	if row.Catalog != "" {
		def.Comment = r.comment(row.Catalog, row.OID, 0)
	}
	r.definitionPrivileges(row.Catalog, row.OID, def)
	r.cat.Definitions = append(r.cat.Definitions, def)
	if def.ID.Kind == model.KindForeignTable {
		r.foreignTables[def.ID.Name] = def
	}
	return nil
}

// definitionPrivileges reads the owner and privileges of an object held
// as a definition, for the kinds that have them.
func (r *reader) definitionPrivileges(catalog string, oid int64, def *model.Definition) {
	if def.ID.Kind.Info().Owned {
		def.Access = r.access(catalog, oid, 0, def.ID.Kind, def.ID.String())
	}
	if def.ID.Kind == model.KindForeignTable && r.columnACLs[oid] {
		r.unsupported = append(r.unsupported, fmt.Sprintf("%s (column privileges on foreign table %s are not supported)", def.ID, def.ID.Name))
	}
}
