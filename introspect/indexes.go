package introspect

import (
	"fmt"
	"sort"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

type indexRow struct {
	Schema            string   `db:"schema"`
	Name              string   `db:"name"`
	Table             string   `db:"table_name"`
	Method            string   `db:"method"`
	Unique            bool     `db:"is_unique"`
	NullsNotDistinct  bool     `db:"nulls_not_distinct"`
	Invalid           bool     `db:"invalid"`
	Options           []string `db:"options"`
	Predicate         string   `db:"predicate"`
	Constraint        string   `db:"constraint_name"`
	KeyColumns        []string `db:"key_columns"`
	KeyExprs          []string `db:"key_exprs"`
	KeyCollations     []string `db:"key_collations"`
	KeyOpclasses      []string `db:"key_opclasses"`
	KeyOpclassOptions []string `db:"key_opclass_options"`
	KeyOptions        []int64  `db:"key_options"`
	Include           []string `db:"include"`
	Comment           string   `db:"comment"`
}

// indoption bits.
const (
	optDesc       = 1
	optNullsFirst = 2
)

func (r *reader) index(row *indexRow) error {
	tn := model.Name{Schema: row.Schema, Name: row.Table}
	keys, err := r.indexKeys(row)
	if err != nil {
		return fmt.Errorf("index %s.%s: %w", row.Schema, row.Name, err)
	}
	where, err := r.expr(row.Predicate, "")
	if err != nil {
		return err
	}
	options := nilIfEmpty(row.Options)
	sort.Strings(options)
	if row.Constraint != "" {
		c := r.constraints[[2]model.Name{tn, {Name: row.Constraint}}]
		if c == nil {
			return fmt.Errorf("index %s.%s of unknown constraint %s", row.Schema, row.Name, row.Constraint)
		}
		c.Include, c.Options, c.NullsNotDistinct = nilIfEmpty(row.Include), options, row.NullsNotDistinct
		if c.Kind == model.Exclusion {
			c.Using, c.Where = row.Method, where
			for i := range c.Elements {
				c.Elements[i].Key = keys[i]
			}
		}
		return nil
	}
	r.cat.Indexes = append(r.cat.Indexes, &model.Index{Schema: row.Schema, Name: row.Name, Table: tn,
		Unique: row.Unique, Method: row.Method, Keys: keys, Include: nilIfEmpty(row.Include), Where: where,
		NullsNotDistinct: row.NullsNotDistinct, Options: options, Invalid: row.Invalid, Comment: row.Comment})
	return nil
}

// indexKeys builds the keys of an index; defaults are left out, as the
// model wants them.
func (r *reader) indexKeys(row *indexRow) ([]model.IndexKey, error) {
	var keys []model.IndexKey
	for i, col := range row.KeyColumns {
		k := model.IndexKey{Column: col, Collation: row.KeyCollations[i], Opclass: row.KeyOpclasses[i]}
		if col == "" {
			e, err := r.expr(row.KeyExprs[i], "")
			if err != nil {
				return nil, err
			}
			k.Expr = e
		}
		if o := row.KeyOpclassOptions[i]; o != "" {
			k.OpclassOptions = strings.Split(o, ",")
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
	return keys, nil
}
