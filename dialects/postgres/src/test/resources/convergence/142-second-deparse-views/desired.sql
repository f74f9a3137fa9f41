CREATE TABLE parcels (id int PRIMARY KEY, state varchar(10) NOT NULL, weight int);
CREATE VIEW open_parcels WITH (security_barrier = true) AS
    SELECT id, state IN ('new', 'open') AS fresh FROM parcels WHERE state IN ('new', 'open', 'held');
CREATE VIEW all_weights AS
    SELECT NULL::integer, id FROM parcels UNION ALL SELECT weight, id FROM parcels;
CREATE VIEW over_view AS SELECT id FROM open_parcels WHERE fresh;
CREATE MATERIALIZED VIEW parcel_states AS
    SELECT state, count(*) AS n FROM parcels WHERE state IN ('new', 'open') GROUP BY state;
CREATE UNIQUE INDEX parcel_states_state ON parcel_states (state);
