package tempdb

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// TestStartReapsOrphans checks that Start stops a cluster whose owner has
// exited and leaves alone one whose owner is alive.
func TestStartReapsOrphans(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The server may run as another user, who must reach the directory.
	parent, err := os.MkdirTemp("/tmp", "tempdb-reap-")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(parent, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(parent) })

	start := func() *Cluster {
		t.Helper()
		c, err := Start(ctx, WithParentDir(parent))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if _, err := os.Stat(c.Dir); err == nil {
				_ = c.Stop(context.Background())
			}
		})
		return c
	}
	orphan := start()
	live := start()

	// A pid that certainly belonged to a process that has exited.
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(orphan.Dir, ownerFile), []byte(strconv.Itoa(dead.Process.Pid)), 0o644); err != nil {
		t.Fatal(err)
	}
	start()

	if _, err := os.Stat(orphan.Dir); !os.IsNotExist(err) {
		t.Errorf("orphaned cluster directory %s still exists (stat error %v)", orphan.Dir, err)
	}
	connCtx, connCancel := context.WithTimeout(ctx, 5*time.Second)
	defer connCancel()
	if conn, err := pgx.Connect(connCtx, orphan.URL("postgres")); err == nil {
		conn.Close(ctx)
		t.Errorf("orphaned cluster on port %d still accepts connections", orphan.Port)
	}
	conn, err := pgx.Connect(connCtx, live.URL("postgres"))
	if err != nil {
		t.Fatalf("cluster with a live owner was stopped: %v", err)
	}
	conn.Close(ctx)
}
