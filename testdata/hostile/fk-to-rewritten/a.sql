-- A table rewritten for its column order (b.sql adds a column in the
-- middle) while tables that sort before it by name hold foreign keys to
-- it: the keys are dropped for the rewrite and must be added again.
CREATE TABLE ev (id bigint PRIMARY KEY, kind text);
CREATE TABLE aa_notes (ev_id bigint REFERENCES ev (id) ON DELETE CASCADE, note text);
CREATE TABLE public."A Audit" (ev bigint, CONSTRAINT "audit ev" FOREIGN KEY (ev) REFERENCES ev (id));
INSERT INTO ev VALUES (1, 'click'), (2, 'view');
INSERT INTO aa_notes VALUES (1, 'first');
INSERT INTO public."A Audit" VALUES (2);
