CREATE TABLE sales_history (
  id bigint NOT NULL AUTO_INCREMENT,
  year_num int NOT NULL,
  amount decimal(10,2) DEFAULT NULL,
  PRIMARY KEY (id, year_num)
)
PARTITION BY RANGE (year_num)
(PARTITION p2022 VALUES LESS THAN (2023),
 PARTITION p2023 VALUES LESS THAN (2024) COMMENT 'last year');
INSERT INTO sales_history (year_num, amount) VALUES (2022, 1.00), (2023, 2.00);
