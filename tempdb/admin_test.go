package tempdb

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestAdminSessionsSurviveTheServer checks that the maintenance sessions
// kept between CreateDatabase calls are reused, that one the server ended
// meanwhile (an administrator's pg_terminate_backend, a restart) is
// replaced rather than failing the next call, and that a throwaway server
// creates databases by copying files.
func TestAdminSessionsSurviveTheServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Stop(context.Background()) })
	url := c.URL("postgres")
	if !admin.throwaway(ctx, url) {
		t.Errorf("a server without fsync is not taken as a throwaway one")
	}

	backends := func() map[int32]bool {
		t.Helper()
		conn, err := pgx.Connect(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		rows, _ := conn.Query(ctx, "SELECT pid FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()")
		pids, err := pgx.CollectRows(rows, pgx.RowTo[int32])
		if err != nil {
			t.Fatal(err)
		}
		out := map[int32]bool{}
		for _, p := range pids {
			out[p] = true
		}
		return out
	}

	if err := CreateDatabase(ctx, url, "first"); err != nil {
		t.Fatal(err)
	}
	kept := backends()
	if len(kept) == 0 {
		t.Fatal("no maintenance session is kept after CreateDatabase")
	}
	if err := DropDatabase(ctx, url, "first"); err != nil {
		t.Fatal(err)
	}
	if again := backends(); len(again) != len(kept) {
		t.Errorf("DropDatabase did not reuse the kept session: sessions %v, then %v", kept, again)
	}

	// The server ends every kept session; the next calls still work.
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'postgres' AND pid <> pg_backend_pid()"); err != nil {
		t.Fatal(err)
	}
	if err := CreateDatabase(ctx, url, "second"); err != nil {
		t.Fatalf("CreateDatabase after the server ended its session: %v", err)
	}
	if err := DropDatabase(ctx, url, "second"); err != nil {
		t.Fatal(err)
	}
}
