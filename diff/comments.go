package diff

import "github.com/autogen-dev/autogen/model"

// comments emits a SetComment for every object of the target whose comment
// differs from the current one. Objects created in this change set (or
// recreated) start without a comment, so theirs is set here too; creation
// changes never carry comments. Every kind the model enumerates
// (Catalog.Objects) is covered, so a new kind gets comments for free.
func (d *differ) comments() {
	current := map[model.ObjectID]string{}
	for _, o := range d.from.Objects() {
		current[o.ID] = o.Comment
	}
	for _, o := range d.to.Objects() {
		from := current[o.ID]
		if d.created[o.ID] {
			from = ""
		}
		if from != o.Comment {
			d.add(SetComment{Object: o.ID, From: from, To: o.Comment})
		}
	}
}
