// Package autogentest tests a project's revisions from the project's own
// `go test`, on a real, throwaway PostgreSQL: every revision applied to a
// new database, and every revision run up, down and up again one step at a
// time, failing when a downgrade does not restore the schema exactly (the
// "stairway" test that pytest-alembic users rely on).
//
//	package migrations_test
//
//	import (
//		"testing"
//
//		"github.com/autogen-dev/autogen/autogentest"
//		"example.com/shop/migrations"
//	)
//
//	// One server for the package's tests, stopped after the last one.
//	func TestMain(m *testing.M) { autogentest.Main(m) }
//
//	func TestStairway(t *testing.T) {
//		autogentest.Stairway(t, migrations.Registry)
//	}
//
//	func TestOrders(t *testing.T) {
//		url := autogentest.Upgraded(t, migrations.Registry) // a new database at head
//		// ... connect to url and test the code that uses the schema
//	}
//
// The server is started from the PostgreSQL binaries installed on the
// machine (initdb and pg_ctl, found as package tempdb finds them), or the
// tests use the existing server named by AUTOGEN_TEST_DATABASE_URL, creating
// and dropping a database per test there. `autogen check --dev --roundtrip`
// runs the same stairway from the command line.
//
// Like the other packages revision files and applications import, this one
// is pure Go and does not depend on the schema-diffing side of autogen.
package autogentest
