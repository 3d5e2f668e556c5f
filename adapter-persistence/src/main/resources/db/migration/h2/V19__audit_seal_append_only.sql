-- Keeps the version numbers of both vendors aligned (see V3): on PostgreSQL a trigger refuses UPDATE and DELETE of
-- seals; on the embedded H2 database the adapter has no code path that changes one, and the chain shows any change.
SELECT 1;
