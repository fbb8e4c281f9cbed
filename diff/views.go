package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// views compares views and materialized views by definition. A view whose
// definition is unchanged but which reads something that changes under it
// is recreated by the dependents pass (see dependents.go).
func (d *differ) views() {
	for _, t := range d.to.Views {
		f := d.fg.view(t.Name)
		switch {
		case f == nil:
			d.add(CreateView{View: t})
		case !sameExcept(f, t, "Comment", "ColumnDetails"):
			// Comments, of the view and of its columns, are set apart.
			d.add(DropView{View: f}, CreateView{View: t})
		}
	}
	for _, f := range d.from.Views {
		if d.tg.view(f.Name) == nil {
			d.add(DropView{View: f})
		}
	}
}

// viewDefaults compares the defaults of the columns of the views that
// stay: a view created, or created again, gets its columns' defaults with
// it. A default changes in place, as a table column's does.
func (d *differ) viewDefaults() {
	for _, t := range d.to.Views {
		f := d.fg.view(t.Name)
		if f == nil || d.dropped[f.ID()] {
			continue
		}
		defaults := func(v *model.View) map[string]*model.Expr {
			out := map[string]*model.Expr{}
			for _, c := range v.ColumnDetails {
				if c.Default != nil {
					out[c.Name] = c.Default
				}
			}
			return out
		}
		fd, td := defaults(f), defaults(t)
		var names []string
		for n := range fd {
			names = append(names, n)
		}
		for n := range td {
			if fd[n] == nil {
				names = append(names, n)
			}
		}
		slices.Sort(names)
		for _, n := range names {
			// The dependents pass has taken a default that calls what goes
			// away to the target already.
			if !fd[n].Equal(td[n]) && !d.defaultSet[model.ColumnID(t.Name, n)] {
				d.add(AlterColumn{Table: t.Name, From: &model.Column{Name: n, Default: fd[n]}, To: &model.Column{Name: n, Default: td[n]}})
			}
		}
	}
}

// viewGone reports whether a view of the current schema is dropped or
// recreated (its indexes and triggers go with it).
func (d *differ) viewGone(n model.Name) bool {
	v := d.fg.view(n)
	return v != nil && d.dropped[v.ID()]
}
