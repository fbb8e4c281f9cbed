package cli

import (
	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/runner"
)

// completeRevisions completes revision arguments of autogen's own commands
// from the project's graph, which the project's runner describes (building
// it when no cached runner matches the revision files), as the mounted
// runner commands complete theirs.
func (a *App) completeRevisions(max int, keywords ...string) cobra.CompletionFunc {
	return runner.CompleteRevisions(a.projectGraph, max, keywords...)
}
