// Package ddlparse reads the desired schema from SQL files into a
// model.Catalog, the same model introspect reads from a database, so that
// the two can be compared.
//
// Statements are parsed with PostgreSQL's own parser (pg_query) and applied
// in order, the way the server would apply them: unqualified names resolve
// against the search_path in effect (SET search_path and
// pg_catalog.set_config are followed; each file starts with "public"),
// unnamed constraints, indexes and serial sequences get the names
// PostgreSQL would choose (collision suffixes and 63-byte truncation
// included), and expressions are canonicalized with package sqlnorm.
//
// # What it reads
//
// Plain CREATE statements and real pg_dump --schema-only output: CREATE
// SCHEMA (with schema elements), EXTENSION, COLLATION, TYPE (enum, composite), DOMAIN, SEQUENCE,
// TABLE (unlogged, partitioned, partitions, INHERITS, LIKE), INDEX, [MATERIALIZED]
// VIEW, FUNCTION, PROCEDURE, TRIGGER and POLICY, with their OR REPLACE
// forms; ALTER TABLE (ADD/DROP COLUMN, ADD CONSTRAINT, ALTER COLUMN SET
// DEFAULT, SET/DROP NOT NULL, ADD GENERATED, SET STORAGE, TYPE, ENABLE,
// DISABLE and FORCE ROW LEVEL SECURITY, ENABLE/DISABLE TRIGGER, ATTACH
// PARTITION, INHERIT, SET/RESET storage parameters, REPLICA IDENTITY,
// ALTER CONSTRAINT of a foreign key's deferrability, DROP CONSTRAINT (of a
// table outside partition and inheritance trees), SET WITHOUT OIDS,
// VALIDATE CONSTRAINT; and ALTER COLUMN SET/DROP DEFAULT of a view),
// ALTER VIEW (options, column defaults), ALTER FUNCTION, PROCEDURE and
// ROUTINE options (volatility, STRICT, SECURITY, LEAKPROOF, PARALLEL, COST,
// ROWS, SUPPORT, SET and RESET), ALTER INDEX ATTACH PARTITION, ALTER SEQUENCE
// (options, OWNED BY), ALTER TYPE ADD/RENAME VALUE and ADD/DROP/ALTER
// ATTRIBUTE, ALTER DOMAIN (DROP CONSTRAINT included), CLUSTER ... USING (which marks the index),
// COMMENT ON
// every object the model carries a comment for, and DROP TABLE, VIEW,
// INDEX and SEQUENCE without CASCADE.
//
// The objects held as model.Definition are read by sqlnorm from their
// statement (definitions.go): CREATE AGGREGATE (ordinary, ordered-set,
// hypothetical-set, the old BASETYPE syntax), OPERATOR, OPERATOR CLASS
// and FAMILY (with ALTER OPERATOR FAMILY ADD/DROP), CAST, TYPE ... AS
// RANGE, base types (CREATE TYPE name, then the functions, then CREATE
// TYPE name (INPUT = ...)), TEXT SEARCH PARSER, TEMPLATE, DICTIONARY and
// CONFIGURATION (COPY included; ALTER ... MAPPING and dictionary
// options), RULE (ALTER TABLE ENABLE/DISABLE RULE), EVENT TRIGGER (ALTER
// EVENT TRIGGER ENABLE/DISABLE), STATISTICS (ALTER STATISTICS SET
// STATISTICS), FOREIGN DATA WRAPPER, SERVER, USER MAPPING and FOREIGN
// TABLE (ALTER ... OPTIONS), and PUBLICATION (ALTER PUBLICATION
// ADD/DROP/SET).
//
// Privileges and owners are read as PostgreSQL applies them (access.go):
// every object starts with the privileges a new one gets (PUBLIC's
// defaults, and the default privileges the files set for the role
// applying them), then GRANT, REVOKE and ALTER ... OWNER TO change them;
// ALTER DEFAULT PRIVILEGES is its own entry of the model. An owner is
// known only where the files set one. Every role named is listed with its
// position (model.Catalog.Roles), for the check that it exists. Settings
// other than search_path, transaction control, and the psql commands
// \restrict, \unrestrict and \set that dumps contain are ignored.
//
// What pg_dump --clean writes first reads too: DROP ... IF EXISTS of what
// does not exist does nothing, and a DROP (or an ALTER TABLE that only
// drops constraints and defaults) of what the files create later stands.
// INSERTs into the tables WithIgnoredRows names (a framework's bookkeeping
// rows) are skipped.
//
// # Errors
//
// A statement that cannot be represented is an error, never dropped:
// subscriptions, conversions, transforms, access methods, languages, shell
// types and operators never defined, ON SELECT rules, typed tables,
// foreign tables that inherit, column privileges on foreign tables, DO
// blocks, data (INSERT, COPY, ...), tablespaces, column
// compression and statistics, role membership, privileges revoked from an
// object's owner or on the sequence of an identity column, among others.
// So is a
// reference to an object the files do not define (a foreign key's table, a
// column's type, a trigger's function), unless it lies in a schema the
// filter excludes or in an extension. Every error is an [*Error] naming
// file:line:column and the statement's first line; its Kind tells syntax
// errors, unsupported input, undefined references and otherwise invalid
// statements apart (errors.Is with [ErrSyntax], [ErrUnsupported],
// [ErrUndefined], [ErrInvalid]).
//
// What an extension provides is known for the contrib extensions of
// PostgreSQL 15, PostGIS and pg_partman (see sqlnorm); the schema of any
// other extension is taken on trust.
//
// Large files are parsed on all CPUs while the statements already parsed
// are applied; the 16-copy MusicBrainz schema (6,000 tables) reads in well
// under a second.
package ddlparse
