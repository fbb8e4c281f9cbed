package op_test

import (
	"bytes"
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
	"github.com/autogen-dev/autogen/tempdb"
)

// TestScenarioRunsAndReverses runs every statement of the golden scenario on
// a real database, in order, then undoes the steps in reverse order and
// checks that the schema is exactly what it was before, as pg_dump sees it.
// It runs outside a transaction block, as a NoTransaction revision does, so
// that CONCURRENTLY and enum additions work.
func TestScenarioRunsAndReverses(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	before := dumpSchema(t, url)

	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	m := revision.NewMigration(conn, nil, false)

	var undos []op.Operation
	for _, s := range scenario() {
		if s.renderOnly {
			continue
		}
		if err := m.Apply(ctx, s.op); err != nil {
			t.Fatalf("step %q: %v", s.name, err)
		}
		switch r, ok := s.op.(op.Reverser); {
		case s.undo != nil:
			undos = append(undos, s.undo)
		case ok && !s.cleanedUp:
			rev, err := r.Reverse()
			if err != nil {
				t.Fatalf("step %q: Reverse: %v", s.name, err)
			}
			undos = append(undos, rev)
		}
	}
	for i := len(undos) - 1; i >= 0; i-- {
		if err := m.Apply(ctx, undos[i]); err != nil {
			t.Fatalf("undo %T: %v", undos[i], err)
		}
	}
	if after := dumpSchema(t, url); after != before {
		t.Errorf("the undone scenario left objects behind:\n--- before\n%s\n--- after\n%s", before, after)
	}
}

// dumpSchema returns pg_dump's schema-only output for the database.
func dumpSchema(t *testing.T, url string) string {
	t.Helper()
	bin, err := tempdb.FindBinaries()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(bin, "pg_dump"), "--schema-only", "--no-owner", "--dbname", url)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("pg_dump: %v\n%s", err, errb.String())
	}
	// pg_dump 15.14 and later wrap the dump in \restrict KEY and
	// \unrestrict KEY with a random key; drop those lines so two dumps of
	// one schema compare equal.
	var keep []string
	for _, line := range strings.Split(out.String(), "\n") {
		if !strings.HasPrefix(line, `\restrict `) && !strings.HasPrefix(line, `\unrestrict `) {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}
