package autogenerate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

// exprsPerPlacement is how many expressions TestExpressionsExact places
// each way; AUTOGEN_EXPRESSIONS sets another number.
const exprsPerPlacement = 40

// TestExpressionsExact is the expression property: expressions generated
// across PostgreSQL's grammar (exprGen) are placed as column defaults,
// checks, index expressions, view columns and policy predicates; for each,
// autogenerate takes an empty database to the schema (a revision and an
// upgrade, the server settling what the two readers spell differently),
// after which check must find nothing and pg_dump must equal that of a
// database loaded from the schema. Expressions PostgreSQL refuses in a
// placement (a volatile function in an index, say) are generated again.
func TestExpressionsExact(t *testing.T) {
	n := exprsPerPlacement
	if s := os.Getenv("AUTOGEN_EXPRESSIONS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatalf("AUTOGEN_EXPRESSIONS=%q: %v", s, err)
		}
	}
	ctx := context.Background()
	vconn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer vconn.Close(ctx)
	if _, err := vconn.Exec(ctx, probeTable+"\n);"); err != nil {
		t.Fatal(err)
	}
	h := newExactHarness(t)
	exact, total := 0, 0
	id := 0
	for pi, pl := range placements {
		g := &exprGen{r: rand.New(rand.NewPCG(14, uint64(pi))), columns: pl.columns, sublinks: pl.sublinks}
		var exprs []genExpr
		for len(exprs) < n {
			typ := "boolean"
			if !pl.boolean {
				typ = typeNames()[g.r.IntN(len(typeNames()))]
			}
			id++
			e := genExpr{id: id, typ: typ, sql: g.expr(typ, 3)}
			if accepted(ctx, t, vconn, pl, e) {
				exprs = append(exprs, e)
			}
		}
		// Several expressions share a schema; a batch that is not exact is
		// taken apart to find which ones are not.
		for start := 0; start < len(exprs); start += 20 {
			batch := exprs[start:min(start+20, len(exprs))]
			total += len(batch)
			if o := h.run(pl.schema(batch)); o.exact() {
				exact += len(batch)
				continue
			}
			for _, e := range batch {
				if o := h.run(pl.schema([]genExpr{e})); o.exact() {
					exact++
				} else {
					t.Errorf("%s %s (%s): %s", pl.name, e.sql, e.typ, o)
				}
			}
		}
	}
	msg := fmt.Sprintf("expressions: %d of %d exact", exact, total)
	t.Log(msg)
	fmt.Println(msg)
}

// accepted reports whether PostgreSQL takes the expression in the
// placement, trying it in a transaction that is rolled back.
func accepted(ctx context.Context, t *testing.T, conn *pgx.Conn, pl placement, e genExpr) bool {
	col, stmt := pl.place(e.id, e.typ, e.sql)
	sql := stmt
	if col != "" {
		sql = "ALTER TABLE p ADD " + col
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	_, err = tx.Exec(ctx, sql)
	return err == nil
}
