package runner

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// slowStatement is how long a statement runs before the reporter names it,
// so that a long lock wait or index build is visible while it happens.
const slowStatement = 5 * time.Second

// withSlowStatement changes how long a statement runs before it is named,
// so that a test need not wait five seconds to see the notice.
func withSlowStatement(d time.Duration) Option { return func(e *env) { e.slow = d } }

// style returns the output style of w under the global --color flag and
// the environment (NO_COLOR, TERM).
func (e *env) style(w io.Writer) term.Style { return term.For(w, e.color, e.getenv) }

// reporter prints progress to stderr: each revision as it starts, its
// duration when it ends, every statement at -v, and any statement still
// running after a few seconds.
type reporter struct {
	w       io.Writer
	st      term.Style
	verbose int
	quiet   bool
	slow    time.Duration

	mu    sync.Mutex
	timer *time.Timer
	// shown is when progress was last printed.
	shown time.Time
}

func (e *env) reporter() *reporter {
	slow := e.slow
	if slow == 0 {
		slow = slowStatement
	}
	return &reporter{w: e.stderr, st: e.style(e.stderr), verbose: e.verbose, quiet: e.quiet, slow: slow}
}

var (
	_ migrate.Reporter = (*reporter)(nil)
	_ migrate.Noter    = (*reporter)(nil)
)

func (r *reporter) printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(r.w, format, args...)
}

// StepStarted prints "Running upgrade a1 -> b2, message (i/N)", the count
// only when the command applies more than one revision.
func (r *reporter) StepStarted(s migrate.Step) {
	if r.quiet {
		return
	}
	count := ""
	if s.Total > 1 {
		count = r.st.Dim(fmt.Sprintf(" (%d/%d)", s.Index, s.Total))
	}
	r.printf("Running %s %s%s\n", s.Direction, s.Arrow(), count)
}

// StepDone prints the revision's duration, or that it failed; the error
// itself is printed once, by Main.
func (r *reporter) StepDone(s migrate.Step, took time.Duration, err error) {
	if r.quiet {
		return
	}
	if err != nil {
		r.printf("  %s %s after %s\n", r.st.Red("failed"), s.Revision.ID, round(took))
		return
	}
	r.printf("  %s %s in %s\n", r.st.Green("done"), s.Revision.ID, round(took))
}

// Note prints a difference that does not fail the command, such as a
// column order the stairway test ignores.
func (r *reporter) Note(msg string) {
	if r.quiet {
		return
	}
	r.printf("%s %s\n", r.st.Yellow("Note:"), msg)
}

// StatementStarted prints the statement at -v and arms the notice that
// names it if it is still running after r.slow.
func (r *reporter) StatementStarted(sql string) {
	if r.verbose > 0 && !r.quiet {
		r.printf("%s\n", r.st.Dim(indent(sql)))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.timer = time.AfterFunc(r.slow, func() {
		if !r.quiet {
			r.printf("  %s still running after %s: %s\n", r.st.Yellow("…"), r.slow, firstLine(sql))
		}
	})
}

// StatementDone disarms the notice and prints the duration at -v.
func (r *reporter) StatementDone(sql string, took time.Duration, err error) {
	r.mu.Lock()
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.mu.Unlock()
	if r.verbose > 0 && !r.quiet && err == nil {
		r.printf("  %s\n", r.st.Dim("("+round(took).String()+")"))
	}
}

var _ migrate.Noticer = (*reporter)(nil)

// Notice prints what the runner says along the way: who holds the
// migration lock it waits for, each segment of a revision that runs in
// several, a probe of the data guard that reads a whole table.
func (r *reporter) Notice(msg string) {
	if r.quiet {
		return
	}
	r.printf("  %s %s\n", r.st.Dim("…"), msg)
}

var _ revision.ProgressObserver = (*reporter)(nil)

// Progress prints how far a batched operation has got: every batch at -v,
// otherwise every few seconds, and always the total at the end.
func (r *reporter) Progress(p op.Progress) {
	if r.quiet {
		return
	}
	if p.Done {
		r.printf("  %s: %d rows in %d batches\n", p.Operation, p.Rows, p.Steps)
		return
	}
	r.mu.Lock()
	due := r.verbose > 0 || time.Since(r.shown) >= progressEvery
	if due {
		r.shown = time.Now()
	}
	r.mu.Unlock()
	if due {
		r.printf("  %s %s: %d rows so far (%d batches)\n", r.st.Dim("…"), p.Operation, p.Rows, p.Steps)
	}
}

// progressEvery is how often progress is printed without -v.
const progressEvery = 5 * time.Second

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	case d > time.Millisecond:
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

func indent(sql string) string {
	return "  " + strings.ReplaceAll(strings.TrimSpace(sql), "\n", "\n  ")
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// writeJSON prints v as indented JSON with a trailing newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
