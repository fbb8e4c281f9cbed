package op

import "github.com/autogen-dev/autogen/internal/pgsql"

// QuoteIdent returns name as an SQL identifier, quoted exactly when
// PostgreSQL's quote_ident would quote it (by PostgreSQL 15's own keyword
// list). Operations quote every name they render with it.
func QuoteIdent(name string) string { return pgsql.QuoteIdent(name) }

// QualifiedName renders schema.name with each part quoted as needed; an
// empty schema gives the bare name, which resolves through search_path.
func QualifiedName(schema, name string) string { return pgsql.QualifiedName(schema, name) }

// QuoteLiteral returns s as an SQL string literal. Backslashes make it an
// escape-string literal (E'...') so the text means the same whatever
// standard_conforming_strings is set to.
func QuoteLiteral(s string) string { return pgsql.QuoteLiteral(s) }

func identList(names []string) string { return pgsql.QuoteIdents(names) }
