package guard_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/autogen-dev/autogen/guard"
	"github.com/autogen-dev/autogen/internal/pgtest"
	"github.com/autogen-dev/autogen/op"
)

// ownLoss is an operation of a user's own that declares a deletes-data
// hazard; with a probe when probe is set.
type ownLoss struct{ probe bool }

func (o ownLoss) Statements() ([]string, error) { return []string{"DELETE FROM events"}, nil }
func (o ownLoss) Hazards() []op.Hazard {
	return []op.Hazard{{Kind: op.DeletesData, Message: "deletes every event"}}
}

type probed struct{ ownLoss }

func (probed) Probes() []op.Probe {
	return []op.Probe{{Table: op.Name{Name: "events"}, What: "events", SQL: "SELECT what FROM events LIMIT 1"}}
}

// TestCheck covers what the guard does with each kind of operation: a
// probe that reads what an earlier operation creates or renames into place
// is deferred to right before its operation, as is one whose table does
// not exist yet; an operation of a user's own is checked through
// its probe, or refused without one.
func TestCheck(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "CREATE TABLE events (id int, what text); INSERT INTO events VALUES (1, 'signup'); CREATE TABLE empty (id int)")
	ops := []op.Operation{
		op.CreateTable{Name: "fresh", Columns: []op.Column{{Name: "id", Type: "int"}}},
		op.DropTable{Name: "fresh"},
		op.DropTable{Name: "empty"},
		op.RenameTable{Name: "events", NewName: "ev"},
		op.DropColumn{Table: "ev", Column: "what"},
		op.DropTable{Name: "not_yet"},
		probed{},
		ownLoss{},
	}
	losses, deferred, err := guard.Check(ctx, conn, ops, guard.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(deferred) != "[1 4 5]" {
		t.Errorf("deferred %v, want [1 4 5]", deferred)
	}
	var got []string
	for _, l := range losses {
		got = append(got, l.String())
	}
	want := []string{"deletes every event; for example: signup", "deletes every event (the operation declares no probe, so autogen cannot tell what it would lose)"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("losses\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Right before it runs, the deferred drop reads the renamed table.
	exec(t, conn, "ALTER TABLE events RENAME TO ev")
	late, err := guard.CheckOne(ctx, conn, ops, 4, guard.Options{})
	if err != nil || len(late) != 1 || late[0].Example != "signup" {
		t.Errorf("CheckOne = %v, %v", late, err)
	}
	if none, err := guard.CheckOne(ctx, conn, ops, 5, guard.Options{}); err != nil || len(none) != 0 {
		t.Errorf("CheckOne of a table that still does not exist = %v, %v", none, err)
	}
}

// TestCheckInsideATransaction: with savepoints, a probe that fails (a value
// the conversion rejects) leaves the transaction usable.
func TestCheckInsideATransaction(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "CREATE TABLE t (c text); INSERT INTO t VALUES ('abc')")
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	alter := op.AlterColumn{Table: "t", Column: "c", FromType: "text", Type: "integer", Using: "c::integer"}
	losses, _, err := guard.Check(ctx, tx, []op.Operation{alter}, guard.Options{Savepoints: true})
	if err != nil || len(losses) != 0 {
		t.Fatalf("Check = %v, %v; want nothing: the change fails on 'abc' by itself", losses, err)
	}
	if _, err := tx.Exec(ctx, "SELECT 1"); err != nil {
		t.Errorf("the transaction is aborted after the probe: %v", err)
	}
}

// TestDOBlockRaises runs the offline form of the guard: it raises with the
// operation and an example where data would be lost, and passes where none
// would.
func TestDOBlockRaises(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "CREATE TABLE t (id int, note text); INSERT INTO t VALUES (1, NULL)")
	ops := []op.Operation{op.DropColumn{Table: "t", Column: "note"}, op.DropTable{Name: "gone"}}
	do := guard.DO("upgrade a1", ops, []int{0, 1})
	if _, err := conn.Exec(ctx, do); err != nil {
		t.Fatalf("the guard raised with nothing to lose: %v\n%s", err, do)
	}
	exec(t, conn, "UPDATE t SET note = 'it''s kept'")
	_, err = conn.Exec(ctx, do)
	if err == nil || !strings.Contains(err.Error(), "autogen: refusing to run upgrade a1: it would lose data: operation 1 (op.DropColumn): drops column t.note and its data; for example: it's kept") {
		t.Fatalf("the guard's DO block = %v", err)
	}
	if guard.DO("upgrade a1", ops, nil) != "" {
		t.Error("a DO block with nothing to check")
	}
}

// TestTimeout: a probe that takes longer than the timeout counts as
// finding data.
func TestTimeout(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	found, err := guard.Exists(ctx, conn, guard.Options{Timeout: 50 * time.Millisecond}, "SELECT pg_sleep(2)")
	if err != nil || !found {
		t.Errorf("Exists past the timeout = %v, %v; want true", found, err)
	}
}

// TestProbeOfATypeCreatedEarlier: a type change to an enum the same list
// creates cannot be probed before the list runs; it is checked right
// before its operation, when the type exists.
func TestProbeOfATypeCreatedEarlier(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "CREATE TABLE t (c text); INSERT INTO t VALUES ('red')")
	ops := []op.Operation{
		op.CreateEnum{Name: "color", Values: []string{"red"}},
		op.AlterColumn{Table: "t", Column: "c", FromType: "text", Type: "color", Using: "c::text::color"},
	}
	losses, deferred, err := guard.Check(ctx, conn, ops, guard.Options{})
	if err != nil || len(losses) != 0 || fmt.Sprint(deferred) != "[1]" {
		t.Fatalf("Check = %v, %v, %v; want the type change deferred", losses, deferred, err)
	}
	exec(t, conn, "CREATE TYPE color AS ENUM ('red')")
	if late, err := guard.CheckOne(ctx, conn, ops, 1, guard.Options{}); err != nil || len(late) != 0 {
		t.Errorf("CheckOne of values the enum keeps = %v, %v", late, err)
	}
}

// TestDomainBase: a change from a domain is probed by its base type.
func TestDomainBase(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, "CREATE DOMAIN price AS numeric(12,4) CHECK (VALUE >= 0); CREATE TABLE t (v price); INSERT INTO t VALUES (1.25)")
	alter := op.AlterColumn{Table: "t", Column: "v", FromType: "public.price", FromBase: "numeric(12,4)", Type: "numeric(12,2)", Using: "v::text::numeric(12,2)"}
	if losses, _, err := guard.Check(ctx, conn, []op.Operation{alter}, guard.Options{}); err != nil || len(losses) != 0 {
		t.Fatalf("values the change keeps: %v, %v", losses, err)
	}
	exec(t, conn, "INSERT INTO t VALUES (1.2345)")
	losses, _, err := guard.Check(ctx, conn, []op.Operation{alter}, guard.Options{})
	if err != nil || len(losses) != 1 || losses[0].Example != "1.2345 becomes 1.23" {
		t.Fatalf("values the change rounds: %v, %v", losses, err)
	}
}

// TestCompositeAttributeProbe: dropping an attribute of a composite type
// loses data only where a column holds values of the type, directly, in
// an array or domain, or inside another composite; the probe finds such a
// column and stays quiet for a type no column fills. The names are odd on
// purpose: the probe composes SQL from them.
func TestCompositeAttributeProbe(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, `CREATE SCHEMA "s'q"; CREATE TYPE "s'q"."pa%ir" AS (a int, b int);
		CREATE TYPE "s'q".unused AS (a int, b int);
		CREATE TYPE outer_t AS (p "s'q"."pa%ir", n int); CREATE DOMAIN pdom AS "s'q"."pa%ir";
		CREATE TABLE nested ("x y" outer_t); CREATE TABLE listed (v pdom[]); CREATE TABLE nulls (z "s'q"."pa%ir");
		INSERT INTO nulls VALUES (NULL)`)
	drop := func(typ string) []guard.Loss {
		t.Helper()
		losses, _, err := guard.Check(ctx, conn, []op.Operation{op.AlterComposite{Schema: "s'q", Name: typ, Drop: []string{"b"}}}, guard.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return losses
	}
	if l := drop("unused"); len(l) != 0 {
		t.Errorf("a type no column uses: %v", l)
	}
	if l := drop("pa%ir"); len(l) != 0 {
		t.Errorf("columns of the type hold no value yet: %v", l)
	}
	exec(t, conn, `INSERT INTO listed VALUES (ARRAY[ROW(1, 2)::pdom])`)
	if l := drop("pa%ir"); len(l) != 1 || l[0].Example != `listed.v holds values of "s'q"."pa%ir"` {
		t.Errorf("a value in an array of a domain over the type: %v", l)
	}
	exec(t, conn, `DELETE FROM listed; INSERT INTO nested VALUES (ROW(ROW(1, 2), 3))`)
	if l := drop("pa%ir"); len(l) != 1 || l[0].Example != `nested."x y" holds values of "s'q"."pa%ir"` {
		t.Errorf("a value inside another composite: %v", l)
	}
}

// TestExtensionProbe: dropping an extension loses only the rows of its
// configuration tables that its condition marks as the user's (PostGIS's
// spatial_ref_sys comes filled); the rows it installs itself come back
// with it. pg_extension_config_dump works only inside an extension's
// script, so the test registers a member table in the catalog directly.
func TestExtensionProbe(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, `CREATE EXTENSION citext; CREATE TABLE "cfg's" (id int); INSERT INTO "cfg's" VALUES (1), (2);
		ALTER EXTENSION citext ADD TABLE "cfg's";
		UPDATE pg_catalog.pg_extension SET extconfig = ARRAY['"cfg''s"'::regclass::oid], extcondition = ARRAY['WHERE id > 100']
		WHERE extname = 'citext'`)
	drop := []op.Operation{op.DropExtension{Name: "citext"}}
	losses, _, err := guard.Check(ctx, conn, drop, guard.Options{})
	if err != nil || len(losses) != 0 {
		t.Fatalf("only the extension's own rows: %v, %v", losses, err)
	}
	exec(t, conn, `INSERT INTO "cfg's" VALUES (101)`)
	losses, _, err = guard.Check(ctx, conn, drop, guard.Options{})
	if err != nil || len(losses) != 1 || losses[0].Example != `a row of public."cfg's"` {
		t.Errorf("a row of the user's: %v, %v", losses, err)
	}
	exec(t, conn, `UPDATE pg_catalog.pg_extension SET extcondition = ARRAY[''] WHERE extname = 'citext'; DELETE FROM "cfg's" WHERE id > 100`)
	if losses, _, err = guard.Check(ctx, conn, drop, guard.Options{}); err != nil || len(losses) != 1 {
		t.Errorf("no condition: every row is the user's: %v, %v", losses, err)
	}
}

// TestStashRowsProbesWhatItLoses: a table partitioned anew without a column
// (op.StashRows with Lost) loses that column's values; the guard finds one
// among the table's own rows, and nothing when they hold none, nor in the
// rows of a child table, which keeps its own.
func TestStashRowsProbesWhatItLoses(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, `CREATE TABLE t (id int, note text); INSERT INTO t VALUES (1, NULL);
CREATE TABLE kid () INHERITS (t); INSERT INTO kid VALUES (2, 'the child''s')`)
	ops := []op.Operation{op.StashRows{Table: "t", Reshape: true, Lost: []string{"note"}}}
	if losses, _, err := guard.Check(ctx, conn, ops, guard.Options{}); err != nil || len(losses) != 0 {
		t.Fatalf("Check = %v, %v; want nothing: the table's own rows hold no note", losses, err)
	}
	exec(t, conn, "UPDATE ONLY t SET note = 'kept'")
	losses, _, err := guard.Check(ctx, conn, ops, guard.Options{})
	if err != nil || len(losses) != 1 || losses[0].Example != "kept" {
		t.Fatalf("Check = %v, %v; want the note of t", losses, err)
	}
}

// TestSwappedCompositeProbesTheAttributesItDrops converts a column whose
// composite type is swapped for one without an attribute (the values go
// attribute by attribute, and that attribute's values are lost). The
// guard must see them: nothing to lose while the attribute is NULL
// everywhere, the value once one row holds it.
func TestSwappedCompositeProbesTheAttributesItDrops(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, `CREATE TYPE addr AS (street text, city text); CREATE TYPE addr2 AS (street text);
CREATE TABLE cust (id int, a addr); INSERT INTO cust VALUES (1, ROW('Main', NULL)), (2, NULL)`)
	ops := []op.Operation{op.AlterColumn{Table: "cust", Column: "a", Type: "addr2",
		Using: "CASE WHEN a::text IS NULL THEN NULL ELSE ROW((a).street)::addr2 END", DropsAttributes: []string{"city"}}}
	if losses, _, err := guard.Check(ctx, conn, ops, guard.Options{}); err != nil || len(losses) != 0 {
		t.Fatalf("Check = %v, %v; want nothing: no row holds a city", losses, err)
	}
	exec(t, conn, "UPDATE cust SET a = ROW('Main', 'Springfield') WHERE id = 1")
	losses, _, err := guard.Check(ctx, conn, ops, guard.Options{})
	if err != nil || len(losses) != 1 || losses[0].Example != "Springfield" {
		t.Fatalf("Check = %v, %v; want the city of row 1", losses, err)
	}
}

// TestSwappedCompositeProbesTheAttributesItNarrows: converting a swapped
// composite's attribute to a narrower type rounds or truncates its values
// (a row cast converts explicitly); the guard finds a value that would
// change and nothing while every value fits.
func TestSwappedCompositeProbesTheAttributesItNarrows(t *testing.T) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, pgtest.NewDB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	exec(t, conn, `CREATE TYPE price AS (amount numeric(12,4), label varchar(20));
CREATE TYPE price2 AS (amount numeric(10,2), label varchar(8));
CREATE TABLE item (id int, p price); INSERT INTO item VALUES (1, ROW(12.5, 'short')), (2, NULL), (3, ROW(NULL, NULL))`)
	ops := []op.Operation{op.AlterColumn{Table: "item", Column: "p", Type: "price2",
		Using: "CASE WHEN p::text IS NULL THEN NULL ELSE ROW((p).amount::numeric(10,2), (p).label::varchar(8))::price2 END",
		Attributes: []op.AttributeChange{{Name: "amount", FromType: "numeric(12,4)", Type: "numeric(10,2)"},
			{Name: "label", FromType: "character varying(20)", Type: "character varying(8)"}}}}
	if losses, _, err := guard.Check(ctx, conn, ops, guard.Options{}); err != nil || len(losses) != 0 {
		t.Fatalf("Check = %v, %v; want nothing: every value fits", losses, err)
	}
	exec(t, conn, "UPDATE item SET p = ROW(1.2345, 'a longer label') WHERE id = 1")
	losses, _, err := guard.Check(ctx, conn, ops, guard.Options{})
	if err != nil || len(losses) != 2 || losses[0].Example != "1.2345 becomes 1.23" || losses[1].Example != "a longer label becomes a longer" {
		t.Fatalf("Check = %+v, %v; want the amount and the label of row 1", losses, err)
	}
}
