package introspect

import "github.com/autogen-dev/autogen/model"

type enumRow struct {
	Schema string    `db:"schema"`
	Name   string    `db:"name"`
	Labels textArray `db:"labels"`
	OID    int64     `db:"oid"`
}

func (r *reader) enum(row *enumRow) error {
	r.cat.Enums = append(r.cat.Enums, &model.Enum{Name: model.Name{Schema: row.Schema, Name: row.Name},
		Values: nilIfEmpty(row.Labels), Comment: r.comment("pg_type", row.OID, 0),
		Access: r.access("pg_type", row.OID, 0, model.KindEnum, row.Schema+"."+row.Name)})
	return nil
}

type domainRow struct {
	Schema        string    `db:"schema"`
	Name          string    `db:"name"`
	Type          string    `db:"type"`
	NotNull       bool      `db:"not_null"`
	Default       string    `db:"default_expr"`
	Collation     string    `db:"collation"`
	CheckNames    textArray `db:"check_names"`
	CheckExprs    textArray `db:"check_exprs"`
	CheckNotValid boolArray `db:"check_not_valid"`
	CheckOIDs     int8Array `db:"check_oids"`
	OID           int64     `db:"oid"`
}

func (r *reader) domain(row *domainRow) error {
	d := &model.Domain{Name: model.Name{Schema: row.Schema, Name: row.Name}, Type: row.Type,
		NotNull: row.NotNull, Collation: row.Collation, Comment: r.comment("pg_type", row.OID, 0),
		Access: r.access("pg_type", row.OID, 0, model.KindDomain, row.Schema+"."+row.Name)}
	var err error
	if d.Default, err = r.expr(row.Default, row.Type); err != nil {
		return err
	}
	for i, name := range row.CheckNames {
		e, err := r.expr(row.CheckExprs[i], "")
		if err != nil {
			return err
		}
		d.Checks = append(d.Checks, &model.DomainCheck{Name: name, Expr: *e, NotValid: row.CheckNotValid[i],
			Comment: r.comment("pg_constraint", row.CheckOIDs[i], 0)})
	}
	r.cat.Domains = append(r.cat.Domains, d)
	return nil
}

type compositeRow struct {
	Schema         string    `db:"schema"`
	Name           string    `db:"name"`
	AttrNames      textArray `db:"attr_names"`
	AttrTypes      textArray `db:"attr_types"`
	AttrCollations textArray `db:"attr_collations"`
	AttrComments   textArray `db:"attr_comments"`
	OID            int64     `db:"oid"`
}

func (r *reader) composite(row *compositeRow) error {
	c := &model.Composite{Name: model.Name{Schema: row.Schema, Name: row.Name}, Comment: r.comment("pg_type", row.OID, 0),
		Access: r.access("pg_type", row.OID, 0, model.KindComposite, row.Schema+"."+row.Name)}
	for i, n := range row.AttrNames {
		c.Attributes = append(c.Attributes, &model.Attribute{Name: n, Type: row.AttrTypes[i], Collation: row.AttrCollations[i],
			Comment: row.AttrComments[i]})
	}
	r.cat.Composites = append(r.cat.Composites, c)
	return nil
}

// nilIfEmpty keeps empty lists nil, as the SQL reader leaves them.
func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
