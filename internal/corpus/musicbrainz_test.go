package corpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/tempdb"
)

// TestMusicBrainzOracle takes an empty database to the full upstream
// MusicBrainz schema and back through the shared round-trip oracle
// (../shared/tools/roundtrip) and the CLI workflow script: revision,
// upgrade head, check (clean), then downgrade base, each compared by
// pg_dump with the database loaded from the file. The schema holds what a
// real application's does: an aggregate, a text search configuration over
// an extension's dictionary, constraint triggers, an ICU collation, a C
// function, 375 tables.
func TestMusicBrainzOracle(t *testing.T) {
	shared := filepath.Join(Root("../.."), "..")
	schema := filepath.Join(shared, "bench-schemas", "musicbrainz", "full_x1.sql")
	if d := os.Getenv("AUTOGEN_BENCH_SCHEMAS"); d != "" {
		schema = filepath.Join(d, "full_x1.sql")
	}
	src, err := os.ReadFile(schema)
	if err != nil {
		t.Fatalf("the MusicBrainz schema is missing (%v); set AUTOGEN_BENCH_SCHEMAS", err)
	}
	tmp := t.TempDir()
	caseDir := filepath.Join(tmp, "cases", "musicbrainz")
	if err := os.MkdirAll(caseDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(caseDir, "a.sql"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(caseDir, "b.sql"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	bin, repo := buildAutogen(t, tmp)
	pgbin, err := tempdb.FindBinaries()
	if err != nil {
		t.Fatal(err)
	}
	results := filepath.Join(tmp, "results")
	cmd := exec.Command("bash", filepath.Join(shared, "tools", "roundtrip"),
		"--cmd", filepath.Join(shared, "tools", "roundtrip-examples", "autogen-workflow.sh"),
		"--exclude-table", "autogen_version", "--timeout", "900", "--results", results, filepath.Join(tmp, "cases"))
	cmd.Env = append(os.Environ(), pgtest.PGEnv(t)...)
	cmd.Env = append(cmd.Env,
		"PATH="+bin+string(os.PathListSeparator)+pgbin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"AUTOGEN_SOURCE="+repo,
		"RT_STATE="+filepath.Join(tmp, "state"),
		"AUTOGEN_CACHE_DIR="+filepath.Join(tmp, "cache"),
		// The generated project resolves modules from the local cache
		// only, so the test runs offline.
		"GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off")
	out, err := cmd.CombinedOutput()
	status := string(out)
	if err != nil || !strings.Contains(status, "musicbrainz: PASS up+down") || !strings.Contains(status, "1 passed, 0 failed") {
		var detail strings.Builder
		for _, f := range []string{"up.diff", "down.diff", "cmd-up.log", "cmd-down.log"} {
			if b, err := os.ReadFile(filepath.Join(results, "musicbrainz", f)); err == nil {
				text := string(b)
				if len(text) > 6000 {
					text = text[len(text)-6000:]
				}
				detail.WriteString("--- " + f + "\n" + text + "\n")
			}
		}
		t.Fatalf("the oracle: %v\n%s\n%s", err, status, detail.String())
	}
	t.Log(strings.TrimSpace(status))
}
