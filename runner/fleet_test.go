package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// fleetApp is the name every fleet test connection carries, so that a
// revision can count the fleet's sessions on its server.
const fleetApp = "autogen_fleet_test"

// fleetRevisions returns five revisions: r1 creates items, r2 adds a
// column, r3 makes v NOT NULL (failing on a database holding a NULL), r4
// indexes v, r5 adds a table. r2 records, per server port, the most fleet
// sessions it saw at work at once (not idle: a session whose client closed
// it stays listed, idle, until its backend exits).
func fleetRevisions(most *sync.Map) *revision.Registry {
	reg := revision.NewRegistry()
	add := func(id, parent, up, down string, hook func(context.Context, *revision.Migration) error) {
		var revises []string
		if parent != "" {
			revises = []string{parent}
		}
		reg.Add(&revision.Revision{
			ID: id, Revises: revises, Message: "step " + id,
			Upgrade: func(ctx context.Context, m *revision.Migration) error {
				if hook != nil {
					if err := hook(ctx, m); err != nil {
						return err
					}
				}
				return m.Apply(ctx, op.Execute{SQL: up})
			},
			Downgrade: func(ctx context.Context, m *revision.Migration) error { return m.Apply(ctx, op.Execute{SQL: down}) },
		})
	}
	count := func(ctx context.Context, m *revision.Migration) error {
		if most == nil {
			return nil
		}
		var port, n int
		if err := m.QueryRow(ctx, "SELECT inet_server_port(), (SELECT count(*)::int FROM pg_stat_activity WHERE application_name = $1 AND state <> 'idle')", fleetApp).Scan(&port, &n); err != nil {
			return err
		}
		v, _ := most.LoadOrStore(port, new(atomic.Int64))
		for c := v.(*atomic.Int64); ; {
			old := c.Load()
			if int64(n) <= old || c.CompareAndSwap(old, int64(n)) {
				break
			}
		}
		return nil
	}
	add("r1", "", "CREATE TABLE items (id int PRIMARY KEY, v text)", "DROP TABLE items", nil)
	add("r2", "r1", "ALTER TABLE items ADD COLUMN w int NOT NULL DEFAULT 0", "ALTER TABLE items DROP COLUMN w", count)
	add("r3", "r2", "ALTER TABLE items ALTER v SET NOT NULL", "ALTER TABLE items ALTER v DROP NOT NULL", nil)
	add("r4", "r3", "CREATE INDEX items_v ON items (v)", "DROP INDEX items_v", nil)
	add("r5", "r4", "CREATE TABLE extra (id int)", "DROP TABLE extra", nil)
	return reg
}

// shapeSQL describes the user tables, columns and indexes of schema $1.
const shapeSQL = `SELECT coalesce(string_agg(x, '; ' ORDER BY x), '') FROM (
  SELECT format('%s.%s %s notnull=%s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull) AS x
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relname <> 'autogen_version'
  UNION ALL SELECT 'index ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relkind = 'i' AND c.relname NOT LIKE 'autogen_version%') s`

// position reads a database's (or tenant schema's) version and shape.
func readPosition(t *testing.T, url, schema string) (version, shape string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	table := pgx.Identifier{schema, "autogen_version"}.Sanitize()
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", table).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	version = "base"
	if exists {
		rows, _ := conn.Query(ctx, "SELECT version_num FROM "+table)
		ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		version = strings.Join(ids, ",")
	}
	if err := conn.QueryRow(ctx, shapeSQL, schema).Scan(&shape); err != nil {
		t.Fatal(err)
	}
	return version, shape
}

// referenceShapes applies the revisions one at a time to a fresh database
// and records the shape at every boundary.
func referenceShapes(t *testing.T, url string) map[string]string {
	t.Helper()
	ctx := context.Background()
	r, err := migrate.New(fleetRevisions(nil))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	out := map[string]string{}
	_, out["base"] = readPosition(t, url, "public")
	for _, id := range []string{"r1", "r2", "r3", "r4", "r5"} {
		if _, err := r.Upgrade(ctx, conn, id); err != nil {
			t.Fatal(err)
		}
		_, out[id] = readPosition(t, url, "public")
	}
	return out
}

// fleetDB is one database of the two-cluster test.
type fleetDB struct {
	url     string
	schemas []string // tenant schemas, or nil for the database itself
}

// units lists the database's version tables' schemas.
func (d fleetDB) units() []string {
	if d.schemas == nil {
		return []string{"public"}
	}
	return d.schemas
}

// haltAfter is standard error for runner.Main that halts a cluster once n
// of its targets reported done. It halts it before returning: the line is
// written from the fleet's scheduling goroutine, so no target starts
// meanwhile and the rest of the cluster's targets meet a stopped server,
// however fast they would have been.
type haltAfter struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	port    string
	n, seen int
	halt    func()
}

func (h *haltAfter) Write(b []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.buf.Write(b)
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "done ") && strings.Contains(line, ":"+h.port+"/") {
			h.seen++
			if h.seen == h.n {
				h.halt()
			}
		}
	}
	return len(b), nil
}

func (h *haltAfter) String() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.buf.String()
}

// TestFleetTwoClusters is the fleet's acceptance test. Two throwaway
// clusters hold 40 databases each, some with tenant schemas. A rollout of
// four revisions with --jobs 8 --per-server 4 --canary 2 --max-failures 3
// meets a target whose data makes r3 fail, and the second cluster is
// halted once 20 of its targets are done (about half). The rollout must stop as
// configured with every database at a revision boundary and the report
// naming the failed and unreached targets; after the cluster restarts and
// the data is fixed, a rerun brings every target to head without touching
// those already there.
func TestFleetTwoClusters(t *testing.T) {
	ctx := context.Background()
	var clusters [2]*tempdb.Cluster
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range clusters {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A halted server must keep what it acknowledged, as a
			// real one does: tempdb's default trades that for speed.
			clusters[i], errs[i] = tempdb.Start(ctx, tempdb.WithSetting("synchronous_commit", "on"))
		}()
	}
	wg.Wait()
	for i, c := range clusters {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		t.Cleanup(func() { c.Stop(context.Background()) })
	}
	ports := []string{strconv.Itoa(clusters[0].Port), strconv.Itoa(clusters[1].Port)}

	// 40 databases per cluster; every eighth holds two tenant schemas and
	// is migrated per tenant.
	var dbs [2][]fleetDB
	var lines [2][]string
	sem := make(chan struct{}, 4)
	var mu sync.Mutex
	for c := range clusters {
		dbs[c] = make([]fleetDB, 40)
		lines[c] = make([]string, 40)
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sem <- struct{}{}
				defer func() { <-sem }()
				name := fmt.Sprintf("shop_%c%02d", 'a'+c, i)
				err := tempdb.CreateDatabase(ctx, clusters[c].URL("postgres"), name)
				d := fleetDB{url: clusters[c].URL(name)}
				line := fmt.Sprintf("postgres://postgres@127.0.0.1:${PORT_%c}/%s?sslmode=disable&application_name=%s", 'A'+c, name, fleetApp)
				if err == nil && i%8 == 3 {
					d.schemas = []string{"tenant_x", "tenant_y"}
					err = pgtest.ExecContext(ctx, d.url, "CREATE SCHEMA tenant_x; CREATE SCHEMA tenant_y")
					line += " tenant_*"
				}
				mu.Lock()
				defer mu.Unlock()
				if err != nil {
					t.Error(err)
				}
				dbs[c][i], lines[c][i] = d, line
			}()
		}
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}
	refDB := "shop_ref"
	if err := tempdb.CreateDatabase(ctx, clusters[0].URL("postgres"), refDB); err != nil {
		t.Fatal(err)
	}
	ref := referenceShapes(t, clusters[0].URL(refDB))

	// Cluster A's targets are listed in the fleet's urls, cluster B's in a
	// file; both name the port through a variable.
	file := filepath.Join(t.TempDir(), "shards.txt")
	if err := os.WriteFile(file, []byte("# cluster B\n"+strings.Join(lines[1], "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	spec, _ := json.Marshal(FleetSpec{Name: "shops", URLs: lines[0], File: file, MaxFailures: new(int)})
	env := map[string]string{FleetEnv: string(spec), "PORT_A": ports[0], "PORT_B": ports[1]}
	getenv := func(k string) string { return env[k] }
	most := &sync.Map{}
	reg := fleetRevisions(most)
	run := func(stderr interface{ Write([]byte) (int, error) }, args ...string) (int, string) {
		var stdout bytes.Buffer
		code := Main(reg, args, WithIO(strings.NewReader(""), &stdout, stderr), WithGetenv(getenv))
		return code, stdout.String()
	}

	// Everything to r1 (no failure limit, from the spec), then rows: one
	// database holds a NULL that r3 cannot accept.
	var out bytes.Buffer
	if code, _ := run(&out, "upgrade", "r1", "--fleet", "shops", "--jobs", "8"); code != 0 {
		t.Fatalf("upgrade r1: exit %d\n%s", code, out.String())
	}
	bad := dbs[0][4]
	for c := range dbs {
		for _, d := range dbs[c] {
			for _, s := range d.units() {
				v := "'x'"
				if d.url == bad.url {
					v = "NULL"
				}
				pgtest.Exec(t, d.url, fmt.Sprintf("INSERT INTO %s.items VALUES (1, %s)", s, v))
			}
		}
	}

	// The rollout: cluster B is halted once 20 of its targets are done (about half).
	halted := make(chan error, 1)
	stderr := &haltAfter{port: ports[1], n: 20, halt: func() { halted <- clusters[1].Halt(context.Background()) }}
	start := time.Now()
	code, stdout := run(stderr, "upgrade", "head", "--fleet", "shops", "--jobs", "8", "--per-server", "4", "--canary", "2",
		"--max-failures", "3", "--format", "json")
	t.Logf("rollout took %s", time.Since(start))
	if err := <-halted; err != nil {
		t.Fatal(err)
	}
	if code != exitcode.Migration {
		t.Errorf("exit %d, want %d (the first failure is r3's)\n%s", code, exitcode.Migration, stderr)
	}
	var rep fleetOut
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if !strings.Contains(rep.Stopped, "failure limit of 3") {
		t.Errorf("stopped %q", rep.Stopped)
	}
	byLabel := map[string]fleetTargetJSON{}
	for _, r := range rep.Targets {
		byLabel[r.Target+schemaSuffix(r.Schema)] = r
	}
	label := func(c, i int, schema string) string {
		return fmt.Sprintf("127.0.0.1:%s/shop_%c%02d%s", ports[c], 'a'+c, i, schemaSuffix(schema))
	}
	// The canaries are the first two targets; the bad one failed at r3.
	for i := range 2 {
		if r := byLabel[label(0, i, "")]; r.State != "done" {
			t.Errorf("canary %d: %+v", i, r)
		}
	}
	if r := byLabel[label(0, 4, "")]; r.State != "failed" || !strings.Contains(r.Error, "contains null values") ||
		strings.Join(r.From, ",") != "r1" || strings.Join(r.To, ",") != "r2" {
		t.Errorf("the bad target: %+v", r)
	}
	unreachedB := 0
	for _, r := range rep.Targets {
		if r.Server == "127.0.0.1:"+ports[1] && r.State == "failed" {
			unreachedB++
			if r.Error == "" {
				t.Errorf("%s failed without an error", r.Target)
			}
		}
	}
	if unreachedB == 0 || rep.Summary["not_started"] == 0 {
		t.Errorf("summary %v with %d failed targets on the halted cluster: the rollout should have stopped", rep.Summary, unreachedB)
	}
	most.Range(func(port, n any) bool {
		got := n.(*atomic.Int64).Load()
		t.Logf("server %d: at most %d fleet sessions at work at once", port, got)
		if got > 4 || got < 2 {
			t.Errorf("server %d had %d fleet sessions at once; want 2 to 4 (--per-server 4)", port, got)
		}
		return true
	})

	// Every database is at a revision boundary, the halted cluster's once
	// it is back; the report agrees with the database.
	if err := clusters[1].Restart(ctx); err != nil {
		t.Fatal(err)
	}
	atHead := map[string]bool{}
	xmins := map[string]string{}
	for c := range dbs {
		for i, d := range dbs[c] {
			for _, s := range d.units() {
				version, shape := readPosition(t, d.url, s)
				if ref[version] != shape {
					t.Errorf("%s/%s: at %s with shape\n  %s\nwant\n  %s", d.url, s, version, shape, ref[version])
				}
				schema := ""
				if d.schemas != nil {
					schema = s
				}
				r, ok := byLabel[label(c, i, schema)]
				if !ok {
					r = byLabel[label(c, i, "")]
				}
				if r.To != nil && strings.Join(r.To, ",") != version && r.State != "not_started" {
					t.Errorf("%s: the report says %v, the database %s", label(c, i, schema), r.To, version)
				}
				if version == "r5" {
					atHead[label(c, i, schema)] = true
					xmins[d.url+s] = pgtest.Query(t, d.url, "SELECT xmin::text FROM "+s+".autogen_version")[0]
				}
			}
		}
	}

	// Fixed and rerun: every target reaches head; those already there are
	// skipped and untouched.
	pgtest.Exec(t, bad.url, "UPDATE items SET v = 'fixed'")
	var again bytes.Buffer
	code, stdout = run(&again, "upgrade", "--fleet", "shops", "--jobs", "8", "--per-server", "4", "--canary", "2", "--format", "json")
	if code != 0 {
		t.Fatalf("rerun: exit %d\n%s", code, again.String())
	}
	rep = fleetOut{}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Targets {
		l := r.Target + schemaSuffix(r.Schema)
		want := "done"
		if atHead[l] {
			want = "skipped"
		}
		if r.State != want || strings.Join(r.To, ",") != "r5" {
			t.Errorf("rerun %s: %s at %v, want %s at r5", l, r.State, r.To, want)
		}
		if want == "skipped" && !strings.Contains(again.String(), "skip  "+l+": already at r5\n") {
			t.Errorf("no skip line for %s", l)
		}
	}
	for c := range dbs {
		for _, d := range dbs[c] {
			for _, s := range d.units() {
				if version, shape := readPosition(t, d.url, s); version != "r5" || shape != ref["r5"] {
					t.Errorf("%s/%s after the rerun: %s, %s", d.url, s, version, shape)
				}
				if x, ok := xmins[d.url+s]; ok && pgtest.Query(t, d.url, "SELECT xmin::text FROM "+s+".autogen_version")[0] != x {
					t.Errorf("%s/%s was at head but its version table was written again", d.url, s)
				}
			}
		}
	}
}

// TestFleetOutput checks what a user sees of a fleet run that is not on a
// terminal: the header, a line per target, the table, the summary and the
// exit code; then status --fleet, grouped, in text and JSON.
func TestFleetOutput(t *testing.T) {
	urls := []string{pgtest.NewDB(t), pgtest.NewDB(t), pgtest.NewDB(t)}
	down := "postgres://app:hunter2@127.0.0.1:1/gone?sslmode=disable"
	spec, _ := json.Marshal(FleetSpec{Name: "f", URLs: append(urls, down), ConnectTimeout: "2s"})
	env := map[string]string{FleetEnv: string(spec)}
	reg := threeTables()
	name := func(i int) string {
		tg, err := migrate.NewTarget(urls[i])
		if err != nil {
			t.Fatal(err)
		}
		return tg.Name
	}

	var stderr bytes.Buffer
	stdout, code := run(t, reg, "", &stderr, env, []string{"upgrade", "--fleet", "f", "--max-failures", "0"})
	if code != exitcode.Connect {
		t.Errorf("exit %d, want %d (unreachable)", code, exitcode.Connect)
	}
	wantErr := []string{
		"Upgrading fleet f to head: 4 targets, 4 at a time\n",
		"done  " + name(0) + ": base -> c3 (3 revisions, TIME)\n",
		"FAIL  127.0.0.1:1/gone: failed to connect to `user=app database=gone`:",
		"Failed: 4 targets: 1 failed, 0 not started, 3 upgraded, 0 already there\n",
	}
	for _, w := range wantErr {
		if !strings.Contains(normalize(stderr.String()), w) {
			t.Errorf("standard error lacks %q:\n%s", w, stderr.String())
		}
	}
	if strings.Contains(stderr.String()+stdout, "hunter2") || strings.Contains(stderr.String(), "\x1b") {
		t.Errorf("a password or an escape code in the output:\n%s%s", stderr.String(), stdout)
	}
	lines := strings.Split(strings.TrimSpace(normalize(stdout)), "\n")
	if len(lines) != 5 || !regexp.MustCompile(`^TARGET +STATE +FROM -> TO +TOOK +ERROR$`).MatchString(lines[0]) ||
		!regexp.MustCompile(`^`+regexp.QuoteMeta(name(1))+` +done +base -> c3 +TIME$`).MatchString(lines[2]) ||
		!regexp.MustCompile(`^127.0.0.1:1/gone +failed +\? -> \? +TIME +failed to connect to .*refused$`).MatchString(lines[4]) {
		t.Errorf("table:\n%s", stdout)
	}

	// The JSON report has the documented fields (docs/json.md), from and
	// to null where the position is unknown.
	stdout, _ = run(t, reg, "", io.Discard, env, []string{"upgrade", "--fleet", "f", "--max-failures", "0", "--format", "json"})
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return strings.Join(ks, " ")
	}
	targets := doc["targets"].([]any)
	down0 := targets[3].(map[string]any)
	if got := keys(doc) + " | " + keys(targets[0].(map[string]any)) + " | " + keys(doc["summary"].(map[string]any)); got !=
		"command fleet goal stopped summary targets took_ms | error from moved schema server state target to took_ms | done failed not_started skipped" ||
		down0["from"] != nil || down0["to"] != nil || down0["state"] != "failed" {
		t.Errorf("fleet report:\n%s", stdout)
	}

	// A rerun skips with one line each; -q leaves the failure alone.
	stderr.Reset()
	stdout, _ = run(t, reg, "", &stderr, env, []string{"upgrade", "--fleet", "f", "--max-failures", "0", "-q"})
	if got := normalize(stderr.String()); !strings.HasPrefix(got, "FAIL  127.0.0.1:1/gone: ") || strings.Count(got, "\n") != 2 {
		t.Errorf("-q printed:\n%s", got)
	}
	stderr.Reset()
	run(t, reg, "", &stderr, env, []string{"upgrade", "--fleet", "f", "--max-failures", "0"})
	if !strings.Contains(stderr.String(), "skip  "+name(2)+": already at c3\n") {
		t.Errorf("no skip line:\n%s", stderr.String())
	}

	// status --fleet groups the targets.
	if _, code := run(t, reg, urls[1], io.Discard, nil, []string{"downgrade", "a1"}); code != 0 {
		t.Fatalf("downgrade: exit %d", code)
	}
	stderr.Reset()
	stdout, code = run(t, reg, "", &stderr, env, []string{"status", "--fleet", "f"})
	want := "heads: c3\n2 at head, 1 behind: " + name(1) + " (at a1), 1 unreachable: 127.0.0.1:1/gone\n"
	if stdout != want || code != exitcode.Connect || !strings.HasPrefix(stderr.String(), "127.0.0.1:1/gone: failed to connect") {
		t.Errorf("status --fleet: exit %d\n%s\nwant\n%s\nstderr:\n%s", code, stdout, want, stderr.String())
	}
	stdout, _ = run(t, reg, "", io.Discard, env, []string{"status", "--fleet", "f", "--format", "json"})
	var st fleetStatusOut
	if err := json.Unmarshal([]byte(stdout), &st); err != nil {
		t.Fatal(err)
	}
	doc = nil
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if got := keys(doc) + " | " + keys(doc["targets"].([]any)[0].(map[string]any)) + " | " + keys(doc["summary"].(map[string]any)); got !=
		"at_head fleet heads summary targets | changes current error pending schema server state target | at_head behind drifted failed unknown_revision unreachable" {
		t.Errorf("status report keys: %s", got)
	}
	if st.AtHead || st.Summary["behind"] != 1 || st.Summary["unreachable"] != 1 || st.Targets[1].State != "behind" ||
		st.Targets[1].Pending != 2 || strings.Join(st.Targets[1].Current, ",") != "a1" {
		t.Errorf("status JSON:\n%s", stdout)
	}
	// Without the unreachable target, behind is exit 1.
	spec, _ = json.Marshal(FleetSpec{Name: "f", URLs: urls})
	if _, code := run(t, reg, "", io.Discard, map[string]string{FleetEnv: string(spec)}, []string{"status", "--fleet", "f"}); code != exitcode.Drift {
		t.Errorf("status of a fleet with one behind: exit %d", code)
	}
}

// TestFleetUsage checks the mistakes a fleet command refuses.
func TestFleetUsage(t *testing.T) {
	spec, _ := json.Marshal(FleetSpec{Name: "f", URLs: []string{"postgres://app:${PW}@127.0.0.1:1/x"}})
	env := map[string]string{FleetEnv: string(spec)}
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"upgrade", "--jobs", "3"}, exitcode.Usage, "--jobs needs --fleet"},
		{[]string{"upgrade", "--format", "json"}, exitcode.Usage, "needs --fleet"},
		{[]string{"upgrade", "--fleet", "f", "--sql"}, exitcode.Usage, "without --fleet"},
		{[]string{"upgrade", "--fleet", "g"}, exitcode.Config, `no fleet "g"`},
		{[]string{"upgrade", "--fleet", "f"}, exitcode.Config, "PW is not set"},
		{[]string{"upgrade", "--fleet", "f", "--jobs", "0"}, exitcode.Usage, "--jobs must be at least 1"},
	} {
		var stderr bytes.Buffer
		_, code := run(t, threeTables(), "", &stderr, env, tt.args)
		if code != tt.code || !strings.Contains(stderr.String(), tt.msg) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr.String(), tt.code, tt.msg)
		}
	}
}

// TestFleetProgressLine checks the live line's counts and estimate.
func TestFleetProgressLine(t *testing.T) {
	p := &fleetProgress{total: 80, done: 12, failed: 1, running: 8}
	if got, want := p.line(13*time.Second), "[12 done, 1 failed, 8 running, 59 waiting of 80] 0:13, about 1:07 left"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
	p = &fleetProgress{total: 3, running: 3}
	if got, want := p.line(2*time.Second), "[0 done, 0 failed, 3 running, 0 waiting of 3] 0:02"; got != want {
		t.Errorf("line = %q, want %q", got, want)
	}
}
