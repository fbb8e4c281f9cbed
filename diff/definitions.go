package diff

import (
	"fmt"
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// definitions compares the objects held as model.Definition, all kinds
// alike: an object whose statement differs is dropped and created again;
// one whose settings differ is altered in place, each setting reset or set
// on its own. An object that belongs to a table (a rule, a statistics
// object) goes with its table when the table is dropped or recreated, and
// is created again with it. A setting that names an object dropped and
// created again (a publication's table) is set again.
func (d *differ) definitions() error {
	for _, t := range d.to.Definitions {
		f := d.from.Definition(t.ID)
		switch {
		case f == nil || d.tableGone(f):
			d.createDefinition(t, "")
		case f.Create.Canon != t.Create.Canon:
			if d.unswappable(f.ID) {
				return fmt.Errorf("diff: cannot recreate %s, whose definition changes, while columns or other types use it: "+
					"create the new definition under another name, move the columns to it, and drop the old one, in separate revisions", f.ID)
			}
			d.add(DropDefinition{Def: f, Recreate: true})
			d.createDefinition(t, "")
		default:
			if a, ok := d.alterDefinition(f, t); ok {
				d.add(a)
			}
		}
	}
	for _, f := range d.from.Definitions {
		if d.to.Definition(f.ID) == nil && !d.tableGone(f) {
			d.add(DropDefinition{Def: f})
		}
	}
	return nil
}

// createDefinition creates a definition: a base type as a shell first,
// which its I/O functions need, then in full.
func (d *differ) createDefinition(t *model.Definition, cause string) {
	if t.ID.Kind == model.KindBaseType {
		d.add(CreateDefinition{Def: t, Shell: true, Cause: cause})
	}
	d.add(CreateDefinition{Def: t, Cause: cause})
}

// tableGone reports whether the table or view a definition belongs to is
// dropped or recreated, which takes the definition with it.
func (d *differ) tableGone(f *model.Definition) bool {
	if f.Table == nil {
		return false
	}
	if d.fg.view(*f.Table) != nil {
		return d.viewGone(*f.Table) || d.tg.view(*f.Table) == nil
	}
	return d.gone(*f.Table)
}

// alterDefinition returns the in-place change from f to t, when their
// settings differ or a setting names an object that is dropped and
// created again.
func (d *differ) alterDefinition(f, t *model.Definition) (AlterDefinition, bool) {
	a := AlterDefinition{From: f, To: t}
	for _, fs := range f.Settings {
		ts := t.Setting(fs.Name)
		gone := d.settingGone(f.ID, fs)
		if gone && f.ID.Kind.Info().SettingsFollow {
			// What the setting names was dropped and took the setting
			// with it: there is nothing left to reset.
			continue
		}
		if ts == nil || ts.Value.Canon != fs.Value.Canon || gone {
			a.Reset = append(a.Reset, fs)
		}
	}
	for _, ts := range t.Settings {
		fs := f.Setting(ts.Name)
		if fs == nil || fs.Value.Canon != ts.Value.Canon || d.settingGone(f.ID, *fs) {
			a.Set = append(a.Set, ts)
		}
	}
	return a, len(a.Reset)+len(a.Set) > 0
}

// settingGone reports whether a setting of the current catalog names an
// object that is dropped (so the setting went with it).
func (d *differ) settingGone(owner model.ObjectID, s model.Setting) bool {
	var ns []node
	for _, r := range s.Value.Refs {
		ns = d.fg.resolve(ns[:0], owner, r)
		for _, n := range ns {
			if d.dropped[d.fg.id(n)] {
				return true
			}
		}
	}
	return false
}

// absorbCascades lets the drop of a base type take its I/O functions with
// it. They and the type depend on each other, so neither can be dropped
// alone: DROP TYPE ... CASCADE drops them together, and a function the
// target keeps is created again after the type's shell.
func (d *differ) absorbCascades() {
	var drops []int
	for i, c := range d.out {
		if dd, ok := c.(DropDefinition); ok && !d.removed[i] && dd.Def.ID.Kind == model.KindBaseType {
			drops = append(drops, i)
		}
	}
	for _, at := range drops {
		dd := d.out[at].(DropDefinition)
		id := dd.Def.ID
		var cascade []model.ObjectID
		for _, n := range d.fg.depsOf(id) {
			fn := d.fg.id(n)
			if (fn.Kind == model.KindFunction || fn.Kind == model.KindProcedure) && d.fg.dependsOn(fn, id) {
				cascade = append(cascade, fn)
			}
		}
		if len(cascade) == 0 {
			continue
		}
		dd.Cascade = cascade
		d.out[at] = dd
		// The functions' own drops and replacements go: the cascade
		// drops them.
		for i, c := range d.out {
			switch c := c.(type) {
			case DropFunction:
				d.removed[i] = d.removed[i] || slices.Contains(cascade, c.Function.ID())
			case CreateFunction:
				d.removed[i] = d.removed[i] || c.Replace && slices.Contains(cascade, c.Function.ID())
			}
		}
		for _, fn := range cascade {
			d.dropped[fn] = true
			if t, ok := d.tg.value(fn).(*model.Function); ok && !d.created[fn] {
				d.add(CreateFunction{Function: t, Late: d.tg.late(fn)})
			}
		}
	}
}

// definitionsUnderRenames refuses renames that touch a definition: its
// statement names objects by their names, and is not rewritten under new
// ones.
func (d *differ) definitionsUnderRenames(ren *model.Renaming) error {
	for _, def := range d.from.Definitions {
		owner := def.ID.Name
		if def.Table != nil {
			owner = *def.Table
		}
		touched := ren.Name(def.ID.Name) != def.ID.Name || (def.Table != nil && ren.Table(*def.Table) != *def.Table)
		for _, r := range def.Refs() {
			touched = touched || ren.Touches(owner, r)
		}
		if touched {
			return fmt.Errorf("diff: the renames change names that %s uses, which autogen cannot rename in it; drop it in one revision and create it again in another, or rename by hand", def.ID)
		}
	}
	return nil
}
