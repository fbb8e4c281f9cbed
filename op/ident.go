package op

import (
	"strings"
	"unicode/utf8"
)

// QuoteIdent returns name as an SQL identifier, quoted only when it must be:
// when it is not all lower-case letters, digits, underscores and dollar
// signs, starts with a digit or dollar, or is a keyword PostgreSQL does not
// accept as a bare name. This is the rule of PostgreSQL's quote_ident.
func QuoteIdent(name string) string {
	if name != "" && !needsQuote(name) {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func needsQuote(name string) bool {
	for i, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case (r >= '0' && r <= '9') || r == '$':
			if i == 0 {
				return true
			}
		default:
			return true
		}
	}
	return keywords[name]
}

// QualifiedName renders schema.name with each part quoted as needed; an
// empty schema gives the bare name, which resolves through search_path.
func QualifiedName(schema, name string) string {
	if schema == "" {
		return QuoteIdent(name)
	}
	return QuoteIdent(schema) + "." + QuoteIdent(name)
}

// QuoteLiteral returns s as an SQL string literal. Backslashes make it an
// escape-string literal (E'...') so the text means the same whatever
// standard_conforming_strings is set to.
func QuoteLiteral(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

func identList(names []string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = QuoteIdent(n)
	}
	return strings.Join(parts, ", ")
}

// keywords are the PostgreSQL keywords that cannot be used as a bare column
// or table name (reserved, column-name and type/function-name keywords of
// PostgreSQL 15, plus those later versions added), as pg_get_keywords()
// lists them with a category other than U.
var keywords = func() map[string]bool {
	const list = `all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean
both case cast char character check coalesce collate collation column concurrently constraint create
cross current_catalog current_date current_role current_schema current_time current_timestamp current_user
dec decimal default deferrable desc distinct do else end except exists extract false fetch float for
foreign freeze from full grant greatest group grouping having ilike in initially inner inout int integer
intersect interval into is isnull join lateral leading least left like limit localtime localtimestamp
national natural nchar none normalize not notnull null nullif numeric offset on only or order out outer
overlaps overlay placing position precision primary real references returning right row select
session_user setof similar smallint some substring symmetric table tablesample then time timestamp to
trailing treat trim true union unique user using values varchar variadic verbose when where window with
xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize
xmltable system_user json json_array json_arrayagg json_exists json_object json_objectagg json_query
json_scalar json_serialize json_table json_value merge_action`
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}()
