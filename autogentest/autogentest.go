package autogentest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// EnvURL names the environment variable that points the helpers at an
// existing PostgreSQL server instead of a throwaway one, such as a service
// container in CI. Its role must be allowed to create databases; each test
// gets a database of its own there, dropped when the test ends.
const EnvURL = "AUTOGEN_TEST_DATABASE_URL"

// startTimeout bounds starting a throwaway server (initdb and pg_ctl).
const startTimeout = 2 * time.Minute

// shared is the server of a test binary whose TestMain calls Main.
var shared struct {
	active  atomic.Bool
	once    sync.Once
	cluster *tempdb.Cluster
	err     error
}

// seq numbers the databases this process creates, so names never collide.
var seq atomic.Int64

// Main runs the tests of a package with one throwaway PostgreSQL server for
// all of them, started when a test first needs it and stopped after the
// last, and exits. Call it from TestMain:
//
//	func TestMain(m *testing.M) { autogentest.Main(m) }
//
// Without it, every test that needs a database starts a server of its own
// (about a second each) and stops it when the test ends.
func Main(m *testing.M) {
	shared.active.Store(true)
	code := m.Run()
	if shared.cluster != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		if err := shared.cluster.Stop(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "autogentest:", err)
		}
		cancel()
	}
	os.Exit(code)
}

// server returns the URL of a server's maintenance database on which t may
// create databases: EnvURL's, the shared server of Main, or a new server
// stopped when t ends.
func server(t testing.TB) string {
	t.Helper()
	if u := os.Getenv(EnvURL); u != "" {
		return u
	}
	if shared.active.Load() {
		shared.once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
			defer cancel()
			shared.cluster, shared.err = tempdb.Start(ctx, tempdb.InMemory())
		})
		if shared.err != nil {
			t.Fatalf("autogentest: starting PostgreSQL: %v", shared.err)
		}
		return shared.cluster.URL("postgres")
	}
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	c, err := tempdb.Start(ctx, tempdb.InMemory())
	if err != nil {
		t.Fatalf("autogentest: starting PostgreSQL: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Stop(context.Background()); err != nil {
			t.Logf("autogentest: stopping PostgreSQL: %v", err)
		}
	})
	return c.URL("postgres")
}

var unsafeName = regexp.MustCompile(`[^a-z0-9_]+`)

// NewDatabase creates an empty database for t and drops it when t ends. It
// returns the database's URL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	admin := server(t)
	base := strings.Trim(unsafeName.ReplaceAllString(strings.ToLower(t.Name()), "_"), "_")
	if len(base) > 30 {
		base = base[:30]
	}
	name := fmt.Sprintf("autogentest_%s_%d_%d", base, os.Getpid(), seq.Add(1))
	ctx := context.Background()
	if err := tempdb.CreateDatabase(ctx, admin, name); err != nil {
		t.Fatalf("autogentest: %v", err)
	}
	t.Cleanup(func() {
		if err := tempdb.DropDatabase(context.Background(), admin, name); err != nil {
			t.Logf("autogentest: dropping database %s: %v", name, err)
		}
	})
	url, err := tempdb.WithDatabase(admin, name)
	if err != nil {
		t.Fatalf("autogentest: %v", err)
	}
	return url
}

// connect opens a connection to url that is closed when t ends.
func connect(t testing.TB, url string) *pgx.Conn {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), url)
	if err != nil {
		t.Fatalf("autogentest: connecting: %v", err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

// runner builds the migrate.Runner of reg with the options, failing t when
// the revision graph is invalid.
// noteLogger logs the stairway's notes to the test.
type noteLogger struct{ t testing.TB }

func (noteLogger) StatementStarted(string)                     {}
func (noteLogger) StatementDone(string, time.Duration, error)  {}
func (noteLogger) StepStarted(migrate.Step)                    {}
func (noteLogger) StepDone(migrate.Step, time.Duration, error) {}

// Note logs msg.
func (n noteLogger) Note(msg string) { n.t.Logf("autogentest: note: %s", msg) }

func runner(t testing.TB, reg *revision.Registry, opts []migrate.Option) *migrate.Runner {
	t.Helper()
	r, err := migrate.New(reg, opts...)
	if err != nil {
		t.Fatalf("autogentest: the revisions do not form a valid graph: %v", err)
	}
	return r
}

// Upgraded creates a database for t, applies every revision of reg to it
// (to "heads", so that a graph with several branches works too) and returns
// its URL. Tests of code that uses the schema start from it. opts are passed
// to migrate.New, such as migrate.WithVersionTable.
func Upgraded(t testing.TB, reg *revision.Registry, opts ...migrate.Option) string {
	t.Helper()
	r := runner(t, reg, opts)
	url := NewDatabase(t)
	if _, err := r.Upgrade(context.Background(), connect(t, url), "heads"); err != nil {
		t.Fatalf("autogentest: upgrading a new database: %v", err)
	}
	return url
}

// Stairway creates a database for t and tests every revision of reg in
// order, one step at a time: upgrade it, downgrade it and check that the
// schema is exactly as before, upgrade it again and check that the schema
// is as after the first upgrade. It fails t on the first revision whose
// downgrade does not restore the schema, listing what differs, and on any
// revision that fails to run. This is the "stairway" test of
// pytest-alembic; migrate.Runner.Stairway does the work.
//
// A step that leaves columns in another order (a hand-written downgrade of
// a dropped column that adds it back last) fails, unless opts include
// migrate.WithColumnOrder(migrate.ColumnOrderIgnore), which logs it as a
// note: the same rule as `autogen check --dev --roundtrip`.
func Stairway(t testing.TB, reg *revision.Registry, opts ...migrate.Option) {
	t.Helper()
	r := runner(t, reg, append([]migrate.Option{migrate.WithReporter(noteLogger{t})}, opts...))
	url := NewDatabase(t)
	err := r.Stairway(context.Background(), connect(t, url))
	var se *migrate.StairwayError
	switch {
	case errors.As(err, &se):
		t.Fatalf("autogentest: %v", se)
	case err != nil:
		t.Fatalf("autogentest: stairway: %v", err)
	}
}
