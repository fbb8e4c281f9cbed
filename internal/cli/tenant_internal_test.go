package cli

import (
	"reflect"
	"testing"

	"github.com/autogen-dev/autogen/codegen"
	"github.com/autogen-dev/autogen/op"
)

// TestUnqualify checks what a tenant revision keeps of the template schema:
// nothing that names it, and everything that merely resembles it.
func TestUnqualify(t *testing.T) {
	orig := op.CreateTable{Schema: "tmpl", Name: "orders", Columns: []op.Column{
		{Name: "status", Type: "tmpl.mood"},
		{Name: "id", Type: "bigint", Default: "nextval('tmpl.orders_id_seq'::regclass)"},
		{Name: "note", Type: "text", Default: "'tmpl.x is text'"},
		{Name: "other", Type: "tmpl_extra.kind"},
		{Name: "shared", Type: "public.citext"},
	}}
	steps := []codegen.Step{
		{Comment: "added schema 'tmpl'", Ops: []op.Operation{op.CreateSchema{Name: "tmpl"}}},
		{Comment: "added table 'tmpl.orders'", Ops: []op.Operation{orig}, Hazards: [][]op.Hazard{nil}},
		{Ops: []op.Operation{op.CreateView{Schema: "tmpl", Name: "v", Query: `SELECT "tmpl".f(x), a.tmpl.y FROM tmpl.orders`}}},
	}
	got := unqualify(steps, "tmpl")
	want := []codegen.Step{
		{Comment: "added table 'orders'", Ops: []op.Operation{op.CreateTable{Name: "orders", Columns: []op.Column{
			{Name: "status", Type: "mood"},
			{Name: "id", Type: "bigint", Default: "nextval('orders_id_seq'::regclass)"},
			// A string literal that happens to start like a qualified
			// name is changed too; the documentation says so.
			{Name: "note", Type: "text", Default: "'x is text'"},
			{Name: "other", Type: "tmpl_extra.kind"},
			{Name: "shared", Type: "public.citext"},
		}}}, Hazards: [][]op.Hazard{nil}},
		{Ops: []op.Operation{op.CreateView{Name: "v", Query: `SELECT f(x), a.tmpl.y FROM orders`}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unqualify:\n%#v\nwant:\n%#v", got, want)
	}
	// The plan's own values are left as they were.
	if orig.Schema != "tmpl" || orig.Columns[0].Type != "tmpl.mood" {
		t.Errorf("unqualify changed its input: %#v", orig)
	}
}
