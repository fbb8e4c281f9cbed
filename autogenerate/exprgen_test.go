package autogenerate_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// exprGen generates SQL expressions across PostgreSQL's grammar, by the
// type of their value: literals of every built-in type in every cast
// spelling, operators, functions and the SQL-syntax forms (AT TIME ZONE,
// EXTRACT, OVERLAPS, SUBSTRING ... FROM ... FOR, TRIM, POSITION, OVERLAY,
// COLLATE, IS [NOT] DISTINCT FROM, BETWEEN SYMMETRIC), row comparisons,
// arrays and subscripts, CASE, sublinks and JSON operators. Column
// references and sublinks are used only where the placement allows them.
type exprGen struct {
	r *rand.Rand
	// columns allows references to the columns of the table p
	// (probeTable); sublinks allows subqueries on table q.
	columns, sublinks bool
}

// probeTable is the table the expressions are placed on: a column of each
// type the generator knows, and q, a table for sublinks.
const probeTable = `CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE q (k int, label text);
CREATE TABLE p (
    i integer, b bigint, n numeric(10,2), f double precision, t text, v varchar(20), c char(3),
    bo boolean, d date, ts timestamp, tz timestamptz, tm time, iv interval, j jsonb, js json,
    u uuid, by bytea, ia integer[], ta text[], ip inet, m money, r int4range, e color, bt bit(4)`

// The value types the generator produces, with the column of p that holds
// one.
var genTypes = map[string]string{
	"boolean": "bo", "integer": "i", "bigint": "b", "numeric": "n", "double precision": "f", "text": "t",
	"character varying(20)": "v", "character(3)": "c", "date": "d", "timestamp without time zone": "ts",
	"timestamp with time zone": "tz", "time without time zone": "tm", "interval": "iv", "jsonb": "j", "json": "js",
	"uuid": "u", "bytea": "by", "integer[]": "ia", "text[]": "ta", "inet": "ip", "money": "m", "int4range": "r",
	"color": "e", "bit(4)": "bt",
}

func (g *exprGen) pick(options ...string) string { return options[g.r.IntN(len(options))] }

// literal returns a constant of the type, in one of the spellings
// PostgreSQL accepts for it.
func (g *exprGen) literal(typ string) string {
	lit := map[string][]string{
		"boolean":                     {"true", "false", "'t'::boolean", "'yes'::boolean", "CAST('off' AS boolean)"},
		"integer":                     {"0", "-1", "42", "'7'::integer", "CAST('-12' AS int)", "int4 '5'", "2147483647"},
		"bigint":                      {"9000000000", "'-3'::bigint", "CAST(12 AS bigint)", "int8 '77'"},
		"numeric":                     {"1.5", "-0.25", "'3.14159'::numeric", "CAST(2 AS numeric(5,1))", "1e3", "'NaN'::numeric", "12.345::numeric(10,2)"},
		"double precision":            {"1.5::float8", "'-Infinity'::double precision", "2.5e-3::float8", "float8 '0.1'", "CAST(1 AS real)::float8"},
		"text":                        {"'abc'", "'it''s'", "E'tab\\there'", "''", "'x'::text", "CAST(1 AS text)", "U&'d\\0061ta'", "$$dollar$$", "'ünï'::text"},
		"character varying(20)":       {"'short'::varchar", "CAST('v' AS varchar(5))", "'abc'::character varying(20)"},
		"character(3)":                {"'ab'::char(3)", "CAST('x' AS character(3))", "'abc'::bpchar"},
		"date":                        {"'2020-01-31'::date", "DATE '2001-02-03'", "CAST('2020-02-29' AS date)", "'epoch'::date", "'infinity'::date"},
		"timestamp without time zone": {"'2020-01-01 12:34:56.789'::timestamp", "TIMESTAMP '2001-02-03 04:05:06'", "CAST('2020-01-01' AS timestamp(0))", "'2020-06-01 00:00:00'::timestamp without time zone"},
		"timestamp with time zone":    {"'2020-01-01 00:00:00+02'::timestamptz", "TIMESTAMP WITH TIME ZONE '2001-02-03 04:05:06 UTC'", "CAST('2020-01-01 12:00' AS timestamptz)"},
		"time without time zone":      {"'12:34'::time", "TIME '23:59:59.5'", "CAST('01:02:03' AS time(2))"},
		"interval":                    {"'1 day'::interval", "INTERVAL '2 hours 30 minutes'", "INTERVAL '1' DAY", "'1-2'::interval year to month", "'3 days 04:05:06.789'::interval", "'P1Y2M3DT4H5M6S'::interval", "interval '90' minute", "'1.5 seconds'::interval(1)"},
		"jsonb":                       {`'{"a": 1, "b": [1, 2]}'::jsonb`, `'[1, "x", null]'::jsonb`, `'"str"'::jsonb`, `CAST('{"k": {"n": 1.50}}' AS jsonb)`, `jsonb_build_object('a', 1)`},
		"json":                        {`'{"a":  1}'::json`, `'[1,2]'::json`, `json_build_array(1, 'x')`},
		"uuid":                        {"'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid", "CAST('{A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11}' AS uuid)"},
		"bytea":                       {"'\\x0102ff'::bytea", "E'\\\\x00'::bytea", "'abc'::bytea", "decode('00ff', 'hex')"},
		"integer[]":                   {"'{1,2,3}'::integer[]", "ARRAY[1, 2, 3]", "ARRAY[]::integer[]", "'{}'::int[]", "ARRAY[[1, 2], [3, 4]]"},
		"text[]":                      {"'{a,b}'::text[]", "ARRAY['x', 'y''z']", "ARRAY[NULL, 'n']::text[]", "string_to_array('a,b', ',')"},
		"inet":                        {"'192.168.0.1/24'::inet", "inet '::1'", "'10.0.0.1'::inet"},
		"money":                       {"'$1.00'::money", "'1.50'::money", "12.5::numeric::money", "CAST(3 AS money)"},
		"int4range":                   {"'[1,10)'::int4range", "int4range(1, 5)", "int4range(2, 8, '[]')", "'empty'::int4range"},
		"color":                       {"'red'::color", "CAST('blue' AS color)", "'green'"},
		"bit(4)":                      {"B'1010'", "'0101'::bit(4)", "X'F'::bit(4)"},
	}[typ]
	return g.pick(lit...)
}

// expr returns an expression of the type, depth levels deep at most.
func (g *exprGen) expr(typ string, depth int) string {
	if depth <= 0 || g.r.IntN(4) == 0 {
		if g.columns && g.r.IntN(2) == 0 {
			return genTypes[typ]
		}
		return g.literal(typ)
	}
	d := depth - 1
	forms := []func() string{
		func() string { return g.literal(typ) },
		func() string {
			return "CASE WHEN " + g.expr("boolean", d) + " THEN " + g.expr(typ, d) + " ELSE " + g.expr(typ, d) + " END"
		},
		func() string { return "COALESCE(" + g.expr(typ, d) + ", " + g.expr(typ, d) + ")" },
		func() string { return "NULLIF(" + g.expr(typ, d) + ", " + g.expr(typ, d) + ")" },
		func() string { return "(" + g.expr(typ, d) + ")" },
	}
	switch typ {
	case "boolean":
		forms = append(forms,
			func() string {
				return g.expr("integer", d) + " " + g.pick("<", "<=", "=", "<>", ">=", ">") + " " + g.expr("integer", d)
			},
			func() string {
				return g.expr("text", d) + " " + g.pick("LIKE", "NOT LIKE", "ILIKE", "~~", "SIMILAR TO", "~", "!~*") + " " + g.pick("'a%'", "'_b%'", "'^x.*'")
			},
			func() string { return g.expr("boolean", d) + " " + g.pick("AND", "OR") + " " + g.expr("boolean", d) },
			func() string { return "NOT " + g.expr("boolean", d) },
			func() string {
				return g.expr("integer", d) + " IS " + g.pick("DISTINCT FROM", "NOT DISTINCT FROM") + " " + g.expr("integer", d)
			},
			func() string {
				return g.expr("numeric", d) + g.pick(" BETWEEN ", " NOT BETWEEN ", " BETWEEN SYMMETRIC ") + g.literal("numeric") + " AND " + g.literal("numeric")
			},
			func() string {
				return g.expr("text", d) + g.pick(" IN ", " NOT IN ") + "('a', 'b', " + g.literal("text") + ")"
			},
			func() string {
				return g.expr("integer", d) + " = " + g.pick("ANY", "ALL", "SOME") + " (" + g.expr("integer[]", d) + ")"
			},
			func() string { return g.expr("text", d) + g.pick(" IS NULL", " IS NOT NULL", " ISNULL", " NOTNULL") },
			func() string { return g.expr("boolean", d) + g.pick(" IS TRUE", " IS NOT FALSE", " IS UNKNOWN") },
			func() string {
				return "ROW(" + g.expr("integer", d) + ", " + g.expr("text", d) + ") " + g.pick("<", "=", "<>", ">=") + " ROW(" + g.literal("integer") + ", " + g.literal("text") + ")"
			},
			func() string {
				return "(" + g.expr("date", d) + ", " + g.expr("date", d) + ") OVERLAPS (" + g.literal("date") + ", " + g.pick("INTERVAL '1 month'", g.literal("date")) + ")"
			},
			func() string { return g.expr("jsonb", d) + " " + g.pick("@>", "<@") + " " + g.literal("jsonb") },
			func() string {
				return g.expr("jsonb", d) + " " + g.pick("?", "?|", "?&") + " " + g.pick("'a'", "ARRAY['a', 'b']", "'{a}'")
			},
			func() string {
				return g.expr("integer[]", d) + " " + g.pick("@>", "&&", "<@") + " " + g.literal("integer[]")
			},
			func() string {
				return g.expr("int4range", d) + " " + g.pick("@>", "&&") + " " + g.pick("5", g.literal("int4range"))
			},
			func() string { return g.expr("inet", d) + " " + g.pick("<<", "<<=", ">>") + " " + g.literal("inet") },
			func() string {
				return g.expr("timestamp with time zone", d) + " > " + g.pick("now()", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP")
			},
			func() string { return g.expr("money", d) + " > " + g.literal("money") },
			func() string { return g.expr("color", d) + " " + g.pick("=", "<", ">=") + " " + g.literal("color") },
			func() string { return g.expr("text", d) + " COLLATE \"C\" < " + g.literal("text") },
			func() string { return "isfinite(" + g.expr("date", d) + ")" },
		)
		if g.sublinks {
			forms = append(forms,
				func() string { return "EXISTS (SELECT 1 FROM q WHERE q.k = " + g.expr("integer", d) + ")" },
				func() string {
					return g.expr("integer", d) + " IN (SELECT k FROM q WHERE label <> " + g.literal("text") + ")"
				},
				func() string { return g.expr("integer", d) + " > ALL (SELECT k FROM q)" },
				func() string { return "NOT EXISTS (SELECT FROM q)" },
			)
		}
	case "integer":
		forms = append(forms,
			func() string {
				return g.expr("integer", d) + " " + g.pick("+", "-", "*", "/", "%") + " " + g.pick("1", "2", "-3", g.expr("integer", d))
			},
			func() string { return "-" + g.expr("integer", d) },
			func() string { return "length(" + g.expr("text", d) + ")" },
			func() string { return "abs(" + g.expr("integer", d) + ")" },
			func() string { return g.expr("integer[]", d) + "[" + g.pick("1", "2") + "]" },
			func() string { return "array_length(" + g.expr("integer[]", d) + ", 1)" },
			func() string { return "POSITION(" + g.literal("text") + " IN " + g.expr("text", d) + ")" },
			func() string { return "GREATEST(" + g.expr("integer", d) + ", " + g.expr("integer", d) + ", 0)" },
			func() string { return "CAST(" + g.expr("numeric", d) + " AS integer)" },
			func() string { return g.expr("bigint", d) + "::int" },
			func() string { return "(" + g.expr("jsonb", d) + " ->> 'a')::int" },
			func() string {
				return "CASE " + g.expr("integer", d) + " WHEN 1 THEN " + g.expr("integer", d) + " WHEN 2 THEN 20 ELSE 0 END"
			},
			func() string {
				return "EXTRACT(" + g.pick("YEAR", "month", "DOW", "epoch") + " FROM " + g.expr("date", d) + ")::int"
			},
			func() string { return "date_part('day', " + g.expr("timestamp without time zone", d) + ")::integer" },
			func() string { return "lower(" + g.expr("int4range", d) + ")" },
		)
		if g.sublinks {
			forms = append(forms, func() string { return "(SELECT max(k) FROM q)" })
		}
	case "bigint":
		forms = append(forms,
			func() string { return g.expr("integer", d) + "::bigint * " + g.literal("bigint") },
			func() string { return "CAST(" + g.expr("integer", d) + " AS int8)" },
		)
	case "numeric":
		forms = append(forms,
			func() string {
				return g.expr("numeric", d) + " " + g.pick("+", "-", "*", "/") + " " + g.expr("numeric", d)
			},
			func() string { return "round(" + g.expr("numeric", d) + ", " + g.pick("0", "2") + ")" },
			func() string { return g.expr("integer", d) + "::numeric(12,3)" },
			func() string { return "CAST(" + g.expr("double precision", d) + " AS numeric)" },
			func() string {
				return "CASE " + g.expr("integer", d) + " WHEN 1 THEN 1.5 WHEN 2 THEN 2 END::numeric(10,2)"
			},
			func() string {
				return "EXTRACT(" + g.pick("EPOCH", "second", "hour") + " FROM " + g.expr("interval", d) + ")"
			},
			func() string { return "(" + g.expr("jsonb", d) + " -> 'a')::numeric" },
			func() string { return g.expr("money", d) + "::numeric" },
		)
	case "double precision":
		forms = append(forms,
			func() string { return g.expr("double precision", d) + " * " + g.literal("double precision") },
			func() string { return "sqrt(abs(" + g.expr("double precision", d) + "))" },
			func() string { return g.expr("integer", d) + "::float8 / 3" },
		)
	case "text", "character varying(20)":
		forms = append(forms,
			func() string { return g.expr("text", d) + " || " + g.expr("text", d) },
			func() string { return g.expr("integer", d) + "::text" },
			func() string { return "upper(" + g.expr("text", d) + ")" },
			func() string {
				return "SUBSTRING(" + g.expr("text", d) + g.pick(" FROM 2 FOR 3", " FROM 1", " FOR 2", " FROM '%#\"o_b#\"%' FOR '#'") + ")"
			},
			func() string {
				return "TRIM(" + g.pick("BOTH", "LEADING", "TRAILING") + " 'x' FROM " + g.expr("text", d) + ")"
			},
			func() string { return "TRIM(" + g.expr("text", d) + ")" },
			func() string { return "OVERLAY(" + g.expr("text", d) + " PLACING 'zz' FROM 2 FOR 1)" },
			func() string {
				return g.expr("jsonb", d) + g.pick(" ->> 'a'", " ->> 0", " #>> '{a,b}'", " #>> ARRAY['k', 'n']")
			},
			func() string { return "jsonb_extract_path_text(" + g.expr("jsonb", d) + ", 'a', 'b')" },
			func() string { return g.expr("json", d) + " ->> 'a'" },
			func() string { return "to_char(" + g.expr("date", d) + ", 'YYYY-MM-DD')" },
			func() string { return "format('%s-%s', " + g.expr("text", d) + ", " + g.expr("integer", d) + ")" },
			func() string { return "concat_ws(',', " + g.expr("text", d) + ", " + g.expr("integer", d) + ")" },
			func() string { return g.expr("text[]", d) + "[1]" },
			func() string { return "array_to_string(" + g.expr("text[]", d) + ", '|')" },
			func() string { return g.expr("color", d) + "::text" },
			func() string { return g.expr("text", d) + " COLLATE \"C\"" },
			func() string { return "md5(" + g.expr("text", d) + ")" },
			func() string { return g.expr("uuid", d) + "::text" },
			func() string { return "CURRENT_USER::text" },
			func() string { return "replace(" + g.expr("text", d) + ", 'a', 'b')" },
		)
		if g.sublinks {
			forms = append(forms, func() string { return "(SELECT label FROM q ORDER BY k LIMIT 1)" })
		}
	case "character(3)":
		forms = append(forms, func() string { return g.expr("text", d) + "::char(3)" })
	case "date":
		forms = append(forms,
			func() string { return g.expr("date", d) + " + " + g.expr("integer", d) },
			func() string { return g.pick("CURRENT_DATE", "current_date - 30", "CURRENT_DATE + 1") },
			func() string { return "(" + g.expr("timestamp without time zone", d) + ")::date" },
			func() string { return "make_date(2020, 1, " + g.pick("1", "15") + ")" },
			func() string { return "date_trunc('month', " + g.expr("date", d) + ")::date" },
		)
	case "timestamp without time zone":
		forms = append(forms,
			func() string { return g.expr("timestamp without time zone", d) + " + " + g.expr("interval", d) },
			func() string {
				return g.expr("timestamp with time zone", d) + " AT TIME ZONE " + g.pick("'UTC'", "'Europe/Paris'", "INTERVAL '-08:00'")
			},
			func() string { return g.expr("date", d) + " + " + g.expr("time without time zone", d) },
			func() string { return "date_trunc('hour', " + g.expr("timestamp without time zone", d) + ")" },
			func() string { return g.pick("LOCALTIMESTAMP", "LOCALTIMESTAMP(2)", "now()::timestamp") },
		)
	case "timestamp with time zone":
		forms = append(forms,
			func() string {
				return g.pick("now()", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP(3)", "clock_timestamp()", "transaction_timestamp()")
			},
			func() string { return g.expr("timestamp without time zone", d) + " AT TIME ZONE 'UTC'" },
			func() string { return g.expr("timestamp with time zone", d) + " - " + g.expr("interval", d) },
			func() string { return "to_timestamp(" + g.expr("double precision", d) + ")" },
		)
	case "time without time zone":
		forms = append(forms,
			func() string { return g.expr("time without time zone", d) + " + " + g.literal("interval") },
			func() string { return g.pick("LOCALTIME", "CURRENT_TIME::time", "LOCALTIME(0)") },
		)
	case "interval":
		forms = append(forms,
			func() string { return g.expr("interval", d) + " * " + g.pick("2", "1.5") },
			func() string { return g.expr("date", d) + " - " + g.expr("timestamp without time zone", d) },
			func() string { return "make_interval(days => " + g.expr("integer", d) + ")" },
			func() string { return "justify_hours(" + g.expr("interval", d) + ")" },
			func() string { return g.expr("integer", d) + " * INTERVAL '1 minute'" },
		)
	case "jsonb":
		forms = append(forms,
			func() string { return g.expr("jsonb", d) + g.pick(" -> 'a'", " -> 0", " #> '{a,b}'", " - 'a'") },
			func() string { return g.expr("jsonb", d) + " || " + g.literal("jsonb") },
			func() string { return "to_jsonb(" + g.expr(g.pick("text", "integer", "boolean"), d) + ")" },
			func() string {
				return "jsonb_build_object('k', " + g.expr("integer", d) + ", 'v', " + g.expr("text", d) + ")"
			},
			func() string { return "jsonb_set(" + g.expr("jsonb", d) + ", '{a}', '2')" },
			func() string { return g.expr("json", d) + "::jsonb" },
		)
	case "json":
		forms = append(forms,
			func() string { return g.expr("json", d) + " -> 'a'" },
			func() string { return "to_json(" + g.expr("text", d) + ")" },
			func() string { return g.expr("jsonb", d) + "::json" },
		)
	case "integer[]":
		forms = append(forms,
			func() string { return "ARRAY[" + g.expr("integer", d) + ", " + g.expr("integer", d) + "]" },
			func() string { return g.expr("integer[]", d) + " || " + g.expr("integer", d) },
			func() string { return g.expr("integer[]", d) + "[1:2]" },
			func() string { return "array_append(" + g.expr("integer[]", d) + ", 9)" },
		)
		if g.sublinks {
			forms = append(forms, func() string { return "ARRAY(SELECT k FROM q ORDER BY k)" })
		}
	case "text[]":
		forms = append(forms,
			func() string { return "ARRAY[" + g.expr("text", d) + ", " + g.pick("CURRENT_DATE::text", "'k'") + "]" },
			func() string { return "regexp_split_to_array(" + g.expr("text", d) + ", ',')" },
		)
	case "money":
		forms = append(forms,
			func() string { return g.expr("money", d) + " * " + g.pick("2", "1.5") },
			func() string { return g.expr("numeric", d) + "::money" },
		)
	case "int4range":
		forms = append(forms, func() string { return "int4range(" + g.expr("integer", d) + ", " + g.expr("integer", d) + " + 10)" })
	case "bytea":
		forms = append(forms, func() string { return "convert_to(" + g.expr("text", d) + ", 'UTF8')" })
	case "bit(4)":
		forms = append(forms, func() string { return g.expr("bit(4)", d) + " | B'0001'" })
	}
	return forms[g.r.IntN(len(forms))]()
}

// typeNames returns the generator's types in a fixed order.
func typeNames() []string {
	return []string{"boolean", "integer", "bigint", "numeric", "double precision", "text", "character varying(20)",
		"character(3)", "date", "timestamp without time zone", "timestamp with time zone", "time without time zone",
		"interval", "jsonb", "json", "uuid", "bytea", "integer[]", "text[]", "inet", "money", "int4range", "color", "bit(4)"}
}

// placement puts expressions into a schema: statements appended to the
// probe table's definition, for expression number i.
type placement struct {
	name     string
	columns  bool
	sublinks bool
	// boolean placements need boolean expressions.
	boolean bool
	// column renders the extra column of p (or "") and the statement
	// after the table (or "") that place expression e of type typ.
	place func(i int, typ, e string) (column, stmt string)
}

var placements = []placement{
	{name: "default", place: func(i int, typ, e string) (string, string) {
		return fmt.Sprintf("x%d %s DEFAULT %s", i, typ, e), ""
	}},
	{name: "check", columns: true, boolean: true, place: func(i int, _, e string) (string, string) {
		return fmt.Sprintf("CONSTRAINT c%d CHECK (%s)", i, e), ""
	}},
	{name: "index expression", columns: true, place: func(i int, _, e string) (string, string) {
		return "", fmt.Sprintf("CREATE INDEX ix%d ON p ((%s));", i, e)
	}},
	{name: "view column", columns: true, sublinks: true, place: func(i int, _, e string) (string, string) {
		return "", fmt.Sprintf("CREATE VIEW v%d AS SELECT %s AS x FROM p;", i, e)
	}},
	{name: "policy predicate", columns: true, sublinks: true, boolean: true, place: func(i int, _, e string) (string, string) {
		return "", fmt.Sprintf("CREATE POLICY pol%d ON p USING (%s);", i, e)
	}},
}

// schema builds the schema that places the expressions.
func (pl placement) schema(exprs []genExpr) string {
	var cols, stmts []string
	for _, e := range exprs {
		c, s := pl.place(e.id, e.typ, e.sql)
		if c != "" {
			cols = append(cols, c)
		}
		if s != "" {
			stmts = append(stmts, s)
		}
	}
	var b strings.Builder
	b.WriteString(probeTable)
	for _, c := range cols {
		b.WriteString(",\n    " + c)
	}
	b.WriteString("\n);\n")
	for _, s := range stmts {
		b.WriteString(s + "\n")
	}
	return b.String()
}

// genExpr is one generated expression.
type genExpr struct {
	id       int
	typ, sql string
}
