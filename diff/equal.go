package diff

import "github.com/autogen-dev/autogen/model"

// same and sameExcept are model.Equal and model.EqualExcept, the one
// notion of equality the diff and the readers share.
func same(a, b any) bool { return model.Equal(a, b) }

func sameExcept(a, b any, fields ...string) bool { return model.EqualExcept(a, b, fields...) }
