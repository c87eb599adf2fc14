-- Staff as data: who works in which unit, in which role, as the administrator's file says.
-- The Camunda user, its groups and memberships are created from these rows; phone numbers stay
-- here (Camunda's user has no phone field).
CREATE TABLE staff (
    username   VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(50)  NOT NULL,
    unit_codes VARCHAR(400) NOT NULL,
    roles      VARCHAR(200) NOT NULL,
    phone      VARCHAR(20),
    email      VARCHAR(100),
    retired    BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
