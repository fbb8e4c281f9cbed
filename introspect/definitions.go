package introspect

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

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
	Catalog    string   `db:"catalog"`
	OID        int64    `db:"oid"`
	Statements []string `db:"statements"`
}

// definition reads one object held as a model.Definition: its CREATE
// statement, then the ALTER and COMMENT statements that complete it.
func (r *reader) definition(row *definitionRow) error {
	if len(row.Statements) == 0 {
		return fmt.Errorf("no statement for %s %d", row.Catalog, row.OID)
	}
	parse := func(sql string) (*pg.Node, error) {
		res, err := pg.Parse(sql)
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

// publicDefaults are the privileges PUBLIC holds on a new object, by the
// catalogs of the kinds held as definitions that have privileges.
var publicDefaults = map[string]string{"pg_proc": "EXECUTE", "pg_type": "USAGE"}

// definitionPrivileges reads the owner of an object held as a definition
// and records it as unsupported when its privileges are not those a new
// one gets: the model does not carry them (as the SQL reader refuses GRANT
// and REVOKE on them), and leaving them out would lose them without a
// word.
func (r *reader) definitionPrivileges(catalog string, oid int64, def *model.Definition) {
	row := r.acls[commentKey{catalog, oid, 0}]
	if row == nil {
		return
	}
	if def.ID.Kind.Info().Owned {
		def.Owner = row.Owner
	}
	public := false
	for i, grantee := range row.Grantees {
		switch {
		case grantee == row.Owner:
		case grantee == model.Public && row.Privileges[i] == publicDefaults[catalog]:
			public = true
		default:
			r.unsupported = append(r.unsupported, fmt.Sprintf("%s %s (%s granted to %s)", def.ID.Kind, def.ID, row.Privileges[i], grantee))
			return
		}
	}
	if publicDefaults[catalog] != "" && !public {
		r.unsupported = append(r.unsupported, fmt.Sprintf("%s %s (%s revoked from PUBLIC)", def.ID.Kind, def.ID, publicDefaults[catalog]))
	}
}
