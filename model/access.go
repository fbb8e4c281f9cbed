package model

import (
	"cmp"
	"slices"
)

// Public is the grantee that stands for every role (GRANT ... TO PUBLIC).
const Public = "PUBLIC"

// Access is who owns an object and what other roles may do with it. The
// model types of objects that have an owner or privileges embed it, so
// that every kind gets ownership and privileges through the one generic
// pass of the diff (see [Accessor]).
type Access struct {
	// Owner is the role that owns the object. The catalog reader always
	// knows it; the SQL reader sets it only where the source says
	// (ALTER ... OWNER TO, CREATE SCHEMA ... AUTHORIZATION), leaving ""
	// for "the role that creates it".
	Owner string
	// Grants are the privileges roles other than the owner hold, sorted:
	// the effective ones, defaults included (PUBLIC's EXECUTE on a new
	// function). The owner's own privileges are implied.
	Grants []Grant
}

// Grant is one privilege a role holds on an object.
type Grant struct {
	// Grantee is a role name, or [Public].
	Grantee string
	// Privilege is the privilege as GRANT spells it: "SELECT", "USAGE".
	Privilege string
	// GrantOption is set when the grantee may grant it on (WITH GRANT
	// OPTION).
	GrantOption bool
}

// String renders the grant for messages: "SELECT to reader", with
// "(with grant option)" when it carries one.
func (g Grant) String() string {
	s := g.Privilege + " to " + g.Grantee
	if g.GrantOption {
		s += " (with grant option)"
	}
	return s
}

// Compare orders grants by grantee, privilege and grant option.
func (g Grant) Compare(o Grant) int {
	if c := cmp.Compare(g.Grantee, o.Grantee); c != 0 {
		return c
	}
	if c := cmp.Compare(g.Privilege, o.Privilege); c != 0 {
		return c
	}
	switch {
	case g.GrantOption == o.GrantOption:
		return 0
	case o.GrantOption:
		return -1
	}
	return 1
}

// SetOwner sets the owner, whose own grants merge into its ownership (as
// ALTER ... OWNER TO does, and as a grant to the owner is none).
func (a *Access) SetOwner(owner string) {
	a.Owner = owner
	if owner != "" {
		a.Grants = slices.DeleteFunc(a.Grants, func(g Grant) bool { return g.Grantee == owner })
		if len(a.Grants) == 0 {
			a.Grants = nil
		}
	}
}

// AccessOf returns the Access itself; through embedding it makes every
// model type that embeds Access an [Accessor].
func (a *Access) AccessOf() *Access { return a }

// Accessor is implemented by the model types that embed [Access].
type Accessor interface{ AccessOf() *Access }

// AccessOf returns the Access of a model value, or nil for a value that
// has none.
func AccessOf(v any) *Access {
	if a, ok := v.(Accessor); ok {
		return a.AccessOf()
	}
	return nil
}

// SortGrants sorts grants and removes duplicates; a grant with the grant
// option absorbs the same grant without it.
func SortGrants(gs []Grant) []Grant {
	slices.SortFunc(gs, Grant.Compare)
	out := gs[:0]
	for _, g := range gs {
		if n := len(out); n > 0 && out[n-1].Grantee == g.Grantee && out[n-1].Privilege == g.Privilege {
			out[n-1].GrantOption = out[n-1].GrantOption || g.GrantOption
			continue
		}
		out = append(out, g)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// DefaultPrivileges is one entry of ALTER DEFAULT PRIVILEGES: the
// privileges objects of a kind get when a role creates them, in one
// schema or in all.
type DefaultPrivileges struct {
	// Role is the role whose new objects get the privileges (FOR ROLE);
	// the SQL reader leaves it "" when the statement names none, which
	// means the role that applies the schema.
	Role string
	// Schema limits the entry to objects created in it; "" is every
	// schema.
	Schema string
	// On is the kind of object, as ALTER DEFAULT PRIVILEGES spells it:
	// "TABLES", "SEQUENCES", "FUNCTIONS", "TYPES" or "SCHEMAS".
	On string
	// Grants are the privileges new objects get, the owner's aside. For
	// an entry of every schema they replace the kind's built-in defaults
	// (so a function entry without PUBLIC's EXECUTE revokes it); for an
	// entry of one schema they add to them.
	Grants []Grant
}

// Key identifies the entry: role, schema and kind.
func (d *DefaultPrivileges) Key() string { return d.Role + "\x00" + d.Schema + "\x00" + d.On }

// BaseGrants returns the grants an entry starts from before any ALTER
// DEFAULT PRIVILEGES: PostgreSQL's defaults for an entry of every schema
// (PUBLIC's EXECUTE on functions, USAGE on types), nothing for one schema.
// An entry equal to its base is not stored.
func (d *DefaultPrivileges) BaseGrants() []Grant {
	if d.Schema != "" {
		return nil
	}
	for _, k := range Kinds() {
		if info := k.Info(); info.DefaultsOn == d.On {
			return PublicDefaults(k)
		}
	}
	return nil
}

// PublicDefaults returns the grants a new object of the kind gets for
// PUBLIC by PostgreSQL's own defaults (acldefault).
func PublicDefaults(k Kind) []Grant {
	var out []Grant
	for _, p := range k.Info().PublicDefault {
		out = append(out, Grant{Grantee: Public, Privilege: p})
	}
	return out
}

// RoleUse is a role the SQL source names, and where it first does.
type RoleUse struct {
	Name string
	// At is "file:line:column".
	At string
	// Grantee is set when the source grants to the role, revokes from
	// it or names it in ALTER DEFAULT PRIVILEGES, as opposed to only
	// making it an owner: the privileges of such roles are the ones a
	// project manages by default.
	Grantee bool
}

// SameGrants reports whether two sorted grant lists are equal.
func SameGrants(a, b []Grant) bool { return slices.Equal(a, b) }
