package corpus

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// Result is the outcome of one case.
type Result struct {
	Case Case
	// Status is "PASS", or "FAIL <phase>: <reason>", or "ERROR <phase>:
	// <reason>".
	Status string
	// Detail holds diffs and errors for the report.
	Detail string
}

// Passed reports whether the case round-tripped.
func (r Result) Passed() bool { return r.Status == "PASS" }

// VersionTable is the version table the in-process workflow uses; it is
// left out of the dumps.
const VersionTable = "public.autogen_version"

// Harness runs cases in-process: introspect, diff, plan, and apply through
// the migrate runtime exactly as a compiled revision would.
type Harness struct {
	AdminURL string
	Dumper   *Dumper
	// ColumnOrder is the rule for column positions: the oracle compares
	// whole dumps, where position counts, so the corpus runs with
	// migrate.ColumnOrderExact (the default) and autogenerate rewrites a
	// table whose columns would otherwise end up in another order; with
	// ColumnOrderIgnore a difference of position alone passes with a note.
	ColumnOrder migrate.ColumnOrder
}

// createDB creates the database name, loads sqlFile into it and returns
// the session that loaded it, for the caller to go on with: every new
// session is a server process, and on a busy machine starting one costs
// more than most of what a case does with it.
func (r *Harness) createDB(ctx context.Context, name, sqlFile string) (*pgx.Conn, error) {
	if err := tempdb.DropDatabase(ctx, r.AdminURL, name); err != nil {
		return nil, err
	}
	if err := tempdb.CreateDatabase(ctx, r.AdminURL, name); err != nil {
		return nil, err
	}
	src, err := os.ReadFile(sqlFile)
	if err != nil {
		return nil, err
	}
	conn, err := pgx.Connect(ctx, WithDatabase(r.AdminURL, name))
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, "SET client_min_messages = warning;\n"+string(src), pgx.QueryExecModeSimpleProtocol); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, fmt.Errorf("loading %s: %w", filepath.Base(sqlFile), err)
	}
	// The load's settings, role and temporary objects must not outlive it.
	if err := pgtest.ResetSession(ctx, conn); err != nil {
		conn.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return conn, nil
}

// caseDB is the database a case migrates, with the dumps it must match.
type caseDB struct {
	url string
	// conn is the session that loaded the database, left open for the
	// case.
	conn             *pgx.Conn
	wantUp, wantDown string
	cleanup          func()
}

// setup creates database X from a.sql and dumps it (what the downgrade
// must restore), and dumps a fresh database loaded from b.sql (what the
// upgrade must reach), as the shared oracle does. A dump of a fresh load
// of the same file taken before in this process serves instead.
func (r *Harness) setup(ctx context.Context, c Case, prefix, id string) (caseDB, error) {
	x, ref := prefix+"_x_"+id, prefix+"_r_"+id
	db := caseDB{url: WithDatabase(r.AdminURL, x)}
	db.cleanup = func() {
		if db.conn != nil {
			db.conn.Close(context.WithoutCancel(ctx))
		}
		tempdb.DropDatabase(context.WithoutCancel(ctx), r.AdminURL, x)
		tempdb.DropDatabase(context.WithoutCancel(ctx), r.AdminURL, ref)
	}
	a, b := filepath.Join(c.Dir, "a.sql"), filepath.Join(c.Dir, "b.sql")
	var err error
	if db.conn, err = r.createDB(ctx, x, a); err != nil {
		return db, err
	}
	if db.wantDown, err = r.freshDump(ctx, a, db.conn); err != nil {
		return db, err
	}
	if want, ok := r.Dumper.Fresh(b); ok {
		db.wantUp = want
		return db, nil
	}
	refConn, err := r.createDB(ctx, ref, b)
	if err != nil {
		return db, err
	}
	db.wantUp, err = r.freshDump(ctx, b, refConn)
	refConn.Close(context.WithoutCancel(ctx))
	if err != nil {
		return db, err
	}
	return db, tempdb.DropDatabase(ctx, r.AdminURL, ref)
}

// freshDump returns the dump of the database conn is connected to, freshly
// loaded from file: the one taken before in this process if there is one
// (see Dumper.Fresh), else a new one, which it records.
func (r *Harness) freshDump(ctx context.Context, file string, conn *pgx.Conn) (string, error) {
	if d, ok := r.Dumper.Fresh(file); ok {
		return d, nil
	}
	d, err := r.Dumper.DumpConn(ctx, conn)
	if err != nil {
		return "", err
	}
	r.Dumper.RememberFresh(file, d)
	return d, nil
}

// Run executes one case: database X from a.sql, autogenerate against b.sql,
// upgrade, compare with a fresh b.sql database, check that nothing more is
// detected, downgrade to base, compare with a fresh a.sql database.
func (r *Harness) Run(ctx context.Context, c Case, id string) Result {
	res := Result{Case: c}
	fail := func(status, detail string) Result {
		res.Status, res.Detail = status, detail
		return res
	}
	db, err := r.setup(ctx, c, "corpus", id)
	defer db.cleanup()
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	conn, wantUp, wantDown := db.conn, db.wantUp, db.wantDown
	filter := &scope.Filter{VersionTable: VersionTable}
	cmp, desired, status, err := r.compare(ctx, c, conn, filter)
	if err != nil {
		return fail(status, err.Error())
	}
	opts := cmp.Options
	if c.Noop() {
		if len(cmp.Up) > 0 {
			return fail("FAIL noop: changes detected", describe(cmp.Up))
		}
		return fail("PASS", "")
	}
	if len(cmp.Up) == 0 {
		return fail("FAIL up: no changes detected", "")
	}
	run, err := migrate.New(caseRegistry(c, cmp), migrate.WithVersionTable(VersionTable))
	if err != nil {
		return fail("ERROR runner", err.Error())
	}
	upSQL, _ := cmp.UpPlan.SQL()
	downSQL, _ := cmp.DownPlan.SQL()
	plans := "-- up\n" + strings.Join(upSQL, ";\n") + ";\n-- down\n" + strings.Join(downSQL, ";\n") + ";\n"
	if _, err := run.Upgrade(ctx, conn, "head"); err != nil {
		return fail("FAIL up: "+firstLine(err.Error()), err.Error()+"\n"+describe(cmp.Up)+plans)
	}
	gotUp, err := r.Dumper.DumpConn(ctx, conn)
	if err != nil {
		return fail("ERROR dump", err.Error())
	}
	note := ""
	if why := Compare(wantUp, gotUp); why == "column-order" && r.ColumnOrder == migrate.ColumnOrderIgnore {
		note = " (note: column order differs after the upgrade)"
	} else if why != "" {
		return fail("FAIL up ("+why+")", LineDiff(wantUp, gotUp)+describe(cmp.Up)+plans)
	}
	after, err := autogenerate.ReadCurrent(ctx, conn, filter)
	if err != nil {
		return fail("ERROR introspect after up", err.Error())
	}
	if _, err := settle.Settle(ctx, conn, after, desired, settle.Options{}); err != nil {
		return fail("ERROR settle after up", err.Error())
	}
	// The renames are done: comparing again takes the options without them.
	checkOpts := opts
	checkOpts.Renames = autogenerate.NewRenames()
	again, err := autogenerate.Compare(after, desired, checkOpts)
	if err != nil {
		return fail("ERROR diff after up", err.Error())
	}
	if len(again.Up) > 0 {
		return fail("FAIL check: spurious changes after upgrade", describe(again.Up)+plans)
	}
	if _, err := run.Downgrade(ctx, conn, "base"); err != nil {
		return fail("FAIL down: "+firstLine(err.Error()), err.Error()+"\n"+describe(cmp.Down)+plans)
	}
	gotDown, err := r.Dumper.DumpConn(ctx, conn)
	if err != nil {
		return fail("ERROR dump", err.Error())
	}
	if why := Compare(wantDown, gotDown); why == "column-order" && r.ColumnOrder == migrate.ColumnOrderIgnore {
		note += " (note: column order differs after the downgrade)"
	} else if why != "" {
		return fail("FAIL down ("+why+")", LineDiff(wantDown, gotDown)+describe(cmp.Down)+plans)
	}
	return fail("PASS", note)
}

// compare reads the case's b.sql and the database conn is connected to
// and compares them as `autogen revision` does; on failure it returns the
// status that names the step.
func (r *Harness) compare(ctx context.Context, c Case, conn *pgx.Conn, filter *scope.Filter) (*autogenerate.Result, *model.Catalog, string, error) {
	desired, err := autogenerate.ReadDesired(ctx, filepath.Join(c.Dir, "b.sql"), filter)
	if err != nil {
		return nil, nil, "ERROR read b.sql", err
	}
	current, err := autogenerate.ReadCurrent(ctx, conn, filter)
	if err != nil {
		return nil, nil, "ERROR introspect", err
	}
	if _, err := settle.Settle(ctx, conn, current, desired, settle.Options{}); err != nil {
		return nil, nil, "ERROR settle", err
	}
	opts := c.Options
	opts.ExactColumnOrder = r.ColumnOrder == migrate.ColumnOrderExact
	cmp, err := autogenerate.Compare(current, desired, opts)
	if err != nil {
		return nil, nil, "ERROR diff", err
	}
	return cmp, desired, "", nil
}

// caseRegistry holds the case's one revision, which applies cmp's plans.
func caseRegistry(c Case, cmp *autogenerate.Result) *revision.Registry {
	reg := revision.NewRegistry()
	reg.Add(&revision.Revision{
		ID: "c0ffee000001", Message: c.Name,
		// The cases drop tables and columns holding rows on purpose: the
		// revision stands for one written with --allow-destructive.
		AllowHazards: []op.HazardKind{op.DeletesData},
		Upgrade:      func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, cmp.UpPlan.Ops()...) },
		Downgrade:    func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, cmp.DownPlan.Ops()...) },
	})
	return reg
}

func describe(cs []diff.Change) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %T: %s\n", c, c.Describe())
	}
	return b.String()
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
