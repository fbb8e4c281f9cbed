-- Back where they were, with the rows added after the upgrade.
DO $$
BEGIN
    IF (SELECT string_agg(kind, ',' ORDER BY id) FROM ONLY events) <> 'a,b,c,d' THEN
        RAISE EXCEPTION 'the rows of events were not kept';
    END IF;
    IF (SELECT string_agg(note, ',' ORDER BY note) FROM ONLY m_low) <> 'x,z'
       OR (SELECT string_agg(note, ',' ORDER BY note) FROM ONLY m_high) <> 'y' THEN
        RAISE EXCEPTION 'the rows of m were not routed back by its old key';
    END IF;
    IF (SELECT string_agg(line, ',' ORDER BY id) FROM logs) <> 'one,two,three,four' THEN
        RAISE EXCEPTION 'the rows of logs were not kept';
    END IF;
    IF (SELECT count(*) FROM audit) <> 4 THEN
        RAISE EXCEPTION 'the trigger of events fired for the rows put back';
    END IF;
END $$;
INSERT INTO events (at, kind) VALUES ('2023-01-03', 'e');
INSERT INTO logs (line) VALUES ('five');
