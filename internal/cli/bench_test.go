package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/cli"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// benchRevisions is how many one-statement revisions the upgrade
// benchmark applies.
const benchRevisions = 200

// BenchmarkRunnerOverhead measures what autogen adds to the SQL of a
// migration: `autogen upgrade head` over 200 revisions of one small
// statement each with a warm runner cache, the same statements run bare
// through pgx (one transaction each, as the runner does), and the latency
// of `autogen current`. Run it with
//
//	go test ./internal/cli -run '^$' -bench RunnerOverhead -benchtime 5x
//
// It reports ms/revision for the upgrade and overhead-ms/revision, the
// upgrade's time beyond the bare SQL. The targets are under 5 ms of
// overhead per revision and under 300 ms for current.
func BenchmarkRunnerOverhead(b *testing.B) {
	root, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	url := pgtest.NewDB(b)
	dir := b.TempDir()
	env := map[string]string{
		"AUTOGEN_SOURCE":    root,
		"AUTOGEN_CACHE_DIR": filepath.Join(dir, "cache"),
		"DATABASE_URL":      url,
	}
	run := func(args ...string) {
		b.Helper()
		var out bytes.Buffer
		app := &cli.App{Stdin: bytes.NewReader(nil), Stdout: &out, Stderr: &out, Cwd: filepath.Join(dir, "app"),
			Getenv: func(k string) string {
				if v, ok := env[k]; ok {
					return v
				}
				return os.Getenv(k)
			}}
		if code := app.Run(args); code != 0 {
			b.Fatalf("autogen %v exited with %d:\n%s", args, code, out.String())
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "app"), 0o755); err != nil {
		b.Fatal(err)
	}
	run("init", "-q")
	for i := 1; i <= benchRevisions; i++ {
		parent := ""
		if i > 1 {
			parent = fmt.Sprintf("%q", fmt.Sprintf("%012d", i-1))
		}
		src := fmt.Sprintf(benchRevision, i, parent, i, i, i)
		name := filepath.Join(dir, "app", "migrations", fmt.Sprintf("%012d_bench.go", i))
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	run("heads") // builds the runner, so every timed command finds it cached

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer conn.Close(ctx)

	var upgrade, bare time.Duration
	b.Run("upgrade-head", func(b *testing.B) {
		upgrade = 0
		for b.Loop() {
			start := time.Now()
			run("upgrade", "head", "-q")
			upgrade += time.Since(start)
			b.StopTimer()
			run("downgrade", "base", "-q")
			b.StartTimer()
		}
		upgrade /= time.Duration(b.N)
		b.ReportMetric(ms(upgrade)/benchRevisions, "ms/revision")
	})
	b.Run("bare-sql", func(b *testing.B) {
		bare = 0
		for b.Loop() {
			start := time.Now()
			for i := 1; i <= benchRevisions; i++ {
				err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
					_, err := tx.Exec(ctx, fmt.Sprintf("CREATE TABLE t_%04d (id integer)", i))
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			bare += time.Since(start)
			b.StopTimer()
			for i := 1; i <= benchRevisions; i++ {
				if _, err := conn.Exec(ctx, fmt.Sprintf("DROP TABLE t_%04d", i)); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
		}
		bare /= time.Duration(b.N)
		b.ReportMetric(ms(bare)/benchRevisions, "ms/revision")
		b.ReportMetric(ms(upgrade-bare)/benchRevisions, "overhead-ms/revision")
	})
	run("upgrade", "head", "-q")
	b.Run("current", func(b *testing.B) {
		start := time.Now()
		for b.Loop() {
			run("current")
		}
		b.ReportMetric(ms(time.Since(start)/time.Duration(b.N)), "ms/op")
	})
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// benchRevision is one revision file of the benchmark: a single CREATE
// TABLE and its DROP.
const benchRevision = `package migrations

import (
	"context"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func init() {
	Registry.Add(&revision.Revision{
		ID:      "%012d",
		Revises: []string{%s},
		Message: "bench %d",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.CreateTable{Name: "t_%04d", Columns: []op.Column{{Name: "id", Type: "integer"}}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropTable{Name: "t_%04d"})
		},
	})
}
`
