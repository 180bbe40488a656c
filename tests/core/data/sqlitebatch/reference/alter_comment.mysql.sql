ALTER TABLE account MODIFY name VARCHAR(50) NULL COMMENT 'display name';

