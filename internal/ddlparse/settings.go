package ddlparse

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
)

// set applies SET. Only search_path changes how the following statements
// are read; standard_conforming_strings = off would change how strings are
// read, which the parser does not follow, so it is refused. Other settings
// (client_encoding, check_function_bodies, ...) do not affect the schema and
// are ignored.
func (b *builder) set(s *pg.VariableSetStmt) error {
	switch strings.ToLower(s.Name) {
	case "search_path":
		switch s.Kind {
		case pg.VariableSetKind_VAR_SET_VALUE:
			var path []string
			for _, a := range s.Args {
				if v, ok := sqlnorm.ConstText(a); ok && v != "" {
					path = append(path, v)
				}
			}
			b.setSearchPath(path, s.IsLocal)
		case pg.VariableSetKind_VAR_SET_DEFAULT, pg.VariableSetKind_VAR_RESET, pg.VariableSetKind_VAR_RESET_ALL:
			b.setSearchPath(slices.Clone(b.cfg.searchPath), s.IsLocal)
		}
	case "standard_conforming_strings":
		for _, a := range s.Args {
			if v, _ := sqlnorm.ConstText(a); strings.EqualFold(v, "off") || strings.EqualFold(v, "false") {
				return b.unsupported("standard_conforming_strings = off")
			}
		}
	case "":
		if s.Kind == pg.VariableSetKind_VAR_RESET_ALL {
			b.setSearchPath(slices.Clone(b.cfg.searchPath), false)
		}
	}
	return nil
}

// selectStmt accepts the one SELECT that schema dumps contain:
// pg_catalog.set_config('search_path', '...', false).
func (b *builder) selectStmt(s *pg.SelectStmt) error {
	if len(s.TargetList) == 1 && len(s.FromClause) == 0 && s.WhereClause == nil {
		if f := s.TargetList[0].GetResTarget().Val.GetFuncCall(); f != nil {
			name := sqlnorm.Strings(f.Funcname)
			if name[len(name)-1] == "set_config" && len(f.Args) == 3 {
				setting, _ := sqlnorm.ConstText(f.Args[0])
				value, ok := sqlnorm.ConstText(f.Args[1])
				if ok && strings.EqualFold(setting, "search_path") {
					local, _ := sqlnorm.ConstText(f.Args[2])
					b.setSearchPath(splitIdentifiers(value), local == "true")
				}
				if ok {
					return nil
				}
			}
		}
	}
	return b.unsupported("SELECT (only pg_catalog.set_config is accepted)")
}

// splitIdentifiers parses a list setting as PostgreSQL's
// SplitIdentifierString does: comma-separated, unquoted names folded to
// lower case, quoted names kept.
func splitIdentifiers(s string) []string {
	var out []string
	for _, part := range splitTopCommas(s) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if strings.HasPrefix(part, `"`) && strings.HasSuffix(part, `"`) && len(part) >= 2 {
			out = append(out, strings.ReplaceAll(part[1:len(part)-1], `""`, `"`))
			continue
		}
		out = append(out, pgsql.FoldIdent(part))
	}
	return out
}

func splitTopCommas(s string) []string {
	var out []string
	quoted := false
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// metaCommand handles the psql commands that appear in schema dumps:
// \restrict and \unrestrict (pg_dump 17.6 and later) guard the dump and do
// not affect it; \set only sets psql variables.
func (b *builder) metaCommand(text string) error {
	cmd, _, _ := strings.Cut(text, " ")
	switch cmd {
	case `\restrict`, `\unrestrict`, `\set`, `\unset`, `\echo`, `\qecho`, `\pset`, `\timing`:
		return nil
	}
	return b.errorAt(-1, ErrUnsupported, "psql meta-command %s is not supported", cmd)
}
