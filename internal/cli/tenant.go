package cli

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/codegen"
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
//   - the revision's operations are then stripped of the template schema:
//     their Schema fields emptied, "tenant_template." removed from types,
//     expressions and bodies, and the template's own CREATE/DROP SCHEMA
//     left out (tenant schemas are created by the application).

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
		return autogenerate.ReadDesired(ctx, cfg.SchemaPath(), f, ddlparse.WithIgnoredRows(cfg.IgnoreRows))
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
	st, err := os.Stat(src)
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	staged := filepath.Join(tmp, "1")
	if st.IsDir() {
		err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") {
				return err
			}
			rel, err := filepath.Rel(src, p)
			if err != nil {
				return err
			}
			return copyFile(p, filepath.Join(staged, rel))
		})
	} else {
		staged += ".sql"
		err = copyFile(src, staged)
	}
	if err != nil {
		return nil, fmt.Errorf("staging the schema: %w", err)
	}
	cat, err := ddlparse.Load(ctx, tmp, ddlparse.WithFilter(f), ddlparse.WithSearchPath(t), ddlparse.WithIgnoredRows(cfg.IgnoreRows))
	if err != nil {
		return nil, &stagedError{err: err, from: staged, to: src}
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

// unqualify rewrites the steps of a revision of a multi-tenant project so
// that they name the template schema nowhere.
func unqualify(steps []codegen.Step, schema string) []codegen.Step {
	names := []string{regexp.QuoteMeta(`"` + strings.ReplaceAll(schema, `"`, `""`) + `"`)}
	if q := op.QuoteIdent(schema); q == schema {
		names = append(names, regexp.QuoteMeta(schema))
	}
	// A schema-qualified reference: the schema, as an identifier of its own
	// (not the end of a longer name), followed by a dot.
	re := regexp.MustCompile(`(^|[^A-Za-z0-9_$."])(?:` + strings.Join(names, "|") + `)\.`)
	var out []codegen.Step
	for _, s := range steps {
		var ops []op.Operation
		var hazards [][]op.Hazard
		for i, o := range s.Ops {
			if templateSchemaOp(o, schema) {
				continue
			}
			ops = append(ops, o)
			if i < len(s.Hazards) {
				hazards = append(hazards, s.Hazards[i])
			}
		}
		if len(ops) == 0 && len(s.Ops) > 0 {
			continue
		}
		s.Ops, s.Hazards = ops, hazards
		if len(s.Hazards) == 0 {
			s.Hazards = nil
		}
		strip(reflect.ValueOf(&s).Elem(), schema, re)
		out = append(out, s)
	}
	return out
}

// templateSchemaOp reports whether o creates or drops the template schema
// itself, which tenants never do: the application creates their schemas.
func templateSchemaOp(o op.Operation, schema string) bool {
	switch o := o.(type) {
	case op.CreateSchema:
		return o.Name == schema
	case op.DropSchema:
		return o.Name == schema
	}
	return false
}

// strip empties the Schema fields that name schema and removes the
// "schema." qualification from every other string below v, copying
// slices, pointers and interface values before changing them so that
// nothing shared with the plan changes.
func strip(v reflect.Value, schema string, re *regexp.Regexp) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(re.ReplaceAllString(v.String(), "${1}"))
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Field(i)
			if !f.CanSet() {
				continue
			}
			if v.Type().Field(i).Name == "Schema" && f.Kind() == reflect.String && f.String() == schema {
				f.SetString("")
				continue
			}
			strip(f, schema, re)
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			strip(c.Index(i), schema, re)
		}
		v.Set(c)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Elem().Type())
		c.Elem().Set(v.Elem())
		strip(c.Elem(), schema, re)
		v.Set(c)
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Elem().Type()).Elem()
		c.Set(v.Elem())
		strip(c, schema, re)
		v.Set(c)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		iter := v.MapRange()
		for iter.Next() {
			val := reflect.New(v.Type().Elem()).Elem()
			val.Set(iter.Value())
			strip(val, schema, re)
			c.SetMapIndex(iter.Key(), val)
		}
		v.Set(c)
	}
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
