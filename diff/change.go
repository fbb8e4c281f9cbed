package diff

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

// Change is one schema change. The implementations are the types of this
// package; the set is closed.
type Change interface {
	// Describe says what was detected, as "added column 'orders.status'".
	Describe() string
	// Subject names the object the change is about, for grouping and
	// comments: "orders", "public.mood".
	Subject() string
	order() (phase, string)
}

// CreateSchema creates a schema.
type CreateSchema struct{ Schema *model.Schema }

// DropSchema drops a schema.
type DropSchema struct{ Schema *model.Schema }

// CreateExtension installs an extension.
type CreateExtension struct{ Extension *model.Extension }

// DropExtension removes an extension.
type DropExtension struct {
	Extension *model.Extension
	// Recreate is set when the extension is created again in this change
	// set, so it must go early.
	Recreate bool
}

// UpdateExtension changes an extension's version.
type UpdateExtension struct{ From, To *model.Extension }

// CreateCollation creates a collation.
type CreateCollation struct{ Collation *model.Collation }

// DropCollation drops a collation.
type DropCollation struct {
	Collation *model.Collation
	Recreate  bool
}

// CreateEnum creates an enum type.
type CreateEnum struct{ Enum *model.Enum }

// DropEnum drops an enum type.
type DropEnum struct{ Enum *model.Enum }

// AddEnumValue adds one value to an enum, placed before or after an
// existing value.
type AddEnumValue struct {
	Enum          model.Name
	Value         string
	Before, After string
}

// SwapTypes replaces types that PostgreSQL cannot change in place while
// columns use them: an enum whose values are removed or reordered, a
// domain whose base type or collation changes, a composite type whose
// attribute types change. Each old type is renamed out of the way, the new
// one created under its name, every column of it (or of an array of it)
// converted through the type's text form, which is lossless for all of
// them, and the old type dropped. Domains and composite types built on a
// swapped type are swapped with it, in the same step.
type SwapTypes struct {
	// Types are the swaps, a base type before the types built on it.
	Types []TypeSwap
	// Uses are the columns converted.
	Uses []TypeUse
}

// TypeSwap is one type of a SwapTypes: From and To are both *model.Enum,
// *model.Domain or *model.Composite.
type TypeSwap struct {
	ID       model.ObjectID
	From, To any
}

// TypeUse is a column whose type (or element type) is swapped.
type TypeUse struct {
	Table  model.Name
	Column *model.Column
	// NewDefault is the column's default in the target schema.
	NewDefault *model.Expr
}

// CreateDomain creates a domain.
type CreateDomain struct{ Domain *model.Domain }

// DropDomain drops a domain.
type DropDomain struct {
	Domain   *model.Domain
	Recreate bool
}

// AlterDomain changes a domain's default, nullability or checks.
type AlterDomain struct{ From, To *model.Domain }

// CreateComposite creates a composite type.
type CreateComposite struct{ Composite *model.Composite }

// DropComposite drops a composite type.
type DropComposite struct {
	Composite *model.Composite
	Recreate  bool
}

// CreateSequence creates a sequence (its owner is set by SetSequenceOwner
// once the table exists).
type CreateSequence struct{ Sequence *model.Sequence }

// DropSequence drops a sequence; Recreate is set when its name is taken by
// something created in this change set, so the drop must come first.
type DropSequence struct {
	Sequence *model.Sequence
	Recreate bool
}

// AlterSequence changes a sequence's options.
type AlterSequence struct{ From, To *model.Sequence }

// SetSequenceLogged switches a sequence between logged and unlogged. It
// runs after the tables are altered: switching a table switches the
// sequences it owns, and this sets what that leaves otherwise.
type SetSequenceLogged struct{ From, To *model.Sequence }

// SetSequenceOwner changes the column that owns a sequence (OWNED BY).
// Early is set when the owner is about to be dropped: the sequence is
// released first so that it survives.
type SetSequenceOwner struct {
	Sequence *model.Sequence
	From, To *model.ColumnRef
	Early    bool
}

// CreateFunction creates a function or procedure; Replace uses CREATE OR
// REPLACE over an existing definition with the same signature and result.
type CreateFunction struct {
	Function *model.Function
	Replace  bool
	// Late is set for a function whose signature names a table or view
	// type, which must exist first.
	Late bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropFunction drops a function or procedure.
type DropFunction struct {
	Function *model.Function
	Late     bool
	Recreate bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// CreateTable creates a table with its columns and its primary key, unique,
// check and exclusion constraints. Foreign keys are separate changes.
// RowsFrom is set when the table is a rewrite of the current one (see
// WithExactColumnOrder): its rows are copied back from it, the values of
// the columns Copy lists (those both have, a partition's from its parents
// too, that the new table does not generate). Retype gives the copied
// columns whose type changes (a partition key's) their current and new
// types: their values are converted.
type CreateTable struct {
	Table    *model.Table
	RowsFrom *model.Table
	Copy     []string
	Retype   map[string][2]string
	// ForKey says the rewrite is for a partition key's column that changes
	// type, not for the columns' order.
	ForKey bool
	// Routed is set when the table is created again in a tree whose
	// partitioning changes: its rows come back through RouteRows, not by
	// itself.
	Routed bool
}

// DropTable drops a table; its indexes, constraints, triggers, policies and
// owned sequences go with it. Recreate is set when the table is created
// again (a partition key changed), so the drop must come first.
type DropTable struct {
	Table    *model.Table
	Recreate bool
	// KeepRows is set when the table is dropped only to be created again
	// with its columns in another order, or a partition key's column of
	// another type (ForKey): its rows are kept.
	KeepRows bool
	ForKey   bool
	// Routed is set when SetAsideRows kept the table's rows first, for
	// RouteRows to put into the tree partitioned anew.
	Routed bool
	// Text and Columns are set, with KeepRows, when columns of the table
	// have a type swapped in the same revision: they are kept as their
	// text form, as SetAsideRows keeps them.
	Text    []*model.Column
	Columns []string
}

// SetAsideRows copies the rows of a table into a temporary table before
// the partition tree it belongs to is dropped, because the tree's root
// changes its partitioning (plain to partitioned, partitioned to plain, or
// another key) or its key's column changes to a swapped type: PostgreSQL
// can do neither in place.
// RouteRows puts them into the tree created again. Root is the table of
// the tree whose partitioning changes; Lost lists the columns whose values
// the new tree has no column for.
type SetAsideRows struct {
	Table *model.Table
	Root  model.Name
	Lost  []string
	// Text are the columns kept as their text form, since their type is
	// swapped in the same revision (a key's enum that loses values):
	// a copy of the old type would keep it from being dropped. Columns
	// then lists every column of the table, its parents' too.
	Text    []*model.Column
	Columns []string
}

// RouteRows inserts the rows SetAsideRows kept into Table, the root of a
// tree partitioned anew (or a plain table that was a tree), which routes
// each row to the partition it now belongs to, once every table of the
// new tree exists and before its indexes, foreign keys and triggers.
type RouteRows struct {
	Table *model.Table
	From  []RowSource
}

// RowSource is one table whose rows RouteRows inserts: the columns copied
// (those both have that the new table does not generate) and the ones
// whose values are converted to a new type, current and new.
type RowSource struct {
	Table  *model.Table
	Copy   []string
	Retype map[string][2]string
}

// SetTableLogged switches a table between logged and unlogged. Rank
// orders the switches of tables that reference one another: a logged table
// may reference only logged ones, so tables become logged referenced
// first and unlogged referencing first.
type SetTableLogged struct {
	From, To *model.Table
	Rank     int
}

// SetTableOptions changes a table's storage parameters.
type SetTableOptions struct{ From, To *model.Table }

// SetRowSecurity changes whether row-level security is enabled or forced.
type SetRowSecurity struct{ From, To *model.Table }

// SetClusterOn changes the index a table is marked to be clustered on.
type SetClusterOn struct{ From, To *model.Table }

// SetReplicaIdentity changes a table's replica identity.
type SetReplicaIdentity struct{ From, To *model.Table }

// AttachPartition attaches a table as a partition of another. Fresh is
// set when the table is created by the same migration, with its parent's
// columns (a partition with a column order of its own): it is attached
// right after, before what reads the partitioned table's rows, such as a
// foreign key that references it.
type AttachPartition struct {
	Table *model.Table
	Fresh bool
}

// DetachPartition detaches a partition from its parent.
type DetachPartition struct{ Table *model.Table }

// SetInherit adds or removes a parent of a table that uses inheritance.
type SetInherit struct {
	Table  model.Name
	Parent model.Name
	Remove bool
}

// AddColumn adds a column.
type AddColumn struct {
	Table  model.Name
	Column *model.Column
	// Position is the column's place among the desired table's columns:
	// PostgreSQL appends added columns, so they are added in that order.
	Position int
	// Fresh is set when the table is new in this revision (so it is
	// empty).
	Fresh bool
	// AfterParent is set when the column takes the place of one the
	// table inherits from a parent that drops it in this revision: it is
	// added after that drop, which takes the inherited column with it.
	AfterParent bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropColumn drops a column. Recreate is set when the column is added again
// (its generation expression changed), so the drop must come first.
type DropColumn struct {
	Table    model.Name
	Column   *model.Column
	Recreate bool
	// Keep lists the inheritance descendants of the table that keep the
	// column, with their values: they define it themselves, or inherit it
	// from another parent (or from such a descendant). Its rows there
	// are not lost.
	Keep []model.Name
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// AlterColumn changes a column in place.
type AlterColumn struct {
	Table    model.Name
	From, To *model.Column
	// DropSequence and CreateSequence carry a serial column's sequence
	// when the column switches between serial and identity: the old
	// sequence must go before the identity is added (they share the name),
	// and the new one can only be created after the identity is dropped.
	DropSequence   *model.Sequence
	CreateSequence *model.Sequence
	// DefaultStorage is the default storage of To's type, set when the
	// column goes back to it from another: the model leaves a type's
	// default unset, and PostgreSQL before 16 has no SET STORAGE DEFAULT.
	DefaultStorage string
	// AfterParent is set when the column is one a parent adds in this
	// revision: the table's own NOT NULL or default is set after the
	// parent's addition gives it the column.
	AfterParent bool
	// Only is set when the change is to settings a partition or
	// inheritance child keeps apart from its parent (storage, compression
	// method, statistics target, attribute options): it must not reach
	// the table's own children, which have theirs (see tableSettings).
	Only bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// RenameTable renames a table.
type RenameTable struct {
	From, To model.Name
}

// RenameColumn renames a column.
type RenameColumn struct {
	Table    model.Name
	From, To string
}

// AddConstraint adds a table constraint.
type AddConstraint struct {
	Table      model.Name
	Constraint *model.Constraint
	// Fresh is set when the table is new in this revision.
	Fresh bool
	// Only adds a primary key, unique or exclusion constraint to a
	// partitioned table alone (ALTER TABLE ONLY): the target leaves some
	// of its partitions without an index attached to it, and AttachIndex
	// changes give the others theirs.
	Only bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropConstraint drops a table constraint.
type DropConstraint struct {
	Table      model.Name
	Constraint *model.Constraint
	// AfterDetach is set for a constraint a table had from its
	// partitioned table, which it can drop only once detached.
	AfterDetach bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// ValidateConstraint validates a constraint that was NOT VALID.
type ValidateConstraint struct {
	Table      model.Name
	Constraint *model.Constraint
	// Inherited names the table whose NOT VALID check the constraint is
	// a copy of, on a child that validates its copy alone; it runs once
	// that check exists.
	Inherited *model.Name
}

// RenameEnum renames an enum type; the columns that use it keep their values.
type RenameEnum struct {
	From, To model.Name
}

// RenameEnumValue renames one value of an enum type (named by its new name);
// rows holding the value read the new one.
type RenameEnumValue struct {
	Enum     model.Name
	From, To string
}

// RenameSequence renames a sequence, keeping its current value. It follows
// a renamed table or column whose serial sequence is named after it.
type RenameSequence struct {
	From, To model.Name
}

// RenameConstraint renames a constraint whose definition is unchanged.
type RenameConstraint struct {
	Table    model.Name
	From, To string
}

// CreateIndex creates an index. Fresh is set when its table is new (so
// empty); OnView when it indexes a materialized view, created late.
type CreateIndex struct {
	Index  *model.Index
	Fresh  bool
	OnView bool
	// AfterAttach is set for an index of a partition that is defined as
	// an index of its partitioned table is: PostgreSQL would attach it to
	// that index, were it there first, so it is created once the
	// partitions and their partitioned indexes are all in place.
	AfterAttach bool
	// Only creates an index of a partitioned table alone (CREATE INDEX
	// ... ON ONLY): the target leaves some of its partitions without an
	// index attached to it, and AttachIndex changes give the others
	// theirs.
	Only bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropIndex drops an index.
type DropIndex struct {
	Index *model.Index
	// Cascade are the constraints of partitions whose indexes are
	// attached to the index: neither can be dropped alone, so DROP INDEX
	// ... CASCADE drops them together.
	Cascade []model.ObjectID
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// NameAttachedIndex gives the index of partition Table that is attached to
// the partitioned index Parent the name Name, whichever index that is once
// the partition and the partitioned index exist (see attached.go).
type NameAttachedIndex struct {
	Table  model.Name
	Parent model.Name
	Name   string
}

// SetClonedTriggerEnabled sets the firing state of the trigger partition
// Table has from its partitioned table (a clone of the trigger Trigger of
// Owner), and with it those of its own partitions' clones, which are
// ordered after it by Level, its depth in the partition tree.
type SetClonedTriggerEnabled struct {
	Table   model.Name
	Owner   model.Name
	Trigger string
	// From and To are firing states as in model.Trigger.Enabled.
	From, To string
	Level    int
}

// AttachIndex attaches the index Name of partition Table to the
// partitioned index Parent, whose partitions existed before it or before
// the attachment (see attached.go). Unless the partition has the index
// already, it creates it first, as Parent is defined: Index is set when
// Parent is a plain index, Constraint when Parent implements a primary
// key, unique or exclusion constraint. Only creates it on a partition
// that is partitioned itself without recursing: its partitions attach
// theirs in changes of their own, ordered after it by Level, its depth
// in the partition tree.
type AttachIndex struct {
	Table      model.Name
	Parent     model.Name
	Name       string
	Index      *model.Index
	Constraint *model.Constraint
	Only       bool
	Level      int
}

// SetIndexStatistics changes the statistics targets of an index's
// expression keys in place (ALTER INDEX ... ALTER COLUMN n SET
// STATISTICS), where nothing else of the index changes.
type SetIndexStatistics struct {
	From, To *model.Index
}

// RenameIndex renames an index whose definition is unchanged.
type RenameIndex struct {
	Index    *model.Index
	From, To string
}

// CreateView creates a view or materialized view.
type CreateView struct {
	View *model.View
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropView drops a view or materialized view.
type DropView struct {
	View *model.View
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// CreateTrigger creates a trigger.
type CreateTrigger struct {
	Trigger *model.Trigger
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropTrigger drops a trigger.
type DropTrigger struct {
	Trigger *model.Trigger
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// SetTriggerEnabled changes whether a trigger fires.
type SetTriggerEnabled struct{ From, To *model.Trigger }

// CreatePolicy creates a row-level security policy.
type CreatePolicy struct {
	Table  model.Name
	Policy *model.Policy
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropPolicy drops a policy.
type DropPolicy struct {
	Table  model.Name
	Policy *model.Policy
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// AlterPolicy changes a policy's roles or expressions.
type AlterPolicy struct {
	Table    model.Name
	From, To *model.Policy
}

// SetComment changes the comment of an existing object.
type SetComment struct {
	Object   model.ObjectID
	From, To string
}

// AlterComposite changes a composite type in place: attributes added and
// dropped (ALTER TYPE ... ADD / DROP ATTRIBUTE), which PostgreSQL allows
// while columns use the type (their values gain NULLs or lose the
// attribute), and attribute types changed where no column uses the type.
type AlterComposite struct {
	From, To *model.Composite
	// Add and Drop are the attributes added and dropped; Retype the
	// attributes (in their new form) whose type or collation changes.
	Add, Drop, Retype []*model.Attribute
}

// CreateDefinition creates an object held as a model.Definition (an
// aggregate, an operator, a text search configuration, a rule, a
// publication, ...) with its settings.
type CreateDefinition struct {
	Def *model.Definition
	// Shell creates only the shell of a base type (CREATE TYPE name),
	// which its I/O functions need before the type can be defined in
	// full by a second CreateDefinition.
	Shell bool
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// DropDefinition drops an object held as a model.Definition. Recreate is
// set when it is created again in this change set.
type DropDefinition struct {
	Def      *model.Definition
	Recreate bool
	// Cascade are the objects that go with it: a base type's I/O
	// functions, which depend on it as it depends on them (DROP TYPE ...
	// CASCADE).
	Cascade []model.ObjectID
	// Cause is set when the change only makes way for another: the
	// object is dropped and recreated because it depends on something
	// that changes (see dependents.go). It says what and why.
	Cause string
}

// AlterDefinition changes the settings of an object held as a
// model.Definition in place: a text search configuration's mappings, a
// publication's tables, an event trigger's state, OPTIONS, ...
type AlterDefinition struct {
	From, To *model.Definition
	// Reset are the settings taken away (removed, or changed and set
	// again), Set the settings given (added or changed); resets run
	// first.
	Reset, Set []model.Setting
}

// describeObject renders an object for messages: "users.email" for a
// column, "name on table" for other members, "f(integer)" for a function.
func describeObject(id model.ObjectID) string {
	switch id.Kind {
	case model.KindColumn:
		return id.Name.Name + "." + id.Member
	case model.KindConstraint, model.KindTrigger, model.KindPolicy, model.KindDomainCheck, model.KindRule:
		return id.Member + " on " + id.Name.Name
	case model.KindFunction, model.KindProcedure, model.KindAggregate:
		return nm(id.Name) + "(" + id.Args + ")"
	case model.KindOperator:
		return nm(id.Name) + " (" + id.Args + ")"
	case model.KindOpClass, model.KindOpFamily:
		return nm(id.Name) + " USING " + id.Args
	case model.KindCast, model.KindUserMapping:
		return id.Object()
	}
	if id.Name.Schema == "" {
		return id.Name.Name // schemas, extensions and the global kinds
	}
	return nm(id.Name)
}

// qname renders a name for messages: the schema is left out for public.
func qname(schema, name string) string {
	if schema == "" || schema == "public" {
		return name
	}
	return schema + "." + name
}

func nm(n model.Name) string { return qname(n.Schema, n.Name) }

func q(s string) string { return fmt.Sprintf("'%s'", s) }
