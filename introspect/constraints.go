package introspect

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

type constraintRow struct {
	Schema           string   `db:"schema"`
	Table            string   `db:"table_name"`
	Name             string   `db:"name"`
	Type             string   `db:"type"`
	Columns          []string `db:"columns"`
	RefSchema        string   `db:"ref_schema"`
	RefTable         string   `db:"ref_table"`
	RefColumns       []string `db:"ref_columns"`
	OnUpdate         string   `db:"on_update"`
	OnDelete         string   `db:"on_delete"`
	Match            string   `db:"match"`
	DeleteSetColumns bool     `db:"delete_set_columns"`
	Deferrable       bool     `db:"deferrable"`
	Deferred         bool     `db:"deferred"`
	NotValid         bool     `db:"not_valid"`
	NoInherit        bool     `db:"no_inherit"`
	CheckExpr        string   `db:"check_expr"`
	ExclusionOps     []string `db:"exclusion_ops"`
	Comment          string   `db:"comment"`
}

var (
	constraintKinds = map[string]model.ConstraintKind{"p": model.PrimaryKey, "u": model.Unique,
		"f": model.ForeignKey, "c": model.Check, "x": model.Exclusion}
	fkActions = map[string]string{"a": "", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
)

func (r *reader) constraint(row *constraintRow) error {
	tn := model.Name{Schema: row.Schema, Name: row.Table}
	t := r.tables[tn]
	if t == nil {
		return fmt.Errorf("constraint %s of unknown table %s", row.Name, tn)
	}
	c := &model.Constraint{Name: row.Name, Kind: constraintKinds[row.Type], Deferrable: row.Deferrable,
		InitiallyDeferred: row.Deferred, Comment: row.Comment}
	switch c.Kind {
	case model.PrimaryKey, model.Unique:
		c.Columns = nilIfEmpty(row.Columns)
	case model.ForeignKey:
		if row.DeleteSetColumns {
			return fmt.Errorf("constraint %s of %s: ON DELETE SET NULL/SET DEFAULT with a column list is not supported", row.Name, tn)
		}
		if row.Match == "p" {
			return fmt.Errorf("constraint %s of %s: MATCH PARTIAL is not supported", row.Name, tn)
		}
		ref := model.Name{Schema: row.RefSchema, Name: row.RefTable}
		c.Columns, c.References, c.RefColumns = row.Columns, &ref, row.RefColumns
		c.OnUpdate, c.OnDelete = fkActions[row.OnUpdate], fkActions[row.OnDelete]
		if row.Match == "f" {
			c.Match = "FULL"
		}
		c.NotValid = row.NotValid
	case model.Check:
		e, err := r.expr(row.CheckExpr, "")
		if err != nil {
			return err
		}
		c.Expr, c.NoInherit, c.NotValid = e, row.NoInherit, row.NotValid
	case model.Exclusion:
		// The elements, method and predicate come with the index.
		for _, op := range row.ExclusionOps {
			c.Elements = append(c.Elements, model.ExclusionElement{Operator: op})
		}
	}
	if c.Kind != model.ForeignKey && c.Kind != model.Check {
		if r.constraints == nil {
			r.constraints = map[[2]model.Name]*model.Constraint{}
		}
		r.constraints[[2]model.Name{tn, {Name: row.Name}}] = c
	}
	t.Constraints = append(t.Constraints, c)
	return nil
}
