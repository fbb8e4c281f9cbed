// Package model holds the plain-data description of a PostgreSQL schema that
// autogen compares: the desired state read from SQL files and the current state
// read from a live database both become a [Catalog].
//
// The model has no behaviour beyond lookups, sorting and a canonical dump. It
// imports only the standard library, holds no connections, and keeps every
// collection in a deterministic order, so that two readers describing the same
// schema produce equal catalogs.
//
// # Canonical form
//
// Everything the model holds is canonical, whichever reader produced it:
//
//   - Types are spelled as PostgreSQL's format_type prints them with an empty
//     search_path: "integer", "character varying(20)", "public.mood[]".
//   - Names are the real identifiers (folded to lower case when they were not
//     quoted); quoting is decided when SQL is rendered.
//   - serial columns are integer columns with an owned sequence and a
//     nextval default; identity columns carry their sequence options.
//   - Expressions are an [Expr]: executable SQL plus a normalized key that the
//     readers compute the same way, so `x IN ('a','b')` and
//     `x = ANY (ARRAY['a'::text, 'b'::text])` compare equal.
//   - Objects inherited or implied (a partition's columns, the index behind a
//     primary key, an identity column's sequence) are not repeated.
package model
