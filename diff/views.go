package diff

import "github.com/autogen-dev/autogen/model"

// views compares views and materialized views by definition. A view whose
// definition is unchanged but which reads something that changes under it
// is recreated by the dependents pass (see dependents.go).
func (d *differ) views() {
	for _, t := range d.to.Views {
		f := d.fg.view(t.Name)
		switch {
		case f == nil:
			d.add(CreateView{View: t})
		case !sameExcept(f, t, "Comment", "CommentedColumns"):
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

// viewGone reports whether a view of the current schema is dropped or
// recreated (its indexes and triggers go with it).
func (d *differ) viewGone(n model.Name) bool {
	v := d.fg.view(n)
	return v != nil && d.dropped[v.ID()]
}
