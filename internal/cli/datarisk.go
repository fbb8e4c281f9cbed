package cli

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// dataCheckTimeout bounds each look at the data; a look that takes longer
// counts as finding data, the safe answer.
const dataCheckTimeout = 10 * time.Second

// dataProbe answers whether the database autogenerate compares against
// holds data a change would lose. A drop of an empty table or column loses
// nothing, so autogen refuses only the drops that would lose something here;
// the others are still marked as hazards in the revision, unacknowledged, so
// that `autogen lint` and code review see them before production.
type dataProbe struct {
	conn *pgx.Conn
}

// exists runs an EXISTS query under a timeout.
func (p dataProbe) exists(ctx context.Context, sql string, args ...any) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, dataCheckTimeout)
	defer cancel()
	var found bool
	err := p.conn.QueryRow(ctx, "SELECT EXISTS ("+sql+")", args...).Scan(&found)
	if ctx.Err() != nil {
		return true, nil
	}
	if err != nil {
		return true, fmt.Errorf("looking for data: %w", err)
	}
	return found, nil
}

// table reports whether a table holds rows, or a column of it non-NULL
// values.
func (p dataProbe) table(ctx context.Context, schema, table, column string) (bool, error) {
	q := "SELECT 1 FROM " + op.QualifiedName(schema, table)
	if column != "" {
		q += " WHERE " + op.QuoteIdent(column) + " IS NOT NULL"
	}
	return p.exists(ctx, q)
}

// extension reports whether an extension's configuration tables, the only
// data an extension owns, hold rows.
func (p dataProbe) extension(ctx context.Context, name string) (bool, error) {
	rows, err := p.conn.Query(ctx, `SELECT n.nspname, c.relname FROM pg_extension e
		JOIN pg_class c ON c.oid = ANY (e.extconfig) JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE e.extname = $1`, name)
	if err != nil {
		return true, fmt.Errorf("looking for data: %w", err)
	}
	tables, err := pgx.CollectRows(rows, pgx.RowToStructByPos[struct{ Schema, Table string }])
	if err != nil {
		return true, fmt.Errorf("looking for data: %w", err)
	}
	for _, t := range tables {
		if found, err := p.table(ctx, t.Schema, t.Table, ""); found || err != nil {
			return found, err
		}
	}
	return false, nil
}

// atRisk reports whether an operation that deletes data would delete some
// in this database. Operations it does not know are assumed to.
func (p dataProbe) atRisk(ctx context.Context, o op.Operation) (bool, error) {
	switch o := o.(type) {
	case op.DropTable:
		return p.table(ctx, o.Schema, o.Name, "")
	case op.DropColumn:
		return p.table(ctx, o.Schema, o.Table, o.Column)
	case op.DropExtension:
		return p.extension(ctx, o.Name)
	}
	return true, nil
}

// destructive returns the messages of the plan's deletes-data hazards,
// split by whether this database holds data they would delete.
func (p dataProbe) destructive(ctx context.Context, pl *plan.Plan) (risky, harmless []string, err error) {
	for _, s := range pl.Steps {
		for _, o := range s.Ops {
			for _, h := range op.HazardsOf(o) {
				if h.Kind != op.DeletesData {
					continue
				}
				found, err := p.atRisk(ctx, o)
				if err != nil {
					return nil, nil, err
				}
				if found {
					risky = append(risky, h.Message)
				} else {
					harmless = append(harmless, h.Message)
				}
			}
		}
	}
	return risky, harmless, nil
}

// candidate reports whether taking a rename candidate as a drop and an add
// would lose data held in this database. An enum recreated under a new
// name keeps its columns' values (they convert through text); an enum
// value is at risk when rows hold it.
func (p dataProbe) candidate(ctx context.Context, current *model.Catalog, c autogenerate.Candidate) (bool, error) {
	switch c.Kind {
	case autogenerate.CandidateTable:
		return p.table(ctx, c.Container.Schema, c.Container.Name, "")
	case autogenerate.CandidateColumn:
		return p.table(ctx, c.Was.Schema, c.Was.Name, c.From)
	case autogenerate.CandidateEnum:
		return false, nil
	case autogenerate.CandidateEnumValue:
		typ := op.QualifiedName(c.Was.Schema, c.Was.Name)
		for _, t := range current.Tables {
			for _, col := range t.Columns {
				if strings.TrimSuffix(col.Type, "[]") != typ {
					continue
				}
				cond := op.QuoteIdent(col.Name) + "::text = $1"
				if strings.HasSuffix(col.Type, "[]") {
					cond = "$1 = ANY (" + op.QuoteIdent(col.Name) + "::text[])"
				}
				found, err := p.exists(ctx, "SELECT 1 FROM "+op.QualifiedName(t.Name.Schema, t.Name.Name)+" WHERE "+cond, c.From)
				if found || err != nil {
					return found, err
				}
			}
		}
		return false, nil
	}
	return true, nil
}
