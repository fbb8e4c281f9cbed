package cli

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
)

func (a *App) mergeCmd() *cobra.Command {
	o := &revisionOptions{empty: true}
	cmd := &cobra.Command{
		Use:   "merge -m MESSAGE REV...",
		Short: "Write a revision that merges several heads",
		Long: `Write a revision whose parents are the given revisions ("heads" for all
heads), with empty bodies. Upgrading through it joins the branches: the
version table keeps one row for it.`,
		Example: `  autogen merge -m "merge feature branches" heads
  autogen merge -m "join" 1a2b 3c4d`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			dir, err := targetDir(cfg, o.versionPath)
			if err != nil {
				return err
			}
			g, err := a.graph(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			var ps []string
			for _, arg := range args {
				if arg == "heads" {
					ps = append(ps, g.Heads()...)
					continue
				}
				id, err := g.Resolve(arg)
				if err != nil {
					return exitcode.With(exitcode.Graph, err)
				}
				ps = append(ps, id)
			}
			slices.Sort(ps)
			ps = slices.Compact(ps)
			if len(ps) < 2 {
				return exitcode.With(exitcode.Graph, fmt.Errorf("a merge needs at least two revisions, got %d", len(ps)))
			}
			spec, err := a.newSpec(g, dir, o, ps)
			if err != nil {
				return err
			}
			return a.writeFile(cfg, dir, spec)
		},
	}
	cmd.Flags().StringVarP(&o.message, "message", "m", "", "message of the merge revision")
	cmd.Flags().StringVar(&o.revID, "rev-id", "", "revision id to use instead of a random one")
	cmd.Flags().StringArrayVar(&o.branchLabels, "branch-label", nil, "branch label for the merge revision")
	cmd.Flags().StringVar(&o.versionPath, "version-path", "", "revisions directory for the new file")
	return cmd
}
