package ddlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

func (b *builder) createSchema(s *pg.CreateSchemaStmt) error {
	name := s.Schemaname
	owner := ""
	if s.Authrole != nil {
		owner = b.role(s.Authrole, false)
	}
	if name == "" {
		if owner == "" {
			return b.unsupported("CREATE SCHEMA AUTHORIZATION of the role applying the schema without a schema name")
		}
		name = owner // the schema is named after its owner
	}
	if b.schemas[name] != nil {
		if s.IfNotExists {
			return nil
		}
		return b.errorAt(-1, ErrInvalid, "schema %s already exists", name)
	}
	if strings.HasPrefix(name, "pg_") {
		return b.errorAt(-1, ErrInvalid, "schema name %s is reserved", name)
	}
	sc := &model.Schema{Name: name}
	b.initAccess(&sc.Access, model.KindSchema, name)
	sc.Owner = owner
	b.schemas[name] = sc
	return b.schemaElements(name, s.SchemaElts)
}

// schemaElements creates the objects a CREATE SCHEMA statement lists, as
// PostgreSQL does: sequences first, then tables, views, indexes, triggers
// and grants (so that one may refer to another listed later), each in the
// new schema, with the new schema first on the search_path.
func (b *builder) schemaElements(schema string, elts []*pg.Node) error {
	if len(elts) == 0 {
		return nil
	}
	saved := b.searchPath
	b.searchPath = append([]string{schema}, saved...)
	defer func() { b.searchPath = saved }()
	rank := func(n *pg.Node) int {
		switch n.Node.(type) {
		case *pg.Node_CreateSeqStmt:
			return 0
		case *pg.Node_CreateStmt:
			return 1
		case *pg.Node_ViewStmt:
			return 2
		case *pg.Node_IndexStmt:
			return 3
		case *pg.Node_CreateTrigStmt:
			return 4
		}
		return 5
	}
	ordered := slices.Clone(elts)
	slices.SortStableFunc(ordered, func(x, y *pg.Node) int { return rank(x) - rank(y) })
	for _, e := range ordered {
		var rel *pg.RangeVar
		switch v := e.Node.(type) {
		case *pg.Node_CreateSeqStmt:
			rel = v.CreateSeqStmt.Sequence
		case *pg.Node_CreateStmt:
			rel = v.CreateStmt.Relation
		case *pg.Node_ViewStmt:
			rel = v.ViewStmt.View
		case *pg.Node_IndexStmt:
			rel = v.IndexStmt.Relation
		case *pg.Node_CreateTrigStmt:
			rel = v.CreateTrigStmt.Relation
		case *pg.Node_GrantStmt:
		default:
			return b.errorAt(-1, ErrInvalid, "CREATE SCHEMA cannot hold this statement: only CREATE TABLE, VIEW, INDEX, SEQUENCE, TRIGGER and GRANT")
		}
		if rel != nil && rel.Schemaname != "" && rel.Schemaname != schema {
			return b.errorAt(-1, ErrInvalid, "CREATE specifies a schema (%s) different from the one being created (%s)", rel.Schemaname, schema)
		}
		if err := b.statement(e); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) createExtension(s *pg.CreateExtensionStmt) error {
	name := s.Extname
	if b.extensions[name] != nil || name == "plpgsql" {
		// plpgsql is installed in every database.
		if s.IfNotExists || name == "plpgsql" {
			return nil
		}
		return b.errorAt(-1, ErrInvalid, "extension %s already exists", name)
	}
	var schema, version string
	cascade := false
	for _, o := range s.Options {
		d := o.GetDefElem()
		v, _ := sqlnorm.ConstText(d.Arg)
		switch d.Defname {
		case "schema":
			if v == "" {
				v = d.Arg.GetString_().GetSval()
			}
			schema = v
		case "new_version":
			if v == "" {
				v = d.Arg.GetString_().GetSval()
			}
			version = v
		case "cascade":
			cascade = true
		}
	}
	return b.installExtension(name, schema, version, cascade)
}

func (b *builder) installExtension(name, schema, version string, cascade bool) error {
	info := sqlnorm.Extension(name)
	if info != nil && info.Schema != "" {
		schema = info.Schema
	}
	if schema == "" {
		s, ok := b.ns().CreationSchema()
		if !ok {
			return b.errorAt(-1, ErrUndefined, "no schema has been selected to create in")
		}
		schema = s
	} else if b.schemas[schema] == nil && schema != "pg_catalog" {
		return b.errorAt(-1, ErrUndefined, "schema %s does not exist", schema)
	}
	if info != nil {
		for _, req := range info.Requires {
			if b.extensions[req] != nil {
				continue
			}
			if !cascade {
				return b.errorAt(-1, ErrUndefined, "required extension %s is not installed (use CASCADE)", req)
			}
			if err := b.installExtension(req, schema, "", true); err != nil {
				return err
			}
		}
		if version == info.DefaultVersion {
			// The model leaves the default version implied.
			version = ""
		}
	}
	var requires []string
	if info != nil {
		requires = slices.Clone(info.Requires)
		slices.Sort(requires)
	}
	b.extensions[name] = &extension{m: &model.Extension{Name: name, Schema: schema, Version: version, Requires: requires}, info: info}
	return nil
}

// createCollation handles CREATE COLLATION with explicit locale settings,
// or FROM one of the collations every server has ("C", "POSIX").
func (b *builder) createCollation(s *pg.DefineStmt) error {
	n, err := b.createNameList(s.Defnames, -1)
	if err != nil {
		return err
	}
	if b.collations[n] != nil {
		if s.IfNotExists {
			return nil
		}
		return b.errorAt(-1, ErrInvalid, "collation %s already exists", n)
	}
	c := &model.Collation{Name: n, Provider: "libc", Deterministic: true}
	var locale string
	for _, o := range s.Definition {
		d := o.GetDefElem()
		v := defValue(d.Arg)
		switch strings.ToLower(d.Defname) {
		case "from":
			from := sqlnorm.Strings(d.Arg.GetList().GetItems())
			if len(from) == 0 {
				from = []string{v}
			}
			switch f := from[len(from)-1]; f {
			case "C", "POSIX":
				c.LcCollate, c.LcCtype = f, f
			default:
				return b.unsupported("CREATE COLLATION FROM a collation other than \"C\" or \"POSIX\"")
			}
		case "provider":
			switch strings.ToLower(v) {
			case "icu":
				c.Provider = "icu"
			case "libc":
				c.Provider = "libc"
			case "builtin":
				c.Provider = "builtin"
			default:
				return b.errorAt(-1, ErrInvalid, "unknown collation provider %s", v)
			}
		case "locale":
			locale = v
		case "lc_collate":
			c.LcCollate = v
		case "lc_ctype":
			c.LcCtype = v
		case "deterministic":
			c.Deterministic = !strings.EqualFold(v, "false") && !strings.EqualFold(v, "off") && v != "0"
		case "version", "rules":
			// The version is recorded by the server, not chosen.
		default:
			return b.errorAt(-1, ErrUnsupported, "collation option %s is not supported", d.Defname)
		}
	}
	if locale != "" {
		if c.Provider == "libc" {
			// A libc locale sets both categories.
			c.LcCollate, c.LcCtype = locale, locale
		} else {
			c.Locale = locale
		}
	}
	b.collations[n] = c
	return nil
}
