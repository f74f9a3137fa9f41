CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE rooms (id int PRIMARY KEY);
CREATE TABLE bookings (id int PRIMARY KEY, room int NOT NULL, during tsrange NOT NULL, kind text,
                       CONSTRAINT bookings_room_overlap EXCLUDE USING gist (room WITH =, during WITH &&),
                       CONSTRAINT bookings_kind_overlap EXCLUDE USING gist (kind WITH =, during WITH &&));
CREATE TABLE shifts (id int PRIMARY KEY, person int NOT NULL, span tstzrange NOT NULL);
INSERT INTO bookings VALUES (1, 1, '[2026-01-01,2026-01-02)', 'a'), (2, 2, '[2026-01-01,2026-01-02)', 'b');
