INSERT INTO sales (r, amount, tags) VALUES ('eu', 10, '{eu,us}'), ('us', 20, NULL), ('apac', 30, '{apac}');
