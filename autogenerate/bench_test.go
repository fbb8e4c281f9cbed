package autogenerate

import (
	"context"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/internal/benchschema"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/model"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// loadDB creates a database holding the schema file.
func loadDB(b *testing.B, file string) *pgx.Conn {
	b.Helper()
	url := pgtest.NewDB(b)
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	pgtest.LoadPsql(b, url, string(src))
	// Fresh catalogs have no statistics; autovacuum would gather them in
	// minutes, and without them catalog queries plan badly.
	pgtest.Exec(b, url, "ANALYZE")
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// peakRSS reports the process's peak resident set size in MiB.
func peakRSS() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024
}

var sizes = []string{"x1", "x4", "x16"}

// reportPerObject reports the time per iteration divided by the number of
// objects of the schema (Catalog.Objects: tables, columns, constraints,
// indexes...), which stays flat across sizes when every stage is linear.
func reportPerObject(b *testing.B, cat *model.Catalog) {
	n := 0
	cat.EachObject(func(model.Object) { n++ })
	if n > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n)/1e3, "µs/object")
	}
}

// compareOnce does what both commands do first: parse the schema files,
// introspect the database, and compare both ways.
func compareOnce(b *testing.B, ctx context.Context, conn *pgx.Conn, file string) *Result {
	f := &scope.Filter{VersionTable: "public.autogen_version"}
	desired, err := ReadDesired(ctx, file, f)
	if err != nil {
		b.Fatal(err)
	}
	current, err := ReadCurrent(ctx, conn, f)
	if err != nil {
		b.Fatal(err)
	}
	rep, err := settle.Settle(ctx, conn, current, desired, settle.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(rep.Disputed()), "disputed-exprs")
	res, err := Compare(current, desired, Options{})
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkCheck measures what `autogen check` does when nothing changed:
// introspect the database, parse the schema files, let the server settle
// the expressions the readers spell differently (disputed-exprs counts
// them; near zero means the offline rules agree with the server), compare
// both ways.
func BenchmarkCheck(b *testing.B) {
	for _, size := range sizes {
		b.Run(size, func(b *testing.B) {
			file := benchschema.Path(b, "core_"+size+".sql")
			conn := loadDB(b, file)
			ctx := context.Background()
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			var last *Result
			for b.Loop() {
				last = compareOnce(b, ctx, conn, file)
				if !last.InSync() {
					b.Fatalf("spurious changes on an unchanged schema: %d, first: %s", len(last.Up), last.Up[0].Describe())
				}
			}
			b.ReportMetric(peakRSS(), "peak-RSS-MiB")
			reportPerObject(b, last.Desired)
		})
	}
}

// BenchmarkRevision measures `autogen revision` for one added column and
// one added index: read both sides, compare, plan and generate the file.
func BenchmarkRevision(b *testing.B) {
	for _, size := range sizes {
		b.Run(size, func(b *testing.B) {
			conn := loadDB(b, benchschema.Path(b, "core_"+size+".sql"))
			changed := benchschema.Path(b, "core_"+size+"_change.sql")
			ctx := context.Background()
			runtime.GC()
			b.ReportAllocs()
			b.ResetTimer()
			var last *Result
			for b.Loop() {
				res := compareOnce(b, ctx, conn, changed)
				last = res
				if len(res.Up) != 2 {
					var got []string
					for _, c := range res.Up {
						got = append(got, c.Describe())
					}
					b.Fatalf("want an added column and an added index, got %d changes: %s", len(res.Up), strings.Join(got, "; "))
				}
				spec := codegen.Spec{Package: "migrations", ID: "b0000000000b", Message: "bench", Created: time.Unix(0, 0).UTC()}
				spec.Upgrade = codegen.FromPlan(res.UpPlan)
				spec.Downgrade = codegen.FromPlan(res.DownPlan)
				if _, err := codegen.Generate(spec); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(peakRSS(), "peak-RSS-MiB")
			reportPerObject(b, last.Desired)
		})
	}
}
