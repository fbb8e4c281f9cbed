package autogenerate

import (
	"context"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

// Options steer a comparison.
type Options struct {
	// Renames are confirmed renames, by their current names.
	Renames diff.Renames
	// Online selects lock-friendly operations.
	Online bool
	// ExactColumnOrder rewrites tables whose columns would not end up in
	// the desired order (autogen.toml column_order = "exact"), in both
	// directions.
	ExactColumnOrder bool
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
	cat, err := ddlparse.Load(ctx, path, append([]ddlparse.Option{ddlparse.WithFilter(f)}, opts...)...)
	if err != nil {
		return nil, err
	}
	OmitVersionSchema(cat, f)
	return cat, nil
}

// OmitVersionSchema leaves the version table's own schema (see
// scope.Filter.VersionSchema) out of a catalog read with f, as ReadDesired
// and ReadCurrent do, so that both sides of a comparison leave it out: the
// runtime creates it with the version table.
func OmitVersionSchema(c *model.Catalog, f *scope.Filter) {
	if name := f.VersionSchema(); name != "" {
		c.Schemas = slices.DeleteFunc(c.Schemas, func(s *model.Schema) bool { return s.Name == name })
	}
}

// ReadCurrent introspects the database conn is connected to.
func ReadCurrent(ctx context.Context, conn *pgx.Conn, f *scope.Filter) (*model.Catalog, error) {
	cat, err := introspect.Inspect(ctx, conn, introspect.WithFilter(f))
	if err != nil {
		return nil, fmt.Errorf("reading the database schema: %w", err)
	}
	OmitVersionSchema(cat, f)
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
	common := []diff.Option{diff.WithExprRenamer(sqlnorm.RenameCatalogExprs), diff.WithManagedRoles(managed)}
	if o.ExactColumnOrder {
		common = append(common, diff.WithExactColumnOrder())
	}
	up, down, err := diff.Both(current, desired,
		append(slices.Clip(common), diff.WithRenames(o.Renames)), append(slices.Clip(common), diff.WithRenames(Reverse(o.Renames))))
	if err != nil {
		return nil, err
	}
	partitioned := plan.PartitionedTables(current, desired)
	from, to := plan.DomainBases(current), plan.DomainBases(desired)
	upPlan, err := plan.Build(up, plan.Options{Online: o.Online, Partitioned: partitioned, FromDomains: from, ToDomains: to})
	if err != nil {
		return nil, err
	}
	downPlan, err := plan.Build(down, plan.Options{Online: o.Online, Partitioned: partitioned, Downgrade: true, FromDomains: to, ToDomains: from})
	if err != nil {
		return nil, err
	}
	return &Result{Current: current, Desired: desired, Options: o, Up: up, Down: down, UpPlan: upPlan, DownPlan: downPlan}, nil
}

// WithoutSchema returns the comparison again with every object of schema
// (and every reference to one) unqualified: the revision of a
// multi-tenant project, whose operations name no schema so that the
// runner applies them in any tenant's schema through search_path. Both
// schemas are rewritten structurally (sqlnorm.MoveSchema), then compared
// and planned again with the same options.
func (r *Result) WithoutSchema(schema string) (*Result, error) {
	current, desired := r.Current.Clone(), r.Desired.Clone()
	for _, c := range []*model.Catalog{current, desired} {
		if err := sqlnorm.MoveSchema(c, schema, ""); err != nil {
			return nil, fmt.Errorf("unqualifying schema %s: %w", schema, err)
		}
	}
	o := r.Options
	o.Renames = moveRenames(o.Renames, schema)
	return Compare(current, desired, o)
}

// moveRenames unqualifies the names of renames in schema.
func moveRenames(r diff.Renames, schema string) diff.Renames {
	mv := func(n model.Name) model.Name {
		if n.Schema == schema {
			n.Schema = ""
		}
		return n
	}
	names := func(m map[model.Name]string) map[model.Name]string {
		if m == nil {
			return nil
		}
		out := map[model.Name]string{}
		for k, v := range m {
			out[mv(k)] = v
		}
		return out
	}
	nested := func(m map[model.Name]map[string]string) map[model.Name]map[string]string {
		if m == nil {
			return nil
		}
		out := map[model.Name]map[string]string{}
		for k, v := range m {
			out[mv(k)] = v
		}
		return out
	}
	return diff.Renames{Tables: names(r.Tables), Columns: nested(r.Columns), Indexes: names(r.Indexes),
		Constraints: nested(r.Constraints), Enums: names(r.Enums), EnumValues: nested(r.EnumValues)}
}
