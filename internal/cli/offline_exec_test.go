package cli_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

// TestOfflineExecWithArguments: `upgrade --sql` prints an m.Exec with
// arguments, and the printed SQL does on a database what the online Exec
// does.
func TestOfflineExecWithArguments(t *testing.T) {
	ctx := context.Background()
	m := revision.NewMigration(nil, nil, true)
	when := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	if err := m.Exec(ctx, "INSERT INTO t (id, name, at, ok) VALUES ($1, $2, $3, $4);", 7, "it's $1", when, true); err != nil {
		t.Fatalf("offline Exec with arguments: %v", err)
	}
	if err := m.Exec(ctx, "UPDATE t SET name = name || $1 WHERE id = $2", " & co", int64(7)); err != nil {
		t.Fatal(err)
	}
	stmts, err := op.SQL(m.Operations()...)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	script := "CREATE TABLE t (id int, name text, at timestamptz, ok bool);\n" + strings.Join(stmts, ";\n") + ";"
	if _, err := conn.Exec(ctx, script, pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatalf("running the offline SQL: %v\n%s", err, script)
	}
	var name string
	var at time.Time
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT name, at, ok FROM t WHERE id = 7").Scan(&name, &at, &ok); err != nil {
		t.Fatal(err)
	}
	if name != "it's $1 & co" || !at.Equal(when) || !ok {
		t.Errorf("row = %q %v %v", name, at, ok)
	}
	if err := m.Exec(ctx, "SELECT $1", struct{}{}); !errors.Is(err, revision.ErrOffline) {
		t.Errorf("an argument without a literal: %v, want ErrOffline", err)
	}
}
