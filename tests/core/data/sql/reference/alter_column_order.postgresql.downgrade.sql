ALTER TABLE account RENAME quantity TO qty;
