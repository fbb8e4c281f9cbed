package introspect

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

type indexRow struct {
	Schema           string    `db:"schema"`
	Name             string    `db:"name"`
	TableOID         int64     `db:"table_oid"`
	Table            string    `db:"table_name"`
	Method           string    `db:"method"`
	Unique           bool      `db:"is_unique"`
	NullsNotDistinct bool      `db:"nulls_not_distinct"`
	Invalid          bool      `db:"invalid"`
	Options          textArray `db:"options"`
	Predicate        string    `db:"predicate"`
	Constraint       string    `db:"constraint_name"`
	KeyCount         int64     `db:"key_count"`
	Keys             int8Array `db:"keys"`
	Collations       int8Array `db:"collations"`
	Opclasses        int8Array `db:"opclasses"`
	KeyOptions       int8Array `db:"key_options"`
	Exprs            textArray `db:"exprs"`
	Definition       string    `db:"definition"`
	OpclassOptions   textArray `db:"opclass_options"`
	KeyStatistics    textArray `db:"key_statistics"`
	OID              int64     `db:"oid"`
}

// indoption bits.
const (
	optDesc       = 1
	optNullsFirst = 2
)

func (r *reader) index(row *indexRow) error {
	tn := model.Name{Schema: row.Schema, Name: row.Table}
	keys, include, err := r.indexKeys(row)
	if err != nil {
		return fmt.Errorf("index %s.%s: %w", row.Schema, row.Name, err)
	}
	options := nilIfEmpty(row.Options)
	if row.Constraint != "" {
		c := r.constraints[[2]model.Name{tn, {Name: row.Constraint}}]
		if c == nil {
			return fmt.Errorf("index %s.%s of unknown constraint %s", row.Schema, row.Name, row.Constraint)
		}
		c.Include, c.Options, c.NullsNotDistinct = include, options, row.NullsNotDistinct
		if c.Kind == model.Exclusion {
			c.Using = row.Method
			r.later(row.Predicate, "", func(e *model.Expr) { c.Where = e })
			for i := range c.Elements {
				c.Elements[i].Key = keys[i]
			}
			for i, k := range keys {
				if k.Column == "" {
					i := i
					r.later(row.Exprs[i], sqlnorm.KeyType, func(e *model.Expr) { c.Elements[i].Key.Expr = e })
				}
			}
		}
		return nil
	}
	ix := &model.Index{Schema: row.Schema, Name: row.Name, Table: tn, Unique: row.Unique, Method: row.Method,
		Keys: keys, Include: include, NullsNotDistinct: row.NullsNotDistinct, Options: options,
		Invalid: row.Invalid, Comment: r.comment("pg_class", row.OID, 0)}
	r.later(row.Predicate, "", func(e *model.Expr) { ix.Where = e })
	for i, k := range keys {
		if k.Column == "" {
			i := i
			r.later(row.Exprs[i], sqlnorm.KeyType, func(e *model.Expr) { ix.Keys[i].Expr = e })
		}
	}
	r.cat.Indexes = append(r.cat.Indexes, ix)
	return nil
}

// byAttnum reads the "attnum:value" items the query aggregates per index
// attribute, by attribute number.
func byAttnum(items []string) map[int64]string {
	out := make(map[int64]string, len(items))
	for _, item := range items {
		num, v, _ := strings.Cut(item, ":")
		n, _ := strconv.ParseInt(num, 10, 64)
		out[n] = v
	}
	return out
}

// indexKeys builds the keys and INCLUDE columns of an index; defaults are
// left out, as the model wants them. Expression keys get their expression
// later.
func (r *reader) indexKeys(row *indexRow) ([]model.IndexKey, []string, error) {
	opts := map[int64][]string{}
	for n, list := range byAttnum(row.OpclassOptions) {
		opts[n] = strings.Split(list, ",")
	}
	stats := map[int64]*int{}
	for n, target := range byAttnum(row.KeyStatistics) {
		v, err := strconv.Atoi(target)
		if err != nil {
			return nil, nil, fmt.Errorf("statistics target %q of key %d: %w", target, n, err)
		}
		stats[n] = &v
	}
	exprColls, err := expressionCollations(row.Definition)
	if err != nil {
		return nil, nil, err
	}
	var keys []model.IndexKey
	var include []string
	for i, attnum := range row.Keys {
		var col string
		if attnum != 0 {
			name, ok := r.attnames[row.TableOID][attnum]
			if !ok {
				return nil, nil, fmt.Errorf("unknown column %d", attnum)
			}
			col = name
		}
		if int64(i) >= row.KeyCount {
			include = append(include, col)
			continue
		}
		k := model.IndexKey{Column: col, Opclass: r.opclasses[row.Opclasses[i]], OpclassOptions: opts[int64(i+1)], Statistics: stats[int64(i+1)]}
		// The collation is kept when it differs from the key's own: the
		// column's, or for an expression what the server printed.
		if attnum == 0 {
			k.Collation = exprColls[i]
		} else if c := row.Collations[i]; c != 0 && c != r.attcolls[row.TableOID][attnum] {
			k.Collation = r.collations[c]
		}
		opt := row.KeyOptions[i]
		k.Desc = opt&optDesc != 0
		switch nullsFirst := opt&optNullsFirst != 0; {
		case k.Desc && !nullsFirst:
			k.NullsOrder = "NULLS LAST"
		case !k.Desc && nullsFirst:
			k.NullsOrder = "NULLS FIRST"
		}
		keys = append(keys, k)
	}
	return keys, include, nil
}

// expressionCollations returns, key by key, the COLLATE clause
// pg_get_indexdef printed for an index with expressions, qualified the way
// the model spells collations; "" where there is none.
func expressionCollations(def string) ([]string, error) {
	if def == "" {
		return nil, nil
	}
	res, err := sqlnorm.Parse(def)
	if err != nil {
		return nil, fmt.Errorf("parsing %q: %w", def, err)
	}
	var out []string
	for _, p := range res.Stmts[0].Stmt.GetIndexStmt().GetIndexParams() {
		names := sqlnorm.Strings(p.GetIndexElem().Collation)
		switch len(names) {
		case 0:
			out = append(out, "")
		case 1:
			out = append(out, pgsql.QualifiedName("pg_catalog", names[0]))
		default:
			out = append(out, pgsql.QualifiedName(names[0], names[1]))
		}
	}
	return out, nil
}
