package corpus

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestCtrlCThroughAutogen interrupts `autogen upgrade head` while its
// revision waits on a lock, the way users do: Ctrl-C at a terminal (the
// signal reaches autogen's whole process group, the runner it started
// included) and a signal to autogen alone (kill PID, a CI job's timeout).
// Either way the runner must cancel the statement on the server, roll
// back, say so and exit 130; no session of it may be left waiting with the
// revision's locks and the migration lock. autogen used to kill the runner
// outright: exit 255 without a word, and its session waited on until the
// lock was released.
func TestCtrlCThroughAutogen(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	bin, repo := buildAutogen(t, tmp)
	url := pgtest.NewDB(t)
	env := append(os.Environ(), "DATABASE_URL="+url, "AUTOGEN_SOURCE="+repo,
		"AUTOGEN_CACHE_DIR="+filepath.Join(tmp, "cache"), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOSUMDB=off")
	project := filepath.Join(tmp, "app")
	if err := os.MkdirAll(project, 0o755); err != nil {
		t.Fatal(err)
	}
	autogen := func(args ...string) *exec.Cmd {
		cmd := exec.Command(filepath.Join(bin, "autogen"), args...)
		cmd.Dir, cmd.Env = project, env
		return cmd
	}
	run := func(args ...string) {
		t.Helper()
		if out, err := autogen(args...).CombinedOutput(); err != nil {
			t.Fatalf("autogen %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	schema := func(sql string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(project, "schema.sql"), []byte(sql), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("init", ".", "-q")
	schema("CREATE TABLE t (id int);\n")
	run("revision", "-m", "create t", "--rev-id", "0000000000a1", "-q")
	run("upgrade", "head", "-q")
	schema("CREATE TABLE t (id int, note text);\n")
	run("revision", "-m", "add note", "--rev-id", "0000000000b2", "-q")

	for _, whole := range []bool{true, false} {
		name := "signal to autogen alone"
		if whole {
			name = "Ctrl-C to the process group"
		}
		t.Run(name, func(t *testing.T) {
			locker, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer locker.Close(ctx)
			// Another session watches: one in a transaction sees the
			// statistics of its first look only.
			watcher, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer watcher.Close(ctx)
			if _, err := locker.Exec(ctx, "BEGIN; LOCK TABLE t IN ACCESS EXCLUSIVE MODE"); err != nil {
				t.Fatal(err)
			}
			cmd := autogen("upgrade", "head")
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stderr, &stderr
			// A process group of its own, as a shell gives a foreground job.
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waiting := func() int {
				var n int
				if err := watcher.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").Scan(&n); err != nil {
					t.Fatal(err)
				}
				return n
			}
			for deadline := time.Now().Add(60 * time.Second); waiting() == 0; time.Sleep(50 * time.Millisecond) {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("the upgrade never waited on the lock:\n%s", stderr.String())
				}
			}
			target := cmd.Process.Pid
			if whole {
				target = -target
			}
			if err := syscall.Kill(target, syscall.SIGINT); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("autogen still ran 20 s after the signal:\n%s", stderr.String())
			}
			if code := cmd.ProcessState.ExitCode(); code != exitcode.Interrupted {
				t.Errorf("exit code %d, want %d\n%s", code, exitcode.Interrupted, stderr.String())
			}
			for _, want := range []string{"was interrupted during: ALTER TABLE", "The statement was cancelled and its transaction rolled back.", "The database is at 0000000000a1."} {
				if !strings.Contains(stderr.String(), want) {
					t.Errorf("output lacks %q:\n%s", want, stderr.String())
				}
			}
			// The runner's session stops waiting at once, with the lock
			// still held here.
			if n := waiting(); n != 0 {
				t.Errorf("%d session(s) still wait on the lock after autogen exited", n)
			}
			if _, err := locker.Exec(ctx, "COMMIT"); err != nil {
				t.Fatal(err)
			}
		})
	}
	// Nothing of the interrupted revision stayed; it runs whole now.
	run("upgrade", "head", "-q")
	out, err := autogen("check").CombinedOutput()
	if err != nil {
		t.Fatalf("check after the upgrade: %v\n%s", err, out)
	}
}
