package autogenerate

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/model"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/diff")

const goldenRoot = "../testdata/diff"

// goldenCases lists the case directories: those holding after.sql.
func goldenCases(t *testing.T) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(goldenRoot, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == "after.sql" {
			out = append(out, filepath.Dir(p))
		}
		return err
	})
	if err != nil || len(out) == 0 {
		t.Fatalf("no golden cases under %s: %v", goldenRoot, err)
	}
	return out
}

func parseFile(t *testing.T, path string) *model.Catalog {
	t.Helper()
	cat, err := ddlparse.Load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// caseID derives a stable revision id from a case's path.
func caseID(dir string) string {
	sum := sha256.Sum256([]byte(filepath.ToSlash(dir)))
	return hex.EncodeToString(sum[:6])
}

func sqlText(t *testing.T, p *plan.Plan) string {
	t.Helper()
	stmts, err := p.SQL()
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) == 0 {
		return ""
	}
	return strings.Join(stmts, ";\n\n") + ";\n"
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./autogenerate -run TestGolden -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the generated output (run with -update if the change is intended):\n--- want\n%s\n--- got\n%s", path, want, got)
	}
}

// TestGolden generates, for every case under testdata/diff, the detected
// changes, the revision file and the upgrade and downgrade SQL, compares
// them with the golden files, proves the SQL on a real database (before.sql
// plus the upgrade equals after.sql; plus the downgrade equals before.sql
// again) and compiles every generated revision.
func TestGolden(t *testing.T) {
	dirs := goldenCases(t)
	var revisions []string
	for _, dir := range dirs {
		name, _ := filepath.Rel(goldenRoot, dir)
		before := parseFile(t, filepath.Join(dir, "before.sql"))
		after := parseFile(t, filepath.Join(dir, "after.sql"))
		res, err := Compare(before, after, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var changes strings.Builder
		for _, c := range res.Up {
			fmt.Fprintf(&changes, "%T: %s\n", c, c.Describe())
		}
		golden(t, filepath.Join(dir, "changes.golden"), changes.String())
		golden(t, filepath.Join(dir, "up.sql"), sqlText(t, res.UpPlan))
		golden(t, filepath.Join(dir, "down.sql"), sqlText(t, res.DownPlan))
		spec := codegen.Spec{Package: "migrations", ID: caseID(name), Message: name,
			Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
		spec.Upgrade = codegen.FromPlan(res.UpPlan)
		spec.Downgrade = codegen.FromPlan(res.DownPlan)
		src, err := codegen.Generate(spec)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		golden(t, filepath.Join(dir, "revision.go.golden"), string(src))
		revisions = append(revisions, string(src))

		t.Run(strings.ReplaceAll(name, "/", "_"), func(t *testing.T) {
			t.Parallel()
			proveOnDatabase(t, dir, before, after, res)
		})
	}
	t.Run("compile", func(t *testing.T) { compileRevisions(t, revisions) })
}

// proveOnDatabase applies the upgrade SQL to a database loaded with
// before.sql (and the rows of data.sql, when the case has one) and checks
// it then matches after.sql, then applies the downgrade and checks it
// matches before.sql again. After each step the statements of
// probe-upgrade.sql or probe-downgrade.sql must succeed.
func proveOnDatabase(t *testing.T, dir string, before, after *model.Catalog, res *Result) {
	url := pgtest.NewDB(t)
	src, err := os.ReadFile(filepath.Join(dir, "before.sql"))
	if err != nil {
		t.Fatal(err)
	}
	pgtest.Exec(t, url, string(src))
	// Rows make the statements prove themselves on a table that holds
	// data, as in production; data.sql holds them.
	if data, err := os.ReadFile(filepath.Join(dir, "data.sql")); err == nil {
		pgtest.Exec(t, url, string(data))
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	f := &scope.Filter{}
	for _, step := range []struct {
		name string
		p    *plan.Plan
		want *model.Catalog
	}{{"upgrade", res.UpPlan, after}, {"downgrade", res.DownPlan, before}} {
		stmts, err := step.p.SQL()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Fatalf("%s: %v\n%s", step.name, err, s)
			}
		}
		// probe-<step>.sql holds statements that must succeed afterwards,
		// such as an insert that takes the next value of a sequence.
		if probe, err := os.ReadFile(filepath.Join(dir, "probe-"+step.name+".sql")); err == nil {
			if _, err := conn.Exec(ctx, string(probe)); err != nil {
				t.Fatalf("after the %s: %v\n%s", step.name, err, probe)
			}
		}
		got, err := ReadCurrent(ctx, conn, f)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Compare(got, step.want, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range again.Up {
			t.Errorf("after the %s the database still differs: %s", step.name, c.Describe())
		}
	}
}

// compileRevisions builds every generated revision in one package of a
// throwaway module that uses this checkout of autogen.
func compileRevisions(t *testing.T, revisions []string) {
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// The throwaway module lists autogen's own requirements too, so that
	// its module graph is complete without looking anything up (the test
	// runs with GOPROXY=off).
	own, err := os.ReadFile(filepath.Join(repo, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	_, requires, _ := strings.Cut(string(own), "\nrequire")
	gomod := "module goldencheck\n\ngo 1.25.0\n\nrequire github.com/autogen-dev/autogen v0.0.0-00010101000000-000000000000\n\nrequire" + requires +
		"\nreplace github.com/autogen-dev/autogen => " + repo + "\n"
	sum, err := os.ReadFile(filepath.Join(repo, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": gomod, "go.sum": string(sum),
		"migrations/registry.go": "package migrations\n\nimport \"github.com/autogen-dev/autogen/revision\"\n\nvar Registry = revision.NewRegistry()\n",
	}
	for i, r := range revisions {
		files[fmt.Sprintf("migrations/rev%02d.go", i)] = r
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command("go", "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("generated revisions do not compile: %v\n%s", err, out)
	}
}
