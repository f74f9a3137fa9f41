# a hash comment; with a semicolon
CREATE TABLE t (
  id INT PRIMARY KEY, -- trailing; comment
  a INT /* inline; comment */
) /*!50100 COMMENT 'via executable comment' */;
