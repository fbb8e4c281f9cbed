ALTER TABLE public.booking ADD CONSTRAINT booking_room_during_excl EXCLUDE USING gist (room WITH =, during WITH &&);
