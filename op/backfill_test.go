package op_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// progress is a revision.ProgressObserver that keeps the reports.
type progress struct {
	mu      sync.Mutex
	reports []op.Progress
	stmts   int
}

func (p *progress) StatementStarted(string) {
	p.mu.Lock()
	p.stmts++
	p.mu.Unlock()
}
func (p *progress) StatementDone(string, time.Duration, error) {}
func (p *progress) Progress(r op.Progress) {
	p.mu.Lock()
	p.reports = append(p.reports, r)
	p.mu.Unlock()
}

func connectDB(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func TestBackfillInBatches(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connectDB(t, url)
	// 2,500 rows, of which the first 300 are filled already: 2,200 are
	// left, which takes three batches of 1,000, and a fourth that finds
	// nothing.
	mustExec(t, conn, `CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, email_lower text);
		INSERT INTO users SELECT i, 'User' || i || '@Example.com', CASE WHEN i <= 300 THEN 'kept' END FROM generate_series(1, 2500) i`)
	obs := &progress{}
	m := revision.NewMigration(conn, obs, false)
	bf := op.Backfill{Schema: "public", Table: "users", Set: "email_lower = lower(email)", Where: "email_lower IS NULL", Key: []string{"id"}}
	if err := m.Apply(ctx, bf); err != nil {
		t.Fatal(err)
	}
	var filled, kept int
	mustQuery(t, conn, "SELECT count(*) FILTER (WHERE email_lower = lower(email)), count(*) FILTER (WHERE email_lower = 'kept') FROM users", &filled, &kept)
	if filled != 2200 || kept != 300 {
		t.Errorf("filled %d rows and kept %d, want 2200 and 300", filled, kept)
	}
	want := []op.Progress{
		{Operation: "backfill public.users", Rows: 1000, Steps: 1},
		{Operation: "backfill public.users", Rows: 2000, Steps: 2},
		{Operation: "backfill public.users", Rows: 2200, Steps: 3},
		{Operation: "backfill public.users", Rows: 2200, Steps: 3, Done: true},
	}
	if !equalProgress(obs.reports, want) {
		t.Errorf("progress %+v, want %+v", obs.reports, want)
	}
	// Every batch is a statement the observer hears about.
	if obs.stmts != 4 {
		t.Errorf("the observer heard %d statements, want 4", obs.stmts)
	}
	// Running it again finds nothing left to do.
	obs.reports = nil
	if err := m.Apply(ctx, bf); err != nil {
		t.Fatal(err)
	}
	if len(obs.reports) != 1 || obs.reports[0].Rows != 0 || !obs.reports[0].Done {
		t.Errorf("a second run reported %+v", obs.reports)
	}
}

func equalProgress(a, b []op.Progress) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestBackfillCompositeKeyAndOfflineForm runs a backfill keyed by a uuid
// and a text column, where Where does not exclude updated rows (so only
// the key order ends it), online and as the DO block offline output
// renders; both must update every row exactly once.
func TestBackfillCompositeKeyAndOfflineForm(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connectDB(t, url)
	setup := `DROP TABLE IF EXISTS "Odd Table";
		CREATE TABLE "Odd Table" (tenant uuid, "Key" text, n integer NOT NULL DEFAULT 0, PRIMARY KEY (tenant, "Key"));
		INSERT INTO "Odd Table" (tenant, "Key") SELECT md5((i % 7)::text)::uuid, 'k''' || i FROM generate_series(1, 1234) i`
	bf := op.Backfill{Schema: "public", Table: "Odd Table", Set: "n = n + 1", Key: []string{"tenant", "Key"}, BatchSize: 100}
	check := func(how string) {
		var ones, total int
		mustQuery(t, conn, `SELECT count(*) FILTER (WHERE n = 1), count(*) FROM "Odd Table"`, &ones, &total)
		if ones != 1234 || total != 1234 {
			t.Errorf("%s: %d of %d rows updated once, want all 1234", how, ones, total)
		}
	}

	mustExec(t, conn, setup)
	obs := &progress{}
	if err := revision.NewMigration(conn, obs, false).Apply(ctx, bf); err != nil {
		t.Fatal(err)
	}
	check("online")
	if last := obs.reports[len(obs.reports)-1]; last.Steps != 13 || last.Rows != 1234 {
		t.Errorf("last report %+v, want 13 batches of 1234 rows", last)
	}

	mustExec(t, conn, setup)
	stmts, err := bf.Statements()
	if err != nil {
		t.Fatal(err)
	}
	if len(stmts) != 1 || !strings.HasPrefix(stmts[0], "DO ") {
		t.Fatalf("offline form: %q", stmts)
	}
	mustExec(t, conn, stmts[0])
	check("offline")
}

// TestBackfillRetriesALockTimeout holds a row lock that the first batch
// needs. With lock_timeout set, the batch fails with 55P03; the migration
// retries the operation, and the pause before the retry releases the lock,
// so the second attempt succeeds.
func TestBackfillRetriesALockTimeout(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn, blocker := connectDB(t, url), connectDB(t, url)
	mustExec(t, conn, `CREATE TABLE t (id int PRIMARY KEY, v int); INSERT INTO t SELECT i, NULL FROM generate_series(1, 10) i`)
	tx, err := blocker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "UPDATE t SET v = -1 WHERE id = 5"); err != nil {
		t.Fatal(err)
	}
	mustExec(t, conn, "SET lock_timeout = '100ms'")
	m := revision.NewMigration(conn, nil, false)
	var pauses []int
	m.RetryLocks(3, func(attempt int) time.Duration {
		pauses = append(pauses, attempt)
		if err := tx.Rollback(ctx); err != nil {
			t.Errorf("releasing the lock: %v", err)
		}
		return 0
	})
	bf := op.Backfill{Table: "t", Set: "v = id", Where: "v IS NULL", Key: []string{"id"}, BatchSize: 4}
	if err := m.Apply(ctx, bf); err != nil {
		t.Fatalf("the retried backfill failed: %v", err)
	}
	if len(pauses) != 1 {
		t.Errorf("retried %d times, want once", len(pauses))
	}
	var left int
	mustQuery(t, conn, "SELECT count(*) FROM t WHERE v IS DISTINCT FROM id", &left)
	if left != 0 {
		t.Errorf("%d rows not backfilled", left)
	}

	// Without retries the lock timeout is the revision's error.
	mustExec(t, conn, "UPDATE t SET v = NULL WHERE id = 2")
	tx, err = blocker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT FROM t WHERE id = 2 FOR UPDATE"); err != nil {
		t.Fatal(err)
	}
	err = revision.NewMigration(conn, nil, false).Apply(ctx, op.Backfill{Table: "t", Set: "v = id", Where: "v IS NULL", Key: []string{"id"}})
	var se *revision.StatementError
	if !errors.As(err, &se) || se.SQLState() != "55P03" {
		t.Errorf("without retries: %v, want a lock timeout", err)
	}
}

func TestBackfillNeedsANonTransactionalRevisionAndItsFields(t *testing.T) {
	m := revision.NewMigration(nil, nil, true)
	err := m.Apply(context.Background(), op.Backfill{Table: "t", Set: "a = 1", Key: []string{"id"}})
	if err == nil || !strings.Contains(err.Error(), "NoTransaction") {
		t.Errorf("a backfill in a transactional revision: %v", err)
	}
	for _, bad := range []op.Backfill{{Set: "a = 1", Key: []string{"id"}}, {Table: "t", Key: []string{"id"}}, {Table: "t", Set: "a = 1"},
		{Table: "t", Set: "a = 1", Key: []string{"id"}, BatchSize: -1}} {
		if _, err := bad.Statements(); !errors.Is(err, op.ErrInvalid) {
			t.Errorf("%+v: %v, want ErrInvalid", bad, err)
		}
	}
}

// TestConcurrentIndexRebuildsAnInvalidLeftover makes a concurrent unique
// build fail on duplicate keys, which leaves an INVALID index holding the
// name. Once the duplicates are gone, applying the same operation again
// (as re-running the failed revision does) drops the leftover and builds a
// valid index, instead of failing on the name.
func TestConcurrentIndexRebuildsAnInvalidLeftover(t *testing.T) {
	ctx := context.Background()
	conn := connectDB(t, pgtest.NewDB(t))
	mustExec(t, conn, "CREATE TABLE u (email text); INSERT INTO u VALUES ('a'), ('a'), ('b')")
	ix := op.CreateIndex{Schema: "public", Table: "u", Name: "u_email_key", Unique: true, Columns: op.Cols("email"), Concurrently: true}
	m := revision.NewMigration(conn, nil, false)
	if err := m.Apply(ctx, ix); err == nil {
		t.Fatal("the build over duplicates succeeded")
	}
	var valid bool
	mustQuery(t, conn, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'u_email_key'::regclass", &valid)
	if valid {
		t.Fatal("the failed build left a valid index")
	}
	mustExec(t, conn, "DELETE FROM u WHERE ctid = (SELECT max(ctid) FROM u WHERE email = 'a')")
	if err := m.Apply(ctx, ix); err != nil {
		t.Fatalf("building again: %v", err)
	}
	mustQuery(t, conn, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'u_email_key'::regclass", &valid)
	if !valid {
		t.Error("the rebuilt index is not valid")
	}
	// A valid index of the name is not dropped: the build fails on it.
	if err := m.Apply(ctx, ix); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("building over a valid index: %v", err)
	}
}
