-- p2 is split in the middle and the last partition takes every value: the table is partitioned anew,
-- its rows kept.
CREATE TABLE readings (id int NOT NULL, y int NOT NULL)
PARTITION BY RANGE (y) (PARTITION p1 VALUES LESS THAN (10), PARTITION p2a VALUES LESS THAN (15),
  PARTITION p2 VALUES LESS THAN (20), PARTITION p3 VALUES LESS THAN MAXVALUE);
