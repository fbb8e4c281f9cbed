package settle

import (
	"context"
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/introspect"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func TestProbe(t *testing.T) {
	cases := []string{
		`CREATE TABLE t (a text[] DEFAULT ARRAY[CURRENT_DATE::text]);`,
		`CREATE TABLE t (a money DEFAULT '$1.00'::money, b money DEFAULT '1.00'::money, c money DEFAULT 1.5::numeric::money);`,
		`CREATE TABLE t (a interval DEFAULT '1 day 02:03:04.5'::interval, b interval HOUR TO MINUTE DEFAULT '3 hours', c interval(3) DEFAULT '1.23456 seconds');`,
		`CREATE TABLE t (j jsonb); CREATE INDEX ti ON t ((j->>'a')); CREATE INDEX tj ON t (jsonb_extract_path_text(j, 'a', 'b')); CREATE VIEW v AS SELECT j->>'a' AS a, j#>>'{a,b}' AS b FROM t;`,
		`CREATE TABLE t (x int, y numeric); CREATE VIEW v AS SELECT CASE x WHEN 1 THEN 1.5 WHEN 2 THEN 2 END::numeric(10,2) AS c FROM t;`,
		`CREATE TABLE t (x int, d date); CREATE MATERIALIZED VIEW mv AS SELECT x FROM t WHERE x IN (SELECT x FROM t WHERE d > current_date - 30) AND d + interval '1 day' > now();`,
		`CREATE TABLE t (tenant int); ALTER TABLE t ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON t USING (tenant::text = current_setting('app.tenant'));`,
		`CREATE TABLE t (a int); CREATE INDEX ti ON t (a) WITH (fillfactor = 70, deduplicate_items = off);`,
	}
	for i, src := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			ctx := context.Background()
			url := pgtest.NewDB(t)
			pgtest.Exec(t, url, src)
			desired, err := ddlparse.Parse("schema.sql", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			current, err := introspect.Inspect(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := Settle(ctx, conn, current, desired, Options{})
			if err != nil {
				t.Fatal(err)
			}
			t.Log(rep.Summary())
			for _, it := range rep.Items {
				t.Logf("%s %s: %s (%s)\n  desired %s\n  current %s", it.Kind, it.Object, it.Verdict, it.Reason, it.Desired, it.Current)
			}
			cmp, err := autogenerate.Compare(current, desired, autogenerate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cmp.Up {
				t.Errorf("%T %s", c, c.Describe())
			}
		})
	}
}
