package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

// SetOwner changes the owner of an object (ALTER ... OWNER TO).
type SetOwner struct {
	Object model.ObjectID
	// From is the current owner; "" for an object created in this change
	// set, which the role applying it owns.
	From, To string
}

// SetPrivileges grants and revokes privileges on one object.
type SetPrivileges struct {
	Object model.ObjectID
	// Grant lists privileges to grant (with the grant option where
	// set); Revoke those to take away; RevokeGrantOption those whose
	// grant option alone goes.
	Grant, Revoke, RevokeGrantOption []model.Grant
}

// SetDefaultPrivileges changes one entry of ALTER DEFAULT PRIVILEGES:
// the privileges objects of a kind get when a role creates them.
type SetDefaultPrivileges struct {
	// Role, Schema and On identify the entry as model.DefaultPrivileges
	// does.
	Role, Schema, On                 string
	Grant, Revoke, RevokeGrantOption []model.Grant
}

// Describe says what the change does, for people.
func (c SetOwner) Describe() string {
	what := strings.ToLower(c.Object.Kind.Info().Keyword) + " " + q(describeObject(c.Object))
	if c.From == "" {
		return fmt.Sprintf("owner of %s set to %s", what, q(c.To))
	}
	return fmt.Sprintf("owner of %s: %s -> %s", what, q(c.From), q(c.To))
}

// Describe says what the change does, for people.
func (c SetPrivileges) Describe() string {
	return describeGrants(c.Grant, c.Revoke, c.RevokeGrantOption) + " on " +
		strings.ToLower(c.Object.Kind.Info().Keyword) + " " + q(describeObject(c.Object))
}

// Describe says what the change does, for people.
func (c SetDefaultPrivileges) Describe() string {
	s := "default privileges on new " + strings.ToLower(c.On)
	if c.Role != "" {
		s += " of " + q(c.Role)
	}
	if c.Schema != "" {
		s += " in schema " + q(c.Schema)
	}
	return s + ": " + describeGrants(c.Grant, c.Revoke, c.RevokeGrantOption)
}

func describeGrants(grant, revoke, revokeOption []model.Grant) string {
	var parts []string
	list := func(verb, prep string, gs []model.Grant) {
		for _, g := range gs {
			s := verb + " " + g.Privilege + " " + prep + " " + g.Grantee
			if g.GrantOption && verb == "granted" {
				s += " with grant option"
			}
			parts = append(parts, s)
		}
	}
	list("granted", "to", grant)
	list("revoked", "from", revoke)
	list("revoked grant option for", "from", revokeOption)
	return strings.Join(parts, ", ")
}

// Subject names the object the change is about.
func (c SetOwner) Subject() string { return subjectOf(c.Object) }

// Subject names the object the change is about.
func (c SetPrivileges) Subject() string { return subjectOf(c.Object) }

// Subject names the object the change is about.
func (c SetDefaultPrivileges) Subject() string {
	if c.Schema != "" {
		return c.Schema
	}
	return "default privileges"
}

// subjectOf names an object for grouping: a member by its table.
func subjectOf(id model.ObjectID) string {
	if id.Kind.Info().Member {
		return nm(id.Name)
	}
	return describeObject(id)
}

func (c SetOwner) order() (phase, string) {
	return phOwners, c.Object.Kind.Info().Keyword + " " + describeObject(c.Object)
}
func (c SetPrivileges) order() (phase, string) {
	return phPrivileges, c.Object.Kind.Info().Keyword + " " + describeObject(c.Object)
}
func (c SetDefaultPrivileges) order() (phase, string) {
	return phPrivileges, "~" + c.Role + "." + c.Schema + "." + c.On
}

// managed reports whether the comparison manages a role's privileges
// (see WithManagedRoles).
func (d *differ) managedRole(role string) bool { return d.managed == nil || d.managed(role) }

// WithManagedRoles limits which roles' privileges the comparison may take
// away from objects created in the change set that PostgreSQL's default
// privileges may have given them: managed reports whether a role is one
// the project manages. Without it every role is. Privileges on existing
// objects are compared in full either way: the caller leaves out of both
// catalogs what it does not manage.
func WithManagedRoles(managed func(role string) bool) Option {
	return func(d *differ) { d.managed = managed }
}

// privileges is the one pass that compares owners and privileges, for
// every kind the model embeds model.Access in: like comments, a new kind
// gets them for free.
//
// An object that exists on both sides (and is not recreated) gets its
// owner changed where the target names one that differs, and the grants that
// differ granted or revoked. An object created in this change set (or
// recreated) starts owned by the role applying it, with the privileges
// PostgreSQL gives a new object: PUBLIC's defaults for its kind, and
// whatever ALTER DEFAULT PRIVILEGES adds, which depends on the role that
// applies it. So it gets its owner set when the target names one, every
// target grant that is not certain to be there already, and a revoke of
// every privilege of a managed role that default privileges may have
// given it and the target lacks. A recreated object thereby gets its
// grants and owner back.
func (d *differ) privileges() {
	for i := range d.tg.objs {
		o := &d.tg.objs[i]
		ta := model.AccessOf(o.Value)
		if ta == nil {
			continue
		}
		info := o.ID.Kind.Info()
		peer := d.pairs.peer[i]
		if o.Value == d.to.Public && peer < 0 {
			// The public schema exists in every database: a side that
			// says nothing of it (an empty catalog) is no new schema.
			continue
		}
		fresh := d.created[o.ID] || peer < 0
		var fa *model.Access
		if !fresh {
			fa = model.AccessOf(d.fg.objs[peer].Value)
		}
		newOwner := ""
		if info.Owned && !ownerFollows(o.Value) {
			switch {
			case fresh && ta.Owner != "":
				newOwner = ta.Owner
				d.add(SetOwner{Object: o.ID, To: ta.Owner})
			case !fresh && ta.Owner != "" && fa.Owner != ta.Owner:
				// An owner the current side leaves unsaid (a schema
				// source) may be anyone: set it.
				newOwner = ta.Owner
				d.add(SetOwner{Object: o.ID, From: fa.Owner, To: ta.Owner})
			}
		}
		if len(info.Privileges) == 0 {
			continue
		}
		var c SetPrivileges
		if fresh {
			// What PostgreSQL certainly gives a new object goes where the
			// target lacks it; what default privileges may give it, only
			// for the roles the comparison manages.
			certain, possible := d.creationGrants(o.ID)
			c.Grant, c.Revoke, c.RevokeGrantOption = grantChanges(certain, ta.Grants)
			uncertain := slices.DeleteFunc(possible, func(g model.Grant) bool {
				return slices.Contains(certain, g) || !d.managedRole(g.Grantee)
			})
			_, revoke, revokeOption := grantChanges(uncertain, ta.Grants)
			c.Revoke = model.SortGrants(append(c.Revoke, revoke...))
			c.RevokeGrantOption = model.SortGrants(append(c.RevokeGrantOption, revokeOption...))
		} else {
			// The new owner's grants merge into its ownership.
			have := slices.DeleteFunc(slices.Clone(fa.Grants), func(g model.Grant) bool { return g.Grantee == newOwner })
			c.Grant, c.Revoke, c.RevokeGrantOption = grantChanges(have, ta.Grants)
		}
		c.Grant = slices.DeleteFunc(c.Grant, func(g model.Grant) bool { return g.Grantee == newOwner })
		if len(c.Grant)+len(c.Revoke)+len(c.RevokeGrantOption) > 0 {
			c.Object = o.ID
			d.add(c)
		}
	}
	for _, o := range d.shedColumns() {
		if fa := model.AccessOf(o.Value); fa != nil && len(fa.Grants) > 0 {
			c := SetPrivileges{Object: o.ID}
			c.Grant, c.Revoke, c.RevokeGrantOption = grantChanges(fa.Grants, nil)
			d.add(c)
		}
	}
	d.defaultPrivileges()
}

// ownerFollows reports whether an object's owner follows another's: a
// sequence owned by a column belongs to the table's owner, and ALTER
// TABLE ... OWNER TO moves it along.
func ownerFollows(v any) bool {
	s, ok := v.(*model.Sequence)
	return ok && s.OwnedBy != nil
}

// creationGrants returns the privileges a new object certainly gets when
// it is created (PUBLIC's defaults, unless an entry of ALTER DEFAULT
// PRIVILEGES for every schema removes them) and those it may get
// (PUBLIC's defaults and every entry that could apply, whichever role
// creates it).
func (d *differ) creationGrants(id model.ObjectID) (certain, possible []model.Grant) {
	info := id.Kind.Info()
	base := model.PublicDefaults(id.Kind)
	certain = slices.Clone(base)
	possible = slices.Clone(base)
	if info.DefaultsOn == "" {
		return certain, possible
	}
	schema := id.Name.Schema
	if id.Kind == model.KindSchema {
		schema = ""
	}
	for _, cat := range []*model.Catalog{d.from, d.to} {
		for _, e := range cat.DefaultPrivileges {
			if e.On != info.DefaultsOn || e.Schema != "" && e.Schema != schema {
				continue
			}
			possible = append(possible, e.Grants...)
			if e.Schema == "" {
				certain = slices.DeleteFunc(certain, func(g model.Grant) bool { return !slices.Contains(e.Grants, g) })
			}
		}
	}
	return model.SortGrants(certain), model.SortGrants(possible)
}

// grantChanges returns what turns the grants have into want: the grants
// to give (with the grant option where want has it), those to revoke, and
// those whose grant option alone goes.
func grantChanges(have, want []model.Grant) (grant, revoke, revokeOption []model.Grant) {
	find := func(list []model.Grant, g model.Grant) (model.Grant, bool) {
		for _, x := range list {
			if x.Grantee == g.Grantee && x.Privilege == g.Privilege {
				return x, true
			}
		}
		return model.Grant{}, false
	}
	for _, w := range want {
		h, ok := find(have, w)
		if !ok || w.GrantOption && !h.GrantOption {
			grant = append(grant, w)
		}
	}
	for _, h := range have {
		w, ok := find(want, h)
		switch {
		case !ok:
			h.GrantOption = false
			revoke = append(revoke, h)
		case h.GrantOption && !w.GrantOption:
			revokeOption = append(revokeOption, w)
		}
	}
	return grant, revoke, revokeOption
}

// defaultPrivileges compares the entries of ALTER DEFAULT PRIVILEGES. An
// entry missing on one side stands at its base (see
// model.DefaultPrivileges.BaseGrants). Entries of a schema the target
// drops go with the schema.
func (d *differ) defaultPrivileges() {
	from, to := map[string]*model.DefaultPrivileges{}, map[string]*model.DefaultPrivileges{}
	var keys []string
	for _, e := range d.from.DefaultPrivileges {
		from[e.Key()] = e
		keys = append(keys, e.Key())
	}
	for _, e := range d.to.DefaultPrivileges {
		to[e.Key()] = e
		if from[e.Key()] == nil {
			keys = append(keys, e.Key())
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		f, t := from[k], to[k]
		e := t
		if e == nil {
			e = f
		}
		if e.Schema != "" && e.Schema != "public" && d.tg.schema(e.Schema) == nil {
			continue
		}
		have, want := e.BaseGrants(), e.BaseGrants()
		if f != nil {
			have = f.Grants
		}
		if t != nil {
			want = t.Grants
		}
		c := SetDefaultPrivileges{Role: e.Role, Schema: e.Schema, On: e.On}
		c.Grant, c.Revoke, c.RevokeGrantOption = grantChanges(have, want)
		if len(c.Grant)+len(c.Revoke)+len(c.RevokeGrantOption) > 0 {
			d.add(c)
		}
	}
}
