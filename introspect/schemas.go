package introspect

import "github.com/autogen-dev/autogen/model"

type schemaRow struct {
	Name string `db:"name"`
	OID  int64  `db:"oid"`
}

func (r *reader) schema(row *schemaRow) error {
	r.cat.Schemas = append(r.cat.Schemas, &model.Schema{Name: row.Name, Comment: r.comment("pg_namespace", row.OID, 0),
		Access: r.access("pg_namespace", row.OID, 0, model.KindSchema, row.Name)})
	return nil
}

type extensionRow struct {
	Name           string    `db:"name"`
	Schema         string    `db:"schema"`
	Version        string    `db:"version"`
	DefaultVersion string    `db:"default_version"`
	OID            int64     `db:"oid"`
	DefaultComment string    `db:"default_comment"`
	Requires       textArray `db:"requires"`
}

// extension reads an installed extension. The version and comment are
// kept only when they differ from what CREATE EXTENSION gives by default.
func (r *reader) extension(row *extensionRow) error {
	e := &model.Extension{Name: row.Name, Schema: row.Schema, Version: row.Version, Requires: nilIfEmpty(row.Requires),
		Comment: r.comment("pg_extension", row.OID, 0)}
	if e.Version == row.DefaultVersion {
		e.Version = ""
	}
	if e.Comment == row.DefaultComment {
		e.Comment = ""
	}
	r.cat.Extensions = append(r.cat.Extensions, e)
	return nil
}

type collationRow struct {
	Schema        string `db:"schema"`
	Name          string `db:"name"`
	Provider      string `db:"provider"`
	LcCollate     string `db:"lc_collate"`
	LcCtype       string `db:"lc_ctype"`
	Locale        string `db:"locale"`
	Deterministic bool   `db:"deterministic"`
	OID           int64  `db:"oid"`
}

var collationProviders = map[string]string{"c": "libc", "i": "icu", "b": "builtin", "d": "default"}

func (r *reader) collation(row *collationRow) error {
	r.cat.Collations = append(r.cat.Collations, &model.Collation{
		Name: model.Name{Schema: row.Schema, Name: row.Name}, Provider: collationProviders[row.Provider],
		LcCollate: row.LcCollate, LcCtype: row.LcCtype, Locale: row.Locale, Deterministic: row.Deterministic,
		Comment: r.comment("pg_collation", row.OID, 0),
		Access:  r.access("pg_collation", row.OID, 0, model.KindCollation, row.Schema+"."+row.Name),
	})
	return nil
}
