-- The seal's duplicate check (20261206175000_audit_async_sealer) must probe the chain's
-- once-per-request index row by row. The planner cannot know a batch's size (a CTE) and, once the
-- chain is a few tens of thousands of rows, prefers hashing the WHOLE chain for every batch
-- (measured: 125 ms of a 5,000-row seal at 80,000 chained rows, growing with the chain). Nested
-- loops over that index keep a seal's cost proportional to the batch, whatever the chain's length.
ALTER FUNCTION "audit"."chain_batch"(INTEGER) SET enable_hashjoin = off;
ALTER FUNCTION "audit"."chain_batch"(INTEGER) SET enable_mergejoin = off;
