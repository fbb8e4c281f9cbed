package op

import (
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
)

// Object names one object for the privilege and ownership operations, as
// [Comment] does: On is the kind as COMMENT ON spells it ("TABLE", "VIEW",
// "COLUMN", "FUNCTION", "SCHEMA", ...), and which name fields apply
// depends on it:
//   - COLUMN: Schema, Table, Name (the column).
//   - FUNCTION, PROCEDURE, AGGREGATE: Schema, Name, Args (the argument
//     types).
//   - SCHEMA and other global kinds: Name.
//   - the others: Schema, Name.
type Object struct {
	On     string
	Schema string
	Table  string
	Name   string
	Args   string
}

func (o Object) ref() (pgsql.ObjectRef, error) {
	if o.On == "" || o.Name == "" {
		return pgsql.ObjectRef{}, invalid("Object", "On and Name are required")
	}
	if _, ok := pgsql.ObjectKinds[strings.ToUpper(o.On)]; !ok {
		return pgsql.ObjectRef{}, invalid("Object", "unknown object kind %q", o.On)
	}
	return pgsql.ObjectRef{Kind: o.On, Schema: o.Schema, Table: o.Table, Name: o.Name, Args: o.Args}, nil
}

// Grant grants privileges on an object to roles (GRANT ... ON ... TO).
// Privileges are as GRANT spells them ("SELECT", "USAGE", "EXECUTE"); on
// a COLUMN they apply to that column. To lists role names; "PUBLIC" is
// every role.
type Grant struct {
	Object
	Privileges []string
	To         []string
	// WithGrantOption lets the roles grant the privileges on.
	WithGrantOption bool
}

// Statements renders GRANT.
func (o Grant) Statements() ([]string, error) {
	target, privs, err := grantParts("Grant", o.Object, o.Privileges, o.To)
	if err != nil {
		return nil, err
	}
	s := "GRANT " + privs + " ON " + target + " TO " + grantees(o.To)
	if o.WithGrantOption {
		s += " WITH GRANT OPTION"
	}
	return one(s)
}

// Reverse revokes what a Grant without grant option gives. A grant with
// the grant option has no exact inverse: whether the roles held the
// privilege before is not known.
func (o Grant) Reverse() (Operation, error) {
	if o.WithGrantOption {
		return nil, invalid("Grant", "a grant WITH GRANT OPTION cannot be reversed exactly")
	}
	return Revoke{Object: o.Object, Privileges: o.Privileges, From: o.To}, nil
}

// Revoke takes privileges on an object back from roles (REVOKE ... ON ...
// FROM). With GrantOptionOnly it takes back only the right to grant them
// on (REVOKE GRANT OPTION FOR).
type Revoke struct {
	Object
	Privileges      []string
	From            []string
	GrantOptionOnly bool
}

// Statements renders REVOKE.
func (o Revoke) Statements() ([]string, error) {
	target, privs, err := grantParts("Revoke", o.Object, o.Privileges, o.From)
	if err != nil {
		return nil, err
	}
	s := "REVOKE "
	if o.GrantOptionOnly {
		s += "GRANT OPTION FOR "
	}
	return one(s + privs + " ON " + target + " FROM " + grantees(o.From))
}

// Reverse grants back what a Revoke takes.
func (o Revoke) Reverse() (Operation, error) {
	return Grant{Object: o.Object, Privileges: o.Privileges, To: o.From, WithGrantOption: o.GrantOptionOnly}, nil
}

func grantParts(name string, obj Object, privileges, roles []string) (target, privs string, err error) {
	ref, err := obj.ref()
	if err != nil {
		return "", "", err
	}
	if len(privileges) == 0 || len(roles) == 0 {
		return "", "", invalid(name, "Privileges and roles are required")
	}
	list := make([]string, len(privileges))
	for i, p := range privileges {
		up := strings.ToUpper(strings.TrimSpace(p))
		if up == "" || strings.Trim(up, "ABCDEFGHIJKLMNOPQRSTUVWXYZ ") != "" {
			return "", "", invalid(name, "bad privilege %q", p)
		}
		list[i] = up
		if strings.EqualFold(obj.On, "COLUMN") {
			list[i] += " (" + QuoteIdent(obj.Name) + ")"
		}
	}
	return ref.GrantTarget(), strings.Join(list, ", "), nil
}

// grantees renders role names for GRANT and REVOKE: PUBLIC as the
// keyword, others quoted as needed.
func grantees(roles []string) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = pgsql.RoleSpec(r)
	}
	return strings.Join(parts, ", ")
}

// SetOwner changes the owner of an object (ALTER ... OWNER TO). The role
// must exist; roles are cluster-level and no operation creates one.
type SetOwner struct {
	Object
	Owner string
}

// Statements renders ALTER ... OWNER TO.
func (o SetOwner) Statements() ([]string, error) {
	ref, err := o.ref()
	if err != nil {
		return nil, err
	}
	if o.Owner == "" {
		return nil, invalid("SetOwner", "Owner is required")
	}
	return one("ALTER " + ref.OwnerTarget() + " OWNER TO " + pgsql.RoleSpec(o.Owner))
}

// DefaultPrivileges changes the privileges that objects get when a role
// creates them (ALTER DEFAULT PRIVILEGES). ForRole is the creating role
// ("" is the role that runs the statement); InSchema limits it to one
// schema. On is "TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES" or
// "SCHEMAS". Revoke takes the privileges away instead of granting them
// (with GrantOptionOnly, only the right to grant them on).
type DefaultPrivileges struct {
	ForRole         string
	InSchema        string
	On              string
	Privileges      []string
	Roles           []string
	WithGrantOption bool
	Revoke          bool
	GrantOptionOnly bool
}

// Statements renders ALTER DEFAULT PRIVILEGES.
func (o DefaultPrivileges) Statements() ([]string, error) {
	on := strings.ToUpper(o.On)
	switch on {
	case "TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES", "SCHEMAS":
	default:
		return nil, invalid("DefaultPrivileges", "unknown object kind %q", o.On)
	}
	if on == "SCHEMAS" && o.InSchema != "" {
		return nil, invalid("DefaultPrivileges", "default privileges on schemas cannot be limited to a schema")
	}
	if len(o.Privileges) == 0 || len(o.Roles) == 0 {
		return nil, invalid("DefaultPrivileges", "Privileges and Roles are required")
	}
	s := "ALTER DEFAULT PRIVILEGES"
	if o.ForRole != "" {
		s += " FOR ROLE " + pgsql.RoleSpec(o.ForRole)
	}
	if o.InSchema != "" {
		s += " IN SCHEMA " + QuoteIdent(o.InSchema)
	}
	privs := make([]string, len(o.Privileges))
	for i, p := range o.Privileges {
		privs[i] = strings.ToUpper(strings.TrimSpace(p))
		if privs[i] == "" || strings.Trim(privs[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ ") != "" {
			return nil, invalid("DefaultPrivileges", "bad privilege %q", p)
		}
	}
	if o.Revoke {
		s += " REVOKE "
		if o.GrantOptionOnly {
			s += "GRANT OPTION FOR "
		}
		return one(s + strings.Join(privs, ", ") + " ON " + on + " FROM " + grantees(o.Roles))
	}
	s += " GRANT " + strings.Join(privs, ", ") + " ON " + on + " TO " + grantees(o.Roles)
	if o.WithGrantOption {
		s += " WITH GRANT OPTION"
	}
	return one(s)
}

// Reverse turns a grant into the matching revoke and back, when the
// grant carries no grant option.
func (o DefaultPrivileges) Reverse() (Operation, error) {
	if !o.Revoke && o.WithGrantOption {
		return nil, invalid("DefaultPrivileges", "a grant WITH GRANT OPTION cannot be reversed exactly")
	}
	r := o
	r.Revoke = !o.Revoke
	r.WithGrantOption = o.Revoke && o.GrantOptionOnly
	r.GrantOptionOnly = false
	return r, nil
}
