// The JSON Schema of a config file: the one source of truth. The build writes it to
// schema/migralint.schema.json (scripts/write-schemas.mjs) for editors to use as "$schema"; a test
// checks the committed file matches. A value, not a file read at run time, so the CLI bundles.
import type { JsonSchema } from '@migralint/core';

export const configSchema: JsonSchema = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://unpkg.com/@migralint/config/schema/migralint.schema.json",
  "title": "migralint configuration",
  "description": "Configuration for migralint, the PostgreSQL migration linter. See docs/configuration.md.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "description": "The JSON Schema this file follows (for editors); ignored by migralint.",
      "type": "string"
    },
    "extends": {
      "description": "Presets (\"recommended\", \"strict\"), config files (\"./base.json\", relative to this file) or npm packages exporting a config. Later entries override earlier ones; this file's own keys override them all.",
      "errorMessage": "must be a preset name, a path or a package name, or an array of them",
      "anyOf": [
        {
          "$ref": "#/definitions/nonEmptyString"
        },
        {
          "type": "array",
          "items": {
            "$ref": "#/definitions/nonEmptyString"
          }
        }
      ]
    },
    "plugins": {
      "description": "Rule packs to load: npm package names or paths, resolved from this file's directory. The built-in packs are always loaded.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/nonEmptyString"
      }
    },
    "layout": {
      "description": "Migration layout, instead of detecting it; the same as settings.layout (use overrides for one folder). See docs/layouts.md.",
      "enum": ["supabase", "golang-migrate", "paired-down", "dbmate", "goose", "flyway", "sqitch", "prisma", "directory-per-migration", "drizzle", "plain"]
    },
    "settings": {
      "$ref": "#/definitions/settings"
    },
    "rules": {
      "$ref": "#/definitions/rules"
    },
    "overrides": {
      "description": "Rules and settings for the files matching the globs (relative to the config file's directory). Later overrides win.",
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "files"
        ],
        "properties": {
          "files": {
            "description": "Globs (picomatch, POSIX separators, dotfiles included) relative to the config file's directory.",
            "type": "array",
            "minItems": 1,
            "items": {
              "$ref": "#/definitions/nonEmptyString"
            }
          },
          "rules": {
            "$ref": "#/definitions/rules"
          },
          "settings": {
            "$ref": "#/definitions/settings"
          }
        }
      }
    },
    "ignores": {
      "description": "Globs of files never linted, relative to the config file's directory.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/nonEmptyString"
      }
    },
    "noInlineDisable": {
      "description": "Rule ids or patterns (\"rls/*\") that migralint-disable comments may not turn off.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/nonEmptyString"
      }
    }
  },
  "definitions": {
    "nonEmptyString": {
      "type": "string",
      "minLength": 1
    },
    "severity": {
      "description": "\"off\", \"info\" (never fails a run), \"warn\" or \"error\".",
      "enum": [
        "off",
        "info",
        "warn",
        "error"
      ]
    },
    "ruleSetting": {
      "errorMessage": "must be \"off\", \"info\", \"warn\" or \"error\", or an array [severity] or [severity, {options}]",
      "anyOf": [
        {
          "$ref": "#/definitions/severity"
        },
        {
          "type": "array",
          "minItems": 1,
          "maxItems": 2,
          "items": [
            {
              "$ref": "#/definitions/severity"
            },
            {
              "type": "object"
            }
          ]
        }
      ]
    },
    "rules": {
      "description": "Rule id (\"pack/rule-name\") → severity, or [severity, {options}].",
      "type": "object",
      "additionalProperties": {
        "$ref": "#/definitions/ruleSetting"
      }
    },
    "settings": {
      "description": "Shared settings every rule can read.",
      "type": "object",
      "additionalProperties": true,
      "properties": {
        "postgresVersion": {
          "description": "Target PostgreSQL major version (default 17).",
          "type": "integer",
          "minimum": 9,
          "maximum": 19
        },
        "layout": {
          "description": "The migration runner's layout, instead of detecting it (per folder through overrides). See docs/layouts.md.",
          "enum": ["supabase", "golang-migrate", "paired-down", "dbmate", "goose", "flyway", "sqitch", "prisma", "directory-per-migration", "drizzle", "plain"]
        },
        "runner": {
          "description": "The program that applies this folder's migrations, instead of guessing it: decides transaction modes, order and pairing where runners share a layout (per folder through overrides). See docs/layouts.md#runners.",
          "enum": ["supabase-cli", "golang-migrate", "ory-popx", "maragudk-migrate", "sqlx", "postgres-migrations", "synapse", "memos", "psql", "dbmate", "goose", "flyway", "sqitch", "prisma", "diesel", "drizzle-kit", "unknown"]
        },
        "assumeTransaction": {
          "description": "Treat every migration part as running inside a transaction, whatever the layout says (Squawk's --assume-in-transaction).",
          "type": "boolean"
        },
        "exposedSchemas": {
          "description": "Schemas the API exposes (Supabase: PostgREST); the rls rules check their tables. Default [\"public\"].",
          "type": "array",
          "items": { "type": "string", "minLength": 1 }
        },
        "authFunctions": {
          "description": "Auth helper functions that policies call (default Supabase's auth.uid, auth.jwt, auth.role).",
          "type": "array",
          "items": { "type": "string", "minLength": 1 }
        },
        "publicRoles": {
          "description": "Roles the public reaches the database as (default anon, authenticated, public).",
          "type": "array",
          "items": { "type": "string", "minLength": 1 }
        },
        "externalObjects": {
          "description": "Objects the platform provides that no migration creates (auth.users, extension functions): rules treat them as pre-existing. See docs/schema-model.md.",
          "type": "object"
        }
      }
    }
  }
};
