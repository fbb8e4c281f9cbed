// Package pgtest gives each test its own database on a real PostgreSQL
// server: the one named by AUTOGEN_TEST_DATABASE_URL, or else a throwaway
// cluster that tempdb starts once per test binary.
package pgtest

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/internal/pgsql"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/tempdb"
)

// EnvURL names the environment variable that points the tests at an existing
// server. Databases are created on it and dropped afterwards; it must allow
// CREATE DATABASE.
const EnvURL = "AUTOGEN_TEST_DATABASE_URL"

var (
	once     sync.Once
	adminURL string
	cluster  *tempdb.Cluster
	startErr error
	seq      atomic.Int64
)

// Main runs the tests of a package and stops the throwaway cluster, if one
// was started. Call it from TestMain.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run is Main without the exit: it runs the tests, stops the throwaway
// cluster and returns the exit code. It is for a TestMain that hands the
// run to another harness, such as testscript, which exits itself.
func Run(m interface{ Run() int }) int {
	code := m.Run()
	if cluster != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := cluster.Stop(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "pgtest:", err)
		}
		cancel()
	}
	return code
}

// AdminURL returns the URL of the server's postgres database, starting the
// throwaway cluster if needed.
func AdminURL(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		if u := os.Getenv(EnvURL); u != "" {
			adminURL = u
		} else if cluster, startErr = tempdb.Start(ctx, tempdb.InMemory()); startErr == nil {
			adminURL = cluster.URL("postgres")
		}
		if startErr == nil {
			startErr = createRoles(ctx, adminURL)
		}
	})
	if startErr != nil {
		t.Fatalf("starting PostgreSQL: %v", startErr)
	}
	return adminURL
}

// Roles are the roles every test server has, for tests of privileges and
// ownership: roles are cluster-level, so tests share them and never drop
// them. The last one's name holds what the server quotes and escapes when
// it prints a list of roles (a space, a comma, a double quote, a
// backslash, braces), so that readers of ACLs and role arrays meet it.
var Roles = []string{"autogen_reader", "autogen_writer", "autogen_owner", `autogen odd,"role\{}`}

// createRoles creates the Roles the server lacks. Test binaries run in
// parallel against one server, so a role another creates meanwhile is no
// error.
func createRoles(ctx context.Context, admin string) error {
	var stmts []string
	for _, r := range Roles {
		stmts = append(stmts, fmt.Sprintf(`DO $$ BEGIN CREATE ROLE %s NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$;`, pgsql.QuoteIdent(r)))
	}
	if err := ExecContext(ctx, admin, strings.Join(stmts, "\n")); err != nil {
		return fmt.Errorf("creating the test roles: %w", err)
	}
	return nil
}

// NewDB creates an empty database for the test and drops it when the test
// ends. It returns the database's URL.
func NewDB(t testing.TB) string {
	t.Helper()
	admin := AdminURL(t)
	name := fmt.Sprintf("t_%s_%d_%d", sanitize(t.Name()), os.Getpid(), seq.Add(1))
	ctx := context.Background()
	if err := tempdb.CreateDatabase(ctx, admin, name); err != nil {
		t.Fatalf("creating test database: %v", err)
	}
	t.Cleanup(func() {
		if err := tempdb.DropDatabase(context.Background(), admin, name); err != nil {
			t.Logf("dropping test database: %v", err)
		}
	})
	return WithDatabase(admin, name)
}

// WithDatabase returns serverURL with its database replaced by name.
func WithDatabase(serverURL, name string) string {
	u, err := url.Parse(serverURL)
	if err != nil {
		return serverURL
	}
	u.Path = "/" + name
	return u.String()
}

// Exec runs SQL (several statements allowed) on the database at dbURL.
func Exec(t testing.TB, dbURL, sql string) {
	t.Helper()
	if err := ExecContext(context.Background(), dbURL, sql); err != nil {
		t.Fatal(err)
	}
}

// ExecContext runs SQL (several statements allowed) on the database at dbURL
// through the simple query protocol.
func ExecContext(ctx context.Context, dbURL, sql string) error {
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return fmt.Errorf("connecting: %w", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql, pgx.QueryExecModeSimpleProtocol); err != nil {
		return err
	}
	return nil
}

// ResetSession undoes what SQL run on conn left in its session: an open
// or failed transaction is rolled back, then DISCARD ALL resets settings
// (search_path, which changes how the server prints expressions), the
// role, temporary objects and prepared statements, and pgx forgets the
// statements it had prepared. The session then reads a database as a new
// one would, for a harness that keeps it rather than start another: on a
// small machine a new session costs more than a small file's load.
func ResetSession(ctx context.Context, conn *pgx.Conn) error {
	if conn.PgConn().TxStatus() != 'I' {
		if _, err := conn.Exec(ctx, "ROLLBACK"); err != nil {
			return fmt.Errorf("resetting the session: %w", err)
		}
	}
	if _, err := conn.Exec(ctx, "DISCARD ALL"); err != nil {
		return fmt.Errorf("resetting the session: %w", err)
	}
	if err := conn.DeallocateAll(ctx); err != nil {
		return fmt.Errorf("resetting the session: %w", err)
	}
	return nil
}

// PGEnv returns the libpq environment variables (PGHOST, PGPORT, PGUSER,
// PGPASSWORD) for the server, for tools such as psql and pg_dump.
func PGEnv(t testing.TB) []string {
	t.Helper()
	u, err := url.Parse(AdminURL(t))
	if err != nil {
		t.Fatal(err)
	}
	pw, _ := u.User.Password()
	return []string{
		"PGHOST=" + u.Hostname(),
		"PGPORT=" + u.Port(),
		"PGUSER=" + u.User.Username(),
		"PGPASSWORD=" + pw,
	}
}

func sanitize(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
		if b.Len() >= 30 {
			break
		}
	}
	return b.String()
}

// Query runs a query returning one text column on the database at dbURL
// and returns its values.
func Query(t testing.TB, dbURL, sql string) []string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, sql)
	if err != nil {
		t.Fatal(err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// LoadPsql runs SQL through psql, one statement at a time in autocommit
// mode, as pg_dump output is meant to be loaded. Very large schemas need
// this: as one multi-statement query they run in a single transaction,
// which runs out of lock slots on a default server.
func LoadPsql(t testing.TB, dbURL, sql string) {
	t.Helper()
	cmd := tool(t, "psql", dbURL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d")
	cmd.Stdin = strings.NewReader(sql)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("psql: %v\n%s", err, out)
	}
}

// Dump runs the server's pg_dump on the database at dbURL with the given
// flags ("--schema-only", "--clean", ...) and returns its output.
func Dump(t testing.TB, dbURL string, flags ...string) []byte {
	t.Helper()
	cmd := tool(t, "pg_dump", dbURL, flags...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pg_dump %s: %v\n%s", strings.Join(flags, " "), err, stderr.String())
	}
	return out
}

// tool prepares a command of the server's binaries on the database at
// dbURL: its arguments, then the database name.
func tool(t testing.TB, name, dbURL string, args ...string) *exec.Cmd {
	t.Helper()
	bindir, err := tempdb.FindBinaries()
	if err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(dbURL)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(bindir, name), append(args, strings.TrimPrefix(u.Path, "/"))...)
	cmd.Env = append(os.Environ(), PGEnv(t)...)
	return cmd
}
