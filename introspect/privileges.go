package introspect

import (
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

type aclRow struct {
	Catalog    string    `db:"catalog"`
	OID        int64     `db:"oid"`
	Sub        int64     `db:"sub"`
	Owner      string    `db:"owner"`
	Schema     string    `db:"schema"`
	ObjType    string    `db:"objtype"`
	Grantees   textArray `db:"grantees"`
	Privileges textArray `db:"privileges"`
	Grantable  boolArray `db:"grantable"`
	Grantors   textArray `db:"grantors"`
}

func (r *reader) aclRow(row *aclRow) error {
	if row.Catalog == "pg_default_acl" {
		r.defaultACL(row)
		return nil
	}
	r.acls[commentKey{row.Catalog, row.OID, row.Sub}] = row
	if row.Catalog == "pg_class" && row.Sub > 0 {
		r.columnACLs[row.OID] = true
	}
	return nil
}

// access returns the owner and privileges of an object of the kind, read
// by privileges.sql; what names it for messages. What the model cannot
// represent (privileges revoked from the owner, grants made by another
// role than the owner) is recorded as unsupported.
func (r *reader) access(catalog string, oid, sub int64, kind model.Kind, what string) model.Access {
	row := r.acls[commentKey{catalog, oid, sub}]
	if row == nil {
		return model.Access{}
	}
	info := kind.Info()
	a := model.Access{}
	if sub == 0 && info.Owned {
		a.Owner = row.Owner
	}
	all := info.Privileges
	if sub > 0 {
		// A column's privileges hold no owner entries to check.
		all = nil
	}
	grants, err := exploded(row, row.Owner, all)
	if err != nil {
		r.unsupported = append(r.unsupported, fmt.Sprintf("%s %s (%v)", kind, what, err))
	}
	a.Grants = grants
	return a
}

// exploded turns an exploded ACL into grants, leaving out the owner's own
// entries. With all set, those must be all of them, as PostgreSQL gives
// them: privileges revoked from the owner are not represented. Grants
// made by another role than the owner are not either.
func exploded(row *aclRow, owner string, all []string) ([]model.Grant, error) {
	var grants []model.Grant
	var own []string
	for i, grantee := range row.Grantees {
		if row.Grantors[i] != owner {
			return nil, fmt.Errorf("%s granted %s to %s: grants by a role other than the owner are not supported",
				row.Grantors[i], row.Privileges[i], grantee)
		}
		if grantee == owner {
			own = append(own, row.Privileges[i])
			continue
		}
		grants = append(grants, model.Grant{Grantee: grantee, Privilege: row.Privileges[i], GrantOption: row.Grantable[i]})
	}
	if len(all) > 0 {
		slices.Sort(own)
		full := slices.Clone(all)
		slices.Sort(full)
		if !slices.Equal(own, full) {
			return nil, fmt.Errorf("the owner %s holds %s instead of all privileges: privileges revoked from the owner are not supported",
				owner, strings.Join(own, ", "))
		}
	}
	return model.SortGrants(grants), nil
}

// defaultOn names the kinds of pg_default_acl.defaclobjtype as ALTER
// DEFAULT PRIVILEGES does.
var defaultOn = map[string]string{"r": "TABLES", "S": "SEQUENCES", "f": "FUNCTIONS", "T": "TYPES", "n": "SCHEMAS"}

// defaultACL reads an entry of ALTER DEFAULT PRIVILEGES (row.Owner is its
// role).
func (r *reader) defaultACL(row *aclRow) {
	on, ok := defaultOn[row.ObjType]
	if !ok {
		r.unsupported = append(r.unsupported, fmt.Sprintf("default privileges of %s on objects of type %q", row.Owner, row.ObjType))
		return
	}
	e := &model.DefaultPrivileges{Role: row.Owner, Schema: row.Schema, On: on}
	var all []string
	for _, k := range model.Kinds() {
		if k.Info().DefaultsOn == on {
			all = k.Info().Privileges
			break
		}
	}
	if row.Schema != "" {
		// An entry of one schema only adds to the defaults: no owner
		// entries to check.
		all = nil
	}
	grants, err := exploded(row, row.Owner, all)
	if err != nil {
		r.unsupported = append(r.unsupported, fmt.Sprintf("default privileges of %s on %s (%v)", row.Owner, strings.ToLower(on), err))
		return
	}
	e.Grants = grants
	if !model.SameGrants(e.Grants, e.BaseGrants()) {
		r.cat.DefaultPrivileges = append(r.cat.DefaultPrivileges, e)
	}
}

type roleRow struct {
	Name    string `db:"name"`
	Current bool   `db:"current"`
}

func (r *reader) role(row *roleRow) error {
	if r.cat.Cluster == nil {
		r.cat.Cluster = &model.Cluster{}
	}
	r.cat.Cluster.Roles = append(r.cat.Cluster.Roles, row.Name)
	if row.Current {
		r.cat.Cluster.CurrentRole = row.Name
	}
	return nil
}

// publicSchema reads the owner, privileges and comment of the public schema,
// which the model keeps apart from the schemas it lists.
func (r *reader) publicSchema() {
	for k := range r.acls {
		if k.catalog == "public" {
			r.cat.Public = &model.Schema{Name: "public", Comment: r.comment("pg_namespace", k.oid, 0),
				Access: r.access("public", k.oid, 0, model.KindSchema, "public")}
			return
		}
	}
}
