package ddlparse_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
)

// TestFiles checks what a schema directory holds: .sql files in any case,
// through symbolic links to directories (a loop is walked once), without
// editors' dot-files and dot-directories; and that a directory with none
// is an error, since an empty schema would drop every table.
func TestFiles(t *testing.T) {
	root := t.TempDir()
	write := func(name string) {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("-- x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"a.sql", "B.SQL", "notes.txt", "schema.sql~", ".#lock.sql", ".history/a_1.sql", "sub/c.Sql", "shared/d.sql"} {
		write(f)
	}
	if err := os.Symlink(filepath.Join(root, "shared"), filepath.Join(root, "sub", "linked")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(root, filepath.Join(root, "shared", "loop")); err != nil {
		t.Fatal(err)
	}
	got, err := ddlparse.Files(root)
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		got[i], _ = filepath.Rel(root, got[i])
	}
	want := []string{"B.SQL", "a.sql", "shared/d.sql", "sub/c.Sql"}
	if !slices.Equal(got, want) {
		t.Errorf("Files = %q, want %q", got, want)
	}

	empty := t.TempDir()
	if err := os.WriteFile(filepath.Join(empty, "README.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ddlparse.Files(empty); !errors.Is(err, ddlparse.ErrNoFiles) {
		t.Errorf("a directory without SQL files: got %v, want ErrNoFiles", err)
	}
}
