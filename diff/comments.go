package diff

import "github.com/autogen-dev/autogen/model"

// comments emits a SetComment for every object of the target whose comment
// differs from the current one. Objects created in this change set start
// without a comment, so theirs is set here too; creation changes never
// carry comments.
func (d *differ) comments() {
	created := map[Object]bool{}
	mark := func(o Object) { created[o] = true }
	for _, c := range d.out {
		switch c := c.(type) {
		case CreateSchema:
			mark(Object{Kind: "SCHEMA", Name: c.Schema.Name})
		case CreateExtension:
			mark(Object{Kind: "EXTENSION", Name: c.Extension.Name})
		case CreateCollation:
			mark(objName("COLLATION", c.Collation.Name))
		case CreateEnum:
			mark(objName("TYPE", c.Enum.Name))
		case RecreateEnum:
			mark(objName("TYPE", c.To.Name))
		case CreateDomain:
			mark(objName("DOMAIN", c.Domain.Name))
		case CreateComposite:
			mark(objName("TYPE", c.Composite.Name))
		case CreateSequence:
			mark(objName("SEQUENCE", c.Sequence.Name))
		case CreateFunction:
			if !c.Replace {
				mark(funcObject(c.Function))
			}
		case CreateTable:
			mark(objName("TABLE", c.Table.Name))
			for _, col := range c.Table.Columns {
				mark(columnObject(c.Table.Name, col.Name))
			}
			for _, con := range c.Table.Constraints {
				mark(tableObject("CONSTRAINT", c.Table.Name, con.Name))
			}
		case AddColumn:
			mark(columnObject(c.Table, c.Column.Name))
		case AddConstraint:
			mark(tableObject("CONSTRAINT", c.Table, c.Constraint.Name))
		case CreateIndex:
			mark(objName("INDEX", c.Index.QualifiedName()))
		case CreateView:
			mark(objName(viewKeyword(c.View), c.View.Name))
		case CreateTrigger:
			mark(tableObject("TRIGGER", c.Trigger.Table, c.Trigger.Name))
		case CreatePolicy:
			mark(tableObject("POLICY", c.Table, c.Policy.Name))
		}
	}
	set := func(o Object, from, to string) {
		if created[o] {
			from = ""
		}
		if from != to {
			d.add(SetComment{Object: o, From: from, To: to})
		}
	}
	for _, s := range d.to.Schemas {
		set(Object{Kind: "SCHEMA", Name: s.Name}, commentIn(d.from.Schemas, func(f *model.Schema) (bool, string) { return f.Name == s.Name, f.Comment }), s.Comment)
	}
	for _, e := range d.to.Extensions {
		set(Object{Kind: "EXTENSION", Name: e.Name}, commentIn(d.from.Extensions, func(f *model.Extension) (bool, string) { return f.Name == e.Name, f.Comment }), e.Comment)
	}
	for _, c := range d.to.Collations {
		set(objName("COLLATION", c.Name), commentIn(d.from.Collations, func(f *model.Collation) (bool, string) { return f.Name == c.Name, f.Comment }), c.Comment)
	}
	for _, e := range d.to.Enums {
		set(objName("TYPE", e.Name), commentIn(d.from.Enums, func(f *model.Enum) (bool, string) { return f.Name == e.Name, f.Comment }), e.Comment)
	}
	for _, t := range d.to.Domains {
		set(objName("DOMAIN", t.Name), commentIn(d.from.Domains, func(f *model.Domain) (bool, string) { return f.Name == t.Name, f.Comment }), t.Comment)
	}
	for _, t := range d.to.Composites {
		set(objName("TYPE", t.Name), commentIn(d.from.Composites, func(f *model.Composite) (bool, string) { return f.Name == t.Name, f.Comment }), t.Comment)
	}
	for _, s := range d.to.Sequences {
		set(objName("SEQUENCE", s.Name), commentIn(d.from.Sequences, func(f *model.Sequence) (bool, string) { return f.Name == s.Name, f.Comment }), s.Comment)
	}
	for _, fn := range d.to.Functions {
		set(funcObject(fn), commentIn(d.from.Functions, func(f *model.Function) (bool, string) { return f.Signature() == fn.Signature(), f.Comment }), fn.Comment)
	}
	for _, t := range d.to.Tables {
		f := d.from.Table(t.Name)
		from := func(get func(*model.Table) string) string {
			if f == nil {
				return ""
			}
			return get(f)
		}
		set(objName("TABLE", t.Name), from(func(f *model.Table) string { return f.Comment }), t.Comment)
		for _, c := range t.Columns {
			set(columnObject(t.Name, c.Name), from(func(f *model.Table) string {
				if fc := f.Column(c.Name); fc != nil {
					return fc.Comment
				}
				return ""
			}), c.Comment)
		}
		for _, c := range t.Constraints {
			set(tableObject("CONSTRAINT", t.Name, c.Name), from(func(f *model.Table) string {
				if fc := f.Constraint(c.Name); fc != nil {
					return fc.Comment
				}
				return ""
			}), c.Comment)
		}
		for _, p := range t.Policies {
			set(tableObject("POLICY", t.Name, p.Name), from(func(f *model.Table) string {
				for _, fp := range f.Policies {
					if fp.Name == p.Name {
						return fp.Comment
					}
				}
				return ""
			}), p.Comment)
		}
	}
	for _, ix := range d.to.Indexes {
		set(objName("INDEX", ix.QualifiedName()), commentIn(d.from.Indexes, func(f *model.Index) (bool, string) {
			return f.Schema == ix.Schema && f.Name == ix.Name, f.Comment
		}), ix.Comment)
	}
	for _, v := range d.to.Views {
		set(objName(viewKeyword(v), v.Name), commentIn(d.from.Views, func(f *model.View) (bool, string) { return f.Name == v.Name, f.Comment }), v.Comment)
	}
	for _, t := range d.to.Triggers {
		set(tableObject("TRIGGER", t.Table, t.Name), commentIn(d.from.Triggers, func(f *model.Trigger) (bool, string) {
			return f.Table == t.Table && f.Name == t.Name, f.Comment
		}), t.Comment)
	}
}

// commentIn returns the comment of the object of list that match selects,
// or "" when there is none.
func commentIn[T any](list []*T, match func(*T) (bool, string)) string {
	for _, x := range list {
		if ok, c := match(x); ok {
			return c
		}
	}
	return ""
}

func objName(kind string, n model.Name) Object {
	return Object{Kind: kind, Schema: n.Schema, Name: n.Name}
}

func tableObject(kind string, table model.Name, name string) Object {
	return Object{Kind: kind, Schema: table.Schema, Table: table.Name, Name: name}
}

func columnObject(table model.Name, column string) Object {
	return tableObject("COLUMN", table, column)
}

func funcObject(f *model.Function) Object {
	kind := "FUNCTION"
	if f.Procedure {
		kind = "PROCEDURE"
	}
	return Object{Kind: kind, Schema: f.Name.Schema, Name: f.Name.Name, Args: f.IdentityArgs()}
}

func viewKeyword(v *model.View) string {
	if v.Materialized {
		return "MATERIALIZED VIEW"
	}
	return "VIEW"
}
