package plan

import (
	"strings"

	"github.com/autogen-dev/autogen/model"
	"github.com/autogen-dev/autogen/op"
)

// This file converts model objects into the values op renders.

func opName(n model.Name) op.Name { return op.Name{Schema: n.Schema, Name: n.Name} }

// exprSQL returns the text of an expression a revision writes: the user's
// own where the schema files give it (see model.Expr.Source).
func exprSQL(e *model.Expr) string { return e.Text() }

func column(c *model.Column) op.Column {
	oc := op.Column{
		Name: c.Name, Type: c.Type, NotNull: c.NotNull, Default: exprSQL(c.Default),
		Generated: exprSQL(c.Generated), Collation: c.Collation, Storage: c.Storage,
		Compression: c.Compression, Statistics: statistics(c.Statistics), Options: c.Options,
	}
	if c.Identity != nil {
		oc.Identity = identity(c.Identity, c.Type)
	}
	return oc
}

// identity converts an identity, keeping only the options that differ from
// the defaults for the column's type.
func identity(id *model.Identity, typ string) *op.Identity {
	return &op.Identity{Always: id.Always, SequenceOptions: sequenceOptions(id.SequenceOptions, typ, false)}
}

// sequenceOptions keeps the options that differ from PostgreSQL's defaults
// for a sequence of typ; with full, it spells out the start value too, as
// an ALTER must to reset a changed one.
func sequenceOptions(s model.SequenceOptions, typ string, full bool) op.SequenceOptions {
	if typ == "" {
		typ = s.Type
	}
	def := model.DefaultSequenceOptions(typ, s.Increment)
	var o op.SequenceOptions
	if s.Type != "" && s.Type != "bigint" {
		o.Type = s.Type
	}
	if s.Increment != 1 {
		o.Increment = s.Increment
	}
	if s.MinValue != def.MinValue {
		o.MinValue = op.Int64(s.MinValue)
	}
	if s.MaxValue != def.MaxValue {
		o.MaxValue = op.Int64(s.MaxValue)
	}
	if full || s.Start != def.Start {
		o.Start = op.Int64(s.Start)
	}
	if s.Cache != 1 {
		o.Cache = s.Cache
	}
	o.Cycle = s.Cycle
	return o
}

func constraint(c *model.Constraint) op.Constraint {
	def := op.Deferrable{Deferrable: c.Deferrable, InitiallyDeferred: c.InitiallyDeferred}
	switch c.Kind {
	case model.PrimaryKey:
		return op.PrimaryKey{Name: c.Name, Columns: c.Columns, Include: c.Include, Options: c.Options, Deferrable: def}
	case model.Unique:
		return op.Unique{Name: c.Name, Columns: c.Columns, Include: c.Include, NullsNotDistinct: c.NullsNotDistinct, Options: c.Options, Deferrable: def}
	case model.Check:
		return op.Check{Name: c.Name, Expr: exprSQL(c.Expr), NoInherit: c.NoInherit, NotValid: c.NotValid}
	case model.ForeignKey:
		fk := op.ForeignKey{Name: c.Name, Columns: c.Columns, RefColumns: c.RefColumns,
			OnDelete: c.OnDelete, OnUpdate: c.OnUpdate, OnDeleteColumns: c.OnDeleteColumns, Match: c.Match, Deferrable: def, NotValid: c.NotValid}
		if c.References != nil {
			fk.References = opName(*c.References)
		}
		return fk
	case model.Exclusion:
		ex := op.Exclude{Name: c.Name, Using: c.Using, Include: c.Include, Where: exprSQL(c.Where), Options: c.Options, Deferrable: def}
		for _, e := range c.Elements {
			ex.Elements = append(ex.Elements, op.ExcludeElement{Element: keySQL(e.Key), Operator: e.Operator})
		}
		return ex
	}
	return nil
}

// keySQL renders an index key as it appears in an EXCLUDE element, the
// way op renders index keys.
func keySQL(k model.IndexKey) string {
	s, err := indexColumn(k).SQL()
	if err != nil {
		return op.QuoteIdent(k.Column)
	}
	return s
}

// indexColumn converts an index key.
func indexColumn(k model.IndexKey) op.IndexColumn {
	c := op.IndexColumn{Name: k.Column, Collation: k.Collation, Opclass: k.Opclass, OpclassOptions: k.OpclassOptions, Desc: k.Desc,
		Statistics: statistics(k.Statistics)}
	if k.Expr != nil {
		c.Name, c.Expr = "", k.Expr.Text()
	}
	c.Nulls = strings.TrimPrefix(k.NullsOrder, "NULLS ")
	return c
}

func createTable(t *model.Table) op.CreateTable {
	ct := op.CreateTable{Schema: t.Name.Schema, Name: t.Name.Name, Unlogged: t.Unlogged, Options: t.Options}
	for _, c := range t.Columns {
		ct.Columns = append(ct.Columns, column(c))
	}
	for _, c := range t.Constraints {
		ct.Constraints = append(ct.Constraints, constraint(c))
	}
	if t.PartitionBy != nil {
		ct.PartitionBy = t.PartitionBy.Strategy + " " + t.PartitionBy.Key.SQL
	}
	if t.PartitionOf != nil {
		p := opName(*t.PartitionOf)
		ct.PartitionOf = &p
		ct.PartitionBound = t.PartitionBound
	}
	for _, p := range t.Inherits {
		ct.Inherits = append(ct.Inherits, opName(p))
	}
	return ct
}

func createIndex(ix *model.Index) op.CreateIndex {
	ci := op.CreateIndex{Schema: ix.Table.Schema, Table: ix.Table.Name, Name: ix.Name, Unique: ix.Unique,
		Include: ix.Include, Where: exprSQL(ix.Where), NullsNotDistinct: ix.NullsNotDistinct, Options: ix.Options}
	if ix.Method != "btree" {
		ci.Using = ix.Method
	}
	for _, k := range ix.Keys {
		ci.Columns = append(ci.Columns, indexColumn(k))
	}
	return ci
}

func createFunction(f *model.Function, replace bool) op.CreateFunction {
	cf := op.CreateFunction{Schema: f.Name.Schema, Name: f.Name.Name, Procedure: f.Procedure, Returns: f.Returns,
		Language: f.Language, Body: f.Body.SQL, Library: f.Library, Strict: f.Strict, SecurityDefiner: f.Security == "DEFINER",
		Leakproof: f.Leakproof, Cost: f.Cost, Rows: f.Rows, Config: f.Config, Window: f.Window, Support: f.Support,
		OrReplace: replace}
	if f.Volatility != "VOLATILE" {
		cf.Volatility = f.Volatility
	}
	if strings.EqualFold(f.Language, "sql") && (strings.HasPrefix(f.Body.SQL, "RETURN ") || strings.HasPrefix(f.Body.SQL, "BEGIN ATOMIC")) {
		cf.StandardBody = true
	}
	if f.Parallel != "UNSAFE" {
		cf.Parallel = f.Parallel
	}
	for _, a := range f.Args {
		if a.Mode == "TABLE" {
			continue
		}
		mode := a.Mode
		if mode == "IN" {
			mode = ""
		}
		cf.Args = append(cf.Args, op.FuncArg{Mode: mode, Name: a.Name, Type: a.Type, Default: exprSQL(a.Default)})
	}
	return cf
}

func createView(v *model.View) op.CreateView {
	return op.CreateView{Schema: v.Name.Schema, Name: v.Name.Name, Materialized: v.Materialized,
		Query: v.Query.Text(), Columns: v.Columns, Options: v.Options}
}

// viewDefaults sets the defaults of a view's columns, once it is created.
// ALTER TABLE sets them on a view as on a table.
func viewDefaults(v *model.View) []op.Operation {
	var out []op.Operation
	for _, c := range v.ColumnDetails {
		if c.Default != nil {
			out = append(out, op.AlterColumn{Schema: v.Name.Schema, Table: v.Name.Name, Column: c.Name, SetDefault: c.Default.Text()})
		}
	}
	return out
}

func createPolicy(table model.Name, p *model.Policy) op.CreatePolicy {
	return op.CreatePolicy{Schema: table.Schema, Table: table.Name, Name: p.Name, Restrictive: !p.Permissive,
		Command: p.Command, Roles: roles(p.Roles), Using: exprSQL(p.Using), WithCheck: exprSQL(p.WithCheck)}
}

// roles drops the implied PUBLIC.
func roles(rs []string) []string {
	if len(rs) == 1 && strings.EqualFold(rs[0], "public") {
		return nil
	}
	return rs
}

func createDomain(d *model.Domain) op.CreateDomain {
	cd := op.CreateDomain{Schema: d.Name.Schema, Name: d.Name.Name, Type: d.Type, Collation: d.Collation,
		Default: exprSQL(d.Default), NotNull: d.NotNull}
	for _, c := range d.Checks {
		cd.Checks = append(cd.Checks, op.DomainCheck{Name: c.Name, Expr: c.Expr.Text(), NotValid: c.NotValid})
	}
	return cd
}

func createComposite(c *model.Composite) op.CreateComposite {
	cc := op.CreateComposite{Schema: c.Name.Schema, Name: c.Name.Name}
	for _, a := range c.Attributes {
		cc.Attributes = append(cc.Attributes, op.Attribute{Name: a.Name, Type: a.Type, Collation: a.Collation})
	}
	return cc
}

// statistics converts a column's statistics target for op.
func statistics(target *int) *int64 {
	if target == nil {
		return nil
	}
	return op.Int64(int64(*target))
}

func createSequence(s *model.Sequence) op.CreateSequence {
	return op.CreateSequence{Schema: s.Name.Schema, Name: s.Name.Name, Unlogged: s.Unlogged,
		SequenceOptions: sequenceOptions(s.SequenceOptions, "", false)}
}

func columnRef(r *model.ColumnRef) *op.ColumnRef {
	if r == nil {
		return nil
	}
	return &op.ColumnRef{Schema: r.Table.Schema, Table: r.Table.Name, Column: r.Column}
}

// commentOn converts an object ID into the COMMENT ON operation that sets
// its comment.
func commentOn(id model.ObjectID, text string) op.Comment {
	r := id.SQLRef()
	return op.Comment{On: r.Kind, Schema: r.Schema, Table: r.Table, Name: r.Name, Args: r.Args, Text: text}
}
