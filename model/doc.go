// Package model holds the plain-data description of a PostgreSQL schema that
// autogen compares: the desired state read from SQL files and the current state
// read from a live database both become a [Catalog].
//
// The model has no behaviour beyond lookups, sorting, the one notion of
// equality ([Equal]), a canonical dump, the enumeration of its objects with
// their identities and dependencies ([Catalog.Objects]), and renaming its
// names structurally ([Catalog.Rename]). It imports only the standard
// library and internal/pgsql (itself standard-library only), holds no
// connections, and keeps every collection in a deterministic order, so that
// two readers describing the same schema produce equal catalogs.
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
//
// The readers refine these rules as follows.
//
//   - Canonical expressions (Expr.Canon) drop the casts PostgreSQL adds to
//     constants and column references, and hold every constant as a string
//     in the output format of its type: DEFAULT -1 and '-1'::integer are
//     both '-1', '2020-01-01' for a timestamp is '2020-01-01 00:00:00', and
//     JSON for jsonb is printed as jsonb_out prints it. IN lists become
//     ANY/ALL arrays split as the parser splits them, LIKE becomes ~~,
//     BETWEEN and IS NOT DISTINCT FROM become what PostgreSQL stores,
//     pg_catalog qualification is dropped and every other name qualified.
//     Canon is parenthesized fully and is not meant to be executed.
//   - A view's query is canonical in the shape pg_get_viewdef prints: stars
//     expanded, columns prefixed by their range item, every output column
//     named. An explicit column list (CREATE VIEW v (a, b)) is folded into
//     the output names, as PostgreSQL does, so View.Columns stays nil.
//   - DEFAULT NULL is no default, except on a type with a modifier
//     (varchar(10), numeric(5,2)), where PostgreSQL stores NULL::type.
//   - A column of a partition or inheritance child is implied, and left
//     out, when a parent has the same column (type, nullability, default,
//     identity, generation, collation, storage) and the child's has no
//     comment; a CHECK or foreign key is implied when a parent has one of
//     the same name and definition. So a partition created with PARTITION
//     OF and the same partition restored by pg_dump (CREATE TABLE, then
//     ATTACH PARTITION) are equal.
//   - Extension.Version and Extension.Comment are empty when they are the
//     defaults CREATE EXTENSION gives; plpgsql is never listed.
//   - Policy.Roles is just "public" when PUBLIC is among the roles.
//   - Function.Body holds prosrc, or for a SQL-standard body (RETURN ...,
//     BEGIN ATOMIC ... END) the body normalized like a query.
//   - Index keys leave out a collation equal to the column's own.
//   - The name of an identity column's sequence is not modeled.
package model
