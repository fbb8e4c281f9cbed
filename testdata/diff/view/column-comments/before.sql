-- Comments on view columns: added, changed and removed; kept on a view
-- that is created again (its comments go with it and are set again); on a
-- new view and a materialized view.
CREATE TABLE src (id int, label text, n int);
CREATE VIEW plain AS SELECT id, label FROM src;
COMMENT ON COLUMN plain.label IS 'old';
COMMENT ON COLUMN plain.id IS 'gone soon';
CREATE VIEW rebuilt AS SELECT id, label, n FROM src;
COMMENT ON COLUMN rebuilt.label IS 'survives';
