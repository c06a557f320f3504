"""Scale tests: multiprocess and Ray extraction, the store on PostgreSQL."""
