-- Sequences whose new range leaves out their current value on the side
-- they never reach again: PostgreSQL refuses the ALTER until the value
-- moves into the range.
CREATE SEQUENCE up_seq;
CREATE SEQUENCE down_seq INCREMENT BY -1;
