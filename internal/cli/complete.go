package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/runner"
)

// forwardedArgs says how the forwarded commands that take revisions are
// completed: how many revision arguments they take (0: any number) and
// which keywords they accept besides revision ids and branch labels.
var forwardedArgs = map[string]struct {
	max      int
	keywords []string
}{
	"upgrade":   {1, []string{"head", "heads", "+1"}},
	"downgrade": {1, []string{"base", "-1"}},
	"stamp":     {0, []string{"head", "heads", "base"}},
	"show":      {1, []string{"head", "heads"}},
	"lint":      {0, nil},
}

// completeRevisions completes revision arguments from the project's graph,
// which the project's runner describes (building it when no cached runner
// matches the revision files). Forwarded commands parse no flags, so their
// arguments still hold flags; autogen's global flags among them (--config,
// --env, ...) are honoured.
func (a *App) completeRevisions(max int, keywords ...string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if cmd.DisableFlagParsing {
			rest, err := a.parseGlobals(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveError
			}
			args = positional(rest)
		}
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		cfg, err := a.config()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		g, err := a.graph(cmd.Context(), cfg)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return runner.RevisionCompletions(g, prefix, keywords...), cobra.ShellCompDirectiveNoFileComp
	}
}

// positional drops the flags from the arguments of a forwarded command,
// keeping relative targets such as -1, which look like flags.
func positional(args []string) []string {
	var out []string
	for _, arg := range args {
		if !strings.HasPrefix(arg, "-") || strings.Trim(arg[1:], "0123456789") == "" && len(arg) > 1 {
			out = append(out, arg)
		}
	}
	return out
}
