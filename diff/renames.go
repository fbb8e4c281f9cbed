package diff

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// Renames lists confirmed renames, by the names the objects have in the
// current (from) schema. Diff emits a RENAME for each instead of a drop and
// an add, so the data stays.
type Renames struct {
	// Tables maps a table to its new name (in the same schema).
	Tables map[model.Name]string
	// Columns maps a table (by its new name) to its column renames, from
	// the old column name to the new one.
	Columns map[model.Name]map[string]string
	// Indexes maps an index (its schema and old name) to its new name.
	Indexes map[model.Name]string
	// Constraints maps a table (by its new name) to its constraint
	// renames, from the old constraint name to the new one.
	Constraints map[model.Name]map[string]string
	// Enums maps an enum type to its new name (in the same schema).
	Enums map[model.Name]string
	// EnumValues maps an enum type (by its new name) to its value renames,
	// from the old value to the new one.
	EnumValues map[model.Name]map[string]string
}

// Empty reports whether no rename is listed.
func (r Renames) Empty() bool {
	n := len(r.Tables) + len(r.Indexes) + len(r.Enums)
	for _, m := range []map[model.Name]map[string]string{r.Columns, r.Constraints, r.EnumValues} {
		for _, inner := range m {
			n += len(inner)
		}
	}
	return n == 0
}

// applyRenames emits the confirmed renames and rewrites a copy of the
// current catalog as if they had happened: the renamed objects and every
// reference to them (column types, foreign keys, index keys, sequence
// owners, expressions) take the new names, so the rest of the comparison
// sees matching objects. A serial sequence named after a renamed table or
// column follows it when the target schema names it after the new one. The
// caller's catalog is not modified.
func (d *differ) applyRenames() error {
	r := d.renames
	if r.Empty() {
		return nil
	}
	from := deepCopy(d.from)
	rw := rewriter{cat: from}

	for _, old := range sortedKeys(r.Enums) {
		to := model.Name{Schema: old.Schema, Name: r.Enums[old]}
		e := from.Enum(old)
		switch {
		case e == nil:
			return fmt.Errorf("diff: rename of enum %s: no such enum in the current schema", old)
		case d.to.Enum(to) == nil:
			return fmt.Errorf("diff: rename of enum %s to %s: no such enum in the target schema", old, to.Name)
		case from.Enum(to) != nil:
			return fmt.Errorf("diff: rename of enum %s to %s: the current schema has an enum of that name", old, to.Name)
		}
		d.add(RenameEnum{From: old, To: to})
		e.Name = to
		rw.retype(old, to)
	}
	for _, enum := range sortedKeys(r.EnumValues) {
		e, te := from.Enum(enum), d.to.Enum(enum)
		if e == nil || te == nil {
			return fmt.Errorf("diff: rename of values of enum %s: no such enum in both schemas", enum)
		}
		vals := r.EnumValues[enum]
		for _, old := range sortedKeys(vals) {
			nv := vals[old]
			i := slices.Index(e.Values, old)
			switch {
			case i < 0:
				return fmt.Errorf("diff: rename of value %q of enum %s: no such value", old, enum)
			case !slices.Contains(te.Values, nv):
				return fmt.Errorf("diff: rename of value %q of enum %s to %q: the target enum has no such value", old, enum, nv)
			case slices.Contains(e.Values, nv):
				return fmt.Errorf("diff: rename of value %q of enum %s to %q: the enum has that value already", old, enum, nv)
			}
			d.add(RenameEnumValue{Enum: enum, From: old, To: nv})
			e.Values[i] = nv
			rw.enumValue(enum, old, nv)
		}
	}
	for _, old := range sortedKeys(r.Tables) {
		to := model.Name{Schema: old.Schema, Name: r.Tables[old]}
		t := from.Table(old)
		switch {
		case t == nil:
			return fmt.Errorf("diff: rename of table %s: no such table in the current schema", old)
		case d.to.Table(to) == nil:
			return fmt.Errorf("diff: rename of table %s to %s: no such table in the target schema", old, to.Name)
		case from.Table(to) != nil:
			return fmt.Errorf("diff: rename of table %s to %s: the current schema has a table of that name", old, to.Name)
		}
		d.add(RenameTable{From: old, To: to})
		t.Name = to
		rw.retable(old, to)
	}
	for _, table := range sortedKeys(r.Columns) {
		t, tt := from.Table(table), d.to.Table(table)
		if t == nil || tt == nil {
			return fmt.Errorf("diff: rename of columns of %s: no such table in both schemas", table)
		}
		cols := r.Columns[table]
		for _, old := range sortedKeys(cols) {
			nc := cols[old]
			c := t.Column(old)
			switch {
			case c == nil:
				return fmt.Errorf("diff: rename of column %s.%s: no such column", table, old)
			case tt.Column(nc) == nil:
				return fmt.Errorf("diff: rename of column %s.%s to %s: no such column in the target schema", table, old, nc)
			case t.Column(nc) != nil:
				return fmt.Errorf("diff: rename of column %s.%s to %s: the table has a column of that name", table, old, nc)
			}
			d.add(RenameColumn{Table: table, From: old, To: nc})
			c.Name = nc
			rw.recolumn(table, old, nc)
		}
	}
	d.followSequences(from, &rw)
	for _, table := range sortedKeys(r.Constraints) {
		t, tt := from.Table(table), d.to.Table(table)
		if t == nil || tt == nil {
			return fmt.Errorf("diff: rename of constraints of %s: no such table in both schemas", table)
		}
		cons := r.Constraints[table]
		for _, old := range sortedKeys(cons) {
			nc := cons[old]
			c := t.Constraint(old)
			switch {
			case c == nil:
				return fmt.Errorf("diff: rename of constraint %s on %s: no such constraint", old, table)
			case tt.Constraint(nc) == nil:
				return fmt.Errorf("diff: rename of constraint %s on %s to %s: no such constraint in the target schema", old, table, nc)
			case t.Constraint(nc) != nil:
				return fmt.Errorf("diff: rename of constraint %s on %s to %s: the table has a constraint of that name", old, table, nc)
			}
			d.add(RenameConstraint{Table: table, From: old, To: nc})
			c.Name = nc
		}
	}
	for _, old := range sortedKeys(r.Indexes) {
		nn := r.Indexes[old]
		ix, ti := findIndex(from, old), findIndex(d.to, model.Name{Schema: old.Schema, Name: nn})
		switch {
		case ix == nil:
			return fmt.Errorf("diff: rename of index %s: no such index in the current schema", old)
		case ti == nil:
			return fmt.Errorf("diff: rename of index %s to %s: no such index in the target schema", old, nn)
		case findIndex(from, ti.QualifiedName()) != nil:
			return fmt.Errorf("diff: rename of index %s to %s: the current schema has an index of that name", old, nn)
		}
		d.add(RenameIndex{Index: ti, From: old.Name, To: nn})
		ix.Name = nn
	}
	d.from = from
	return nil
}

// followSequences renames the sequences owned by renamed tables and
// columns when the target schema has no sequence of the old name but one of
// a new name owned by the same column, as a serial column's sequence
// (users_id_seq becoming members_id_seq). Dropping and creating it instead
// would restart the column's numbering and collide with existing keys.
func (d *differ) followSequences(from *model.Catalog, rw *rewriter) {
	renamedTable := map[model.Name]bool{}
	for old, n := range d.renames.Tables {
		renamedTable[model.Name{Schema: old.Schema, Name: n}] = true
	}
	for _, s := range from.Sequences {
		o := s.OwnedBy
		if o == nil || d.to.Sequence(s.Name) != nil {
			continue
		}
		if !renamedTable[o.Table] && columnBefore(d.renames.Columns[o.Table], o.Column) == "" {
			continue
		}
		for _, ts := range d.to.Sequences {
			if ts.OwnedBy == nil || *ts.OwnedBy != *o || ts.Name.Schema != s.Name.Schema || from.Sequence(ts.Name) != nil {
				continue
			}
			d.add(RenameSequence{From: s.Name, To: ts.Name})
			rw.resequence(s.Name, ts.Name)
			s.Name = ts.Name
			break
		}
	}
}

// columnBefore returns the old name of a column renamed to name, or "".
func columnBefore(renames map[string]string, name string) string {
	for old, n := range renames {
		if n == name {
			return old
		}
	}
	return ""
}

func findIndex(c *model.Catalog, n model.Name) *model.Index {
	for _, ix := range c.Indexes {
		if ix.Schema == n.Schema && ix.Name == n.Name {
			return ix
		}
	}
	return nil
}

// sortedKeys returns a map's keys in a fixed order, so that renames are
// emitted deterministically.
func sortedKeys[K interface{ model.Name | string }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int { return cmp.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return keys
}

// rewriter updates the references inside a catalog after a rename. The
// expressions it edits are canonical SQL text; a reference it misses only
// makes the diff drop and re-create the dependent object with its target
// definition, which is correct, just less tidy.
type rewriter struct{ cat *model.Catalog }

// retype renames a type wherever a column, domain, composite attribute or
// function names it.
func (rw rewriter) retype(old, to model.Name) {
	oldSQL, newSQL := op.QualifiedName(old.Schema, old.Name), op.QualifiedName(to.Schema, to.Name)
	fix := func(t *string) {
		base := strings.TrimRight(*t, "[]")
		if base == oldSQL {
			*t = newSQL + (*t)[len(base):]
		}
	}
	for _, t := range rw.cat.Tables {
		for _, c := range t.Columns {
			fix(&c.Type)
		}
	}
	for _, dm := range rw.cat.Domains {
		fix(&dm.Type)
	}
	for _, cp := range rw.cat.Composites {
		for i := range cp.Attributes {
			fix(&cp.Attributes[i].Type)
		}
	}
	for _, f := range rw.cat.Functions {
		fix(&f.Returns)
		for i := range f.Args {
			fix(&f.Args[i].Type)
		}
	}
}

// enumValue rewrites the defaults of the enum's columns that are the
// renamed value: PostgreSQL reads them back with the new label.
func (rw rewriter) enumValue(enum model.Name, old, nv string) {
	typ := op.QualifiedName(enum.Schema, enum.Name)
	for _, t := range rw.cat.Tables {
		for _, c := range t.Columns {
			if c.Type == typ && c.Default != nil {
				c.Default = rewriteExpr(c.Default, stateless(func(tk token) string {
					if tk.kind == tokString && tk.value == old {
						return op.QuoteLiteral(nv)
					}
					return tk.text
				}))
			}
		}
	}
}

// retable renames a table wherever foreign keys, indexes, sequences,
// triggers, partitions, children and views refer to it.
func (rw rewriter) retable(old, to model.Name) {
	ren := func(n *model.Name) {
		if n != nil && *n == old {
			*n = to
		}
	}
	for _, t := range rw.cat.Tables {
		for _, c := range t.Constraints {
			ren(c.References)
		}
		ren(t.PartitionOf)
		for i := range t.Inherits {
			ren(&t.Inherits[i])
		}
	}
	for _, ix := range rw.cat.Indexes {
		ren(&ix.Table)
	}
	for _, s := range rw.cat.Sequences {
		if s.OwnedBy != nil {
			ren(&s.OwnedBy.Table)
		}
	}
	for _, tr := range rw.cat.Triggers {
		if tr.Table != old {
			continue
		}
		tr.Table = to
		e := rewriteExpr(&tr.Definition, func() func(token) string { return qualifiedRename(old, to) })
		tr.Definition = *e
	}
}

// qualifiedRename rewrites schema.old to schema.new in token streams.
func qualifiedRename(old, to model.Name) func(token) string {
	var prev []token
	return func(tk token) string {
		out := tk.text
		if n := len(prev); n >= 2 && tk.ident(old.Name) && prev[n-1].text == "." && prev[n-2].ident(old.Schema) {
			out = op.QuoteIdent(to.Name)
		}
		if tk.kind != tokSpace {
			prev = append(prev, tk)
		}
		return out
	}
}

// recolumn renames a column of a table wherever its constraints, indexes,
// defaults, generation expressions, policies, sequences and the foreign
// keys that reference it name it.
func (rw rewriter) recolumn(table model.Name, old, nc string) {
	ren := func(list []string) {
		for i, c := range list {
			if c == old {
				list[i] = nc
			}
		}
	}
	ident := func(e *model.Expr) *model.Expr {
		if e == nil {
			return nil
		}
		return rewriteExpr(e, func() func(token) string { return columnRename(old, nc) })
	}
	key := func(k *model.IndexKey) {
		if k.Column == old {
			k.Column = nc
		}
		k.Expr = ident(k.Expr)
	}
	for _, t := range rw.cat.Tables {
		for _, c := range t.Constraints {
			if c.References != nil && *c.References == table {
				ren(c.RefColumns)
			}
			if t.Name != table {
				continue
			}
			ren(c.Columns)
			ren(c.Include)
			c.Expr = ident(c.Expr)
			c.Where = ident(c.Where)
			for i := range c.Elements {
				key(&c.Elements[i].Key)
			}
		}
		if t.Name != table {
			continue
		}
		for _, c := range t.Columns {
			c.Default = ident(c.Default)
			c.Generated = ident(c.Generated)
		}
		for _, p := range t.Policies {
			p.Using = ident(p.Using)
			p.WithCheck = ident(p.WithCheck)
		}
	}
	for _, ix := range rw.cat.Indexes {
		if ix.Table != table {
			continue
		}
		for i := range ix.Keys {
			key(&ix.Keys[i])
		}
		ren(ix.Include)
		ix.Where = ident(ix.Where)
	}
	for _, s := range rw.cat.Sequences {
		if s.OwnedBy != nil && s.OwnedBy.Table == table && s.OwnedBy.Column == old {
			s.OwnedBy.Column = nc
		}
	}
}

// columnRename rewrites references to a column: identifiers equal to the
// old name, except a type name after "::". A function of the same name
// would be renamed too; the diff then re-creates the object that uses it,
// which is noisy but correct.
func columnRename(old, nc string) func(token) string {
	var prev, cur *token
	return func(tk token) string {
		defer func() {
			if tk.kind != tokSpace {
				prev, cur = cur, &tk
			}
		}()
		if !tk.ident(old) {
			return tk.text
		}
		if cur != nil && cur.text == ":" && prev != nil && prev.text == ":" {
			return tk.text
		}
		return op.QuoteIdent(nc)
	}
}

// resequence renames a sequence in the nextval defaults that use it.
func (rw rewriter) resequence(old, to model.Name) {
	oldLit, newLit := op.QualifiedName(old.Schema, old.Name), op.QualifiedName(to.Schema, to.Name)
	for _, t := range rw.cat.Tables {
		for _, c := range t.Columns {
			if c.Default == nil {
				continue
			}
			c.Default = rewriteExpr(c.Default, stateless(func(tk token) string {
				if tk.kind == tokString && tk.value == oldLit {
					return op.QuoteLiteral(newLit)
				}
				return tk.text
			}))
		}
	}
}

// rewriteExpr rewrites the tokens of both texts of an expression and
// returns the rewritten copy. newF returns a fresh rewriting function for
// each text, since rewriters remember the tokens they have seen.
func rewriteExpr(e *model.Expr, newF func() func(token) string) *model.Expr {
	return &model.Expr{SQL: rewriteSQL(e.SQL, newF()), Canon: rewriteSQL(e.Canon, newF())}
}

// stateless wraps a rewriting function that remembers nothing.
func stateless(f func(token) string) func() func(token) string {
	return func() func(token) string { return f }
}

// The kinds of token the rename rewriter tells apart.
const (
	tokOther  = iota
	tokSpace  // white space and comments
	tokWord   // an unquoted identifier or keyword
	tokQuoted // a double-quoted identifier
	tokString // a string literal
)

// token is one lexical token of SQL text. value is an identifier's name
// (folded to lower case when unquoted) or a string literal's content.
type token struct {
	kind  int
	text  string
	value string
}

// ident reports whether the token is an identifier naming name.
func (t token) ident(name string) bool {
	return (t.kind == tokWord || t.kind == tokQuoted) && t.value == name
}

// rewriteSQL splits SQL text into tokens and joins what f returns for
// each. It knows enough of PostgreSQL's lexical rules (quoted identifiers,
// standard, escape and dollar-quoted strings, comments) never to mistake
// the inside of a literal for an identifier; anything it does not know is
// passed through unchanged.
func rewriteSQL(s string, f func(token) string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		tk, n := nextToken(s[i:])
		b.WriteString(f(tk))
		i += n
	}
	return b.String()
}

func nextToken(s string) (token, int) {
	c := s[0]
	switch {
	case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
		n := 1
		for n < len(s) && strings.IndexByte(" \t\n\r\f", s[n]) >= 0 {
			n++
		}
		return token{kind: tokSpace, text: s[:n]}, n
	case strings.HasPrefix(s, "--"):
		n := strings.IndexByte(s, '\n')
		if n < 0 {
			n = len(s)
		}
		return token{kind: tokSpace, text: s[:n]}, n
	case strings.HasPrefix(s, "/*"):
		depth, n := 0, 0
		for n < len(s) {
			switch {
			case strings.HasPrefix(s[n:], "/*"):
				depth++
				n += 2
			case strings.HasPrefix(s[n:], "*/"):
				depth--
				n += 2
			default:
				n++
			}
			if depth == 0 {
				break
			}
		}
		return token{kind: tokSpace, text: s[:n]}, n
	case c == '\'':
		return quoted(s, '\'', false, tokString)
	case (c == 'E' || c == 'e') && len(s) > 1 && s[1] == '\'':
		tk, n := quoted(s[1:], '\'', true, tokString)
		tk.text = s[:n+1]
		return tk, n + 1
	case c == '"':
		return quoted(s, '"', false, tokQuoted)
	case c == '$':
		if end := strings.IndexByte(s[1:], '$'); end >= 0 && validTag(s[1:end+1]) {
			tag := s[:end+2]
			if close := strings.Index(s[len(tag):], tag); close >= 0 {
				n := len(tag) + close + len(tag)
				return token{kind: tokString, text: s[:n], value: s[len(tag) : len(tag)+close]}, n
			}
		}
		return token{kind: tokOther, text: s[:1]}, 1
	case isIdentStart(c) || c >= '0' && c <= '9':
		n := 1
		for n < len(s) && (isIdentStart(s[n]) || s[n] >= '0' && s[n] <= '9' || s[n] == '$') {
			n++
		}
		w := s[:n]
		if c >= '0' && c <= '9' {
			return token{kind: tokOther, text: w}, n
		}
		return token{kind: tokWord, text: w, value: strings.ToLower(w)}, n
	}
	return token{kind: tokOther, text: s[:1]}, 1
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func validTag(tag string) bool {
	for i := 0; i < len(tag); i++ {
		if !isIdentStart(tag[i]) && !(i > 0 && tag[i] >= '0' && tag[i] <= '9') {
			return false
		}
	}
	return true
}

// quoted reads a literal or identifier delimited by q, where a doubled q
// stands for one (and, with backslash, a backslash escapes the next
// character). An unterminated one runs to the end.
func quoted(s string, q byte, backslash bool, kind int) (token, int) {
	var v strings.Builder
	n := 1
	for n < len(s) {
		c := s[n]
		switch {
		case backslash && c == '\\' && n+1 < len(s):
			v.WriteByte(s[n+1])
			n += 2
			continue
		case c == q && n+1 < len(s) && s[n+1] == q:
			v.WriteByte(q)
			n += 2
			continue
		case c == q:
			n++
			return token{kind: kind, text: s[:n], value: v.String()}, n
		}
		v.WriteByte(c)
		n++
	}
	return token{kind: tokOther, text: s}, len(s)
}

// deepCopy copies a catalog and everything it points to, so that renames
// can be applied to the copy.
func deepCopy(c *model.Catalog) *model.Catalog {
	return copyValue(reflect.ValueOf(c)).Interface().(*model.Catalog)
}

func copyValue(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		p := reflect.New(v.Elem().Type())
		p.Elem().Set(copyValue(v.Elem()))
		return p
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			s.Index(i).Set(copyValue(v.Index(i)))
		}
		return s
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			m.SetMapIndex(it.Key(), copyValue(it.Value()))
		}
		return m
	case reflect.Struct:
		s := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			s.Field(i).Set(copyValue(v.Field(i)))
		}
		return s
	}
	return v
}
