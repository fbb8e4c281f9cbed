INSERT INTO places (id, name, location, area) VALUES (2, 'square', ST_SetSRID(ST_MakePoint(0.5, 0.5), 4326),
    ST_Multi(ST_MakeEnvelope(0, 0, 1, 1, 4326)));
SELECT count(*) FROM places_near_origin;
