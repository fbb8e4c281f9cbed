package ddlparse

import (
	"slices"
	"sort"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
)

func (b *builder) createPolicy(s *pg.CreatePolicyStmt) error {
	t, err := b.table(s.Table)
	if err != nil {
		return err
	}
	for _, p := range t.m.Policies {
		if p.Name == s.PolicyName {
			return b.errorAt(-1, ErrInvalid, "policy %s for table %s already exists", s.PolicyName, t.m.Name)
		}
	}
	p := &model.Policy{Name: s.PolicyName, Permissive: s.Permissive, Command: strings.ToUpper(s.CmdName)}
	for _, r := range s.Roles {
		rs := r.GetRoleSpec()
		switch rs.Roletype {
		case pg.RoleSpecType_ROLESPEC_PUBLIC:
			p.Roles = append(p.Roles, "public")
		case pg.RoleSpecType_ROLESPEC_CSTRING:
			p.Roles = append(p.Roles, rs.Rolename)
		default:
			return b.errorAt(rs.Location, ErrUnsupported, "CURRENT_USER, CURRENT_ROLE and SESSION_USER in a policy are not supported")
		}
	}
	if len(p.Roles) == 0 || slices.Contains(p.Roles, "public") {
		// PUBLIC covers every role; PostgreSQL keeps only it.
		p.Roles = []string{"public"}
	}
	sort.Strings(p.Roles)
	if s.Qual != nil {
		if p.Using, err = b.expr(s.Qual, ""); err != nil {
			return err
		}
	}
	if s.WithCheck != nil {
		if p.WithCheck, err = b.expr(s.WithCheck, ""); err != nil {
			return err
		}
	}
	t.m.Policies = append(t.m.Policies, p)
	return nil
}
