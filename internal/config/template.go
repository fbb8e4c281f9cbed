package config

import (
	"strconv"
	"strings"
)

// Initial holds the settings `autogen init` writes that differ from the
// defaults.
type Initial struct {
	// Revisions is the revisions directory.
	Revisions string
	// Schema is the schema source; empty means DefaultSchema.
	Schema string
	// ExcludeSchemas and ExcludeTables go to [scope]: the tables of the
	// migration tool a project comes from, for example.
	ExcludeSchemas, ExcludeTables []string
}

// File returns the autogen.toml that `autogen init` writes: every key with
// its value and a comment.
func (in Initial) File() string {
	schema := in.Schema
	if schema == "" {
		schema = DefaultSchema
	}
	list := func(vs []string) string {
		var q []string
		for _, v := range vs {
			q = append(q, strconv.Quote(v))
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return `# autogen configuration. Every key is optional: the values below are the
# defaults. Command-line flags override environment variables (AUTOGEN_SCHEMA,
# AUTOGEN_REVISIONS, AUTOGEN_VERSION_TABLE, AUTOGEN_URL_ENV, AUTOGEN_ENV),
# which override this file.

# The desired schema: one .sql file, or a directory whose .sql files are read
# in name order.
schema = ` + strconv.Quote(schema) + `

# Directories of revision files (Go packages). They form one revision graph;
# new revisions go to the first unless --version-path names another.
revisions = ` + list([]string{in.Revisions}) + `

# The table that records which revisions are applied, as "table" or
# "schema.table" (the schema defaults to public).
version_table = "autogen_version"

# How new revision files are named. Placeholders: {rev}, {slug}, {year},
# {month}, {day}, {hour}, {minute}, {second}. A date-prefixed form:
#   file_template = "{year}{month}{day}_{rev}_{slug}.go"
file_template = "{rev}_{slug}.go"

# The environment variable that holds the database URL. autogen never writes
# the URL itself into any file.
url_env = "DATABASE_URL"

# Whether the order of a table's columns counts. PostgreSQL appends an added
# column, so a column added in the middle of a table in schema.sql, or
# dropped and added again (every downgrade of a dropped column), lands last.
# "exact": it is drift, as in pg_dump's output, and autogenerate rewrites
# the table to restore schema.sql's order (a hazard the revision names: the
# table is locked while its rows are copied). "ignore", for tables too large
# to rewrite: the column is appended, and check, check --dev --roundtrip and
# the stairway test note the difference and pass.
column_order = "exact"

# A custom header for generated revision files (a Go text/template file);
# empty uses the built-in one.
template = ""

# Which privileges and owners autogenerate manages. "mentioned" manages
# those schema.sql mentions: the privileges of every role it grants to or
# revokes from (PUBLIC too, once it names PUBLIC), and the owners it sets
# with OWNER TO; a schema.sql without GRANT or OWNER TO sees no privilege
# or owner changes. privileges = "all" manages every role's; "none" leaves
# them all to the database. Roles are never created by autogen.
privileges = "mentioned"
owners = "mentioned"

# Tables whose rows schema.sql may insert and autogen skips: a framework's
# own bookkeeping (Rails' structure.sql inserts into schema_migrations and
# ar_internal_metadata). Any other data in schema.sql is an error.
ignore_rows = []

# What autogenerate manages: glob patterns over schema names and over
# "schema.table" names. Empty include lists mean everything; the system
# schemas and the version table are never managed. include and exclude name
# objects of every kind ("public.legacy_*"), or of one kind with a prefix:
# schema, extension, collation, enum, domain, composite, type, sequence,
# function, procedure, table, view, materialized_view, index, and the
# table's own column, constraint, trigger, policy ("trigger:public.*.audit_*").
[scope]
include_schemas = []
exclude_schemas = ` + list(in.ExcludeSchemas) + `
include_tables = []
exclude_tables = ` + list(in.ExcludeTables) + `
include = []
exclude = []

# Attributes autogenerate leaves as the database has them, for objects
# present on both sides. For example, a default the application sets:
#   [[scope.ignore]]
#   objects = ["column:public.*.updated_at"]
#   attributes = ["default"]

# Lock-friendly changes for tables in production: CREATE INDEX
# CONCURRENTLY in non-transactional revisions, constraints added NOT VALID
# and validated separately, SET NOT NULL through a validated check, and
# timeouts with retries.
[online]
enabled = false
lock_timeout = ""
statement_timeout = ""
lock_retries = 0

# Commands run on every new revision file, in order; "{file}" is replaced
# by its path. For example:
#   [[hooks]]
#   name = "gofmt"
#   command = ["gofmt", "-w", "{file}"]

# Multi-tenant databases, where every tenant has a schema of its own: name
# the template schema that schema.sql describes (with unqualified names).
# Revisions are then written with unqualified names and applied to tenants
# with "autogen upgrade --schemas 'tenant_*'".
#   [tenants]
#   template = "tenant_template"

# Named environments selected with --env NAME override the settings above:
#   [env.staging]
#   url_env = "STAGING_DATABASE_URL"
#   [env.staging.online]
#   enabled = true
#   lock_timeout = "3s"
`
}
