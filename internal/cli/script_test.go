package cli_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/jackc/pgx/v5"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/autogen-dev/autogen/internal/cli"
	"github.com/autogen-dev/autogen/internal/pgtest"
)

// pgtestRun adapts pgtest.Run to testscript's TestingM, so that the
// throwaway PostgreSQL cluster is stopped after the scripts ran.
type pgtestRun struct{ m *testing.M }

func (r pgtestRun) Run() int { return pgtest.Run(r.m) }

// TestMain makes the test binary double as the autogen command: scripts
// run `autogen ...` as a real process, with its own exit code and streams.
// testscript.Main is the current form of testscript.RunMain.
func TestMain(m *testing.M) {
	testscript.Main(pgtestRun{m}, map[string]func(){
		"autogen": func() { os.Exit(cli.Main(os.Args[1:])) },
	})
}

// update rewrites the expected output in the scripts from what the
// commands print: go test ./internal/cli -run TestScripts -update.
var update = flag.Bool("update", false, "update the scripts' expected output (cmp files)")

// TestScripts runs testdata/script/*.txtar. Each script gets its own
// database (DATABASE_URL), the server's maintenance database (ADMIN_URL),
// AUTOGEN_SOURCE pointing at this checkout, and a runner cache shared by
// all scripts.
func TestScripts(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	goEnv := goEnvironment(t)
	cache := filepath.Join(t.TempDir(), "runner-cache")
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			tb, ok := env.T().(testing.TB)
			if !ok {
				return errors.New("testscript did not hand over a testing.TB")
			}
			env.Values[scriptTB{}] = tb
			env.Setenv("DATABASE_URL", pgtest.NewDB(tb))
			// ADMIN_URL names the server's maintenance database, for
			// commands that create databases of their own (--dev-url).
			env.Setenv("ADMIN_URL", pgtest.AdminURL(tb))
			env.Setenv("AUTOGEN_SOURCE", root)
			env.Setenv("AUTOGEN_CACHE_DIR", cache)
			for k, v := range goEnv {
				env.Setenv(k, v)
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits": cmdExits,
			"sql":   cmdSQL,
			"pty":   cmdPty,
			// createdb VAR creates one more database for the script and
			// sets VAR to its URL, for fleets.
			"createdb": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 1 {
					ts.Fatalf("usage: createdb VAR")
				}
				ts.Setenv(args[0], pgtest.NewDB(ts.Value(scriptTB{}).(testing.TB)))
			},
		},
	})
}

// scriptTB is the key of the script's testing.TB among testscript's values.
type scriptTB struct{}

// goEnvironment returns the Go settings the scripts need to build runners
// offline from this machine's module and build caches: testscript gives
// each script a HOME of its own, which would otherwise move both caches.
func goEnvironment(t *testing.T) map[string]string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	vals := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(vals) != 4 {
		t.Fatalf("go env printed %q", out)
	}
	return map[string]string{
		"GOCACHE": vals[0], "GOMODCACHE": vals[1], "GOPATH": vals[2], "GOROOT": vals[3],
		// Everything a project needs is in the module cache already; the
		// scripts must not depend on the network.
		"GOPROXY": "off", "GOSUMDB": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-mod=mod",
	}
}

// cmdExits runs a program and checks its exit code:
//
//	exits CODE PROGRAM [ARGS...]
//
// Its output can then be checked with stdout and stderr, as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdSQL runs a query on the script's database and writes the rows to
// stdout, one per line, columns separated by "|", NULL as "NULL":
//
//	sql 'SELECT ...'
func cmdSQL(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sql QUERY")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, ts.Getenv("DATABASE_URL"))
	if err != nil {
		ts.Fatalf("sql: %v", err)
	}
	defer conn.Close(ctx)
	var b strings.Builder
	rows, err := conn.Query(ctx, args[0], pgx.QueryExecModeSimpleProtocol)
	if err == nil {
		for rows.Next() {
			vals, err := rows.Values()
			if err != nil {
				ts.Fatalf("sql: %v", err)
			}
			cells := make([]string, len(vals))
			for i, v := range vals {
				if v == nil {
					cells[i] = "NULL"
				} else {
					cells[i] = fmt.Sprint(v)
				}
			}
			b.WriteString(strings.Join(cells, "|") + "\n")
		}
		err = rows.Err()
	}
	if neg {
		if err == nil {
			ts.Fatalf("sql: the query succeeded")
		}
		fmt.Fprintln(ts.Stderr(), err)
		return
	}
	if err != nil {
		ts.Fatalf("sql: %v", err)
	}
	fmt.Fprint(ts.Stdout(), b.String())
}

// ptyEnv lists the variables a program run by cmdPty inherits from the
// script; testscript keeps the script's environment to itself.
var ptyEnv = []string{"PATH", "HOME", "TMPDIR", "WORK", "DATABASE_URL", "AUTOGEN_SOURCE", "AUTOGEN_CACHE_DIR",
	"GOCACHE", "GOMODCACHE", "GOPATH", "GOROOT", "GOPROXY", "GOSUMDB", "GOTOOLCHAIN", "GOFLAGS", "NO_COLOR", "TERM"}

// cmdPty runs a program with a pseudo-terminal as its standard input,
// output and error, as a user's shell would, and writes what the terminal
// received to stdout, with the terminal's "\r\n" turned back into "\n":
//
//	pty [CODE] PROGRAM [ARGS...]
//
// CODE is the exit code expected (0 unless given). Scripts check colour
// and progress on a terminal with it.
func cmdPty(ts *testscript.TestScript, neg bool, args []string) {
	want := 0
	if len(args) > 0 {
		if n, err := strconv.Atoi(args[0]); err == nil {
			want, args = n, args[1:]
		}
	}
	if neg || len(args) == 0 {
		ts.Fatalf("usage: pty [CODE] PROGRAM [ARGS...]")
	}
	path, err := lookPath(ts.Getenv("PATH"), args[0])
	if err != nil {
		ts.Fatalf("pty: %v", err)
	}
	cmd := exec.Command(path, args[1:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range ptyEnv {
		if v := ts.Getenv(k); v != "" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	if ts.Getenv("TERM") == "" {
		cmd.Env = append(cmd.Env, "TERM=xterm")
	}
	ptmx, err := pty.Start(cmd)
	if err != nil {
		ts.Fatalf("pty: %v", err)
	}
	defer ptmx.Close()
	read := make(chan []byte)
	go func() {
		// Reading ends with EIO once every process holding the terminal
		// (the program and anything it started) has exited.
		b, _ := io.ReadAll(ptmx)
		read <- b
	}()
	err = cmd.Wait()
	out := <-read
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("pty: %v", err)
	}
	fmt.Fprint(ts.Stdout(), strings.ReplaceAll(string(out), "\r\n", "\n"))
	if got != want {
		ts.Fatalf("%s exited with %d, want %d:\n%s", args[0], got, want, out)
	}
}

// lookPath finds a program in the script's PATH, which holds the autogen
// command testscript provides.
func lookPath(path, name string) (string, error) {
	if strings.Contains(name, "/") {
		return name, nil
	}
	for _, dir := range filepath.SplitList(path) {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() && st.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s not found in the script's PATH", name)
}
