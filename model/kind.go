package model

import (
	"fmt"
	"strings"
)

// Kind is a kind of object the model holds. Every kind is declared once, in
// the table below; the stages that handle objects (both readers, the diff,
// comments, the scope filter, the plan) look kinds up here rather than
// keeping lists of their own, and TestEveryKindIsHandled in package diff
// fails when a stage does not handle one.
type Kind uint8

// The object kinds.
const (
	KindSchema Kind = iota + 1
	KindExtension
	KindCollation
	KindEnum
	KindDomain
	KindDomainCheck
	KindComposite
	KindSequence
	KindFunction
	KindProcedure
	KindTable
	KindColumn
	KindConstraint
	KindIndex
	KindView
	KindMatView
	KindTrigger
	KindPolicy
	// The kinds below are held as [Definition]s: objects PostgreSQL
	// creates with one statement and changes in place in few ways.
	KindAggregate
	KindOperator
	KindOpFamily
	KindOpClass
	KindCast
	KindRange
	KindBaseType
	KindTSParser
	KindTSTemplate
	KindTSDictionary
	KindTSConfig
	KindRule
	KindEventTrigger
	KindStatistics
	KindFDW
	KindServer
	KindUserMapping
	KindForeignTable
	KindPublication
	kindEnd
)

// KindInfo describes a kind of object.
type KindInfo struct {
	// Name names the kind in messages and in scope patterns:
	// "table", "materialized view".
	Name string
	// Keyword is how SQL names the kind in COMMENT ON and DROP: "TABLE",
	// "MATERIALIZED VIEW", "DOMAIN CONSTRAINT" (for the shape of the name
	// that follows, see internal/pgsql's ObjectKinds).
	Keyword string
	// Member is set for kinds that belong to a table or domain: their
	// ObjectID names the table (or domain) and the member.
	Member bool
	// Relation is set for kinds that share the namespace of relations:
	// a table, a view and a sequence cannot have the same name.
	Relation bool
	// Owned is set for kinds whose objects have an owner that ALTER ...
	// OWNER TO changes.
	Owned bool
	// Privileges are the privileges GRANT gives on objects of the kind,
	// in the order PostgreSQL lists them; none for kinds without
	// privileges.
	Privileges []string
	// PublicDefault are the privileges PUBLIC holds on a new object of
	// the kind (acldefault).
	PublicDefault []string
	// DefaultsOn is how ALTER DEFAULT PRIVILEGES names the kind
	// ("TABLES"), for kinds it applies to.
	DefaultsOn string
	// Definition is set for kinds held as a [Definition] (Catalog.
	// Definitions) rather than a type of their own.
	Definition bool
	// NoComment is set for kinds PostgreSQL cannot comment on (user
	// mappings).
	NoComment bool
	// Ref is the kind of reference that names objects of the kind, for
	// kinds other objects refer to: a range type is a RefType, an
	// aggregate a RefFunction, a foreign table a RefRelation.
	Ref RefKind
	// SettingsFollow is set for definition kinds whose settings name
	// other objects and go when those are dropped, leaving nothing to
	// reset: a table or schema dropped leaves its publications.
	SettingsFollow bool
}

// Privileges of the kinds, as GRANT spells them.
var (
	relationPrivileges = []string{"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"}
	columnPrivileges   = []string{"SELECT", "INSERT", "UPDATE", "REFERENCES"}
	sequencePrivileges = []string{"USAGE", "SELECT", "UPDATE"}
	schemaPrivileges   = []string{"USAGE", "CREATE"}
	usage              = []string{"USAGE"}
	execute            = []string{"EXECUTE"}
)

var kinds = [kindEnd]KindInfo{
	KindSchema:      {Name: "schema", Keyword: "SCHEMA", Owned: true, Privileges: schemaPrivileges, DefaultsOn: "SCHEMAS"},
	KindExtension:   {Name: "extension", Keyword: "EXTENSION"},
	KindCollation:   {Name: "collation", Keyword: "COLLATION", Owned: true},
	KindEnum:        {Name: "enum", Keyword: "TYPE", Owned: true, Privileges: usage, PublicDefault: usage, DefaultsOn: "TYPES"},
	KindDomain:      {Name: "domain", Keyword: "DOMAIN", Owned: true, Privileges: usage, PublicDefault: usage, DefaultsOn: "TYPES"},
	KindDomainCheck: {Name: "domain constraint", Keyword: "DOMAIN CONSTRAINT", Member: true},
	KindComposite:   {Name: "type", Keyword: "TYPE", Owned: true, Privileges: usage, PublicDefault: usage, DefaultsOn: "TYPES"},
	KindSequence: {Name: "sequence", Keyword: "SEQUENCE", Relation: true, Owned: true, Privileges: sequencePrivileges,
		DefaultsOn: "SEQUENCES"},
	KindFunction: {Name: "function", Keyword: "FUNCTION", Owned: true, Privileges: execute, PublicDefault: execute,
		DefaultsOn: "FUNCTIONS"},
	KindProcedure: {Name: "procedure", Keyword: "PROCEDURE", Owned: true, Privileges: execute, PublicDefault: execute,
		DefaultsOn: "FUNCTIONS"},
	KindTable:      {Name: "table", Keyword: "TABLE", Relation: true, Owned: true, Privileges: relationPrivileges, DefaultsOn: "TABLES"},
	KindColumn:     {Name: "column", Keyword: "COLUMN", Member: true, Privileges: columnPrivileges},
	KindConstraint: {Name: "constraint", Keyword: "CONSTRAINT", Member: true},
	KindIndex:      {Name: "index", Keyword: "INDEX", Relation: true},
	KindView:       {Name: "view", Keyword: "VIEW", Relation: true, Owned: true, Privileges: relationPrivileges, DefaultsOn: "TABLES"},
	KindMatView: {Name: "materialized view", Keyword: "MATERIALIZED VIEW", Relation: true, Owned: true,
		Privileges: relationPrivileges, DefaultsOn: "TABLES"},
	KindTrigger: {Name: "trigger", Keyword: "TRIGGER", Member: true},
	KindPolicy:  {Name: "policy", Keyword: "POLICY", Member: true},

	KindAggregate:    {Name: "aggregate", Keyword: "AGGREGATE", Definition: true, Owned: true, Privileges: execute, PublicDefault: execute, DefaultsOn: "FUNCTIONS", Ref: RefFunction},
	KindOperator:     {Name: "operator", Keyword: "OPERATOR", Definition: true, Owned: true, Ref: RefOperator},
	KindOpFamily:     {Name: "operator family", Keyword: "OPERATOR FAMILY", Definition: true, Owned: true, Ref: RefOpFamily},
	KindOpClass:      {Name: "operator class", Keyword: "OPERATOR CLASS", Definition: true, Owned: true, Ref: RefOpClass},
	KindCast:         {Name: "cast", Keyword: "CAST", Definition: true},
	KindRange:        {Name: "range type", Keyword: "TYPE", Definition: true, Owned: true, Privileges: usage, PublicDefault: usage, DefaultsOn: "TYPES", Ref: RefType},
	KindBaseType:     {Name: "base type", Keyword: "TYPE", Definition: true, Owned: true, Privileges: usage, PublicDefault: usage, DefaultsOn: "TYPES", Ref: RefType},
	KindTSParser:     {Name: "text search parser", Keyword: "TEXT SEARCH PARSER", Definition: true, Ref: RefTSParser},
	KindTSTemplate:   {Name: "text search template", Keyword: "TEXT SEARCH TEMPLATE", Definition: true, Ref: RefTSTemplate},
	KindTSDictionary: {Name: "text search dictionary", Keyword: "TEXT SEARCH DICTIONARY", Definition: true, Owned: true, Ref: RefTSDictionary},
	KindTSConfig:     {Name: "text search configuration", Keyword: "TEXT SEARCH CONFIGURATION", Definition: true, Owned: true, Ref: RefTSConfig},
	KindRule:         {Name: "rule", Keyword: "RULE", Member: true, Definition: true},
	KindEventTrigger: {Name: "event trigger", Keyword: "EVENT TRIGGER", Definition: true, Owned: true},
	KindStatistics:   {Name: "statistics", Keyword: "STATISTICS", Definition: true, Owned: true},
	KindFDW:          {Name: "foreign data wrapper", Keyword: "FOREIGN DATA WRAPPER", Definition: true, Owned: true, Privileges: usage, Ref: RefFDW},
	KindServer:       {Name: "server", Keyword: "SERVER", Definition: true, Owned: true, Privileges: usage, Ref: RefServer},
	KindUserMapping:  {Name: "user mapping", Keyword: "USER MAPPING", Definition: true, NoComment: true},
	KindForeignTable: {Name: "foreign table", Keyword: "FOREIGN TABLE", Relation: true, Definition: true, Owned: true, Privileges: relationPrivileges, DefaultsOn: "TABLES", Ref: RefRelation},
	KindPublication:  {Name: "publication", Keyword: "PUBLICATION", Definition: true, Owned: true, SettingsFollow: true},
}

// Info describes the kind.
func (k Kind) Info() KindInfo {
	if k == 0 || k >= kindEnd {
		return KindInfo{Name: fmt.Sprintf("kind(%d)", k)}
	}
	return kinds[k]
}

// String returns the kind's name.
func (k Kind) String() string { return k.Info().Name }

// Kinds returns every kind, in declaration order.
func Kinds() []Kind {
	out := make([]Kind, 0, kindEnd-1)
	for k := Kind(1); k < kindEnd; k++ {
		out = append(out, k)
	}
	return out
}

// KindByName returns the kind with the given name ("table", "function").
func KindByName(name string) (Kind, bool) {
	for _, k := range Kinds() {
		if kinds[k].Name == strings.ToLower(name) {
			return k, true
		}
	}
	return 0, false
}

// ObjectID identifies one object of a catalog.
type ObjectID struct {
	Kind Kind
	// Name is the object's qualified name; for a member kind it is the
	// table or domain the member belongs to; for a schema or extension
	// only Name.Name is set.
	Name Name
	// Member is the name of a column, constraint, trigger, policy, rule
	// or domain constraint; for a user mapping, the role ("public" for
	// PUBLIC), Name.Name being the server.
	Member string
	// Args are a function's or aggregate's identity argument types
	// ("integer, text", "double precision ORDER BY anyelement", "*"), an
	// operator's operand types ("integer, integer", "NONE, integer"), a
	// cast's types ("integer AS public.t"), or the index method of an
	// operator class or family ("btree").
	Args string
}

// String renders the ID for messages: "table public.users", "column
// public.users.email", "function public.f(integer)".
func (id ObjectID) String() string {
	return id.Kind.String() + " " + id.Object()
}

// Object renders the object's name without its kind, for messages:
// "public.users.email", "f(integer)", "public.<< (integer, integer)",
// "public.ops USING btree", "(integer AS public.t)", "FOR bob SERVER s".
func (id ObjectID) Object() string {
	s := id.Name.String()
	switch id.Kind {
	case KindFunction, KindProcedure, KindAggregate:
		return s + "(" + id.Args + ")"
	case KindOperator:
		return s + " (" + id.Args + ")"
	case KindOpClass, KindOpFamily:
		return s + " USING " + id.Args
	case KindCast:
		return "(" + id.Args + ")"
	case KindUserMapping:
		return "FOR " + id.Member + " SERVER " + id.Name.Name
	}
	if id.Member != "" {
		s += "." + id.Member
	}
	return s
}

// Compare orders IDs by kind, name, member and arguments.
func (id ObjectID) Compare(o ObjectID) int {
	if id.Kind != o.Kind {
		if id.Kind < o.Kind {
			return -1
		}
		return 1
	}
	if c := id.Name.Compare(o.Name); c != 0 {
		return c
	}
	if c := strings.Compare(id.Member, o.Member); c != 0 {
		return c
	}
	return strings.Compare(id.Args, o.Args)
}

// Parent returns the ID of the table (or domain) a member belongs to, and
// false for other kinds.
func (id ObjectID) Parent(c *Catalog) (ObjectID, bool) {
	switch id.Kind {
	case KindColumn, KindConstraint, KindTrigger, KindPolicy, KindRule:
		if v := c.View(id.Name); v != nil {
			return v.ID(), true
		}
		if ft := (ObjectID{Kind: KindForeignTable, Name: id.Name}); c.Definition(ft) != nil {
			return ft, true
		}
		return ObjectID{Kind: KindTable, Name: id.Name}, true
	case KindDomainCheck:
		return ObjectID{Kind: KindDomain, Name: id.Name}, true
	}
	return ObjectID{}, false
}
