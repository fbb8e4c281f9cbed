// Package benchschema gives benchmarks the MusicBrainz schema files at 1,
// 4 and 16 copies (see source.txt beside them), in the shared directory
// next to the checkout, or where AUTOGEN_BENCH_SCHEMAS points.
package benchschema

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// Dir is the directory of the schema files. The default is relative to a
// package directory one level below the module root, where benchmarks run.
func Dir() string {
	if d := os.Getenv("AUTOGEN_BENCH_SCHEMAS"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "shared", "bench-schemas", "musicbrainz")
}

// Path returns the absolute path of an uncompressed copy of a schema file
// (core_x16.sql, ...): the file itself, or its .gz form decompressed into
// a temporary directory of tb.
func Path(tb testing.TB, name string) string {
	tb.Helper()
	p := filepath.Join(Dir(), name)
	if _, err := os.Stat(p); err == nil {
		abs, err := filepath.Abs(p)
		if err != nil {
			tb.Fatal(err)
		}
		return abs
	}
	f, err := os.Open(p + ".gz")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(tb.TempDir(), name)
	w, err := os.Create(out)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := io.Copy(w, zr); err != nil {
		w.Close()
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// Read returns the text of a schema file.
func Read(tb testing.TB, name string) string {
	tb.Helper()
	src, err := os.ReadFile(Path(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return string(src)
}
