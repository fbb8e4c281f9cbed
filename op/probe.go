package op

import (
	"strconv"
	"strings"
)

// Probe is a query that finds data an operation would lose in a given
// database: the rows of a table about to be dropped, the values a type
// change would round. Before a revision's first statement, the data guard
// runs the probes of every operation whose deletes-data hazard the
// revision does not acknowledge, and refuses to run the revision when one
// finds something; `autogen revision` runs the same probes to refuse
// writing such a revision.
type Probe struct {
	// Table and Column name what the probe reads (Column is empty when it
	// reads whole rows, and Table is empty when it reads several tables).
	// The guard runs a probe right before its operation instead of at the
	// start when an earlier operation of the revision creates or renames
	// them.
	Table  Name
	Column string
	// What says, for people, what the probe looks for: "rows of orders".
	What string
	// SQL is a query that returns at most one row of one text column: an
	// example of what would be lost, such as a row as JSON or "12.345
	// becomes 12.3". No row means nothing would be lost.
	SQL string
	// Scans is set when the query may read the whole table before it can
	// answer: a probe for values a change alters finds none only after
	// reading every row. Otherwise it stops at the first row it reads.
	Scans bool
	// Hazard is the message of the deletes-data hazard whose loss the
	// probe looks for, when its operation declares several (a column's
	// type change that rounds and drops an attribute of its values); when
	// empty, the probe looks for the loss of each.
	Hazard string
}

// Prober is implemented by operations that can lose data, to say how to
// find out whether they would in a given database. Operations of your own
// that declare a deletes-data hazard should implement it: without probes,
// the data guard cannot tell and refuses them unless acknowledged.
type Prober interface {
	Probes() []Probe
}

// ProbesOf returns the probes an operation declares, or nil.
func ProbesOf(o Operation) []Probe {
	if p, ok := o.(Prober); ok {
		return p.Probes()
	}
	return nil
}

// exampleLength bounds the text of an example a probe returns.
const exampleLength = 120

// rowsProbe finds a row of a table, as JSON.
func rowsProbe(schema, table string) Probe {
	return Probe{
		Table: Name{schema, table},
		What:  "rows of " + table,
		SQL:   "SELECT pg_catalog.left(pg_catalog.row_to_json(autogen_row)::text, " + strconv.Itoa(exampleLength) + ") FROM " + QualifiedName(schema, table) + " AS autogen_row LIMIT 1",
	}
}

// Probes: a row of the table.
func (o DropTable) Probes() []Probe { return []Probe{rowsProbe(o.Schema, o.Name)} }

// valuesProbe finds a non-NULL value of a column, in the table's own rows
// alone when only is set, and leaving out the rows of the descendants
// listed in except. The query reads the table until it finds one, all of
// it when every value is NULL.
func valuesProbe(schema, table, column string, only bool, except []Name) Probe {
	col := QuoteIdent(column)
	from := " FROM "
	if only {
		from = " FROM ONLY "
	}
	where := col + " IS NOT NULL"
	if len(except) > 0 {
		oids := make([]string, len(except))
		for i, n := range except {
			oids[i] = QuoteLiteral(QualifiedName(n.Schema, n.Name)) + "::pg_catalog.regclass"
		}
		where += " AND tableoid NOT IN (" + strings.Join(oids, ", ") + ")"
	}
	return Probe{
		Table:  Name{schema, table},
		Column: column,
		What:   "values of " + table + "." + column,
		SQL: "SELECT pg_catalog.left(" + col + "::text, " + strconv.Itoa(exampleLength) + ")" + from + QualifiedName(schema, table) +
			" WHERE " + where + " LIMIT 1",
		Scans: true,
	}
}

// Probes: a non-NULL value of the column, in the rows of the table and of
// its descendants but those that keep the column.
func (o DropColumn) Probes() []Probe {
	return []Probe{valuesProbe(o.Schema, o.Table, o.Column, false, o.Keep)}
}

// Probes: a non-NULL value of each column whose values the table created
// again has no column for, among the table's own rows (each table of a
// tree partitioned anew sets its own aside).
func (o StashRows) Probes() []Probe {
	var out []Probe
	for _, c := range o.Lost {
		out = append(out, valuesProbe(o.Schema, o.Table, c, true, nil))
	}
	return out
}

// Probes: a value the type change would alter, when it can alter values.
func (o AlterColumn) Probes() []Probe {
	if o.Type == "" {
		return nil
	}
	out := o.typeProbes()
	for _, a := range o.Attributes {
		out = append(out, a.probes(o.Schema, o.Table, o.Column)...)
	}
	for _, a := range o.DropsAttributes {
		p := attributeProbe(o.Schema, o.Table, o.Column, a)
		p.Hazard = o.dropsAttributesMessage()
		out = append(out, p)
	}
	return out
}

// attributeProbe finds a non-NULL value of an attribute of a column's
// composite values, reading the table until it finds one.
func attributeProbe(schema, table, column, attr string) Probe {
	v := AttributeValue(column, attr)
	return Probe{
		Table:  Name{schema, table},
		Column: column,
		What:   "values of attribute " + attr + " of " + table + "." + column,
		SQL: "SELECT pg_catalog.left(" + v + "::text, " + strconv.Itoa(exampleLength) + ") FROM " + QualifiedName(schema, table) +
			" WHERE " + v + " IS NOT NULL LIMIT 1",
		Scans: true,
	}
}

// tablesProbe finds a row in any of the tables the query rel selects
// (columns nspname and relname), reading each with query_to_xml so that
// one query looks into tables it learns of as it runs.
func tablesProbe(what, rel string) Probe {
	return Probe{
		What: what,
		SQL: "SELECT pg_catalog.format('a row of %I.%I', nspname, relname) FROM (" + rel + ") AS autogen_tables" +
			" WHERE pg_catalog.query_to_xml(pg_catalog.format('SELECT 1 AS found FROM %I.%I LIMIT 1', nspname, relname), false, true, '')::text <> '' LIMIT 1",
	}
}

// Probes: a row of the user's in one of the extension's configuration
// tables, the only data an extension owns. An extension registers with
// each table the condition that picks the rows that are not its own (the
// ones pg_dump dumps): PostGIS fills spatial_ref_sys with thousands of
// rows, which its reinstallation brings back, and only a spatial reference
// system a user added is data to lose.
func (o DropExtension) Probes() []Probe {
	return []Probe{{
		What: "rows of the configuration tables of extension " + o.Name,
		SQL: "SELECT pg_catalog.format('a row of %I.%I', n.nspname, c.relname) " +
			"FROM pg_catalog.pg_extension e CROSS JOIN LATERAL unnest(e.extconfig, e.extcondition) AS x(rel, cond) " +
			"JOIN pg_catalog.pg_class c ON c.oid = x.rel JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace " +
			"WHERE e.extname = " + QuoteLiteral(o.Name) + " AND c.relkind IN ('r', 'p') " +
			"AND pg_catalog.query_to_xml(pg_catalog.format('SELECT 1 AS found FROM %I.%I %s LIMIT 1', n.nspname, c.relname, " +
			"coalesce(x.cond, '')), false, true, '')::text <> '' LIMIT 1",
	}}
}

// Probes: with Cascade, a row in one of the schema's tables.
func (o DropSchema) Probes() []Probe {
	if !o.Cascade {
		return nil
	}
	return []Probe{tablesProbe("rows of the tables of schema "+o.Name,
		"SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "+
			"WHERE n.nspname = "+QuoteLiteral(o.Name)+" AND c.relkind IN ('r', 'm')")}
}

// Probes: a column holding a value of the type, where dropping an
// attribute loses part of each value. The type may be held directly, as an
// array or a domain, or inside another composite type (a table's row type
// included); for each column of such a type in a table or materialized
// view, the query asks for a non-NULL value through query_to_xml, which
// runs a query the probe composes, so that one statement can look into
// every such column. A type no column uses has nothing to lose.
func (o AlterComposite) Probes() []Probe {
	if len(o.Drop) == 0 {
		return nil
	}
	typ := QualifiedName(o.Schema, o.Name)
	return []Probe{{
		What: "values of type " + typ,
		SQL: "WITH RECURSIVE autogen_types(oid) AS (SELECT " + QuoteLiteral(typ) + "::regtype::oid UNION " +
			"SELECT x.oid FROM autogen_types t JOIN pg_catalog.pg_type x ON x.typelem = t.oid OR x.typbasetype = t.oid " +
			"OR (x.typtype = 'c' AND EXISTS (SELECT FROM pg_catalog.pg_attribute a WHERE a.attrelid = x.typrelid AND a.atttypid = t.oid AND NOT a.attisdropped))) " +
			"SELECT pg_catalog.format(" + QuoteLiteral("%s.%I holds values of "+strings.ReplaceAll(typ, "%", "%%")) + ", a.attrelid::regclass, a.attname) " +
			"FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid " +
			"WHERE c.relkind IN ('r', 'p', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid IN (SELECT oid FROM autogen_types) " +
			"AND pg_catalog.query_to_xml(pg_catalog.format('SELECT 1 FROM %s WHERE %I IS NOT NULL LIMIT 1', a.attrelid::regclass, a.attname), false, true, '')::text <> '' LIMIT 1",
		Scans: true,
	}}
}
