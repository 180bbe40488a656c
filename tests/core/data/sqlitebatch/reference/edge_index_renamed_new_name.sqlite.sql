EXCEPTION: KeyError: 'memo'
