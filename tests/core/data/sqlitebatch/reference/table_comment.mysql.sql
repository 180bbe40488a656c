ALTER TABLE account COMMENT 'accounts of users';

