package sqlnorm

import (
	pg "github.com/pganalyze/pg_query_go/v5"
)

// Deparse renders a parse tree as SQL with pg_query's deparser, keeping the
// syntax each function call was written in. The deparser prints a call of
// pg_catalog.overlay with four arguments as OVERLAY(a PLACING b FROM c FOR
// d) even when it was written as a call, which PostgreSQL stores and
// pg_dump prints apart; such a call goes unqualified instead, which the
// deparser prints as written and which still finds pg_catalog's function
// (pg_catalog comes first on a search_path that does not name it).
func Deparse(tree *pg.ParseResult) (string, error) {
	for _, s := range tree.Stmts {
		Walk(s.Stmt, func(n *pg.Node) bool {
			f := n.GetFuncCall()
			if f != nil && f.Funcformat != pg.CoercionForm_COERCE_SQL_SYNTAX && len(f.Args) == 4 && len(f.Funcname) == 2 &&
				f.Funcname[0].GetString_().GetSval() == "pg_catalog" && f.Funcname[1].GetString_().GetSval() == "overlay" {
				f.Funcname = f.Funcname[1:]
			}
			return true
		})
	}
	return pg.Deparse(tree)
}
