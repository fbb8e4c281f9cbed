package bench

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/benchschema"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/tempdb"
)

// autogenBinary builds cmd/autogen once per process, as users run it.
var autogenBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "autogen-bench-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "autogen")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/autogen")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %w\n%s", err, out)
	}
	return bin, nil
})

// run is one process's figures.
type run struct {
	wall, user time.Duration
	rssMiB     float64
}

// timed runs a command to completion and returns its wall time, user CPU
// time and peak resident set size.
func timed(b *testing.B, cmd *exec.Cmd) run {
	b.Helper()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out.String())
	}
	wall := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return run{wall: wall, user: time.Duration(ru.Utime.Nano()), rssMiB: float64(ru.Maxrss) / 1024}
}

// median returns the median of the runs' values.
func median(rs []run, f func(run) float64) float64 {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// BenchmarkProcess runs `autogen diff` with no change as a whole process
// (the binary users run: start, read schema.sql and the database, compare,
// print) beside `pg_dump --schema-only` of the same database, one after the
// other in each iteration, on the MusicBrainz core schema at 1, 4 and 16
// copies (375 to 6000 tables). It reports the median wall seconds of
// each, their ratio (the goal is at most 0.5), autogen's peak RSS (the
// goal at 16x is under 100 MiB), its user CPU, and its wall and CPU time
// per schema object, which stay flat across sizes when every stage is
// linear. `autogen revision` with one added column and one index is timed
// too, against diff (the goal is within 10%). The machine's other load
// shows in wall times: compare user CPU where it is noisy.
func BenchmarkProcess(b *testing.B) {
	bin, err := autogenBinary()
	if err != nil {
		b.Fatalf("building autogen: %v", err)
	}
	bindir, err := tempdb.FindBinaries()
	if err != nil {
		b.Fatal(err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		b.Fatal(err)
	}
	for _, size := range []string{"x1", "x4", "x16"} {
		b.Run(size, func(b *testing.B) {
			schema := benchschema.Path(b, "core_"+size+".sql")
			changed := benchschema.Path(b, "core_"+size+"_change.sql")
			src, err := os.ReadFile(schema)
			if err != nil {
				b.Fatal(err)
			}
			cat, err := ddlparse.Parse(schema, src)
			if err != nil {
				b.Fatal(err)
			}
			objects := float64(len(cat.Objects()))
			dbURL := pgtest.NewDB(b)
			pgtest.LoadPsql(b, dbURL, string(src))
			// Fresh catalogs have no statistics, and without them catalog
			// queries (ours and pg_dump's) plan badly; autovacuum would
			// gather them within minutes.
			pgtest.Exec(b, dbURL, "ANALYZE")
			u, err := url.Parse(dbURL)
			if err != nil {
				b.Fatal(err)
			}
			project := filepath.Join(b.TempDir(), "app")
			env := append(os.Environ(), "DATABASE_URL="+dbURL, "AUTOGEN_SOURCE="+root,
				"AUTOGEN_CACHE_DIR="+filepath.Join(b.TempDir(), "cache"))
			autogen := func(args ...string) *exec.Cmd {
				cmd := exec.Command(bin, args...)
				cmd.Dir, cmd.Env = project, env
				return cmd
			}
			if err := os.MkdirAll(project, 0o755); err != nil {
				b.Fatal(err)
			}
			timed(b, autogen("init", "-q"))
			migrations := filepath.Join(project, "migrations")
			before, err := os.ReadDir(migrations)
			if err != nil {
				b.Fatal(err)
			}
			var diffs, dumps, revisions []run
			b.ResetTimer()
			for b.Loop() {
				dump := exec.Command(filepath.Join(bindir, "pg_dump"), "--schema-only", "-f", os.DevNull, strings.TrimPrefix(u.Path, "/"))
				dump.Env = append(os.Environ(), pgtest.PGEnv(b)...)
				dumps = append(dumps, timed(b, dump))
				diffs = append(diffs, timed(b, autogen("diff", "--schema", schema)))
				revisions = append(revisions, timed(b, autogen("revision", "-m", "bench", "--schema", changed)))
				// The next revision starts from the same project.
				after, err := os.ReadDir(migrations)
				if err != nil {
					b.Fatal(err)
				}
				if len(after) != len(before)+1 {
					b.Fatalf("autogen revision wrote %d files, want 1", len(after)-len(before))
				}
				for _, e := range after {
					if !slices.ContainsFunc(before, func(x os.DirEntry) bool { return x.Name() == e.Name() }) {
						if err := os.Remove(filepath.Join(migrations, e.Name())); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
			b.StopTimer()
			wall := func(r run) float64 { return r.wall.Seconds() }
			user := func(r run) float64 { return r.user.Seconds() }
			diff, dump := median(diffs, wall), median(dumps, wall)
			b.ReportMetric(diff, "diff-s")
			b.ReportMetric(dump, "pg_dump-s")
			b.ReportMetric(diff/dump, "diff/pg_dump")
			b.ReportMetric(median(diffs, func(r run) float64 { return r.rssMiB }), "diff-peak-RSS-MiB")
			b.ReportMetric(median(diffs, user), "diff-user-s")
			b.ReportMetric(median(dumps, user), "pg_dump-user-s")
			b.ReportMetric(diff/objects*1e6, "diff-µs/object")
			b.ReportMetric(median(diffs, user)/objects*1e6, "diff-user-µs/object")
			b.ReportMetric(median(revisions, wall)/diff, "revision/diff")
			b.ReportMetric(objects, "objects")
		})
	}
}
