CREATE INDEX measurements_sensor_old ON measurements (sensor);
CREATE INDEX measurements_changed ON measurements (id);
INSERT INTO measurements SELECT g, DATE '2024-06-01' + (g % 400), CASE WHEN g % 3 = 0 THEN 'a' ELSE 'b' END, g
    FROM generate_series(1, 1000) g;
