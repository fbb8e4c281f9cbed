package ddlparse

import (
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

// Privileges and ownership. Every object starts with the privileges
// PostgreSQL gives a new one (PUBLIC's defaults for its kind, and the
// default privileges the file set for the role that applies it: ALTER
// DEFAULT PRIVILEGES without FOR ROLE), then GRANT and REVOKE change
// them, as on the server. An owner is known only where the file sets one.

// accessTarget is an object a GRANT, REVOKE or OWNER TO names.
type accessTarget struct {
	kind model.Kind
	acc  *model.Access
	// schema is the object's schema, for default privileges.
	schema string
	what   string
	// tbl is set for a table, whose columns column privileges name.
	tbl *table
	// lenient skips privileges the kind does not have instead of
	// refusing them (a sequence named by GRANT ... ON TABLE).
	lenient bool
}

// role resolves a role specification, recording the role the file names
// (and where) so that its existence can be checked against the database.
// The special roles CURRENT_USER, CURRENT_ROLE and SESSION_USER stand for
// the role that applies the file: "".
func (b *builder) role(rs *pg.RoleSpec, grantee bool) string {
	var name string
	switch rs.Roletype {
	case pg.RoleSpecType_ROLESPEC_PUBLIC:
		name = model.Public
	case pg.RoleSpecType_ROLESPEC_CSTRING:
		name = rs.Rolename
	default:
		return ""
	}
	if i, ok := b.roleIndex[name]; ok {
		b.roles[i].Grantee = b.roles[i].Grantee || grantee
		return name
	}
	if b.roleIndex == nil {
		b.roleIndex = map[string]int{}
	}
	b.roleIndex[name] = len(b.roles)
	line, col := b.src.position(b.cur.raw.Offset + max(int(rs.Location), 0))
	b.roles = append(b.roles, model.RoleUse{Name: name, At: fmt.Sprintf("%s:%d:%d", b.src.name, line, col), Grantee: grantee})
	return name
}

// initAccess gives a new object the privileges PostgreSQL gives it when
// the role applying the file creates it. It runs once per object; GRANT
// and REVOKE run it first for objects created before any was needed.
func (b *builder) initAccess(acc *model.Access, kind model.Kind, schema string) {
	if b.accessDone[acc] {
		return
	}
	if b.accessDone == nil {
		b.accessDone = map[*model.Access]bool{}
	}
	b.accessDone[acc] = true
	acc.Grants = model.PublicDefaults(kind)
	on := kind.Info().DefaultsOn
	if on == "" {
		return
	}
	if kind == model.KindSchema {
		schema = ""
	}
	if e := b.defaults[defaultsKey{"", "", on}]; e != nil {
		acc.Grants = slices.Clone(e.Grants)
	}
	if schema != "" {
		if e := b.defaults[defaultsKey{"", schema, on}]; e != nil {
			acc.Grants = append(acc.Grants, e.Grants...)
		}
	}
	acc.Grants = model.SortGrants(acc.Grants)
}

// grant applies GRANT and REVOKE on objects, or on all objects of a kind
// in schemas.
func (b *builder) grant(s *pg.GrantStmt) error {
	targets, err := b.grantTargets(s)
	if err != nil {
		return err
	}
	var roles []string
	for _, g := range s.Grantees {
		r := b.role(g.GetRoleSpec(), true)
		if r == "" {
			return b.unsupported("GRANT or REVOKE to the role applying the schema (CURRENT_USER, CURRENT_ROLE, SESSION_USER)")
		}
		roles = append(roles, r)
	}
	for _, t := range targets {
		b.initAccess(t.acc, t.kind, t.schema)
		for _, ap := range s.Privileges {
			if cols := sqlnorm.Strings(ap.GetAccessPriv().GetCols()); len(cols) > 0 {
				if t.tbl == nil {
					return b.errorAt(-1, ErrUnsupported, "column privileges on %s %s are not supported", t.kind, t.what)
				}
				for _, col := range cols {
					c := t.tbl.m.Column(col)
					if c == nil {
						return b.errorAt(-1, ErrUndefined, "column %s of relation %s does not exist", col, t.what)
					}
					if err := b.applyGrant(s, &c.Access, model.KindColumn, ap.GetAccessPriv().GetPrivName(), roles, t.acc.Owner, false); err != nil {
						return err
					}
				}
				continue
			}
			if err := b.applyGrant(s, t.acc, t.kind, ap.GetAccessPriv().GetPrivName(), roles, t.acc.Owner, t.lenient); err != nil {
				return err
			}
		}
		if len(s.Privileges) == 0 { // ALL PRIVILEGES
			if err := b.applyGrant(s, t.acc, t.kind, "", roles, t.acc.Owner, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyGrant grants or revokes one privilege ("" for all of the kind's)
// on one object.
func (b *builder) applyGrant(s *pg.GrantStmt, acc *model.Access, kind model.Kind, priv string, roles []string, owner string, lenient bool) error {
	privs, err := b.privileges(kind, priv)
	if err != nil {
		if lenient {
			return nil
		}
		return err
	}
	for _, r := range roles {
		if r == owner {
			if !s.IsGrant {
				return b.unsupported("revoking privileges from an object's owner")
			}
			continue // the owner holds every privilege
		}
		acc.Grants = changeGrants(acc.Grants, r, privs, s.IsGrant, s.GrantOption)
	}
	return nil
}

// changeGrants grants privileges to a role (with the grant option when
// option is set) or revokes them (with option, only the grant option).
func changeGrants(gs []model.Grant, role string, privs []string, grant, option bool) []model.Grant {
	for _, p := range privs {
		i := slices.IndexFunc(gs, func(g model.Grant) bool { return g.Grantee == role && g.Privilege == p })
		switch {
		case grant && i < 0:
			gs = append(gs, model.Grant{Grantee: role, Privilege: p, GrantOption: option})
		case grant:
			gs[i].GrantOption = gs[i].GrantOption || option
		case i < 0:
		case option:
			gs[i].GrantOption = false
		default:
			gs = slices.Delete(gs, i, i+1)
		}
	}
	return model.SortGrants(gs)
}

// privileges checks a privilege named in GRANT against the kind: "" is
// all of them.
func (b *builder) privileges(kind model.Kind, priv string) ([]string, error) {
	all := kind.Info().Privileges
	if priv == "" || strings.EqualFold(priv, "all") {
		return all, nil
	}
	up := strings.ToUpper(priv)
	if !slices.Contains(all, up) {
		return nil, b.errorAt(-1, ErrInvalid, "invalid privilege type %s for %s", up, kind)
	}
	return []string{up}, nil
}

// grantTargets resolves the objects a GRANT or REVOKE names.
func (b *builder) grantTargets(s *pg.GrantStmt) ([]accessTarget, error) {
	if s.Targtype == pg.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA {
		var out []accessTarget
		for _, o := range s.Objects {
			name := o.GetString_().GetSval()
			if b.schemas[name] == nil {
				return nil, b.errorAt(-1, ErrUndefined, "schema %s does not exist", name)
			}
			ts, err := b.allInSchema(s.Objtype, name)
			if err != nil {
				return nil, err
			}
			out = append(out, ts...)
		}
		return out, nil
	}
	var out []accessTarget
	for _, o := range s.Objects {
		t, err := b.accessTarget(s.Objtype, o)
		if err != nil {
			return nil, err
		}
		// GRANT ... ON TABLE also names sequences; PostgreSQL keeps only
		// the privileges a sequence has (with a warning).
		t.lenient = s.Objtype == pg.ObjectType_OBJECT_TABLE && t.kind == model.KindSequence
		out = append(out, t)
	}
	return out, nil
}

// allInSchema lists the objects GRANT ... ON ALL ... IN SCHEMA reaches.
func (b *builder) allInSchema(objtype pg.ObjectType, schema string) ([]accessTarget, error) {
	var out []accessTarget
	switch objtype {
	case pg.ObjectType_OBJECT_TABLE:
		for _, n := range sortedTableNames(b.tables) {
			if n.Schema == schema {
				t := b.tables[n]
				out = append(out, accessTarget{kind: model.KindTable, acc: &t.m.Access, schema: schema, what: n.String(), tbl: t})
			}
		}
		for _, n := range sortedNames(b.views) {
			if n.Schema == schema {
				v := b.views[n].m
				out = append(out, accessTarget{kind: v.ID().Kind, acc: &v.Access, schema: schema, what: n.String()})
			}
		}
	case pg.ObjectType_OBJECT_SEQUENCE:
		for _, n := range sortedNames(b.sequences) {
			if s := b.sequences[n]; n.Schema == schema {
				if s.identity {
					return nil, b.unsupported("privileges on the sequence of an identity column (" + n.String() + ")")
				}
				out = append(out, accessTarget{kind: model.KindSequence, acc: &s.m.Access, schema: schema, what: n.String()})
			}
		}
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		for _, n := range sortedNames(b.functions) {
			if n.Schema != schema {
				continue
			}
			for _, f := range b.functions[n] {
				if objtype == pg.ObjectType_OBJECT_FUNCTION && f.Procedure || objtype == pg.ObjectType_OBJECT_PROCEDURE && !f.Procedure {
					continue
				}
				out = append(out, accessTarget{kind: f.ID().Kind, acc: &f.Access, schema: schema, what: f.Signature()})
			}
		}
	default:
		return nil, b.unsupported("GRANT ON ALL " + objectWord(objtype) + "S IN SCHEMA")
	}
	return out, nil
}

// sortedNames returns the keys of a map by name, in order.
func sortedNames[V any](m map[model.Name]V) []model.Name {
	out := make([]model.Name, 0, len(m))
	for n := range m {
		out = append(out, n)
	}
	slices.SortFunc(out, model.Name.Compare)
	return out
}

// objectWord names an object type for messages: "TABLE", "FOREIGN SERVER".
func objectWord(t pg.ObjectType) string {
	return strings.ReplaceAll(strings.TrimPrefix(t.String(), "OBJECT_"), "_", " ")
}

// accessTarget resolves one object a GRANT, REVOKE or OWNER TO names. The
// kinds it knows are those with privileges or an owner; the others are
// refused.
func (b *builder) accessTarget(objtype pg.ObjectType, o *pg.Node) (accessTarget, error) {
	switch objtype {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_SEQUENCE, pg.ObjectType_OBJECT_VIEW, pg.ObjectType_OBJECT_MATVIEW:
		rv := o.GetRangeVar()
		if rv == nil {
			parts := sqlnorm.Strings(o.GetList().GetItems())
			rv = &pg.RangeVar{Relname: parts[len(parts)-1], Location: -1}
			if len(parts) > 1 {
				rv.Schemaname = parts[len(parts)-2]
			}
		}
		n, err := b.relation(rv)
		if err != nil {
			return accessTarget{}, err
		}
		switch {
		case b.tables[n] != nil && objtype != pg.ObjectType_OBJECT_SEQUENCE:
			t := b.tables[n]
			return accessTarget{kind: model.KindTable, acc: &t.m.Access, schema: n.Schema, what: n.String(), tbl: t}, nil
		case b.views[n] != nil && objtype != pg.ObjectType_OBJECT_SEQUENCE:
			v := b.views[n].m
			return accessTarget{kind: v.ID().Kind, acc: &v.Access, schema: n.Schema, what: n.String()}, nil
		case b.sequences[n] != nil:
			s := b.sequences[n]
			if s.identity {
				return accessTarget{}, b.unsupported("privileges or owner of the sequence of an identity column (" + n.String() + ")")
			}
			return accessTarget{kind: model.KindSequence, acc: &s.m.Access, schema: n.Schema, what: n.String()}, nil
		}
		if t, ok := b.definitionTarget(n, model.KindForeignTable); ok {
			return t, nil
		}
		return accessTarget{}, b.errorAt(rv.Location, ErrUndefined, "%s %s does not exist", strings.ToLower(objectWord(objtype)), n)
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		f, err := b.functionByArgs(o.GetObjectWithArgs())
		if err != nil {
			// GRANT names an aggregate as a FUNCTION.
			if d, _, derr := b.definitionNamed(pg.ObjectType_OBJECT_AGGREGATE, o); derr == nil && d != nil {
				return definitionAccess(d), nil
			}
			return accessTarget{}, err
		}
		return accessTarget{kind: f.ID().Kind, acc: &f.Access, schema: f.Name.Schema, what: f.Signature()}, nil
	case pg.ObjectType_OBJECT_SCHEMA:
		name := o.GetString_().GetSval()
		sc := b.schemas[name]
		if sc == nil {
			return accessTarget{}, b.errorAt(-1, ErrUndefined, "schema %s does not exist", name)
		}
		return accessTarget{kind: model.KindSchema, acc: &sc.Access, what: name}, nil
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		names := o.GetList().GetItems()
		if tn := o.GetTypeName(); tn != nil {
			names = tn.Names
		}
		n, err := b.typeRef(names)
		if err != nil {
			return accessTarget{}, err
		}
		switch {
		case b.enums[n] != nil:
			return accessTarget{kind: model.KindEnum, acc: &b.enums[n].Access, schema: n.Schema, what: n.String()}, nil
		case b.domains[n] != nil:
			return accessTarget{kind: model.KindDomain, acc: &b.domains[n].Access, schema: n.Schema, what: n.String()}, nil
		case b.composites[n] != nil:
			return accessTarget{kind: model.KindComposite, acc: &b.composites[n].Access, schema: n.Schema, what: n.String()}, nil
		}
		if t, ok := b.definitionTarget(n, model.KindRange, model.KindBaseType); ok {
			return t, nil
		}
		return accessTarget{}, b.errorAt(-1, ErrUndefined, "type %s does not exist", n)
	case pg.ObjectType_OBJECT_COLLATION:
		n, err := b.nameRef(sqlnorm.KindCollation, o.GetList().GetItems())
		if err != nil {
			return accessTarget{}, err
		}
		if c := b.collations[n]; c != nil {
			return accessTarget{kind: model.KindCollation, acc: &c.Access, schema: n.Schema, what: n.String()}, nil
		}
		return accessTarget{}, b.errorAt(-1, ErrUndefined, "collation %s does not exist", n)
	case pg.ObjectType_OBJECT_LARGEOBJECT:
		return accessTarget{}, b.unsupported("privileges and owners of large objects (large objects are data: keep them out of schema.sql)")
	case pg.ObjectType_OBJECT_DATABASE:
		return accessTarget{}, b.unsupported("privileges and owner of the database (the database itself is not part of the schema)")
	case pg.ObjectType_OBJECT_TABLESPACE, pg.ObjectType_OBJECT_PARAMETER_ACL:
		return accessTarget{}, b.unsupported(strings.ToLower(objectWord(objtype)) + " privileges (they are cluster-level)")
	}
	if d, ok, err := b.definitionNamed(objtype, o); ok {
		if err != nil {
			return accessTarget{}, err
		}
		if !d.ID.Kind.Info().Owned {
			return accessTarget{}, b.unsupported("privileges or owner of " + d.ID.Kind.String() + " " + d.ID.String())
		}
		return definitionAccess(d), nil
	}
	return accessTarget{}, b.unsupported("privileges or owner of objects of kind " + strings.ToLower(objectWord(objtype)))
}

// alterOwner applies ALTER ... OWNER TO for the kinds that are not
// relations (those come as ALTER TABLE).
func (b *builder) alterOwner(s *pg.AlterOwnerStmt) error {
	t, err := b.accessTarget(s.ObjectType, s.Object)
	if err != nil {
		return err
	}
	return b.setOwner(t, b.role(s.Newowner, false))
}

// setOwner changes an object's owner; "" is the role applying the file.
// A table's serial sequences follow it, as in PostgreSQL; a sequence
// owned by a column cannot change owner on its own.
func (b *builder) setOwner(t accessTarget, owner string) error {
	if !t.kind.Info().Owned {
		return b.unsupported("OWNER TO of a " + t.kind.String())
	}
	if t.kind == model.KindSequence {
		for _, s := range b.sequences {
			if &s.m.Access == t.acc && s.m.OwnedBy != nil {
				tb := b.tables[s.m.OwnedBy.Table]
				if tb != nil && tb.m.Owner != owner {
					return b.errorAt(-1, ErrInvalid, "cannot change owner of sequence %s: it is linked to table %s", t.what, tb.m.Name)
				}
			}
		}
	}
	b.initAccess(t.acc, t.kind, t.schema)
	t.acc.SetOwner(owner)
	if t.tbl != nil {
		for _, s := range b.sequences {
			if s.m.OwnedBy != nil && s.m.OwnedBy.Table == t.tbl.m.Name {
				s.m.Owner = owner
			}
		}
	}
	return nil
}

// relationOwner applies ALTER TABLE/VIEW/SEQUENCE ... OWNER TO; an index
// has no owner of its own (PostgreSQL ignores it with a warning).
func (b *builder) relationOwner(objtype pg.ObjectType, rv *pg.RangeVar, rs *pg.RoleSpec, missingOK bool) error {
	if objtype == pg.ObjectType_OBJECT_INDEX {
		b.role(rs, false)
		return nil
	}
	t, err := b.accessTarget(pg.ObjectType_OBJECT_TABLE, &pg.Node{Node: &pg.Node_RangeVar{RangeVar: rv}})
	if err != nil {
		if missingOK {
			return nil
		}
		return err
	}
	return b.setOwner(t, b.role(rs, false))
}

// ownerName names an owner for messages: "" is the role applying the
// schema.
func ownerName(owner string) string {
	if owner == "" {
		return "the role applying the schema"
	}
	return owner
}

// defaultsKey identifies an entry of ALTER DEFAULT PRIVILEGES.
type defaultsKey struct{ role, schema, on string }

// defaultPrivileges applies ALTER DEFAULT PRIVILEGES.
func (b *builder) defaultPrivileges(s *pg.AlterDefaultPrivilegesStmt) error {
	roles := []string{""}
	schemas := []string{""}
	for _, o := range s.Options {
		d := o.GetDefElem()
		switch d.Defname {
		case "roles":
			roles = nil
			for _, r := range d.Arg.GetList().GetItems() {
				roles = append(roles, b.role(r.GetRoleSpec(), false))
			}
		case "schemas":
			schemas = sqlnorm.Strings(d.Arg.GetList().GetItems())
			for _, sc := range schemas {
				if b.schemas[sc] == nil {
					return b.errorAt(d.Location, ErrUndefined, "schema %s does not exist", sc)
				}
			}
		}
	}
	a := s.Action
	var on string
	var kind model.Kind
	switch a.Objtype {
	case pg.ObjectType_OBJECT_TABLE:
		on, kind = "TABLES", model.KindTable
	case pg.ObjectType_OBJECT_SEQUENCE:
		on, kind = "SEQUENCES", model.KindSequence
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		on, kind = "FUNCTIONS", model.KindFunction
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		on, kind = "TYPES", model.KindEnum
	case pg.ObjectType_OBJECT_SCHEMA:
		on, kind = "SCHEMAS", model.KindSchema
		if schemas[0] != "" {
			return b.errorAt(-1, ErrInvalid, "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS")
		}
	default:
		return b.unsupported("ALTER DEFAULT PRIVILEGES ON " + objectWord(a.Objtype) + "S")
	}
	var grantees []string
	for _, g := range a.Grantees {
		r := b.role(g.GetRoleSpec(), true)
		if r == "" {
			return b.unsupported("ALTER DEFAULT PRIVILEGES for the role applying the schema (CURRENT_USER)")
		}
		grantees = append(grantees, r)
	}
	var privs []string
	if len(a.Privileges) == 0 {
		privs = kind.Info().Privileges
	}
	for _, ap := range a.Privileges {
		p, err := b.privileges(kind, ap.GetAccessPriv().GetPrivName())
		if err != nil {
			return err
		}
		privs = append(privs, p...)
	}
	if b.defaults == nil {
		b.defaults = map[defaultsKey]*model.DefaultPrivileges{}
	}
	for _, role := range roles {
		for _, sc := range schemas {
			k := defaultsKey{role, sc, on}
			e := b.defaults[k]
			if e == nil {
				e = &model.DefaultPrivileges{Role: role, Schema: sc, On: on}
				e.Grants = e.BaseGrants()
				b.defaults[k] = e
			}
			for _, g := range grantees {
				if g == role && role != "" {
					if !a.IsGrant && sc == "" {
						return b.unsupported("revoking default privileges from the role itself")
					}
					continue
				}
				e.Grants = changeGrants(e.Grants, g, privs, a.IsGrant, a.GrantOption)
			}
		}
	}
	return nil
}

// finishAccess gives the objects no statement initialized their default
// privileges, and lists the entries of default privileges that differ
// from their base.
func (b *builder) finishAccess(c *model.Catalog) {
	c.EachObject(func(o model.Object) {
		// Members (columns) start with no privileges of their own.
		if acc := model.AccessOf(o.Value); acc != nil && o.ID.Kind.Info().Privileges != nil && !o.ID.Kind.Info().Member {
			b.initAccess(acc, o.ID.Kind, o.ID.Name.Schema)
		}
	})
	for _, e := range b.defaults {
		if !model.SameGrants(model.SortGrants(e.Grants), e.BaseGrants()) {
			c.DefaultPrivileges = append(c.DefaultPrivileges, e)
		}
	}
	c.Roles = b.roles
}

// definitionTarget finds a foreign table, a range or a base type (held as
// a model.Definition) by its name, where GRANT and ALTER ... OWNER TO name
// it like a table or a type; ok is false when there is none, so that the
// caller reports the object as missing.
func (b *builder) definitionTarget(n model.Name, kinds ...model.Kind) (accessTarget, bool) {
	for _, k := range kinds {
		if d := b.definitions[model.ObjectID{Kind: k, Name: n}]; d != nil {
			return definitionAccess(d), true
		}
	}
	return accessTarget{}, false
}

// definitionAccess is the access target of an object held as a definition.
func definitionAccess(d *model.Definition) accessTarget {
	return accessTarget{kind: d.ID.Kind, acc: &d.Access, schema: d.ID.Name.Schema, what: d.ID.String()}
}
