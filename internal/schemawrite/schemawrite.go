// Package schemawrite writes a schema as SQL files: the schema.sql that
// `autogen init --from-database` derives from a live database. It renders
// nothing itself: the catalog is diffed against an empty one and planned
// as any revision is, and each operation renders its own SQL, so quoting,
// type spelling and dependency order keep their one home in diff, plan and
// op.
package schemawrite

import (
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/autogenerate"
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/internal/ddlparse"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// Statement is one statement of a written schema, with the schema and the
// kind of object it belongs to, which place it in the directory layout.
type Statement struct {
	// Schema is the schema of the object the statement creates, or "" for
	// the schemas themselves.
	Schema string
	// Kind is the file the statement goes to in a directory layout:
	// "tables", "indexes", "views", ...
	Kind string
	// Detected says what the statement creates, as autogenerate says it.
	Detected string
	// SQL is the statement, without a terminating semicolon.
	SQL string
}

// Statements plans the creation of cat from an empty catalog and returns
// its statements in dependency order: running them in an empty database
// creates cat.
func Statements(cat *model.Catalog) ([]Statement, error) {
	cmp, err := autogenerate.Compare(&model.Catalog{}, cat, autogenerate.Options{})
	if err != nil {
		return nil, fmt.Errorf("schemawrite: %w", err)
	}
	var out []Statement
	var attached []diff.NameAttachedIndex
	parents := map[model.Name]parentIndex{}
	for _, s := range cmp.UpPlan.Steps {
		if c, ok := s.Change.(diff.NameAttachedIndex); ok {
			attached = append(attached, c)
			continue
		}
		kind := ""
		detected := ""
		if s.Change != nil {
			kind = kindOf(reflect.TypeOf(s.Change).Name())
			detected = s.Change.Describe()
		}
		for _, o := range s.Ops {
			if ci, ok := o.(op.CreateIndex); ok {
				parents[model.Name{Schema: ci.Schema, Name: ci.Name}] = parentIndex{pos: len(out), op: ci}
			}
			sqls, err := o.Statements()
			if err != nil {
				return nil, fmt.Errorf("schemawrite: %s: %w", detected, err)
			}
			for _, q := range sqls {
				out = append(out, Statement{Schema: schemaOf(o), Kind: kind, Detected: detected, SQL: strings.TrimRight(strings.TrimSpace(q), ";")})
			}
		}
	}
	return attachedNames(out, attached, parents)
}

// parentIndex is where the statements create an index, and how.
type parentIndex struct {
	pos int
	op  op.CreateIndex
}

// attachedNames gives indexes of partitions attached to a partitioned
// index the names cat has for them. The plan names them with a DO block,
// which finds the index in the catalog as the migration runs; a schema
// file holds no procedural code. So the statements are read as a schema
// file, which names the indexes as PostgreSQL would, and where a name
// differs, the partition's index is created under its name before the
// partitioned index, which then attaches it, as PostgreSQL does. An index
// behind a constraint of a partition cannot come first that way (the
// partition gets it when created); it keeps the name PostgreSQL gives it.
func attachedNames(stmts []Statement, attached []diff.NameAttachedIndex, parents map[model.Name]parentIndex) ([]Statement, error) {
	if len(attached) == 0 {
		return stmts, nil
	}
	var src strings.Builder
	writeStatements(&src, stmts)
	cat, err := ddlparse.Parse("schema.sql", []byte(src.String()))
	if err != nil {
		return nil, fmt.Errorf("schemawrite: reading the schema back to name attached indexes: %w", err)
	}
	before := map[int][]Statement{}
	for _, c := range attached {
		t := cat.Table(c.Table)
		if t == nil {
			return nil, fmt.Errorf("schemawrite: %s: the schema has no table %s", c.Describe(), c.Table)
		}
		i := slices.IndexFunc(t.AttachedIndexes, func(a model.AttachedIndex) bool { return a.Parent == c.Parent.Name })
		p, ok := parents[c.Parent]
		if i < 0 || t.AttachedIndexes[i].Name == c.Name || !ok {
			continue
		}
		child := p.op
		child.Schema, child.Table, child.Name, child.Only, child.Comment = c.Table.Schema, c.Table.Name, c.Name, false, ""
		sqls, err := child.Statements()
		if err != nil {
			return nil, err
		}
		before[p.pos] = append(before[p.pos], Statement{Schema: c.Table.Schema, Kind: kindOf("CreateIndex"),
			Detected: fmt.Sprintf("added index '%s' on '%s', which '%s' attaches", c.Name, c.Table.Name, c.Parent.Name), SQL: strings.TrimRight(strings.TrimSpace(sqls[0]), ";")})
	}
	out := make([]Statement, 0, len(stmts))
	for i, s := range stmts {
		out = append(out, before[i]...)
		out = append(out, s)
	}
	return out, nil
}

// kinds maps the diff change types a schema's creation consists of to the
// file their statements go to in a directory layout. A change type not
// listed goes to a file named after it, so nothing is ever left out.
var kinds = map[string]string{
	"CreateSchema": "schemas", "CreateExtension": "extensions", "CreateCollation": "collations",
	"CreateEnum": "types", "CreateDomain": "types", "CreateComposite": "types",
	"CreateSequence": "sequences", "SetSequenceOwner": "sequences", "AlterSequence": "sequences",
	"CreateFunction": "functions",
	"CreateTable":    "tables", "AddColumn": "tables", "AlterColumn": "tables", "SetTableLogged": "tables",
	"SetTableOptions": "tables", "SetRowSecurity": "tables", "SetReplicaIdentity": "tables", "SetClusterOn": "tables",
	"AttachPartition": "tables", "SetInherit": "tables",
	"AddConstraint": "constraints", "ValidateConstraint": "constraints",
	"CreateIndex": "indexes", "CreateView": "views", "CreateTrigger": "triggers", "SetTriggerEnabled": "triggers", "SetClonedTriggerEnabled": "triggers",
	"CreatePolicy": "policies", "SetComment": "comments",
}

func kindOf(changeType string) string {
	if k, ok := kinds[changeType]; ok {
		return k
	}
	return strings.ToLower(changeType)
}

// schemaOf returns the schema an operation works in: its Schema field, or
// "" for CREATE SCHEMA, which all go to one file.
func schemaOf(o op.Operation) string {
	v := reflect.ValueOf(o)
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Schema"); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
	}
	return ""
}

// header opens every written file.
const header = "-- The desired schema, written by `autogen init --from-database` from the\n" +
	"-- database it read. Edit it, then run: autogen revision -m \"describe the change\"\n"

// File renders the statements as one file, in dependency order.
func File(stmts []Statement) []byte {
	var b strings.Builder
	b.WriteString(header)
	writeStatements(&b, stmts)
	return []byte(b.String())
}

// Dir renders the statements as a directory layout split by object kind
// and schema, by relative path: NN_KIND/SCHEMA.sql for the objects of a
// schema ("04_tables/public.sql") and NN_KIND.sql for those of none
// ("01_schemas.sql"). autogen reads a directory's files in name order, as
// if run one after the other, so the numbers keep the statements'
// dependency order: a kind that the order needs again later (a view that
// a function uses, used by another view) gets a second, later number, and
// so does a schema that sorts before one already written in the same kind.
// A database with nothing to write still gets one file, saying so: a
// schema directory without a .sql file is refused (ddlparse.ErrNoFiles),
// since a mistaken path would otherwise read as the empty schema.
func Dir(stmts []Statement) map[string][]byte {
	if len(stmts) == 0 {
		return map[string][]byte{emptyFile: []byte(header + "-- The database held no objects to write.\n")}
	}
	type run struct {
		kind    string
		schemas []string
		stmts   map[string][]Statement
	}
	var runs []*run
	for _, s := range stmts {
		var cur *run
		if len(runs) > 0 {
			cur = runs[len(runs)-1]
		}
		if cur == nil || cur.kind != s.Kind || fileKey(s.Schema) < fileKey(cur.schemas[len(cur.schemas)-1]) {
			cur = &run{kind: s.Kind, stmts: map[string][]Statement{}}
			runs = append(runs, cur)
		}
		if len(cur.schemas) == 0 || cur.schemas[len(cur.schemas)-1] != s.Schema {
			cur.schemas = append(cur.schemas, s.Schema)
		}
		cur.stmts[s.Schema] = append(cur.stmts[s.Schema], s)
	}
	width := len(fmt.Sprint(len(runs)))
	if width < 2 {
		width = 2
	}
	out := map[string][]byte{}
	for i, r := range runs {
		prefix := fmt.Sprintf("%0*d_%s", width, i+1, r.kind)
		for _, schema := range r.schemas {
			p := prefix + ".sql"
			if schema != "" {
				p = path.Join(prefix, fileName(schema)+".sql")
			}
			var b strings.Builder
			b.WriteString(header)
			writeStatements(&b, r.stmts[schema])
			out[p] = []byte(b.String())
		}
	}
	return out
}

// emptyFile is the one file of the Dir layout of an empty schema.
const emptyFile = "00_empty.sql"

// Paths returns the paths of a Dir layout, sorted.
func Paths(files map[string][]byte) []string {
	var out []string
	for p := range files {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// fileKey is what orders a schema's file among those of one kind: its
// name, or "" for the file of objects in no schema, which comes first.
func fileKey(schema string) string {
	if schema == "" {
		return ""
	}
	return fileName(schema) + ".sql"
}

// fileName makes a schema name usable as a directory name on any system.
func fileName(schema string) string {
	var b strings.Builder
	for _, r := range schema {
		switch {
		case r == '/' || r == '\\' || r == ':' || r < ' ':
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	if s == "." || s == ".." {
		return strings.ReplaceAll(s, ".", "%2E")
	}
	return s
}

// writeStatements writes each statement with a semicolon, a blank line
// between objects, and a comment naming the object before its first
// statement.
func writeStatements(b *strings.Builder, stmts []Statement) {
	last := ""
	for _, s := range stmts {
		if s.Detected != last {
			b.WriteString("\n-- " + strings.TrimPrefix(strings.ReplaceAll(s.Detected, "\n", " "), "added ") + "\n")
			last = s.Detected
		}
		b.WriteString(s.SQL + ";\n")
	}
}
