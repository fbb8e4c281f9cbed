package corpus

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/migrate"
)

// TestRowNoNewPartitionTakesFailsTheRevision partitions a table with rows
// anew where one row fits none of the new partitions. The rows are set
// aside and routed into the new tree (diff.RouteRows), so that row makes
// the upgrade fail; it must fail whole: no revision recorded, the schema
// and every table's rows as at the start, and the error naming the table.
func TestRowNoNewPartitionTakesFailsTheRevision(t *testing.T) {
	dir := t.TempDir()
	a := `CREATE TABLE events (id int PRIMARY KEY, at date NOT NULL, kind text);
INSERT INTO events VALUES (1, '2023-05-01', 'a'), (2, '2031-01-01', 'far'), (3, '2024-02-01', 'b');
CREATE TABLE m (id int NOT NULL, note text) PARTITION BY RANGE (id);
CREATE TABLE m_low PARTITION OF m FOR VALUES FROM (0) TO (100);
INSERT INTO m VALUES (5, 'x');
`
	b := `CREATE TABLE events (id int, at date NOT NULL, kind text, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE m (id int NOT NULL, note text);
`
	for name, src := range map[string]string{"a.sql": a, "b.sql": b} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c := Case{Name: "no-partition-takes-a-row", Dir: dir}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper, ColumnOrder: migrate.ColumnOrderExact}
	ctx := context.Background()
	db, err := r.setup(ctx, c, "reshape", "1")
	defer db.cleanup()
	if err != nil {
		t.Fatal(err)
	}
	cmp, _, status, err := r.compare(ctx, c, db.conn, &scope.Filter{VersionTable: VersionTable})
	if err != nil {
		t.Fatalf("%s: %v", status, err)
	}
	run, err := migrate.New(caseRegistry(c, cmp), migrate.WithVersionTable(VersionTable))
	if err != nil {
		t.Fatal(err)
	}
	start, err := run.Fingerprint(ctx, db.conn)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := rowDigest(ctx, db.conn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = run.Upgrade(ctx, db.conn, "head")
	if err == nil {
		t.Fatal("the upgrade routed a row that no new partition takes")
	}
	t.Logf("the upgrade failed as it should: %v", firstLine(err.Error()))
	if !strings.Contains(err.Error(), "no partition") || !strings.Contains(err.Error(), "events") {
		t.Errorf("the error is not the routing's, naming the table: %v", err)
	}
	if cur, err := run.Current(ctx, db.conn); err != nil || len(cur) > 0 {
		t.Errorf("after the failed upgrade the recorded revisions are %v (%v), want none", cur, err)
	}
	if got, err := run.Fingerprint(ctx, db.conn); err != nil || !slices.Equal(got, start) {
		t.Errorf("after the failed upgrade the schema is not the start's (%v):\n%s", err,
			LineDiff(strings.Join(start, "\n")+"\n", strings.Join(got, "\n")+"\n"))
	}
	if got, err := rowDigest(ctx, db.conn); err != nil || got != rows {
		t.Errorf("after the failed upgrade the rows changed (%v):\n%s", err, LineDiff(rows, got))
	}
}
