package ddlparse_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/ddlparse"
)

// benchSchemas holds the MusicBrainz schema at three sizes; see its
// source.txt. AUTOGEN_BENCH_SCHEMAS points elsewhere.
func benchSchemas() string {
	if d := os.Getenv("AUTOGEN_BENCH_SCHEMAS"); d != "" {
		return d
	}
	return "/work/shared/bench-schemas/musicbrainz"
}

// readSchema returns core_x<n>.sql, decompressing the .gz forms.
func readSchema(b *testing.B, size string) []byte {
	dir := benchSchemas()
	if src, err := os.ReadFile(filepath.Join(dir, "core_"+size+".sql")); err == nil {
		return src
	}
	f, err := os.Open(filepath.Join(dir, "core_"+size+".sql.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	src, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

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

// BenchmarkReadMusicBrainz parses the MusicBrainz core schema at 1, 4 and
// 16 copies (375 to 6000 tables).
func BenchmarkReadMusicBrainz(b *testing.B) {
	for _, size := range []string{"x1", "x4", "x16"} {
		b.Run(size+"/parse", func(b *testing.B) {
			src := readSchema(b, size)
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var peak uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				stop := peakHeap()
				c, err := ddlparse.Parse("core_"+size+".sql", bytes.Clone(src))
				peak = max(peak, stop())
				if err != nil {
					b.Fatal(err)
				}
				if len(c.Tables) == 0 {
					b.Fatal("no tables")
				}
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		})
	}
}
