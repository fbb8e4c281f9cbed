package corpus

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
)

const (
	hostileDir   = "../../testdata/hostile"
	hostileKnown = "../../testdata/hostile/known_failures.txt"
)

// TestHostileRoundTrip runs the schema pairs sessions wrote as hostile
// users (testdata/hostile/<case>/a.sql and b.sql: odd names, pg_dump
// output, objects that depend on what changes) through the same round
// trip as the corpus. Each found a bug once or guards a shape the corpus
// lacks; a case failing that known_failures.txt does not list fails the
// test, and so does a listed one that passes.
func TestHostileRoundTrip(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	var cases []Case
	for _, e := range entries {
		if e.IsDir() && (*only == "" || strings.Contains(e.Name(), *only)) {
			cases = append(cases, Case{Name: e.Name(), Dir: filepath.Join(hostileDir, e.Name())})
		}
	}
	if len(cases) == 0 {
		t.Fatal("no hostile cases found")
	}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper, ColumnOrder: migrate.ColumnOrderExact}
	expected := readKnown(t, hostileKnown)
	passed := 0
	for _, res := range runAll(cases, 3, r.Run) {
		reason, listed := expected[res.Case.Name]
		switch {
		case res.Passed() && listed:
			t.Errorf("%s now passes; remove it from %s (it was listed as: %s)", res.Case.Name, hostileKnown, reason)
		case res.Passed():
			passed++
		case !listed:
			t.Errorf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		}
	}
	for name := range expected {
		if !slices.ContainsFunc(cases, func(c Case) bool { return c.Name == name }) && *only == "" {
			t.Errorf("%s lists %s, which is not a case", hostileKnown, name)
		}
	}
	t.Logf("%d of %d hostile cases round-trip", passed, len(cases))
}
