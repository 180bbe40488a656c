ALTER TABLE account RENAME TO accounts;

ALTER TABLE user RENAME TO `Users`;

ALTER TABLE accounts COMMENT 'it''s a table';

ALTER TABLE accounts COMMENT '';
