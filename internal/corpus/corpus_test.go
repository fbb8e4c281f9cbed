package corpus

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

var (
	only    = flag.String("case", "", "run only the corpus cases whose name contains this")
	results = flag.String("results", os.Getenv("AUTOGEN_CORPUS_RESULTS"), "directory to write each case's status and diffs to")
	update  = flag.Bool("update", false, "rewrite testdata/corpus/known_failures.txt from this run")
)

const knownFile = "../../testdata/corpus/known_failures.txt"

// known reads the expected failures of the round trip.
func known(t *testing.T) map[string]string { return readKnown(t, knownFile) }

// TestCorpusRoundTrip runs every corpus case through the autogenerate
// workflow in-process and compares dumps as the shared oracle does. It fails
// when a case that is not listed in known_failures.txt fails, and when a
// listed case passes (so the list only shrinks).
func TestCorpusRoundTrip(t *testing.T) {
	root := Root("../..")
	cases, err := Cases(root)
	if err != nil {
		t.Fatalf("reading the corpus at %s: %v", root, err)
	}
	if *only != "" {
		cases = slices.DeleteFunc(cases, func(c Case) bool { return !strings.Contains(c.Name, *only) })
	}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper}
	expected := known(t)

	out := runAll(cases, 3, r.Run)

	passed := 0
	byKind := map[string][2]int{}
	var lines []string
	for _, res := range out {
		if res.Passed() {
			passed++
		}
		for _, k := range res.Case.Kinds {
			v := byKind[k]
			v[1]++
			if res.Passed() {
				v[0]++
			}
			byKind[k] = v
		}
		reason, listed := expected[res.Case.Name]
		switch {
		case !res.Passed() && !listed && *only == "" && !*update:
			t.Errorf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		case !res.Passed() && !listed:
			t.Logf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
		case res.Passed() && listed && !*update:
			t.Errorf("%s now passes; remove it from %s (it was listed as: %s)", res.Case.Name, knownFile, reason)
		}
		if !res.Passed() {
			lines = append(lines, res.Case.Name+"\t"+res.Status)
		}
		if *results != "" {
			dir := filepath.Join(*results, strings.ReplaceAll(res.Case.Name, "/", "__"))
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "status"), []byte(res.Status+"\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "detail"), []byte(res.Detail), 0o644)
		}
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var summary strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&summary, "  %-18s %d/%d\n", k, byKind[k][0], byKind[k][1])
	}
	t.Logf("by kind changed (passed/total):\n%s", summary.String())
	msg := fmt.Sprintf("%d of %d cases round-trip", passed, len(cases))
	t.Log(msg)
	fmt.Println(msg)
	if *update && *only == "" {
		header := "# Corpus cases that do not round-trip yet, with the reason; TestCorpusRoundTrip keeps this list honest.\n"
		if err := os.WriteFile(knownFile, []byte(header+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func indent(s string) string {
	if len(s) > 4000 {
		s = s[:4000] + "\n…"
	}
	return "    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ")
}

// runAll runs cases with at most n at a time, keeping their order in the
// results. Each case gets an id that keeps its databases apart.
func runAll(cases []Case, n int, run func(context.Context, Case, string) Result) []Result {
	ctx := context.Background()
	out := make([]Result, len(cases))
	var wg sync.WaitGroup
	sem := make(chan struct{}, n)
	for i, c := range cases {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			out[i] = run(ctx, c, fmt.Sprintf("%d_%d", os.Getpid(), i))
		}()
	}
	wg.Wait()
	return out
}
