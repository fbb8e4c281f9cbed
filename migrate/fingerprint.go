package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// fingerprintSQL describes every user object as lines of text rendered by
// PostgreSQL itself (pg_get_*def, format_type), leaving out system schemas,
// objects owned by extensions and the version table ($1, a regclass name).
// Two snapshots of one database are equal exactly when its schema is.
// Every function is called by its qualified name, so that one a user
// created in a schema on the search path never runs in its place
// (CVE-2018-1058).
const fingerprintSQL = `
WITH ns AS (
  SELECT oid, nspname FROM pg_namespace
  WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp%'
),
ext AS (SELECT objid, classid FROM pg_depend WHERE deptype = 'e'),
rel AS (
  SELECT c.oid, ns.nspname, c.relname, c.relkind, c.relpersistence, c.reloptions, c.relrowsecurity, c.relforcerowsecurity
  FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND c.oid <> coalesce(pg_catalog.to_regclass($1), 0)
    AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = c.oid AND ext.classid = 'pg_class'::regclass)
)
SELECT 'schema ' || nspname FROM ns WHERE nspname <> 'public'
UNION ALL SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension
UNION ALL SELECT pg_catalog.format('relation %I.%I %s %s %s rls=%s/%s %s', rel.nspname, rel.relname, rel.relkind, rel.relpersistence,
  coalesce(rel.reloptions::text, ''), rel.relrowsecurity, rel.relforcerowsecurity,
  coalesce(pg_catalog.pg_get_partkeydef(rel.oid), '') || coalesce(' ' || pg_catalog.pg_get_expr(c2.relpartbound, rel.oid), ''))
  FROM rel JOIN pg_class c2 ON c2.oid = rel.oid
UNION ALL SELECT pg_catalog.format('column %I.%I %I %s notnull=%s default=%s identity=%s generated=%s collation=%s storage=%s',
  rel.nspname, rel.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
  coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), ''), a.attidentity, a.attgenerated, a.attcollation, a.attstorage)
  FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
UNION ALL SELECT pg_catalog.format('` + columnOrderPrefix + `%I.%I: %s', rel.nspname, rel.relname,
  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) FROM pg_attribute a
   WHERE a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped))
  FROM rel WHERE rel.relkind IN ('r', 'p', 'f')
UNION ALL SELECT pg_catalog.format('constraint %I.%I %I %s valid=%s', rel.nspname, rel.relname, co.conname,
  pg_catalog.pg_get_constraintdef(co.oid), co.convalidated)
  FROM rel JOIN pg_constraint co ON co.conrelid = rel.oid
UNION ALL SELECT pg_catalog.format('index %s valid=%s', pg_catalog.pg_get_indexdef(i.indexrelid), i.indisvalid)
  FROM rel JOIN pg_index i ON i.indrelid = rel.oid
UNION ALL SELECT pg_catalog.format('view %I.%I %s', nspname, relname, pg_catalog.pg_get_viewdef(oid)) FROM rel WHERE relkind IN ('v', 'm')
UNION ALL SELECT pg_catalog.format('sequence %I.%I %s %s %s %s %s %s %s', rel.nspname, rel.relname, pg_catalog.format_type(s.seqtypid, NULL),
  s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle)
  FROM rel JOIN pg_sequence s ON s.seqrelid = rel.oid
UNION ALL SELECT pg_catalog.format('owned %I.%I by %s', rel.nspname, rel.relname, pg_catalog.pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid))
  FROM rel JOIN pg_depend d ON d.objid = rel.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND rel.relkind = 'S'
UNION ALL SELECT pg_catalog.format('trigger %s %s', pg_catalog.pg_get_triggerdef(t.oid), t.tgenabled)
  FROM rel JOIN pg_trigger t ON t.tgrelid = rel.oid AND NOT t.tgisinternal
UNION ALL SELECT pg_catalog.format('policy %I.%I %I %s %s %s %s %s', rel.nspname, rel.relname, p.polname, p.polcmd, p.polpermissive,
  p.polroles::text, coalesce(pg_catalog.pg_get_expr(p.polqual, p.polrelid), ''), coalesce(pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid), ''))
  FROM rel JOIN pg_policy p ON p.polrelid = rel.oid
UNION ALL SELECT pg_catalog.format('function %s', pg_catalog.pg_get_functiondef(p.oid))
  FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p') AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = p.oid AND ext.classid = 'pg_proc'::regclass)
UNION ALL SELECT pg_catalog.format('type %I.%I %s %s %s', ns.nspname, t.typname, t.typtype, pg_catalog.format_type(t.typbasetype, t.typtypmod),
  coalesce((SELECT pg_catalog.string_agg(pg_catalog.quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '')
  || coalesce(pg_catalog.pg_get_expr(t.typdefaultbin, 0), '') || t.typnotnull
  || coalesce((SELECT pg_catalog.string_agg(pg_catalog.pg_get_constraintdef(c.oid), ',' ORDER BY c.conname) FROM pg_constraint c WHERE c.contypid = t.oid), '')
  || coalesce((SELECT pg_catalog.string_agg(pg_catalog.format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod)), ',' ORDER BY a.attnum)
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid WHERE c.oid = t.typrelid AND c.relkind = 'c' AND a.attnum > 0), ''))
  FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
  WHERE t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
    AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = t.oid AND ext.classid = 'pg_type'::regclass)
UNION ALL SELECT pg_catalog.format('comment %s %s', pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
  FROM pg_description d, LATERAL pg_catalog.pg_identify_object(d.classoid, d.objoid, d.objsubid) o
  WHERE d.classoid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass, 'pg_constraint'::regclass,
        'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_namespace'::regclass)
    AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.objid = d.objoid)
    AND CASE WHEN d.classoid = 'pg_namespace'::regclass
      THEN o.name NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public')
      ELSE o.schema NOT IN ('pg_catalog', 'information_schema') AND o.schema NOT LIKE 'pg\_toast%' END
`

// columnOrderPrefix starts the fingerprint line that lists a table's
// columns in their order. Position is a difference of its own kind (see
// [ColumnOrder]): every other line describes a column without it.
const columnOrderPrefix = "column order "

// Fingerprint describes the database's schema as sorted lines of text, as
// PostgreSQL renders each object. A column's line does not say where it
// stands; one line per table lists its columns in order, so that a
// difference of position alone can be told apart (see [OnlyColumnOrder]).
// The version table is left out. Comparing two fingerprints of one
// database tells whether its schema changed.
func (r *Runner) Fingerprint(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	rows, err := conn.Query(ctx, fingerprintSQL, r.table.SQL())
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading the schema: %w", err)
	}
	slices.Sort(lines)
	return lines, nil
}

// OnlyColumnOrder reports whether a fingerprint difference (as
// FingerprintDiff lists it) is one of column positions alone.
func OnlyColumnOrder(diff []string) bool {
	for _, l := range diff {
		if !strings.HasPrefix(l[2:], columnOrderPrefix) {
			return false
		}
	}
	return len(diff) > 0
}

// ColumnOrder says whether the position of columns counts when schemas are
// compared. It is one rule for `autogen check`, `check --dev --roundtrip`,
// autogentest.Stairway and the corpus oracle: PostgreSQL appends an added
// column, so a column dropped and added again (every downgrade of a
// dropped column) lands last, and putting it back in place takes a table
// rewrite.
type ColumnOrder int

const (
	// ColumnOrderExact makes position part of the schema, as pg_dump
	// prints it: a difference of it fails like any other, and
	// autogenerate rewrites a table to put its columns in schema.sql's
	// order. The default.
	ColumnOrderExact ColumnOrder = iota
	// ColumnOrderIgnore reports a difference of column positions alone
	// as a note, never as a failure: for tables too large to rewrite.
	ColumnOrderIgnore
)

// ParseColumnOrder reads "exact" (or "") and "ignore".
func ParseColumnOrder(s string) (ColumnOrder, error) {
	switch s {
	case "", "exact":
		return ColumnOrderExact, nil
	case "ignore":
		return ColumnOrderIgnore, nil
	}
	return 0, fmt.Errorf("migrate: column order %q: want ignore or exact", s)
}

// String returns "exact" or "ignore".
func (o ColumnOrder) String() string {
	if o == ColumnOrderIgnore {
		return "ignore"
	}
	return "exact"
}

// FingerprintDiff lists the lines only in a ("-") and only in b ("+").
func FingerprintDiff(a, b []string) []string {
	var out []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, "- "+a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			out = append(out, "+ "+b[j])
			j++
		default:
			i++
			j++
		}
	}
	return out
}
