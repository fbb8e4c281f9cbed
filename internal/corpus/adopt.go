package corpus

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/schemawrite"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// Adopt runs the adoption of a case's b.sql in-process, as `autogen init
// --from-database` adopts a database: database X is loaded from b.sql and
// its schema written as schema.sql (and as a directory layout); the
// autogenerate comparison of schema.sql with X must be empty (the next
// `revision` writes nothing); the baseline revision applied to a fresh
// database must match schema.sql (`check --dev` is clean); and schema.sql
// loaded into a fresh database must dump exactly as X does. dir receives
// the written files.
func (r *Harness) Adopt(ctx context.Context, c Case, id, dir string) Result {
	res := Result{Case: c}
	fail := func(status, detail string) Result {
		res.Status, res.Detail = status, detail
		return res
	}
	ac, err := r.startAdopt(ctx, c, "adopt", id)
	defer ac.cleanup(ctx)
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	base := ac.db("b")
	filter := &scope.Filter{VersionTable: VersionTable}
	cat, err := autogenerate.ReadCurrent(ctx, ac.x, filter)
	if err != nil {
		return fail("ERROR introspect", err.Error())
	}
	stmts, err := schemawrite.Statements(cat)
	if err != nil {
		return fail("FAIL write: "+firstLine(err.Error()), err.Error())
	}
	file := filepath.Join(dir, "schema.sql")
	if err := os.WriteFile(file, schemawrite.File(stmts), 0o644); err != nil {
		return fail("ERROR write", err.Error())
	}
	split := filepath.Join(dir, "schema")
	if err := os.MkdirAll(split, 0o755); err != nil {
		return fail("ERROR write", err.Error())
	}
	for p, data := range schemawrite.Dir(stmts) {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(split, p)), 0o755); err != nil {
			return fail("ERROR write", err.Error())
		}
		if err := os.WriteFile(filepath.Join(split, p), data, 0o644); err != nil {
			return fail("ERROR write", err.Error())
		}
	}

	// The next `autogen revision` finds nothing, from either layout.
	desired, err := autogenerate.ReadDesired(ctx, file, filter)
	if err != nil {
		src, _ := os.ReadFile(file)
		return fail("FAIL read schema.sql: "+firstLine(err.Error()), err.Error()+"\n"+string(src))
	}
	if cmp, err := autogenerate.Compare(cat, desired, autogenerate.Options{}); err != nil {
		return fail("ERROR diff", err.Error())
	} else if len(cmp.Up) > 0 {
		return fail("FAIL revision: changes detected", describe(cmp.Up))
	}
	fromDir, err := autogenerate.ReadDesired(ctx, split, filter)
	if err != nil {
		return fail("FAIL read schema/: "+firstLine(err.Error()), err.Error())
	}
	if cmp, err := autogenerate.Compare(desired, fromDir, autogenerate.Options{}); err != nil {
		return fail("ERROR diff", err.Error())
	} else if len(cmp.Up) > 0 {
		return fail("FAIL directory layout differs", describe(cmp.Up))
	}

	// check --dev: the baseline revision on a fresh database gives
	// schema.sql.
	baseline, err := autogenerate.Compare(&model.Catalog{}, cat, autogenerate.Options{})
	if err != nil {
		return fail("ERROR diff", err.Error())
	}
	if err := tempdb.CreateDatabase(ctx, r.AdminURL, base); err != nil {
		return fail("ERROR setup", err.Error())
	}
	baseConn, err := pgx.Connect(ctx, WithDatabase(r.AdminURL, base))
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	defer baseConn.Close(context.WithoutCancel(ctx))
	if err := applyBaseline(ctx, baseConn, baseline); err != nil {
		return fail("FAIL baseline: "+firstLine(err.Error()), err.Error())
	}
	after, err := autogenerate.ReadCurrent(ctx, baseConn, filter)
	if err != nil {
		return fail("ERROR introspect", err.Error())
	}
	if cmp, err := autogenerate.Compare(after, desired, autogenerate.Options{}); err != nil {
		return fail("ERROR diff", err.Error())
	} else if len(cmp.Up) > 0 {
		return fail("FAIL check --dev: drift after the baseline", describe(cmp.Up))
	}

	// schema.sql, loaded into a fresh database, is the original schema.
	src, _ := os.ReadFile(file)
	return fail(ac.loadCompare(ctx, file, string(src)))
}

// adoptCase is the database X a case's adoption reads, loaded from b.sql,
// with its dump, and the other databases the adoption creates.
type adoptCase struct {
	r          *Harness
	prefix, id string
	xURL, want string
	// x is the session that loaded X, left open for the case.
	x   *pgx.Conn
	dbs []string
}

// startAdopt creates X from the case's b.sql and dumps it.
func (r *Harness) startAdopt(ctx context.Context, c Case, prefix, id string) (*adoptCase, error) {
	ac := &adoptCase{r: r, prefix: prefix, id: id}
	var err error
	b := filepath.Join(c.Dir, "b.sql")
	name := ac.db("x")
	ac.xURL = WithDatabase(r.AdminURL, name)
	if ac.x, err = r.createDB(ctx, name, b); err != nil {
		return ac, err
	}
	ac.want, err = r.freshDump(ctx, b, ac.x)
	return ac, err
}

// db names one of the case's databases and remembers it for cleanup.
func (ac *adoptCase) db(role string) string {
	name := ac.prefix + "_" + role + "_" + ac.id
	ac.dbs = append(ac.dbs, name)
	return name
}

func (ac *adoptCase) cleanup(ctx context.Context) {
	if ac.x != nil {
		ac.x.Close(context.WithoutCancel(ctx))
	}
	for _, db := range ac.dbs {
		tempdb.DropDatabase(context.WithoutCancel(ctx), ac.r.AdminURL, db)
	}
}

// loadCompare loads the written schema file into a fresh database and
// compares its dump with X's: the result's status and detail (with log).
func (ac *adoptCase) loadCompare(ctx context.Context, file, log string) (string, string) {
	load, err := ac.r.createDB(ctx, ac.db("l"), file)
	if err != nil {
		return "FAIL load schema.sql: " + firstLine(err.Error()), err.Error()
	}
	defer load.Close(context.WithoutCancel(ctx))
	got, err := ac.r.Dumper.DumpConn(ctx, load)
	if err != nil {
		return "ERROR dump", err.Error()
	}
	if why := Compare(ac.want, got); why != "" {
		return "FAIL dump (" + why + ")", LineDiff(ac.want, got) + "\n" + log
	}
	return "PASS", ""
}

// applyBaseline applies a baseline's upgrade as a revision, through the
// migrate runtime as a compiled revision file would.
func applyBaseline(ctx context.Context, conn *pgx.Conn, cmp *autogenerate.Result) error {
	reg := revision.NewRegistry()
	reg.Add(&revision.Revision{
		ID: "ba5e11e00001", Message: "baseline",
		Upgrade: func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, cmp.UpPlan.Ops()...) },
	})
	run, err := migrate.New(reg, migrate.WithVersionTable(VersionTable))
	if err != nil {
		return err
	}
	if _, err := run.Upgrade(ctx, conn, "head"); err != nil {
		stmts, _ := cmp.UpPlan.SQL()
		return fmt.Errorf("%w\n%s;", err, strings.Join(stmts, ";\n"))
	}
	return nil
}

// Adopt adopts a case's b.sql through the compiled CLI, as a user would:
// `autogen init --from-database` on database X loaded from b.sql, then
// `autogen revision` must find nothing, `autogen check --dev-url` must be
// clean, and the schema.sql written, loaded into a fresh database, must
// dump as X does.
func (r *CLI) Adopt(ctx context.Context, c Case, id string) Result {
	res := Result{Case: c}
	fail := func(status, detail string) Result {
		res.Status, res.Detail = status, detail
		return res
	}
	ac, err := r.startAdopt(ctx, c, "adoptcli", id)
	defer ac.cleanup(ctx)
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	xURL := ac.xURL
	work, err := os.MkdirTemp("", "autogen-adopt-")
	if err != nil {
		return fail("ERROR setup", err.Error())
	}
	defer os.RemoveAll(work)
	var log strings.Builder
	run := func(args ...string) error {
		ctx, cancel := context.WithTimeout(ctx, r.Timeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, r.Bin, args...)
		cmd.Dir = work
		cmd.Env = append(append(os.Environ(), r.Env...), "DATABASE_URL="+xURL)
		out, err := cmd.CombinedOutput()
		fmt.Fprintf(&log, "$ autogen %s\n%s", strings.Join(args, " "), out)
		return err
	}
	if err := run("init", "--from-database"); err != nil {
		return fail("FAIL init --from-database: "+err.Error(), log.String())
	}
	if err := run("revision", "-m", "next"); err != nil || !strings.Contains(log.String(), "No changes in schema detected") {
		return fail(fmt.Sprintf("FAIL revision: not empty (%v)", err), log.String())
	}
	if err := run("check", "--dev-url", r.AdminURL); err != nil {
		return fail("FAIL check --dev: "+err.Error(), log.String())
	}
	return fail(ac.loadCompare(ctx, filepath.Join(work, "schema.sql"), log.String()))
}
