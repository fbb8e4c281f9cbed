package migrate_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// fleetRegistry holds three revisions for fleet tests: r1 creates items,
// r2 makes items.v NOT NULL (failing on a database holding a NULL, and
// sleeping two seconds on one holding 'slow'), r3 indexes it.
func fleetRegistry() *revision.Registry {
	exec := func(id, parent, msg, up, down string) *revision.Revision {
		var revises []string
		if parent != "" {
			revises = []string{parent}
		}
		return &revision.Revision{
			ID: id, Revises: revises, Message: msg,
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				return m.Apply(ctx, op.Execute{SQL: up})
			},
			Downgrade: func(ctx context.Context, m *revision.Migration) error {
				return m.Apply(ctx, op.Execute{SQL: down})
			},
		}
	}
	return registry(
		exec("r1", "", "items", "CREATE TABLE items (id int PRIMARY KEY, v text)", "DROP TABLE items"),
		exec("r2", "r1", "v required",
			"SELECT pg_sleep(2) FROM items WHERE v = 'slow'; ALTER TABLE items ALTER v SET NOT NULL",
			"ALTER TABLE items ALTER v DROP NOT NULL"),
		exec("r3", "r2", "index v", "CREATE INDEX items_v ON items (v)", "DROP INDEX items_v"),
	)
}

// fleetTargets creates n databases and returns them as targets.
func fleetTargets(t *testing.T, n int) []migrate.Target {
	t.Helper()
	var out []migrate.Target
	for range n {
		tg, err := migrate.NewTarget(pgtest.NewDB(t))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, tg)
	}
	return out
}

// states renders the results as "label=state" in order, labels shortened
// to the target's index.
func states(targets []migrate.Target, rep *migrate.FleetReport) []string {
	var out []string
	for _, r := range rep.Results {
		i := slices.IndexFunc(targets, func(t migrate.Target) bool { return t.Name == r.Target.Name })
		label := fmt.Sprint(i)
		if r.Schema != "" {
			label += "/" + r.Schema
		}
		out = append(out, label+"="+r.State.String())
	}
	return out
}

// atR1 brings every target to r1 and loads a row into each, v taken from
// values (by index; "x" by default, "NULL" for a NULL).
func atR1(t *testing.T, r *migrate.Runner, targets []migrate.Target, values map[int]string) {
	t.Helper()
	if _, err := r.UpgradeFleet(context.Background(), targets, "r1", migrate.FleetOptions{}); err != nil {
		t.Fatal(err)
	}
	for i, tg := range targets {
		v := "'x'"
		if s, ok := values[i]; ok {
			v = s
		}
		pgtest.Exec(t, tg.URL, "INSERT INTO items VALUES (1, "+v+")")
	}
}

// versionXmin returns the transaction that last wrote the version table's
// row: unchanged when a rerun left the database alone.
func versionXmin(t *testing.T, url string) string {
	t.Helper()
	return pgtest.Query(t, url, "SELECT xmin::text FROM autogen_version")[0]
}

// TestFleetResume checks that a failed target stops the rollout (the
// default limit is one failure), that the failed target is left at the
// boundary before the failing revision, and that a rerun after the fix
// skips the targets at head, without writing to them, and finishes the
// rest.
func TestFleetResume(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 5)
	atR1(t, r, targets, map[int]string{2: "NULL"})

	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 1})
	eq(t, "states", states(targets, rep), []string{"0=done", "1=done", "2=failed", "3=not started", "4=not started"})
	var fe *migrate.FleetError
	if !errors.As(err, &fe) || fe.Failed != 1 || fe.NotStarted != 2 {
		t.Fatalf("error = %v, want a FleetError with 1 failed and 2 not started", err)
	}
	var re *migrate.RevisionError
	if !errors.As(err, &re) || re.Step.Revision.ID != "r2" {
		t.Errorf("error %v does not unwrap to r2's RevisionError", err)
	}
	if !strings.Contains(err.Error(), targets[2].Name) || !strings.Contains(rep.Stopped, "limit of 1") {
		t.Errorf("error %q or stop reason %q does not name the target and the limit", err, rep.Stopped)
	}
	failed := rep.Results[2]
	eq(t, "failed target's from", failed.From, []string{"r1"})
	eq(t, "failed target's to", failed.To, []string{"r1"})
	eq(t, "done target", []any{rep.Results[0].From, rep.Results[0].To, rep.Results[0].Moved}, []any{[]string{"r1"}, []string{"r3"}, 2})
	eq(t, "failed target's version table", pgtest.Query(t, targets[2].URL, "SELECT version_num FROM autogen_version"), []string{"r1"})
	eq(t, "not started target's version table", pgtest.Query(t, targets[3].URL, "SELECT version_num FROM autogen_version"), []string{"r1"})

	before := []string{versionXmin(t, targets[0].URL), versionXmin(t, targets[1].URL)}
	pgtest.Exec(t, targets[2].URL, "UPDATE items SET v = 'fixed'")
	rep, err = r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "states after the fix", states(targets, rep), []string{"0=skipped", "1=skipped", "2=done", "3=done", "4=done"})
	eq(t, "version rows of skipped targets", []string{versionXmin(t, targets[0].URL), versionXmin(t, targets[1].URL)}, before)
	for _, tg := range targets {
		eq(t, tg.Name, pgtest.Query(t, tg.URL, "SELECT version_num FROM autogen_version"), []string{"r3"})
	}
}

// TestFleetCanary checks the canary wave: targets already at the goal do
// not count, a failing canary starts nothing more, and no other target
// starts before the canaries finished.
func TestFleetCanary(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 6)
	atR1(t, r, targets, map[int]string{2: "NULL"})
	if _, err := r.UpgradeFleet(ctx, targets[:1], "head", migrate.FleetOptions{}); err != nil {
		t.Fatal(err)
	}
	ev := &events{}
	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 4, Canary: 2, MaxFailures: -1, Reporter: ev})
	if err == nil {
		t.Fatal("a failed canary is not an error")
	}
	// Target 0 is at head: the canaries are 1 and 2, and 2 fails.
	eq(t, "states", states(targets, rep), []string{"0=skipped", "1=done", "2=failed", "3=not started", "4=not started", "5=not started"})
	if !strings.Contains(rep.Stopped, "canary "+targets[2].Name) {
		t.Errorf("stop reason %q does not name the failed canary", rep.Stopped)
	}

	// Fixed, the canaries succeed and only then do the others start.
	pgtest.Exec(t, targets[2].URL, "UPDATE items SET v = 'fixed'")
	if _, err := r.UpgradeFleet(ctx, targets[1:3], "r1", migrate.FleetOptions{}); err != nil {
		t.Fatal(err)
	}
	r2 := newRunner(t, fleetRegistry())
	if _, err := r2.DowngradeFleet(ctx, targets[1:2], "r1", migrate.FleetOptions{}); err != nil {
		t.Fatal(err)
	}
	ev = &events{}
	rep, err = r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 4, Canary: 2, Reporter: ev})
	if err != nil {
		t.Fatal(err)
	}
	eq(t, "states", states(targets, rep), []string{"0=skipped", "1=done", "2=done", "3=done", "4=done", "5=done"})
	// 0 (skipped), 1 and 2 (the canaries) finish before 3, 4, 5 start.
	for _, late := range targets[3:] {
		for _, canary := range targets[1:3] {
			if ev.index("start "+late.Name) < ev.index("done "+canary.Name) {
				t.Errorf("%s started before the canary %s finished: %v", late.Name, canary.Name, ev.log)
			}
		}
	}
}

// events records a FleetReporter's calls and the most targets running at
// once, overall and per server.
type events struct {
	mu       sync.Mutex
	log      []string
	running  map[string]int
	most     int
	mostPer  int
	inFlight int
}

func (e *events) TargetStarted(t migrate.Target) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.running == nil {
		e.running = map[string]int{}
	}
	e.log = append(e.log, "start "+t.Name)
	e.inFlight++
	e.running[t.Server]++
	e.most = max(e.most, e.inFlight)
	e.mostPer = max(e.mostPer, e.running[t.Server])
}

func (e *events) TargetDone(t migrate.Target, _ []migrate.TargetResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.log = append(e.log, "done "+t.Name)
	e.inFlight--
	e.running[t.Server]--
}

func (e *events) index(entry string) int { return slices.Index(e.log, entry) }

// TestFleetMaxFailures checks that the rollout starts nothing new once the
// failures reach the limit, while a target already running finishes.
func TestFleetMaxFailures(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 7)
	atR1(t, r, targets, map[int]string{0: "'slow'", 1: "NULL", 3: "NULL", 5: "NULL"})

	// Jobs 2: 0 (slow) and 1 start; 1 fails at once, reaching the limit;
	// 0 still finishes.
	rep, _ := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 2})
	eq(t, "limit 1", states(targets, rep), []string{"0=done", "1=failed", "2=not started", "3=not started", "4=not started", "5=not started", "6=not started"})

	// One at a time, a limit of 2 lets the rollout go past the first
	// failure and stop at the second.
	rep, _ = r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 1, MaxFailures: 2})
	eq(t, "limit 2", states(targets, rep), []string{"0=skipped", "1=failed", "2=done", "3=failed", "4=not started", "5=not started", "6=not started"})

	// No limit: everything is tried.
	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 3, MaxFailures: -1})
	eq(t, "no limit", states(targets, rep), []string{"0=skipped", "1=failed", "2=skipped", "3=failed", "4=done", "5=failed", "6=done"})
	var fe *migrate.FleetError
	if !errors.As(err, &fe) || fe.Failed != 3 || fe.NotStarted != 0 || rep.Stopped != "" {
		t.Errorf("error = %v, stopped %q", err, rep.Stopped)
	}
}

// TestFleetParallelism checks the bounds: at most Jobs targets at once,
// PerServer per server.
func TestFleetParallelism(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 8)
	for i := range targets {
		targets[i].Server = fmt.Sprint("server", i%2)
	}
	ev := &events{}
	if _, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 3, PerServer: 1, Reporter: ev}); err != nil {
		t.Fatal(err)
	}
	if ev.most > 2 || ev.mostPer != 1 {
		t.Errorf("ran %d at once, %d on one server; want at most 2 (two servers, one each) and 1", ev.most, ev.mostPer)
	}
	ev = &events{}
	if _, err := r.DowngradeFleet(ctx, targets, "base", migrate.FleetOptions{Jobs: 3, Reporter: ev}); err != nil {
		t.Fatal(err)
	}
	if ev.most > 3 || ev.most < 2 {
		t.Errorf("ran %d at once with Jobs 3", ev.most)
	}
	for _, tg := range targets {
		if n := pgtest.Query(t, tg.URL, "SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public' AND tablename = 'items'"); n[0] != "0" {
			t.Errorf("%s still has items after downgrade base", tg.Name)
		}
	}
}

// TestFleetUnreachable checks that a target whose server refuses
// connections, and one whose server never answers, fail in bounded time
// with the host named and the password masked, and do not stop the others
// with no limit.
func TestFleetUnreachable(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 2)

	// A port nothing listens on, and a listener that accepts connections
	// but never speaks PostgreSQL.
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedAddr := closed.Addr().String()
	closed.Close()
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	for _, addr := range []string{closedAddr, silent.Addr().String()} {
		tg, err := migrate.NewTarget("postgres://app:sup3r-secret@" + addr + "/shop?sslmode=disable")
		if err != nil {
			t.Fatal(err)
		}
		targets = append(targets, tg)
	}
	start := time.Now()
	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{MaxFailures: -1, ConnectTimeout: 500 * time.Millisecond})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("the rollout took %s: an unreachable target must not hang it", took)
	}
	eq(t, "states", states(targets, rep), []string{"0=done", "1=done", "2=failed", "3=failed"})
	for _, res := range rep.Results[2:] {
		msg := res.Err.Error()
		if !strings.Contains(msg, res.Target.Server) || strings.Contains(msg, "sup3r-secret") {
			t.Errorf("error %q must name %s and hide the password", msg, res.Target.Server)
		}
		if res.From != nil || res.To != nil {
			t.Errorf("an unreachable target has a position: %v -> %v", res.From, res.To)
		}
	}
	if strings.Contains(err.Error(), "sup3r-secret") {
		t.Errorf("the fleet error shows the password: %v", err)
	}
}

// TestFleetLockTimeout checks both lock waits of a target: for the
// migration lock another migration holds, and for a table lock an
// application's transaction holds. Each fails after the timeout, leaving
// the target where it was.
func TestFleetLockTimeout(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 2)
	atR1(t, r, targets, map[int]string{0: "'slow'"})

	// Target 0: a migration of its own is running r2, which sleeps.
	other := make(chan error, 1)
	go func() {
		conn, err := pgx.Connect(ctx, targets[0].URL)
		if err != nil {
			other <- err
			return
		}
		defer conn.Close(ctx)
		_, err = newRunner(t, fleetRegistry()).Upgrade(ctx, conn, "r2")
		other <- err
	}()
	waitFor(t, connect(t, targets[0].URL), "the other migration's lock", "SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory' AND granted")
	// Target 1: an application holds a lock on items.
	app := connect(t, targets[1].URL)
	tx, err := app.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "LOCK TABLE items IN ACCESS SHARE MODE"); err != nil {
		t.Fatal(err)
	}

	rep, _ := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 2, MaxFailures: -1, LockTimeout: 200 * time.Millisecond})
	eq(t, "states", states(targets, rep), []string{"0=failed", "1=failed"})
	if !errors.Is(rep.Results[0].Err, migrate.ErrLockTimeout) {
		t.Errorf("target 0: %v, want ErrLockTimeout", rep.Results[0].Err)
	}
	var pg *pgconn.PgError
	if !errors.As(rep.Results[1].Err, &pg) || pg.Code != "55P03" {
		t.Errorf("target 1: %v, want lock_timeout's 55P03", rep.Results[1].Err)
	}
	eq(t, "target 1 stays at", rep.Results[1].To, []string{"r1"})
	if err := <-other; err != nil {
		t.Fatal(err)
	}
}

// TestFleetSchemas checks targets that stand for their tenant schemas: a
// result per schema, and a database without a matching schema failing.
func TestFleetSchemas(t *testing.T) {
	ctx := context.Background()
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 3)
	pgtest.Exec(t, targets[0].URL, "CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b")
	targets[0].Schemas = []string{"tenant_*"}
	targets[1].Schemas = []string{"tenant_*"}
	rep, err := r.UpgradeFleet(ctx, targets, "r1", migrate.FleetOptions{Jobs: 1, MaxFailures: -1})
	eq(t, "states", states(targets, rep), []string{"0/tenant_a=done", "0/tenant_b=done", "1=failed", "2=done"})
	if !errors.Is(err, migrate.ErrNoSchema) {
		t.Errorf("error %v, want ErrNoSchema", err)
	}
	eq(t, "tenant_b", pgtest.Query(t, targets[0].URL, "SELECT version_num FROM tenant_b.autogen_version"), []string{"r1"})
	if rep.Results[1].Label() != targets[0].Name+"/tenant_b" {
		t.Errorf("label %q", rep.Results[1].Label())
	}

	// A failing tenant stops its database's remaining tenants.
	pgtest.Exec(t, targets[0].URL, "INSERT INTO tenant_a.items VALUES (1, NULL)")
	rep, _ = r.UpgradeFleet(ctx, targets[:1], "head", migrate.FleetOptions{})
	eq(t, "a failing tenant", states(targets, rep), []string{"0/tenant_a=failed", "0/tenant_b=not started"})
	rep, _ = r.UpgradeFleet(ctx, targets[:1], "head", migrate.FleetOptions{OnError: migrate.ContinueOnError})
	eq(t, "continue on error", states(targets, rep), []string{"0/tenant_a=failed", "0/tenant_b=done"})

	sts := r.StatusFleet(ctx, targets, migrate.FleetOptions{})
	var got []string
	for _, s := range sts {
		got = append(got, fmt.Sprintf("%s pending=%d err=%v", strings.TrimPrefix(s.Label(), targets[0].Name), s.Pending, s.Err != nil))
	}
	eq(t, "status", got[:2], []string{"/tenant_a pending=2 err=false", "/tenant_b pending=0 err=false"})
	if !errors.Is(sts[2].Err, migrate.ErrNoSchema) || sts[3].Pending != 2 {
		t.Errorf("status of targets 1 and 2: %+v, %+v", sts[2], sts[3])
	}
}

// TestFleetInterrupted checks that cancelling the context stops the
// rollout: nothing new starts, and the report says so.
func TestFleetInterrupted(t *testing.T) {
	r := newRunner(t, fleetRegistry())
	targets := fleetTargets(t, 4)
	atR1(t, r, targets, map[int]string{0: "'slow'"})
	ctx, cancel := context.WithCancel(context.Background())
	ev := &cancelOnStart{cancel: cancel}
	rep, err := r.UpgradeFleet(ctx, targets, "head", migrate.FleetOptions{Jobs: 1, Reporter: ev})
	if err == nil || rep.Stopped != "interrupted" {
		t.Fatalf("err %v, stopped %q", err, rep.Stopped)
	}
	eq(t, "states", states(targets, rep), []string{"0=failed", "1=not started", "2=not started", "3=not started"})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not say it was cancelled", err)
	}
	eq(t, "target 0 is still at", pgtest.Query(t, targets[0].URL, "SELECT version_num FROM autogen_version"), []string{"r1"})
}

// cancelOnStart cancels the run as soon as the first target started.
type cancelOnStart struct{ cancel func() }

func (c *cancelOnStart) TargetStarted(migrate.Target) {
	go func() { time.Sleep(300 * time.Millisecond); c.cancel() }()
}
func (c *cancelOnStart) TargetDone(migrate.Target, []migrate.TargetResult) {}

// TestFleetSources checks the three target sources and ${VAR} expansion.
func TestFleetSources(t *testing.T) {
	ctx := context.Background()
	urls := []string{pgtest.NewDB(t), pgtest.NewDB(t), pgtest.NewDB(t)}
	env := map[string]string{"SHARD_URL": urls[0], "PW": "s3cret"}
	getenv := func(k string) string { return env[k] }

	// A list with a variable, a file with comments and schemas.
	file := filepath.Join(t.TempDir(), "targets.txt")
	if err := os.WriteFile(file, []byte("# shards\n\n"+urls[1]+" tenant_*,legacy\n"+urls[0]+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := migrate.FleetSource{URLs: []string{"${SHARD_URL}"}, File: file, Schemas: []string{"app_*"}}.Targets(ctx, getenv)
	if err != nil {
		t.Fatal(err)
	}
	want0, _ := migrate.NewTarget(urls[0], "app_*")
	want1, _ := migrate.NewTarget(urls[1], "tenant_*", "legacy")
	eq(t, "targets", got, []migrate.Target{want0, want1})
	if !strings.HasPrefix(got[0].Name, "127.0.0.1:") || got[0].Server != strings.Split(got[0].Name, "/")[0] {
		t.Errorf("name %q, server %q", got[0].Name, got[0].Server)
	}

	_, err = migrate.FleetSource{URLs: []string{"postgres://app:${NOPE}@db/x"}}.Targets(ctx, getenv)
	if err == nil || !strings.Contains(err.Error(), "NOPE is not set") {
		t.Errorf("an unset variable: %v", err)
	}
	_, err = migrate.FleetSource{File: file + ".missing"}.Targets(ctx, getenv)
	if err == nil {
		t.Error("a missing file is no error")
	}
	if err := os.WriteFile(file, []byte(urls[0]+"\nhost=db dbname=x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := (migrate.FleetSource{File: file}).Targets(ctx, getenv); err == nil || !strings.Contains(err.Error(), "targets.txt:2:") {
		t.Errorf("a bad line: %v", err)
	}
}

// TestFleetControlQuery takes the targets from a tenant registry in a
// control database, as host, port and dbname with the control database's
// credentials, and rolls them out.
func TestFleetControlQuery(t *testing.T) {
	ctx := context.Background()
	control := pgtest.NewDB(t)
	targets := fleetTargets(t, 3)
	pgtest.Exec(t, targets[2].URL, "CREATE SCHEMA tenant_x")
	pgtest.Exec(t, control, "CREATE TABLE tenants (id int, slug text, db_host text, db_port int, db_name text, layout text, active bool)")
	for i, tg := range targets {
		cfg, err := pgx.ParseConfig(tg.URL)
		if err != nil {
			t.Fatal(err)
		}
		layout := "NULL"
		if i == 2 {
			layout = "'tenant_*'"
		}
		pgtest.Exec(t, control, fmt.Sprintf("INSERT INTO tenants VALUES (%d, 'acme%d', '%s', %d, '%s', %s, %v)",
			i, i, cfg.Host, cfg.Port, cfg.Database, layout, i != 1))
	}
	src := migrate.FleetSource{
		ControlURL: "${REGISTRY_URL}",
		Query:      "SELECT db_host AS host, db_port AS port, db_name AS dbname, layout AS schemas, slug AS name FROM tenants WHERE active ORDER BY id",
	}
	got, err := src.Targets(ctx, func(k string) string { return map[string]string{"REGISTRY_URL": control}[k] })
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, tg := range got {
		names = append(names, tg.Name+" "+strings.Join(tg.Schemas, ","))
	}
	eq(t, "targets", names, []string{"acme0 ", "acme2 tenant_*"})
	r := newRunner(t, fleetRegistry())
	rep, err := r.UpgradeFleet(ctx, got, "head", migrate.FleetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, res := range rep.Results {
		labels = append(labels, res.Label()+" "+res.State.String())
	}
	eq(t, "results", labels, []string{"acme0 done", "acme2/tenant_x done"})
	eq(t, "tenant_x", pgtest.Query(t, targets[2].URL, "SELECT version_num FROM tenant_x.autogen_version"), []string{"r3"})

	// One column is the URL; an unknown column is refused.
	got, err = migrate.FleetSource{ControlURL: control, Query: fmt.Sprintf("SELECT '%s'", targets[1].URL)}.Targets(ctx, os.Getenv)
	if err != nil || len(got) != 1 || got[0].URL != targets[1].URL {
		t.Errorf("one column: %v, %v", got, err)
	}
	_, err = migrate.FleetSource{ControlURL: control, Query: "SELECT db_host AS host, db_name AS database FROM tenants"}.Targets(ctx, os.Getenv)
	if err == nil || !strings.Contains(err.Error(), `unknown column "database"`) {
		t.Errorf("an unknown column: %v", err)
	}
}
