package introspect_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
)

// pgDependQuery lists the dependencies PostgreSQL records between user
// objects, each end identified as pg_identify_object prints it.
const pgDependQuery = `
SELECT a.type, a.identity, b.type, b.identity
FROM pg_depend d,
     LATERAL pg_identify_object(d.classid, d.objid, d.objsubid) a,
     LATERAL pg_identify_object(d.refclassid, d.refobjid, d.refobjsubid) b
WHERE d.deptype IN ('n', 'a') AND d.objid >= 16384 AND d.refobjid >= 16384
  AND a.schema IS DISTINCT FROM 'pg_toast' AND b.schema IS DISTINCT FROM 'pg_toast'
ORDER BY 1, 2, 3, 4`

// TestGraphCoversPgDepend loads every file of testdata/readers into a
// database and checks that the dependency graph of the catalog Inspect
// reads holds every dependency PostgreSQL records between the objects
// autogen models: what the diff orders and recreates by is at least what
// the server enforces.
func TestGraphCoversPgDepend(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(readersDir, "*.sql"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files in %s: %v", readersDir, err)
	}
	pool := newDBPool(t, 2)
	checked := 0
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ctx := context.Background()
			db := pool.get()
			defer pool.put(db)
			if err := db.exec(ctx, resetSQL); err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := db.exec(ctx, string(src)); err != nil {
				t.Fatal(err)
			}
			conn := db.conn
			cat, err := introspect.Inspect(ctx, conn)
			if err != nil {
				t.Fatal(err)
			}
			deps := diff.Dependencies(cat)
			rows, err := conn.Query(ctx, pgDependQuery)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			for rows.Next() {
				var at, ai, bt, bi string
				if err := rows.Scan(&at, &ai, &bt, &bi); err != nil {
					t.Fatal(err)
				}
				if at == "sequence" && bt == "table column" {
					// OWNED BY: the model keeps it as the sequence's owner,
					// set by its own change once the column exists.
					continue
				}
				a, okA := modeled(cat, deps, at, ai)
				b, okB := modeled(cat, deps, bt, bi)
				if !okA || !okB || a == b {
					// An object autogen does not model (a partition's
					// inherited column or constraint is implied by its
					// parent's), or a member's own.
					continue
				}
				checked++
				if !slices.Contains(deps[a], b) {
					t.Errorf("pg_depend: %s %s depends on %s %s, but the graph has no path from %s to %s", at, ai, bt, bi, a, b)
				}
			}
			if err := rows.Err(); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Logf("%d pg_depend edges between modeled objects checked", checked)
}

// modeled maps an object as pg_identify_object prints it to the object of
// the graph that stands for it: a column the model leaves implied (a
// partition's, a child's) stands for its table.
func modeled(cat *model.Catalog, deps map[model.ObjectID][]model.ObjectID, typ, identity string) (model.ObjectID, bool) {
	id, ok := objectOf(cat, typ, identity)
	if !ok {
		return id, false
	}
	if _, ok := deps[id]; ok {
		return id, true
	}
	if id.Kind == model.KindColumn {
		t := model.ObjectID{Kind: model.KindTable, Name: id.Name}
		_, ok := deps[t]
		return t, ok
	}
	return id, false
}

// objectOf maps an object as pg_identify_object prints it to the model
// object it belongs to: a default value to its column, a view's rule or
// column to the view, a row type to its relation.
func objectOf(cat *model.Catalog, typ, identity string) (model.ObjectID, bool) {
	split := func(s string) model.Name {
		schema, name, _ := strings.Cut(s, ".")
		return model.Name{Schema: unquote(schema), Name: unquote(name)}
	}
	member := func(s string) (model.Name, string) {
		name, table, _ := strings.Cut(s, " on ")
		return split(table), unquote(name)
	}
	column := func(s string) (model.Name, string) {
		i := strings.LastIndex(s, ".")
		return split(s[:i]), unquote(s[i+1:])
	}
	switch typ {
	case "table", "view", "materialized view", "sequence", "index", "type", "domain":
		n := split(identity)
		for _, o := range cat.Objects() {
			if o.ID.Name == n && !o.ID.Kind.Info().Member && o.ID.Kind != model.KindFunction && o.ID.Kind != model.KindProcedure {
				return o.ID, true
			}
		}
	case "table column":
		t, c := column(identity)
		return model.ColumnID(t, c), true
	case "view column", "materialized view column":
		t, _ := column(identity)
		if v := cat.View(t); v != nil {
			return v.ID(), true
		}
	case "default value":
		t, c := column(strings.TrimPrefix(identity, "for "))
		return model.ColumnID(t, c), true
	case "rule":
		t, _ := member(identity)
		if v := cat.View(t); v != nil {
			return v.ID(), true
		}
	case "table constraint":
		t, c := member(identity)
		return model.ConstraintID(t, c), true
	case "domain constraint":
		d, c := member(identity)
		return model.ObjectID{Kind: model.KindDomainCheck, Name: d, Member: c}, true
	case "trigger":
		t, c := member(identity)
		return model.ObjectID{Kind: model.KindTrigger, Name: t, Member: c}, true
	case "policy":
		t, c := member(identity)
		return model.PolicyID(t, c), true
	case "function", "procedure":
		name, args, _ := strings.Cut(identity, "(")
		n := split(name)
		for _, f := range cat.Functions {
			if f.Name == n && f.IdentityArgs() == strings.TrimSuffix(args, ")") {
				return f.ID(), true
			}
		}
	case "foreign table column":
		t, c := column(identity)
		return model.ColumnID(t, c), true
	case "publication relation", "publication namespace":
		_, pub, _ := strings.Cut(identity, " in publication ")
		return model.ObjectID{Kind: model.KindPublication, Name: model.Name{Name: unquote(pub)}}, true
	}
	if typ == "type" || typ == "rule" {
		// A multirange type stands for its range type; a table's rule is
		// a definition.
		for _, d := range cat.Definitions {
			for _, r := range d.Provides {
				if r.Kind == model.RefType && identityOf(model.ObjectID{Kind: model.KindRange, Name: r.Name}) == identity {
					return d.ID, true
				}
			}
		}
	}
	for _, d := range cat.Definitions {
		if pgIdentityTypes[d.ID.Kind] == typ && identityOf(d.ID) == identity {
			return d.ID, true
		}
	}
	return model.ObjectID{}, false
}

// pgIdentityTypes are the object types pg_identify_object prints for the
// kinds held as definitions.
var pgIdentityTypes = map[model.Kind]string{model.KindAggregate: "aggregate", model.KindOperator: "operator",
	model.KindOpClass: "operator class", model.KindOpFamily: "operator family", model.KindCast: "cast",
	model.KindRange: "type", model.KindBaseType: "type", model.KindTSParser: "text search parser",
	model.KindTSTemplate: "text search template", model.KindTSDictionary: "text search dictionary",
	model.KindTSConfig: "text search configuration", model.KindRule: "rule", model.KindEventTrigger: "event trigger",
	model.KindStatistics: "statistics object", model.KindFDW: "foreign-data wrapper", model.KindServer: "server",
	model.KindUserMapping: "user mapping", model.KindForeignTable: "foreign table", model.KindPublication: "publication"}

// identityOf renders a definition's ID as pg_identify_object prints its
// object.
func identityOf(id model.ObjectID) string {
	q := pgsql.QualifiedName(id.Name.Schema, id.Name.Name)
	switch id.Kind {
	case model.KindAggregate:
		args := strings.ReplaceAll(strings.ReplaceAll(id.Args, " ORDER BY ", ", "), "VARIADIC ", "")
		if args == "*" {
			args = ""
		}
		return q + "(" + strings.ReplaceAll(args, ", ", ",") + ")"
	case model.KindOperator:
		return pgsql.QuoteIdent(id.Name.Schema) + "." + id.Name.Name + "(" + strings.ReplaceAll(id.Args, ", ", ",") + ")"
	case model.KindOpClass, model.KindOpFamily:
		return q + " USING " + id.Args
	case model.KindCast:
		return "(" + id.Args + ")"
	case model.KindRule:
		return pgsql.QuoteIdent(id.Member) + " on " + q
	case model.KindEventTrigger, model.KindFDW, model.KindServer, model.KindPublication:
		return pgsql.QuoteIdent(id.Name.Name)
	case model.KindUserMapping:
		return id.Member + " on server " + pgsql.QuoteIdent(id.Name.Name)
	}
	return q
}

func unquote(s string) string {
	if strings.HasPrefix(s, `"`) && strings.HasSuffix(s, `"`) && len(s) > 1 {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}
