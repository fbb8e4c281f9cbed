package diff

import (
	"fmt"

	"github.com/autogen-dev/autogen/model"
)

// applyRenames emits the confirmed renames and rewrites the current catalog
// as if they had happened, so the rest of the comparison sees matching
// names. The caller's catalog is not modified.
func (d *differ) applyRenames() error {
	if len(d.renames.Tables) == 0 && len(d.renames.Columns) == 0 {
		return nil
	}
	from := *d.from
	from.Tables = nil
	for _, t := range d.from.Tables {
		tt := *t
		if newName, ok := d.renames.Tables[t.Name]; ok {
			if d.to.Table(model.Name{Schema: t.Name.Schema, Name: newName}) == nil {
				return fmt.Errorf("diff: rename of table %s to %s: no such table in the target schema", t.Name, newName)
			}
			d.add(RenameTable{From: t.Name, To: model.Name{Schema: t.Name.Schema, Name: newName}})
			tt.Name.Name = newName
			d.dirty[tt.Name.String()] = true
		}
		if cols, ok := d.renames.Columns[tt.Name]; ok {
			tt.Columns = nil
			for _, c := range t.Columns {
				cc := *c
				if newName, ok := cols[c.Name]; ok {
					d.add(RenameColumn{Table: tt.Name, From: c.Name, To: newName})
					cc.Name = newName
					d.dirty[tt.Name.String()] = true
				}
				tt.Columns = append(tt.Columns, &cc)
			}
		}
		from.Tables = append(from.Tables, &tt)
	}
	d.from = &from
	return nil
}
