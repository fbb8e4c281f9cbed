package cli

import (
	"context"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// dataCheckTimeout bounds each look at the data; a look that takes longer
// counts as finding data, the safe answer.
const dataCheckTimeout = 10 * time.Second

// dataProbe answers whether the database autogenerate compares against
// holds data a change would lose, with the probes the data guard runs
// before a revision runs (package guard). A drop of an empty table or
// column loses nothing, so autogen refuses only the changes that would
// lose something here; the others are still marked as hazards in the
// revision, unacknowledged, so that `autogen lint`, code review and the
// data guard of the database it runs on see them.
type dataProbe struct {
	conn *pgx.Conn
}

func (p dataProbe) options() guard.Options { return guard.Options{Timeout: dataCheckTimeout} }

// destructive returns the messages of the plan's deletes-data hazards,
// split by whether this database holds data they would lose (with an
// example) or not. A change whose probe reads what the revision itself
// renames or creates cannot be checked here; it counts as harmless here,
// and the data guard checks it right before it runs.
func (p dataProbe) destructive(ctx context.Context, pl *plan.Plan) (risky, harmless []string, err error) {
	ops := pl.Ops()
	losses, _, err := guard.Check(ctx, p.conn, ops, p.options())
	if err != nil {
		return nil, nil, err
	}
	lost := map[int]bool{}
	for _, l := range losses {
		risky = append(risky, l.String())
		lost[l.Index] = true
	}
	for _, f := range guard.Targets(ops) {
		if !lost[f.Index] {
			harmless = append(harmless, f.Message)
		}
	}
	return risky, harmless, nil
}

// holds reports whether dropping o would lose data here.
func (p dataProbe) holds(ctx context.Context, o op.Operation) (bool, error) {
	losses, _, err := guard.Check(ctx, p.conn, []op.Operation{o}, p.options())
	return len(losses) > 0, err
}

// candidate reports whether taking a rename candidate as a drop and an add
// would lose data held in this database. An enum recreated under a new
// name keeps its columns' values (they convert through text); an enum
// value is at risk when rows hold it.
func (p dataProbe) candidate(ctx context.Context, current *model.Catalog, c autogenerate.Candidate) (bool, error) {
	switch c.Kind {
	case autogenerate.CandidateTable:
		return p.holds(ctx, op.DropTable{Schema: c.Container.Schema, Name: c.Container.Name})
	case autogenerate.CandidateColumn:
		return p.holds(ctx, op.DropColumn{Schema: c.Was.Schema, Table: c.Was.Name, Column: c.From})
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
				found, err := guard.Exists(ctx, p.conn, p.options(), "SELECT 1 FROM "+op.QualifiedName(t.Name.Schema, t.Name.Name)+" WHERE "+cond, c.From)
				if found || err != nil {
					return found, err
				}
			}
		}
		return false, nil
	}
	return true, nil
}
