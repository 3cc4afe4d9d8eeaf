// Stand-ins for extensions PGlite does not ship and Supabase/AI histories use: pgvector (`vector`),
// `pgmq`, `http`, `pg_net`, `pg_cron`. Each is installed as a real extension (a control file and a
// script written into PGlite's in-memory share directory), so CREATE EXTENSION, WITH SCHEMA,
// IF NOT EXISTS, DROP EXTENSION and the catalog behave as Postgres does; what the script creates
// is only the surface migrations reference: types with their typmods, functions with their real
// signatures, operators, index access methods and operator classes, tables. Nothing behind it: no
// vector search, no queue worker, no network, no scheduler. Every use is reported as a stand-in
// (verify/extension-stand-in) so nobody mistakes it for the real thing.

import { scanSync } from 'libpg-query';
import type { Statement } from '@migralint/core';
import type { SqlError } from './database.js';

export interface StandIn {
  /** The real extension's version this stand-in imitates the surface of. */
  version: string;
  /** What it provides, for the finding. */
  provides: string;
  /** The schema its control file names (as the real one's does): CREATE EXTENSION creates it when missing. */
  schema?: string;
  /** The extension script (`@extschema@` is the schema it is created in). */
  sql: string;
}

/** pgvector's vector-like types: `vector` (float4) and `halfvec` (float2); both stored as their text. */
function vectorType(t: string): string {
  const s = '@extschema@';
  return `
CREATE TYPE ${s}.${t};
CREATE FUNCTION ${s}.${t}_in(cstring) RETURNS ${s}.${t} AS 'textin' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ${s}.${t}_out(${s}.${t}) RETURNS cstring AS 'textout' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
-- vector(1536): the typmod is the dimension count (+4, as varchar's: its functions read and print it).
CREATE FUNCTION ${s}.${t}_typmod_in(cstring[]) RETURNS integer AS 'varchartypmodin' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION ${s}.${t}_typmod_out(integer) RETURNS cstring AS 'varchartypmodout' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE ${s}.${t} (INPUT = ${s}.${t}_in, OUTPUT = ${s}.${t}_out, TYPMOD_IN = ${s}.${t}_typmod_in, TYPMOD_OUT = ${s}.${t}_typmod_out, INTERNALLENGTH = VARIABLE, STORAGE = external);
CREATE FUNCTION ${s}.${t}_to_float8(${s}.${t}) RETURNS float8[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT string_to_array(btrim($1::text, '[] '), ',')::float8[] $f$;
CREATE FUNCTION ${s}.vector_dims(${s}.${t}) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT cardinality(${s}.${t}_to_float8($1)) $f$;
CREATE FUNCTION ${s}.${t}(${s}.${t}, integer, boolean) RETURNS ${s}.${t} LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $f$
BEGIN
  IF $2 >= 4 AND ${s}.vector_dims($1) <> $2 - 4 THEN
    RAISE EXCEPTION 'expected % dimensions, not %', $2 - 4, ${s}.vector_dims($1) USING ERRCODE = '22000';
  END IF;
  RETURN $1;
END $f$;
CREATE CAST (${s}.${t} AS ${s}.${t}) WITH FUNCTION ${s}.${t}(${s}.${t}, integer, boolean) AS IMPLICIT;
CREATE FUNCTION ${s}.array_to_${t}(float8[]) RETURNS ${s}.${t} LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT ('[' || array_to_string($1, ',') || ']')::${s}.${t} $f$;
CREATE FUNCTION ${s}.array_to_${t}(real[]) RETURNS ${s}.${t} LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT ('[' || array_to_string($1, ',') || ']')::${s}.${t} $f$;
CREATE FUNCTION ${s}.array_to_${t}(integer[]) RETURNS ${s}.${t} LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT ('[' || array_to_string($1, ',') || ']')::${s}.${t} $f$;
CREATE FUNCTION ${s}.${t}_to_real(${s}.${t}) RETURNS real[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT ${s}.${t}_to_float8($1)::real[] $f$;
CREATE CAST (float8[] AS ${s}.${t}) WITH FUNCTION ${s}.array_to_${t}(float8[]) AS ASSIGNMENT;
CREATE CAST (real[] AS ${s}.${t}) WITH FUNCTION ${s}.array_to_${t}(real[]) AS ASSIGNMENT;
CREATE CAST (integer[] AS ${s}.${t}) WITH FUNCTION ${s}.array_to_${t}(integer[]) AS ASSIGNMENT;
CREATE CAST (${s}.${t} AS real[]) WITH FUNCTION ${s}.${t}_to_real(${s}.${t}) AS IMPLICIT;
CREATE FUNCTION ${s}.l2_distance(${s}.${t}, ${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT sqrt(sum((a - b) ^ 2)) FROM unnest(${s}.${t}_to_float8($1), ${s}.${t}_to_float8($2)) AS t(a, b) $f$;
CREATE FUNCTION ${s}.inner_product(${s}.${t}, ${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT sum(a * b) FROM unnest(${s}.${t}_to_float8($1), ${s}.${t}_to_float8($2)) AS t(a, b) $f$;
CREATE FUNCTION ${s}.vector_negative_inner_product(${s}.${t}, ${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT -${s}.inner_product($1, $2) $f$;
CREATE FUNCTION ${s}.cosine_distance(${s}.${t}, ${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT 1 - sum(a * b) / nullif(sqrt(sum(a * a)) * sqrt(sum(b * b)), 0) FROM unnest(${s}.${t}_to_float8($1), ${s}.${t}_to_float8($2)) AS t(a, b) $f$;
CREATE FUNCTION ${s}.l1_distance(${s}.${t}, ${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT sum(abs(a - b)) FROM unnest(${s}.${t}_to_float8($1), ${s}.${t}_to_float8($2)) AS t(a, b) $f$;
CREATE FUNCTION ${s}.vector_norm(${s}.${t}) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT sqrt(sum(a * a)) FROM unnest(${s}.${t}_to_float8($1)) AS t(a) $f$;
CREATE FUNCTION ${s}.${t}_eq(${s}.${t}, ${s}.${t}) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $f$ SELECT ${s}.${t}_to_float8($1) = ${s}.${t}_to_float8($2) $f$;
CREATE FUNCTION ${s}.${t}_hash(${s}.${t}) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT hashtext($1::text) $f$;
CREATE OPERATOR ${s}.<-> (LEFTARG = ${s}.${t}, RIGHTARG = ${s}.${t}, FUNCTION = ${s}.l2_distance, COMMUTATOR = OPERATOR(${s}.<->));
CREATE OPERATOR ${s}.<#> (LEFTARG = ${s}.${t}, RIGHTARG = ${s}.${t}, FUNCTION = ${s}.vector_negative_inner_product, COMMUTATOR = OPERATOR(${s}.<#>));
CREATE OPERATOR ${s}.<=> (LEFTARG = ${s}.${t}, RIGHTARG = ${s}.${t}, FUNCTION = ${s}.cosine_distance, COMMUTATOR = OPERATOR(${s}.<=>));
CREATE OPERATOR ${s}.<+> (LEFTARG = ${s}.${t}, RIGHTARG = ${s}.${t}, FUNCTION = ${s}.l1_distance, COMMUTATOR = OPERATOR(${s}.<+>));
CREATE OPERATOR ${s}.= (LEFTARG = ${s}.${t}, RIGHTARG = ${s}.${t}, FUNCTION = ${s}.${t}_eq, COMMUTATOR = OPERATOR(${s}.=));
${['l2', 'ip', 'cosine', 'l1']
  .flatMap((ops) =>
    ['ivfflat', 'hnsw'].map(
      (am) => `CREATE OPERATOR CLASS ${s}.${t}_${ops}_ops ${ops === 'l2' ? 'DEFAULT ' : ''}FOR TYPE ${s}.${t} USING ${am} AS OPERATOR 1 ${s}.= (${s}.${t}, ${s}.${t}), FUNCTION 1 ${s}.${t}_hash(${s}.${t});`,
    ),
  )
  .join('\n')}
`;
}

const VECTOR_SQL = `
-- Index access methods with pgvector's names. Behind them: hash (an index of 4-byte hash codes, so
-- rows of any dimension fit); their WITH options are checked by verify (standInIndexText).
CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER pg_catalog.hashhandler;
CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER pg_catalog.hashhandler;
${vectorType('vector')}
${vectorType('halfvec')}
CREATE FUNCTION @extschema@.bit_hash(bit) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $f$ SELECT hashtext($1::text) $f$;
CREATE OPERATOR CLASS @extschema@.bit_hamming_ops FOR TYPE bit USING hnsw AS OPERATOR 1 pg_catalog.= (bit, bit), FUNCTION 1 @extschema@.bit_hash(bit);
CREATE OPERATOR CLASS @extschema@.bit_jaccard_ops FOR TYPE bit USING hnsw AS OPERATOR 1 pg_catalog.= (bit, bit), FUNCTION 1 @extschema@.bit_hash(bit);
CREATE OPERATOR CLASS @extschema@.bit_hamming_ops FOR TYPE bit USING ivfflat AS OPERATOR 1 pg_catalog.= (bit, bit), FUNCTION 1 @extschema@.bit_hash(bit);
`;

// pgmq 1.5: its control file names the schema (created with the extension when missing).
const PGMQ_SQL = `
CREATE TABLE pgmq.meta (queue_name varchar UNIQUE NOT NULL, is_partitioned boolean NOT NULL DEFAULT false, is_unlogged boolean NOT NULL DEFAULT false, created_at timestamptz NOT NULL DEFAULT now());
CREATE TYPE pgmq.message_record AS (msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb, headers jsonb);
CREATE FUNCTION pgmq.format_table_name(queue_name text, prefix text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT lower(prefix || '_' || queue_name) $f$;
CREATE TYPE pgmq.metrics_result AS (queue_name text, queue_length bigint, newest_msg_age_sec integer, oldest_msg_age_sec integer, total_messages bigint, scrape_time timestamptz);
CREATE FUNCTION pgmq.create(queue_name text) RETURNS void LANGUAGE plpgsql AS $f$
BEGIN
  EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, read_ct integer NOT NULL DEFAULT 0, enqueued_at timestamptz NOT NULL DEFAULT now(), vt timestamptz NOT NULL, message jsonb, headers jsonb)', 'q_' || queue_name);
  EXECUTE format('CREATE TABLE IF NOT EXISTS pgmq.%I (msg_id bigint PRIMARY KEY, read_ct integer NOT NULL DEFAULT 0, enqueued_at timestamptz NOT NULL DEFAULT now(), archived_at timestamptz NOT NULL DEFAULT now(), vt timestamptz NOT NULL, message jsonb, headers jsonb)', 'a_' || queue_name);
  INSERT INTO pgmq.meta (queue_name) VALUES (queue_name) ON CONFLICT DO NOTHING;
END $f$;
CREATE FUNCTION pgmq.create_unlogged(queue_name text) RETURNS void LANGUAGE sql AS $f$ SELECT pgmq.create(queue_name) $f$;
CREATE FUNCTION pgmq.create_non_partitioned(queue_name text) RETURNS void LANGUAGE sql AS $f$ SELECT pgmq.create(queue_name) $f$;
CREATE FUNCTION pgmq.drop_queue(queue_name text) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
  EXECUTE format('DROP TABLE IF EXISTS pgmq.%I, pgmq.%I', 'q_' || queue_name, 'a_' || queue_name);
  DELETE FROM pgmq.meta m WHERE m.queue_name = drop_queue.queue_name;
  RETURN true;
END $f$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) VALUES (now() + make_interval(secs => $1), $2) RETURNING msg_id', 'q_' || queue_name) USING delay, msg;
END $f$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb, delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message, headers) VALUES (now() + make_interval(secs => $1), $2, $3) RETURNING msg_id', 'q_' || queue_name) USING delay, msg, headers;
END $f$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE sql AS $f$ SELECT pgmq.send_batch(queue_name, msgs, delay) $f$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer DEFAULT 0) RETURNS SETOF bigint LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('INSERT INTO pgmq.%I (vt, message) SELECT now() + make_interval(secs => $1), unnest($2) RETURNING msg_id', 'q_' || queue_name) USING delay, msgs;
END $f$;
CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('UPDATE pgmq.%I SET vt = now() + make_interval(secs => $1), read_ct = read_ct + 1 WHERE msg_id IN (SELECT msg_id FROM pgmq.%I WHERE vt <= now() ORDER BY msg_id LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING msg_id, read_ct, enqueued_at, vt, message, headers', 'q_' || queue_name, 'q_' || queue_name) USING vt, qty;
END $f$;
CREATE FUNCTION pgmq.read_with_poll(queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100, conditional jsonb DEFAULT '{}') RETURNS SETOF pgmq.message_record LANGUAGE sql AS $f$
  SELECT * FROM pgmq.read(queue_name, vt, qty) $f$;
CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = (SELECT msg_id FROM pgmq.%I WHERE vt <= now() ORDER BY msg_id LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING msg_id, read_ct, enqueued_at, vt, message, headers', 'q_' || queue_name, 'q_' || queue_name);
END $f$;
CREATE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE n integer;
BEGIN
  EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = $1', 'q_' || queue_name) USING msg_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n > 0;
END $f$;
CREATE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE plpgsql AS $f$
DECLARE n integer;
BEGIN
  EXECUTE format('WITH moved AS (DELETE FROM pgmq.%I WHERE msg_id = $1 RETURNING *) INSERT INTO pgmq.%I (msg_id, read_ct, enqueued_at, vt, message, headers) SELECT msg_id, read_ct, enqueued_at, vt, message, headers FROM moved', 'q_' || queue_name, 'a_' || queue_name) USING msg_id;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n > 0;
END $f$;
CREATE FUNCTION pgmq.delete(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('DELETE FROM pgmq.%I WHERE msg_id = any($1) RETURNING msg_id', 'q_' || queue_name) USING msg_ids;
END $f$;
CREATE FUNCTION pgmq.archive(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('WITH moved AS (DELETE FROM pgmq.%I WHERE msg_id = any($1) RETURNING *) INSERT INTO pgmq.%I (msg_id, read_ct, enqueued_at, vt, message, headers) SELECT msg_id, read_ct, enqueued_at, vt, message, headers FROM moved RETURNING msg_id', 'q_' || queue_name, 'a_' || queue_name) USING msg_ids;
END $f$;
CREATE FUNCTION pgmq.purge_queue(queue_name text) RETURNS bigint LANGUAGE plpgsql AS $f$
DECLARE n bigint;
BEGIN
  EXECUTE format('DELETE FROM pgmq.%I', 'q_' || queue_name);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $f$;
CREATE FUNCTION pgmq.set_vt(queue_name text, msg_id bigint, vt integer) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $f$
BEGIN
  RETURN QUERY EXECUTE format('UPDATE pgmq.%I SET vt = now() + make_interval(secs => $1) WHERE msg_id = $2 RETURNING msg_id, read_ct, enqueued_at, vt, message, headers', 'q_' || queue_name) USING vt, msg_id;
END $f$;
CREATE FUNCTION pgmq.list_queues() RETURNS SETOF pgmq.meta LANGUAGE sql AS $f$ SELECT * FROM pgmq.meta $f$;
CREATE FUNCTION pgmq.metrics(queue_name text) RETURNS pgmq.metrics_result LANGUAGE sql AS $f$ SELECT queue_name, 0::bigint, NULL::integer, NULL::integer, 0::bigint, now() $f$;
`;

const HTTP_SQL = `
CREATE DOMAIN @extschema@.http_method AS text;
CREATE TYPE @extschema@.http_header AS (field varchar, value varchar);
CREATE TYPE @extschema@.http_request AS (method @extschema@.http_method, uri varchar, headers @extschema@.http_header[], content_type varchar, content varchar);
CREATE TYPE @extschema@.http_response AS (status integer, content_type varchar, headers @extschema@.http_header[], content varchar);
CREATE FUNCTION @extschema@.http_header(field varchar, value varchar) RETURNS @extschema@.http_header LANGUAGE sql IMMUTABLE AS $f$ SELECT ROW($1, $2)::@extschema@.http_header $f$;
-- No network from verify: a call made while migrating fails and says why.
CREATE FUNCTION @extschema@.http(request @extschema@.http_request) RETURNS @extschema@.http_response LANGUAGE plpgsql AS $f$
BEGIN
  RAISE EXCEPTION 'http stand-in: verify makes no network calls (% %)', ($1).method, ($1).uri USING ERRCODE = '0A000';
END $f$;
CREATE FUNCTION @extschema@.http_get(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('GET', $1, NULL, NULL, NULL)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_get(uri varchar, data jsonb) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('GET', $1, NULL, NULL, NULL)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_post(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('POST', $1, NULL, $3, $2)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_post(uri varchar, data jsonb) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('POST', $1, NULL, NULL, NULL)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_put(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('PUT', $1, NULL, $3, $2)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_patch(uri varchar, content varchar, content_type varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('PATCH', $1, NULL, $3, $2)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_delete(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('DELETE', $1, NULL, NULL, NULL)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_head(uri varchar) RETURNS @extschema@.http_response LANGUAGE sql AS $f$ SELECT @extschema@.http(ROW('HEAD', $1, NULL, NULL, NULL)::@extschema@.http_request) $f$;
CREATE FUNCTION @extschema@.http_set_curlopt(curlopt varchar, value varchar) RETURNS boolean LANGUAGE sql AS $f$ SELECT true $f$;
CREATE FUNCTION @extschema@.http_reset_curlopt() RETURNS boolean LANGUAGE sql AS $f$ SELECT true $f$;
CREATE FUNCTION @extschema@.urlencode(string varchar) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT replace(replace($1, '%', '%25'), ' ', '%20') $f$;
CREATE FUNCTION @extschema@.urlencode(data jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $f$ SELECT string_agg(key || '=' || value, '&') FROM jsonb_each_text($1) $f$;
`;

const PG_NET_SQL = `
CREATE SCHEMA IF NOT EXISTS net;
CREATE TYPE net.request_status AS ENUM ('PENDING', 'SUCCESS', 'ERROR');
CREATE TABLE net.http_request_queue (id bigserial PRIMARY KEY, method text NOT NULL, url text NOT NULL, headers jsonb NOT NULL, body bytea, timeout_milliseconds integer NOT NULL);
CREATE TABLE net._http_response (id bigint, status_code integer, content_type text, headers jsonb, content text, timed_out boolean, error_msg text, created timestamptz NOT NULL DEFAULT now());
-- Requests are queued, never sent (no worker, no network), as pg_net queues them for its worker.
CREATE FUNCTION net.http_get(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds) VALUES ('GET', url, headers, timeout_milliseconds) RETURNING id $f$;
CREATE FUNCTION net.http_post(url text, body jsonb DEFAULT '{}', params jsonb DEFAULT '{}', headers jsonb DEFAULT '{"Content-Type": "application/json"}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds) VALUES ('POST', url, headers, convert_to(body::text, 'UTF8'), timeout_milliseconds) RETURNING id $f$;
CREATE FUNCTION net.http_delete(url text, params jsonb DEFAULT '{}', headers jsonb DEFAULT '{}', timeout_milliseconds integer DEFAULT 5000) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds) VALUES ('DELETE', url, headers, timeout_milliseconds) RETURNING id $f$;
CREATE FUNCTION net.http_collect_response(request_id bigint, async boolean DEFAULT true) RETURNS record LANGUAGE sql AS $f$ SELECT 'PENDING'::net.request_status, NULL::text, NULL::record $f$;
`;

const PG_CRON_SQL = `
CREATE SCHEMA IF NOT EXISTS cron;
CREATE TABLE cron.job (jobid bigserial PRIMARY KEY, schedule text NOT NULL, command text NOT NULL, nodename text NOT NULL DEFAULT 'localhost', nodeport integer NOT NULL DEFAULT 5432, database text NOT NULL DEFAULT current_database(), username text NOT NULL DEFAULT current_user, active boolean NOT NULL DEFAULT true, jobname text, UNIQUE (jobname, username));
CREATE TABLE cron.job_run_details (jobid bigint, runid bigserial PRIMARY KEY, job_pid integer, database text, username text, command text, status text, return_message text, start_time timestamptz, end_time timestamptz);
-- Jobs are recorded, never run (no scheduler).
CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO cron.job (schedule, command) VALUES (schedule, command) RETURNING jobid $f$;
CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO cron.job (jobname, schedule, command) VALUES (job_name, schedule, command)
  ON CONFLICT (jobname, username) DO UPDATE SET schedule = excluded.schedule, command = excluded.command RETURNING jobid $f$;
CREATE FUNCTION cron.schedule_in_database(job_name text, schedule text, command text, database text, username text DEFAULT NULL, active boolean DEFAULT true) RETURNS bigint LANGUAGE sql AS $f$
  INSERT INTO cron.job (jobname, schedule, command, database, active) VALUES (job_name, schedule, command, database, active) RETURNING jobid $f$;
CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
  DELETE FROM cron.job WHERE jobid = job_id;
  IF NOT FOUND THEN RAISE EXCEPTION 'could not find valid entry for job %', job_id; END IF;
  RETURN true;
END $f$;
CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE plpgsql AS $f$
BEGIN
  DELETE FROM cron.job WHERE jobname = job_name;
  IF NOT FOUND THEN RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name; END IF;
  RETURN true;
END $f$;
CREATE FUNCTION cron.alter_job(job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL, database text DEFAULT NULL, username text DEFAULT NULL, active boolean DEFAULT NULL) RETURNS void LANGUAGE sql AS $f$
  UPDATE cron.job SET schedule = coalesce(alter_job.schedule, job.schedule), command = coalesce(alter_job.command, job.command), active = coalesce(alter_job.active, job.active) WHERE jobid = job_id $f$;
`;

export const STAND_INS: Readonly<Record<string, StandIn>> = {
  vector: {
    version: '0.8.0',
    provides: 'the vector and halfvec types with their dimensions, the distance operators <->, <#>, <=>, <+> and functions, and the ivfflat and hnsw index methods with their operator classes',
    sql: VECTOR_SQL,
  },
  pgmq: { version: '1.5.1', schema: 'pgmq', provides: 'the pgmq schema, its queue functions (create, send, read, pop, archive, delete, …) and queue tables', sql: PGMQ_SQL },
  http: { version: '1.6', provides: 'the http types and functions (http_get, http_post, …); a call fails, verify makes no network calls', sql: HTTP_SQL },
  pg_net: { version: '0.14.0', provides: 'the net schema, net.http_get/http_post/http_delete (requests are queued, never sent)', sql: PG_NET_SQL },
  pg_cron: { version: '1.6', schema: 'pg_catalog', provides: 'the cron schema, cron.schedule/unschedule/alter_job and the job tables (jobs are recorded, never run)', sql: PG_CRON_SQL },
};

export function hasStandIn(name: string): boolean {
  return Object.hasOwn(STAND_INS, name);
}

/** The control file and script of a stand-in, as PGlite's share/extension directory holds them. */
export function standInFiles(name: string): Array<{ file: string; content: string }> {
  const standIn = STAND_INS[name]!;
  const control = [
    `comment = 'migralint verify stand-in for ${name} ${standIn.version}: ${standIn.provides.replace(/'/g, '')}'`,
    `default_version = '${standIn.version}'`,
    'relocatable = false',
    ...(standIn.schema ? [`schema = ${standIn.schema}`] : []),
    'superuser = true',
    '',
  ].join('\n');
  return [
    { file: `${name}.control`, content: control },
    { file: `${name}--${standIn.version}.sql`, content: standIn.sql },
  ];
}

/** pgvector's index options and their bounds (ivfflat.c, hnsw.c). */
const INDEX_OPTIONS: Record<string, Record<string, [min: number, max: number]>> = {
  ivfflat: { lists: [1, 32768] },
  hnsw: { m: [2, 100], ef_construction: [4, 1000] },
};

/**
 * CREATE INDEX … USING ivfflat/hnsw … WITH (lists = 100): the stand-in's index methods are hash
 * indexes underneath, which refuse pgvector's options, so verify checks them as pgvector does and
 * sends the statement without its WITH clause (cut at the scanner's tokens). Other statements:
 * undefined (sent as written).
 */
export function standInIndexText(statement: Statement): string | SqlError | undefined {
  const node = statement.node;
  if (statement.kind !== 'IndexStmt' || !INDEX_OPTIONS[node.accessMethod] || !node.options?.length) return undefined;
  const allowed = INDEX_OPTIONS[node.accessMethod]!;
  for (const option of node.options) {
    const def = option.DefElem ?? {};
    const bounds = allowed[def.defname];
    if (!bounds) return { message: `unrecognized parameter "${def.defname}"`, code: '22023' };
    // The parser's JSON leaves out a zero (`Integer: {}`).
    const value = def.arg?.Integer ? (def.arg.Integer.ival ?? 0) : Number(def.arg?.String?.sval ?? def.arg?.Float?.fval ?? NaN);
    if (!Number.isInteger(value) || value < bounds[0] || value > bounds[1]) {
      return { message: `value ${String(value)} out of bounds for option "${def.defname}"`, detail: `Valid values are between "${bounds[0]}" and "${bounds[1]}".`, code: '22023' };
    }
  }
  const bytes = Buffer.from(statement.text, 'utf8');
  const tokens = (scanSync(statement.text) as { tokens: Array<{ start: number; end: number; text: string }> }).tokens;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i]!.text.toUpperCase();
    if (text === '(') depth++;
    else if (text === ')') depth--;
    else if (depth === 0 && text === 'WITH' && tokens[i + 1]?.text === '(') {
      let j = i + 1;
      for (let d = 0; j < tokens.length; j++) {
        if (tokens[j]!.text === '(') d++;
        else if (tokens[j]!.text === ')' && --d === 0) break;
      }
      const cut = Buffer.concat([bytes.subarray(0, tokens[i]!.start), bytes.subarray(tokens[j]!.end)]);
      return cut.toString('utf8');
    }
  }
  return undefined;
}
