package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/autogen-dev/autogen/model"
)

// Describe says what the change does, for people.
func (c CreateSchema) Describe() string { return "added schema " + q(c.Schema.Name) }

// Describe says what the change does, for people.
func (c DropSchema) Describe() string { return "removed schema " + q(c.Schema.Name) }

// Describe says what the change does, for people.
func (c CreateExtension) Describe() string { return "added extension " + q(c.Extension.Name) }

// Describe says what the change does, for people.
func (c DropExtension) Describe() string { return "removed extension " + q(c.Extension.Name) }

// Describe says what the change does, for people.
func (c UpdateExtension) Describe() string {
	return fmt.Sprintf("extension %s version %s -> %s", q(c.To.Name), c.From.Version, c.To.Version)
}

// Describe says what the change does, for people.
func (c CreateCollation) Describe() string { return "added collation " + q(nm(c.Collation.Name)) }

// Describe says what the change does, for people.
func (c DropCollation) Describe() string { return "removed collation " + q(nm(c.Collation.Name)) }

// Describe says what the change does, for people.
func (c CreateEnum) Describe() string {
	return fmt.Sprintf("added enum %s (%s)", q(nm(c.Enum.Name)), strings.Join(c.Enum.Values, ", "))
}

// Describe says what the change does, for people.
func (c DropEnum) Describe() string { return "removed enum " + q(nm(c.Enum.Name)) }

// Describe says what the change does, for people.
func (c AddEnumValue) Describe() string {
	return fmt.Sprintf("added value %s to enum %s", q(c.Value), q(nm(c.Enum)))
}

// Describe says what the change does, for people.
func (c SwapTypes) Describe() string {
	var parts []string
	for _, t := range c.Types {
		switch f := t.From.(type) {
		case *model.Enum:
			to := t.To.(*model.Enum)
			parts = append(parts, fmt.Sprintf("changed values of enum %s: (%s) -> (%s)", q(nm(to.Name)),
				strings.Join(f.Values, ", "), strings.Join(to.Values, ", ")))
		case *model.Domain:
			to := t.To.(*model.Domain)
			if f.Type != to.Type || f.Collation != to.Collation {
				parts = append(parts, fmt.Sprintf("changed base type of domain %s: %s -> %s", q(nm(to.Name)), f.Type, to.Type))
			} else {
				parts = append(parts, fmt.Sprintf("recreated domain %s over the new type", q(nm(to.Name))))
			}
		case *model.Composite:
			parts = append(parts, fmt.Sprintf("recreated type %s with new attribute types", q(nm(f.Name))))
		}
	}
	return strings.Join(parts, "; ")
}

// Describe says what the change does, for people.
func (c CreateDomain) Describe() string { return "added domain " + q(nm(c.Domain.Name)) }

// Describe says what the change does, for people.
func (c DropDomain) Describe() string { return "removed domain " + q(nm(c.Domain.Name)) }

// Describe says what the change does, for people.
func (c AlterDomain) Describe() string { return "changed domain " + q(nm(c.To.Name)) }

// Describe says what the change does, for people.
func (c CreateComposite) Describe() string { return "added type " + q(nm(c.Composite.Name)) }

// Describe says what the change does, for people.
func (c DropComposite) Describe() string { return "removed type " + q(nm(c.Composite.Name)) }

// Describe says what the change does, for people.
func (c CreateSequence) Describe() string { return "added sequence " + q(nm(c.Sequence.Name)) }

// Describe says what the change does, for people.
func (c DropSequence) Describe() string { return "removed sequence " + q(nm(c.Sequence.Name)) }

// Describe says what the change does, for people.
func (c AlterSequence) Describe() string { return "changed sequence " + q(nm(c.To.Name)) }

// Describe says what the change does, for people.
func (c SetSequenceLogged) Describe() string {
	if c.To.Unlogged {
		return "sequence " + q(nm(c.To.Name)) + " made unlogged"
	}
	return "sequence " + q(nm(c.To.Name)) + " made logged"
}

// Describe says what the change does, for people.
func (c SetSequenceOwner) Describe() string {
	if c.To == nil {
		return "sequence " + q(nm(c.Sequence.Name)) + " no longer owned by a column"
	}
	return fmt.Sprintf("sequence %s owned by %s", q(nm(c.Sequence.Name)), q(nm(c.To.Table)+"."+c.To.Column))
}

// Describe says what the change does, for people.
func (c CreateFunction) Describe() string {
	if c.Replace {
		return withCause("changed "+funcKind(c.Function)+" "+q(nm(c.Function.Name)+"("+c.Function.IdentityArgs()+")"), c.Cause)
	}
	return withCause("added "+funcKind(c.Function)+" "+q(nm(c.Function.Name)+"("+c.Function.IdentityArgs()+")"), c.Cause)
}

// Describe says what the change does, for people.
func (c DropFunction) Describe() string {
	return withCause("removed "+funcKind(c.Function)+" "+q(nm(c.Function.Name)+"("+c.Function.IdentityArgs()+")"), c.Cause)
}

// Describe says what the change does, for people.
func (c CreateTable) Describe() string {
	if c.RowsFrom != nil && c.ForKey {
		return "rewrote table " + q(nm(c.Table.Name)) + " with its partition key's column of its new type"
	}
	if c.RowsFrom != nil {
		return "rewrote table " + q(nm(c.Table.Name)) + " with its columns in schema.sql's order"
	}
	return "added table " + q(nm(c.Table.Name))
}

// Describe says what the change does, for people.
func (c DropTable) Describe() string {
	if c.KeepRows && c.ForKey {
		return "set aside the rows of table " + q(nm(c.Table.Name)) + " to rewrite it: a partition key's column changes type"
	}
	if c.KeepRows {
		return "set aside the rows of table " + q(nm(c.Table.Name)) + " to rewrite it with its columns in schema.sql's order"
	}
	return "removed table " + q(nm(c.Table.Name))
}

// Describe says what the change does, for people.
func (c SetAsideRows) Describe() string {
	s := "set aside the rows of table " + q(nm(c.Table.Name)) + " to partition " + q(nm(c.Root)) + " anew"
	if len(c.Text) > 0 {
		s = "set aside the rows of table " + q(nm(c.Table.Name)) + " to create " + q(nm(c.Root)) + " anew around the swap of its key's type"
	}
	if len(c.Lost) > 0 {
		s += " (the values of " + strings.Join(c.Lost, ", ") + " are not kept)"
	}
	return s
}

// Describe says what the change does, for people.
func (c RouteRows) Describe() string {
	names := make([]string, len(c.From))
	for i, s := range c.From {
		names[i] = q(nm(s.Table.Name))
	}
	return "put the rows set aside of " + strings.Join(names, ", ") + " into table " + q(nm(c.Table.Name)) + ", partitioned anew"
}

// Describe says what the change does, for people.
func (c SetTableLogged) Describe() string {
	if c.To.Unlogged {
		return "table " + q(nm(c.To.Name)) + " made unlogged"
	}
	return "table " + q(nm(c.To.Name)) + " made logged"
}

// Describe says what the change does, for people.
func (c SetTableOptions) Describe() string {
	return fmt.Sprintf("storage options of %s: (%s) -> (%s)", q(nm(c.To.Name)), strings.Join(c.From.Options, ", "), strings.Join(c.To.Options, ", "))
}

// Describe says what the change does, for people.
func (c SetClusterOn) Describe() string {
	if c.To.ClusterOn == "" {
		return "table " + q(nm(c.To.Name)) + " no longer clustered on an index"
	}
	return "table " + q(nm(c.To.Name)) + " clustered on " + q(c.To.ClusterOn)
}

// Describe says what the change does, for people.
func (c SetReplicaIdentity) Describe() string {
	id := c.To.ReplicaIdentity
	switch id {
	case "":
		id = "DEFAULT"
	case "INDEX":
		id = "USING INDEX " + c.To.ReplicaIdentityIndex
	}
	return fmt.Sprintf("replica identity of %s: %s", q(nm(c.To.Name)), id)
}

// Describe says what the change does, for people.
func (c SetRowSecurity) Describe() string {
	return fmt.Sprintf("row level security on %s: enabled %v, forced %v", q(nm(c.To.Name)), c.To.RLSEnabled, c.To.RLSForced)
}

// Describe says what the change does, for people.
func (c AttachPartition) Describe() string {
	return fmt.Sprintf("attached partition %s to %s", q(nm(c.Table.Name)), q(nm(*c.Table.PartitionOf)))
}

// Describe says what the change does, for people.
func (c DetachPartition) Describe() string {
	return fmt.Sprintf("detached partition %s from %s", q(nm(c.Table.Name)), q(nm(*c.Table.PartitionOf)))
}

// Describe says what the change does, for people.
func (c SetInherit) Describe() string {
	if c.Remove {
		return fmt.Sprintf("table %s no longer inherits %s", q(nm(c.Table)), q(nm(c.Parent)))
	}
	return fmt.Sprintf("table %s inherits %s", q(nm(c.Table)), q(nm(c.Parent)))
}

// Describe says what the change does, for people.
func (c AddColumn) Describe() string {
	return withCause("added column "+q(nm(c.Table)+"."+c.Column.Name), c.Cause)
}

// Describe says what the change does, for people.
func (c DropColumn) Describe() string {
	return withCause("removed column "+q(nm(c.Table)+"."+c.Column.Name), c.Cause)
}

// Describe says what the change does, for people.
func (c AlterColumn) Describe() string {
	var parts []string
	f, t := c.From, c.To
	if f.Type != t.Type {
		parts = append(parts, fmt.Sprintf("type %s -> %s", f.Type, t.Type))
	}
	if f.Collation != t.Collation {
		parts = append(parts, fmt.Sprintf("collation %s -> %s", orNone(f.Collation), orNone(t.Collation)))
	}
	if f.NotNull != t.NotNull {
		if t.NotNull {
			parts = append(parts, "NOT NULL")
		} else {
			parts = append(parts, "nullable")
		}
	}
	if !f.Default.Equal(t.Default) {
		parts = append(parts, fmt.Sprintf("default %s -> %s", orNone(f.Default.String()), orNone(t.Default.String())))
	}
	if !same(f.Identity, t.Identity) {
		parts = append(parts, "identity")
	}
	if !f.Generated.Equal(t.Generated) {
		parts = append(parts, "generated expression")
	}
	switch {
	case f.Storage == t.Storage:
	case t.Storage == "" && c.DefaultStorage != "":
		parts = append(parts, "storage "+c.DefaultStorage+" (its type's)")
	default:
		parts = append(parts, "storage "+orNone(t.Storage))
	}
	if f.Compression != t.Compression {
		parts = append(parts, "compression "+cmp.Or(t.Compression, "default"))
	}
	if !slices.Equal(f.Options, t.Options) {
		parts = append(parts, "options "+orNone(strings.Join(t.Options, ", ")))
	}
	if !same(f.Statistics, t.Statistics) {
		target := "default"
		if t.Statistics != nil {
			target = strconv.Itoa(*t.Statistics)
		}
		parts = append(parts, "statistics target "+target)
	}
	return withCause(fmt.Sprintf("changed column %s: %s", q(nm(c.Table)+"."+t.Name), strings.Join(parts, ", ")), c.Cause)
}

// Describe says what the change does, for people.
func (c RenameTable) Describe() string {
	return fmt.Sprintf("renamed table %s to %s", q(nm(c.From)), q(c.To.Name))
}

// Describe says what the change does, for people.
func (c RenameColumn) Describe() string {
	return fmt.Sprintf("renamed column %s to %s", q(nm(c.Table)+"."+c.From), q(c.To))
}

// Describe says what the change does, for people.
func (c RenameEnum) Describe() string {
	return fmt.Sprintf("renamed enum %s to %s", q(nm(c.From)), q(c.To.Name))
}

// Describe says what the change does, for people.
func (c RenameEnumValue) Describe() string {
	return fmt.Sprintf("renamed value %s of enum %s to %s", q(c.From), q(nm(c.Enum)), q(c.To))
}

// Describe says what the change does, for people.
func (c RenameSequence) Describe() string {
	return fmt.Sprintf("renamed sequence %s to %s", q(nm(c.From)), q(c.To.Name))
}

// Describe says what the change does, for people.
func (c AddConstraint) Describe() string {
	return withCause(fmt.Sprintf("added %s constraint %s on %s", strings.ToLower(string(c.Constraint.Kind)), q(c.Constraint.Name), q(nm(c.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c DropConstraint) Describe() string {
	return withCause(fmt.Sprintf("removed %s constraint %s on %s", strings.ToLower(string(c.Constraint.Kind)), q(c.Constraint.Name), q(nm(c.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c ValidateConstraint) Describe() string {
	return fmt.Sprintf("validated constraint %s on %s", q(c.Constraint.Name), q(nm(c.Table)))
}

// Describe says what the change does, for people.
func (c RenameConstraint) Describe() string {
	return fmt.Sprintf("renamed constraint %s on %s to %s", q(c.From), q(nm(c.Table)), q(c.To))
}

// Describe says what the change does, for people.
func (c CreateIndex) Describe() string {
	return withCause(fmt.Sprintf("added index %s on %s", q(c.Index.Name), q(nm(c.Index.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c DropIndex) Describe() string {
	s := fmt.Sprintf("removed index %s on %s", q(c.Index.Name), q(nm(c.Index.Table)))
	for _, id := range c.Cascade {
		s += fmt.Sprintf(", and with it constraint %s of %s, attached to it", q(id.Member), q(nm(id.Name)))
	}
	return withCause(s, c.Cause)
}

// Describe says what the change does, for people.
func (c SetIndexStatistics) Describe() string {
	return fmt.Sprintf("changed statistics targets of index %s on %s", q(c.To.Name), q(nm(c.To.Table)))
}

// Describe says what the change does, for people.
func (c RenameIndex) Describe() string {
	return fmt.Sprintf("renamed index %s to %s", q(qname(c.Index.Schema, c.From)), q(c.To))
}

// Describe says what the change does, for people.
func (c AttachIndex) Describe() string {
	if c.Index == nil && c.Constraint == nil {
		return fmt.Sprintf("attached index %s of %s to %s", q(c.Name), q(nm(c.Table)), q(nm(c.Parent)))
	}
	return fmt.Sprintf("added index %s on %s, attached to %s", q(c.Name), q(nm(c.Table)), q(nm(c.Parent)))
}

// Describe says what the change does, for people.
func (c NameAttachedIndex) Describe() string {
	return fmt.Sprintf("named the index of %s attached to %s %s", q(nm(c.Table)), q(nm(c.Parent)), q(c.Name))
}

// Describe says what the change does, for people.
func (c CreateView) Describe() string {
	return withCause("added "+viewKind(c.View)+" "+q(nm(c.View.Name)), c.Cause)
}

// Describe says what the change does, for people.
func (c DropView) Describe() string {
	return withCause("removed "+viewKind(c.View)+" "+q(nm(c.View.Name)), c.Cause)
}

// Describe says what the change does, for people.
func (c CreateTrigger) Describe() string {
	return withCause(withCause(withCause(fmt.Sprintf("added trigger %s on %s", q(c.Trigger.Name), q(nm(c.Trigger.Table))), c.Cause), c.Cause), c.Cause)
}

// Describe says what the change does, for people.
func (c DropTrigger) Describe() string {
	return withCause(fmt.Sprintf("removed trigger %s on %s", q(c.Trigger.Name), q(nm(c.Trigger.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c SetTriggerEnabled) Describe() string {
	return fmt.Sprintf("trigger %s on %s enabled state %s -> %s", q(c.To.Name), q(nm(c.To.Table)), c.From.Enabled, c.To.Enabled)
}

// Describe says what the change does, for people.
func (c SetClonedTriggerEnabled) Describe() string {
	return fmt.Sprintf("trigger %s on partition %s (from %s) enabled state %s -> %s", q(c.Trigger), q(nm(c.Table)), q(nm(c.Owner)), c.From, c.To)
}

// Describe says what the change does, for people.
func (c CreatePolicy) Describe() string {
	return withCause(fmt.Sprintf("added policy %s on %s", q(c.Policy.Name), q(nm(c.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c DropPolicy) Describe() string {
	return withCause(fmt.Sprintf("removed policy %s on %s", q(c.Policy.Name), q(nm(c.Table))), c.Cause)
}

// Describe says what the change does, for people.
func (c AlterPolicy) Describe() string {
	return fmt.Sprintf("changed policy %s on %s", q(c.To.Name), q(nm(c.Table)))
}

// Describe says what the change does, for people.
func (c SetComment) Describe() string {
	kind := strings.ToLower(c.Object.Kind.Info().Keyword)
	switch {
	case c.To == "":
		return fmt.Sprintf("removed comment on %s %s", kind, q(describeObject(c.Object)))
	case c.From == "":
		return fmt.Sprintf("set comment on %s %s", kind, q(describeObject(c.Object)))
	}
	return fmt.Sprintf("changed comment on %s %s", kind, q(describeObject(c.Object)))
}

// Describe says what the change does, for people.
func (c AlterComposite) Describe() string {
	var parts []string
	for _, a := range c.Add {
		parts = append(parts, "added attribute "+q(a.Name))
	}
	for _, a := range c.Drop {
		parts = append(parts, "removed attribute "+q(a.Name))
	}
	for _, a := range c.Retype {
		parts = append(parts, "changed type of attribute "+q(a.Name)+" to "+a.Type)
	}
	return "type " + q(nm(c.To.Name)) + ": " + strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func funcKind(f *model.Function) string {
	if f.Procedure {
		return "procedure"
	}
	return "function"
}

func viewKind(v *model.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

// Subject names the object the change is about.
func (c CreateSchema) Subject() string { return c.Schema.Name }

// Subject names the object the change is about.
func (c DropSchema) Subject() string { return c.Schema.Name }

// Subject names the object the change is about.
func (c CreateExtension) Subject() string { return c.Extension.Name }

// Subject names the object the change is about.
func (c DropExtension) Subject() string { return c.Extension.Name }

// Subject names the object the change is about.
func (c UpdateExtension) Subject() string { return c.To.Name }

// Subject names the object the change is about.
func (c CreateCollation) Subject() string { return nm(c.Collation.Name) }

// Subject names the object the change is about.
func (c DropCollation) Subject() string { return nm(c.Collation.Name) }

// Subject names the object the change is about.
func (c CreateEnum) Subject() string { return nm(c.Enum.Name) }

// Subject names the object the change is about.
func (c DropEnum) Subject() string { return nm(c.Enum.Name) }

// Subject names the object the change is about.
func (c AddEnumValue) Subject() string { return nm(c.Enum) }

// Subject names the object the change is about.
func (c SwapTypes) Subject() string { return nm(c.Types[0].ID.Name) }

// Subject names the object the change is about.
func (c CreateDomain) Subject() string { return nm(c.Domain.Name) }

// Subject names the object the change is about.
func (c DropDomain) Subject() string { return nm(c.Domain.Name) }

// Subject names the object the change is about.
func (c AlterDomain) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c CreateComposite) Subject() string { return nm(c.Composite.Name) }

// Subject names the object the change is about.
func (c DropComposite) Subject() string { return nm(c.Composite.Name) }

// Subject names the object the change is about.
func (c CreateSequence) Subject() string { return nm(c.Sequence.Name) }

// Subject names the object the change is about.
func (c DropSequence) Subject() string { return nm(c.Sequence.Name) }

// Subject names the object the change is about.
func (c AlterSequence) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetSequenceLogged) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetSequenceOwner) Subject() string { return nm(c.Sequence.Name) }

// Subject names the object the change is about.
func (c CreateFunction) Subject() string { return nm(c.Function.Name) }

// Subject names the object the change is about.
func (c DropFunction) Subject() string { return nm(c.Function.Name) }

// Subject names the object the change is about.
func (c CreateTable) Subject() string { return nm(c.Table.Name) }

// Subject names the object the change is about.
func (c DropTable) Subject() string { return nm(c.Table.Name) }

// Subject names the object the change is about.
func (c SetAsideRows) Subject() string { return nm(c.Root) }

// Subject names the object the change is about.
func (c RouteRows) Subject() string { return nm(c.Table.Name) }

// Subject names the object the change is about.
func (c SetTableLogged) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetTableOptions) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetRowSecurity) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetReplicaIdentity) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c SetClusterOn) Subject() string { return nm(c.To.Name) }

// Subject names the object the change is about.
func (c AttachPartition) Subject() string { return nm(c.Table.Name) }

// Subject names the object the change is about.
func (c DetachPartition) Subject() string { return nm(c.Table.Name) }

// Subject names the object the change is about.
func (c SetInherit) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c AddColumn) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c DropColumn) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c AlterColumn) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c RenameTable) Subject() string { return nm(c.From) }

// Subject names the object the change is about.
func (c RenameColumn) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c RenameEnum) Subject() string { return nm(c.From) }

// Subject names the object the change is about.
func (c RenameEnumValue) Subject() string { return nm(c.Enum) }

// Subject names the object the change is about.
func (c RenameSequence) Subject() string { return nm(c.From) }

// Subject names the object the change is about.
func (c AddConstraint) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c DropConstraint) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c ValidateConstraint) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c RenameConstraint) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c CreateIndex) Subject() string { return nm(c.Index.Table) }

// Subject names the object the change is about.
func (c SetIndexStatistics) Subject() string { return nm(c.To.Table) }

// Subject names the object the change is about.
func (c DropIndex) Subject() string { return nm(c.Index.Table) }

// Subject names the object the change is about.
func (c RenameIndex) Subject() string { return nm(c.Index.Table) }

// Subject names the object the change is about.
func (c NameAttachedIndex) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c AttachIndex) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c CreateView) Subject() string { return nm(c.View.Name) }

// Subject names the object the change is about.
func (c DropView) Subject() string { return nm(c.View.Name) }

// Subject names the object the change is about.
func (c CreateTrigger) Subject() string { return nm(c.Trigger.Table) }

// Subject names the object the change is about.
func (c DropTrigger) Subject() string { return nm(c.Trigger.Table) }

// Subject names the object the change is about.
func (c SetTriggerEnabled) Subject() string { return nm(c.To.Table) }

// Subject names the object the change is about.
func (c SetClonedTriggerEnabled) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c CreatePolicy) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c DropPolicy) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c AlterPolicy) Subject() string { return nm(c.Table) }

// Subject names the object the change is about.
func (c SetComment) Subject() string {
	if c.Object.Kind.Info().Member {
		return nm(c.Object.Name)
	}
	return describeObject(c.Object)
}

// Subject names the object the change is about.
func (c AlterComposite) Subject() string { return nm(c.To.Name) }

// withCause adds why a dependent is recreated to its description.
func withCause(s, cause string) string {
	if cause == "" {
		return s
	}
	return s + " (it " + cause + ")"
}

// Describe says what the change does, for people.
func (c CreateDefinition) Describe() string {
	id := c.Def.ID
	if c.Shell {
		return "added shell of " + id.Kind.String() + " " + q(describeObject(id))
	}
	return withCause("added "+id.Kind.String()+" "+q(describeObject(id)), c.Cause)
}

// Describe says what the change does, for people.
func (c DropDefinition) Describe() string {
	id := c.Def.ID
	return withCause("removed "+id.Kind.String()+" "+q(describeObject(id)), c.Cause)
}

// Describe says what the change does, for people.
func (c AlterDefinition) Describe() string {
	id := c.To.ID
	var parts []string
	for _, s := range c.Reset {
		if c.To.Setting(s.Name) == nil {
			parts = append(parts, "removed "+s.Name)
		}
	}
	for _, s := range c.Set {
		v := s.Value.Canon
		if len(v) > 60 {
			v = v[:57] + "..."
		}
		parts = append(parts, "set "+s.Name+" to "+v)
	}
	return "changed " + id.Kind.String() + " " + q(describeObject(id)) + ": " + strings.Join(parts, ", ")
}

// Subject names the object the change is about.
func (c CreateDefinition) Subject() string { return definitionSubject(c.Def.ID) }

// Subject names the object the change is about.
func (c DropDefinition) Subject() string { return definitionSubject(c.Def.ID) }

// Subject names the object the change is about.
func (c AlterDefinition) Subject() string { return definitionSubject(c.To.ID) }

// definitionSubject names a definition for grouping: its table for a
// member (a rule), else the object.
func definitionSubject(id model.ObjectID) string {
	if id.Kind.Info().Member {
		return nm(id.Name)
	}
	return describeObject(id)
}
