package diff

import "github.com/autogen-dev/autogen/model"

// EffectsOf exposes effects to the external tests.
func EffectsOf(c Change) error {
	_, err := effects(c, &model.Catalog{}, &model.Catalog{})
	return err
}

// PhaseOf exposes a change's phase to the external tests.
func PhaseOf(c Change) int {
	p, _ := c.order()
	return int(p)
}
