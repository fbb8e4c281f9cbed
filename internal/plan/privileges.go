package plan

import (
	"github.com/autogen-dev/autogen/diff"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// objectOf names a model object for the privilege and ownership
// operations.
func objectOf(id model.ObjectID) op.Object {
	c := commentOn(id, "")
	return op.Object{On: c.On, Schema: c.Schema, Table: c.Table, Name: c.Name, Args: c.Args}
}

// grantGroup is the privileges one role gets or loses in one statement.
type grantGroup struct {
	role   string
	option bool
	privs  []string
}

// groupGrants groups grants by grantee and grant option, keeping their
// order, so that each role gets one statement.
func groupGrants(gs []model.Grant) []grantGroup {
	var out []grantGroup
	for _, g := range gs {
		if n := len(out); n > 0 && out[n-1].role == g.Grantee && out[n-1].option == g.GrantOption {
			out[n-1].privs = append(out[n-1].privs, g.Privilege)
			continue
		}
		out = append(out, grantGroup{role: g.Grantee, option: g.GrantOption, privs: []string{g.Privilege}})
	}
	return out
}

// setPrivileges revokes first, then grants, one statement per role.
func setPrivileges(c diff.SetPrivileges) []op.Operation {
	obj := objectOf(c.Object)
	var out []op.Operation
	for _, g := range groupGrants(c.Revoke) {
		out = append(out, op.Revoke{Object: obj, Privileges: g.privs, From: []string{g.role}})
	}
	for _, g := range groupGrants(c.RevokeGrantOption) {
		out = append(out, op.Revoke{Object: obj, Privileges: g.privs, From: []string{g.role}, GrantOptionOnly: true})
	}
	for _, g := range groupGrants(c.Grant) {
		out = append(out, op.Grant{Object: obj, Privileges: g.privs, To: []string{g.role}, WithGrantOption: g.option})
	}
	return out
}

// setDefaultPrivileges is setPrivileges for ALTER DEFAULT PRIVILEGES.
func setDefaultPrivileges(c diff.SetDefaultPrivileges) []op.Operation {
	base := op.DefaultPrivileges{ForRole: c.Role, InSchema: c.Schema, On: c.On}
	var out []op.Operation
	for _, g := range groupGrants(c.Revoke) {
		x := base
		x.Privileges, x.Roles, x.Revoke = g.privs, []string{g.role}, true
		out = append(out, x)
	}
	for _, g := range groupGrants(c.RevokeGrantOption) {
		x := base
		x.Privileges, x.Roles, x.Revoke, x.GrantOptionOnly = g.privs, []string{g.role}, true, true
		out = append(out, x)
	}
	for _, g := range groupGrants(c.Grant) {
		x := base
		x.Privileges, x.Roles, x.WithGrantOption = g.privs, []string{g.role}, g.option
		out = append(out, x)
	}
	return out
}
