package examples

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/cli"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestNotes checks the sqlc example (examples/notes), whose queries sqlc
// generates from the schema.sql autogen reads: the generated code is what
// sqlc generates today (`go tool sqlc diff`, with sqlc pinned as a tool of
// the example's module); the service builds, migrates a fresh database at
// startup and runs the generated queries on it; and autogen's revisions
// produce exactly schema.sql (`autogen check --dev`).
func TestNotes(t *testing.T) {
	dir, err := filepath.Abs("notes")
	if err != nil {
		t.Fatal(err)
	}
	sqlc := exec.Command("go", "tool", "sqlc", "diff")
	sqlc.Dir = dir
	if out, err := sqlc.CombinedOutput(); err != nil {
		t.Fatalf("go tool sqlc diff: the code in notes/db is not what sqlc generates from schema.sql and queries.sql (run go tool sqlc generate): %v\n%s", err, out)
	}

	bin := filepath.Join(t.TempDir(), "notes")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building notes: %v\n%s", err, out)
	}
	url := pgtest.NewDB(t)
	notes := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("notes %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	notes("add", "ada", "first note")
	notes("add", "ada", "remember this", "--pinned")
	notes("add", "grace", "elsewhere")
	if got, want := notes("list", "ada"), "* 2 remember this\n  1 first note\n"; got != want {
		t.Errorf("notes list ada = %q, want %q", got, want)
	}
	if got := notes("migrate", "current"); !strings.Contains(got, "5a1e00000002 (head)") {
		t.Errorf("notes migrate current = %q", got)
	}

	var out bytes.Buffer
	a := &cli.App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Cwd: dir, Getenv: os.Getenv}
	if code := a.Run([]string{"check", "--dev-url", pgtest.AdminURL(t)}); code != 0 {
		t.Errorf("autogen check --dev exited %d:\n%s", code, out.String())
	}
}
