package settle_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/settle"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// both loads src into a new database and reads it both ways; the returned
// connection is to that database.
func both(t *testing.T, dbSQL, fileSQL string) (*pgx.Conn, *model.Catalog, *model.Catalog) {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDB(t)
	pgtest.Exec(t, url, dbSQL)
	desired, err := ddlparse.Parse("schema.sql", []byte(fileSQL))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	current, err := introspect.Inspect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	return conn, current, desired
}

func changes(t *testing.T, current, desired *model.Catalog) []string {
	t.Helper()
	cmp, err := autogenerate.Compare(current, desired, autogenerate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range cmp.Up {
		out = append(out, c.Describe())
	}
	return out
}

// TestSpuriousShapes loads each schema into a database and compares it with
// its own file: nothing may differ. Each shape was a spurious change of the
// offline comparison (TestSpuriousShapesOffline shows which ones it still
// gets wrong); the server settles them.
func TestSpuriousShapes(t *testing.T) {
	for name, src := range spuriousShapes {
		t.Run(name, func(t *testing.T) {
			conn, current, desired := both(t, src, src)
			rep, err := settle.Settle(context.Background(), conn, current, desired, settle.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := changes(t, current, desired); len(got) > 0 {
				t.Errorf("spurious changes after settling (%s):\n  %s", rep.Summary(), strings.Join(got, "\n  "))
			}
			if n := rep.Count(settle.Differs) + rep.Count(settle.Unchecked); n > 0 {
				t.Errorf("%d disputed expressions not found equal: %+v", n, rep.Items)
			}
			if rep.Disputed() > 0 && rep.RoundTrips != 1 {
				t.Errorf("round trips = %d, want 1", rep.RoundTrips)
			}
		})
	}
}

// spuriousShapes are the schemas named in the issue "Exact by construction"
// (PostgreSQL 15), each one that the two readers canonicalised
// differently at some point.
var spuriousShapes = map[string]string{
	"array default":     `CREATE TABLE t (a text[] DEFAULT ARRAY[CURRENT_DATE::text]);`,
	"money defaults":    `CREATE TABLE t (a money DEFAULT '$1.00'::money, b money DEFAULT '1.00'::money, c money DEFAULT 1.5::numeric::money);`,
	"interval defaults": `CREATE TABLE t (a interval DEFAULT '1 day 02:03:04.5'::interval, b interval HOUR TO MINUTE DEFAULT '3 hours', c interval(3) DEFAULT '1.23456 seconds', d interval DAY TO SECOND(2) DEFAULT '1 day 1.555 seconds');`,
	"json index":        `CREATE TABLE t (j jsonb); CREATE INDEX ti ON t ((j->>'a')); CREATE INDEX tj ON t (jsonb_extract_path_text(j, 'a', 'b'));`,
	"json view":         `CREATE TABLE t (j jsonb); CREATE VIEW v AS SELECT j->>'a' AS a, j#>>'{a,b}' AS b, jsonb_extract_path_text(j, 'a', 'b') AS c FROM t;`,
	"case view":         `CREATE TABLE t (x int, y numeric); CREATE VIEW v AS SELECT CASE x WHEN 1 THEN 1.5 WHEN 2 THEN 2 END::numeric(10,2) AS c FROM t;`,
	"matview sublink":   `CREATE TABLE t (x int, d date); CREATE MATERIALIZED VIEW mv AS SELECT x FROM t WHERE x IN (SELECT x FROM t WHERE d > current_date - 30) AND d + interval '1 day' > now();`,
	"policy setting":    `CREATE TABLE t (tenant int); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t USING (tenant::text = current_setting('app.tenant'));`,
	"policy sublink":    `CREATE TABLE o (id int, owner text); CREATE TABLE t (oid int); CREATE POLICY p ON t USING (EXISTS (SELECT 1 FROM o WHERE o.id = oid AND o.owner = current_user));`,
	"index options":     `CREATE TABLE t (a int); CREATE INDEX ti ON t (a) WITH (fillfactor = 70, deduplicate_items = off);`,
	"check and domain":  `CREATE DOMAIN d AS numeric(10,2) DEFAULT '1.5' CHECK (VALUE BETWEEN 0 AND 100.5); CREATE TABLE t (a money CHECK (a > '$0.50'::money), b d);`,
	"generated":         `CREATE TABLE t (a numeric, b int, c numeric GENERATED ALWAYS AS (round(a * 1.5, 2)) STORED, d text GENERATED ALWAYS AS (b::text || '-' || (b * 2.5)::text) STORED);`,
	"trigger when":      `CREATE TABLE t (a money, b int); CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$; CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW WHEN (OLD.a IS DISTINCT FROM NEW.a AND NEW.a > '1.50'::money) EXECUTE FUNCTION f();`,
	"view on view":      `CREATE TABLE t (a int, m money); CREATE VIEW v1 AS SELECT a, m * 2 AS m2 FROM t; CREATE VIEW v2 AS SELECT a, m2 > '$1'::money AS big FROM v1 WHERE a IN (1, 2);`,
	"matview index":     `CREATE TABLE t (j jsonb); CREATE MATERIALIZED VIEW mv AS SELECT j FROM t; CREATE INDEX mi ON mv ((j->>'k')) WHERE j ? 'k';`,
	"standard body":     `CREATE TABLE t (a money); CREATE FUNCTION f() RETURNS money LANGUAGE sql BEGIN ATOMIC SELECT sum(a) + '$1.00'::money FROM t; END;`,
	"view defaults":     `CREATE TABLE t (m money, i interval, n numeric); CREATE VIEW v AS SELECT m, i, n FROM t; ALTER VIEW v ALTER COLUMN m SET DEFAULT '$1.00'::money; ALTER VIEW v ALTER COLUMN i SET DEFAULT '1 day 02:03:04.5'::interval; ALTER VIEW v ALTER COLUMN n SET DEFAULT 1.5 * 2;`,
	"exclusion element": `CREATE EXTENSION btree_gist; CREATE TABLE t (r int4range, x numeric, EXCLUDE USING gist (r WITH &&, (abs(x) * 1.5) WITH =) WHERE (x BETWEEN 1.5 AND 2));`,
}

// TestSpuriousShapesOffline records which shapes the offline rules alone
// still get wrong: without a server, the comparison of those is
// approximate, and the report says so.
func TestSpuriousShapesOffline(t *testing.T) {
	disputed := 0
	for name, src := range spuriousShapes {
		t.Run(name, func(t *testing.T) {
			_, current, desired := both(t, src, src)
			rep, err := settle.Settle(context.Background(), nil, current, desired, settle.Options{Offline: true})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Approximate || rep.RoundTrips != 0 {
				t.Errorf("offline report: %+v", rep)
			}
			got := changes(t, current, desired)
			if (len(got) > 0) != (rep.Disputed() > 0) {
				t.Errorf("offline: %d disputed expressions but changes %q", rep.Disputed(), got)
			}
			disputed += rep.Disputed()
		})
	}
	t.Logf("offline rules: %d disputed expressions over %d shapes", disputed, len(spuriousShapes))
}

// TestSettleFindsRealDifferences: a default that really changed stays a
// change, and one that calls a function the database lacks cannot be
// built, so the offline verdict stands.
func TestSettleFindsRealDifferences(t *testing.T) {
	db := `CREATE TABLE t (a money DEFAULT '$1.00', b money DEFAULT '$1.00', c int DEFAULT 1);`
	file := `CREATE FUNCTION g() RETURNS int LANGUAGE sql AS 'SELECT 2';
CREATE TABLE t (a money DEFAULT '$2.00', b money DEFAULT '1.00', c int DEFAULT g());`
	conn, current, desired := both(t, db, file)
	rep, err := settle.Settle(context.Background(), conn, current, desired, settle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	verdicts := map[string]settle.Verdict{}
	for _, it := range rep.Items {
		verdicts[it.Object] = it.Verdict
	}
	want := map[string]settle.Verdict{"column public.t.a": settle.Differs, "column public.t.b": settle.Equal,
		"column public.t.c": settle.Unchecked}
	for k, v := range want {
		if verdicts[k] != v {
			t.Errorf("%s: verdict %s, want %s (%s)", k, verdicts[k], v, rep.Summary())
		}
	}
	got := strings.Join(changes(t, current, desired), "\n")
	if !strings.Contains(got, "'t.a'") || !strings.Contains(got, "'t.c'") || strings.Contains(got, "'t.b'") {
		t.Errorf("changes:\n%s", got)
	}
}

// TestSettleTakesNoLock: while another session holds an ACCESS EXCLUSIVE
// lock on every table the disputed expressions involve, settling still
// completes at once, because it only touches temporary stand-ins.
func TestSettleTakesNoLock(t *testing.T) {
	src := spuriousShapes["policy sublink"] + `
CREATE TABLE w (a int, m money); CREATE VIEW v1 AS SELECT a, m * 2 AS m2 FROM w; CREATE VIEW v2 AS SELECT a, m2 > '$1'::money AS big FROM v1 WHERE a IN (1, 2);
CREATE TABLE u (m money DEFAULT '1.00'::money, CHECK (m > '$0.10'));`
	ctx := context.Background()
	conn, current, desired := both(t, src, src)
	locker, err := pgx.Connect(ctx, conn.Config().ConnString())
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close(ctx)
	if _, err := locker.Exec(ctx, "BEGIN; LOCK TABLE o, t, u, w IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	defer locker.Exec(ctx, "ROLLBACK")
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rep, err := settle.Settle(ctx, conn, current, desired, settle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Approximate || rep.Count(settle.Equal) != rep.Disputed() || rep.Disputed() == 0 {
		t.Errorf("with the tables locked: %s %+v", rep.Summary(), rep.Items)
	}
}

// TestSettleReadOnly: a read-only server cannot hold temporary objects;
// the comparison falls back to the offline rules and says so, and the
// connection stays usable.
func TestSettleReadOnly(t *testing.T) {
	src := spuriousShapes["money defaults"]
	ctx := context.Background()
	conn, current, desired := both(t, src, src)
	if _, err := conn.Exec(ctx, "SET default_transaction_read_only = on"); err != nil {
		t.Fatal(err)
	}
	rep, err := settle.Settle(ctx, conn, current, desired, settle.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Approximate || rep.Reason != "the server is read-only" || rep.Disputed() == 0 {
		t.Errorf("read-only report: %+v", rep)
	}
	if !strings.Contains(rep.Summary(), "approximate") {
		t.Errorf("summary does not say the comparison is approximate: %s", rep.Summary())
	}
	var one int
	if err := conn.QueryRow(ctx, "SELECT 1").Scan(&one); err != nil {
		t.Errorf("connection unusable after a refused settle: %v", err)
	}
}
