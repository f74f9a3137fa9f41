CREATE TABLE `we``ird` (`it's` INT PRIMARY KEY, `a"b` INT DEFAULT 0, `dot.ted` VARCHAR(5) DEFAULT 'it''s');
