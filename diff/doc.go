// Package diff compares two schema models and returns the typed changes that
// turn the first into the second, in an order PostgreSQL accepts.
//
// The set of changes is closed: every type implementing [Change] is declared
// in this package, and consumers end their type switches with an error for
// an unknown change. Changes carry the model objects involved, so a consumer
// can render them without looking anything up.
//
// A downgrade is the diff in the other direction, computed with the same
// rules; it is therefore the exact inverse of the upgrade for everything the
// model describes.
//
// # Ordering
//
// Changes are sorted into phases (drop dependents, create types, create
// tables, alter columns, add constraints, add foreign keys, create views,
// ..., drop tables, drop types, drop schemas) and, within a phase, by
// dependency and then by name. Foreign keys come after every table they
// connect, which breaks cycles between tables. A view is dropped before
// anything it reads changes and created again afterwards. The same inputs
// give the same order every time.
package diff
