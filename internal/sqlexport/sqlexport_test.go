package sqlexport

import (
	"strings"
	"testing"
	"time"

	"github.com/autogen-dev/autogen/op"
)

func TestFiles(t *testing.T) {
	r := Revision{
		ID: "abc123", Message: "add notes\nmore", Slug: "add_notes", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600)),
		Up:   []op.Operation{op.CreateTable{Schema: "public", Name: "notes", Columns: []op.Column{{Name: "id", Type: "int"}}}},
		Down: []op.Operation{op.DropTable{Schema: "public", Name: "notes"}},
	}
	goose, err := Files("goose", r)
	if err != nil {
		t.Fatal(err)
	}
	want := `-- add notes
-- Written by autogen from revision abc123; autogen's Go revision is the source.

-- +goose Up
-- +goose StatementBegin
CREATE TABLE public.notes (
    id int
);
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TABLE public.notes;
-- +goose StatementEnd
`
	if got := string(goose["20260102020405_add_notes.sql"]); got != want || len(goose) != 1 {
		t.Errorf("goose files %q:\n%s", keys(goose), got)
	}
	gm, err := Files("golang-migrate", r)
	if err != nil {
		t.Fatal(err)
	}
	up, down := string(gm["20260102020405_add_notes.up.sql"]), string(gm["20260102020405_add_notes.down.sql"])
	if !strings.HasSuffix(up, "BEGIN;\nCREATE TABLE public.notes (\n    id int\n);\nCOMMIT;\n") || !strings.HasSuffix(down, "BEGIN;\nDROP TABLE public.notes;\nCOMMIT;\n") {
		t.Errorf("golang-migrate files:\n%s\n%s", up, down)
	}
	r.NoTransaction = true
	goose, _ = Files("goose", r)
	gm, _ = Files("golang-migrate", r)
	if !strings.Contains(string(goose["20260102020405_add_notes.sql"]), "-- +goose NO TRANSACTION\n") || strings.Contains(string(gm["20260102020405_add_notes.up.sql"]), "BEGIN;") {
		t.Error("a non-transactional revision is wrapped in a transaction")
	}
	if _, err := Files("flyway", r); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
