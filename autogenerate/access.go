package autogenerate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
)

// Management modes of owners and privileges (autogen.toml's privileges
// and owners).
const (
	// Mentioned manages what the schema source mentions: the privileges
	// of the roles it grants to or revokes from (PUBLIC included when it
	// names PUBLIC), and the owners it sets. The default.
	Mentioned = "mentioned"
	// All manages every role's privileges.
	All = "all"
	// None manages no privileges, or no owners: the database keeps its
	// own.
	None = "none"
)

// Access says which owners and privileges a comparison manages. The zero
// value manages what the schema source mentions, so a project that
// writes no GRANT sees no privilege changes and one that sets no owner
// no owner changes.
type Access struct {
	// Privileges is Mentioned (or ""), All or None.
	Privileges string
	// Owners is Mentioned (or "") or None.
	Owners string
}

// Validate reports an unknown mode.
func (a Access) Validate() error {
	switch a.Privileges {
	case "", Mentioned, All, None:
	default:
		return fmt.Errorf("privileges must be %q, %q or %q, got %q", Mentioned, All, None, a.Privileges)
	}
	switch a.Owners {
	case "", Mentioned, None:
	default:
		return fmt.Errorf("owners must be %q or %q, got %q", Mentioned, None, a.Owners)
	}
	return nil
}

// RoleError reports roles the schema source names that the database's
// cluster lacks. Roles are cluster-level: autogen never creates one.
type RoleError struct {
	// Missing lists each missing role with where the source first names
	// it.
	Missing []model.RoleUse
}

// Error names each missing role and where it is used.
func (e *RoleError) Error() string {
	var lines []string
	for _, r := range e.Missing {
		lines = append(lines, fmt.Sprintf("%s: role %q does not exist", r.At, r.Name))
	}
	return strings.Join(lines, "\n") + "\n(roles are cluster-level and autogen never creates them: create them with CREATE ROLE, outside revisions, on every server the schema goes to)"
}

// settleAccess makes desired say, for every owner and privilege the
// comparison does not manage, what current says, so that the diff
// changes only the managed ones (and a recreated object gets back the
// owner and grants it had). It returns which roles' privileges are
// managed, for diff.WithManagedRoles. Objects are matched by identity,
// through confirmed renames.
func settleAccess(current, desired *model.Catalog, a Access, renames diff.Renames) (func(string) bool, error) {
	if err := a.Validate(); err != nil {
		return nil, fmt.Errorf("autogenerate: %w", err)
	}
	if cl := current.Cluster; cl != nil {
		var missing []model.RoleUse
		for _, r := range desired.Roles {
			if r.Name != model.Public && !slices.Contains(cl.Roles, r.Name) {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			return nil, &RoleError{Missing: missing}
		}
		for _, e := range desired.DefaultPrivileges {
			if e.Role == "" {
				e.Role = cl.CurrentRole
			}
		}
	}
	managed := func(string) bool { return true }
	switch a.Privileges {
	case None:
		managed = func(string) bool { return false }
	case All:
	default:
		mentioned := map[string]bool{}
		for _, r := range desired.Roles {
			if r.Grantee {
				mentioned[r.Name] = true
			}
		}
		managed = func(role string) bool { return mentioned[role] }
	}
	merge := func(want, have []model.Grant) []model.Grant {
		var out []model.Grant
		for _, g := range want {
			if managed(g.Grantee) {
				out = append(out, g)
			}
		}
		for _, g := range have {
			if !managed(g.Grantee) {
				out = append(out, g)
			}
		}
		return model.SortGrants(out)
	}
	if desired.Public == nil && current.Public != nil {
		p := *current.Public
		p.Grants = slices.Clone(p.Grants)
		desired.Public = &p
	}
	// A desired schema read from a database (squash) says its objects
	// are owned by the role that read it: the role that applies it.
	if cl := desired.Cluster; cl != nil {
		desired.EachObject(func(o model.Object) {
			if acc := model.AccessOf(o.Value); acc != nil && acc.Owner == cl.CurrentRole {
				acc.Owner = ""
			}
		})
	}
	have := map[model.ObjectID]*model.Access{}
	current.EachObject(func(o model.Object) {
		if acc := model.AccessOf(o.Value); acc != nil {
			have[o.ID] = acc
		}
	})
	desired.EachObject(func(o model.Object) {
		acc := model.AccessOf(o.Value)
		if acc == nil {
			return
		}
		if a.Owners == None {
			acc.Owner = ""
		}
		cur := have[renamedFrom(o.ID, renames)]
		switch {
		case cur != nil:
			if acc.Owner == "" {
				acc.SetOwner(cur.Owner)
			}
			acc.Grants = merge(acc.Grants, cur.Grants)
		case a.Privileges == None:
			// A new object keeps what PostgreSQL gives it.
			acc.Grants = model.PublicDefaults(o.ID.Kind)
		}
	})
	// Entries of ALTER DEFAULT PRIVILEGES: an entry missing on one side
	// stands at its base.
	curDefaults := map[string]*model.DefaultPrivileges{}
	for _, e := range current.DefaultPrivileges {
		curDefaults[e.Key()] = e
	}
	seen := map[string]bool{}
	var defaults []*model.DefaultPrivileges
	for _, e := range desired.DefaultPrivileges {
		seen[e.Key()] = true
		base := e.BaseGrants()
		if c := curDefaults[e.Key()]; c != nil {
			base = c.Grants
		}
		e.Grants = merge(e.Grants, base)
		defaults = append(defaults, e)
	}
	for _, c := range current.DefaultPrivileges {
		if seen[c.Key()] {
			continue
		}
		e := &model.DefaultPrivileges{Role: c.Role, Schema: c.Schema, On: c.On}
		e.Grants = merge(e.BaseGrants(), c.Grants)
		defaults = append(defaults, e)
	}
	defaults = slices.DeleteFunc(defaults, func(e *model.DefaultPrivileges) bool {
		return model.SameGrants(e.Grants, e.BaseGrants())
	})
	desired.DefaultPrivileges = defaults
	desired.Sort()
	return managed, nil
}

// renamedFrom returns the identity an object of the desired catalog has
// in the current one, following confirmed renames of tables, columns and
// enums.
func renamedFrom(id model.ObjectID, r diff.Renames) model.ObjectID {
	if r.Empty() {
		return id
	}
	oldName := func(m map[model.Name]string, n model.Name) model.Name {
		for old, to := range m {
			if old.Schema == n.Schema && to == n.Name {
				return old
			}
		}
		return n
	}
	switch id.Kind {
	case model.KindTable:
		id.Name = oldName(r.Tables, id.Name)
	case model.KindEnum:
		id.Name = oldName(r.Enums, id.Name)
	case model.KindColumn:
		for old, to := range r.Columns[id.Name] {
			if to == id.Member {
				id.Member = old
			}
		}
		id.Name = oldName(r.Tables, id.Name)
	}
	return id
}
