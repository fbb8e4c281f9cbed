package introspect

import (
	"fmt"
	"sort"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/sqlnorm"
)

type tableRow struct {
	Schema         string   `db:"schema"`
	Name           string   `db:"name"`
	Kind           string   `db:"kind"`
	Unlogged       bool     `db:"unlogged"`
	RLSEnabled     bool     `db:"rls_enabled"`
	RLSForced      bool     `db:"rls_forced"`
	Options        []string `db:"options"`
	PartitionKey   string   `db:"partition_key"`
	PartitionBound string   `db:"partition_bound"`
	ParentSchemas  []string `db:"parent_schemas"`
	ParentNames    []string `db:"parent_names"`
	IsPartition    bool     `db:"is_partition"`
	ReplicaIdent   string   `db:"replica_identity"`
	ReplicaIndex   string   `db:"replica_identity_index"`
	Comment        string   `db:"comment"`
}

func (r *reader) table(row *tableRow) error {
	t := &model.Table{Name: model.Name{Schema: row.Schema, Name: row.Name}, Unlogged: row.Unlogged,
		RLSEnabled: row.RLSEnabled, RLSForced: row.RLSForced, Options: nilIfEmpty(row.Options), Comment: row.Comment}
	sort.Strings(t.Options)
	switch row.ReplicaIdent {
	case "f":
		t.ReplicaIdentity = "FULL"
	case "n":
		t.ReplicaIdentity = "NOTHING"
	case "i":
		t.ReplicaIdentity, t.ReplicaIdentityIndex = "INDEX", row.ReplicaIndex
	}
	for i, p := range row.ParentNames {
		parent := model.Name{Schema: row.ParentSchemas[i], Name: p}
		if row.IsPartition {
			t.PartitionOf = &parent
		} else {
			t.Inherits = append(t.Inherits, parent)
		}
	}
	r.tables[t.Name] = t
	r.cat.Tables = append(r.cat.Tables, t)
	if row.PartitionKey != "" || row.IsPartition {
		// Keys and bounds are read once the columns are known.
		r.partitions = append(r.partitions, row)
	}
	return nil
}

// partitioning reads a table's partition key, or with bound, its
// partition bound.
func (r *reader) partitioning(row *tableRow, bound bool) error {
	t := r.tables[model.Name{Schema: row.Schema, Name: row.Name}]
	if row.PartitionKey != "" && !bound {
		strategy, _, _ := strings.Cut(row.PartitionKey, " ")
		res, err := pg.Parse("CREATE TABLE x () PARTITION BY " + row.PartitionKey)
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
		res, err := pg.Parse("CREATE TABLE x PARTITION OF y " + row.PartitionBound)
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
	Schema       string `db:"schema"`
	Table        string `db:"table_name"`
	Name         string `db:"name"`
	Type         string `db:"type"`
	NotNull      bool   `db:"not_null"`
	Default      string `db:"default_expr"`
	Identity     string `db:"identity"`
	Generated    string `db:"generated"`
	Collation    string `db:"collation"`
	Storage      string `db:"storage"`
	Compressed   bool   `db:"compressed"`
	SeqType      string `db:"seq_type"`
	SeqStart     int64  `db:"seq_start"`
	SeqIncrement int64  `db:"seq_increment"`
	SeqMin       int64  `db:"seq_min"`
	SeqMax       int64  `db:"seq_max"`
	SeqCache     int64  `db:"seq_cache"`
	SeqCycle     bool   `db:"seq_cycle"`
	Comment      string `db:"comment"`
}

func (r *reader) column(row *columnRow) error {
	t := r.tables[model.Name{Schema: row.Schema, Name: row.Table}]
	if t == nil {
		return fmt.Errorf("column %s of unknown table %s.%s", row.Name, row.Schema, row.Table)
	}
	if row.Compressed {
		return fmt.Errorf("column %s of %s: COMPRESSION is not supported", row.Name, t.Name)
	}
	c := &model.Column{Name: row.Name, Type: row.Type, NotNull: row.NotNull, Collation: row.Collation,
		Storage: row.Storage, Comment: row.Comment}
	e, err := r.expr(row.Default, row.Type)
	if err != nil {
		return err
	}
	if row.Generated == "s" {
		c.Generated = e
	} else {
		c.Default = e
	}
	if row.Identity != "" {
		c.Identity = &model.Identity{Always: row.Identity == "a", SequenceOptions: model.SequenceOptions{
			Type: row.SeqType, Start: row.SeqStart, Increment: row.SeqIncrement, MinValue: row.SeqMin,
			MaxValue: row.SeqMax, Cache: row.SeqCache, Cycle: row.SeqCycle}}
	}
	t.Columns = append(t.Columns, c)
	return nil
}
