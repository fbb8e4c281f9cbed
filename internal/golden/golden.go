// Package golden compares test output with files under testdata. Run the
// tests with -update to rewrite the files from the current output, then
// review the diff like any other change.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// update is registered in every test binary that imports this package, so
// `go test ./op -update` rewrites the golden files of that package.
var update = flag.Bool("update", false, "rewrite golden files from the current output")

// Assert fails t unless got equals the content of the golden file at path.
// With -update it writes got to path instead.
func Assert(t testing.TB, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading golden file (run with -update to create it): %v", err)
	}
	if string(want) != got {
		t.Errorf("output differs from %s (run with -update to accept it):\n%s", path, diff(string(want), got))
	}
}

// diff returns the lines that differ, with their line numbers, which is
// enough to spot the change without an external diff tool.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 40; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		shown++
		b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
	}
	return b.String()
}
