package cli

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/revision"
)

// autogenOptions are the flags that steer autogenerate.
type autogenOptions struct{}

func (a *App) autogenFlags(cmd *cobra.Command, o *autogenOptions) {}

// autogenerate fills spec with the changes between the database and
// schema.sql; it reports false when there is nothing to write.
func (a *App) autogenerate(ctx context.Context, cfg *config.Config, g *revision.Graph, spec *codegen.Spec, o *revisionOptions) (bool, error) {
	return false, exitcode.With(exitcode.Usage, errors.New("autogenerate is not available in this build yet; use --empty and write the operations by hand"))
}
