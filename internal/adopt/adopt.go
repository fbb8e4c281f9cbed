// Package adopt knows the migration tools a project may come from (goose,
// golang-migrate, dbmate, Atlas and Alembic): where each keeps its version
// table, and whether a database has applied every migration of the tool's
// directory, so that `autogen init --from-database --from TOOL` starts
// autogen's history from a database that is not halfway through the old
// one. The old version table and directory are only read, never changed.
package adopt

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Tool is a migration tool autogen can take over from.
type Tool struct {
	// Name is the name --from takes: "goose", "golang-migrate", ...
	Name string
	// VersionTable is the tool's version table, as schema.table.
	VersionTable string
	// ExcludeSchema is a schema the tool owns entirely (Atlas keeps its
	// table in one), or "".
	ExcludeSchema string
	// Dir is the migrations directory the tool uses by default.
	Dir string
	// applied lists the versions the database has applied; dirty reports
	// a migration that failed halfway.
	applied func(ctx context.Context, conn *pgx.Conn) (versions []string, dirty string, err error)
	// files lists the versions of the migration files in a directory.
	files func(dir string) ([]string, error)
}

// Tools are the tools autogen knows, by name.
var Tools = []Tool{
	{Name: "goose", VersionTable: "public.goose_db_version", Dir: "migrations", files: numberedFiles(`^(\d+)_.*\.(sql|go)$`),
		applied: queryVersions(`SELECT version_id::text FROM (SELECT DISTINCT ON (version_id) version_id, is_applied FROM public.goose_db_version ORDER BY version_id, id DESC) v WHERE is_applied AND version_id > 0`, "")},
	{Name: "golang-migrate", VersionTable: "public.schema_migrations", Dir: "migrations", files: numberedFiles(`^(\d+)_.*\.up\.sql$`),
		applied: golangMigrate},
	{Name: "dbmate", VersionTable: "public.schema_migrations", Dir: "db/migrations", files: numberedFiles(`^(\d+)_.*\.sql$`),
		applied: queryVersions(`SELECT version::text FROM public.schema_migrations`, "")},
	{Name: "atlas", VersionTable: "atlas_schema_revisions.atlas_schema_revisions", ExcludeSchema: "atlas_schema_revisions", Dir: "migrations",
		files: numberedFiles(`^(\d+)(_.*)?\.sql$`),
		applied: queryVersions(`SELECT version FROM atlas_schema_revisions.atlas_schema_revisions WHERE applied >= total`,
			`SELECT version FROM atlas_schema_revisions.atlas_schema_revisions WHERE applied < total ORDER BY version LIMIT 1`)},
	{Name: "alembic", VersionTable: "public.alembic_version", Dir: "alembic/versions", files: alembicHeads,
		applied: queryVersions(`SELECT version_num FROM public.alembic_version`, "")},
}

// Names lists the tools' names.
func Names() []string {
	var out []string
	for _, t := range Tools {
		out = append(out, t.Name)
	}
	return out
}

// Lookup returns the tool called name.
func Lookup(name string) (Tool, error) {
	for _, t := range Tools {
		if t.Name == name {
			return t, nil
		}
	}
	return Tool{}, fmt.Errorf("adopt: unknown migration tool %q (known: %s)", name, strings.Join(Names(), ", "))
}

// ErrPending is returned by Check when the database has not applied every
// migration of the tool's directory, or one failed halfway.
var ErrPending = errors.New("the database is not at the newest migration")

// Check reads the tool's version table and, when dir is not empty, the
// migrations directory, and fails with ErrPending when a migration of dir
// is not applied or one is marked failed: autogen would start from a
// schema the old tool still means to change. It returns the applied
// versions, newest last.
func (t Tool) Check(ctx context.Context, conn *pgx.Conn, dir string) ([]string, error) {
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", t.VersionTable).Scan(&exists); err != nil {
		return nil, fmt.Errorf("adopt: %w", err)
	}
	if !exists {
		return nil, fmt.Errorf("adopt: %s's version table %s does not exist in this database", t.Name, t.VersionTable)
	}
	applied, dirty, err := t.applied(ctx, conn)
	if err != nil {
		return nil, fmt.Errorf("adopt: reading %s: %w", t.VersionTable, err)
	}
	if dirty != "" {
		return nil, fmt.Errorf("adopt: %w: %s marks migration %s as failed halfway; fix it with %s first", ErrPending, t.VersionTable, dirty, t.Name)
	}
	for i, v := range applied {
		applied[i] = normVersion(v)
	}
	sortVersions(applied)
	if dir == "" {
		return applied, nil
	}
	files, err := t.files(dir)
	if err != nil {
		return nil, fmt.Errorf("adopt: reading %s: %w", dir, err)
	}
	covered := func(v string) bool { return slices.Contains(applied, v) }
	if len(applied) == 1 && strings.HasPrefix(applied[0], "<=") {
		// golang-migrate records only the newest version applied.
		upTo, _ := strconv.ParseInt(applied[0][2:], 10, 64)
		covered = func(v string) bool {
			n, err := strconv.ParseInt(v, 10, 64)
			return err == nil && n <= upTo
		}
	}
	var pending []string
	for _, f := range files {
		if f = normVersion(f); !covered(f) {
			pending = append(pending, f)
		}
	}
	sortVersions(pending)
	if len(pending) > 0 {
		return nil, fmt.Errorf("adopt: %w: %s has migrations the database has not applied (%s); apply them with %s first",
			ErrPending, dir, strings.Join(pending, ", "), t.Name)
	}
	return applied, nil
}

// normVersion drops the leading zeros of a numeric version: goose names
// 00001_users.sql what its table records as 1.
func normVersion(v string) string {
	if isDigits(v) && v != "" {
		if t := strings.TrimLeft(v, "0"); t != "" {
			return t
		}
		return "0"
	}
	return v
}

// sortVersions sorts numeric versions by value, others by text.
func sortVersions(vs []string) {
	slices.SortFunc(vs, func(a, b string) int {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if len(a) != len(b) && isDigits(a) && isDigits(b) {
			return len(a) - len(b)
		}
		return strings.Compare(a, b)
	})
}

func isDigits(s string) bool { return strings.Trim(s, "0123456789") == "" }

// queryVersions reads the applied versions with one query and the first
// failed one with another ("" for tools that record none).
func queryVersions(applied, dirty string) func(context.Context, *pgx.Conn) ([]string, string, error) {
	return func(ctx context.Context, conn *pgx.Conn) ([]string, string, error) {
		rows, err := conn.Query(ctx, applied)
		if err != nil {
			return nil, "", err
		}
		vs, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil || dirty == "" {
			return vs, "", err
		}
		var d string
		if err := conn.QueryRow(ctx, dirty).Scan(&d); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return nil, "", err
		}
		return vs, d, nil
	}
}

// golangMigrate reads golang-migrate's one row: the current version, and
// whether it failed halfway. Every migration up to it is applied.
func golangMigrate(ctx context.Context, conn *pgx.Conn) ([]string, string, error) {
	var version int64
	var dirty bool
	err := conn.QueryRow(ctx, "SELECT version, dirty FROM public.schema_migrations").Scan(&version, &dirty)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	if dirty {
		return nil, fmt.Sprint(version), nil
	}
	// The directory's versions up to the current one count as applied;
	// Check compares them as numbers.
	return []string{fmt.Sprintf("<=%d", version)}, "", nil
}

// numberedFiles lists the version numbers of the files whose names match
// pattern (its first group is the version).
func numberedFiles(pattern string) func(dir string) ([]string, error) {
	re := regexp.MustCompile(pattern)
	return func(dir string) ([]string, error) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		var out []string
		for _, e := range entries {
			if m := re.FindStringSubmatch(e.Name()); m != nil && !e.IsDir() {
				out = append(out, m[1])
			}
		}
		return out, nil
	}
}

var (
	alembicRevision = regexp.MustCompile(`(?m)^revision(?:\s*:\s*str)?\s*=\s*['"]([0-9A-Za-z_]+)['"]`)
	alembicDown     = regexp.MustCompile(`(?m)^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(.+)$`)
	alembicID       = regexp.MustCompile(`['"]([0-9A-Za-z_]+)['"]`)
)

// alembicHeads lists the heads of an Alembic versions directory: the
// revisions no other revision names as its down_revision. The database
// must be at all of them.
func alembicHeads(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.py"))
	if err != nil {
		return nil, err
	}
	var revs []string
	parents := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		m := alembicRevision.FindSubmatch(src)
		if m == nil {
			continue
		}
		revs = append(revs, string(m[1]))
		if d := alembicDown.FindSubmatch(src); d != nil {
			for _, p := range alembicID.FindAllSubmatch(d[1], -1) {
				parents[string(p[1])] = true
			}
		}
	}
	return slices.DeleteFunc(revs, func(r string) bool { return parents[r] }), nil
}
