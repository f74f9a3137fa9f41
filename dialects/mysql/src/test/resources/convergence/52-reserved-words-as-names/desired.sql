CREATE TABLE `order` (`select` INT PRIMARY KEY, `from` INT, `where` VARCHAR(10), `group` INT, KEY `key` (`where`), CONSTRAINT `check` CHECK (`group` > 0));
CREATE VIEW `table` AS SELECT `select`, `from` FROM `order`;
