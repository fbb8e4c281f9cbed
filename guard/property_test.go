package guard_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// castCase is a row of the lossy-cast table: a type change that alters
// some values for good, and generators of values of the old type (SQL
// literals) that it alters and that it keeps.
type castCase struct {
	from, to, using string
	// back converts a new value back to the old type, for the check that
	// kept values are kept; empty means a cast.
	back    string
	changed func(r *rand.Rand) string
	// kept is nil when the change alters every non-NULL value.
	kept func(r *rand.Rand) string
}

func lit(format string, args ...any) string { return op.QuoteLiteral(fmt.Sprintf(format, args...)) }

// castTable covers each kind of loss the type-change knowledge of package
// op declares.
var castTable = []castCase{
	{from: "numeric(10,3)", to: "numeric(10,1)",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.%d%02d", r.IntN(99999), r.IntN(10), 1+r.IntN(99)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprintf("%d.%d", r.IntN(99999), r.IntN(10)) }},
	{from: "numeric", to: "numeric(8,2)",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.%02d%d", r.IntN(99999), r.IntN(100), 1+r.IntN(9)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprintf("%d.%02d", r.IntN(99999), r.IntN(100)) }},
	{from: "numeric(12,4)", to: "integer",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.%04d", r.IntN(99999), 1+r.IntN(9999)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprint(r.IntN(99999999)) }},
	{from: "numeric(30,20)", to: "double precision",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.%019d1", 1+r.IntN(9), r.Int64N(1e18)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprintf("%d.5", r.IntN(99999)) }},
	{from: "double precision", to: "integer",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.%d", r.IntN(99999), 1+r.IntN(9)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprint(r.IntN(99999) - 50000) }},
	{from: "double precision", to: "real",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.1", r.IntN(99999)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprintf("%d.25", r.IntN(99999)) }},
	{from: "double precision", to: "numeric(10,2)",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("%d.125", r.IntN(99999)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprintf("%d.5", r.IntN(99999)) }},
	{from: "bigint", to: "double precision",
		changed: func(r *rand.Rand) string { return fmt.Sprint(int64(1)<<53 + 1 + 2*r.Int64N(1000)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprint(r.Int64N(1 << 53)) }},
	{from: "integer", to: "real",
		changed: func(r *rand.Rand) string { return fmt.Sprint(1<<24 + 1 + 2*r.IntN(1000)) },
		kept:    func(r *rand.Rand) string { return fmt.Sprint(r.IntN(1 << 24)) }},
	{from: "timestamp with time zone", to: "date",
		changed: func(r *rand.Rand) string {
			return lit("2024-%02d-%02d %02d:%02d:00+00", 1+r.IntN(12), 1+r.IntN(28), 1+r.IntN(23), r.IntN(60))
		},
		kept: func(r *rand.Rand) string { return lit("2024-%02d-%02d 00:00:00+00", 1+r.IntN(12), 1+r.IntN(28)) }},
	{from: "timestamp without time zone", to: "date",
		changed: func(r *rand.Rand) string {
			return lit("2023-%02d-%02d 00:00:%02d", 1+r.IntN(12), 1+r.IntN(28), 1+r.IntN(59))
		},
		kept: func(r *rand.Rand) string { return lit("2023-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)) }},
	{from: "timestamp(6) without time zone", to: "timestamp(0) without time zone",
		changed: func(r *rand.Rand) string { return lit("2022-01-02 03:04:05.%06d", 1+r.IntN(999999)) },
		kept:    func(r *rand.Rand) string { return lit("2022-01-02 03:04:%02d", r.IntN(60)) }},
	{from: "time(6) without time zone", to: "time(2) without time zone",
		changed: func(r *rand.Rand) string { return lit("10:11:12.%02d%04d", r.IntN(100), 1+r.IntN(9999)) },
		kept:    func(r *rand.Rand) string { return lit("10:11:12.%02d", r.IntN(100)) }},
	{from: "interval(6)", to: "interval(0)",
		changed: func(r *rand.Rand) string { return lit("%d.%d seconds", r.IntN(1000), 1+r.IntN(9)) },
		kept:    func(r *rand.Rand) string { return lit("%d seconds", r.IntN(1000)) }},
	{from: "timestamp with time zone", to: "time without time zone", using: "c::time",
		changed: func(r *rand.Rand) string { return lit("2021-%02d-01 %02d:00:00+00", 1+r.IntN(12), r.IntN(24)) }},
	{from: "text", to: "integer", using: "c::integer",
		changed: func(r *rand.Rand) string { return lit("0%d", 1+r.IntN(9999)) },
		kept:    func(r *rand.Rand) string { return lit("%d", r.IntN(99999)-50000) }},
	{from: "text", to: "boolean", using: "c::boolean",
		changed: func(r *rand.Rand) string {
			return lit("%s", []string{"yes", "no", "t", "f", "on", "off", "1", "0"}[r.IntN(8)])
		},
		kept: func(r *rand.Rand) string { return lit("%t", r.IntN(2) == 0) }},
	{from: "character varying(40)", to: "date", using: "c::date",
		changed: func(r *rand.Rand) string { return lit("2020-%d-%d", 1+r.IntN(9), 1+r.IntN(9)) },
		kept:    func(r *rand.Rand) string { return lit("2020-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28)) }},
	{from: "character varying(10)", to: "character varying(3)", using: "c::varchar(3)",
		changed: func(r *rand.Rand) string { return lit("%s", strings.Repeat("x", 4+r.IntN(7))) },
		kept:    func(r *rand.Rand) string { return lit("%s", strings.Repeat("y", 1+r.IntN(3))) }},
	{from: "character(5)", to: "character(2)", using: "c::character(2)",
		changed: func(r *rand.Rand) string { return lit("%s", strings.Repeat("z", 3+r.IntN(3))) },
		kept:    func(r *rand.Rand) string { return lit("%s", strings.Repeat("w", 1+r.IntN(2))) }},
	{from: "jsonb", to: "integer", using: "(c #>> '{}')::integer", back: "to_jsonb(c)",
		changed: func(r *rand.Rand) string { return lit(`"%d"`, r.IntN(1000)) },
		kept:    func(r *rand.Rand) string { return lit("%d", r.IntN(1000)) }},
	{from: "integer[]", to: "integer", using: "c[1]",
		changed: func(r *rand.Rand) string { return fmt.Sprintf("ARRAY[%d]", r.IntN(1000)) }},
}

// TestLossyCastsProperty is the property over the lossy-cast table: for
// every change, values it alters make the data guard refuse (with one of
// them as the example), and values it keeps let it run, after which every
// value is still what it was.
func TestLossyCastsProperty(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "SET TimeZone = 'UTC'")
	rng := rand.New(rand.NewPCG(3, 4))
	const rounds = 4
	for _, c := range castTable {
		name := c.from + " -> " + c.to
		alter := op.AlterColumn{Table: "t", Column: "c", Type: c.to, FromType: c.from, Using: c.using}
		if !slices.Contains(op.Kinds(alter.Hazards()), op.DeletesData) {
			t.Errorf("%s: no deletes-data hazard: %v", name, alter.Hazards())
			continue
		}
		for round := range rounds {
			// Altered values among kept ones: refused, nothing changed.
			exec(t, conn, "DROP TABLE IF EXISTS t; CREATE TABLE t (id serial, c "+c.from+")")
			var values []string
			for range 3 {
				if c.kept != nil {
					values = append(values, c.kept(rng))
				}
			}
			bad := c.changed(rng)
			values = append(values, bad)
			rng.Shuffle(len(values), func(i, j int) { values[i], values[j] = values[j], values[i] })
			insert(t, conn, values)
			losses, _, err := guard.Check(ctx, conn, []op.Operation{alter}, guard.Options{})
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if len(losses) != 1 || losses[0].Example == "" {
				t.Errorf("%s round %d: the guard did not refuse values %v: %v", name, round, values, losses)
			}
			if c.kept == nil {
				continue
			}
			// Only kept values: the change runs and keeps them.
			exec(t, conn, "DROP TABLE t; CREATE TABLE t (id serial, c "+c.from+")")
			values = values[:0]
			for range 5 {
				values = append(values, c.kept(rng))
			}
			insert(t, conn, values)
			var before []string
			query(t, conn, "SELECT c::text FROM t ORDER BY id", &before)
			losses, _, err = guard.Check(ctx, conn, []op.Operation{alter}, guard.Options{})
			if err != nil || len(losses) != 0 {
				t.Errorf("%s round %d: the guard refused values it keeps %v: %v %v", name, round, values, losses, err)
				continue
			}
			stmts, err := alter.Statements()
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range stmts {
				if _, err := conn.Exec(ctx, s); err != nil {
					t.Fatalf("%s: the change failed on values it keeps %v: %v", name, values, err)
				}
			}
			back := c.back
			if back == "" {
				back = "c::" + c.from
			}
			var after []string
			query(t, conn, "SELECT ("+back+")::text FROM t ORDER BY id", &after)
			if !slices.Equal(before, after) {
				t.Errorf("%s: values %v came back as %v", name, before, after)
			}
		}
	}
}

// TestLosslessChangesHaveNoProbe: changes that keep every value declare no
// deletes-data hazard and no probe, so the guard never reads for them.
func TestLosslessChangesHaveNoProbe(t *testing.T) {
	for _, c := range [][2]string{
		{"integer", "bigint"}, {"character varying(10)", "character varying(20)"}, {"character varying(10)", "text"},
		{"numeric(10,2)", "numeric(12,2)"}, {"numeric(10,2)", "numeric"}, {"date", "timestamp without time zone"},
		{"real", "double precision"}, {"integer", "text"}, {"timestamp(3) without time zone", "timestamp without time zone"},
		{"json", "jsonb"}, {"bigint", "integer"}, {"character varying(20)", "character varying(10)"},
	} {
		alter := op.AlterColumn{Table: "t", Column: "c", FromType: c[0], Type: c[1]}
		if slices.Contains(op.Kinds(alter.Hazards()), op.DeletesData) || len(alter.Probes()) > 0 {
			t.Errorf("%s -> %s: hazards %v, probes %v", c[0], c[1], alter.Hazards(), alter.Probes())
		}
	}
}

// TestTimeZoneHazard: converting between timestamp and timestamptz
// declares its own hazard, naming the session's time zone setting.
func TestTimeZoneHazard(t *testing.T) {
	for _, c := range [][2]string{{"timestamp with time zone", "timestamp without time zone"}, {"timestamp", "timestamptz"}, {"date", "timestamptz"}} {
		alter := op.AlterColumn{Table: "t", Column: "at", FromType: c[0], Type: c[1]}
		var msg string
		for _, h := range alter.Hazards() {
			if h.Kind == op.TimeZone {
				msg = h.Message
			}
		}
		if !strings.Contains(msg, "session time zone") || !strings.Contains(msg, "USING at AT TIME ZONE") {
			t.Errorf("%s -> %s: time-zone hazard %q", c[0], c[1], msg)
		}
	}
}

func exec(t *testing.T, conn *pgx.Conn, sql string) {
	t.Helper()
	if _, err := conn.Exec(context.Background(), sql); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func insert(t *testing.T, conn *pgx.Conn, values []string) {
	t.Helper()
	for _, v := range values {
		exec(t, conn, "INSERT INTO t (c) VALUES ("+v+")")
	}
}

func query(t *testing.T, conn *pgx.Conn, sql string, dst *[]string) {
	t.Helper()
	rows, err := conn.Query(context.Background(), sql)
	if err != nil {
		t.Fatal(err)
	}
	*dst, err = pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
}
