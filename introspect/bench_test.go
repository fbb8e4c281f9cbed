package introspect_test

import (
	"context"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/benchschema"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

// peakHeap samples the live heap until stop is called and returns the
// highest value seen, in bytes.
func peakHeap() (stop func() uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak uint64
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak
	}
}

// reportPerObject reports the time per iteration divided by the number of
// objects of the schema, which stays flat across sizes when a stage is
// linear.
func reportPerObject(b *testing.B, objects int) {
	if objects > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(objects)/1e3, "µs/object")
	}
}

// BenchmarkReadMusicBrainz reads the MusicBrainz core schema at 1, 4 and
// 16 copies (375 to 6000 tables) with both readers: "parse" reads the SQL
// file with ddlparse, "inspect" reads a database holding it with Inspect,
// and "pg_dump" times the cluster's pg_dump --schema-only on that database
// for comparison. The database is loaded only for the last two.
func BenchmarkReadMusicBrainz(b *testing.B) {
	ctx := context.Background()
	for _, size := range []string{"x1", "x4", "x16"} {
		b.Run(size, func(outer *testing.B) {
			b := outer
			src := benchschema.Read(b, "core_"+size+".sql")
			parsed, err := ddlparse.Parse("core_"+size+".sql", []byte(src))
			if err != nil {
				b.Fatal(err)
			}
			objects := 0
			parsed.EachObject(func(model.Object) { objects++ })
			var dbURL string
			// The database belongs to the size's benchmark, so that it
			// outlives the repeated runs of the sub-benchmarks.
			database := func(b *testing.B) string {
				if dbURL == "" {
					dbURL = pgtest.NewDB(outer)
					pgtest.LoadPsql(b, dbURL, src)
					// A freshly loaded catalog has no statistics yet, which
					// makes the planner pick nested loops for every catalog
					// query, ours and pg_dump's; autovacuum would gather them
					// within minutes.
					if err := pgtest.ExecContext(ctx, dbURL, "ANALYZE"); err != nil {
						b.Fatal(err)
					}
				}
				return dbURL
			}
			b.Run("parse", func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				var peak uint64
				for i := 0; i < b.N; i++ {
					stop := peakHeap()
					c, err := ddlparse.Parse("core_"+size+".sql", []byte(src))
					peak = max(peak, stop())
					if err != nil {
						b.Fatal(err)
					}
					if len(c.Tables) == 0 {
						b.Fatal("no tables")
					}
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
				reportPerObject(b, objects)
			})
			b.Run("inspect", func(b *testing.B) {
				conn, err := pgx.Connect(ctx, database(b))
				if err != nil {
					b.Fatal(err)
				}
				defer conn.Close(ctx)
				b.ReportAllocs()
				b.ResetTimer()
				var stats introspect.Stats
				var peak uint64
				for i := 0; i < b.N; i++ {
					stop := peakHeap()
					c, err := introspect.Inspect(ctx, conn, introspect.WithStats(&stats))
					peak = max(peak, stop())
					if err != nil {
						b.Fatal(err)
					}
					if len(c.Tables) == 0 {
						b.Fatal("no tables")
					}
				}
				reportPerObject(b, objects)
				b.ReportMetric(float64(stats.RoundTrips)/float64(b.N), "round-trips/op")
				b.ReportMetric(float64(stats.Queries)/float64(b.N), "queries/op")
				b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			})
			b.Run("pg_dump", func(b *testing.B) {
				u := database(b)
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					if _, err := pgDump(b, u); err != nil {
						b.Fatal(err)
					}
				}
				reportPerObject(b, objects)
			})
		})
	}
}
