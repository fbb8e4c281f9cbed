CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE r (room int, slot int);
CREATE UNIQUE INDEX r_room_slot ON r (room, slot) WHERE slot > 0;
