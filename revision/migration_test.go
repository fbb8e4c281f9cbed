package revision_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// recorder is an Observer that keeps the statements it hears about.
type recorder struct{ started, done []string }

func (r *recorder) StatementStarted(sql string) { r.started = append(r.started, sql) }
func (r *recorder) StatementDone(sql string, took time.Duration, err error) {
	if took != 0 || err != nil {
		r.done = append(r.done, "unexpected: "+sql)
		return
	}
	r.done = append(r.done, sql)
}

func TestOfflineMigration(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	m := revision.NewMigration(nil, rec, true)
	if !m.Offline() || m.DB() != nil {
		t.Fatal("a migration without an executor is not offline")
	}
	err := m.Apply(ctx,
		op.CreateSchema{Name: "s"},
		op.CreateTable{Schema: "s", Name: "t", Columns: []op.Column{{Name: "id", Type: "int"}}, Comment: "c"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Exec(ctx, "UPDATE s.t SET id = 1"); err != nil {
		t.Fatal(err)
	}
	want := []string{"CREATE SCHEMA s", "CREATE TABLE s.t (\n    id int\n)", "COMMENT ON TABLE s.t IS 'c'", "UPDATE s.t SET id = 1"}
	if !reflect.DeepEqual(rec.started, want) || !reflect.DeepEqual(rec.done, want) {
		t.Errorf("observer heard\n%q\n%q\nwant %q", rec.started, rec.done, want)
	}
	if n := len(m.Operations()); n != 3 {
		t.Errorf("Operations() has %d entries, want 3", n)
	}

	// Arguments are rendered as literals (PREPARE and EXECUTE); one that
	// has no SQL literal cannot be.
	if err := m.Exec(ctx, "UPDATE s.t SET id = $1", struct{}{}); !errors.Is(err, revision.ErrOffline) {
		t.Errorf("Exec with an argument that has no literal, offline: %v", err)
	}
	if _, err := m.Query(ctx, "SELECT 1"); !errors.Is(err, revision.ErrOffline) {
		t.Errorf("Query offline: %v", err)
	}
	var n int
	if err := m.QueryRow(ctx, "SELECT 1").Scan(&n); !errors.Is(err, revision.ErrOffline) {
		t.Errorf("QueryRow offline: %v", err)
	}
}

func TestApplyRefusesNonTransactionalInTransaction(t *testing.T) {
	ctx := context.Background()
	concurrent := op.CreateIndex{Table: "t", Name: "i", Columns: op.Cols("c"), Concurrently: true}
	rec := &recorder{}
	err := revision.NewMigration(nil, rec, true).Apply(ctx, op.CreateSchema{Name: "s"}, concurrent)
	if err == nil || !strings.Contains(err.Error(), "NoTransaction") {
		t.Fatalf("Apply(CONCURRENTLY) in a transactional revision = %v, want advice to set NoTransaction", err)
	}
	if len(rec.started) != 1 {
		t.Errorf("statements before the refusal: %q", rec.started)
	}
	if err := revision.NewMigration(nil, nil, false).Apply(ctx, concurrent); err != nil {
		t.Errorf("Apply(CONCURRENTLY) in a non-transactional revision: %v", err)
	}
}

func TestApplyStopsAtAnInvalidOperation(t *testing.T) {
	rec := &recorder{}
	m := revision.NewMigration(nil, rec, true)
	err := m.Apply(context.Background(), op.CreateSchema{Name: "a"}, op.DropTable{}, op.CreateSchema{Name: "b"})
	if !errors.Is(err, op.ErrInvalid) {
		t.Fatalf("Apply = %v, want ErrInvalid", err)
	}
	if !reflect.DeepEqual(rec.started, []string{"CREATE SCHEMA a"}) || len(m.Operations()) != 1 {
		t.Errorf("ran %q and recorded %d operations; want only the first", rec.started, len(m.Operations()))
	}
}
