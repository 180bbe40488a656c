ALTER TABLE item RENAME qty TO amount;

