package op_test

import (
	"time"

	"github.com/autogen-dev/autogen/op"
)

// step is one operation of the scenario that both the golden render test
// and the real-database test walk through. The scenario is a single
// sequence, so every statement in the golden file is also proven valid by
// running it, in order, on PostgreSQL.
type step struct {
	name string
	op   op.Operation
	// undo undoes the step when the operation is no Reverser (or its
	// reverse is not what the scenario needs); nil with a Reverser uses
	// Reverse, nil without one means a later undo cleans up.
	undo op.Operation
	// cleanedUp marks a step whose operation has no usable Reverse (an
	// unnamed index) and whose effect a later undo removes.
	cleanedUp bool
	// renderOnly marks variants that cannot run in this scenario (they
	// would fail on purpose or need something the test server lacks).
	renderOnly bool
}

// injection is a name that would end the statement if it were not quoted.
const injection = `a"; DROP TABLE x; --`

func scenario() []step {
	app := "app"
	return []step{
		// Schemas and extensions.
		{name: "create schema with comment", op: op.CreateSchema{Name: app, Comment: "application schema"}},
		{name: "create schema needing quotes", op: op.CreateSchema{Name: "Audit Log", IfNotExists: true}},
		{name: "create extension in schema", op: op.CreateExtension{Name: "btree_gist", Schema: "public", IfNotExists: true}},
		{name: "create extension pinned version", op: op.CreateExtension{Name: "citext", Version: "1.6", Comment: "case-insensitive text"}},
		{name: "update extension", op: op.UpdateExtension{Name: "citext", Version: "1.6"}},
		{name: "update extension to latest", op: op.UpdateExtension{Name: "citext"}},

		// Types.
		{name: "create enum with a quote in a value", op: op.CreateEnum{Schema: app, Name: "order_status", Values: []string{"pending", "paid", "it's shipped"}, Comment: "lifecycle of an order"}},
		{name: "add enum value before", op: op.AddEnumValue{Schema: app, Type: "order_status", Value: "authorized", Before: "paid"}},
		{name: "add enum value after", op: op.AddEnumValue{Schema: app, Type: "order_status", Value: "refunded", After: "paid", IfNotExists: true}},
		{name: "add enum value at the end", op: op.AddEnumValue{Schema: app, Type: "order_status", Value: `back\slash`}},
		{name: "rename enum value", op: op.RenameEnumValue{Schema: app, Type: "order_status", From: "it's shipped", To: "shipped"}},
		{name: "create composite type", op: op.CreateComposite{Schema: app, Name: "money_amount", Attributes: []op.Attribute{
			{Name: "amount", Type: "numeric(12,2)"}, {Name: "currency", Type: "text", Collation: `"C"`},
		}, Comment: "an amount with its currency"}},
		{name: "alter composite attributes", op: op.AlterComposite{Schema: app, Name: "money_amount",
			Add: []op.Attribute{{Name: "note", Type: "text"}}, Alter: []op.Attribute{{Name: "amount", Type: "numeric(14,2)"}}},
			undo: op.AlterComposite{Schema: app, Name: "money_amount", Drop: []string{"note"}, Alter: []op.Attribute{{Name: "amount", Type: "numeric(12,2)"}}}},
		{name: "rename type", op: op.RenameType{Schema: app, Name: "money_amount", NewName: "Money"}},
		{name: "create domain with checks", op: op.CreateDomain{Schema: app, Name: "email", Type: "public.citext", Checks: []op.DomainCheck{
			{Name: "email_has_at", Expr: "VALUE ~ '@'"},
			{Name: "email_short", Expr: "length(VALUE) < 255", NotValid: true},
		}, Comment: "an e-mail address"}},
		{name: "create domain with default and not null", op: op.CreateDomain{Schema: app, Name: "positive", Type: "integer", Default: "1", NotNull: true, Collation: "", Checks: []op.DomainCheck{{Expr: "VALUE > 0"}}}},
		{name: "alter domain", op: op.AlterDomain{Schema: app, Name: "email", SetDefault: "'nobody@example.com'",
			AddCheck: &op.DomainCheck{Name: "email_lower", Expr: "VALUE = lower(VALUE)", NotValid: true}, Validate: "email_short"},
			undo: op.AlterDomain{Schema: app, Name: "email", DropDefault: true, DropConstraint: "email_lower"}},
		{name: "alter domain nullability", op: op.AlterDomain{Schema: app, Name: "positive", DropNotNull: true},
			undo: op.AlterDomain{Schema: app, Name: "positive", SetNotNull: true}},
		{name: "rename domain", op: op.RenameType{Schema: app, Name: "positive", NewName: "pos_int", Domain: true}},
		{name: "create collation libc", op: op.CreateCollation{Schema: app, Name: "c_bytes", LcCollate: "C", LcCtype: "C", Comment: "byte order"}},
		{name: "create collation icu nondeterministic", op: op.CreateCollation{Schema: app, Name: "Case Insensitive", Provider: "icu", Locale: "und-u-ks-level2", Nondeterministic: true}},

		// Sequences.
		{name: "create sequence with every option", op: op.CreateSequence{Schema: app, Name: "invoice_no", SequenceOptions: op.SequenceOptions{
			Type: "bigint", Start: op.Int64(1000), Increment: 10, MinValue: op.Int64(1000), MaxValue: op.Int64(1_000_000_000), Cache: 5, Cycle: true,
		}, Comment: "invoice numbers"}},
		{name: "create sequence if not exists", op: op.CreateSequence{Schema: app, Name: "plain_seq", IfNotExists: true}},
		{name: "create unlogged sequence", op: op.CreateSequence{Schema: app, Name: "scratch_seq", Unlogged: true}},
		{name: "set sequence logged", op: op.SetSequenceLogged{Schema: app, Name: "scratch_seq"}},
		{name: "rename sequence", op: op.RenameSequence{Schema: app, Name: "plain_seq", NewName: "Plain Seq"}},

		// Tables.
		{name: "create table with keyword, mixed-case and hostile names", op: op.CreateTable{Schema: app, Name: "user", Columns: []op.Column{
			{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{Always: true, SequenceName: &op.Name{Schema: app, Name: "user_id_seq"},
				SequenceOptions: op.SequenceOptions{Type: "integer", Start: op.Int64(100), Increment: 5, MinValue: op.Int64(1), MaxValue: op.Int64(1_000_000_000_000), Cache: 10}}},
			{Name: "Email", Type: "app.email"},
			{Name: "username", Type: "character varying(50)", NotNull: true, Collation: `"C"`},
			{Name: "order", Type: "integer", Default: "0"},
			{Name: "bio", Type: "text", Storage: "external"},
			{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()", Comment: "when the row was created"},
			{Name: injection, Type: "text", Comment: "it's quoted"},
		}, Constraints: []op.Constraint{
			op.PrimaryKey{Name: "user_pkey", Columns: []string{"id"}},
			op.Unique{Name: "user_username_key", Columns: []string{"username"}, NullsNotDistinct: true},
			op.Check{Name: "user_order_positive", Expr: `"order" >= 0`},
			op.Check{Name: "user_email_len", Expr: `length("Email") > 3`, NotValid: true},
		}, Comment: "application users"}},
		{name: "backfill with hostile names", op: op.Backfill{Schema: app, Table: "user", Set: `"order" = 1`, Where: `"order" = 0`,
			Key: []string{"id", injection}, BatchSize: 50}},
		{name: "unique constraint over an index built concurrently", op: op.CreateIndex{Schema: app, Table: "user", Name: "user_bio_key",
			Unique: true, Columns: op.Cols("bio"), Concurrently: true}, cleanedUp: true},
		{name: "add unique constraint using index", op: op.AddConstraint{Schema: app, Table: "user", Constraint: op.Unique{Name: "user_bio_key", UsingIndex: "user_bio_key"}}},
		{name: "create table with inline column constraints", op: op.CreateTable{Schema: "public", Name: "products", Columns: []op.Column{
			{Name: "id", Type: "integer", PrimaryKey: true},
			{Name: "name", Type: "character varying(200)", NotNull: true, Unique: true},
			{Name: "price", Type: "numeric(10,2)", NotNull: true},
			{Name: "description", Type: "text"},
			{Name: "stock", Type: "integer", NotNull: true, Default: "0"},
			{Name: "active", Type: "boolean", NotNull: true, Default: "true"},
			{Name: "sku", Type: "text"},
			{Name: "tags", Type: "text[]"},
			{Name: "doc", Type: "jsonb"},
			{Name: "search", Type: "tsvector"},
		}}},
		{name: "create table with foreign keys, one NOT VALID", op: op.CreateTable{Schema: app, Name: "order", Columns: []op.Column{
			{Name: "id", Type: "bigint", NotNull: true, Identity: &op.Identity{}},
			{Name: "user_id", Type: "bigint", NotNull: true},
			{Name: "product_id", Type: "integer"},
			{Name: "status", Type: "app.order_status", NotNull: true, Default: "'pending'"},
			{Name: "total", Type: "numeric(12,2)"},
			{Name: "note", Type: "text", Collation: "app.c_bytes"},
		}, Constraints: []op.Constraint{
			op.PrimaryKey{Name: "order_pkey", Columns: []string{"id"}, Include: []string{"user_id"}, Options: []string{"fillfactor=90"}, Deferrable: op.Deferrable{Deferrable: true}},
			op.ForeignKey{Name: "order_user_fk", Columns: []string{"user_id"}, References: op.Name{Schema: app, Name: "user"}, RefColumns: []string{"id"},
				OnDelete: "cascade", OnUpdate: "RESTRICT", Deferrable: op.Deferrable{Deferrable: true, InitiallyDeferred: true}},
			op.ForeignKey{Name: "order_product_fk", Columns: []string{"product_id"}, References: op.Name{Name: "products"},
				OnDelete: "SET NULL", Match: "full", NotValid: true},
		}}},
		{name: "create table with exclusion constraint", op: op.CreateTable{Schema: app, Name: "booking", Columns: []op.Column{
			{Name: "room", Type: "integer", NotNull: true},
			{Name: "during", Type: "tstzrange", NotNull: true},
			{Name: "booked_by", Type: "text"},
		}, Constraints: []op.Constraint{
			op.Exclude{Name: "booking_no_overlap", Using: "gist", Elements: []op.ExcludeElement{{Element: "room", Operator: "="}, {Element: "during", Operator: "&&"}},
				Include: []string{"booked_by"}, Where: "room > 0", Deferrable: op.Deferrable{Deferrable: true}},
		}}},
		{name: "create partitioned table", op: op.CreateTable{Schema: app, Name: "events", Columns: []op.Column{
			{Name: "id", Type: "bigint", NotNull: true},
			{Name: "created_at", Type: "timestamp with time zone", NotNull: true},
			{Name: "payload", Type: "jsonb"},
		}, PartitionBy: "RANGE (created_at)"}},
		{name: "create partition", op: op.CreateTable{Schema: app, Name: "events_2024", PartitionOf: &op.Name{Schema: app, Name: "events"},
			PartitionBound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"}},
		{name: "create partition with column options", op: op.CreateTable{Schema: app, Name: "events_old", PartitionOf: &op.Name{Schema: app, Name: "events"},
			Columns: []op.Column{{Name: "payload", Default: "'{}'", NotNull: true}}, PartitionBound: "DEFAULT"}},
		{name: "create table to attach", op: op.CreateTable{Schema: app, Name: "events_2025", Columns: []op.Column{
			{Name: "id", Type: "bigint", NotNull: true},
			{Name: "created_at", Type: "timestamp with time zone", NotNull: true},
			{Name: "payload", Type: "jsonb"},
		}}},
		{name: "attach partition", op: op.AttachPartition{Schema: app, Table: "events", Partition: op.Name{Schema: app, Name: "events_2025"},
			Bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"}},
		{name: "create unlogged table", op: op.CreateTable{Schema: app, Name: "cache", Unlogged: true, IfNotExists: true, Options: []string{"fillfactor=70"},
			Columns: []op.Column{{Name: "key", Type: "text", PrimaryKey: true}, {Name: "value", Type: "bytea"}}}},
		{name: "set logged", op: op.SetLogged{Schema: app, Table: "cache"}},
		{name: "set table options", op: op.SetTableOptions{Schema: app, Table: "cache", Set: []string{"fillfactor=80", "autovacuum_enabled=false"}, Reset: []string{"toast_tuple_target"}},
			undo: op.SetTableOptions{Schema: app, Table: "cache", Reset: []string{"fillfactor", "autovacuum_enabled"}}},
		{name: "rename table", op: op.RenameTable{Schema: app, Name: "cache", NewName: "Cache V2"}},
		{name: "create inheritance parent", op: op.CreateTable{Schema: app, Name: "base_log", Columns: []op.Column{{Name: "msg", Type: "text"}}}},
		{name: "create inheriting table", op: op.CreateTable{Schema: app, Name: "child_log", Columns: []op.Column{{Name: "msg", Type: "text"}, {Name: "extra", Type: "integer"}},
			Inherits: []op.Name{{Schema: app, Name: "base_log"}}}},
		{name: "no inherit", op: op.SetInherit{Schema: app, Table: "child_log", Parent: op.Name{Schema: app, Name: "base_log"}, NoInherit: true}},
		{name: "identity column table", op: op.CreateTable{Schema: app, Name: "counter", Columns: []op.Column{{Name: "n", Type: "integer", NotNull: true}}}},

		// Columns.
		{name: "add column", op: op.AddColumn{Schema: app, Table: "user", Column: op.Column{Name: "last_login", Type: "timestamp with time zone"}}},
		{name: "create table with compression and statistics", op: op.CreateTable{Schema: app, Name: "tuned", Columns: []op.Column{
			{Name: "id", Type: "integer", Statistics: op.Int64(0), Options: []string{"n_distinct_inherited=10"}}, {Name: "body", Type: "text", Compression: "lz4", Statistics: op.Int64(500)}}}},
		{name: "add column with compression and statistics", op: op.AddColumn{Schema: app, Table: "tuned", Column: op.Column{Name: "doc", Type: "jsonb", Compression: "pglz", Statistics: op.Int64(50)}}},
		{name: "alter column compression and statistics", op: op.AlterColumn{Schema: app, Table: "tuned", Column: "body", SetCompression: "default", SetStatistics: op.Int64(-1)},
			undo: op.AlterColumn{Schema: app, Table: "tuned", Column: "body", SetCompression: "lz4", SetStatistics: op.Int64(500)}},
		{name: "alter column options", op: op.AlterColumn{Schema: app, Table: "tuned", Column: "id", SetOptions: []string{"n_distinct=-0.5"}, ResetOptions: []string{"n_distinct_inherited"}},
			undo: op.AlterColumn{Schema: app, Table: "tuned", Column: "id", ResetOptions: []string{"n_distinct"}}},
		{name: "add column if not exists with volatile default and comment", op: op.AddColumn{Schema: app, Table: "user", IfNotExists: true,
			Column: op.Column{Name: "token", Type: "uuid", NotNull: true, Default: "gen_random_uuid()", Comment: "API token"}}},
		{name: "add generated column", op: op.AddColumn{Schema: app, Table: "user", Column: op.Column{Name: "shout", Type: "text", Generated: "upper(username::text)"}}},
		{name: "alter column drop expression", op: op.AlterColumn{Schema: app, Table: "user", Column: "shout", DropExpression: true}},
		{name: "add column with unique and primary-key-free inline constraint", op: op.AddColumn{Table: "products", Column: op.Column{Name: "code", Type: "text", Unique: true}}},
		{name: "alter column type with using and collation", op: op.AlterColumn{Schema: app, Table: "user", Column: "username", Type: "character varying(100)", Collation: `"C"`, Using: "username::character varying(100)"},
			undo: op.AlterColumn{Schema: app, Table: "user", Column: "username", Type: "character varying(50)"}},
		{name: "alter column default and nullability", op: op.AlterColumn{Table: "products", Column: "stock", SetDefault: "1", DropNotNull: true},
			undo: op.AlterColumn{Table: "products", Column: "stock", SetDefault: "0", SetNotNull: true}},
		{name: "alter column drop default", op: op.AlterColumn{Table: "products", Column: "active", DropDefault: true},
			undo: op.AlterColumn{Table: "products", Column: "active", SetDefault: "true"}},
		{name: "alter column add identity", op: op.AlterColumn{Schema: app, Table: "counter", Column: "n", AddIdentity: &op.Identity{
			SequenceName: &op.Name{Schema: app, Name: "counter_n_seq"}, SequenceOptions: op.SequenceOptions{Start: op.Int64(5), Cycle: true}}},
			undo: op.AlterColumn{Schema: app, Table: "counter", Column: "n", DropIdentity: true}},
		{name: "alter column set identity", op: op.AlterColumn{Schema: app, Table: "user", Column: "id", SetIdentity: &op.Identity{SequenceOptions: op.SequenceOptions{Increment: 2, Start: op.Int64(7)}}},
			undo: op.AlterColumn{Schema: app, Table: "user", Column: "id", SetIdentity: &op.Identity{Always: true, SequenceOptions: op.SequenceOptions{Increment: 5, Start: op.Int64(100), MinValue: op.Int64(1), MaxValue: op.Int64(1_000_000_000_000), Cache: 10}}}},
		{name: "alter column set storage", op: op.AlterColumn{Schema: app, Table: "user", Column: "bio", SetStorage: "main"},
			undo: op.AlterColumn{Schema: app, Table: "user", Column: "bio", SetStorage: "external"}},
		{name: "rename column", op: op.RenameColumn{Schema: app, Table: "order", Column: "total", NewName: "Amount"}},
		{name: "add column to drop", op: op.AddColumn{Table: "products", Column: op.Column{Name: "legacy_code", Type: "character varying(20)"}}},
		{name: "drop column", op: op.DropColumn{Table: "products", Column: "legacy_code"},
			undo: op.AddColumn{Table: "products", Column: op.Column{Name: "legacy_code", Type: "character varying(20)"}}},
		{name: "drop column if exists cascade", op: op.DropColumn{Table: "products", Column: "no_such_column", IfExists: true, Cascade: true}},

		// Constraints.
		{name: "add check not valid with comment", op: op.AddConstraint{Table: "products", Constraint: op.Check{Name: "products_price_positive", Expr: "price > 0", NotValid: true}, Comment: "prices are positive"}},
		{name: "validate constraint", op: op.ValidateConstraint{Table: "products", Name: "products_price_positive"}},
		{name: "validate NOT VALID constraint from create table", op: op.ValidateConstraint{Schema: app, Table: "order", Name: "order_product_fk"}},
		{name: "add unique with include, options and deferrable", op: op.AddConstraint{Table: "products", Constraint: op.Unique{Name: "products_sku_key", Columns: []string{"sku"},
			Include: []string{"price"}, Options: []string{"fillfactor=90"}, Deferrable: op.Deferrable{Deferrable: true, InitiallyDeferred: true}}}},
		{name: "add primary key", op: op.AddConstraint{Schema: app, Table: "counter", Constraint: op.PrimaryKey{Name: "counter_pkey", Columns: []string{"n"}}}},
		{name: "add foreign key without ref columns", op: op.AddConstraint{Schema: app, Table: "booking", Constraint: op.ForeignKey{Name: "booking_room_fk", Columns: []string{"room"},
			References: op.Name{Name: "products"}, OnDelete: "RESTRICT", OnUpdate: "NO ACTION", Match: "SIMPLE"}}},
		{name: "add check no inherit to parent only", op: op.AddConstraint{Schema: app, Table: "base_log", Only: true, Constraint: op.Check{Name: "base_log_msg_check", Expr: "msg <> ''", NoInherit: true}}},
		{name: "add exclusion constraint", op: op.AddConstraint{Schema: app, Table: "booking", Constraint: op.Exclude{Name: "booking_one_per_day", Using: "gist",
			Elements: []op.ExcludeElement{{Element: "room", Operator: "="}, {Element: "(room % 10)", Operator: "="}}, Options: []string{"fillfactor=80"}}}},
		{name: "rename constraint", op: op.RenameConstraint{Table: "products", Name: "products_sku_key", NewName: "Products SKU"}},
		{name: "drop constraint if exists", op: op.DropConstraint{Table: "products", Name: "no_such_constraint", IfExists: true}},

		// Indexes.
		{name: "create index", op: op.CreateIndex{Table: "products", Name: "ix_products_sku", Columns: op.Cols("sku")}},
		{name: "cluster on an index", op: op.SetClusterOn{Table: "products", Index: "ix_products_sku"},
			undo: op.SetClusterOn{Table: "products"}},
		{name: "create unique partial expression index", op: op.CreateIndex{Schema: "public", Table: "products", Name: "Products_SKU_lower", Unique: true,
			Columns: []op.IndexColumn{{Expr: "lower(sku)"}}, Where: "active AND sku IS NOT NULL"}},
		{name: "set an expression key's statistics target", op: op.SetIndexStatistics{Schema: "public", Index: "Products_SKU_lower", Column: 1, Target: 500},
			undo: op.SetIndexStatistics{Schema: "public", Index: "Products_SKU_lower", Column: 1, Target: -1}},
		{name: "create gin index with opclass", op: op.CreateIndex{Table: "products", Name: "ix_products_doc", Using: "gin",
			Columns: []op.IndexColumn{{Name: "doc", Opclass: "jsonb_path_ops"}}}},
		{name: "create gin index on array", op: op.CreateIndex{Table: "products", Name: "ix_products_tags", Using: "GIN", Columns: op.Cols("tags")}},
		{name: "create gist index with opclass options", op: op.CreateIndex{Table: "products", Name: "ix_products_search", Using: "gist",
			Columns: []op.IndexColumn{{Name: "search", Opclass: "tsvector_ops", OpclassOptions: []string{"siglen=100"}}}}},
		{name: "create index with include, ordering, options and comment", op: op.CreateIndex{Schema: app, Table: "order", Name: "ix_order_user", Using: "btree",
			Columns: []op.IndexColumn{{Name: "user_id", Desc: true, Nulls: "last"}, {Name: "note", Collation: `"C"`, Opclass: "text_pattern_ops"}},
			Include: []string{"status"}, Options: []string{"fillfactor=90", "deduplicate_items=off"}, Comment: "orders by user"}},
		{name: "create unique index nulls not distinct", op: op.CreateIndex{Schema: app, Table: "user", Name: "user_email_key", Unique: true, NullsNotDistinct: true,
			Columns: op.Cols("Email")}},
		{name: "create index concurrently if not exists", op: op.CreateIndex{Schema: app, Table: "user", Name: "ix_user_created", Concurrently: true, IfNotExists: true,
			Columns: op.Cols("created_at")}},
		{name: "create index on only the partitioned table", op: op.CreateIndex{Schema: app, Table: "events", Name: "ix_events_created", Only: true, Columns: op.Cols("created_at")}},
		{name: "create index on a partition", op: op.CreateIndex{Schema: app, Table: "events_2024", Name: "ix_events_2024_created", Columns: op.Cols("created_at")}, cleanedUp: true},
		{name: "attach index", op: op.AttachIndex{Schema: app, Index: "ix_events_created", Partition: op.Name{Schema: app, Name: "ix_events_2024_created"}}},
		{name: "name the attached index", op: op.NameAttachedIndex{Schema: app, Table: "events_2024", ParentSchema: app, Parent: "ix_events_created", Name: "events_2024_created_idx"}},
		{name: "name the attached index back", op: op.NameAttachedIndex{Schema: app, Table: "events_2024", ParentSchema: app, Parent: "ix_events_created", Name: "ix_events_2024_created"}},
		{name: "create unique index on only the partitioned table", op: op.CreateIndex{Schema: app, Table: "events", Name: "ux_events_id", Unique: true, Only: true,
			Columns: op.Cols("id", "created_at")}, cleanedUp: true},
		{name: "add a partition's own primary key", op: op.AddConstraint{Schema: app, Table: "events_2024", Only: true,
			Constraint: op.PrimaryKey{Name: "events_2024_own_pk", Columns: []string{"id", "created_at"}}}, cleanedUp: true},
		{name: "attach a partition's primary key", op: op.AttachIndex{Schema: app, Index: "ux_events_id", Partition: op.Name{Schema: app, Name: "events_2024_own_pk"}}},
		{name: "drop index with the constraints attached to it", op: op.DropIndex{Schema: app, Name: "ux_events_id", Cascade: true}},
		{name: "create unnamed index", op: op.CreateIndex{Schema: app, Table: "booking", Columns: op.Cols("booked_by")}, cleanedUp: true},
		{name: "rename index", op: op.RenameIndex{Name: "ix_products_sku", NewName: "ix_products_sku_v2"}},
		{name: "drop index if exists", op: op.DropIndex{Name: "no_such_index", IfExists: true}},

		// Views.
		{name: "create view with columns and options", op: op.CreateView{Name: "active_products", OrReplace: true, Columns: []string{"id", "Name"},
			Options: []string{"security_barrier=true", "check_option=local"}, Query: "SELECT id, name FROM products WHERE active;", Comment: "products on sale"}},
		{name: "create materialized view with no data", op: op.CreateView{Schema: app, Name: "sales", Materialized: true, WithNoData: true,
			Query: "SELECT product_id, count(*) AS n FROM app.\"order\" GROUP BY product_id"}},
		{name: "refresh materialized view", op: op.RefreshMaterializedView{Schema: app, Name: "sales"}},
		{name: "unique index on materialized view", op: op.CreateIndex{Schema: app, Table: "sales", Name: "sales_product", Unique: true, Columns: op.Cols("product_id")}},
		{name: "refresh materialized view concurrently", op: op.RefreshMaterializedView{Schema: app, Name: "sales", Concurrently: true}},
		{name: "refresh materialized view with no data", op: op.RefreshMaterializedView{Schema: app, Name: "sales", WithNoData: true}},

		// Functions, procedures, triggers.
		{name: "create trigger function with dollars in its body", op: op.CreateFunction{Schema: app, Name: "touch", Returns: "trigger", Language: "plpgsql",
			Body: "\nBEGIN\n  NEW.note := coalesce(NEW.note, '$$');\n  RETURN NEW;\nEND\n", SecurityDefiner: true,
			Config: []string{"search_path=app, public"}, Comment: "fills note"}},
		{name: "create function with defaults and attributes", op: op.CreateFunction{Schema: app, Name: "add", Args: []op.FuncArg{
			{Name: "a", Type: "integer"}, {Name: "b", Type: "integer", Default: "1"},
		}, Returns: "integer", Language: "sql", Body: "SELECT a + b", Volatility: "immutable", Strict: true, Leakproof: true, Parallel: "safe", Cost: 10}},
		{name: "create function with out arguments", op: op.CreateFunction{Schema: app, Name: "split", Args: []op.FuncArg{
			{Mode: "IN", Name: "s", Type: "text"}, {Mode: "OUT", Name: "head", Type: "text"}, {Mode: "OUT", Name: "tail", Type: "text"},
		}, Language: "sql", Body: "SELECT split_part(s, ' ', 1), split_part(s, ' ', 2)", Volatility: "STABLE"}},
		{name: "create variadic set-returning function", op: op.CreateFunction{Schema: app, Name: "each", Args: []op.FuncArg{{Mode: "variadic", Name: "xs", Type: "integer[]"}},
			Returns: "SETOF integer", Language: "sql", Body: "SELECT unnest(xs)", Rows: 20, Parallel: "RESTRICTED", OrReplace: true}},
		{name: "create procedure with inout argument", op: op.CreateFunction{Schema: app, Name: "bump", Procedure: true, Args: []op.FuncArg{{Mode: "INOUT", Name: "n", Type: "integer"}},
			Language: "plpgsql", Body: "BEGIN n := n + 1; END", Comment: "adds one"}},
		{name: "create trigger disabled with comment", op: op.CreateTrigger{Schema: app, Table: "order", Name: "order_touch", Enabled: "D", Comment: "keeps note filled",
			Definition: "CREATE TRIGGER order_touch BEFORE INSERT OR UPDATE ON app.\"order\" FOR EACH ROW EXECUTE FUNCTION app.touch()"}},
		{name: "create trigger enabled always", op: op.CreateTrigger{Schema: app, Table: "order", Name: "order_touch_always", Enabled: "A",
			Definition: "CREATE TRIGGER order_touch_always BEFORE UPDATE ON app.\"order\" FOR EACH ROW EXECUTE FUNCTION app.touch()"}},
		{name: "create trigger replica", op: op.CreateTrigger{Schema: app, Table: "order", Name: "Order Replica", Enabled: "R",
			Definition: "CREATE TRIGGER \"Order Replica\" AFTER DELETE ON app.\"order\" FOR EACH STATEMENT EXECUTE FUNCTION app.touch()"}},
		{name: "enable trigger", op: op.SetTriggerEnabled{Schema: app, Table: "order", Name: "order_touch", State: "O"},
			undo: op.SetTriggerEnabled{Schema: app, Table: "order", Name: "order_touch", State: "D"}},

		// Row-level security.
		{name: "enable and force row level security", op: op.SetRowSecurity{Schema: app, Table: "user", Enable: true, Force: true}},
		{name: "create policy", op: op.CreatePolicy{Schema: app, Table: "user", Name: "user_self", Command: "select", Roles: []string{"public"}, Using: "true"}},
		{name: "create restrictive policy", op: op.CreatePolicy{Schema: app, Table: "user", Name: "User Insert", Restrictive: true, Command: "INSERT",
			Roles: []string{"current_user", "session_user"}, WithCheck: "id > 0", Comment: "inserts need an id"}},
		{name: "create policy for all", op: op.CreatePolicy{Schema: app, Table: "user", Name: "user_all", Command: "ALL", Using: "id > 0", WithCheck: "id > 0"}},
		{name: "alter policy", op: op.AlterPolicy{Schema: app, Table: "user", Name: "user_self", Roles: []string{"PUBLIC", "current_role"}, Using: "id > 0"},
			undo: op.AlterPolicy{Schema: app, Table: "user", Name: "user_self", Roles: []string{"public"}, Using: "true"}},

		// Sequences, again, now that tables exist.
		{name: "create sequence owned by a column", op: op.CreateSequence{Schema: app, Name: "order_ref", OwnedBy: &op.ColumnRef{Schema: app, Table: "order", Column: "Amount"}}},
		{name: "alter sequence", op: op.AlterSequence{Schema: app, Name: "invoice_no", SequenceOptions: op.SequenceOptions{Type: "integer", Increment: 1, Start: op.Int64(1)}, Restart: true}},
		{name: "sync a sequence from another", op: op.SyncSequence{From: op.SequenceRef{Schema: app, Name: "invoice_no"}, To: op.SequenceRef{Schema: app, Name: "order_ref"}}},
		{name: "set sequence owner", op: op.SetSequenceOwner{Schema: app, Name: "invoice_no", OwnedBy: &op.ColumnRef{Schema: app, Table: "user", Column: "order"}},
			undo: op.SetSequenceOwner{Schema: app, Name: "invoice_no"}},

		// Comments.
		{name: "comment on table", op: op.Comment{On: "table", Schema: app, Name: "order", Text: "orders placed"}},
		{name: "comment on column with hostile name", op: op.Comment{On: "COLUMN", Schema: app, Table: "user", Name: injection, Text: `it's a \ backslash`}},
		{name: "comment on constraint", op: op.Comment{On: "CONSTRAINT", Schema: app, Table: "order", Name: "order_user_fk", Text: "owner"}},
		{name: "comment on domain constraint", op: op.Comment{On: "DOMAIN CONSTRAINT", Schema: app, Table: "email", Name: "email_has_at", Text: "needs an at sign"}},
		{name: "comment on function", op: op.Comment{On: "FUNCTION", Schema: app, Name: "add", Args: "integer, integer", Text: "adds"}},
		{name: "comment on procedure", op: op.Comment{On: "PROCEDURE", Schema: app, Name: "bump", Args: "INOUT integer", Text: "bumps"}},
		{name: "comment on schema", op: op.Comment{On: "SCHEMA", Name: "Audit Log", Text: "audit"}},
		{name: "comment on extension", op: op.Comment{On: "EXTENSION", Name: "btree_gist", Text: "for exclusion constraints"}},
		{name: "comment on index", op: op.Comment{On: "INDEX", Schema: "public", Name: "ix_products_doc", Text: "document search"}},
		{name: "comment on trigger", op: op.Comment{On: "TRIGGER", Schema: app, Table: "order", Name: "order_touch_always", Text: "always"}},
		{name: "comment on policy", op: op.Comment{On: "POLICY", Schema: app, Table: "user", Name: "user_all", Text: "all"}},
		{name: "comment on materialized view", op: op.Comment{On: "MATERIALIZED VIEW", Schema: app, Name: "sales", Text: "sales"}},
		{name: "remove comment", op: op.Comment{On: "TABLE", Schema: app, Name: "user"}},

		// Privileges and owners, with the test server's roles.
		{name: "grant on table with grant option", op: op.Grant{Object: op.Object{On: "TABLE", Schema: app, Name: "order"},
			Privileges: []string{"SELECT", "INSERT"}, To: []string{"autogen_reader"}, WithGrantOption: true},
			undo: op.Revoke{Object: op.Object{On: "TABLE", Schema: app, Name: "order"}, Privileges: []string{"SELECT", "INSERT"}, From: []string{"autogen_reader"}}},
		{name: "grant on view to several roles", op: op.Grant{Object: op.Object{On: "VIEW", Name: "active_products"},
			Privileges: []string{"SELECT"}, To: []string{"autogen_reader", "autogen_writer"}}},
		{name: "grant on column with hostile name", op: op.Grant{Object: op.Object{On: "COLUMN", Schema: app, Table: "user", Name: injection},
			Privileges: []string{"SELECT", "UPDATE"}, To: []string{"autogen_writer"}}},
		{name: "grant on sequence", op: op.Grant{Object: op.Object{On: "SEQUENCE", Schema: app, Name: "invoice_no"},
			Privileges: []string{"USAGE"}, To: []string{"autogen_writer"}}},
		{name: "revoke execute on function from public", op: op.Revoke{Object: op.Object{On: "FUNCTION", Schema: app, Name: "add", Args: "integer, integer"},
			Privileges: []string{"EXECUTE"}, From: []string{"PUBLIC"}}},
		{name: "grant on procedure", op: op.Grant{Object: op.Object{On: "PROCEDURE", Schema: app, Name: "bump", Args: "INOUT integer"},
			Privileges: []string{"EXECUTE"}, To: []string{"autogen_writer"}}},
		{name: "grant on schema", op: op.Grant{Object: op.Object{On: "SCHEMA", Name: app}, Privileges: []string{"USAGE"}, To: []string{"autogen_reader"}}},
		{name: "revoke usage on type from public", op: op.Revoke{Object: op.Object{On: "TYPE", Schema: app, Name: "order_status"},
			Privileges: []string{"USAGE"}, From: []string{"PUBLIC"}}},
		{name: "grant on domain with grant option", op: op.Grant{Object: op.Object{On: "DOMAIN", Schema: app, Name: "email"},
			Privileges: []string{"USAGE"}, To: []string{"autogen_reader"}, WithGrantOption: true},
			undo: op.Revoke{Object: op.Object{On: "DOMAIN", Schema: app, Name: "email"}, Privileges: []string{"USAGE"}, From: []string{"autogen_reader"}}},
		{name: "revoke grant option only", op: op.Revoke{Object: op.Object{On: "DOMAIN", Schema: app, Name: "email"},
			Privileges: []string{"USAGE"}, From: []string{"autogen_reader"}, GrantOptionOnly: true},
			undo: op.Grant{Object: op.Object{On: "DOMAIN", Schema: app, Name: "email"}, Privileges: []string{"USAGE"}, To: []string{"autogen_reader"}, WithGrantOption: true}},
		{name: "set owner of table", op: op.SetOwner{Object: op.Object{On: "TABLE", Schema: app, Name: "child_log"}, Owner: "autogen_owner"},
			undo: op.SetOwner{Object: op.Object{On: "TABLE", Schema: app, Name: "child_log"}, Owner: "CURRENT_USER"}},
		{name: "set owner of materialized view", op: op.SetOwner{Object: op.Object{On: "MATERIALIZED VIEW", Schema: app, Name: "sales"}, Owner: "autogen_owner"},
			undo: op.SetOwner{Object: op.Object{On: "MATERIALIZED VIEW", Schema: app, Name: "sales"}, Owner: "CURRENT_USER"}},
		{name: "set owner of function", op: op.SetOwner{Object: op.Object{On: "FUNCTION", Schema: app, Name: "add", Args: "integer, integer"}, Owner: "autogen_owner"},
			undo: op.SetOwner{Object: op.Object{On: "FUNCTION", Schema: app, Name: "add", Args: "integer, integer"}, Owner: "CURRENT_USER"}},
		{name: "set owner of schema", op: op.SetOwner{Object: op.Object{On: "SCHEMA", Name: "Audit Log"}, Owner: "autogen_owner"},
			undo: op.SetOwner{Object: op.Object{On: "SCHEMA", Name: "Audit Log"}, Owner: "CURRENT_USER"}},
		{name: "default privileges for a role in a schema", op: op.DefaultPrivileges{ForRole: "autogen_owner", InSchema: app, On: "TABLES",
			Privileges: []string{"SELECT"}, Roles: []string{"autogen_reader"}}},
		{name: "default privileges revoked from public", op: op.DefaultPrivileges{On: "FUNCTIONS", Privileges: []string{"EXECUTE"},
			Roles: []string{"PUBLIC"}, Revoke: true}},

		// Data.
		{name: "bulk insert seed rows", op: op.BulkInsert{Table: "products", Columns: []string{"id", "name", "price", "sku", "tags", "active"}, Rows: [][]any{
			{1, "Widget", 9.99, "W-1", op.Raw("ARRAY['small', 'blue']"), true},
			{2, "Gadget's \"deluxe\"", "19.50", nil, nil, false},
			{3, `C:\tools\gizmo`, int64(1_000_000), "G\\3", op.Raw("'{}'"), true},
		}}, undo: op.Execute{SQL: "DELETE FROM products"}},
		{name: "bulk insert with no rows renders nothing", op: op.BulkInsert{Table: "products", Columns: []string{"id"}}},
		{name: "execute with undo", op: op.Execute{SQL: "UPDATE products SET stock = stock + 1 WHERE id = 1", Undo: "UPDATE products SET stock = stock - 1 WHERE id = 1"}},
		{name: "execute multi-line", op: op.Execute{SQL: "INSERT INTO app.\"user\" (username, \"Email\")\nVALUES ('ann', 'ann@example.com')"}, undo: op.Execute{SQL: "DELETE FROM app.\"user\""}},
		{name: "bulk insert into a table with an identity, a domain and a hostile column", op: op.BulkInsert{Schema: app, Table: "user",
			Columns: []string{"username", "Email", "order", "created_at", injection}, Rows: [][]any{
				{"bob", "bob@example.com", int16(3), time.Date(2024, 2, 29, 23, 59, 58, 123456000, time.UTC), "x'); DROP TABLE products; --"},
				{"eve", nil, uint8(0), time.Date(2024, 3, 1, 1, 0, 0, 0, time.FixedZone("", -5*3600-30*60)), `\'`},
			}}, undo: op.Execute{SQL: "DELETE FROM app.\"user\""}},

		// A rewrite that puts a table's columns in another order, keeping
		// its rows and its identity's position.
		{name: "create a table to rewrite", op: op.CreateTable{Schema: app, Name: "rewrite_me", Columns: []op.Column{
			{Name: "a", Type: "integer", NotNull: true, Identity: &op.Identity{Always: true}}, {Name: "b", Type: "text"}}}},
		{name: "rows to keep", op: op.Execute{SQL: "INSERT INTO app.rewrite_me (b) VALUES ('x'), ('y')"}, cleanedUp: true},
		{name: "stash rows", op: op.StashRows{Schema: app, Table: "rewrite_me", Sequences: []string{"a", "b"}}, cleanedUp: true},
		{name: "drop the stashed table", op: op.DropTable{Schema: app, Name: "rewrite_me", RowsStashed: true}, cleanedUp: true},
		{name: "create it again reordered", op: op.CreateTable{Schema: app, Name: "rewrite_me", Columns: []op.Column{
			{Name: "b", Type: "text"}, {Name: "a", Type: "integer", NotNull: true, Identity: &op.Identity{Always: true}}}}, cleanedUp: true},
		{name: "restore rows", op: op.RestoreRows{Schema: app, Table: "rewrite_me", Columns: []string{"b", "a"}, Sequences: []string{"a", "b"}}, cleanedUp: true},
		{name: "the identity continues", op: op.Execute{SQL: "DO $$BEGIN IF (SELECT count(*) FROM app.rewrite_me) <> 2 OR nextval(pg_get_serial_sequence('app.rewrite_me', 'a')) <> 3 THEN RAISE EXCEPTION 'rewrite lost rows or the identity position'; END IF; END$$"}, cleanedUp: true},

		// A rewrite for a column whose type changes (a partition key's),
		// its values converted as they are copied back.
		{name: "create a table to retype", op: op.CreateTable{Schema: app, Name: "retype_me", Columns: []op.Column{
			{Name: "k", Type: "integer"}, {Name: "t", Type: "text"}}}},
		{name: "rows to convert", op: op.Execute{SQL: "INSERT INTO app.retype_me VALUES (1, 'x'), (2, 'y')"}, cleanedUp: true},
		{name: "stash rows to retype", op: op.StashRows{Schema: app, Table: "retype_me", ForKey: true}, cleanedUp: true},
		{name: "drop the table to retype", op: op.DropTable{Schema: app, Name: "retype_me", RowsStashed: true}, cleanedUp: true},
		{name: "create it again retyped", op: op.CreateTable{Schema: app, Name: "retype_me", Columns: []op.Column{
			{Name: "k", Type: "bigint"}, {Name: "t", Type: "character varying(5)"}}}, cleanedUp: true},
		{name: "restore rows converted", op: op.RestoreRows{Schema: app, Table: "retype_me", Columns: []string{"k", "t"}, Select: []string{"k::bigint", "t"}}, cleanedUp: true},
		{name: "the rows are converted", op: op.Execute{SQL: "DO $$BEGIN IF (SELECT sum(k) FROM app.retype_me) <> 3 OR pg_typeof((SELECT k FROM app.retype_me LIMIT 1)) <> 'bigint'::regtype THEN RAISE EXCEPTION 'rewrite lost or did not convert rows'; END IF; END$$"}, cleanedUp: true},

		// Render-only variants: drops that would remove what later undos
		// expect, and statements that fail on purpose.
		{name: "drop table if exists cascade", op: op.DropTable{Schema: app, Name: "gone", IfExists: true, Cascade: true}},
		{name: "drop schema cascade", op: op.DropSchema{Name: "Audit Log", IfExists: true, Cascade: true}, renderOnly: true},
		{name: "drop extension cascade", op: op.DropExtension{Name: "citext", IfExists: true, Cascade: true}, renderOnly: true},
		{name: "drop type if exists", op: op.DropType{Schema: app, Name: "gone", IfExists: true}},
		{name: "drop domain if exists", op: op.DropDomain{Schema: app, Name: "gone", IfExists: true}},
		{name: "drop sequence if exists", op: op.DropSequence{Schema: app, Name: "gone", IfExists: true}},
		{name: "drop collation if exists", op: op.DropCollation{Schema: app, Name: "gone", IfExists: true}},
		{name: "drop view if exists cascade", op: op.DropView{Name: "gone", IfExists: true, Cascade: true}},
		{name: "drop materialized view if exists", op: op.DropView{Name: "gone", Materialized: true, IfExists: true}},
		{name: "drop function if exists", op: op.DropFunction{Schema: app, Name: "gone", Args: "integer, text[]", IfExists: true}},
		{name: "drop procedure if exists", op: op.DropFunction{Schema: app, Name: "gone", Procedure: true, IfExists: true}},
		{name: "drop trigger if exists", op: op.DropTrigger{Schema: app, Table: "order", Name: "gone", IfExists: true}},
		{name: "drop policy if exists", op: op.DropPolicy{Schema: app, Table: "user", Name: "gone", IfExists: true}},
		{name: "drop index concurrently", op: op.DropIndex{Schema: app, Name: "gone", Concurrently: true, IfExists: true}},
		{name: "detach partition", op: op.DetachPartition{Schema: app, Table: "events", Partition: op.Name{Schema: app, Name: "events_2025"}},
			undo: op.AttachPartition{Schema: app, Table: "events", Partition: op.Name{Schema: app, Name: "events_2025"}, Bound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"}},
		{name: "disable row level security", op: op.SetRowSecurity{Schema: app, Table: "child_log", Disable: true, NoForce: true}},
		{name: "replica identity full", op: op.SetReplicaIdentity{Schema: app, Table: "user", Identity: "FULL"},
			undo: op.SetReplicaIdentity{Schema: app, Table: "user", Identity: "DEFAULT"}},
		{name: "set local", op: op.SetLocal{Name: "check_function_bodies", Value: "off"}},
		{name: "commit", op: op.Commit{Reason: "the runtime commits here; nothing is rendered"}},
		{name: "unqualified create table", op: op.CreateTable{Name: "Mixed Case", Columns: []op.Column{{Name: "ID", Type: "integer"}, {Name: "select", Type: "text"}}}},

		// Objects created from their statement (model.Definition).
		{name: "create aggregate", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "AGGREGATE", Schema: app, Name: "total", Args: "integer"},
			Definition: "CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0')", Comment: "a sum"}},
		{name: "create text search configuration with mappings", op: op.CreateObject{
			ObjectName: op.ObjectName{Kind: "TEXT SEARCH CONFIGURATION", Schema: app, Name: "plain"},
			Definition: `CREATE TEXT SEARCH CONFIGURATION app.plain (PARSER = "default")`,
			Then:       []string{"ALTER MAPPING FOR asciiword WITH simple", "ALTER MAPPING FOR word WITH english_stem, simple"}}},
		{name: "alter text search configuration mappings", op: op.AlterObject{
			ObjectName: op.ObjectName{Kind: "TEXT SEARCH CONFIGURATION", Schema: app, Name: "plain"},
			Actions:    []string{"DROP MAPPING FOR word", "ALTER MAPPING FOR asciiword WITH english_stem"}},
			undo: op.AlterObject{ObjectName: op.ObjectName{Kind: "TEXT SEARCH CONFIGURATION", Schema: app, Name: "plain"},
				Actions: []string{"ALTER MAPPING FOR word WITH english_stem, simple", "ALTER MAPPING FOR asciiword WITH simple"}}},
		{name: "create operator", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "OPERATOR", Schema: app, Name: "===", Args: "integer, integer"},
			Definition: "CREATE OPERATOR app.=== (FUNCTION = int4eq, LEFTARG = integer, RIGHTARG = integer, COMMUTATOR = OPERATOR(app.===))",
			Comment:    "equal"}},
		{name: "create cast", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "CAST", Args: "app.order_status AS integer"},
			Definition: "CREATE CAST (app.order_status AS integer) WITH INOUT", Comment: "status as a number"}},
		{name: "create shell type", op: op.CreateShellType{Schema: app, Name: "int4alias"}, cleanedUp: true},
		{name: "create base type input", op: op.CreateFunction{Schema: app, Name: "int4alias_in", Args: []op.FuncArg{{Type: "cstring"}},
			Returns: "app.int4alias", Language: "internal", Body: "int4in", Volatility: "IMMUTABLE", Strict: true}, cleanedUp: true},
		{name: "create base type output", op: op.CreateFunction{Schema: app, Name: "int4alias_out", Args: []op.FuncArg{{Type: "app.int4alias"}},
			Returns: "cstring", Language: "internal", Body: "int4out", Volatility: "IMMUTABLE", Strict: true}, cleanedUp: true},
		{name: "create C function", op: op.CreateFunction{Schema: app, Name: "validate_plpgsql", Args: []op.FuncArg{{Type: "oid"}},
			Returns: "void", Language: "c", Library: "$libdir/plpgsql", Body: "plpgsql_validator", Strict: true}},
		{name: "create base type", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "TYPE", Schema: app, Name: "int4alias"},
			Definition: "CREATE TYPE app.int4alias (INTERNALLENGTH = 4, INPUT = app.int4alias_in, OUTPUT = app.int4alias_out, PASSEDBYVALUE)"},
			undo: op.DropObject{ObjectName: op.ObjectName{Kind: "TYPE", Schema: app, Name: "int4alias"}, Cascade: true}},
		{name: "create publication with a table", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "PUBLICATION", Name: "orders"},
			Definition: "CREATE PUBLICATION orders", Then: []string{`ADD TABLE app."order"`}}},
		{name: "alter publication options", op: op.AlterObject{ObjectName: op.ObjectName{Kind: "PUBLICATION", Name: "orders"},
			Actions: []string{"SET (publish = 'insert')"}},
			undo: op.AlterObject{ObjectName: op.ObjectName{Kind: "PUBLICATION", Name: "orders"}, Actions: []string{"SET (publish = 'insert, update, delete, truncate')"}}},
		{name: "create rule", op: op.CreateObject{ObjectName: op.ObjectName{Kind: "RULE", Schema: app, Table: "order", Name: "order_keep"},
			Definition: `CREATE RULE order_keep AS ON DELETE TO app."order" DO INSTEAD NOTHING`}},
		{name: "disable rule", op: op.AlterObject{ObjectName: op.ObjectName{Kind: "RULE", Schema: app, Table: "order", Name: "order_keep"},
			Actions: []string{"DISABLE RULE order_keep"}},
			undo: op.AlterObject{ObjectName: op.ObjectName{Kind: "RULE", Schema: app, Table: "order", Name: "order_keep"}, Actions: []string{"ENABLE RULE order_keep"}}},
		{name: "drop operator class", op: op.DropObject{ObjectName: op.ObjectName{Kind: "OPERATOR CLASS", Schema: app, Name: "gone_ops", Table: "btree"}, IfExists: true}},
		{name: "drop user mapping", op: op.DropObject{ObjectName: op.ObjectName{Kind: "USER MAPPING", Name: "gone", Args: "public"}, IfExists: true}, renderOnly: true},
		{name: "drop prefix operator", op: op.DropObject{ObjectName: op.ObjectName{Kind: "OPERATOR", Schema: app, Name: "~~~", Args: "NONE, integer"}, IfExists: true}},
	}
}
