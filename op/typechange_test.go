package op_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
)

// TestTypeChangeHazardsMatchPostgreSQL checks the hazards AlterColumn
// declares for a type change against what PostgreSQL does on a table with
// a row: a rewrite is seen as a new relfilenode, a failure as the ALTER
// refusing a row that does not fit, a lossy change as a value that does not
// survive the way there and back (a deletes-data hazard).
func TestTypeChangeHazardsMatchPostgreSQL(t *testing.T) {
	tests := []struct {
		from, to, using string
		// sample is a value of the old type at its limit: it must convert
		// whenever the change is declared not to fail, and (without USING)
		// come back unchanged unless the change is declared to lose data.
		sample string
		// bad is a value of the old type that the new type cannot hold;
		// set exactly when the change may fail.
		bad string
		// want are the hazard kinds.
		want []op.HazardKind
	}{
		{from: "character varying(20)", to: "character varying(30)", sample: "repeat('x', 20)"},
		{from: "character varying(20)", to: "character varying(10)", sample: "'abc'", bad: "repeat('x', 15)", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "varchar(20)", to: "text", sample: "repeat('x', 20)"},
		{from: "text", to: "character varying", sample: "repeat('x', 2000)"},
		{from: "text", to: "varchar(5)", sample: "'abc'", bad: "'abcdefg'", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "integer", to: "bigint", sample: "2147483647", want: kinds(op.RewritesTable)},
		{from: "smallint", to: "int", sample: "-32768", want: kinds(op.RewritesTable)},
		{from: "bigint", to: "integer", sample: "5", bad: "3000000000", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "int8", to: "int2", sample: "5", bad: "40000", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "numeric(10,2)", to: "numeric(12,2)", sample: "99999999.99"},
		{from: "numeric(10,2)", to: "numeric", sample: "99999999.99"},
		{from: "numeric(10,2)", to: "numeric(8,2)", sample: "1.50", bad: "12345678.12", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "numeric(10,2)", to: "numeric(10,1)", sample: "1.25", want: kinds(op.DeletesData, op.RewritesTable)},
		{from: "numeric", to: "numeric(5,2)", sample: "1.555", bad: "12345", want: kinds(op.DeletesData, op.RewritesTable, op.MayFail)},
		{from: "integer", to: "numeric(5,0)", sample: "5", bad: "123456", want: kinds(op.RewritesTable, op.MayFail)},
		{from: "integer", to: "numeric(12,2)", sample: "2147483647", want: kinds(op.RewritesTable)},
		{from: "bigint", to: "double precision", sample: "9007199254740993", want: kinds(op.DeletesData, op.RewritesTable)},
		{from: "double precision", to: "real", sample: "0.1", bad: "1e300", want: kinds(op.DeletesData, op.RewritesTable, op.MayFail)},
		{from: "real", to: "double precision", sample: "1.5", want: kinds(op.RewritesTable)},
		{from: "timestamp(6) without time zone", to: "timestamp(3) without time zone", sample: "'2024-01-02 03:04:05.123456'",
			want: kinds(op.DeletesData, op.RewritesTable)},
		{from: "timestamp(3) without time zone", to: "timestamp without time zone", sample: "'2024-01-02 03:04:05.123'"},
		{from: "timestamp without time zone", to: "timestamp with time zone", sample: "'2024-01-02 03:04:05'", want: kinds(op.RewritesTable, op.TimeZone)},
		{from: "timestamptz", to: "date", sample: "'2024-01-02 03:04:05+00'", want: kinds(op.DeletesData, op.RewritesTable, op.TimeZone)},
		{from: "date", to: "timestamp", sample: "'2024-01-02'", want: kinds(op.RewritesTable)},
		{from: "integer", to: "text", sample: "-2147483648", want: kinds(op.RewritesTable)},
		{from: "text", to: "integer", using: `c::integer`, sample: "'42'", bad: "'forty-two'", want: kinds(op.DeletesData, op.RewritesTable, op.MayFail)},
		{from: "character(5)", to: "character(8)", sample: "'abcde'", want: kinds(op.RewritesTable)},
		{from: "cidr", to: "inet", sample: "'10.0.0.0/8'"},
		{from: "integer[]", to: "bigint[]", sample: "ARRAY[2147483647]", want: kinds(op.RewritesTable)},
		{from: "bigint[]", to: "integer", using: "c[1]", sample: "ARRAY[1]", bad: "ARRAY[3000000000]", want: kinds(op.DeletesData, op.RewritesTable, op.MayFail)},
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// PostgreSQL skips the rewrite of timestamp to timestamptz when the
	// session time zone is UTC; the hazard is for the general case.
	mustExec(t, conn, "SET timezone = 'America/New_York'")
	for _, tt := range tests {
		name := tt.from + " -> " + tt.to
		alter := op.AlterColumn{Table: "t", Column: "c", Type: tt.to, FromType: tt.from, Using: tt.using}
		var got []op.HazardKind
		for _, h := range alter.Hazards() {
			got = append(got, h.Kind)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: hazards %v, want %v", name, got, tt.want)
		}

		mustExec(t, conn, "DROP TABLE IF EXISTS t")
		mustExec(t, conn, "CREATE TABLE t (c "+tt.from+")")
		mustExec(t, conn, "INSERT INTO t VALUES ("+tt.sample+")")
		var original string
		mustQuery(t, conn, "SELECT c::text FROM t", &original)
		before := filenode(t, conn)
		stmts, err := alter.Statements()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range stmts {
			if _, err := conn.Exec(ctx, s); err != nil {
				t.Errorf("%s: the sample %s does not convert: %v", name, tt.sample, err)
			}
		}
		if rewritten := filenode(t, conn) != before; rewritten != slices.Contains(tt.want, op.RewritesTable) {
			t.Errorf("%s: PostgreSQL rewrote the table: %v", name, rewritten)
		}
		if tt.using == "" {
			back := op.AlterColumn{Table: "t", Column: "c", Type: tt.from, Using: "c::" + tt.from}
			bs, _ := back.Statements()
			mustExec(t, conn, bs[0])
			var again string
			mustQuery(t, conn, "SELECT c::text FROM t", &again)
			if lost := again != original; lost != slices.Contains(tt.want, op.DeletesData) {
				t.Errorf("%s: %s came back as %s", name, original, again)
			}
		}

		mustExec(t, conn, "DROP TABLE t")
		mustExec(t, conn, "CREATE TABLE t (c "+tt.from+")")
		if tt.bad != "" {
			mustExec(t, conn, "INSERT INTO t VALUES ("+tt.bad+")")
			_, err := conn.Exec(ctx, stmts[0])
			if err == nil {
				t.Errorf("%s: the value %s converted, yet the change is declared to possibly fail", name, tt.bad)
			}
		} else if slices.Contains(tt.want, op.MayFail) {
			t.Errorf("%s: a change that may fail needs a value that makes it fail", name)
		}
	}
}

// TestCollationChangeRebuildsIndexes: a new collation keeps the table
// but rebuilds its indexes, which blocks writes while it runs.
func TestCollationChangeRebuildsIndexes(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	mustExec(t, conn, "CREATE TABLE t (c text); INSERT INTO t VALUES ('a'); CREATE INDEX t_c ON t (c)")
	alter := op.AlterColumn{Table: "t", Column: "c", Type: "text", FromType: "text", Collation: `"C"`}
	if hs := alter.Hazards(); len(hs) != 1 || hs[0].Kind != op.BlocksWrites {
		t.Errorf("hazards = %v, want one blocks-writes", hs)
	}
	var table, index, table2, index2 uint32
	nodes := func(tb, ix *uint32) {
		if err := conn.QueryRow(ctx, "SELECT (SELECT relfilenode FROM pg_class WHERE relname = 't'), (SELECT relfilenode FROM pg_class WHERE relname = 't_c')").Scan(tb, ix); err != nil {
			t.Fatal(err)
		}
	}
	nodes(&table, &index)
	stmts, _ := alter.Statements()
	mustExec(t, conn, stmts[0])
	nodes(&table2, &index2)
	if table2 != table || index2 == index {
		t.Errorf("table rewritten: %v, index rebuilt: %v; want only the index rebuilt", table2 != table, index2 != index)
	}
}

func kinds(k ...op.HazardKind) []op.HazardKind { return k }

func mustExec(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func mustQuery(t *testing.T, conn *pgx.Conn, sql string, dst ...any) {
	t.Helper()
	if err := conn.QueryRow(context.Background(), sql).Scan(dst...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func filenode(t *testing.T, conn *pgx.Conn) uint32 {
	t.Helper()
	var n uint32
	mustQuery(t, conn, "SELECT relfilenode FROM pg_class WHERE oid = 't'::regclass", &n)
	return n
}

func TestTypeChangeWithoutTheOldTypeIsConservative(t *testing.T) {
	// A hand-written revision that does not say the old type gets both
	// hazards: autogen cannot tell a widening from a narrowing.
	var got []string
	for _, h := range (op.AlterColumn{Table: "t", Column: "c", Type: "varchar(10)"}).Hazards() {
		got = append(got, string(h.Kind))
	}
	if strings.Join(got, ",") != "rewrites-table,may-fail" {
		t.Errorf("hazards = %v", got)
	}
}
