package settle

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/plan"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/introspect"
	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// collector pairs the objects of the two catalogs and writes a probe for
// each object whose expressions differ.
type collector struct {
	rels     *relations
	probes   []*probe
	compared int
}

// collect returns the probes for every disputed expression of desired, and
// the number of expressions compared.
func collect(current, desired *model.Catalog) ([]*probe, int) {
	c := &collector{rels: newRelations(desired)}
	// Pairs are found through maps: a lookup by scan per object would
	// make the pass quadratic in the schema's size.
	tables := make(map[model.Name]*model.Table, len(current.Tables))
	for _, t := range current.Tables {
		tables[t.Name] = t
	}
	for _, dt := range desired.Tables {
		if ct := tables[dt.Name]; ct != nil {
			c.table(ct, dt)
		}
	}
	indexes := map[model.Name]*model.Index{}
	for _, ix := range current.Indexes {
		indexes[ix.QualifiedName()] = ix
	}
	for _, dix := range desired.Indexes {
		if cix := indexes[dix.QualifiedName()]; cix != nil && cix.Table == dix.Table {
			c.index(cix, dix)
		}
	}
	views := make(map[model.Name]*model.View, len(current.Views))
	for _, v := range current.Views {
		views[v.Name] = v
	}
	for _, dv := range desired.Views {
		if cv := views[dv.Name]; cv != nil && cv.Materialized == dv.Materialized {
			if c.differ(&cv.Query, &dv.Query) {
				c.view(cv, dv)
			}
		}
	}
	triggers := map[[2]string]*model.Trigger{}
	for _, tr := range current.Triggers {
		triggers[[2]string{tr.Table.String(), tr.Name}] = tr
	}
	for _, dtr := range desired.Triggers {
		if ctr := triggers[[2]string{dtr.Table.String(), dtr.Name}]; ctr != nil && c.differ(&ctr.Definition, &dtr.Definition) {
			c.trigger(ctr, dtr)
		}
	}
	domains := map[model.Name]*model.Domain{}
	for _, d := range current.Domains {
		domains[d.Name] = d
	}
	for _, dd := range desired.Domains {
		if cd := domains[dd.Name]; cd != nil {
			c.domain(cd, dd)
		}
	}
	functions := map[string]*model.Function{}
	for _, f := range current.Functions {
		functions[f.Signature()] = f
	}
	for _, df := range desired.Functions {
		if cf := functions[df.Signature()]; cf != nil && standardBody(df) && standardBody(cf) && c.differ(&cf.Body, &df.Body) {
			c.function(cf, df)
		}
	}
	return c.probes, c.compared
}

// differ counts a pair of expressions and reports whether their canonical
// forms differ. An expression on one side only is a real difference, not a
// dispute.
func (c *collector) differ(cur, des *model.Expr) bool {
	if cur == nil || des == nil {
		return false
	}
	c.compared++
	return cur.Canon != des.Canon
}

func (c *collector) newProbe() *probe {
	p := &probe{env: newEnv(c.rels)}
	c.probes = append(c.probes, p)
	return p
}

// add appends a target to the probe.
func (p *probe) add(kind, object string, cur, des *model.Expr, output string,
	read func(text string, p *probe) (*model.Expr, error)) {
	p.targets = append(p.targets, &target{
		item:   &Item{Kind: kind, Object: object, Desired: des.Canon, Current: cur.Canon},
		output: output, read: read, set: func(canon string) { des.Canon = canon },
	})
}

// fail records why the probe cannot be written; its targets stay
// Unchecked.
func (p *probe) fail(err error) {
	if p.err == nil && err != nil {
		p.err = err
	}
}

// readExpr reads an expression the way introspect reads defaults, checks,
// index keys and predicates: with introspect's namespace.
func readExpr(typ string) func(string, *probe) (*model.Expr, error) {
	return func(text string, p *probe) (*model.Expr, error) {
		return introspect.ReadExpr(&sqlnorm.Namespace{}, text, typ)
	}
}

// readShadowedExpr reads an expression that may name shadowed relations
// (a policy's sublinks).
func readShadowedExpr(text string, p *probe) (*model.Expr, error) {
	return introspect.ReadExpr(p.env.namespace(p.columns), text, "")
}

// qualified returns a copy of an expression without the user's text, so
// that the operations built from it write the qualified SQL: a probe runs
// with an empty search_path, where only qualified names resolve.
func qualified(e *model.Expr) *model.Expr {
	if e == nil {
		return nil
	}
	c := *e
	c.Source, c.Find = "", nil
	return &c
}

// qualifiedIndex returns a copy of an index whose expressions have no
// user's text (see qualified).
func qualifiedIndex(ix *model.Index) *model.Index {
	c := *ix
	c.Where = qualified(ix.Where)
	c.Keys = append([]model.IndexKey(nil), ix.Keys...)
	for i := range c.Keys {
		c.Keys[i].Expr = qualified(c.Keys[i].Expr)
	}
	return &c
}

// qualifiedConstraint returns a copy of a constraint whose expressions
// have no user's text (see qualified).
func qualifiedConstraint(con *model.Constraint) *model.Constraint {
	c := *con
	c.Expr, c.Where = qualified(con.Expr), qualified(con.Where)
	c.Elements = append([]model.ExclusionElement(nil), con.Elements...)
	for i := range c.Elements {
		c.Elements[i].Key.Expr = qualified(c.Elements[i].Key.Expr)
	}
	return &c
}

// temp names an object's stand-in in pg_temp.
func temp(name string) string { return pgsql.QualifiedName("pg_temp", name) }

// regclass is the oid of a temporary relation, as an SQL expression.
func regclass(name string) string {
	return pgsql.QuoteLiteral(temp(name)) + "::pg_catalog.regclass"
}

func (c *collector) table(ct, dt *model.Table) {
	for _, dc := range dt.Columns {
		cc := ct.Column(dc.Name)
		if cc == nil {
			continue
		}
		if c.differ(cc.Default, dc.Default) {
			c.column(dt, dc, "default", cc.Default, dc.Default, "DEFAULT ("+dc.Default.SQL+")")
		}
		if c.differ(cc.Generated, dc.Generated) {
			c.column(dt, dc, "generated", cc.Generated, dc.Generated, "GENERATED ALWAYS AS ("+dc.Generated.SQL+") STORED")
		}
	}
	for _, dcon := range dt.Constraints {
		ccon := ct.Constraint(dcon.Name)
		if ccon == nil || ccon.Kind != dcon.Kind {
			continue
		}
		switch dcon.Kind {
		case model.Check:
			if c.differ(ccon.Expr, dcon.Expr) {
				c.check(dt, ccon, dcon)
			}
		case model.Exclusion:
			c.exclusion(dt, ccon, dcon)
		}
	}
	for _, dp := range dt.Policies {
		for _, cp := range ct.Policies {
			if cp.Name == dp.Name {
				c.policy(dt, cp, dp)
			}
		}
	}
}

// column probes a default or a generation expression: the column is added
// to the table's shadow with it.
func (c *collector) column(t *model.Table, col *model.Column, kind string, cur, des *model.Expr, clause string) {
	p := c.newProbe()
	p.fail(p.env.table(t.Name, col.Name))
	def := pgsql.QuoteIdent(col.Name) + " " + col.Type
	if col.Collation != "" {
		def += " COLLATE " + col.Collation
	}
	p.setup = append(p.setup, "ALTER TABLE "+temp(t.Name.Name)+" ADD COLUMN "+def+" "+clause)
	out := `(SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid) FROM pg_catalog.pg_attrdef d
	JOIN pg_catalog.pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
	WHERE d.adrelid = ` + regclass(t.Name.Name) + ` AND a.attname = ` + pgsql.QuoteLiteral(col.Name) + `)`
	p.add(kind, fmt.Sprintf("column %s.%s", t.Name, col.Name), cur, des, out, readExpr(col.Type))
}

// constraintOutput prints an expression of a constraint of a shadow.
func constraintOutput(table, name, expr string) string {
	return `(SELECT ` + expr + ` FROM pg_catalog.pg_constraint c WHERE c.conrelid = ` + regclass(table) +
		` AND c.conname = ` + pgsql.QuoteLiteral(name) + `)`
}

func (c *collector) check(t *model.Table, cur, des *model.Constraint) {
	p := c.newProbe()
	p.fail(p.env.table(t.Name, ""))
	p.setup = append(p.setup, "ALTER TABLE "+temp(t.Name.Name)+" ADD CONSTRAINT "+pgsql.QuoteIdent(des.Name)+
		" CHECK ("+des.Expr.SQL+") NOT VALID")
	p.add("check", fmt.Sprintf("constraint %s on %s", des.Name, t.Name), cur.Expr, des.Expr,
		constraintOutput(t.Name.Name, des.Name, "pg_catalog.pg_get_expr(c.conbin, c.conrelid)"), readExpr(""))
}

func (c *collector) exclusion(t *model.Table, cur, des *model.Constraint) {
	var p *probe
	start := func() {
		if p != nil {
			return
		}
		p = c.newProbe()
		p.fail(p.env.table(t.Name, ""))
		con := plan.ConstraintOp(qualifiedConstraint(des))
		stmts, err := op.AddConstraint{Schema: "pg_temp", Table: t.Name.Name, Constraint: con}.Statements()
		p.fail(err)
		if err == nil {
			p.setup = append(p.setup, stmts[0])
		}
	}
	object := fmt.Sprintf("constraint %s on %s", des.Name, t.Name)
	index := constraintOutput(t.Name.Name, des.Name, "c.conindid")
	for i, de := range des.Elements {
		if i >= len(cur.Elements) {
			break
		}
		if c.differ(cur.Elements[i].Key.Expr, de.Key.Expr) {
			start()
			out := fmt.Sprintf("pg_catalog.pg_get_indexdef(%s, %d, false)", index, i+1)
			p.add("exclusion element", object, cur.Elements[i].Key.Expr, de.Key.Expr, out, readExpr(sqlnorm.KeyType))
		}
	}
	if c.differ(cur.Where, des.Where) {
		start()
		out := `(SELECT pg_catalog.pg_get_expr(i.indpred, i.indrelid) FROM pg_catalog.pg_index i WHERE i.indexrelid = ` + index + `)`
		p.add("exclusion predicate", object, cur.Where, des.Where, out, readExpr(""))
	}
}

func (c *collector) index(cur, des *model.Index) {
	var p *probe
	start := func() {
		if p != nil {
			return
		}
		p = c.newProbe()
		p.fail(p.env.relation(des.Table))
		ci := plan.IndexOp(qualifiedIndex(des))
		ci.Schema = "pg_temp"
		stmts, err := ci.Statements()
		p.fail(err)
		if err == nil {
			p.setup = append(p.setup, stmts[0])
		}
	}
	object := fmt.Sprintf("index %s", des.QualifiedName())
	for i, dk := range des.Keys {
		if i >= len(cur.Keys) {
			break
		}
		if c.differ(cur.Keys[i].Expr, dk.Expr) {
			start()
			out := fmt.Sprintf("pg_catalog.pg_get_indexdef(%s, %d, false)", regclass(des.Name), i+1)
			p.add("index key", object, cur.Keys[i].Expr, dk.Expr, out, readExpr(sqlnorm.KeyType))
		}
	}
	if c.differ(cur.Where, des.Where) {
		start()
		out := `(SELECT pg_catalog.pg_get_expr(i.indpred, i.indrelid) FROM pg_catalog.pg_index i WHERE i.indexrelid = ` +
			regclass(des.Name) + `)`
		p.add("index predicate", object, cur.Where, des.Where, out, readExpr(""))
	}
}

func (c *collector) view(cur, des *model.View) {
	p := c.newProbe()
	p.fail(p.env.view(des.Name))
	kind := "view"
	if des.Materialized {
		// A materialized view cannot be temporary; a view with its query
		// prints the query alike.
		kind = "materialized view"
	}
	out := "pg_catalog.pg_get_viewdef(" + regclass(des.Name.Name) + ")"
	p.add("view query", kind+" "+des.Name.String(), &cur.Query, &des.Query, out, func(text string, p *probe) (*model.Expr, error) {
		q, err := introspect.ReadViewQuery(p.env.namespace(p.columns), text)
		if err != nil {
			return nil, err
		}
		return &q.Expr, nil
	})
}

func (c *collector) policy(t *model.Table, cur, des *model.Policy) {
	using, check := c.differ(cur.Using, des.Using), c.differ(cur.WithCheck, des.WithCheck)
	if !using && !check {
		return
	}
	p := c.newProbe()
	p.fail(p.env.table(t.Name, ""))
	qp := *des
	qp.Using, qp.WithCheck = qualified(des.Using), qualified(des.WithCheck)
	cp := plan.PolicyOp(t.Name, &qp)
	cp.Schema, cp.Roles, cp.Comment = "pg_temp", nil, ""
	var err error
	if cp.Using != "" {
		cp.Using, err = p.env.retarget(cp.Using, false)
		p.fail(err)
	}
	if cp.WithCheck != "" {
		cp.WithCheck, err = p.env.retarget(cp.WithCheck, false)
		p.fail(err)
	}
	stmts, err := cp.Statements()
	p.fail(err)
	if err == nil {
		p.setup = append(p.setup, stmts[0])
	}
	object := fmt.Sprintf("policy %s on %s", des.Name, t.Name)
	output := func(col string) string {
		return `(SELECT pg_catalog.pg_get_expr(p.` + col + `, p.polrelid) FROM pg_catalog.pg_policy p WHERE p.polrelid = ` +
			regclass(t.Name.Name) + ` AND p.polname = ` + pgsql.QuoteLiteral(des.Name) + `)`
	}
	if using {
		p.add("policy USING", object, cur.Using, des.Using, output("polqual"), readShadowedExpr)
	}
	if check {
		p.add("policy WITH CHECK", object, cur.WithCheck, des.WithCheck, output("polwithcheck"), readShadowedExpr)
	}
}

func (c *collector) trigger(cur, des *model.Trigger) {
	p := c.newProbe()
	if c.rels.views[des.Table] != nil {
		p.fail(p.env.view(des.Table))
	} else {
		p.fail(p.env.table(des.Table, ""))
	}
	stmt, err := p.retargetTrigger(des)
	p.fail(err)
	p.setup = append(p.setup, stmt)
	out := `(SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t WHERE t.tgrelid = ` +
		regclass(des.Table.Name) + ` AND t.tgname = ` + pgsql.QuoteLiteral(des.Name) + `)`
	p.add("trigger", fmt.Sprintf("trigger %s on %s", des.Name, des.Table), &cur.Definition, &des.Definition, out,
		func(text string, p *probe) (*model.Expr, error) {
			e, err := introspect.ReadTrigger(p.env.namespace(p.columns), text, des.Table, des.Function)
			return &e, err
		})
}

// retargetTrigger rewrites a trigger's definition onto the shadow of its
// table (and of the table a constraint trigger references).
func (p *probe) retargetTrigger(tr *model.Trigger) (string, error) {
	stmt, err := sqlnorm.ParseTrigger(tr.Definition.SQL)
	if err != nil {
		return "", err
	}
	stmt.Relation = &pg.RangeVar{Schemaname: "pg_temp", Relname: tr.Table.Name, Inh: true, Relpersistence: "p", Location: -1}
	if rv := stmt.Constrrel; rv != nil && rv.Schemaname != "" {
		if err := p.env.relation(model.Name{Schema: rv.Schemaname, Name: rv.Relname}); err != nil {
			return "", err
		}
		rv.Schemaname = "pg_temp"
	}
	tree := &pg.ParseResult{Stmts: []*pg.RawStmt{{Stmt: &pg.Node{Node: &pg.Node_CreateTrigStmt{CreateTrigStmt: stmt}}}}}
	return deparse(tree, true)
}

func (c *collector) domain(cur, des *model.Domain) {
	var p *probe
	start := func() {
		if p != nil {
			return
		}
		p = c.newProbe()
		qd := *des
		qd.Default = qualified(des.Default)
		qd.Checks = nil
		for _, c := range des.Checks {
			qc := *c
			qc.Expr = *qualified(&c.Expr)
			qd.Checks = append(qd.Checks, &qc)
		}
		cd := plan.DomainOp(&qd)
		cd.Schema = "pg_temp"
		stmts, err := cd.Statements()
		p.fail(err)
		p.setup = append(p.setup, stmts...)
	}
	regtype := pgsql.QuoteLiteral(temp(des.Name.Name)) + "::pg_catalog.regtype"
	object := "domain " + des.Name.String()
	if c.differ(cur.Default, des.Default) {
		start()
		out := `(SELECT pg_catalog.pg_get_expr(t.typdefaultbin, 0) FROM pg_catalog.pg_type t WHERE t.oid = ` + regtype + `)`
		p.add("domain default", object, cur.Default, des.Default, out, readExpr(des.Type))
	}
	for _, dc := range des.Checks {
		for _, cc := range cur.Checks {
			if cc.Name == dc.Name && c.differ(&cc.Expr, &dc.Expr) {
				start()
				out := `(SELECT pg_catalog.pg_get_expr(c.conbin, 0) FROM pg_catalog.pg_constraint c WHERE c.contypid = ` +
					regtype + ` AND c.conname = ` + pgsql.QuoteLiteral(dc.Name) + `)`
				p.add("domain check", fmt.Sprintf("constraint %s on %s", dc.Name, object), &cc.Expr, &dc.Expr, out, readExpr(""))
			}
		}
	}
}

// standardBody reports whether a function has a SQL-standard body (RETURN
// or BEGIN ATOMIC), which the readers parse; other bodies are text that
// PostgreSQL keeps as written.
func standardBody(f *model.Function) bool {
	return plan.FunctionOp(f).StandardBody
}

func (c *collector) function(cur, des *model.Function) {
	p := c.newProbe()
	qf := *des
	qf.Args = append([]model.FuncArg(nil), des.Args...)
	for i := range qf.Args {
		qf.Args[i].Default = qualified(qf.Args[i].Default)
	}
	cf := plan.FunctionOp(&qf)
	cf.Schema, cf.Comment = "pg_temp", ""
	stmts, err := cf.Statements()
	p.fail(err)
	if err == nil {
		stmt, err := p.env.retarget(stmts[0], true)
		p.fail(err)
		p.setup = append(p.setup, stmt)
	}
	out := `(SELECT pg_catalog.pg_get_function_sqlbody(f.oid) FROM pg_catalog.pg_proc f
	WHERE f.pronamespace = pg_catalog.pg_my_temp_schema() AND f.proname = ` + pgsql.QuoteLiteral(des.Name.Name) + `)`
	p.add("function body", "function "+des.Signature(), &cur.Body, &des.Body, out, func(text string, p *probe) (*model.Expr, error) {
		e, err := introspect.ReadSQLBody(p.env.namespace(p.columns), des, text)
		return &e, err
	})
}
