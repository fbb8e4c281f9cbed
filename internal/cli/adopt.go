package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/internal/adopt"
	"github.com/autogen-dev/autogen/internal/config"
	"github.com/autogen-dev/autogen/internal/exitcode"
	"github.com/autogen-dev/autogen/internal/project"
	"github.com/autogen-dev/autogen/internal/schemawrite"
	"github.com/autogen-dev/autogen/internal/scope"
	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/runner"
)

// adoptOptions are the flags of `init --from-database`.
type adoptOptions struct {
	fromDatabase bool
	split        bool
	from         string
	migrations   string
	message      string
}

// adoption is what `init --from-database` read from the database before
// writing anything.
type adoption struct {
	url     string
	catalog *model.Catalog
	tool    *adopt.Tool
	// exclude are the tables (and their sequences) left out of the schema,
	// for autogen.toml's exclude_tables.
	exclude []string
}

// readAdoption connects to the database, checks the migration tool the
// project comes from, and reads the schema to adopt.
func (a *App) readAdoption(ctx context.Context, dir string, o *adoptOptions) (*adoption, error) {
	urlEnv := a.ov.URLEnv
	if urlEnv == "" {
		urlEnv = config.DefaultURLEnv
	}
	url := a.url
	if url == "" {
		url = a.Getenv(urlEnv)
	}
	if url == "" {
		return nil, exitcode.With(exitcode.Config, fmt.Errorf("init --from-database reads the database: set %s (or pass --url)", urlEnv))
	}
	ad := &adoption{url: url}
	f := &scope.Filter{VersionTable: "public." + config.DefaultVersionTable}
	if o.from != "" {
		t, err := adopt.Lookup(o.from)
		if err != nil {
			return nil, exitcode.With(exitcode.Usage, err)
		}
		ad.tool = &t
		f.ExcludeTables = []string{t.VersionTable}
		if t.ExcludeSchema != "" {
			f.ExcludeSchemas = []string{t.ExcludeSchema}
		}
	} else if o.migrations != "" {
		return nil, exitcode.With(exitcode.Usage, errors.New("--migrations needs --from TOOL: it names that tool's migrations directory"))
	}
	conn, err := connect(ctx, url)
	if err != nil {
		return nil, err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	// A database autogen already manages has a history to continue, not
	// to start.
	if rows, err := versionRows(ctx, conn, config.DefaultVersionTable); err != nil {
		return nil, err
	} else if len(rows) > 0 {
		return nil, exitcode.With(exitcode.State, fmt.Errorf("the database is already managed by autogen: %s records revision %s; init --from-database starts a new history",
			config.DefaultVersionTable, strings.Join(rows, ", ")))
	}
	if ad.tool != nil {
		migrations := o.migrations
		if migrations != "" && !filepath.IsAbs(migrations) {
			migrations = filepath.Join(a.Cwd, migrations)
		}
		applied, err := ad.tool.Check(ctx, conn, migrations)
		if err != nil {
			return nil, exitcode.With(exitcode.State, err)
		}
		if !a.quiet {
			last := "none"
			if len(applied) > 0 {
				last = applied[len(applied)-1]
			}
			fmt.Fprintf(a.Stderr, "Coming from %s: the database is at its migration %s; %s is left as it is\n", ad.tool.Name, last, ad.tool.VersionTable)
		}
	}
	if ad.catalog, err = autogenerate.ReadCurrent(ctx, conn, f); err != nil {
		return nil, err
	}
	// The filter leaves out the sequences the excluded tables own
	// (goose's id) with them.
	ad.exclude = f.ExcludeTables
	return ad, nil
}

// schemaFiles renders the adopted schema: schema.sql, or with --split a
// schema directory.
func (ad *adoption) schemaFiles(split bool) (files map[string][]byte, path string, err error) {
	stmts, err := schemawrite.Statements(ad.catalog)
	if err != nil {
		return nil, "", err
	}
	if !split {
		return map[string][]byte{config.DefaultSchema: schemawrite.File(stmts)}, config.DefaultSchema, nil
	}
	files = map[string][]byte{}
	for p, data := range schemawrite.Dir(stmts) {
		files["schema/"+p] = data
	}
	return files, "schema", nil
}

// initFromDatabase creates a project whose schema.sql is the database's
// schema, with a baseline revision that creates it from empty, and stamps
// the database at that revision: the next `autogen revision` finds
// nothing, and `check --dev` passes.
func (a *App) initFromDatabase(ctx context.Context, dir, revisions string, o *adoptOptions) error {
	ad, err := a.readAdoption(ctx, dir, o)
	if err != nil {
		return err
	}
	files, schemaPath, err := ad.schemaFiles(o.split)
	if err != nil {
		return err
	}
	io := project.InitOptions{
		Dir: dir, Revisions: revisions, Version: Version(), Source: a.source(), Out: a.Stdout,
		Schema: files, SchemaPath: schemaPath, SchemaDir: o.split,
	}
	if ad.tool != nil {
		io.ExcludeTables = ad.exclude
		if ad.tool.ExcludeSchema != "" {
			io.ExcludeSchemas = []string{ad.tool.ExcludeSchema}
		}
	}
	var id string
	io.Finish = func(ctx context.Context) error {
		id, err = a.writeBaseline(ctx, dir, ad, o.message)
		return err
	}
	if err := project.Init(ctx, io); err != nil {
		return initError(err)
	}
	if !a.quiet {
		fmt.Fprintf(a.Stderr, "Stamped the database at %s. Edit %s, then run: autogen revision -m \"describe the change\"\n",
			id, filepath.Join(dir, schemaPath))
	}
	return nil
}

// writeBaseline writes the baseline revision into the new project and
// stamps the database at it; when the stamp fails, the file is removed
// again, so that Init can undo the rest.
func (a *App) writeBaseline(ctx context.Context, dir string, ad *adoption, message string) (string, error) {
	cfg, err := config.Load(dir, config.Overrides{ConfigPath: filepath.Join(dir, config.FileName)}, a.Getenv)
	if err != nil {
		return "", exitcode.With(exitcode.Config, err)
	}
	cmp, err := autogenerate.Compare(&model.Catalog{}, ad.catalog, autogenerate.Options{})
	if err != nil {
		return "", err
	}
	if message == "" {
		message = "baseline"
	}
	revDir := cfg.RevisionDirs()[0]
	pkg, err := project.ScanPackage(revDir)
	if err != nil {
		return "", err
	}
	spec := codegen.Spec{
		Package: pkg.Name, ID: newID(), Message: message, Created: time.Now(),
		Upgrade: steps(cmp.UpPlan), Downgrade: steps(cmp.DownPlan),
	}
	path, err := a.writeFile(cfg, revDir, spec)
	if err != nil {
		return "", err
	}
	if err := stamp(ctx, ad.url, cfg.VersionTable, spec.ID); err != nil {
		os.Remove(path)
		return "", err
	}
	return spec.ID, nil
}

// stamp records id in the version table of the database at url, as
// `autogen stamp` does, without building the project's runner.
func stamp(ctx context.Context, url, table, id string) error {
	reg := revision.NewRegistry()
	reg.Add(&revision.Revision{ID: id})
	r, err := migrate.New(reg, migrate.WithVersionTable(table))
	if err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		return exitcode.With(exitcode.Connect, fmt.Errorf("connecting to the database: %w", err))
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if err := r.Stamp(ctx, conn, false, id); err != nil {
		return exitcode.With(runner.Code(err), fmt.Errorf("stamping the database at the baseline %s: %w", id, err))
	}
	return nil
}
