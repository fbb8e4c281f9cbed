// Package examples tests the example projects under this directory, which
// are Go modules of their own: the tests build and run them as a user
// would.
package examples

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/cli"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// shopHead is the newest of the shop's three revisions.
const shopHead = "b1ed8705e869"

// TestShop builds examples/shop, lets it migrate a fresh database at
// startup and checks its health endpoint; runs the steps of its CI workflow
// (autogen check --dev --roundtrip, autogen lint --all) in it; and checks
// that an instance that does not migrate reports 503 while revisions are
// pending.
func TestShop(t *testing.T) {
	dir, err := filepath.Abs("shop")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "shop")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the shop: %v\n%s", err, out)
	}

	// The service migrates its database at startup.
	url := pgtest.NewDB(t)
	base := start(t, bin, url)
	code, body := get(t, base+"/healthz")
	if code != http.StatusOK || body["status"] != "ok" || fmt.Sprint(body["current"]) != "["+shopHead+"]" || body["pending"] != 0.0 {
		t.Errorf("/healthz after migrating = %d %v", code, body)
	}
	tables := pgtest.Query(t, url, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
	if want := "[autogen_version customers order_lines orders products]"; fmt.Sprint(tables) != want {
		t.Errorf("tables = %v, want %s", tables, want)
	}
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(metrics), "\nshop_migrations_pending 0\n") || !strings.Contains(string(metrics), "\nshop_migrations_at_head 1\n") {
		t.Errorf("/metrics:\n%s", metrics)
	}

	// The CI workflow's autogen steps pass in the example.
	for _, args := range [][]string{{"check", "--dev", "--roundtrip"}, {"lint", "--all"}} {
		var out bytes.Buffer
		a := &cli.App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &out, Cwd: dir, Getenv: func(k string) string {
			if k == "DATABASE_URL" {
				// check --dev must not need the user's database.
				return ""
			}
			return os.Getenv(k)
		}}
		if code := a.Run(args); code != 0 {
			t.Errorf("autogen %s exited %d:\n%s", strings.Join(args, " "), code, out.String())
		}
	}

	// An instance that leaves migrating to someone else reports the
	// pending revisions until they are applied.
	behind := pgtest.NewDB(t)
	base = start(t, bin, behind, "-migrate=false")
	code, body = get(t, base+"/healthz")
	if code != http.StatusServiceUnavailable || body["status"] != "migrations pending" || body["pending"] != 3.0 {
		t.Errorf("/healthz before migrating = %d %v", code, body)
	}
}

// start runs the shop on the database at url and returns its base URL; it
// is stopped when the test ends.
func start(t *testing.T, bin, url string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	// The service logs its address once it serves.
	lines := bufio.NewScanner(stderr)
	var log []string
	for lines.Scan() {
		log = append(log, lines.Text())
		if _, addr, ok := strings.Cut(lines.Text(), "shop: listening on "); ok {
			go io.Copy(io.Discard, stderr)
			return "http://" + addr
		}
	}
	t.Fatalf("the shop did not start:\n%s", strings.Join(log, "\n"))
	return ""
}

// get fetches a JSON document.
func get(t *testing.T, url string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("decoding %s: %v", url, err)
	}
	return resp.StatusCode, body
}
