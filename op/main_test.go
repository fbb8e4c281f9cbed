package op_test

import (
	"testing"

	"github.com/autogen-dev/autogen/internal/pgtest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }
