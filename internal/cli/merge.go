package cli

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/revision"
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
		Args:              cobra.MinimumNArgs(1),
		ValidArgsFunction: a.completeRevisions(0, "heads"),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := a.config()
			if err != nil {
				return err
			}
			g, err := a.graph(cmd.Context(), cfg)
			if err != nil {
				return err
			}
			ps, err := mergeParents(g, args)
			if err != nil {
				return err
			}
			dir, err := targetDir(cfg, o.versionPath, ps)
			if err != nil {
				return err
			}
			spec, err := a.newSpec(g, dir, o, ps)
			if err != nil {
				return err
			}
			_, err = a.writeFile(cfg, dir, spec)
			return err
		},
	}
	cmd.Flags().StringVarP(&o.message, "message", "m", "", "message of the merge revision")
	cmd.Flags().StringVar(&o.revID, "rev-id", "", "revision id to use instead of a random one")
	cmd.Flags().StringArrayVar(&o.branchLabels, "branch-label", nil, "branch label for the merge revision")
	cmd.Flags().StringVar(&o.versionPath, "version-path", "", "revisions directory for the new file")
	return cmd
}

// mergeParents resolves the revisions to merge, in the order given ("heads"
// stands for every head), as Alembic's merge writes them. Each must be a
// head: merging a revision that already has children would start a new
// branch rather than join two.
func mergeParents(g *revision.Graph, args []string) ([]string, error) {
	var ps []string
	for _, arg := range args {
		// As in Alembic, "heads" means the real heads: a revision that
		// only dependencies point at is joined already.
		ids := slices.DeleteFunc(g.Heads(), g.IsEffectiveHead)
		if arg != "heads" {
			id, err := g.Resolve(arg)
			if err != nil {
				return nil, exitcode.With(exitcode.Graph, err)
			}
			ids = []string{id}
		}
		for _, id := range ids {
			if !g.IsHead(id) {
				return nil, exitcode.With(exitcode.Graph, fmt.Errorf("revision %s is not a head; only heads can be merged", id))
			}
			if !slices.Contains(ps, id) {
				ps = append(ps, id)
			}
		}
	}
	if len(ps) < 2 {
		return nil, exitcode.With(exitcode.Graph, fmt.Errorf("a merge needs at least two heads, got %d", len(ps)))
	}
	return ps, nil
}
