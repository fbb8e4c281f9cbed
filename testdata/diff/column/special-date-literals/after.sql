-- The special values that stand for a fixed point are stored as that
-- point ('epoch'), or in lower case ('Infinity'): each must compare equal
-- to what PostgreSQL stores, or check would report drift forever.
CREATE TABLE events (
    id int PRIMARY KEY,
    starts timestamp DEFAULT 'epoch',
    starts_tz timestamptz DEFAULT 'EPOCH',
    ends timestamp DEFAULT 'Infinity',
    day date DEFAULT 'epoch' CHECK (day > '-infinity'),
    last_day date DEFAULT 'infinity',
    at time DEFAULT 'allballs',
    at_tz timetz DEFAULT 'AllBalls'
);
