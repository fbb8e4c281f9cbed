package runner

import (
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/autogen-dev/autogen/revision"
)

// Host is what a program that mounts the runner's commands in its own
// command tree provides (autogen does): the commands parse their flags and
// arguments there, with the runner's own definitions and help, and Run
// executes them in the project's compiled runner.
type Host struct {
	// Run executes cmd in the project's runner; argv is the runner's
	// command line for it (see Argv).
	Run func(cmd *cobra.Command, argv []string) error
	// Graph returns the project's revision graph, for completing revision
	// arguments.
	Graph func(cmd *cobra.Command) (*revision.Graph, error)
	// Leave names commands the host does not mount (it has its own way to
	// do what they do).
	Leave []string
}

// Mount returns the runner's public commands (upgrade, downgrade, stamp,
// current, history, ...) for another program's command tree. Their flags,
// argument checks, help and completion are the runner's; when one runs,
// h.Run receives the command line to hand to the compiled runner. The
// runner's global --schemas flag becomes a flag of each command; the other
// global flags (--url-env, --version-table, -v, -q, --color) are the host's
// to pass on.
func Mount(h Host) []*cobra.Command {
	e := &env{reg: revision.NewRegistry(), name: "autogen", graph: h.Graph}
	var out []*cobra.Command
	for _, c := range e.commands() {
		if c.Hidden || slices.Contains(h.Leave, c.Name()) {
			continue
		}
		e.schemaFlag(c.Flags())
		// As in the runner's own tree, no command takes a file argument.
		if c.ValidArgsFunction == nil {
			c.ValidArgsFunction = cobra.NoFileCompletions
		}
		c.RunE = func(cmd *cobra.Command, args []string) error { return h.Run(cmd, Argv(cmd, args)) }
		out = append(out, c)
	}
	return out
}

// Argv rebuilds the runner command line of a parsed command: its name,
// every flag of its own that was set, "--" and the arguments. Flags
// inherited from the host's root are left out.
func Argv(cmd *cobra.Command, args []string) []string {
	out := []string{cmd.Name()}
	// LocalFlags is a new set, which records no flag as set: Changed does.
	cmd.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if !f.Changed {
			return
		}
		switch v := f.Value.(type) {
		case pflag.SliceValue:
			for _, s := range v.GetSlice() {
				out = append(out, "--"+f.Name+"="+s)
			}
		default:
			if f.Value.Type() == "bool" && f.Value.String() == "true" {
				out = append(out, "--"+f.Name)
			} else {
				out = append(out, "--"+f.Name+"="+f.Value.String())
			}
		}
	})
	return append(append(out, "--"), args...)
}

// CompleteRevisions returns a completion function for up to max revision
// arguments (any number when max is 0) over the graph that graph returns,
// offering the keywords too.
func CompleteRevisions(graph func(*cobra.Command) (*revision.Graph, error), max int, keywords ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		g, err := graph(cmd)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return RevisionCompletions(g, prefix, keywords...), cobra.ShellCompDirectiveNoFileComp
	}
}
