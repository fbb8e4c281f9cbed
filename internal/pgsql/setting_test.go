package pgsql_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// TestSetClauseRoundTrips creates functions with SET clauses as users write
// them, renders what PostgreSQL stored with SetClause, creates the
// function again with that, and requires the same stored settings: the
// clause must be valid SQL with the same meaning.
func TestSetClauseRoundTrips(t *testing.T) {
	clauses := []string{
		"SET statement_timeout = '30s'",
		"SET search_path = ''",
		"SET search_path = public, pg_temp",
		`SET search_path = "$user", public, "My Schema"`,
		"SET search_path TO DEFAULT",
		"SET work_mem = '64MB'",
		"SET work_mem = 65536",
		"SET lock_timeout TO 0",
		"SET application_name = 'it''s'",
		"SET datestyle = 'ISO, DMY'",
		"SET enable_seqscan = off",
		"SET random_page_cost = 1.5",
		`SET temp_tablespaces = ''`,
		"SET plpgsql.variable_conflict = use_column",
		"SET timezone = 'Europe/Paris'",
	}
	conn := connect(t)
	ctx := context.Background()
	config := func(fn string) []string {
		var out []string
		if err := conn.QueryRow(ctx, "SELECT coalesce(proconfig, '{}') FROM pg_proc WHERE proname = $1", fn).Scan(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for i, c := range clauses {
		fn := fmt.Sprintf("f%d", i)
		if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE FUNCTION %s() RETURNS int LANGUAGE sql %s AS 'SELECT 1'", fn, c)); err != nil {
			t.Fatalf("%s: %v", c, err)
		}
		stored := config(fn)
		var rendered string
		for _, item := range stored {
			rendered += " " + pgsql.SetClause(item)
		}
		again := fmt.Sprintf("g%d", i)
		if _, err := conn.Exec(ctx, fmt.Sprintf("CREATE FUNCTION %s() RETURNS int LANGUAGE sql%s AS 'SELECT 1'", again, rendered)); err != nil {
			t.Errorf("%s: stored as %q, rendered as %q, which fails: %v", c, stored, rendered, err)
			continue
		}
		if got := config(again); !slices.Equal(got, stored) {
			t.Errorf("%s: stored as %q, rendered as %q, which stores %q", c, stored, rendered, got)
		}
	}
}

func TestSplitSettingList(t *testing.T) {
	for in, want := range map[string][]string{
		`""`:                      {""},
		`public, pg_temp`:         {"public", "pg_temp"},
		`"$user", public`:         {"$user", "public"},
		`"a""b", "x, y" , Mixed `: {`a"b`, "x, y", "Mixed"},
		``:                        nil,
	} {
		if got := pgsql.SplitSettingList(in); !slices.Equal(got, want) {
			t.Errorf("SplitSettingList(%q) = %q, want %q", in, got, want)
		}
	}
}
