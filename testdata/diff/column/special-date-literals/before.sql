CREATE TABLE events (
    id int PRIMARY KEY,
    starts timestamp,
    starts_tz timestamptz,
    ends timestamp,
    day date,
    last_day date,
    at time,
    at_tz timetz
);
