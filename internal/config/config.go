// Package config reads autogen.toml and resolves every setting with the
// precedence flags > environment > file > default.
package config

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileName is the configuration file autogen looks for.
const FileName = "autogen.toml"

// Config is the resolved configuration of a project.
type Config struct {
	// Path is the configuration file; Dir is the project root (its
	// directory). Relative paths below are relative to Dir.
	Path string
	Dir  string

	// Schema is the desired schema: a .sql file or a directory of them.
	Schema string
	// Revisions are the revision directories; new revisions go to the
	// first unless --version-path names another.
	Revisions []string
	// VersionTable is "table" or "schema.table".
	VersionTable string
	// FileTemplate names new revision files; see DefaultFileTemplate.
	FileTemplate string
	// URLEnv names the environment variable holding the database URL.
	URLEnv string
	// Scope limits what autogenerate manages.
	Scope Scope
	// Online selects lock-friendly forms for generated changes.
	Online Online
	// Hooks run after a revision file is written.
	Hooks []Hook
	// Template is a custom revision header template file, or "".
	Template string
	// Env is the named environment selected with --env, or "".
	Env string
	// Tenants configures a project whose revisions apply to tenant schemas.
	Tenants Tenants
	// ColumnOrder is "exact" (the default: a difference of column
	// positions is drift, as in pg_dump's output, and autogenerate
	// rewrites a table to restore schema.sql's order) or "ignore" (it is
	// only a note).
	ColumnOrder string
	// VersionTables lists the version tables of every environment of the
	// file, so that one environment's table is never mistaken for part of
	// the schema when several share a database.
	VersionTables []string
	// Fleets are the [fleet.NAME] sections (fleet.go).
	Fleets map[string]Fleet
	// Privileges and Owners say which privileges and owners autogenerate
	// manages: "mentioned" (the default: those schema.sql mentions),
	// "all" (privileges only) or "none".
	Privileges string
	Owners     string
	// IgnoreRows names tables whose INSERT statements schema.sql may hold
	// and autogen skips: a framework's own bookkeeping rows (Rails'
	// schema_migrations and ar_internal_metadata). Names are "table" (any
	// schema) or "schema.table".
	IgnoreRows []string
}

// Tenants configures multi-tenant projects, where every tenant has a schema
// of its own with the same objects (README, "Multi-tenant schemas").
type Tenants struct {
	// Template names the schema that schema.sql describes, with unqualified
	// names, and that autogenerate compares it with; revisions are written
	// with unqualified names, so that they apply to any tenant schema. The
	// version table lives in the template schema, like every tenant's.
	Template string `toml:"template"`
}

// Scope says which objects autogen manages. Patterns are globs
// (path.Match syntax); table patterns are "schema.table". Include and
// Exclude name objects of every kind, optionally by kind
// ("function:public.legacy_*"; see package scope).
type Scope struct {
	IncludeSchemas []string `toml:"include_schemas"`
	ExcludeSchemas []string `toml:"exclude_schemas"`
	IncludeTables  []string `toml:"include_tables"`
	ExcludeTables  []string `toml:"exclude_tables"`
	Include        []string `toml:"include"`
	Exclude        []string `toml:"exclude"`
	// Ignore lists attributes of chosen objects that autogen leaves as the
	// database has them.
	Ignore []Ignore `toml:"ignore"`
}

// Ignore is one [[scope.ignore]] rule: the attributes of the objects that
// autogenerate neither reports nor changes (a default the application
// sets, a comment another tool writes).
type Ignore struct {
	Objects    []string `toml:"objects"`
	Attributes []string `toml:"attributes"`
}

// Online holds the settings for lock-friendly schema changes.
type Online struct {
	// Enabled makes autogenerate emit CONCURRENTLY index builds, NOT VALID
	// constraints validated separately, and SET NOT NULL through a check.
	Enabled bool `toml:"enabled"`
	// LockTimeout and StatementTimeout are durations ("5s") set on
	// generated revisions.
	LockTimeout      string `toml:"lock_timeout"`
	StatementTimeout string `toml:"statement_timeout"`
	// LockRetries retries a revision whose lock wait timed out.
	LockRetries int `toml:"lock_retries"`
}

// Hook is a command run on each new revision file; "{file}" in an
// argument is replaced by the file's path (it is appended otherwise).
type Hook struct {
	Name    string   `toml:"name"`
	Command []string `toml:"command"`
}

// Defaults.
const (
	DefaultSchema       = "schema.sql"
	DefaultRevisions    = "migrations"
	DefaultVersionTable = "autogen_version"
	DefaultFileTemplate = "{rev}_{slug}.go"
	DatedFileTemplate   = "{year}{month}{day}_{rev}_{slug}.go"
	DefaultURLEnv       = "DATABASE_URL"
	DefaultColumnOrder  = "exact"
)

// file is the TOML shape of autogen.toml.
type file struct {
	Schema       string          `toml:"schema"`
	Revisions    []string        `toml:"revisions"`
	VersionTable string          `toml:"version_table"`
	FileTemplate string          `toml:"file_template"`
	URLEnv       string          `toml:"url_env"`
	Template     string          `toml:"template"`
	Scope        Scope           `toml:"scope"`
	Online       Online          `toml:"online"`
	Hooks        []Hook          `toml:"hooks"`
	Tenants      Tenants         `toml:"tenants"`
	ColumnOrder  string          `toml:"column_order"`
	Envs         map[string]envT `toml:"env"`
	Fleets       fleetMap        `toml:"fleet"`
	Privileges   string          `toml:"privileges"`
	Owners       string          `toml:"owners"`
	IgnoreRows   []string        `toml:"ignore_rows"`
}

// envT is a named environment: settings that override the top level.
type envT struct {
	URLEnv       string  `toml:"url_env"`
	VersionTable string  `toml:"version_table"`
	Online       *Online `toml:"online"`
}

// Overrides are the settings given as flags; empty fields are not set.
type Overrides struct {
	ConfigPath   string
	Env          string
	Schema       string
	Revisions    []string
	VersionTable string
	URLEnv       string
	Online       *bool
}

// ErrNotFound is returned when no autogen.toml is found.
var ErrNotFound = errors.New("no " + FileName + " found in this directory or any parent; run `autogen init` first")

// Find returns the autogen.toml in dir or the nearest parent.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNotFound
		}
		dir = parent
	}
}

// Load finds and reads the configuration, then applies environment
// variables (through getenv) and flag overrides.
func Load(cwd string, ov Overrides, getenv func(string) string) (*Config, error) {
	path := ov.ConfigPath
	if path == "" {
		if p := getenv("AUTOGEN_CONFIG"); p != "" {
			path = p
		}
	}
	if path == "" {
		p, err := Find(cwd)
		if err != nil {
			return nil, err
		}
		path = p
	} else if !filepath.IsAbs(path) {
		path = filepath.Join(cwd, path)
	}
	var f file
	md, err := toml.DecodeFile(path, &f)
	if err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d: %s", path, perr.Position.Line, perr.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("%s: unknown key %s", path, strings.Join(keys, ", "))
	}
	c := &Config{
		Path: path, Dir: filepath.Dir(path),
		Schema: DefaultSchema, Revisions: []string{DefaultRevisions}, VersionTable: DefaultVersionTable,
		FileTemplate: DefaultFileTemplate, URLEnv: DefaultURLEnv,
	}
	set(&c.Schema, f.Schema)
	if len(f.Revisions) > 0 {
		c.Revisions = f.Revisions
	}
	set(&c.VersionTable, f.VersionTable)
	set(&c.FileTemplate, f.FileTemplate)
	set(&c.URLEnv, f.URLEnv)
	c.Template = f.Template
	c.Scope = f.Scope
	c.Online = f.Online
	c.Hooks = f.Hooks
	c.Tenants = f.Tenants
	c.ColumnOrder = cmp.Or(f.ColumnOrder, DefaultColumnOrder)
	c.Fleets = f.Fleets
	c.Privileges, c.Owners, c.IgnoreRows = f.Privileges, f.Owners, f.IgnoreRows

	c.VersionTables = []string{c.VersionTable}
	for _, e := range f.Envs {
		if e.VersionTable != "" && !slices.Contains(c.VersionTables, e.VersionTable) {
			c.VersionTables = append(c.VersionTables, e.VersionTable)
		}
	}
	slices.Sort(c.VersionTables)

	// Environment variables.
	set(&c.Schema, getenv("AUTOGEN_SCHEMA"))
	if v := getenv("AUTOGEN_REVISIONS"); v != "" {
		c.Revisions = filepath.SplitList(v)
	}
	set(&c.VersionTable, getenv("AUTOGEN_VERSION_TABLE"))
	set(&c.URLEnv, getenv("AUTOGEN_URL_ENV"))
	envName := getenv("AUTOGEN_ENV")

	// Flags.
	set(&envName, ov.Env)
	if envName != "" {
		e, ok := f.Envs[envName]
		if !ok {
			names := make([]string, 0, len(f.Envs))
			for n := range f.Envs {
				names = append(names, n)
			}
			slices.Sort(names)
			return nil, fmt.Errorf("%s: no environment %q (defined: %s)", path, envName, strings.Join(names, ", "))
		}
		c.Env = envName
		set(&c.URLEnv, e.URLEnv)
		set(&c.VersionTable, e.VersionTable)
		if e.Online != nil {
			c.Online = *e.Online
		}
	}
	set(&c.Schema, ov.Schema)
	if len(ov.Revisions) > 0 {
		c.Revisions = ov.Revisions
	}
	set(&c.VersionTable, ov.VersionTable)
	set(&c.URLEnv, ov.URLEnv)
	if ov.Online != nil {
		c.Online.Enabled = *ov.Online
	}
	return c, c.validate()
}

func set(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

func (c *Config) validate() error {
	if !strings.HasSuffix(c.FileTemplate, ".go") || !strings.Contains(c.FileTemplate, "{rev}") {
		return fmt.Errorf("%s: file_template must contain {rev} and end in .go, got %q", c.Path, c.FileTemplate)
	}
	for _, r := range c.Revisions {
		if r == "" || filepath.IsAbs(r) || strings.HasPrefix(filepath.Clean(r), "..") {
			return fmt.Errorf("%s: revisions directory %q must be a relative path inside the project", c.Path, r)
		}
	}
	if c.ColumnOrder != "" && c.ColumnOrder != "ignore" && c.ColumnOrder != "exact" {
		return fmt.Errorf("%s: column_order must be \"ignore\" or \"exact\", got %q", c.Path, c.ColumnOrder)
	}
	for _, h := range c.Hooks {
		if len(h.Command) == 0 {
			return fmt.Errorf("%s: hook %q has no command", c.Path, h.Name)
		}
	}
	switch c.Privileges {
	case "", "mentioned", "all", "none":
	default:
		return fmt.Errorf("%s: privileges must be \"mentioned\", \"all\" or \"none\", got %q", c.Path, c.Privileges)
	}
	switch c.Owners {
	case "", "mentioned", "none":
	default:
		return fmt.Errorf("%s: owners must be \"mentioned\" or \"none\", got %q", c.Path, c.Owners)
	}
	if err := c.validateFleets(); err != nil {
		return err
	}
	if t := c.Tenants.Template; t != "" {
		if strings.ContainsAny(t, ".*?[") || strings.HasPrefix(t, "pg_") || t == "public" {
			return fmt.Errorf("%s: [tenants] template must name a schema of its own (not public, no dot or pattern), got %q", c.Path, t)
		}
		if len(c.Scope.IncludeSchemas)+len(c.Scope.ExcludeSchemas) > 0 {
			return fmt.Errorf("%s: [tenants] template manages exactly its schema; remove [scope] include_schemas and exclude_schemas", c.Path)
		}
	}
	return nil
}

// TenantVersionTable returns the version table's name without its schema,
// which a multi-tenant project keeps in every tenant schema.
func (c *Config) TenantVersionTable() string {
	if _, table, ok := strings.Cut(c.VersionTable, "."); ok {
		return table
	}
	return c.VersionTable
}

// SchemaPath returns the absolute path of the schema source.
func (c *Config) SchemaPath() string { return c.abs(c.Schema) }

// RevisionDirs returns the absolute revision directories.
func (c *Config) RevisionDirs() []string {
	out := make([]string, len(c.Revisions))
	for i, r := range c.Revisions {
		out[i] = c.abs(r)
	}
	return out
}

func (c *Config) abs(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}
