-- A foreign key's deferrability set by ALTER TABLE ... ALTER CONSTRAINT
-- after it was added (which reaches the copies on partitions), as a
-- schema gathered from migrations has it.
CREATE TABLE acct (id int PRIMARY KEY);
CREATE TABLE entry (id int, acct int, CONSTRAINT entry_acct FOREIGN KEY (acct) REFERENCES acct) PARTITION BY RANGE (id);
CREATE TABLE entry_1 PARTITION OF entry FOR VALUES FROM (0) TO (100);
CREATE TABLE note (acct int CONSTRAINT note_acct REFERENCES acct DEFERRABLE);
INSERT INTO acct VALUES (1);
INSERT INTO entry VALUES (1, 1);
