CREATE TABLE `order` (`select` INT PRIMARY KEY, `from` INT);
