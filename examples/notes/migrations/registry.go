// Package migrations holds the project's revisions. autogen writes a file here
// for every `autogen revision`; each file adds its revision to Registry.
package migrations

import (
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// Registry collects this package's revisions. Applications apply them with
// migrate.New(migrations.Registry) and (*migrate.Runner).Upgrade.
var Registry = revision.NewRegistry()

// Main runs the revision command line (upgrade, downgrade, current, ...)
// for this package's revisions and returns the exit code, for applications
// that embed it: os.Exit(migrations.Main(os.Args[1:])).
func Main(args []string) int { return runner.Main(Registry, args) }
