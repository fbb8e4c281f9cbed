package diff

import (
	"slices"

	"github.com/autogen-dev/autogen/model"
)

// comments emits a SetComment for every object of the target whose comment
// differs from the current one. Objects created in this change set (or
// recreated) start without a comment, so theirs is set here too; creation
// changes never carry comments. Every kind the model enumerates
// (Catalog.Objects, which the graphs hold) is covered, so a new kind gets
// comments for free.
func (d *differ) comments() {
	for i, o := range d.tg.objs {
		var from string
		if j := d.pairs.peer[i]; j >= 0 && !d.created[o.ID] {
			from = d.fg.objs[j].Comment
		} else if o.Value == d.to.Public {
			// The public schema exists in every database, with its stock
			// comment: a side that says nothing of it (an empty catalog)
			// has that one.
			from = model.PublicSchemaComment
		}
		if from != o.Comment {
			d.add(SetComment{Object: o.ID, From: from, To: o.Comment})
		}
	}
	for _, o := range d.shedColumns() {
		if o.Comment != "" {
			d.add(SetComment{Object: o.ID, From: o.Comment})
		}
	}
	// A view lists only its columns with a comment or a default: one
	// whose comment goes may leave the target's objects while the column
	// stays.
	for _, f := range d.from.Views {
		t := d.tg.view(f.Name)
		if t == nil || d.dropped[f.ID()] {
			continue
		}
		for _, c := range f.ColumnDetails {
			if c.Comment != "" && !slices.ContainsFunc(t.ColumnDetails, func(x *model.Column) bool { return x.Name == c.Name }) {
				d.add(SetComment{Object: model.ColumnID(f.Name, c.Name), From: c.Comment})
			}
		}
	}
}
