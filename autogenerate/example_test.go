package autogenerate_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/autogen-dev/autogen/autogenerate"
)

// Compare two versions of a schema kept as SQL files and print what
// changes, and the SQL of the upgrade.
func ExampleGenerate() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	before := filepath.Join(dir, "before.sql")
	after := filepath.Join(dir, "after.sql")
	os.WriteFile(before, []byte(`CREATE TABLE orders (id bigint PRIMARY KEY, total numeric(10,2));`), 0o644)
	os.WriteFile(after, []byte(`
CREATE TYPE order_status AS ENUM ('open', 'paid');
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total numeric(10,2),
    status order_status NOT NULL DEFAULT 'open'
);
CREATE INDEX orders_status_idx ON orders (status);
`), 0o644)

	res, err := autogenerate.Generate(context.Background(), autogenerate.Files(before), autogenerate.Files(after))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Up {
		fmt.Println(c.Describe())
	}
	up, _ := res.UpSQL()
	for _, s := range up {
		fmt.Println(s + ";")
	}
	// Output:
	// added enum 'order_status' (open, paid)
	// added column 'orders.status'
	// added index 'orders_status_idx' on 'orders'
	// CREATE TYPE public.order_status AS ENUM ('open', 'paid');
	// ALTER TABLE public.orders ADD COLUMN status public.order_status DEFAULT 'open' NOT NULL;
	// CREATE INDEX orders_status_idx ON public.orders (status);
}
