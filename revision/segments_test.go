package revision_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// shape renders segments as "tx[CreateTable AddColumn] | CreateIndex".
func shape(segs []revision.Segment) string {
	var parts []string
	for _, s := range segs {
		var names []string
		for _, o := range s.Ops {
			names = append(names, strings.TrimPrefix(fmt.Sprintf("%T", o), "op."))
		}
		if s.Transactional {
			parts = append(parts, "tx["+strings.Join(names, " ")+"]")
		} else {
			parts = append(parts, strings.Join(names, " "))
		}
	}
	return strings.Join(parts, " | ")
}

func TestSplit(t *testing.T) {
	table := op.CreateTable{Name: "t", Columns: []op.Column{{Name: "id", Type: "int"}}}
	col := op.AddColumn{Table: "t", Column: op.Column{Name: "c", Type: "int"}}
	cic := op.CreateIndex{Table: "t", Name: "i", Columns: op.Cols("c"), Concurrently: true}
	set := op.SetLocal{Name: "check_function_bodies", Value: "off"}
	commit := op.Commit{Reason: "r"}
	tests := []struct {
		ops  []op.Operation
		want string
	}{
		{nil, "tx[]"},
		{[]op.Operation{table, col}, "tx[CreateTable AddColumn]"},
		{[]op.Operation{table, cic, col}, "tx[CreateTable] | CreateIndex | tx[AddColumn]"},
		{[]op.Operation{cic, cic}, "CreateIndex | CreateIndex"},
		{[]op.Operation{table, commit, col, commit}, "tx[CreateTable] | tx[AddColumn]"},
		{[]op.Operation{commit, commit, table}, "tx[CreateTable]"},
		// SET LOCAL carries into the transactions after its own, and needs
		// no transaction by itself.
		{[]op.Operation{set, table, commit, col, cic, col}, "tx[SetLocal CreateTable] | tx[SetLocal AddColumn] | CreateIndex | tx[SetLocal AddColumn]"},
		{[]op.Operation{set, cic}, "CreateIndex"},
		{[]op.Operation{op.Execute{SQL: "VACUUM", NoTransaction: true}, op.Execute{SQL: "SELECT 1"}}, "Execute | tx[Execute]"},
	}
	for _, tt := range tests {
		if got := shape(revision.Split(tt.ops)); got != tt.want {
			t.Errorf("Split(%d ops) = %s, want %s", len(tt.ops), got, tt.want)
		}
	}
}

func TestDescribe(t *testing.T) {
	segs := revision.Split([]op.Operation{
		op.AddEnumValue{Type: "mood", Value: "meh"},
		op.Commit{Reason: "enum value meh is used below"},
		op.AddColumn{Table: "t", Column: op.Column{Name: "m", Type: "mood", Default: "'meh'"}},
		op.CreateIndex{Table: "t", Name: "t_m", Columns: op.Cols("m"), Concurrently: true, IfNotExists: true},
	})
	want := []string{
		"1. in a transaction: 1 operation; then commit: enum value meh is used below",
		"2. in a transaction: 1 operation; then commit: the next operation cannot run in a transaction",
		"3. outside a transaction: CREATE INDEX CONCURRENTLY IF NOT EXISTS t_m ON t (m) (PostgreSQL builds an index CONCURRENTLY only outside a transaction block)",
	}
	if got := revision.Describe(segs); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Describe =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRecord: a body that only applies operations is recorded; one that
// reads the database, however it reads, is not, and neither runs anything.
func TestRecord(t *testing.T) {
	ctx := context.Background()
	create := op.CreateTable{Name: "t", Columns: []op.Column{{Name: "id", Type: "int"}}}
	ops, ok, err := revision.Record(ctx, func(ctx context.Context, m *revision.Migration) error {
		if m.Offline() {
			return errors.New("a recorded body must see the migration as online")
		}
		if err := m.Apply(ctx, create); err != nil {
			return err
		}
		return m.Exec(ctx, "UPDATE t SET id = 1")
	})
	if err != nil || !ok || len(ops) != 2 {
		t.Fatalf("Record = %v, %v, %v", ops, ok, err)
	}
	if e, isExec := ops[1].(op.Execute); !isExec || e.SQL != "UPDATE t SET id = 1" {
		t.Errorf("Exec recorded as %#v", ops[1])
	}
	readers := map[string]revision.Func{
		"Query": func(ctx context.Context, m *revision.Migration) error {
			_, err := m.Query(ctx, "SELECT 1")
			return err
		},
		"QueryRow swallowed": func(ctx context.Context, m *revision.Migration) error {
			var n int
			_ = m.QueryRow(ctx, "SELECT 1").Scan(&n)
			return m.Apply(ctx, create)
		},
		"Exec with arguments": func(ctx context.Context, m *revision.Migration) error {
			return m.Exec(ctx, "UPDATE t SET id = $1", 1)
		},
		"DB": func(ctx context.Context, m *revision.Migration) error {
			_, err := m.DB().Exec(ctx, "SELECT 1")
			return err
		},
	}
	for name, body := range readers {
		ops, ok, err := revision.Record(ctx, body)
		if ok || err != nil || ops != nil {
			t.Errorf("%s: Record = %v, %v, %v; want a body that reads the database", name, ops, ok, err)
		}
	}
	// An invalid operation is an error of the body itself.
	if _, _, err := revision.Record(ctx, func(ctx context.Context, m *revision.Migration) error {
		return m.Apply(ctx, op.DropTable{})
	}); !errors.Is(err, op.ErrInvalid) {
		t.Errorf("Record of an invalid operation = %v", err)
	}
	// A panic that is not about the database is the body's own.
	defer func() {
		if recover() == nil {
			t.Error("Record swallowed the body's panic")
		}
	}()
	_, _, _ = revision.Record(ctx, func(context.Context, *revision.Migration) error { panic("boom") })
}
