package autogentest

import (
	"context"
	"fmt"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/migrate"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func TestMain(m *testing.M) { Main(m) }

// recorder stands in for the test handed to a helper, so that a test can
// check that the helper fails when it should. Everything else (Name,
// Cleanup, Logf, ...) goes to the real test.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	failed bool
	msgs   []string
}

func (r *recorder) record(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = true
	r.msgs = append(r.msgs, msg)
}

func (r *recorder) Errorf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }
func (r *recorder) Error(args ...any)                 { r.record(fmt.Sprint(args...)) }
func (r *recorder) Fail()                             { r.record("") }
func (r *recorder) Failed() bool                      { r.mu.Lock(); defer r.mu.Unlock(); return r.failed }

// The fatal forms stop the helper's goroutine, as testing.T's do.
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...); runtime.Goexit() }
func (r *recorder) Fatal(args ...any)                 { r.Error(args...); runtime.Goexit() }
func (r *recorder) FailNow()                          { r.Fail(); runtime.Goexit() }

// outcome runs a helper against a recorder and reports whether it failed
// and what it said.
func outcome(t *testing.T, helper func(testing.TB)) (bool, string) {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		helper(r)
	}()
	<-done
	return r.Failed(), strings.Join(r.msgs, "\n")
}

// users creates a table; profile adds a column and an index to it and, in
// its correct form, removes both again.
func users() *revision.Revision {
	return &revision.Revision{
		ID: "a1", Message: "create users",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.CreateTable{Name: "users", Columns: []op.Column{{Name: "id", Type: "bigint", NotNull: true}},
				Constraints: []op.Constraint{op.PrimaryKey{Name: "users_pkey", Columns: []string{"id"}}}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropTable{Name: "users"})
		},
	}
}

func profile(brokenDowngrade bool) *revision.Revision {
	return &revision.Revision{
		ID: "b2", Revises: []string{"a1"}, Message: "nickname",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx,
				op.AddColumn{Table: "users", Column: op.Column{Name: "nickname", Type: "text"}},
				op.CreateIndex{Name: "users_nickname_idx", Table: "users", Columns: []op.IndexColumn{{Name: "nickname"}}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			if brokenDowngrade {
				// The mistake the stairway exists for: the index goes,
				// the column stays.
				return m.Apply(ctx, op.DropIndex{Name: "users_nickname_idx"})
			}
			return m.Apply(ctx, op.DropIndex{Name: "users_nickname_idx"}, op.DropColumn{Table: "users", Column: "nickname"})
		},
	}
}

func registry(revs ...*revision.Revision) *revision.Registry {
	reg := revision.NewRegistry()
	for _, r := range revs {
		reg.Add(r)
	}
	return reg
}

func TestUpgraded(t *testing.T) {
	url := Upgraded(t, registry(users(), profile(false)))
	cols := pgtest.Query(t, url, "SELECT column_name::text FROM information_schema.columns WHERE table_name = 'users' ORDER BY 1")
	if want := []string{"id", "nickname"}; !slices.Equal(cols, want) {
		t.Errorf("columns %q, want %q", cols, want)
	}
	if v := pgtest.Query(t, url, "SELECT version_num::text FROM autogen_version"); !slices.Equal(v, []string{"b2"}) {
		t.Errorf("version table %q, want b2", v)
	}

	// The runner's options apply.
	url = Upgraded(t, registry(users()), migrate.WithVersionTable("app_version"))
	if v := pgtest.Query(t, url, "SELECT version_num::text FROM app_version"); !slices.Equal(v, []string{"a1"}) {
		t.Errorf("version table app_version %q, want a1", v)
	}
}

func TestStairwayPasses(t *testing.T) {
	failed, msg := outcome(t, func(tb testing.TB) { Stairway(tb, registry(users(), profile(false))) })
	if failed {
		t.Fatalf("the stairway failed on correct revisions: %s", msg)
	}
}

// TestStairwayCatchesBrokenDowngrade is the helper's reason to exist: a
// downgrade that leaves a column behind fails the test, naming the revision
// and the column.
func TestStairwayCatchesBrokenDowngrade(t *testing.T) {
	failed, msg := outcome(t, func(tb testing.TB) { Stairway(tb, registry(users(), profile(true))) })
	if !failed {
		t.Fatal("the stairway passed a downgrade that leaves a column behind")
	}
	for _, want := range []string{
		"downgrade of b2 does not restore the schema before its upgrade",
		"+ column public.users nickname text",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the failure does not say %q:\n%s", want, msg)
		}
	}
}

// dropMiddle adds a column after nickname, then drops nickname; the
// downgrade adds nickname back, last: the columns end up in another order.
func dropMiddle() []*revision.Revision {
	return []*revision.Revision{{
		ID: "c3", Revises: []string{"b2"}, Message: "add email",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.AddColumn{Table: "users", Column: op.Column{Name: "email", Type: "text"}})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropColumn{Table: "users", Column: "email"})
		},
	}, {
		ID: "d4", Revises: []string{"c3"}, Message: "drop nickname",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.DropColumn{Table: "users", Column: "nickname"})
		},
		Downgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.AddColumn{Table: "users", Column: op.Column{Name: "nickname", Type: "text"}},
				op.CreateIndex{Name: "users_nickname_idx", Table: "users", Columns: []op.IndexColumn{{Name: "nickname"}}})
		},
	}}
}

// TestStairwayColumnOrder: a downgrade that restores everything but the
// position of a column fails and says why, as check --dev --roundtrip
// does; with column order ignored, it passes with a note.
func TestStairwayColumnOrder(t *testing.T) {
	failed, msg := outcome(t, func(tb testing.TB) {
		Stairway(tb, registry(append([]*revision.Revision{users(), profile(false)}, dropMiddle()...)...))
	})
	if !failed || !strings.Contains(msg, "+ column order public.users: id, email, nickname") {
		t.Errorf("by default the stairway must fail on the order (failed %v):\n%s", failed, msg)
	}
	failed, msg = outcome(t, func(tb testing.TB) {
		Stairway(tb, registry(append([]*revision.Revision{users(), profile(false)}, dropMiddle()...)...), migrate.WithColumnOrder(migrate.ColumnOrderIgnore))
	})
	if failed {
		t.Fatalf("with column order ignored, a difference of column order alone failed the stairway: %s", msg)
	}
}

func TestHelpersReportErrors(t *testing.T) {
	failing := &revision.Revision{ID: "c3", Revises: []string{"a1"}, Message: "typo",
		Upgrade: func(ctx context.Context, m *revision.Migration) error {
			return m.Apply(ctx, op.Execute{SQL: "ALTER TABLE userz ADD COLUMN x int"})
		}}
	for _, tc := range []struct {
		name   string
		helper func(testing.TB)
		want   string
	}{
		{"stairway of a failing revision", func(tb testing.TB) { Stairway(tb, registry(users(), failing)) }, `relation "userz" does not exist`},
		{"upgrade of a failing revision", func(tb testing.TB) { Upgraded(tb, registry(users(), failing)) }, `upgrading a new database: upgrade a1 -> c3, typo failed`},
		{"unknown parent", func(tb testing.TB) { Upgraded(tb, registry(profile(false))) }, "the revisions do not form a valid graph"},
	} {
		failed, msg := outcome(t, tc.helper)
		if !failed || !strings.Contains(msg, tc.want) {
			t.Errorf("%s: failed=%v, message %q lacks %q", tc.name, failed, msg, tc.want)
		}
	}
}

// TestOwnServer checks the path without Main: the test starts a server of
// its own and stops it when it ends.
func TestOwnServer(t *testing.T) {
	shared.active.Store(false)
	defer shared.active.Store(true)
	var url string
	t.Run("own", func(t *testing.T) {
		url = NewDatabase(t)
		if got := pgtest.Query(t, url, "SELECT current_database()::text"); len(got) != 1 || !strings.HasPrefix(got[0], "autogentest_testownserver_own_") {
			t.Errorf("database %q", got)
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if conn, err := pgx.Connect(ctx, url); err == nil {
		conn.Close(ctx)
		t.Error("the test's own server still runs after the test")
	}
}
