package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/model"
)

// A blocking change is a change PostgreSQL refuses, or performs
// differently, while other objects depend on what it changes. Each one
// is described by how the changed thing is declared before and after, and
// how dependents refer to it.
type blockingChange struct {
	name string
	// types declares the types the table needs, before and after.
	typesBefore, typesAfter string
	// colBefore and colAfter declare the table's column c (or its
	// replacement), with "%s" for a DEFAULT clause.
	colBefore, colAfter string
	// refBefore and refAfter are how dependents name the value.
	refBefore, refAfter string
	// col is the column dependents depend on, before and after.
	colNameBefore, colNameAfter string
	// konst is a constant of the value's type, kdefault a default.
	konst, kdefault string
	// expr is an immutable expression over the value (for index keys and
	// generated columns), with "%s" for the value.
	expr string
	// typ is the value's type (for domains, composite attributes and
	// arrays), before and after.
	typBefore, typAfter string
	// rows inserts rows, with "%s" twice for two distinct values.
	rows   string
	values [2]string
	// renames are the confirmed renames of the change.
	renames diff.Renames
	// columnOnly marks changes that only exist for columns (a drop or a
	// rename), for which dependents through types do not apply.
	columnOnly bool
}

var blockingChanges = []blockingChange{
	{name: "column type change", colBefore: "c integer%s", colAfter: "c bigint%s",
		refBefore: "c", refAfter: "c", colNameBefore: "c", colNameAfter: "c", konst: "7", kdefault: "1", expr: "(%s + 1)",
		typBefore: "integer", typAfter: "bigint", values: [2]string{"1", "2"}},
	{name: "enum value removal", typesBefore: "CREATE TYPE e AS ENUM ('a', 'b', 'z');", typesAfter: "CREATE TYPE e AS ENUM ('a', 'b');",
		colBefore: "c e%s", colAfter: "c e%s", refBefore: "c", refAfter: "c", colNameBefore: "c", colNameAfter: "c",
		konst: "'b'", kdefault: "'a'", expr: "(%s = 'a')", typBefore: "e", typAfter: "e", values: [2]string{"'a'", "'b'"}},
	{name: "composite attribute change", typesBefore: "CREATE TYPE ct AS (x integer, y text);", typesAfter: "CREATE TYPE ct AS (x integer, w integer);",
		colBefore: "c ct%s", colAfter: "c ct%s", refBefore: "(c).x", refAfter: "(c).x", colNameBefore: "c", colNameAfter: "c",
		konst: "7", kdefault: "ROW(1, NULL)::ct", expr: "((%s) + 1)", typBefore: "ct", typAfter: "ct", values: [2]string{"ROW(1, NULL)::ct", "ROW(2, NULL)::ct"}},
	{name: "column drop", colBefore: "c integer%s", colAfter: "",
		refBefore: "c", refAfter: "d", colNameBefore: "c", colNameAfter: "d", konst: "7", kdefault: "1", expr: "(%s + 1)",
		values: [2]string{"1", "2"}, columnOnly: true},
	{name: "column rename", colBefore: "c integer%s", colAfter: "c2 integer%s",
		refBefore: "c", refAfter: "c2", colNameBefore: "c", colNameAfter: "c2", konst: "7", kdefault: "1", expr: "(%s + 1)",
		values: [2]string{"1", "2"}, columnOnly: true,
		renames: diff.Renames{Columns: map[model.Name]map[string]string{{Schema: "public", Name: "t"}: {"c": "c2"}}}},
}

// A dependent kind is an object that depends on the changed value. Its
// declaration is built from the change's references.
type dependentKind struct {
	name string
	// columns adds columns to the table (with %[1]s the reference).
	columns func(ch blockingChange, after bool) string
	// decl declares the dependent after the table.
	decl func(ch blockingChange, after bool) string
	// typed marks kinds that depend on the value's type rather than on
	// the column (they do not apply to a column drop or rename).
	typed bool
}

func pick(ch blockingChange, after bool) (ref, col string) {
	if after {
		return ch.refAfter, ch.colNameAfter
	}
	return ch.refBefore, ch.colNameBefore
}

var dependentKinds = []dependentKind{
	{name: "view", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "CREATE VIEW dv AS SELECT id, " + ref + " AS v FROM t;"
	}},
	{name: "materialized view", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "CREATE MATERIALIZED VIEW dm AS SELECT id, " + ref + " AS v FROM t;\nCREATE INDEX dm_v ON dm (id);"
	}},
	{name: "policy", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "ALTER TABLE t ENABLE ROW LEVEL SECURITY;\nCREATE POLICY dp ON t USING (" + ref + " IS NOT NULL);"
	}},
	{name: "generated column", columns: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return ", g integer GENERATED ALWAYS AS (" + genExpr(ch, ref) + ") STORED"
	}},
	{name: "default", columns: func(ch blockingChange, after bool) string { return "" }},
	{name: "check", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "ALTER TABLE t ADD CONSTRAINT dc CHECK (" + ref + " <> " + konst(ch) + " OR id > 0);"
	}},
	{name: "index expression", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "CREATE INDEX dix ON t (" + fmt.Sprintf(ch.expr, ref) + ");"
	}},
	{name: "index predicate", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "CREATE INDEX dip ON t (id) WHERE " + ref + " <> " + konst(ch) + ";"
	}},
	{name: "exclusion constraint", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "ALTER TABLE t ADD CONSTRAINT dex EXCLUDE USING btree ((" + ref + ") WITH =);"
	}},
	{name: "trigger WHEN", decl: func(ch blockingChange, after bool) string {
		_, col := pick(ch, after)
		return "CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n" +
			"CREATE TRIGGER dt BEFORE UPDATE ON t FOR EACH ROW WHEN (OLD." + col + " IS DISTINCT FROM NEW." + col + ") EXECUTE FUNCTION tf();"
	}},
	{name: "SQL function body", decl: func(ch blockingChange, after bool) string {
		ref, _ := pick(ch, after)
		return "CREATE FUNCTION df() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(" + ref + ") FROM t; END;"
	}},
	{name: "domain", typed: true, columns: func(ch blockingChange, after bool) string {
		return ", dcol dd"
	}, decl: nil},
	{name: "composite attribute", typed: true, columns: func(ch blockingChange, after bool) string {
		return ", w wrap"
	}},
	{name: "array column", typed: true, columns: func(ch blockingChange, after bool) string {
		typ := ch.typBefore
		if after {
			typ = ch.typAfter
		}
		return ", arr " + typ + "[]"
	}},
}

func konst(ch blockingChange) string {
	if ch.name == "enum value removal" {
		return ch.konst
	}
	return "7"
}

func genExpr(ch blockingChange, ref string) string {
	switch ch.name {
	case "enum value removal":
		return "CASE WHEN " + ref + " = 'a' THEN 1 ELSE 2 END"
	}
	return ref + " * 2"
}

// cellSchema builds one side of a cell's schema.
func cellSchema(ch blockingChange, dk dependentKind, after bool) string {
	var b strings.Builder
	types, col, typ := ch.typesBefore, ch.colBefore, ch.typBefore
	if after {
		types, col, typ = ch.typesAfter, ch.colAfter, ch.typAfter
	}
	b.WriteString(types + "\n")
	switch dk.name {
	case "domain":
		check := "VALUE IS NOT NULL"
		if typ == "ct" {
			check = "(VALUE).x IS NOT NULL" // a row with a NULL field is not IS NOT NULL
		}
		fmt.Fprintf(&b, "CREATE DOMAIN dd AS %s CHECK (%s);\n", typ, check)
	case "composite attribute":
		fmt.Fprintf(&b, "CREATE TYPE wrap AS (inner_v %s, n integer);\n", typ)
	}
	def := ""
	if dk.name == "default" {
		def = " DEFAULT " + ch.kdefault
	}
	cols := "id integer PRIMARY KEY, d integer"
	if col != "" {
		cols += ", " + fmt.Sprintf(col, def)
	}
	if dk.columns != nil {
		cols += dk.columns(ch, after)
	}
	fmt.Fprintf(&b, "CREATE TABLE t (%s);\n", cols)
	if dk.decl != nil {
		b.WriteString(dk.decl(ch, after) + "\n")
	}
	return b.String()
}

// cellRows inserts two rows that every cell's schema accepts.
func cellRows(ch blockingChange, dk dependentKind) string {
	var b strings.Builder
	for i, v := range ch.values {
		cols, vals := "id, d, c", fmt.Sprintf("%d, %d, %s", i+1, i+1, v)
		switch dk.name {
		case "domain":
			cols, vals = cols+", dcol", vals+", "+v
		case "composite attribute":
			cols, vals = cols+", w", vals+", ROW("+v+", 1)"
		case "array column":
			cols, vals = cols+", arr", vals+", ARRAY["+v+"]::"+ch.typBefore+"[]"
		}
		fmt.Fprintf(&b, "INSERT INTO t (%s) VALUES (%s);\n", cols, vals)
	}
	return b.String()
}

// matrixLimits lists the cells autogen cannot migrate, with the reason.
// The test fails when a listed cell passes, so the list stays honest.
var matrixLimits = map[string]string{}

// TestDependencyMatrix builds a small schema for every dependent kind and
// every blocking change, generates the revision, applies it up and down
// on a real PostgreSQL holding rows, and compares pg_dump with databases
// loaded from the two schemas, as the corpus does.
func TestDependencyMatrix(t *testing.T) {
	root := t.TempDir()
	var cases []Case
	for _, ch := range blockingChanges {
		for _, dk := range dependentKinds {
			if dk.typed && ch.columnOnly {
				continue // a drop or rename of a column does not touch types
			}
			name := ch.name + " x " + dk.name
			dir := filepath.Join(root, strings.NewReplacer(" ", "_").Replace(name))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			a := cellSchema(ch, dk, false) + cellRows(ch, dk)
			b := cellSchema(ch, dk, true)
			for file, src := range map[string]string{"a.sql": a, "b.sql": b} {
				if err := os.WriteFile(filepath.Join(dir, file), []byte(src), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cases = append(cases, Case{Name: name, Dir: dir, Options: autogenerate.Options{Renames: ch.renames}})
		}
	}
	dumper, err := NewDumper(VersionTable)
	if err != nil {
		t.Fatal(err)
	}
	r := &Harness{AdminURL: pgtest.AdminURL(t), Dumper: dumper}
	passed := 0
	for _, res := range runAll(cases, 3, r.Run) {
		reason, limited := matrixLimits[res.Case.Name]
		switch {
		case res.Passed() && limited:
			t.Errorf("%s now round-trips; remove it from matrixLimits (listed as: %s)", res.Case.Name, reason)
		case res.Passed():
			passed++
		case limited:
			t.Logf("%s: known limit: %s", res.Case.Name, reason)
		default:
			src, _ := os.ReadFile(filepath.Join(res.Case.Dir, "a.sql"))
			dst, _ := os.ReadFile(filepath.Join(res.Case.Dir, "b.sql"))
			t.Errorf("%s: %s\n-- a.sql\n%s-- b.sql\n%s%s", res.Case.Name, res.Status, src, dst, indent(res.Detail))
		}
	}
	msg := fmt.Sprintf("dependency matrix: %d of %d cells round-trip", passed, len(cases))
	t.Log(msg)
	fmt.Println(msg)
}
