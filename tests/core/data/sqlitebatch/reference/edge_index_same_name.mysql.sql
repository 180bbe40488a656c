FAILED: All MySQL CHANGE/MODIFY COLUMN operations require the existing type.
