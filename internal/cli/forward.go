package cli

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"slices"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// inspectCommands are the runner commands autogen lists under
// "Inspecting:"; the others are listed under "Applying revisions:".
var inspectCommands = []string{"current", "history", "heads", "branches", "show", "status", "lint"}

// forwardedCmds returns the runner's own commands (runner.Mount): cobra
// parses their flags and arguments here, with the runner's definitions and
// help, and their execution builds the project's runner and runs the same
// command line in it.
func (a *App) forwardedCmds() []*cobra.Command {
	cmds := runner.Mount(runner.Host{
		Run: func(cmd *cobra.Command, argv []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			return a.runRunner(cmd.Context(), cfg, argv)
		},
		Graph: a.projectGraph,
		// check --dev --roundtrip runs the stairway on a throwaway
		// database; on the project's own it would undo every revision.
		Leave: []string{"stairway"},
	})
	for _, c := range cmds {
		c.GroupID = "run"
		if slices.Contains(inspectCommands, c.Name()) {
			c.GroupID = "inspect"
		}
	}
	return cmds
}

// projectGraph returns the project's revision graph, for completion.
func (a *App) projectGraph(cmd *cobra.Command) (*revision.Graph, error) {
	cfg, err := a.config()
	if err != nil {
		return nil, err
	}
	return a.graph(cmd.Context(), cfg)
}

// builder returns the runner builder for a project.
func (a *App) builder(cfg *config.Config, name string) (*project.Builder, error) {
	mod, err := project.FindModule(cfg.Dir)
	if err != nil {
		return nil, exitcode.With(exitcode.Config, err)
	}
	return &project.Builder{Module: mod, Dirs: cfg.RevisionDirs(), Root: cfg.Dir, Name: name,
		CacheDir: a.Getenv("AUTOGEN_CACHE_DIR")}, nil
}

// buildError gives a failure to build the runner its exit code: the
// revision graph's for a revision id declared twice, else the build's.
func buildError(err error) error {
	var dup *project.DuplicateError
	if errors.As(err, &dup) {
		return exitcode.With(exitcode.Graph, err)
	}
	return exitcode.With(exitcode.Build, err)
}

// runRunner builds (or reuses) the project's runner and runs it with args,
// passing the database URL and version table.
func (a *App) runRunner(ctx context.Context, cfg *config.Config, args []string) error {
	return a.runRunnerIO(ctx, cfg, args, a.Stdout)
}

func (a *App) runRunnerIO(ctx context.Context, cfg *config.Config, args []string, stdout io.Writer) error {
	b, err := a.builder(cfg, "autogen")
	if err != nil {
		return err
	}
	bin, err := b.Runner(ctx)
	if err != nil {
		return buildError(err)
	}
	tenant := tenantFlags(cfg, args)
	fleet, fleetSchemas, err := fleetEnv(cfg, args)
	if err != nil {
		return err
	}
	if fleetSchemas {
		tenant = nil
	}
	if len(tenant) > 0 && fleet == nil {
		if err := a.ensureTemplate(ctx, cfg, args); err != nil {
			return err
		}
	}
	// autogen's flags go right after the command name: after a "--" they
	// would be taken for targets.
	full := append([]string{}, args[:1]...)
	full = append(full, a.runnerFlags()...)
	full = append(full, tenant...)
	// The runner reads the URL from the variable the project configures,
	// which it names when it is unset; --url takes its place in the
	// runner's environment only, off its command line.
	full = append(full, "--version-table", cfg.VersionTable, "--url-env", cfg.URLEnv)
	full = append(full, args[1:]...)
	cmd := exec.Command(bin, full...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(append(os.Environ(), cfg.URLEnv+"="+a.databaseURL(cfg)), fleet...)
	cmd.Stdin = a.Stdin
	cmd.Stdout = stdout
	cmd.Stderr = a.Stderr
	err = runForwardingSignals(cmd)
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return exitcode.With(ee.ExitCode(), errSilent)
	}
	return err
}

// runForwardingSignals runs the runner, handing it every SIGINT and
// SIGTERM autogen receives, and waits for it, whatever autogen's context.
// The runner stops its own way: it cancels the running statement on the
// server, waits for the rollback, releases the migration lock and says
// where the database stands; a second signal makes it exit at once.
// Killing it instead (as a context's cancellation would) left its session
// waiting on the server with the revision's locks and the migration lock
// held until the statement ended, and autogen exited 255 without a word.
// A terminal's Ctrl-C reaches the runner too, in autogen's process group;
// the runner takes two signals that close together for one.
func runForwardingSignals(cmd *exec.Cmd) error {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	// Linux sends the parent-death signal when the thread that started
	// the child ends, not the process: this goroutine keeps its thread
	// until the runner has exited.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	dieWithAutogen(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for {
		select {
		case s := <-sigs:
			cmd.Process.Signal(s)
		case err := <-done:
			return err
		}
	}
}
