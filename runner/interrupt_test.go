package runner

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// The interrupt tests run the runner command line as a process of its own
// (this test binary, started again with helperEnv naming the registry), so
// that it gets real signals.
const (
	helperEnv = "AUTOGEN_RUNNER_HELPER"
	// helperApp is the application_name of the helper's session.
	helperApp = "autogen-interrupt-helper"
)

// helperRegistries are the registries a helper process can run: a1 creates
// a table; b2 takes an ACCESS EXCLUSIVE lock on it and then sleeps; in
// "stubborn", the sleep ignores cancel requests.
func helperRegistry(kind string) *revision.Registry {
	sleep := "SELECT pg_sleep(60)"
	if kind == "stubborn" {
		sleep = "DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(60); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$"
	}
	slow := &revision.Revision{ID: "b2", Revises: []string{"a1"}, Message: "slow",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.AddColumn{Table: "t1", Column: op.Column{Name: "x", Type: "integer"}}, op.Execute{SQL: sleep})
		}}
	return newRegistry(tableRev("a1", "t1", "first"), slow)
}

func init() {
	// A helper process runs the command line instead of the tests.
	if kind := os.Getenv(helperEnv); kind != "" {
		os.Exit(Main(helperRegistry(kind), os.Args[len(os.Args)-2:]))
	}
}

// atA1 returns a new database upgraded to a1 of the helper registry of
// kind, and a connection to it.
func atA1(t *testing.T, kind string) (string, *pgx.Conn) {
	t.Helper()
	url := pgtest.NewDB(t)
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	if _, code := run(t, helperRegistry(kind), url, io.Discard, nil, []string{"upgrade", "a1"}); code != 0 {
		t.Fatalf("upgrade a1 exited %d", code)
	}
	return url, conn
}

// startHelper runs `upgrade head` in a helper process against url and
// returns it with its standard error, once the statement that sleeps runs.
func startHelper(t *testing.T, url, kind string, conn *pgx.Conn) (*exec.Cmd, *lockedBuffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$", "upgrade", "head")
	cmd.Env = append(os.Environ(), helperEnv+"="+kind, "DATABASE_URL="+url+"&application_name="+helperApp)
	if !strings.Contains(url, "?") {
		cmd.Env[len(cmd.Env)-1] = "DATABASE_URL=" + url + "?application_name=" + helperApp
	}
	stderr := &lockedBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_, _ = conn.Exec(context.Background(), "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"+helperApp+"'")
	})
	waitUntil(t, conn, "the helper to run its sleep", "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE application_name = '"+helperApp+"' AND query LIKE '%pg_sleep%' AND state = 'active')")
	return cmd, stderr
}

// lockedBuffer is a bytes.Buffer safe for a process to write while the
// test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func waitUntil(t *testing.T, conn *pgx.Conn, what, sql string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var ok bool
		if err := conn.QueryRow(context.Background(), sql).Scan(&ok); err != nil {
			t.Fatalf("waiting for %s: %v", what, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exitCode waits for the process and returns its exit code, failing when it
// takes longer than limit.
func exitCode(t *testing.T, cmd *exec.Cmd, limit time.Duration) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("the runner was still running %s after the signal", limit)
	}
	return cmd.ProcessState.ExitCode()
}

// TestInterruptCancelsTheStatementOnTheServer is the fourth scenario of
// issue 11: SIGINT while a revision holds an ACCESS EXCLUSIVE lock in a
// long statement. The runner must cancel the statement on the server (not
// just close its socket), wait for the rollback, release the migration
// lock, say which revision and statement were interrupted and where the
// database stands, and exit 130. Right after it exits, the table is free
// and no session of it is left.
func TestInterruptCancelsTheStatementOnTheServer(t *testing.T) {
	ctx := context.Background()
	url, conn := atA1(t, "plain")
	cmd, stderr := startHelper(t, url, "plain", conn)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd, 15*time.Second); code != exitcode.Interrupted {
		t.Fatalf("exit code %d, want %d\n%s", code, exitcode.Interrupted, stderr)
	}
	for _, want := range []string{
		"Interrupted: cancelling the running statement and waiting for its transaction to roll back",
		"upgrade a1 -> b2, slow was interrupted during: SELECT pg_sleep(60).",
		"The statement was cancelled and its transaction rolled back.",
		"The database is at a1.",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	// The table is free at once, the lock released.
	if _, err := conn.Exec(ctx, "SET lock_timeout = '1s'; LOCK TABLE t1 IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Errorf("the table is still locked after the runner exited: %v", err)
	}
	// The session goes too. A backend ends on its own after its client
	// has said goodbye, so under load it may still be listed for a
	// moment after the runner exited: it must be gone within seconds, not
	// linger (10 s is far below any keepalive or timeout that would end a
	// forgotten one).
	deadline := time.Now().Add(10 * time.Second)
	for {
		var left int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", helperApp).Scan(&left); err != nil {
			t.Fatal(err)
		}
		if left == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("%d session(s) of the interrupted runner are left 10 s after it exited", left)
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	var cols string
	if err := conn.QueryRow(ctx, "SELECT string_agg(column_name::text, ',') FROM information_schema.columns WHERE table_name = 't1'").Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if cols != "id" {
		t.Errorf("columns of t1 after the rollback: %s", cols)
	}
}

// TestSecondSignalExitsAtOnce: when the statement does not stop (here it
// ignores cancel requests), a second signal makes the runner exit at
// once, saying so.
func TestSecondSignalExitsAtOnce(t *testing.T) {
	url, conn := atA1(t, "stubborn")
	cmd, stderr := startHelper(t, url, "stubborn", conn)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "Terminated: cancelling") {
		if time.Now().After(deadline) {
			t.Fatalf("no notice of the first signal:\n%s", stderr)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := exitCode(t, cmd, 5*time.Second); code != exitcode.Interrupted {
		t.Fatalf("exit code %d, want %d\n%s", code, exitcode.Interrupted, stderr)
	}
	if !strings.Contains(stderr.String(), "Interrupted again: exiting now") {
		t.Errorf("stderr lacks the notice of the second signal:\n%s", stderr)
	}
}

// TestWaitingForTheLockIsShown: `upgrade` waiting for another runner's
// migration lock says, after two seconds, which backend holds it.
func TestWaitingForTheLockIsShown(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		t.Fatal(err)
	}
	cfg.RuntimeParams["application_name"] = "deploy-42"
	holder, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close(ctx)
	reg := newRegistry(sleepRev("s1", 3*time.Second))
	r, err := migrate.New(reg)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := r.Upgrade(ctx, holder, "head")
		done <- err
	}()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	waitUntil(t, conn, "the first runner to take the lock", "SELECT EXISTS (SELECT FROM pg_locks WHERE locktype = 'advisory' AND granted)")
	var stderr bytes.Buffer
	if _, code := run(t, reg, url, &stderr, nil, []string{"upgrade", "head"}); code != 0 {
		t.Fatalf("exit code %d\n%s", code, stderr.String())
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	line := ""
	sc := bufio.NewScanner(strings.NewReader(stderr.String()))
	for sc.Scan() {
		if strings.Contains(sc.Text(), "waiting for the migration lock") {
			line = sc.Text()
		}
	}
	for _, want := range []string{"  … waiting for the migration lock of public.autogen_version, held by backend pid ", "(deploy-42, from ", "connected since "} {
		if !strings.Contains(line, want) {
			t.Errorf("the waiting notice lacks %q: %q\n%s", want, line, stderr.String())
		}
	}
	if !strings.Contains(stderr.String(), "  … took the migration lock after ") {
		t.Errorf("the runner did not say when it got the lock:\n%s", stderr.String())
	}
	if !strings.Contains(stderr.String(), "Nothing to upgrade") {
		t.Errorf("the second runner did not find the work done:\n%s", stderr.String())
	}
}
