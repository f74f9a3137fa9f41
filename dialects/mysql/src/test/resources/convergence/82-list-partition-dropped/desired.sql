CREATE TABLE regional_sales (
  id bigint NOT NULL,
  region_code int NOT NULL,
  PRIMARY KEY (id, region_code)
)
PARTITION BY LIST (region_code)
(PARTITION p_north VALUES IN (1, 2, 3),
 PARTITION p_east VALUES IN (7, 8, 9),
 PARTITION p_west VALUES IN (10, NULL));
CREATE TABLE `by country` (c varchar(2) NOT NULL) PARTITION BY LIST COLUMNS (c)
(PARTITION `p eu` VALUES IN ('de', 'fr'), PARTITION `p'us` VALUES IN ('us'), PARTITION `p``ca` VALUES IN ('ca'));
