package runner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
)

// interrupts records the signal that stopped a command.
type interrupts struct {
	mu  sync.Mutex
	sig os.Signal
}

func (i *interrupts) set(s os.Signal) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.sig = s
}

// signal returns the signal that stopped the command, or nil.
func (i *interrupts) signal() os.Signal {
	if i == nil {
		return nil
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.sig
}

// exit ends the process on a second signal; tests replace it.
var exit = os.Exit

// sameInterrupt is how close a second signal of the same kind must follow
// the first to be the same interrupt: a terminal's Ctrl-C reaches the
// runner both directly (autogen's process group) and forwarded by autogen.
const sameInterrupt = 500 * time.Millisecond

// handleSignals returns a context that SIGINT or SIGTERM cancels. The
// cancellation reaches the running statement as a cancel request
// (migrate.ConfigureCancel), the runner rolls back, releases the
// migration lock and says where the database stands. A second signal
// exits at once (the same signal within sameInterrupt of the first is the
// same interrupt): the server then rolls back when it notices the closed
// connection.
func (e *env) handleSignals(parent context.Context) (context.Context, func()) {
	e.signals = &interrupts{}
	ctx, cancel := context.WithCancel(parent)
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			e.signals.set(s)
			fmt.Fprintf(e.stderr, "\n%s: cancelling the running statement and waiting for its transaction to roll back (send it again to exit at once)\n", signalName(s))
			cancel()
		case <-done:
			return
		}
		first, firstSig := time.Now(), e.signals.signal()
		for {
			select {
			case s := <-ch:
				if s == firstSig && time.Since(first) < sameInterrupt {
					continue // the same Ctrl-C, through autogen too
				}
				fmt.Fprintf(e.stderr, "%s again: exiting now; PostgreSQL rolls back what was running when it notices the closed connection, and the migration lock goes with the session\n", signalName(s))
				exit(exitcode.Interrupted)
			case <-done:
			}
			return
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel()
	}
}

func signalName(s os.Signal) string {
	if s == os.Interrupt {
		return "Interrupted"
	}
	return "Terminated"
}

// interrupted turns the error of a command a signal stopped into exit code
// Interrupted, after saying what was interrupted and where the database
// now stands. Other errors pass through.
func (e *env) interrupted(ctx context.Context, r *migrate.Runner, conn *pgx.Conn, err error) error {
	sig := e.signals.signal()
	if err == nil || sig == nil {
		return err
	}
	var b strings.Builder
	var re *migrate.RevisionError
	var se *revision.StatementError
	// The connection is still open when the server answered the cancel
	// request and the runner rolled back.
	st, serr := r.Status(context.WithoutCancel(ctx), conn)
	switch {
	case errors.As(err, &re):
		fmt.Fprintf(&b, "%s %s was interrupted", re.Step.Direction, re.Step.Arrow())
		if errors.As(err, &se) {
			fmt.Fprintf(&b, " during: %s", firstLine(se.SQL))
		}
		if serr == nil {
			b.WriteString(".\nThe statement was cancelled and its transaction rolled back.")
		} else {
			b.WriteString(".\nThe connection broke off: PostgreSQL rolls the statement's transaction back when it notices.")
		}
	case strings.Contains(err.Error(), "migration lock"):
		b.WriteString("Interrupted while waiting for the migration lock; nothing ran.")
	default:
		fmt.Fprintf(&b, "Interrupted: %v.", err)
	}
	switch {
	case serr != nil:
		fmt.Fprintf(&b, "\nWhere the database stands is unknown: %v", serr)
	case st.Partial != nil:
		fmt.Fprintf(&b, "\nThe database is at %s, with %s: `autogen upgrade` and `autogen downgrade` continue from there.", orBase(st.Current), st.Partial)
	default:
		fmt.Fprintf(&b, "\nThe database is at %s.", orBase(st.Current))
	}
	fmt.Fprintln(e.stderr, b.String())
	return exitcode.With(exitcode.Interrupted, errSilent)
}
