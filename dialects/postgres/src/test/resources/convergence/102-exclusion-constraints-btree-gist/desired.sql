CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms (id int PRIMARY KEY);
CREATE TABLE bookings (id int PRIMARY KEY, room int NOT NULL, during tsrange NOT NULL, kind text,
                       CONSTRAINT bookings_room_overlap EXCLUDE USING gist (room WITH =, during WITH &&) WHERE (kind IS DISTINCT FROM 'cancelled'));
CREATE TABLE shifts (id int PRIMARY KEY, person int NOT NULL, span tstzrange NOT NULL,
                     CONSTRAINT shifts_no_double EXCLUDE USING gist (person WITH =, span WITH &&));
CREATE TABLE desks (id int PRIMARY KEY, floor int NOT NULL, reserved daterange,
                    CONSTRAINT desks_free EXCLUDE USING gist (floor WITH =, id WITH =, reserved WITH &&));
