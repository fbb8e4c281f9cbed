package autogenerate_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/corpus"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/revision"
)

// outcome is what became of one schema taken from an empty database to
// schema.sql the way `autogen revision` and `autogen upgrade` take it.
type outcome struct {
	// err is set when the revision could not be planned or applied.
	err error
	// dump lists the lines in which the migrated database's pg_dump
	// differs from that of a database loaded from the schema.
	dump string
	// check lists what `autogen check` finds afterwards.
	check []string
}

func (o outcome) exact() bool { return o.err == nil && o.dump == "" && len(o.check) == 0 }

func (o outcome) String() string {
	switch {
	case o.err != nil:
		return "upgrade failed: " + o.err.Error()
	case len(o.check) > 0:
		return "check after upgrade: " + strings.Join(o.check, "; ")
	case o.dump != "":
		return "pg_dump differs from the schema's:\n" + o.dump
	}
	return "exact"
}

// exactHarness takes schemas from an empty database to their desired
// state and compares the result with the schema loaded directly.
type exactHarness struct {
	t      testing.TB
	dumper *corpus.Dumper
}

func newExactHarness(t testing.TB) *exactHarness {
	d, err := corpus.NewDumper()
	if err != nil {
		t.Fatal(err)
	}
	return &exactHarness{t: t, dumper: d}
}

// run upgrades an empty database to src through autogenerate (with the
// server settling disputed expressions), then checks it: no change left,
// and pg_dump equal to that of a database loaded from src.
func (h *exactHarness) run(src string) outcome {
	t := h.t
	ctx := context.Background()
	ref := pgtest.NewDB(t)
	if err := pgtest.ExecContext(ctx, ref, src); err != nil {
		t.Fatalf("the schema does not load: %v\n%s", err, src)
	}
	want, err := h.dumper.Dump(ctx, ref)
	if err != nil {
		t.Fatal(err)
	}
	desired, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		return outcome{err: err}
	}
	url := pgtest.NewDB(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	compare := func() (*autogenerate.Result, error) {
		current, err := introspect.Inspect(ctx, conn)
		if err != nil {
			return nil, err
		}
		if _, err := settle.Settle(ctx, conn, current, desired, settle.Options{}); err != nil {
			return nil, err
		}
		return autogenerate.Compare(current, desired, autogenerate.Options{})
	}
	cmp, err := compare()
	if err != nil {
		return outcome{err: err}
	}
	if err := revision.NewMigration(conn, nil, false).Apply(ctx, cmp.UpPlan.Ops()...); err != nil {
		return outcome{err: err}
	}
	got, err := h.dumper.Dump(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	var o outcome
	if got != want {
		o.dump = corpus.LineDiff(want, got)
	}
	again, err := compare()
	if err != nil {
		return outcome{err: fmt.Errorf("after the upgrade: %w", err)}
	}
	for _, c := range again.Up {
		o.check = append(o.check, c.Describe())
	}
	return o
}

// TestFunctionSettingsExact: a function's SET clauses are written back as
// valid SQL with the value the user gave (issue: SET statement_timeout =
// '30s' became SET statement_timeout TO 30s, and an empty search_path a
// zero-length identifier).
func TestFunctionSettingsExact(t *testing.T) {
	h := newExactHarness(t)
	src := `CREATE SCHEMA "My Schema";
CREATE FUNCTION f() RETURNS int LANGUAGE sql
  SET statement_timeout = '30s' SET search_path = '' SET work_mem = '64MB' SET TIMEZONE = 'UTC' SET enable_seqscan = OFF
  AS 'SELECT 1';
CREATE FUNCTION g() RETURNS int LANGUAGE plpgsql
  SET search_path = "$user", public, "My Schema", pg_temp SET datestyle = 'ISO, DMY'
  AS $$BEGIN RETURN 1; END$$;
`
	if o := h.run(src); !o.exact() {
		t.Error(o)
	}
}

// TestIndexCollateExact: an index key written "(col COLLATE x)" is a
// column key with a collation for PostgreSQL, and for autogen (found by
// TestExpressionsExact).
func TestIndexCollateExact(t *testing.T) {
	h := newExactHarness(t)
	src := `CREATE TABLE p (t text, u text COLLATE "C");
CREATE INDEX a ON p ((t COLLATE "C"));
CREATE INDEX b ON p (((t COLLATE "POSIX")));
CREATE INDEX c ON p ((lower(t) COLLATE "C"));
CREATE INDEX d ON p ((u COLLATE "C"));
`
	if o := h.run(src); !o.exact() {
		t.Error(o)
	}
}
