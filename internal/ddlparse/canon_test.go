package ddlparse_test

import (
	"testing"

	"github.com/autogen-dev/autogen/model"
)

// TestLiteralCasts pins that a default written with or without the cast
// PostgreSQL adds has the same canonical form.
func TestLiteralCasts(t *testing.T) {
	c := mustParse(t, `CREATE TABLE t (
		a varchar(10) DEFAULT 'x', b varchar(10) DEFAULT 'x'::character varying,
		c int DEFAULT -1, d int DEFAULT '-1'::integer,
		e jsonb DEFAULT '{}', f jsonb DEFAULT '{}'::jsonb,
		g boolean DEFAULT 't', h boolean DEFAULT true);`)
	tbl := c.Table(model.Name{Schema: "public", Name: "t"})
	for _, pair := range [][2]string{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}} {
		x, y := tbl.Column(pair[0]).Default, tbl.Column(pair[1]).Default
		if x.Canon != y.Canon {
			t.Errorf("%s and %s: %q != %q", pair[0], pair[1], x.Canon, y.Canon)
		}
	}
	if got := tbl.Column("d").Default.SQL; got != "'-1'::integer" {
		t.Errorf("SQL keeps what was written: got %q", got)
	}
}

// TestInList pins IN and NOT IN lists to the ANY/ALL form PostgreSQL stores.
func TestInList(t *testing.T) {
	c := mustParse(t, `CREATE TABLE t (s text CHECK (s IN ('a', 'b')), n int CHECK (n NOT IN (1, 2)),
		m int CHECK (m = ANY (ARRAY[1, 2])));`)
	tbl := c.Table(model.Name{Schema: "public", Name: "t"})
	want := map[string]string{
		"t_s_check": `s = ANY (ARRAY['a', 'b'])`,
		"t_n_check": `n <> ALL (ARRAY['1', '2'])`,
		"t_m_check": `m = ANY (ARRAY['1', '2'])`,
	}
	for name, canon := range want {
		if got := tbl.Constraint(name).Expr.Canon; got != canon {
			t.Errorf("%s: got %q, want %q", name, got, canon)
		}
	}
}

// TestIndexDefaults pins that spelled-out defaults (ASC, NULLS LAST for
// ascending, NULLS FIRST for descending, the default operator class) are
// implied, and non-defaults kept.
func TestIndexDefaults(t *testing.T) {
	c := mustParse(t, `CREATE TABLE t (a text, b int);
		CREATE INDEX explicit ON t USING btree (a text_ops ASC NULLS LAST, b DESC NULLS FIRST);
		CREATE INDEX implicit ON t (a, b DESC);
		CREATE INDEX other ON t (a text_pattern_ops NULLS FIRST, b DESC NULLS LAST);`)
	keys := map[string][]model.IndexKey{}
	for _, ix := range c.Indexes {
		keys[ix.Name] = ix.Keys
	}
	if model.Dump(&model.Catalog{Indexes: []*model.Index{{Keys: keys["explicit"]}}}) !=
		model.Dump(&model.Catalog{Indexes: []*model.Index{{Keys: keys["implicit"]}}}) {
		t.Errorf("explicit defaults differ from implied ones: %+v vs %+v", keys["explicit"], keys["implicit"])
	}
	want := []model.IndexKey{{Column: "a", Opclass: "text_pattern_ops", NullsOrder: "NULLS FIRST"},
		{Column: "b", Desc: true, NullsOrder: "NULLS LAST"}}
	for i, k := range keys["other"] {
		if k.Column != want[i].Column || k.Opclass != want[i].Opclass || k.Desc != want[i].Desc || k.NullsOrder != want[i].NullsOrder {
			t.Errorf("key %d = %+v, want %+v", i, k, want[i])
		}
	}
}

// TestQuotedNames pins that quoted names keep their case and unquoted ones
// fold, and that default names derive from the real identifiers.
func TestQuotedNames(t *testing.T) {
	c := mustParse(t, `CREATE SCHEMA "Sales"; CREATE TABLE "Sales"."Order" ("ID" int PRIMARY KEY, Total int UNIQUE);`)
	tbl := c.Table(model.Name{Schema: "Sales", Name: "Order"})
	if tbl == nil {
		t.Fatalf("table not found; have %v", c.Tables)
	}
	if tbl.Columns[0].Name != "ID" || tbl.Columns[1].Name != "total" {
		t.Errorf("columns %q, %q", tbl.Columns[0].Name, tbl.Columns[1].Name)
	}
	if tbl.Constraint("Order_pkey") == nil || tbl.Constraint("Order_total_key") == nil {
		t.Errorf("constraints %v", tbl.Constraints)
	}
}

// TestDefaultNames pins PostgreSQL's names for unnamed constraints and
// indexes, with collision suffixes and truncation to 63 bytes.
func TestDefaultNames(t *testing.T) {
	long := "a_table_name_that_is_quite_long_and_keeps_going_until_the_end_x"
	c := mustParse(t, `CREATE TABLE p (id int PRIMARY KEY);
		CREATE TABLE t (a int UNIQUE, b int REFERENCES p, UNIQUE (a, b), CHECK (a > 0), CHECK (a > b), CHECK (a < 9),
			EXCLUDE (a WITH =));
		ALTER TABLE t ADD UNIQUE (a);
		CREATE INDEX ON t (a); CREATE INDEX ON t (a); CREATE INDEX ON t (lower(b::text));
		CREATE TABLE `+long+` (`+long+`_column int UNIQUE);`)
	tbl := c.Table(model.Name{Schema: "public", Name: "t"})
	for _, name := range []string{"t_a_key", "t_a_b_key", "t_b_fkey", "t_a_check", "t_check", "t_a_check1", "t_a_excl", "t_a_key1"} {
		if tbl.Constraint(name) == nil {
			t.Errorf("no constraint %s; have %v", name, names(tbl.Constraints))
		}
	}
	var idx []string
	for _, ix := range c.Indexes {
		idx = append(idx, ix.Name)
	}
	if len(idx) != 3 || idx[0] != "t_a_idx" || idx[1] != "t_a_idx1" || idx[2] != "t_lower_idx" {
		t.Errorf("indexes %v", idx)
	}
	lt := c.Table(model.Name{Schema: "public", Name: long})
	if got := lt.Constraints[0].Name; got != "a_table_name_that_is_quite_lo_a_table_name_that_is_quite_lo_key" || len(got) > 63 {
		t.Errorf("truncated name %q (%d bytes)", got, len(got))
	}
}

func names(cs []*model.Constraint) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// TestSearchPath pins that unqualified names resolve against the
// search_path in effect at each statement.
func TestSearchPath(t *testing.T) {
	c := mustParse(t, `CREATE SCHEMA app;
		SET search_path = app;
		CREATE TYPE kind AS ENUM ('a');
		CREATE SEQUENCE ids;
		CREATE TABLE things (id bigint DEFAULT nextval('ids'), k kind);
		SELECT pg_catalog.set_config('search_path', '', false);
		CREATE TABLE public.other (k app.kind);
		RESET search_path;
		CREATE TABLE back (x int);`)
	things := c.Table(model.Name{Schema: "app", Name: "things"})
	if things == nil {
		t.Fatal("app.things not created in app")
	}
	if got := things.Column("id").Default.Canon; got != "nextval('app.ids')" {
		t.Errorf("default %q", got)
	}
	if got := things.Column("k").Type; got != "app.kind" {
		t.Errorf("type %q", got)
	}
	if c.Table(model.Name{Schema: "public", Name: "back"}) == nil {
		t.Error("RESET did not restore the default path")
	}
}

// TestClusterUsingMarksTheIndex: CLUSTER ... USING marks the index as
// ALTER TABLE ... CLUSTER ON does; CLUSTER without USING, and SET WITHOUT
// OIDS, change nothing.
func TestClusterUsingMarksTheIndex(t *testing.T) {
	const table = "CREATE TABLE t (a int PRIMARY KEY, b int); CREATE INDEX t_b ON t (b);\n"
	for src, want := range map[string]string{
		table + "CLUSTER t USING t_b;":                                 "t_b",
		table + "ALTER TABLE t CLUSTER ON t_pkey; CLUSTER t; CLUSTER;": "t_pkey",
		table + "ALTER TABLE t SET WITHOUT OIDS;":                      "",
	} {
		if got := mustParse(t, src).Tables[0].ClusterOn; got != want {
			t.Errorf("%s\nclustered on %q, want %q", src, got, want)
		}
	}
}
