package runner

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// slowStatement is how long a statement runs before the reporter names it,
// so that a long lock wait or index build is visible while it happens.
const slowStatement = 5 * time.Second

// style colours text on terminals only; NO_COLOR and --color=never turn it
// off.
type style struct{ on bool }

func (e *env) style(w io.Writer) style {
	switch e.color {
	case "always":
		return style{true}
	case "never":
		return style{false}
	}
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return style{false}
	}
	f, ok := w.(*os.File)
	if !ok {
		return style{false}
	}
	st, err := f.Stat()
	return style{err == nil && st.Mode()&os.ModeCharDevice != 0}
}

func (s style) wrap(code, text string) string {
	if !s.on {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s style) bold(t string) string   { return s.wrap("1", t) }
func (s style) green(t string) string  { return s.wrap("32", t) }
func (s style) yellow(t string) string { return s.wrap("33", t) }
func (s style) red(t string) string    { return s.wrap("31", t) }
func (s style) dim(t string) string    { return s.wrap("2", t) }

// reporter prints progress to stderr: each revision as it starts, its
// duration when it ends, every statement at -v, and any statement still
// running after a few seconds.
type reporter struct {
	w       io.Writer
	st      style
	verbose int
	quiet   bool

	mu    sync.Mutex
	timer *time.Timer
	// shown is when progress was last printed.
	shown time.Time
}

func (e *env) reporter() *reporter {
	return &reporter{w: e.stderr, st: e.style(e.stderr), verbose: e.verbose, quiet: e.quiet}
}

var _ migrate.Reporter = (*reporter)(nil)

func (r *reporter) printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(r.w, format, args...)
}

func (r *reporter) StepStarted(s migrate.Step) {
	if r.quiet {
		return
	}
	count := ""
	if s.Total > 1 {
		count = r.st.dim(fmt.Sprintf(" (%d/%d)", s.Index, s.Total))
	}
	r.printf("Running %s %s%s\n", s.Direction, s.Arrow(), count)
}

func (r *reporter) StepDone(s migrate.Step, took time.Duration, err error) {
	if r.quiet || err != nil {
		return
	}
	r.printf("  %s %s in %s\n", r.st.green("done"), s.Revision.ID, round(took))
}

func (r *reporter) StatementStarted(sql string) {
	if r.verbose > 0 && !r.quiet {
		r.printf("%s\n", r.st.dim(indent(sql)))
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.timer = time.AfterFunc(slowStatement, func() {
		if !r.quiet {
			r.printf("  %s still running after %s: %s\n", r.st.yellow("…"), slowStatement, firstLine(sql))
		}
	})
}

func (r *reporter) StatementDone(sql string, took time.Duration, err error) {
	r.mu.Lock()
	if r.timer != nil {
		r.timer.Stop()
		r.timer = nil
	}
	r.mu.Unlock()
	if r.verbose > 0 && !r.quiet && err == nil {
		r.printf("  %s\n", r.st.dim("("+round(took).String()+")"))
	}
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
		r.printf("  %s %s: %d rows so far (%d batches)\n", r.st.dim("…"), p.Operation, p.Rows, p.Steps)
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
