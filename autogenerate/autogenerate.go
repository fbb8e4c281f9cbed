// Package autogenerate is the core of `autogen revision`: it reads the
// desired schema from SQL files and the current one from a database, and
// compares them in both directions into the plans of a revision's upgrade and
// downgrade. The CLI and the tests share it.
package autogenerate

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

// Options steer a comparison.
type Options struct {
	// Renames are confirmed renames, by their current names.
	Renames diff.Renames
	// Online selects lock-friendly operations.
	Online bool
	// Access says which owners and privileges are managed; the zero value
	// manages those the schema source mentions.
	Access Access
}

// Result holds both directions of a comparison.
type Result struct {
	Current, Desired *model.Catalog
	// Options are the options the comparison ran with.
	Options Options
	// Up turns Current into Desired; Down turns it back.
	Up, Down         []diff.Change
	UpPlan, DownPlan *plan.Plan
}

// InSync reports whether nothing differs.
func (r *Result) InSync() bool { return len(r.Up) == 0 }

// ReadDesired parses the schema source (a file or a directory), with the
// reader's options.
func ReadDesired(ctx context.Context, path string, f *scope.Filter, opts ...ddlparse.Option) (*model.Catalog, error) {
	return ddlparse.Load(ctx, path, append([]ddlparse.Option{ddlparse.WithFilter(f)}, opts...)...)
}

// ReadCurrent introspects the database conn is connected to.
func ReadCurrent(ctx context.Context, conn *pgx.Conn, f *scope.Filter) (*model.Catalog, error) {
	cat, err := introspect.Inspect(ctx, conn, introspect.WithFilter(f))
	if err != nil {
		return nil, fmt.Errorf("reading the database schema: %w", err)
	}
	return cat, nil
}

// Compare diffs current against desired in both directions and plans both.
// Owners and privileges that o.Access does not manage are first taken
// from current into desired (which Compare therefore changes), so that
// neither direction touches them; a role desired names that current's
// cluster lacks is a *RoleError.
func Compare(current, desired *model.Catalog, o Options) (*Result, error) {
	managed, err := settleAccess(current, desired, o.Access, o.Renames)
	if err != nil {
		return nil, err
	}
	up, err := diff.Diff(current, desired, diff.WithRenames(o.Renames), diff.WithManagedRoles(managed))
	if err != nil {
		return nil, err
	}
	down, err := diff.Diff(desired, current, diff.WithRenames(Reverse(o.Renames)), diff.WithManagedRoles(managed))
	if err != nil {
		return nil, err
	}
	partitioned := plan.PartitionedTables(current, desired)
	upPlan, err := plan.Build(up, plan.Options{Online: o.Online, Partitioned: partitioned})
	if err != nil {
		return nil, err
	}
	downPlan, err := plan.Build(down, plan.Options{Online: o.Online, Partitioned: partitioned, Downgrade: true})
	if err != nil {
		return nil, err
	}
	return &Result{Current: current, Desired: desired, Options: o, Up: up, Down: down, UpPlan: upPlan, DownPlan: downPlan}, nil
}
