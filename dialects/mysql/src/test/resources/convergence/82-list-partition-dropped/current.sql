CREATE TABLE regional_sales (
  id bigint NOT NULL,
  region_code int NOT NULL,
  PRIMARY KEY (id, region_code)
)
PARTITION BY LIST (region_code)
(PARTITION p_north VALUES IN (1, 2, 3),
 PARTITION p_south VALUES IN (4, 5, 6),
 PARTITION p_east VALUES IN (7, 8, 9));
CREATE TABLE `by country` (c varchar(2) NOT NULL) PARTITION BY LIST COLUMNS (c)
(PARTITION `p eu` VALUES IN ('de', 'fr'), PARTITION `p'us` VALUES IN ('us'));
INSERT INTO regional_sales VALUES (1, 1), (2, 4), (3, 7);
