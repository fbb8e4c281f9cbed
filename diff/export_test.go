package diff

import "github.com/autogen-dev/autogen/model"

// EffectsOf exposes effects to the external tests.
func EffectsOf(c Change) error {
	empty := newGraph(&model.Catalog{})
	_, err := effects(c, empty, empty)
	return err
}

// PhaseOf exposes a change's phase to the external tests.
func PhaseOf(c Change) int {
	p, _ := c.order()
	return int(p)
}
