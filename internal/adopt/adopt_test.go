package adopt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// files creates a migrations directory with the given file names.
func files(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		content := ""
		if strings.HasSuffix(n, ".py") {
			// An Alembic revision: the name is "REV_DOWN.py".
			rev, down, _ := strings.Cut(strings.TrimSuffix(n, ".py"), "_")
			content = "revision = '" + rev + "'\ndown_revision = None\n"
			if down != "" {
				content = "revision: str = '" + rev + "'\ndown_revision: Union[str, None] = '" + down + "'\n"
			}
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCheck sets up each tool's version table as the tool leaves it and
// checks that Check accepts a database at the newest migration and refuses
// one behind or halfway through a failed one.
func TestCheck(t *testing.T) {
	tests := []struct {
		tool, setup string
		dir         []string
		applied     []string
		pending     bool
	}{
		{"goose", `CREATE TABLE goose_db_version (id serial, version_id bigint, is_applied bool, tstamp timestamp);
			INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true), (3, true), (3, false)`,
			[]string{"00001_a.sql", "00002_b.go", "00003_c.sql"}, nil, true},
		{"goose", `CREATE TABLE goose_db_version (id serial, version_id bigint, is_applied bool, tstamp timestamp);
			INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, true), (1, true), (2, true)`,
			[]string{"00001_a.sql", "00002_b.go", "README.md"}, []string{"1", "2"}, false},
		{"golang-migrate", `CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty bool NOT NULL);
			INSERT INTO schema_migrations VALUES (20240102, false)`,
			[]string{"20240101_a.up.sql", "20240101_a.down.sql", "20240102_b.up.sql"}, []string{"<=20240102"}, false},
		{"golang-migrate", `CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty bool NOT NULL);
			INSERT INTO schema_migrations VALUES (20240102, true)`,
			[]string{"20240102_b.up.sql"}, nil, true},
		{"golang-migrate", `CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty bool NOT NULL);
			INSERT INTO schema_migrations VALUES (20240101, false)`,
			[]string{"20240101_a.up.sql", "20240102_b.up.sql"}, nil, true},
		{"dbmate", `CREATE TABLE schema_migrations (version varchar PRIMARY KEY);
			INSERT INTO schema_migrations VALUES ('20240101000000'), ('20240102000000')`,
			[]string{"20240101000000_a.sql", "20240102000000_b.sql"}, []string{"20240101000000", "20240102000000"}, false},
		{"atlas", `CREATE SCHEMA atlas_schema_revisions;
			CREATE TABLE atlas_schema_revisions.atlas_schema_revisions (version varchar PRIMARY KEY, applied int, total int);
			INSERT INTO atlas_schema_revisions.atlas_schema_revisions VALUES ('20240101', 2, 2), ('20240102', 1, 3)`,
			[]string{"20240101_a.sql", "20240102_b.sql", "atlas.sum"}, nil, true},
		{"alembic", `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
			INSERT INTO alembic_version VALUES ('bbb')`,
			[]string{"aaa.py", "bbb_aaa.py"}, []string{"bbb"}, false},
		{"alembic", `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);
			INSERT INTO alembic_version VALUES ('aaa')`,
			[]string{"aaa.py", "bbb_aaa.py"}, nil, true},
	}
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.tool, func(t *testing.T) {
			url := pgtest.NewDB(t)
			pgtest.Exec(t, url, tt.setup)
			conn, err := pgx.Connect(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close(ctx)
			tool, err := Lookup(tt.tool)
			if err != nil {
				t.Fatal(err)
			}
			applied, err := tool.Check(ctx, conn, files(t, tt.dir...))
			if tt.pending {
				if !errors.Is(err, ErrPending) {
					t.Errorf("Check = %v, %v; want ErrPending", applied, err)
				}
				return
			}
			if err != nil || !slices.Equal(applied, tt.applied) {
				t.Errorf("Check = %q, %v; want %q", applied, err, tt.applied)
			}
		})
	}
}

// TestCheckWithoutVersionTable: a tool named wrongly, or a database it
// never ran on, is an error that names the table.
func TestCheckWithoutVersionTable(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tool, _ := Lookup("goose")
	if _, err := tool.Check(ctx, conn, ""); err == nil || !strings.Contains(err.Error(), "public.goose_db_version does not exist") {
		t.Errorf("Check = %v", err)
	}
	if _, err := Lookup("flyway"); err == nil || !strings.Contains(err.Error(), "goose, golang-migrate, dbmate, atlas, alembic") {
		t.Errorf("Lookup(flyway) = %v", err)
	}
}
