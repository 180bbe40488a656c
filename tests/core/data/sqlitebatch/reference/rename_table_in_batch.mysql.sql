EXCEPTION: AttributeError: 'BatchOperations' object has no attribute 'rename_table'
