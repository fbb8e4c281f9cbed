package introspect

import (
	"fmt"
	"strings"

	"github.com/autogen-dev/autogen/internal/pgsql"
	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

type constraintRow struct {
	TableOID         int64     `db:"table_oid"`
	Schema           string    `db:"schema"`
	Table            string    `db:"table_name"`
	Name             string    `db:"name"`
	Type             string    `db:"type"`
	Columns          int8Array `db:"columns"`
	RefOID           int64     `db:"ref_oid"`
	RefSchema        string    `db:"ref_schema"`
	RefTable         string    `db:"ref_table"`
	RefColumns       int8Array `db:"ref_columns"`
	OnUpdate         string    `db:"on_update"`
	OnDelete         string    `db:"on_delete"`
	Match            string    `db:"match"`
	DeleteSetColumns int8Array `db:"delete_set_columns"`
	Deferrable       bool      `db:"deferrable"`
	Deferred         bool      `db:"deferred"`
	NotValid         bool      `db:"not_valid"`
	NoInherit        bool      `db:"no_inherit"`
	CheckExpr        string    `db:"check_expr"`
	ExclusionOps     textArray `db:"exclusion_ops"`
	OID              int64     `db:"oid"`
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
		InitiallyDeferred: row.Deferred, Comment: r.comment("pg_constraint", row.OID, 0)}
	var cols []string
	if c.Kind != model.Check && c.Kind != model.Exclusion {
		var err error
		if cols, err = r.attributeNames(row.TableOID, row.Columns); err != nil {
			return fmt.Errorf("constraint %s of %s: %w", row.Name, tn, err)
		}
	}
	switch c.Kind {
	case model.PrimaryKey, model.Unique:
		c.Columns = cols
	case model.ForeignKey:
		if row.Match == "p" {
			return fmt.Errorf("constraint %s of %s: MATCH PARTIAL is not supported", row.Name, tn)
		}
		ref := model.Name{Schema: row.RefSchema, Name: row.RefTable}
		refCols, err := r.attributeNames(row.RefOID, row.RefColumns)
		if err != nil {
			return fmt.Errorf("constraint %s of %s: %w", row.Name, tn, err)
		}
		c.Columns, c.References, c.RefColumns = cols, &ref, refCols
		c.OnUpdate, c.OnDelete = fkActions[row.OnUpdate], fkActions[row.OnDelete]
		if len(row.DeleteSetColumns) > 0 {
			if c.OnDeleteColumns, err = r.attributeNames(row.TableOID, row.DeleteSetColumns); err != nil {
				return fmt.Errorf("constraint %s of %s: %w", row.Name, tn, err)
			}
		}
		if row.Match == "f" {
			c.Match = "FULL"
		}
		c.NotValid = row.NotValid
	case model.Check:
		r.later(row.CheckExpr, "", func(e *model.Expr) { c.Expr = e })
		c.NoInherit, c.NotValid = row.NoInherit, row.NotValid
	case model.Exclusion:
		// The elements, method and predicate come with the index.
		for _, op := range row.ExclusionOps {
			if i := strings.LastIndex(op, "."); i > 0 {
				// Operator names hold no dot; the schema comes quoted.
				op = sqlnorm.OperatorName(pgsql.SplitQualified(op[:i])[0], op[i+1:])
			}
			c.Elements = append(c.Elements, model.ExclusionElement{Operator: op})
		}
	}
	if c.Kind != model.ForeignKey && c.Kind != model.Check {
		r.constraints[[2]model.Name{tn, {Name: row.Name}}] = c
	}
	t.Constraints = append(t.Constraints, c)
	return nil
}

// attributeNames maps attribute numbers of a table to column names.
func (r *reader) attributeNames(table int64, nums []int64) ([]string, error) {
	if len(nums) == 0 {
		return nil, nil
	}
	names := make([]string, len(nums))
	for i, n := range nums {
		name, ok := r.attnames[table][n]
		if !ok {
			return nil, fmt.Errorf("unknown column %d of table %d", n, table)
		}
		names[i] = name
	}
	return names, nil
}
