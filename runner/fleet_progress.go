package runner

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/autogen-dev/autogen/internal/term"
	"github.com/autogen-dev/autogen/migrate"
)

// fleetProgress shows a fleet run on standard error: a line per target as
// it finishes and, on a terminal, a live line redrawn below them,
//
//	[12 done, 1 failed, 8 running, 59 waiting of 80] 0:14, about 0:52 left
//
// It is the run's migrate.FleetReporter.
type fleetProgress struct {
	w     io.Writer
	st    term.Style
	live  bool
	quiet bool
	start time.Time

	mu                           sync.Mutex
	total, done, failed, running int
	shown                        bool
	stop                         chan struct{}
	stopped                      sync.WaitGroup
}

// progressTick is how often the live line is redrawn.
const progressTick = 250 * time.Millisecond

func (e *env) newFleetProgress(total int) *fleetProgress {
	p := &fleetProgress{w: e.stderr, st: e.style(e.stderr), live: term.IsTerminal(e.stderr) && !e.quiet, quiet: e.quiet,
		total: total, start: time.Now(), stop: make(chan struct{})}
	if p.live {
		p.stopped.Add(1)
		go func() {
			defer p.stopped.Done()
			tick := time.NewTicker(progressTick)
			defer tick.Stop()
			for {
				select {
				case <-p.stop:
					return
				case <-tick.C:
					p.mu.Lock()
					p.redraw()
					p.mu.Unlock()
				}
			}
		}()
	}
	return p
}

// header announces the run.
func (p *fleetProgress) header(command, name, goal string, o migrate.FleetOptions) {
	if p.quiet {
		return
	}
	verb := map[string]string{"upgrade": "Upgrading", "downgrade": "Downgrading", "stamp": "Stamping"}[command]
	line := fmt.Sprintf("%s fleet %s to %s: %s, %d at a time", verb, name, goal, plural(p.total, "target"), o.Jobs)
	if o.PerServer > 0 {
		line += fmt.Sprintf(", %d per server", o.PerServer)
	}
	if o.Canary > 0 {
		line += fmt.Sprintf(", %s first", plural(o.Canary, "canary"))
	}
	p.println(line)
}

// TargetStarted counts a running target.
func (p *fleetProgress) TargetStarted(migrate.Target) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.running++
	p.redraw()
}

// TargetDone prints a line per result of the target: what it moved, that
// it was already at the goal, or why it failed.
func (p *fleetProgress) TargetDone(t migrate.Target, results []migrate.TargetResult) {
	p.mu.Lock()
	p.running--
	if slices.ContainsFunc(results, func(r migrate.TargetResult) bool { return r.State == migrate.TargetFailed }) {
		p.failed++
	} else {
		p.done++
	}
	p.mu.Unlock()
	for _, res := range results {
		label := res.Label()
		switch res.State {
		case migrate.TargetDone:
			if !p.quiet {
				p.println(fmt.Sprintf("%s  %s: %s -> %s (%s, %s)", p.st.Green("done"), label, position(res.From), position(res.To),
					plural(res.Moved, "revision"), round(res.Took)))
			}
		case migrate.TargetSkipped:
			if !p.quiet {
				p.println(fmt.Sprintf("%s  %s: already at %s", p.st.Dim("skip"), label, position(res.To)))
			}
		case migrate.TargetFailed:
			msg := strings.ReplaceAll(errorText(label, res.Err), "\n", "\n        ")
			p.println(fmt.Sprintf("%s  %s: %s", p.st.Red("FAIL"), label, msg))
		default:
			if !p.quiet {
				p.println(fmt.Sprintf("%s  %s: not started", p.st.Dim("stop"), label))
			}
		}
	}
}

// println prints a line above the live line.
func (p *fleetProgress) println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintln(p.w, line)
	p.redraw()
}

// clear removes the live line; the caller holds mu.
func (p *fleetProgress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// redraw draws the live line; the caller holds mu.
func (p *fleetProgress) redraw() {
	if !p.live {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K"+p.line(time.Since(p.start)))
	p.shown = true
}

// line renders the live line after elapsed: the counts, the time taken and
// an estimate of the time left from the pace so far.
func (p *fleetProgress) line(elapsed time.Duration) string {
	waiting := p.total - p.done - p.failed - p.running
	s := fmt.Sprintf("[%d done, %d failed, %d running, %d waiting of %d] %s", p.done, p.failed, p.running, waiting, p.total, clock(elapsed))
	if finished := p.done + p.failed; finished > 0 && finished < p.total {
		left := elapsed / time.Duration(finished) * time.Duration(p.total-finished)
		s += ", about " + clock(left) + " left"
	}
	return s
}

// clock renders a duration as m:ss.
func clock(d time.Duration) string {
	sec := int(d.Round(time.Second) / time.Second)
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}

// finish stops and removes the live line.
func (p *fleetProgress) finish() {
	close(p.stop)
	p.stopped.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

// summary prints how the run ended.
func (p *fleetProgress) summary(command string, rep *migrate.FleetReport) {
	verb := map[string]string{"upgrade": "upgraded", "downgrade": "downgraded", "stamp": "stamped"}[command]
	n := func(s migrate.TargetState) int { return rep.Count(s) }
	counts := fmt.Sprintf("%d %s, %d already there", n(migrate.TargetDone), verb, n(migrate.TargetSkipped))
	total := plural(len(rep.Results), "target")
	if rep.Err() == nil {
		if !p.quiet {
			fmt.Fprintf(p.w, "%s %s in %s: %s\n", p.st.Green("Done:"), total, clock(rep.Took), counts)
		}
		return
	}
	line := fmt.Sprintf("%s: %d failed, %d not started, %s", total, n(migrate.TargetFailed), n(migrate.TargetNotStarted), counts)
	if rep.Stopped != "" {
		line += " (stopped: " + rep.Stopped + ")"
	}
	fmt.Fprintf(p.w, "%s %s\n", p.st.Red("Failed:"), line)
}

// prefixWriter prints each line written to it above the live line, with a
// prefix naming the target: the -v output of targets running in parallel.
type prefixWriter struct {
	p      *fleetProgress
	prefix string
	buf    bytes.Buffer
}

// Write prints every complete line.
func (w *prefixWriter) Write(b []byte) (int, error) {
	w.buf.Write(b)
	for {
		line, err := w.buf.ReadString('\n')
		if err != nil {
			w.buf.WriteString(line)
			return len(b), nil
		}
		w.p.println(w.prefix + strings.TrimSuffix(line, "\n"))
	}
}

// writeTable prints rows as aligned columns, without trailing spaces.
func writeTable(w io.Writer, rows [][]string) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	tw.Flush()
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line != "" {
			fmt.Fprintln(w, strings.TrimRight(line, " \n"))
		}
	}
}

// plural renders "1 target" or "3 targets".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
