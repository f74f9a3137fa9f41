CREATE TABLE booking (room int, during tsrange, other tsrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0), CONSTRAINT other_excl EXCLUDE USING gist (other WITH &&));
