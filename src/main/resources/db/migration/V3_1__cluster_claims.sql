-- Two or more Huian nodes on one database.
-- 1. The outbox relay records when a node claimed a row, so a row whose node died between claim
--    and report (status SENDING forever) can be handed back to the relay after a lease.
ALTER TABLE notification_outbox ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;

-- 2. Named rows that start-up work locks with SELECT ... FOR UPDATE, so that nodes starting at the
--    same time run it one after the other (the identity seeding checks, then creates).
CREATE TABLE huian_lock (
    name VARCHAR(64) PRIMARY KEY
);
INSERT INTO huian_lock (name) VALUES ('identity-setup');
