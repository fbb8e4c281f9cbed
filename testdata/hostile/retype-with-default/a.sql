-- Columns with defaults change type: text to a new enum (the default must
-- be dropped for the change and set again in the new type), boolean to
-- integer, text to jsonb, with an index on one of them and rows.
CREATE TABLE tasks (
    id int PRIMARY KEY,
    status text NOT NULL DEFAULT 'new',
    urgent boolean DEFAULT false,
    meta text DEFAULT '{}'
);
CREATE INDEX tasks_status ON tasks (status) WHERE status <> 'done';
INSERT INTO tasks (id, status, urgent) VALUES (1, 'new', true), (2, 'done', false);
