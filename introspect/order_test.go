package introspect_test

import (
	"context"
	"testing"

	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

// TestColumnsArriveInAnyOrder reads a table whose catalog rows come back
// out of column order, as they do when the planner scans pg_attribute
// whole (a large or much-changed catalog): an update of a column's row
// (here its statistics target) moves the row behind the others'. What is
// read with the table's columns (a statistics object lists its columns in
// the table's order) must not depend on the order the rows arrive in. The
// session's planner settings reach Inspect's transaction, which forces
// that plan on a small catalog; this once made TestReadersAgree fail now
// and then on statistics.sql.
func TestColumnsArriveInAnyOrder(t *testing.T) {
	const sql = `CREATE TABLE zips (city text, state text, zip text, pop integer);
ALTER TABLE zips ALTER COLUMN city SET STATISTICS 200;
CREATE STATISTICS zips_pair ON state, city FROM zips;`
	conn := connect(t, sql)
	ctx := context.Background()
	for _, s := range []string{"SET enable_indexscan = off", "SET enable_bitmapscan = off", "SET enable_nestloop = off"} {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	fromDB, err := introspect.Inspect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	fromFile, err := ddlparse.Parse("zips.sql", []byte(sql))
	if err != nil {
		t.Fatal(err)
	}
	want, got := statistics(fromFile), statistics(fromDB)
	if want == "" || got != want {
		t.Errorf("the statistics object reads as\n  %s\nfrom the catalog, as\n  %s\nfrom the SQL", got, want)
	}
}

// statistics returns the definition of the catalog's one statistics object.
func statistics(c *model.Catalog) string {
	for _, d := range c.Definitions {
		if d.ID.Kind == model.KindStatistics {
			return d.Create.SQL
		}
	}
	return ""
}
