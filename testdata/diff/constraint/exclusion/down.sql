ALTER TABLE public.booking DROP CONSTRAINT booking_room_during_excl;
