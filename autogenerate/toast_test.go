package autogenerate

import "testing"

// TestToastParametersOfAKeptToastTable: a table whose last column stored
// out of line was dropped keeps its TOAST table and that table's storage
// parameters, which pg_dump and init --from-database write on the table
// as it is now, of fixed-length columns. Read back, PostgreSQL would drop
// them, and so does schema.sql's reader: the comparison must not take
// them for a change (no statement could make the database match).
func TestToastParametersOfAKeptToastTable(t *testing.T) {
	_, current := loaded(t, `CREATE TABLE kept (id int, note text) WITH (toast.autovacuum_enabled = false);
ALTER TABLE kept DROP COLUMN note;`)
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
