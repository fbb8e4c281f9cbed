package sqlnorm

import (
	"testing"

	"github.com/autogen-dev/autogen/model"
)

func pub(n string) model.Name { return model.Name{Schema: "public", Name: n} }

// TestRenameExpr renames in parse trees: identifiers that resolve to the
// renamed objects change; string contents, type names and other tables'
// columns of the same name do not.
func TestRenameExpr(t *testing.T) {
	r := &model.Renaming{
		Tables:     map[model.Name]string{pub("users"): "members"},
		Columns:    map[model.Name]map[string]string{pub("users"): {"email": "Mail Box"}},
		Types:      map[model.Name]string{pub("mood"): "feeling"},
		EnumValues: map[model.Name]map[string]string{pub("mood"): {"ok": "fine"}},
		Sequences:  map[model.Name]model.Name{pub("users_id_seq"): pub("members_id_seq")},
	}
	cols := map[model.Name][]string{pub("users"): {"id", "email"}, pub("orders"): {"id", "email", "user_id"}}
	ns := &Namespace{Columns: func(rel model.Name) ([]string, bool) { c, ok := cols[rel]; return c, ok }}
	tests := []struct {
		name  string
		kind  ExprKind
		owner model.Name
		in    string
		want  string
	}{
		{"check keeps literals and type names", ScalarExpr, pub("users"),
			`(email <> 'email') AND (email IS NOT NULL) AND ((id)::text <> 'x'::text)`,
			`("Mail Box" <> 'email') AND ("Mail Box" IS NOT NULL) AND (id::text <> 'x'::text)`},
		{"enum value and type in a cast", ScalarExpr, pub("t"),
			`(m = 'ok'::public.mood)`, `m = 'fine'::public.feeling`},
		{"sequence in a default", ScalarExpr, pub("users"),
			`nextval('public.users_id_seq'::regclass)`, `nextval('public.members_id_seq'::regclass)`},
		{"view over the renamed table and another", QueryExpr, model.Name{},
			` SELECT users.id, users.email, o.email AS oe FROM (public.users JOIN public.orders o ON ((o.user_id = users.id)))`,
			`SELECT members.id AS id, members."Mail Box" AS email, o.email AS oe FROM (public.members JOIN public.orders o ON o.user_id = members.id)`},
		{"aliased table keeps its alias", QueryExpr, model.Name{},
			` SELECT u.email FROM public.users u`,
			`SELECT u."Mail Box" AS email FROM public.members u`},
	}
	for _, tt := range tests {
		e, err := ns.ParseExpr(tt.in, "")
		if tt.kind == QueryExpr {
			q, qerr := ns.ParseQuery(tt.in)
			if qerr == nil {
				e = &q.Expr
			}
			err = qerr
		}
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := RenameExpr(e, tt.kind, tt.owner, "", r, ns)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got.SQL != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got.SQL, tt.want)
		}
		for _, ref := range got.Refs {
			if r.Touches(r.Table(tt.owner), ref) && ref.Kind != model.RefType {
				t.Errorf("%s: reference %s still names a renamed object", tt.name, ref)
			}
		}
	}
}
