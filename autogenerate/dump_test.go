package autogenerate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestDumpReadsBack loads a database holding one of everything autogen
// models (testdata/dump/everything.sql, owners and privileges included),
// dumps it with pg_dump, and uses each dump as schema.sql: it must read
// with no error and give no change against the database, whether the dump
// is plain --schema-only output or starts by dropping everything it
// creates (--clean, with and without --if-exists).
func TestDumpReadsBack(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "testdata", "dump", "everything.sql"))
	if err != nil {
		t.Fatal(err)
	}
	url, current := loaded(t, string(src))
	for _, flags := range [][]string{{"--schema-only"}, {"--schema-only", "--clean"}, {"--schema-only", "--clean", "--if-exists"}} {
		name := "pg_dump " + strings.Join(flags, " ")
		t.Run(strings.Join(flags, " "), func(t *testing.T) {
			dump := pgtest.Dump(t, url, flags...)
			desired, err := ddlparse.Parse(name, dump)
			if err != nil {
				t.Fatalf("reading %s: %v", name, err)
			}
			res, err := Compare(current.Clone(), desired, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range res.Up {
				t.Errorf("%s as schema.sql: %s", name, c.Describe())
			}
		})
	}
	// The dump's privileges are read, not taken from the database: a dump
	// without one of its grants takes the grant back.
	dump := string(pgtest.Dump(t, url, "--schema-only"))
	const grant = "GRANT SELECT ON TABLE app.open_orders TO autogen_reader;\n"
	if !strings.Contains(dump, grant) {
		t.Fatalf("the dump has no %q", grant)
	}
	desired, err := ddlparse.Parse("edited dump", []byte(strings.Replace(dump, grant, "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Compare(current.Clone(), desired, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Up {
		got = append(got, c.Describe())
	}
	if want := "revoked SELECT from autogen_reader on view 'app.open_orders'"; len(got) != 1 || got[0] != want {
		t.Errorf("without one grant: got %q, want %q", got, want)
	}
}
