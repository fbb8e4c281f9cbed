package corpus

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/tempdb"
)

const cliCasesFile = "../../testdata/corpus/cli_cases.txt"

// TestCorpusCLI runs a selection of corpus cases, spread over the object
// kinds, through the compiled CLI and the shared workflow script: the real
// init, revision, upgrade, check and downgrade commands. Every selected case
// must round-trip.
func TestCorpusCLI(t *testing.T) {
	root := Root("../..")
	all, err := Cases(root)
	if err != nil {
		t.Fatalf("reading the corpus at %s: %v", root, err)
	}
	byName := map[string]Case{}
	for _, c := range all {
		byName[c.Name] = c
	}
	f, err := os.Open(cliCasesFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []Case
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name := strings.TrimSpace(sc.Text())
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		c, ok := byName[name]
		if !ok {
			t.Fatalf("%s lists %q, which is not a corpus case", cliCasesFile, name)
		}
		if *only == "" || strings.Contains(name, *only) {
			cases = append(cases, c)
		}
	}
	if *only == "" && len(cases) < 20 {
		t.Fatalf("only %d cases go through the CLI; at least 20 must", len(cases))
	}

	cli := newCLI(t, root)
	out := runAll(cases, 2, cli.Run)
	passed := 0
	for _, res := range out {
		if res.Passed() {
			passed++
			continue
		}
		t.Errorf("%s: %s\n%s", res.Case.Name, res.Status, indent(res.Detail))
	}
	msg := fmt.Sprintf("%d of %d cases round-trip through the CLI", passed, len(cases))
	t.Log(msg)
	fmt.Println(msg)
}

// buildAutogen builds cmd/autogen into dir/bin and returns that directory
// and the repository's, for the tests that run it as users do.
func buildAutogen(t *testing.T, dir string) (bin, repo string) {
	t.Helper()
	repo, _ = filepath.Abs("../..")
	bin = filepath.Join(dir, "bin")
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "autogen"), "./cmd/autogen")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building autogen: %v\n%s", err, out)
	}
	return bin, repo
}

// newCLI builds autogen and returns a CLI runner whose commands run it
// offline, with a runner cache of their own.
func newCLI(t *testing.T, root string) *CLI {
	t.Helper()
	tmp := t.TempDir()
	bin, repo := buildAutogen(t, tmp)
	pgbin, err := tempdb.FindBinaries()
	if err != nil {
		t.Fatal(err)
	}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	return &CLI{
		Harness: Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper},
		Script:  filepath.Join(root, "..", "tools", "roundtrip-examples", "autogen-workflow.sh"),
		Bin:     filepath.Join(bin, "autogen"),
		Env: []string{
			"PATH=" + bin + string(os.PathListSeparator) + pgbin + string(os.PathListSeparator) + os.Getenv("PATH"),
			"AUTOGEN_SOURCE=" + repo,
			"RT_STATE=" + filepath.Join(tmp, "state"),
			"AUTOGEN_CACHE_DIR=" + filepath.Join(tmp, "cache"),
			// Generated projects resolve modules from the local cache only,
			// so the test runs offline.
			"GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off",
		},
		Timeout: 120 * time.Second,
	}
}
