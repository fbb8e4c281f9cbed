INSERT INTO places VALUES (1, 'origin', ST_SetSRID(ST_MakePoint(0, 0), 4326));
