-- Every row is in the partition its new key puts it in, and the identity
-- and serial sequences go on where they were.
DO $$
BEGIN
    IF (SELECT count(*) FROM ONLY events_2023) <> 2 OR (SELECT count(*) FROM ONLY events_rest) <> 1 THEN
        RAISE EXCEPTION 'the rows of events were not routed into its partitions';
    END IF;
    IF (SELECT string_agg(note, ',' ORDER BY note) FROM ONLY m_low) <> 'x'
       OR (SELECT string_agg(note, ',' ORDER BY note) FROM ONLY m_new) <> 'y,z' THEN
        RAISE EXCEPTION 'the rows of m were not routed by its new key';
    END IF;
    IF (SELECT string_agg(line, ',' ORDER BY id) FROM logs) <> 'one,two,three' THEN
        RAISE EXCEPTION 'the rows of logs were not kept';
    END IF;
    IF (SELECT count(*) FROM audit) <> 3 THEN
        RAISE EXCEPTION 'the trigger of events fired for the rows put back';
    END IF;
    IF (SELECT count(*) FROM m_notes) <> 3 THEN
        RAISE EXCEPTION 'the view over m does not see its rows';
    END IF;
END $$;
INSERT INTO events (at, kind) VALUES ('2023-01-02', 'd');
INSERT INTO logs (line) VALUES ('four');
