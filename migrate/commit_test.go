package migrate_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// TestCommitWithoutAnswer cuts the runner's connection while the server
// runs its COMMIT (held there by a deferred trigger that sleeps). The
// runner never hears whether the revision committed: the error must say
// that the outcome is unknown, not that the revision failed, since a
// report built on "failed" names a revision the database may have left
// behind (a fleet rollout did, when a cluster stopped in that moment and
// the server had committed). Here pgx asks the server to cancel the
// statement it can no longer read the answer of, so the commit is undone;
// a server that stops or a network that fails does not get that request.
// Either way the database is at a boundary.
func TestCommitWithoutAnswer(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	setup := connect(t, url)
	if _, err := setup.Exec(ctx, `CREATE TABLE slow (x int);
CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON slow DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`); err != nil {
		t.Fatal(err)
	}
	reg := registry(&revision.Revision{ID: "c1", Message: "insert a row whose trigger runs at commit",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "INSERT INTO slow VALUES (1)", Undo: "DELETE FROM slow"})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "DELETE FROM slow"})
		}})
	r := newRunner(t, reg)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	cut := make(chan struct{})
	go func() {
		defer close(cut)
		waitFor(t, setup, "the runner's COMMIT to run the deferred trigger",
			"SELECT EXISTS (SELECT FROM pg_stat_activity WHERE wait_event = 'PgSleep' AND pid <> pg_backend_pid())")
		conn.PgConn().Conn().Close()
	}()
	_, err = r.Upgrade(ctx, conn, "head")
	<-cut
	var unknown *migrate.CommitUnknownError
	if !errors.As(err, &unknown) {
		t.Fatalf("upgrade with its connection cut during COMMIT: got %v, want a CommitUnknownError", err)
	}
	waitFor(t, setup, "the runner's session to end",
		"SELECT NOT EXISTS (SELECT FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())")
	rows := queryStrings(t, setup, "SELECT count(*)::text FROM slow")
	switch got := versionRows(t, setup); {
	case slices.Equal(got, []string{"c1"}) && slices.Equal(rows, []string{"1"}):
	case len(got) == 0 && slices.Equal(rows, []string{"0"}):
	default:
		t.Fatalf("version table %v with %v rows: not at a boundary", got, rows)
	}
}
