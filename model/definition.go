package model

// Definition is an object of a kind that PostgreSQL creates with one
// statement and changes in place in few ways, if any: aggregates,
// operators, operator classes and families, casts, range and base types,
// text search parsers, templates, dictionaries and configurations, rules,
// event triggers, statistics objects, foreign-data wrappers, servers, user
// mappings, foreign tables and publications (the kinds whose
// KindInfo.Definition is set).
//
// Rather than a type per kind, the model holds the statement that creates
// the object, in the one canonical form both readers produce from a parse
// tree (internal/sqlnorm: names resolved and qualified, types spelled as
// format_type prints them, options PostgreSQL fills in by default left
// out, lists in a fixed order). Two definitions describe the same object
// exactly when their statements are equal; an object whose statement
// changes is dropped and created again. What PostgreSQL does change in
// place (ALTER) is held apart, as Settings, and compared one by one.
type Definition struct {
	// Access holds the owner, for the kinds that have one (KindInfo.
	// Owned); privileges on definitions are not modelled (the readers
	// refuse them where they differ from a new object's).
	Access
	ID ObjectID
	// Create is the CREATE statement: SQL runs, Canon is compared, Refs
	// are what the object depends on.
	Create Expr
	// Settings are the parts of the object that ALTER changes in place,
	// sorted by Name: a text search configuration's mappings and a
	// dictionary's options, a publication's tables and options, an event
	// trigger's or a rule's enabled state, a statistics object's target,
	// the OPTIONS of foreign-data wrappers, servers, user mappings and
	// foreign tables, an operator family's loose members.
	Settings []Setting
	// Table is the table or view the object belongs to and goes with when
	// the table is dropped (a rule, a statistics object); nil otherwise.
	Table *Name
	// Columns are a foreign table's columns, by name, for their comments
	// and for what refers to them; their definitions are in Create.
	Columns []*Column
	// Provides are the other names the object brings into being, which
	// references to it may use: a range type's multirange type and the
	// constructor functions of both, a foreign table's row type.
	Provides []Ref
	Comment  string
}

// Setting is one part of a [Definition] that ALTER changes in place.
type Setting struct {
	// Name identifies the setting within its object, in SQL words:
	// "MAPPING FOR asciiword", "TABLE public.orders", "OPTION host",
	// "ENABLE".
	Name string
	// Value is the ALTER action that gives the object the setting, as it
	// follows ALTER <kind> <object>: "ALTER MAPPING FOR asciiword WITH
	// simple", "ADD TABLE public.orders (id) WHERE (id > 0)". Canon is
	// compared, Refs are what the setting depends on.
	Value Expr
	// Reset is the ALTER action that takes the setting away again:
	// "DROP MAPPING FOR asciiword", "DROP TABLE public.orders".
	Reset string
	// Option is set on a generic option of the object itself (not of a
	// column): its "name 'value'" entry, which the object's CREATE takes
	// in the OPTIONS list it ends with. A validator may require one at
	// creation (file_fdw's filename), so creation gives them there.
	Option string
}

// Setting returns the setting with the given name, or nil.
func (d *Definition) Setting(name string) *Setting {
	for i := range d.Settings {
		if d.Settings[i].Name == name {
			return &d.Settings[i]
		}
	}
	return nil
}

// Refs returns everything the definition depends on: its statement's
// references and those of its settings.
func (d *Definition) Refs() []Ref { return d.appendRefs(nil) }

// appendRefs appends the definition's references (Refs) to refs.
func (d *Definition) appendRefs(refs []Ref) []Ref {
	refs = append(refs, d.Create.Refs...)
	for _, s := range d.Settings {
		refs = append(refs, s.Value.Refs...)
	}
	return refs
}
