package cli_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
// database (DATABASE_URL), AUTOGEN_SOURCE pointing at this checkout, and a
// runner cache shared by all scripts.
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
			env.Setenv("DATABASE_URL", pgtest.NewDB(tb))
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
		},
	})
}

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
