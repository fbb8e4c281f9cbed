-- ev gains a column in the middle: with exact column order it is
-- rewritten with its rows, and both foreign keys to it come back.
CREATE TABLE ev (id bigint PRIMARY KEY, extra int, kind text);
CREATE TABLE aa_notes (ev_id bigint REFERENCES ev (id) ON DELETE CASCADE, note text);
CREATE TABLE public."A Audit" (ev bigint, CONSTRAINT "audit ev" FOREIGN KEY (ev) REFERENCES ev (id));
