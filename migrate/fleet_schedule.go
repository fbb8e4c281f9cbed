package migrate

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// ErrNotStarted is EachTarget's error for a target whose turn never came:
// the run stopped (a failure limit, a canary, an interruption) before it.
var ErrNotStarted = errors.New("not started: the run stopped before this target's turn")

// EachTarget connects to every target and calls fn with the target's index
// and connection, which is closed afterwards: at most opts.Jobs targets at
// once and opts.PerServer per server, the canary wave first, and no new
// target after opts.MaxFailures failures, where a failure is an
// unreachable target or fn's error. It returns one error per target: nil,
// the failure (a *TargetError), or ErrNotStarted.
//
// It is the scheduling of UpgradeFleet, for work of an application's own
// across a fleet, such as a data backfill or a health check.
func EachTarget(ctx context.Context, targets []Target, opts FleetOptions, fn func(ctx context.Context, i int, conn *pgx.Conn) error) []error {
	errs := make([]error, len(targets))
	started := make([]bool, len(targets))
	s := scheduler{
		targets: targets, opts: opts.withDefaults(),
		work: func(ctx context.Context, i int, conn *pgx.Conn) (int, bool) {
			if err := fn(ctx, i, conn); err != nil {
				errs[i] = targetError(targets[i], "", err)
				return 1, false
			}
			return 0, true
		},
		fail:  func(i int, err error) { errs[i] = targetError(targets[i], "", err) },
		start: func(i int) { started[i] = true },
	}
	s.run(ctx)
	for i, ok := range started {
		if !ok {
			errs[i] = ErrNotStarted
		}
	}
	return errs
}

// scheduler runs work on targets with bounded parallelism: the loop in run
// decides, in one goroutine, which target starts next; each target runs in
// a goroutine of its own and reports back when it finishes.
type scheduler struct {
	targets []Target
	// opts has its defaults filled in.
	opts FleetOptions
	// work does target i's work on its connection and returns how many of
	// its results failed and whether it changed anything (for the canary).
	work func(ctx context.Context, i int, conn *pgx.Conn) (failed int, changed bool)
	// fail records that target i could not be connected to.
	fail func(i int, err error)
	// start and done, when set, are called from run's goroutine as target
	// i starts and after it finished.
	start func(i int)
	done  func(i int, took time.Duration)
}

// finished is what a target's goroutine hands back to the scheduler.
type finished struct {
	i       int
	failed  int
	changed bool
	took    time.Duration
}

// run works through the targets and returns why it stopped starting new
// ones, or "" when it did not stop early.
func (s *scheduler) run(ctx context.Context) (stopped string) {
	o := s.opts
	ch := make(chan finished)
	started := make([]bool, len(s.targets))
	busy := map[string]int{}
	running, failures, canaryOK, next := 0, 0, 0, 0
	inCanary := func() bool { return o.Canary > 0 && canaryOK < o.Canary }
	for {
		for stopped == "" && ctx.Err() == nil {
			limit := o.Jobs
			if inCanary() {
				// The canary wave: no more targets at once than successes
				// are still needed, so that none starts after a canary
				// failed.
				limit = min(limit, o.Canary-canaryOK)
			}
			if running >= limit {
				break
			}
			i := s.pick(started, busy, next)
			if i < 0 {
				break
			}
			started[i] = true
			for next < len(started) && started[next] {
				next++
			}
			running++
			busy[s.targets[i].server()]++
			if s.start != nil {
				s.start(i)
			}
			go func(i int) {
				t0 := time.Now()
				failed, changed := s.one(ctx, i)
				ch <- finished{i: i, failed: failed, changed: changed, took: time.Since(t0)}
			}(i)
		}
		if running == 0 {
			break
		}
		f := <-ch
		running--
		busy[s.targets[f.i].server()]--
		failures += f.failed
		if s.done != nil {
			s.done(f.i, f.took)
		}
		canary := inCanary()
		switch {
		case stopped != "":
		case ctx.Err() != nil:
			stopped = "interrupted"
		case canary && f.failed > 0:
			stopped = fmt.Sprintf("the canary %s failed", s.targets[f.i].Name)
		case o.MaxFailures > 0 && failures >= o.MaxFailures:
			stopped = fmt.Sprintf("the failure limit of %d was reached", o.MaxFailures)
		}
		if canary && f.failed == 0 && f.changed {
			canaryOK++
		}
	}
	if !slices.Contains(started, false) {
		// Every target had its turn: nothing was stopped.
		return ""
	}
	if stopped == "" && ctx.Err() != nil {
		return "interrupted"
	}
	return stopped
}

// pick returns the first target not started whose server has room, or -1.
func (s *scheduler) pick(started []bool, busy map[string]int, from int) int {
	for i := from; i < len(s.targets); i++ {
		if !started[i] && (s.opts.PerServer <= 0 || busy[s.targets[i].server()] < s.opts.PerServer) {
			return i
		}
	}
	return -1
}

// closeTimeout bounds closing a target's connection, which may be dead.
const closeTimeout = 5 * time.Second

// one connects to target i and does its work.
func (s *scheduler) one(ctx context.Context, i int) (failed int, changed bool) {
	conn, err := s.opts.Connect(ctx, s.targets[i])
	if err != nil {
		s.fail(i, err)
		return 1, false
	}
	defer func() {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
		defer cancel()
		conn.Close(cctx)
	}()
	return s.work(ctx, i, conn)
}
