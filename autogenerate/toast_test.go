package autogenerate

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestToastParametersOfAKeptToastTable: a table whose last column stored
// out of line was dropped keeps its TOAST table and that table's storage
// parameters, which pg_dump and init --from-database write on the table
// as it is now, of fixed-length columns. Read back, PostgreSQL would drop
// them, and so does schema.sql's reader: the comparison must not take
// them for a change (no statement could make the database match).
func TestToastParametersOfAKeptToastTable(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, `CREATE TABLE kept (id int, note text) WITH (toast.autovacuum_enabled = false);
ALTER TABLE kept DROP COLUMN note;`)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	current, err := ReadCurrent(ctx, conn, nil)
	if err != nil {
		t.Fatal(err)
	}
	if opts := current.Tables[0].Options; len(opts) != 1 {
		t.Fatalf("the database's table has options %v, want its TOAST table's", opts)
	}
	for _, schema := range []string{
		"CREATE TABLE kept (id integer) WITH (toast.autovacuum_enabled=false);", // as written by init
		"CREATE TABLE kept (id integer);",
	} {
		res, err := Compare(current, parse(t, schema), Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Up {
			t.Errorf("%s\nchange %s", schema, c.Describe())
		}
	}
}
