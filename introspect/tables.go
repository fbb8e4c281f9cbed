package introspect

import (
	"fmt"
	"strings"

	"github.com/autogen-dev/autogen/internal/sqlnorm"
	"github.com/autogen-dev/autogen/model"
)

type tableRow struct {
	OID            int64     `db:"oid"`
	Schema         string    `db:"schema"`
	Name           string    `db:"name"`
	Kind           string    `db:"kind"`
	Unlogged       bool      `db:"unlogged"`
	RLSEnabled     bool      `db:"rls_enabled"`
	RLSForced      bool      `db:"rls_forced"`
	Options        textArray `db:"options"`
	PartitionKey   string    `db:"partition_key"`
	PartitionBound string    `db:"partition_bound"`
	IsPartition    bool      `db:"is_partition"`
	ReplicaIdent   string    `db:"replica_identity"`
	ReplicaIndex   string    `db:"replica_identity_index"`
	ClusterOn      string    `db:"cluster_on"`
	table          *model.Table
}

func (r *reader) table(row *tableRow) error {
	t := &model.Table{Name: model.Name{Schema: row.Schema, Name: row.Name}, Unlogged: row.Unlogged,
		RLSEnabled: row.RLSEnabled, RLSForced: row.RLSForced, Options: nilIfEmpty(row.Options),
		ClusterOn: row.ClusterOn, Comment: r.comment("pg_class", row.OID, 0),
		Access: r.access("pg_class", row.OID, 0, model.KindTable, row.Schema+"."+row.Name)}
	switch row.ReplicaIdent {
	case "f":
		t.ReplicaIdentity = "FULL"
	case "n":
		t.ReplicaIdentity = "NOTHING"
	case "i":
		t.ReplicaIdentity, t.ReplicaIdentityIndex = "INDEX", row.ReplicaIndex
	}
	row.table = t
	r.tablesByOID[row.OID] = row
	r.tables[t.Name] = t
	r.cat.Tables = append(r.cat.Tables, t)
	if row.PartitionKey != "" || row.IsPartition {
		// Keys and bounds are read once the columns are known.
		r.partitions = append(r.partitions, row)
	}
	return nil
}

type inheritsRow struct {
	ChildOID     int64  `db:"child_oid"`
	ParentSchema string `db:"parent_schema"`
	ParentName   string `db:"parent_name"`
}

func (r *reader) inherits(row *inheritsRow) error {
	child := r.tablesByOID[row.ChildOID]
	if child == nil {
		// A child outside the schemas read, or an index.
		return nil
	}
	parent := model.Name{Schema: row.ParentSchema, Name: row.ParentName}
	if child.IsPartition {
		child.table.PartitionOf = &parent
	} else {
		child.table.Inherits = append(child.table.Inherits, parent)
	}
	return nil
}

type attachedIndexRow struct {
	TableOID int64  `db:"table_oid"`
	Name     string `db:"name"`
	Parent   string `db:"parent"`
}

// attachedIndex records an index of a partition attached to its parent's.
func (r *reader) attachedIndex(row *attachedIndexRow) error {
	if t := r.tablesByOID[row.TableOID]; t != nil {
		t.table.AttachedIndexes = append(t.table.AttachedIndexes, model.AttachedIndex{Parent: row.Parent, Name: row.Name})
	}
	return nil
}

type triggerStateRow struct {
	TableOID int64  `db:"table_oid"`
	Name     string `db:"name"`
	Enabled  string `db:"enabled"`
}

// triggerState records the firing state of a trigger a partition has from
// its partitioned table, where it differs from the parent trigger's.
func (r *reader) triggerState(row *triggerStateRow) error {
	if t := r.tablesByOID[row.TableOID]; t != nil {
		t.table.TriggerStates = append(t.table.TriggerStates, model.TriggerState{Trigger: row.Name, Enabled: row.Enabled})
	}
	return nil
}

// partitioning reads a table's partition key, or with bound, its
// partition bound.
func (r *reader) partitioning(row *tableRow, bound bool) error {
	t := r.tables[model.Name{Schema: row.Schema, Name: row.Name}]
	if row.PartitionKey != "" && !bound {
		strategy, _, _ := strings.Cut(row.PartitionKey, " ")
		res, err := sqlnorm.Parse("CREATE TABLE x () PARTITION BY " + row.PartitionKey)
		if err != nil {
			return fmt.Errorf("parsing partition key %q: %w", row.PartitionKey, err)
		}
		spec := res.Stmts[0].Stmt.GetCreateStmt().Partspec
		method := "btree"
		if strategy == "HASH" {
			method = "hash"
		}
		key, err := sqlnorm.PartitionKey(r.ns(), spec.PartParams, method, func(name string) (string, bool) {
			c := t.Column(name)
			if c == nil {
				return "", false
			}
			return c.Type, true
		})
		if err != nil {
			return err
		}
		t.PartitionBy = &model.PartitionKey{Strategy: strategy, Key: *key}
	}
	if row.IsPartition && bound {
		parent := r.tables[*t.PartitionOf]
		if parent == nil || parent.PartitionBy == nil {
			return fmt.Errorf("partition of unknown table %s", t.PartitionOf)
		}
		res, err := sqlnorm.Parse("CREATE TABLE x PARTITION OF y " + row.PartitionBound)
		if err != nil {
			return fmt.Errorf("parsing partition bound %q: %w", row.PartitionBound, err)
		}
		bound, err := sqlnorm.PartitionBound(res.Stmts[0].Stmt.GetCreateStmt().Partbound, sqlnorm.PartitionKeyTypes(parent))
		if err != nil {
			return err
		}
		t.PartitionBound = bound
	}
	return nil
}

type columnRow struct {
	TableOID     int64     `db:"table_oid"`
	Schema       string    `db:"schema"`
	Table        string    `db:"table_name"`
	AttNum       int64     `db:"attnum"`
	Name         string    `db:"name"`
	Type         string    `db:"type"`
	NotNull      bool      `db:"not_null"`
	IsLocal      bool      `db:"is_local"`
	Default      string    `db:"default_expr"`
	Identity     string    `db:"identity"`
	Generated    string    `db:"generated"`
	CollationOID int64     `db:"collation_oid"`
	Collation    string    `db:"collation"`
	Storage      string    `db:"storage"`
	Compression  string    `db:"compression"`
	Statistics   int64     `db:"statistics"`
	Options      textArray `db:"options"`
}

func (r *reader) column(row *columnRow) error {
	if r.attnames[row.TableOID] == nil {
		r.attnames[row.TableOID] = map[int64]string{}
		r.attcolls[row.TableOID] = map[int64]int64{}
	}
	r.attnames[row.TableOID][row.AttNum] = row.Name
	r.attcolls[row.TableOID][row.AttNum] = row.CollationOID
	if r.tablesByOID[row.TableOID] == nil {
		// A materialized view's column: known only for index keys.
		if r.acls[commentKey{"pg_class", row.TableOID, row.AttNum}] != nil {
			r.unsupported = append(r.unsupported, fmt.Sprintf("column %s.%s.%s (privileges on a column of a materialized view are not supported)",
				row.Schema, row.Table, row.Name))
		}
		return nil
	}
	t := r.tablesByOID[row.TableOID].table
	c := &model.Column{Name: row.Name, Type: row.Type, NotNull: row.NotNull, Inherited: !row.IsLocal, Collation: row.Collation,
		Storage: row.Storage, Compression: row.Compression, Comment: r.comment("pg_class", row.TableOID, row.AttNum),
		Access: r.access("pg_class", row.TableOID, row.AttNum, model.KindColumn, t.Name.String()+"."+row.Name)}
	if len(row.Options) > 0 {
		c.Options = row.Options
	}
	if row.Statistics >= 0 {
		target := int(row.Statistics)
		c.Statistics = &target
	}
	if row.Generated == "s" {
		r.later(row.Default, row.Type, func(e *model.Expr) { c.Generated = e })
	} else {
		r.later(row.Default, row.Type, func(e *model.Expr) { c.Default = e })
	}
	r.attnums[c] = row.AttNum
	if seq := r.identitySeqs[[2]int64{row.TableOID, row.AttNum}]; seq != nil {
		// The model holds no privileges for an identity column's
		// sequence: any is unsupported, not left out.
		if acl := r.acls[commentKey{"pg_class", seq.OID, 0}]; acl != nil {
			if grants, _ := exploded(acl, acl.Owner, nil); len(grants) > 0 {
				r.unsupported = append(r.unsupported, fmt.Sprintf("column %s.%s (privileges on the sequence of an identity column are not supported)",
					t.Name, row.Name))
			}
		}
	}
	if row.Identity != "" {
		var opts model.SequenceOptions
		if seq := r.identitySeqs[[2]int64{row.TableOID, row.AttNum}]; seq != nil {
			opts = seq.options()
		}
		c.Identity = &model.Identity{Always: row.Identity == "a", SequenceOptions: opts}
	}
	t.Columns = append(t.Columns, c)
	return nil
}
