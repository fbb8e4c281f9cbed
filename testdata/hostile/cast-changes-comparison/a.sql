CREATE TABLE s (price_text text CHECK (price_text > '0'), d text, n int);
CREATE INDEX s_d ON s ((d > '1'));
CREATE VIEW sv AS SELECT n FROM s WHERE price_text < '5';
CREATE TABLE q (qty int CHECK (qty / 3 >= 0), big bigint);
CREATE INDEX q_avg ON q ((big * 2));
