package migrate_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

// TestFingerprintCallsOnlyCatalogFunctions plants functions in public that
// match the fingerprint query's calls more closely than pg_catalog's do
// (quote_ident(name) against pg_catalog's quote_ident(text), a format with
// the exact argument types of one of its lines): the query must call
// pg_catalog's by their qualified names (CVE-2018-1058), so the planted
// ones never run and the fingerprint is what it was before they existed.
func TestFingerprintCallsOnlyCatalogFunctions(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := connect(t, url)
	r := newRunner(t, registry())
	if _, err := conn.Exec(ctx, `CREATE TABLE t (id integer PRIMARY KEY, "Name" text DEFAULT 'x')`); err != nil {
		t.Fatal(err)
	}
	before, err := r.Fingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `
CREATE FUNCTION public.quote_ident(name) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.quote_ident ran'; END $$;
CREATE FUNCTION public.format(text, name, name, name, text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.format ran'; END $$;
CREATE FUNCTION public.format_type(oid, integer) RETURNS text LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.format_type ran'; END $$;
CREATE FUNCTION public.to_regclass(text) RETURNS regclass LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'public.to_regclass ran'; END $$;`); err != nil {
		t.Fatal(err)
	}
	// A new session: the first one's prepared query resolved its calls
	// before the planted functions existed.
	after, err := r.Fingerprint(ctx, connect(t, url))
	if err != nil {
		t.Fatalf("a function planted in public ran: %v", err)
	}
	// The planted functions are themselves in the fingerprint; nothing
	// else may differ.
	var rest []string
	for _, l := range after {
		if !slices.Contains(before, l) && !slices.ContainsFunc([]string{"quote_ident", "format", "format_type", "to_regclass"}, func(f string) bool {
			return strings.HasPrefix(l, "function ") && strings.Contains(l, "public."+f+"(")
		}) {
			rest = append(rest, l)
		}
	}
	if len(rest) > 0 {
		t.Errorf("the fingerprint changed beyond the planted functions: %q", rest)
	}
}
