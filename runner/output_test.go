package runner

import (
	"bytes"
	"context"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// tableRev is a revision that creates table NAME and drops it again.
func tableRev(id, name, msg string, parents ...string) *revision.Revision {
	return &revision.Revision{
		ID: id, Revises: parents, Message: msg,
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.CreateTable{Name: name, Columns: []op.Column{{Name: "id", Type: "integer"}}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropTable{Name: name})
		},
	}
}

// sleepRev is a revision whose upgrade runs one statement that takes d.
func sleepRev(id string, d time.Duration, parents ...string) *revision.Revision {
	return &revision.Revision{
		ID: id, Revises: parents, Message: "slow",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "SELECT pg_sleep(" + strconv.FormatFloat(d.Seconds(), 'f', -1, 64) + ")"})
		},
	}
}

func newRegistry(revs ...*revision.Revision) *revision.Registry {
	reg := revision.NewRegistry()
	for _, r := range revs {
		reg.Add(r)
	}
	return reg
}

// threeTables is a chain of three revisions, for progress counts.
func threeTables() *revision.Registry {
	return newRegistry(
		tableRev("a1", "t1", "first"),
		tableRev("b2", "t2", "second", "a1"),
		tableRev("c3", "t3", "third", "b2"),
	)
}

// run runs the runner command line on the database at url with the given
// standard error and environment (beyond DATABASE_URL) and returns standard
// output and the exit code.
func run(t *testing.T, reg *revision.Registry, url string, stderr io.Writer, env map[string]string, args []string, opts ...Option) (string, int) {
	t.Helper()
	var stdout bytes.Buffer
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return url
		}
		return env[k]
	}
	opts = append([]Option{WithIO(strings.NewReader(""), &stdout, stderr), WithGetenv(getenv)}, opts...)
	code := Main(reg, args, opts...)
	return stdout.String(), code
}

// durations matches the durations the reporter prints, which vary from run
// to run.
var durations = regexp.MustCompile(`\d+(\.\d+)?(µs|ms|s)`)

func normalize(s string) string { return durations.ReplaceAllString(s, "TIME") }

// TestProgressPlain checks the progress of an upgrade that is not on a
// terminal: every revision's start with i/N, its duration, and no escape
// code anywhere.
func TestProgressPlain(t *testing.T) {
	url := pgtest.NewDB(t)
	var stderr bytes.Buffer
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"upgrade", "head"}); code != 0 {
		t.Fatalf("upgrade exited %d: %s", code, stderr.String())
	}
	want := `Running upgrade  -> a1, first (1/3)
  done a1 in TIME
Running upgrade a1 -> b2, second (2/3)
  done b2 in TIME
Running upgrade b2 -> c3, third (3/3)
  done c3 in TIME
`
	if got := normalize(stderr.String()); got != want {
		t.Errorf("progress:\n%s\nwant:\n%s", got, want)
	}

	// One revision is not counted: "(1/1)" says nothing.
	stderr.Reset()
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"downgrade", "-1"}); code != 0 {
		t.Fatalf("downgrade exited %d: %s", code, stderr.String())
	}
	want = "Running downgrade c3 -> b2, third\n  done c3 in TIME\n"
	if got := normalize(stderr.String()); got != want {
		t.Errorf("progress of one revision:\n%s\nwant:\n%s", got, want)
	}
}

// TestProgressLevels checks -q (nothing but errors) and -v (every statement
// with its duration).
func TestProgressLevels(t *testing.T) {
	url := pgtest.NewDB(t)
	var stderr bytes.Buffer
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"upgrade", "+1", "-q"}); code != 0 {
		t.Fatalf("upgrade -q exited %d", code)
	}
	if stderr.Len() != 0 {
		t.Errorf("upgrade -q printed %q", stderr.String())
	}
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"upgrade", "+1", "-v"}); code != 0 {
		t.Fatalf("upgrade -v exited %d: %s", code, stderr.String())
	}
	want := `Running upgrade a1 -> b2, second
  CREATE TABLE t2 (
      id integer
  )
  (TIME)
  done b2 in TIME
`
	if got := normalize(stderr.String()); got != want {
		t.Errorf("upgrade -v:\n%s\nwant:\n%s", got, want)
	}
}

// TestSlowStatement checks that a statement still running after the
// threshold is named while it runs, before its revision is done.
func TestSlowStatement(t *testing.T) {
	url := pgtest.NewDB(t)
	var stderr bytes.Buffer
	reg := newRegistry(sleepRev("s1", 600*time.Millisecond))
	if _, code := run(t, reg, url, &stderr, nil, []string{"upgrade", "head"}, withSlowStatement(100*time.Millisecond)); code != 0 {
		t.Fatalf("upgrade exited %d: %s", code, stderr.String())
	}
	want := `Running upgrade  -> s1, slow
  … still running after TIME: SELECT pg_sleep(0.6)
  done s1 in TIME
`
	if got := normalize(stderr.String()); got != want {
		t.Errorf("progress:\n%s\nwant:\n%s", got, want)
	}

	// -q silences the notice too.
	stderr.Reset()
	reg = newRegistry(sleepRev("s1", 600*time.Millisecond), sleepRev("s2", 300*time.Millisecond, "s1"))
	if _, code := run(t, reg, url, &stderr, nil, []string{"upgrade", "head", "-q"}, withSlowStatement(100*time.Millisecond)); code != 0 {
		t.Fatalf("upgrade -q exited %d: %s", code, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("upgrade -q printed %q", stderr.String())
	}
}

// TestProgressFailure checks that a failing revision is marked failed and
// its error printed once.
func TestProgressFailure(t *testing.T) {
	url := pgtest.NewDB(t)
	var stderr bytes.Buffer
	broken := &revision.Revision{ID: "b2", Revises: []string{"a1"}, Message: "broken",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "SELECT * FROM missing_table"})
		}}
	reg := newRegistry(tableRev("a1", "t1", "first"), broken)
	if _, code := run(t, reg, url, &stderr, nil, []string{"upgrade", "head"}); code != 8 {
		t.Fatalf("upgrade exited %d, want 8: %s", code, stderr.String())
	}
	got := normalize(stderr.String())
	for _, want := range []string{"Running upgrade a1 -> b2, broken (2/2)\n  failed b2 after TIME\nError: upgrade a1 -> b2, broken failed: ", `relation "missing_table" does not exist`} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "Error:") != 1 {
		t.Errorf("the error is not printed exactly once:\n%s", got)
	}
}

// ptyOutput runs the runner with standard error on a pseudo-terminal and
// returns what the terminal received, with the terminal's "\r\n" line
// endings turned back into "\n".
func ptyOutput(t *testing.T, reg *revision.Registry, url string, env map[string]string, args ...string) string {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatalf("opening a pseudo-terminal: %v", err)
	}
	defer ptmx.Close()
	read := make(chan string)
	go func() {
		// Reading ends with an error (EIO on Linux) once the terminal side
		// is closed and everything written to it has been read.
		b, _ := io.ReadAll(ptmx)
		read <- string(b)
	}()
	_, code := run(t, reg, url, tty, env, args)
	tty.Close()
	out := strings.ReplaceAll(<-read, "\r\n", "\n")
	if code != 0 {
		t.Fatalf("%s exited %d: %s", args, code, out)
	}
	return out
}

// TestTerminal checks colour under a pseudo-terminal: on by default, off
// with NO_COLOR, TERM=dumb or --color=never, and forced by --color=always
// when the output is not a terminal.
func TestTerminal(t *testing.T) {
	url := pgtest.NewDB(t)
	out := ptyOutput(t, threeTables(), url, nil, "upgrade", "+2")
	want := "Running upgrade  -> a1, first\x1b[2m (1/2)\x1b[0m\n  \x1b[32mdone\x1b[0m a1 in TIME\n" +
		"Running upgrade a1 -> b2, second\x1b[2m (2/2)\x1b[0m\n  \x1b[32mdone\x1b[0m b2 in TIME\n"
	if got := normalize(out); got != want {
		t.Errorf("on a terminal:\n%q\nwant:\n%q", got, want)
	}

	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"NO_COLOR", map[string]string{"NO_COLOR": "1"}, nil},
		{"TERM=dumb", map[string]string{"TERM": "dumb"}, nil},
		{"--color=never", nil, []string{"--color=never"}},
	} {
		out := ptyOutput(t, threeTables(), url, tc.env, append([]string{"downgrade", "-1"}, tc.args...)...)
		if want := "Running downgrade b2 -> a1, second\n  done b2 in TIME\n"; normalize(out) != want {
			t.Errorf("%s: %q, want %q", tc.name, normalize(out), want)
		}
		var stderr bytes.Buffer
		if _, code := run(t, threeTables(), url, &stderr, nil, []string{"upgrade", "+1"}); code != 0 {
			t.Fatalf("upgrade exited %d: %s", code, stderr.String())
		}
	}

	var stderr bytes.Buffer
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"upgrade", "+1", "--color=always"}); code != 0 {
		t.Fatalf("upgrade exited %d: %s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "\x1b[32mdone\x1b[0m") {
		t.Errorf("--color=always did not colour a pipe: %q", stderr.String())
	}
	if _, code := run(t, threeTables(), url, &stderr, nil, []string{"current", "--color=sometimes"}); code != 2 {
		t.Errorf("--color=sometimes exited %d, want 2", code)
	}
}

// TestTerminalRequiresFile checks the terminal test itself: a pipe is not
// a terminal, the pseudo-terminal is.
func TestTerminalRequiresFile(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	e := &env{color: "auto", getenv: func(string) string { return "" }}
	if e.style(w).On() {
		t.Error("a pipe counts as a terminal")
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer ptmx.Close()
	defer tty.Close()
	if !e.style(tty).On() {
		t.Error("a pseudo-terminal does not count as a terminal")
	}
}
