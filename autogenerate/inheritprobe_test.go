package autogenerate

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestDroppedParentColumnProbesOnlyTheRowsThatLoseIt: dropping a column of
// an inheritance parent drops it from the children that only inherit it,
// and leaves it, with its values, to a child that defines it itself (and
// to that child's own children). The data guard must look for values in
// the rows that lose them, not refuse because a keeping child holds some.
func TestDroppedParentColumnProbesOnlyTheRowsThatLoseIt(t *testing.T) {
	const keep = `CREATE TABLE own (id int, old int) INHERITS (base);
CREATE TABLE own_kid () INHERITS (own);
CREATE TABLE plain () INHERITS (base);
`
	before := "CREATE TABLE base (id int, old int);\n" + keep
	after := "CREATE TABLE base (id int);\n" + keep
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, before+"INSERT INTO own VALUES (1, 4); INSERT INTO own_kid VALUES (2, 5); INSERT INTO plain VALUES (3, NULL);")
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	res, err := Compare(parse(t, before), parse(t, after), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ops := res.UpPlan.Ops()
	if losses, _, err := guard.Check(ctx, conn, ops, guard.Options{}); err != nil || len(losses) != 0 {
		t.Fatalf("Check = %v, %v; want nothing: own and own_kid keep their values, plain's are NULL", losses, err)
	}
	for _, q := range []string{"INSERT INTO plain VALUES (6, 7)", "DELETE FROM plain; INSERT INTO base VALUES (8, 9)"} {
		pgtest.Exec(t, url, q)
		losses, _, err := guard.Check(ctx, conn, ops, guard.Options{})
		if err != nil || len(losses) != 1 {
			t.Fatalf("after %s: Check = %v, %v; want the value that goes", q, losses, err)
		}
	}
}
