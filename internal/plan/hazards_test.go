package plan_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
	"github.com/autogen-dev/autogen/revision"
)

func catalog(t *testing.T, src string) *model.Catalog {
	t.Helper()
	c, err := ddlparse.Parse("schema.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c.Sort()
	return c
}

// steps renders a plan as one line per step: what changed, then the
// operations with their hazard kinds, as "AddConstraint[locks-for-scan
// may-fail]".
func steps(p *plan.Plan) []string {
	var out []string
	for _, s := range p.Steps {
		var ops []string
		for i, o := range s.Ops {
			name := strings.TrimPrefix(fmt.Sprintf("%T", o), "op.")
			var ks []string
			for _, h := range s.OpHazards[i] {
				ks = append(ks, string(h.Kind))
			}
			if len(ks) > 0 {
				name += "[" + strings.Join(ks, " ") + "]"
			}
			ops = append(ops, name)
		}
		out = append(out, s.Comment+": "+strings.Join(ops, ", "))
	}
	return out
}

// TestHazardsOfEveryChange runs schema changes through diff and plan, on
// tables that exist (so they may hold rows) and, online, with the
// lock-friendly forms, and checks the hazards each operation carries.
func TestHazardsOfEveryChange(t *testing.T) {
	const base = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE p (id bigint PRIMARY KEY, m mood);
CREATE TABLE t (id bigint PRIMARY KEY, code varchar(20), qty bigint, price numeric(10,2), note text, p_id bigint, gone text);
CREATE INDEX t_note ON t (note);
CREATE TABLE logs (at timestamptz) PARTITION BY RANGE (at);
CREATE TABLE loose (at timestamptz);
`
	tests := []struct {
		name   string
		before string
		after  string
		online bool
		want   []string
		// segments is how many segments the upgrade runs in (0 means 1):
		// transactions split by op.Commit, and concurrent index builds.
		segments int
	}{
		{name: "drops delete data", before: base, after: strings.NewReplacer(", gone text", "", "CREATE TABLE loose (at timestamptz);", "").Replace(base),
			want: []string{
				"removed column 't.gone': DropColumn[deletes-data]",
				"removed table 'loose': DropTable[deletes-data]",
			}},
		{name: "narrowing and widening types", before: base,
			after: strings.NewReplacer("code varchar(20)", "code varchar(10)", "qty bigint", "qty integer", "price numeric(10,2)", "price numeric(8,2)", "note text", "note varchar(200)").Replace(base),
			want: []string{
				"changed column 't.code': type character varying(20) -> character varying(10): AlterColumn[rewrites-table may-fail]",
				"changed column 't.note': type text -> character varying(200): AlterColumn[rewrites-table may-fail]",
				"changed column 't.price': type numeric(10,2) -> numeric(8,2): AlterColumn[rewrites-table may-fail]",
				"changed column 't.qty': type bigint -> integer: AlterColumn[rewrites-table may-fail]",
			}},
		{name: "widening only changes the catalog", before: base,
			after: strings.NewReplacer("code varchar(20)", "code varchar(40)", "price numeric(10,2)", "price numeric(12,2)").Replace(base),
			want: []string{
				"changed column 't.code': type character varying(20) -> character varying(40): AlterColumn",
				"changed column 't.price': type numeric(10,2) -> numeric(12,2): AlterColumn",
			}},
		{name: "new columns", before: base,
			after: strings.Replace(base, "gone text)", "gone text, a int NOT NULL, b uuid DEFAULT gen_random_uuid(), c int NOT NULL DEFAULT 0)", 1),
			want: []string{
				"added column 't.a': AddColumn[may-fail]",
				"added column 't.b': AddColumn[rewrites-table]",
				"added column 't.c': AddColumn",
			}},
		{name: "constraints and indexes", before: base,
			after: strings.Replace(base, "gone text)", "gone text, CHECK (qty > 0), UNIQUE (code), FOREIGN KEY (p_id) REFERENCES p, CONSTRAINT note_nn CHECK (note IS NOT NULL));\nCREATE UNIQUE INDEX t_code ON t (lower(code))", 1),
			want: []string{
				"added check constraint 'note_nn' on 't': AddConstraint[locks-for-scan may-fail]",
				"added unique constraint 't_code_key' on 't': AddConstraint[blocks-writes may-fail]",
				"added check constraint 't_qty_check' on 't': AddConstraint[locks-for-scan may-fail]",
				"added index 't_code' on 't': CreateIndex[blocks-writes may-fail]",
				"added foreign key constraint 't_p_id_fkey' on 't': AddConstraint[locks-for-scan may-fail]",
			}},
		{name: "constraints and indexes online", online: true, segments: 5, before: base,
			after: strings.Replace(base, "gone text)", "gone text, CHECK (qty > 0), FOREIGN KEY (p_id) REFERENCES p);\nCREATE UNIQUE INDEX t_code ON t (lower(code))", 1),
			want: []string{
				"added check constraint 't_qty_check' on 't': AddConstraint, Commit, ValidateConstraint[may-fail]",
				"added index 't_code' on 't': CreateIndex[may-fail]",
				"added foreign key constraint 't_p_id_fkey' on 't': AddConstraint, Commit, ValidateConstraint[may-fail]",
			}},
		{name: "a unique constraint online takes over an index built concurrently", online: true, segments: 2, before: base,
			after: strings.Replace(base, "gone text)", "gone text, UNIQUE (code))", 1),
			want:  []string{"added unique constraint 't_code_key' on 't': CreateIndex[may-fail], AddConstraint"}},
		{name: "partitioned tables keep plain index builds online", online: true, before: base,
			after: base + "CREATE INDEX logs_at ON logs (at);",
			want:  []string{"added index 'logs_at' on 'logs': CreateIndex[blocks-writes]"}},
		{name: "SET NOT NULL", before: base, after: strings.Replace(base, "note text", "note text NOT NULL", 1),
			want: []string{"changed column 't.note': NOT NULL: AlterColumn[locks-for-scan may-fail]"}},
		{name: "SET NOT NULL online goes through a validated check", online: true, segments: 2, before: base, after: strings.Replace(base, "note text", "note text NOT NULL", 1),
			want: []string{"changed column 't.note': NOT NULL: AddConstraint, Commit, ValidateConstraint[may-fail], AlterColumn, DropConstraint"}},
		{name: "index drops", before: base, after: strings.Replace(base, "CREATE INDEX t_note ON t (note);", "", 1),
			want: []string{"removed index 't_note' on 't': DropIndex[blocks-writes]"}},
		{name: "index drops online", online: true, before: base, after: strings.Replace(base, "CREATE INDEX t_note ON t (note);", "", 1),
			want: []string{"removed index 't_note' on 't': DropIndex"}},
		{name: "enum values", before: base, after: strings.Replace(base, "'ok', 'happy'", "'ok', 'happy', 'ecstatic'", 1),
			want: []string{"added value 'ecstatic' to enum 'mood': AddEnumValue[irreversible]"}},
		{name: "an enum value used later commits first", segments: 2, before: base,
			after: strings.Replace(strings.Replace(base, "'ok', 'happy'", "'ok', 'happy', 'ecstatic'", 1), "m mood)", "m mood DEFAULT 'ecstatic')", 1),
			want: []string{
				"added value 'ecstatic' to enum 'mood': AddEnumValue[irreversible], Commit",
				"changed column 'p.m': default none -> 'ecstatic': AlterColumn",
			}},
		{name: "a run of enum values commits after its last when any is used", segments: 2, before: base,
			after: strings.Replace(strings.Replace(base, "'sad', 'ok', 'happy'", "'sad', 'meh', 'ok', 'happy', 'ecstatic'", 1), "m mood)", "m mood DEFAULT 'meh')", 1),
			want: []string{
				"added value 'meh' to enum 'mood': AddEnumValue[irreversible]",
				"added value 'ecstatic' to enum 'mood': AddEnumValue[irreversible], Commit",
				"changed column 'p.m': default none -> 'meh': AlterColumn",
			}},
		{name: "leaving a domain for a narrower type of its base deletes data", before: base + "CREATE DOMAIN price AS numeric(12,4); CREATE TABLE d (v price);",
			after: base + "CREATE DOMAIN price AS numeric(12,4); CREATE TABLE d (v numeric(12,2));",
			want:  []string{"changed column 'd.v': type public.price -> numeric(12,2): AlterColumn[deletes-data rewrites-table]"}},
		{name: "lossy type changes delete data", before: base,
			after: strings.NewReplacer("price numeric(10,2)", "price numeric(10,1)", "CREATE TABLE loose (at timestamptz);", "CREATE TABLE loose (at date);").Replace(base),
			want: []string{
				"changed column 'loose.at': type timestamp with time zone -> date: AlterColumn[deletes-data rewrites-table time-zone]",
				"changed column 't.price': type numeric(10,2) -> numeric(10,1): AlterColumn[deletes-data rewrites-table]",
			}},
		{name: "enum value removed", before: base, after: strings.Replace(base, "'ok', 'happy'", "'happy'", 1),
			want: []string{"changed values of enum 'mood': (sad, ok, happy) -> (sad, happy): RenameType, CreateEnum, AlterColumn[rewrites-table may-fail], DropType"}},
		{name: "table rewrites and partitions", before: base,
			after: strings.Replace(base, "CREATE TABLE loose (at timestamptz);", "CREATE UNLOGGED TABLE loose (at timestamptz);\nCREATE TABLE logs_2024 PARTITION OF logs FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');", 1),
			want: []string{
				"added table 'logs_2024': CreateTable",
				"table 'loose' made unlogged: SetLogged[rewrites-table]",
			}},
		{name: "a new table online takes the plain forms and keeps the transaction", online: true, before: base,
			after: base + "CREATE TABLE n (id bigint PRIMARY KEY, p_id bigint REFERENCES p, CHECK (id > 0));\nCREATE INDEX n_p ON n (p_id);",
			want: []string{
				"added table 'n': CreateTable",
				"added index 'n_p' on 'n': CreateIndex",
				"added foreign key constraint 'n_p_id_fkey' on 'n': AddConstraint",
			}},
		{name: "an existing table attached as a partition is scanned", before: base,
			after: strings.Replace(base, "CREATE TABLE loose (at timestamptz);", "CREATE TABLE loose PARTITION OF logs FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');", 1),
			want:  []string{"attached partition 'loose' to 'logs': AttachPartition[locks-for-scan]"}},
		{name: "a domain check scans the columns of the domain", before: base + "CREATE DOMAIN qty AS integer;",
			after: base + "CREATE DOMAIN qty AS integer CHECK (VALUE > 0);",
			want:  []string{"changed domain 'qty': AlterDomain[may-fail]"}},
		{name: "renames carry no hazard", before: base, after: strings.Replace(base, "CREATE INDEX t_note", "CREATE INDEX t_note_idx", 1),
			want: []string{"renamed index 't_note' to 't_note_idx': RenameIndex"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			changes, err := diff.Diff(catalog(t, tt.before), catalog(t, tt.after))
			if err != nil {
				t.Fatal(err)
			}
			p, err := plan.Build(changes, plan.Options{Online: tt.online, Partitioned: plan.PartitionedTables(catalog(t, tt.before)),
				FromDomains: plan.DomainBases(catalog(t, tt.before)), ToDomains: plan.DomainBases(catalog(t, tt.after))})
			if err != nil {
				t.Fatal(err)
			}
			got := steps(p)
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			want := max(tt.segments, 1)
			if n := len(revision.Split(p.Ops())); n != want {
				t.Errorf("the upgrade runs in %d segments, want %d", n, want)
			}
			// Step.Hazards is the concatenation of the per-operation lists.
			for _, s := range p.Steps {
				var flat []op.Hazard
				for _, hs := range s.OpHazards {
					flat = append(flat, hs...)
				}
				if !slices.Equal(flat, s.Hazards) {
					t.Errorf("step %q: Hazards %v, OpHazards %v", s.Comment, s.Hazards, s.OpHazards)
				}
			}
		})
	}
}

// TestConcurrentIndexesCanRunAgain: an index built or dropped
// concurrently runs outside a transaction, so a runner cut off right after
// it runs it again; autogen writes it so that this succeeds.
func TestConcurrentIndexesCanRunAgain(t *testing.T) {
	before := catalog(t, "CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a);")
	after := catalog(t, "CREATE TABLE t (a int, b int); CREATE INDEX t_b ON t (b);")
	changes, err := diff.Diff(before, after)
	if err != nil {
		t.Fatal(err)
	}
	p, err := plan.Build(changes, plan.Options{Online: true})
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := p.SQL()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CREATE INDEX CONCURRENTLY IF NOT EXISTS t_b ON public.t (b)", "DROP INDEX CONCURRENTLY IF EXISTS public.t_a"}
	slices.Sort(stmts)
	if !slices.Equal(stmts, want) {
		t.Errorf("statements %q, want %q", stmts, want)
	}
}
