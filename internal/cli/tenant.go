package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// Multi-tenant projects ([tenants] template = "tenant_template" in
// autogen.toml; README, "Multi-tenant schemas"). Tenant revisions must name
// no schema, so that the runner applies them to any tenant with search_path
// set to it. autogenerate works as usual on one schema, the template:
//
//   - schema.sql describes the template's objects with unqualified names
//     and is read as if run with the template schema created and first on
//     the search_path;
//   - the database side is the template schema of the development database,
//     which `autogen upgrade` keeps up to date like any tenant (its version
//     table is the template's);
//   - the comparison is then made again with the template's objects moved
//     out of any schema (sqlnorm.MoveSchema): names, references and
//     expressions rewritten in their parse trees, so the revision names no
//     schema, a string that merely looks qualified stays as it is, and the
//     template's own CREATE/DROP SCHEMA is gone (tenant schemas are
//     created by the application).

// tenantConfig applies [tenants] to the configuration: the version table
// is the template's, and autogenerate manages the template schema only.
func tenantConfig(cfg *config.Config) {
	t := cfg.Tenants.Template
	if t == "" {
		return
	}
	cfg.VersionTable = t + "." + cfg.TenantVersionTable()
	cfg.Scope.IncludeSchemas = []string{t}
}

// readDesired reads the schema source; in a multi-tenant project, as the
// template schema's.
func (a *App) readDesired(ctx context.Context, cfg *config.Config, f *scope.Filter) (*model.Catalog, error) {
	t := cfg.Tenants.Template
	if t == "" {
		return autogenerate.ReadDesired(ctx, cfg.SchemaPath(), f)
	}
	// The SQL reader reads files as sessions with a given search_path, in
	// which the schema must exist: stage a first file that creates it,
	// then the project's files, and map the staged paths back in errors.
	tmp, err := os.MkdirTemp("", "autogen-tenant-")
	if err != nil {
		return nil, fmt.Errorf("staging the tenant schema: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "0.sql"), []byte("CREATE SCHEMA "+op.QuoteIdent(t)+";\n"), 0o644); err != nil {
		return nil, fmt.Errorf("staging the tenant schema: %w", err)
	}
	src := cfg.SchemaPath()
	files, err := ddlparse.Files(src)
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	staged := filepath.Join(tmp, "1")
	for _, p := range files {
		rel, err := filepath.Rel(src, p)
		if err != nil || rel == "." {
			rel = filepath.Base(p) // a single file
		}
		if err := copyFile(p, filepath.Join(staged, rel)); err != nil {
			return nil, fmt.Errorf("staging the schema: %w", err)
		}
	}
	cat, err := ddlparse.Load(ctx, tmp, ddlparse.WithFilter(f), ddlparse.WithSearchPath(t))
	if err != nil {
		return nil, &stagedError{err: err, from: stagedPrefix(staged, src, files), to: src}
	}
	return cat, nil
}

// stagedError reports an error of the staged schema files under the
// project's paths.
type stagedError struct {
	err      error
	from, to string
}

// Error is the SQL reader's message with the project's paths.
func (e *stagedError) Error() string { return strings.ReplaceAll(e.err.Error(), e.from, e.to) }

// Unwrap returns the SQL reader's error.
func (e *stagedError) Unwrap() error { return e.err }

// stagedPrefix is the staged path that stands for the schema source in
// error messages: the staged directory, or the staged file.
func stagedPrefix(staged, src string, files []string) string {
	if len(files) == 1 && files[0] == src {
		return filepath.Join(staged, filepath.Base(src))
	}
	return staged
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// forTenants returns the comparison as a multi-tenant project's revision
// needs it: with the template schema's objects unqualified, structurally
// (autogenerate's WithoutSchema), so that the runner applies them in any
// tenant's schema. Other projects get the comparison unchanged.
func forTenants(cfg *config.Config, cmp *autogenerate.Result) (*autogenerate.Result, error) {
	t := cfg.Tenants.Template
	if t == "" {
		return cmp, nil
	}
	return cmp.WithoutSchema(t)
}

// tenantFlags returns "--schemas TEMPLATE" for a runner command line of a
// multi-tenant project that names no schemas itself, so that autogen's
// commands work on the template (the development reference) by default.
func tenantFlags(cfg *config.Config, args []string) []string {
	t := cfg.Tenants.Template
	if t == "" || slices.ContainsFunc(args, func(a string) bool { return a == "--schemas" || strings.HasPrefix(a, "--schemas=") }) {
		return nil
	}
	return []string{"--schemas", t}
}

// ensureTemplate creates the template schema of a multi-tenant project on
// the database before an upgrade of it: it is the development reference,
// created on first use as the version table is.
func (a *App) ensureTemplate(ctx context.Context, cfg *config.Config, args []string) error {
	t := cfg.Tenants.Template
	if t == "" || len(args) == 0 || (args[0] != "upgrade" && args[0] != "stairway") || slices.Contains(args, "--sql") {
		return nil
	}
	url := a.databaseURL(cfg)
	if url == "" {
		// The runner reports the missing URL.
		return nil
	}
	conn, err := connect(ctx, url)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+op.QuoteIdent(t)); err != nil {
		return fmt.Errorf("creating the template schema %s: %w", t, err)
	}
	return nil
}
