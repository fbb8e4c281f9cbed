-- View queries as written and as pg_get_viewdef prints them.
CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL, country varchar(2));
CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors, title text, price numeric(8, 2), published date);
CREATE FUNCTION discount(p numeric) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT p * 0.9 $$;

CREATE VIEW v_star AS SELECT * FROM books;
CREATE VIEW v_join AS SELECT b.title, a.name FROM books b JOIN authors a ON a.id = b.author_id;
CREATE VIEW v_left AS SELECT a.name, b.title FROM authors a LEFT JOIN books b ON b.author_id = a.id WHERE b.price > 10;
CREATE VIEW v_using AS SELECT id, title FROM books JOIN (SELECT id AS author_id, name FROM authors) x USING (author_id);
CREATE VIEW v_agg AS SELECT author_id, count(*) AS n, sum(price) total FROM books GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC;
CREATE VIEW v_cte AS WITH cheap AS (SELECT * FROM books WHERE price < 5) SELECT title FROM cheap ORDER BY title;
CREATE VIEW v_union AS SELECT name FROM authors UNION SELECT title FROM books ORDER BY 1;
CREATE VIEW v_exists AS SELECT name FROM authors a WHERE EXISTS (SELECT 1 FROM books WHERE author_id = a.id);
CREATE VIEW v_in AS SELECT title FROM books WHERE author_id IN (SELECT id FROM authors WHERE country IN ('US', 'GB'));
CREATE VIEW v_window AS SELECT title, row_number() OVER (PARTITION BY author_id ORDER BY published DESC) AS rn FROM books;
CREATE VIEW v_distinct AS SELECT DISTINCT ON (author_id) author_id, title FROM books ORDER BY author_id, published DESC;
CREATE VIEW v_cols (author, book_count) AS SELECT author_id, count(*) FROM books GROUP BY author_id;
CREATE VIEW v_expr AS SELECT title, discount(price) AS d, upper(title), price * 2 AS double, 'const', CASE WHEN price > 10 THEN 'high' ELSE 'low' END AS band FROM books WHERE title LIKE 'A%' AND price BETWEEN 1 AND 100;
CREATE VIEW v_func AS SELECT g FROM generate_series(1, 3) g;
CREATE VIEW v_opts WITH (security_barrier) AS SELECT id FROM books WHERE price > 0;
CREATE VIEW v_check AS SELECT id, price FROM books WHERE price > 0 WITH LOCAL CHECK OPTION;
CREATE VIEW v_view AS SELECT title FROM v_star WHERE id > 1;
CREATE OR REPLACE VIEW v_view AS SELECT title, price FROM v_star WHERE id > 1;
CREATE MATERIALIZED VIEW mv_authors AS SELECT a.id, a.name, count(b.id) AS books FROM authors a LEFT JOIN books b ON b.author_id = a.id GROUP BY a.id, a.name WITH NO DATA;
CREATE INDEX ON mv_authors (name);
CREATE VIEW v_limit AS SELECT title FROM books ORDER BY published NULLS FIRST LIMIT 10 OFFSET 5;
CREATE VIEW v_values AS SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t (n, s);
CREATE VIEW v_sub AS SELECT (SELECT max(price) FROM books) AS top, now() AS at;
-- Comments on the columns of views and materialized views.
CREATE TABLE vcc_src (id int, label text);
CREATE VIEW vcc AS SELECT id, label, id * 2 AS twice FROM vcc_src;
COMMENT ON COLUMN vcc.label IS 'what people see';
COMMENT ON COLUMN vcc.twice IS 'doubled';
COMMENT ON COLUMN vcc.twice IS NULL;
COMMENT ON COLUMN vcc.id IS 'key';
CREATE MATERIALIZED VIEW vcc_m AS SELECT id FROM vcc_src;
COMMENT ON COLUMN vcc_m.id IS 'materialized key';
