-- deploy/postgres/create-office.sql
-- One office in the shared database "willkommen": a login role that owns one schema.
-- Run as the PostgreSQL superuser, once per office (schema: lowercase letters, digits, _),
-- with the role's password on standard input, so it is in no command line (`ps`) and no
-- log (sudo logs the command and the variables it passes on; docs/deployment.md, section 5):
--   db_password=$(openssl rand -hex 24)
--   printf '%s\n' "$db_password" | sudo -u postgres psql -d willkommen -v office=musterstadt \
--       -f create-office.sql
-- The server creates its tables in the schema at first start; the role can use its own
-- schema and no other office's.
\set ON_ERROR_STOP on
-- With -f, \prompt reads standard input.
\prompt password
SELECT length(:'password') >= 16 AS long_enough \gset
\if :long_enough
\else
  DO $$ BEGIN RAISE EXCEPTION 'give the role''s password (16 characters or more) on standard input: see the top of create-office.sql'; END $$;
\endif
\set role wk_ :office

CREATE ROLE :"role" LOGIN PASSWORD :'password';
GRANT CONNECT, TEMPORARY ON DATABASE willkommen TO :"role";
-- The server runs CREATE SCHEMA IF NOT EXISTS at every start, which PostgreSQL refuses
-- without CREATE on the database even when the schema exists. With it the role can make
-- new schemas, but still cannot use another office's.
GRANT CREATE ON DATABASE willkommen TO :"role";
CREATE SCHEMA :"office" AUTHORIZATION :"role";
ALTER ROLE :"role" IN DATABASE willkommen SET search_path = :"office";
