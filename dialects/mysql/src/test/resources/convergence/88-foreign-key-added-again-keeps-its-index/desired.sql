-- Unnamed keys get an index named after their column; MariaDB names the index after the constraint
-- when such a key is added again, unless told otherwise. An index declared by hand stays as it is.
CREATE TABLE users (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE admins (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY);
CREATE TABLE posts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  author_id BIGINT UNSIGNED,
  editor_id BIGINT UNSIGNED,
  reviewer_id BIGINT UNSIGNED,
  KEY by_reviewer (reviewer_id),
  FOREIGN KEY (author_id) REFERENCES admins(id),
  FOREIGN KEY (editor_id) REFERENCES users(id) ON DELETE CASCADE,
  CONSTRAINT fk_reviewer FOREIGN KEY (reviewer_id) REFERENCES admins(id)
);
