package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// runnerURLEnv carries the database URL to the runner process: in the
// environment, never on its command line.
const runnerURLEnv = "AUTOGEN_RUNNER_URL"

// forwarded lists the commands the project's runner executes, with the
// group they are listed under.
var forwarded = []struct{ name, group string }{
	{"upgrade", "run"}, {"downgrade", "run"}, {"stamp", "run"},
	{"current", "inspect"}, {"history", "inspect"}, {"heads", "inspect"}, {"branches", "inspect"},
	{"show", "inspect"}, {"status", "inspect"}, {"lint", "inspect"},
}

// forwardedCmds returns commands that build the project's runner and run
// the same command in it. Their help and flags are the runner's own.
func (a *App) forwardedCmds() []*cobra.Command {
	// A runner over an empty registry provides the help text and short
	// descriptions without needing a project.
	help := map[string]*cobra.Command{}
	for _, c := range runner.Commands() {
		help[c.Name()] = c
	}
	var out []*cobra.Command
	for _, f := range forwarded {
		h := help[f.name]
		name := f.name
		out = append(out, &cobra.Command{
			Use:                h.Use,
			Short:              h.Short,
			Long:               h.Long,
			Example:            h.Example,
			GroupID:            f.group,
			DisableFlagParsing: true,
			ValidArgsFunction:  cobra.NoFileCompletions,
			RunE: func(cmd *cobra.Command, args []string) error {
				if slices.Contains(args, "--help") || slices.Contains(args, "-h") {
					runner.Main(revision.NewRegistry(), []string{name, "--help"}, runner.WithIO(a.Stdin, a.Stdout, a.Stderr))
					a.projectFlagsHelp(cmd)
					return nil
				}
				rest, err := a.parseGlobals(args)
				if err != nil {
					return err
				}
				cfg, err := a.config()
				if err != nil {
					return err
				}
				return a.runRunner(cmd.Context(), cfg, append([]string{name}, rest...))
			},
		})
	}
	for _, c := range out {
		if fa, ok := forwardedArgs[c.Name()]; ok {
			c.ValidArgsFunction = a.completeRevisions(fa.max, fa.keywords...)
		}
	}
	return out
}

// projectFlagsHelp completes the runner's help of a forwarded command with
// autogen's own global flags, which choose the project and its database.
func (a *App) projectFlagsHelp(cmd *cobra.Command) {
	fs := pflag.NewFlagSet("project", pflag.ContinueOnError)
	cmd.Root().PersistentFlags().VisitAll(func(f *pflag.Flag) {
		switch f.Name {
		case "config", "env", "url", "schema":
			fs.AddFlag(f)
		}
	})
	fmt.Fprintf(a.Stdout, "\nProject Flags:\n%s", fs.FlagUsages())
}

// parseGlobals takes autogen's own global flags out of args (forwarded
// commands do not parse flags) and returns the rest for the runner.
func (a *App) parseGlobals(args []string) ([]string, error) {
	valued := map[string]*string{
		"-c": &a.ov.ConfigPath, "--config": &a.ov.ConfigPath, "--env": &a.ov.Env, "--url-env": &a.ov.URLEnv,
		"--url": &a.url, "--schema": &a.ov.Schema, "--version-table": &a.ov.VersionTable,
	}
	var rest []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(arg, "=")
		dst, ok := valued[name]
		if !ok {
			rest = append(rest, arg)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, exitcode.With(exitcode.Usage, errors.New("flag needs an argument: "+name))
			}
			i++
			val = args[i]
		}
		*dst = val
	}
	return rest, nil
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
		return exitcode.With(exitcode.Build, err)
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
	full = append(full, "--version-table", cfg.VersionTable, "--url-env", runnerURLEnv)
	full = append(full, args[1:]...)
	cmd := exec.CommandContext(ctx, bin, full...)
	cmd.Dir = cfg.Dir
	cmd.Env = append(append(os.Environ(), runnerURLEnv+"="+a.databaseURL(cfg)), fleet...)
	cmd.Stdin = a.Stdin
	cmd.Stdout = stdout
	cmd.Stderr = a.Stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return exitcode.With(ee.ExitCode(), errSilent)
	}
	return err
}
