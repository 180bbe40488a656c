EXCEPTION: ValueError: Constraint must have a name
