EXCEPTION: ValueError: list.remove(x): x not in list
