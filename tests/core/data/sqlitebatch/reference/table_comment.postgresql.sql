COMMENT ON TABLE account IS 'accounts of users';

