CREATE TABLE `café_订单` (`id` INT PRIMARY KEY, `名前` VARCHAR(20) COMMENT 'naïve 😀 comment', KEY `ix_名前` (`名前`)) COMMENT 'table ✓';
