package corpus

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

const adoptKnownFile = "../../testdata/corpus/adopt_known_failures.txt"

// TestCorpusAdopt adopts every corpus case's b.sql, and every hostile
// pair's (testdata/hostile), as `autogen init --from-database` would (Harness.Adopt), in parallel. It fails when a case
// not listed in adopt_known_failures.txt fails, and when a listed case
// passes; -update rewrites the list.
func TestCorpusAdopt(t *testing.T) {
	root := Root("../..")
	cases, err := Cases(root)
	if err != nil {
		t.Fatalf("reading the corpus at %s: %v", root, err)
	}
	// The hostile pairs' targets are adopted too: they hold what real
	// schemas hold and the corpus rarely does.
	hostile, err := os.ReadDir(hostileDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range hostile {
		if e.IsDir() {
			cases = append(cases, Case{Name: "hostile/" + e.Name(), Dir: filepath.Join(hostileDir, e.Name())})
		}
	}
	// Noop cases repeat their b.sql as a.sql; every b.sql is adopted once.
	seen := map[string]bool{}
	cases = slices.DeleteFunc(cases, func(c Case) bool {
		data, err := os.ReadFile(filepath.Join(c.Dir, "b.sql"))
		key := string(data)
		dup := err == nil && seen[key]
		seen[key] = true
		return dup || (*only != "" && !strings.Contains(c.Name, *only))
	})
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper}
	expected := readKnown(t, adoptKnownFile)
	tmp := t.TempDir()
	out := runAll(cases, 3, func(ctx context.Context, c Case, id string) Result {
		dir := filepath.Join(tmp, id)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return Result{Case: c, Status: "ERROR setup", Detail: err.Error()}
		}
		return r.Adopt(ctx, c, id, dir)
	})
	passed := 0
	var lines []string
	for _, res := range out {
		if res.Passed() {
			passed++
		} else {
			lines = append(lines, res.Case.Name+"\t"+res.Status)
		}
		reason, listed := expected[res.Case.Name]
		switch {
		case !res.Passed() && !listed && *only == "" && !*update:
			t.Errorf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		case !res.Passed() && (!listed || *only != ""):
			t.Logf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		case res.Passed() && listed && !*update:
			t.Errorf("%s now adopts cleanly; remove it from %s (it was listed as: %s)", res.Case.Name, adoptKnownFile, reason)
		}
	}
	msg := fmt.Sprintf("%d of %d schemas adopt", passed, len(out))
	t.Log(msg)
	fmt.Println(msg)
	if *update && *only == "" {
		header := "# Corpus b.sql schemas that `init --from-database` does not adopt cleanly yet; TestCorpusAdopt keeps this list honest.\n" +
			"# Format: case<TAB>status<TAB>reason\n"
		if err := os.WriteFile(adoptKnownFile, []byte(header+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readKnown reads a known-failures file: "case<TAB>reason" lines.
func readKnown(t *testing.T, file string) map[string]string {
	out := map[string]string{}
	f, err := os.Open(file)
	if os.IsNotExist(err) {
		return out
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, "\t")
		out[name] = reason
	}
	return out
}

// adoptCLICases are adopted through the compiled CLI as well: a spread of
// object kinds, quoted names and several schemas.
var adoptCLICases = []string{
	"migra/everything",
	"migra/enumdefaults",
	"migra/partitioning",
	"migra/constraints",
	"migra/triggers",
}

// TestCorpusAdoptCLI adopts a handful of corpus schemas through the real
// commands (CLI.Adopt).
func TestCorpusAdoptCLI(t *testing.T) {
	root := Root("../..")
	all, err := Cases(root)
	if err != nil {
		t.Fatalf("reading the corpus at %s: %v", root, err)
	}
	var cases []Case
	for _, c := range all {
		if slices.Contains(adoptCLICases, c.Name) && (*only == "" || strings.Contains(c.Name, *only)) {
			cases = append(cases, c)
		}
	}
	if *only == "" && len(cases) != len(adoptCLICases) {
		t.Fatalf("found %d of the %d cases %v", len(cases), len(adoptCLICases), adoptCLICases)
	}
	cli := newCLI(t, root)
	for _, res := range runAll(cases, 2, cli.Adopt) {
		if !res.Passed() {
			t.Errorf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		}
	}
}
