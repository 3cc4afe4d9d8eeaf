// @migralint/verify: run migrations on a real PostgreSQL.
export {};
