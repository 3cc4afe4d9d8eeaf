// The JSON Schema of the report: the one source of truth. The build writes it to
// schema/migralint-report.schema.json (scripts/write-schemas.mjs) for consumers that validate what
// they read; a test checks the committed file matches.

export const jsonSchema: Record<string, unknown> = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://unpkg.com/@migralint/reporter-json/schema/migralint-report.schema.json",
  "title": "migralint JSON report, version 1",
  "description": "The output of `migralint --format json`: every file of the run with its findings, the metadata of every rule, run problems and counts. Lines and columns are 1-based; columns and offsets count UTF-16 code units; ends are exclusive. Within version 1 fields are only added, never renamed or removed.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "version",
    "tool",
    "files",
    "rules",
    "notifications",
    "errorCount",
    "warningCount",
    "infoCount",
    "suppressedCount",
    "failed",
    "stats"
  ],
  "properties": {
    "version": {
      "description": "Report format version.",
      "const": 1
    },
    "tool": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "version"
      ],
      "properties": {
        "name": {
          "const": "migralint"
        },
        "version": {
          "description": "migralint's version (semver).",
          "type": "string",
          "minLength": 1
        }
      }
    },
    "files": {
      "description": "Every reported file, in the order the run saw them, including files without findings.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/file"
      }
    },
    "rules": {
      "description": "Metadata of every rule the run knew, keyed by rule id (`pack/rule-name`).",
      "type": "object",
      "propertyNames": {
        "$ref": "#/definitions/ruleId"
      },
      "additionalProperties": {
        "$ref": "#/definitions/rule"
      }
    },
    "notifications": {
      "description": "Problems with the run itself (a rule that threw, for example), not findings.",
      "type": "array",
      "items": {
        "$ref": "#/definitions/notification"
      }
    },
    "errorCount": {
      "description": "Unsuppressed error findings in all files.",
      "$ref": "#/definitions/count"
    },
    "warningCount": {
      "$ref": "#/definitions/count"
    },
    "infoCount": {
      "$ref": "#/definitions/count"
    },
    "suppressedCount": {
      "description": "Findings suppressed by a directive or the baseline; not in the other counts.",
      "$ref": "#/definitions/count"
    },
    "failed": {
      "description": "A rule threw or a file was unreadable: the run is incomplete and the CLI exits 2.",
      "type": "boolean"
    },
    "stats": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "files",
        "statements",
        "bytes",
        "durationMs"
      ],
      "properties": {
        "files": {
          "description": "Files analysed (may exceed the files reported).",
          "$ref": "#/definitions/count"
        },
        "statements": {
          "$ref": "#/definitions/count"
        },
        "bytes": {
          "$ref": "#/definitions/count"
        },
        "durationMs": {
          "$ref": "#/definitions/count"
        }
      }
    }
  },
  "definitions": {
    "count": {
      "type": "integer",
      "minimum": 0
    },
    "position": {
      "type": "integer",
      "minimum": 1
    },
    "offset": {
      "type": "integer",
      "minimum": 0
    },
    "severity": {
      "enum": [
        "error",
        "warning",
        "info"
      ]
    },
    "ruleId": {
      "type": "string",
      "pattern": "^[^/\\s]+/[^/\\s]+$"
    },
    "file": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "path",
        "messages",
        "errorCount",
        "warningCount",
        "infoCount",
        "suppressedCount",
        "unreadable"
      ],
      "properties": {
        "path": {
          "description": "Relative to the directory migralint ran in, `/`-separated.",
          "type": "string",
          "minLength": 1
        },
        "messages": {
          "description": "Findings in position order, suppressed ones included.",
          "type": "array",
          "items": {
            "$ref": "#/definitions/message"
          }
        },
        "errorCount": {
          "$ref": "#/definitions/count"
        },
        "warningCount": {
          "$ref": "#/definitions/count"
        },
        "infoCount": {
          "$ref": "#/definitions/count"
        },
        "suppressedCount": {
          "$ref": "#/definitions/count"
        },
        "unreadable": {
          "description": "The file is not UTF-8 SQL text; its message says why.",
          "type": "boolean"
        }
      }
    },
    "message": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "ruleId",
        "severity",
        "message",
        "line",
        "column",
        "endLine",
        "endColumn",
        "offset",
        "endOffset"
      ],
      "properties": {
        "ruleId": {
          "$ref": "#/definitions/ruleId"
        },
        "messageId": {
          "description": "Which of the rule's messages this is (stable; the text may change).",
          "type": "string"
        },
        "severity": {
          "$ref": "#/definitions/severity"
        },
        "message": {
          "type": "string",
          "minLength": 1
        },
        "note": {
          "description": "More text: usually the safe way to do it.",
          "type": "string"
        },
        "line": {
          "$ref": "#/definitions/position"
        },
        "column": {
          "description": "1-based, in UTF-16 code units.",
          "$ref": "#/definitions/position"
        },
        "endLine": {
          "$ref": "#/definitions/position"
        },
        "endColumn": {
          "description": "1-based, exclusive, in UTF-16 code units.",
          "$ref": "#/definitions/position"
        },
        "offset": {
          "description": "UTF-16 offset of the start in the file text (without a BOM).",
          "$ref": "#/definitions/offset"
        },
        "endOffset": {
          "description": "UTF-16 offset just past the end.",
          "$ref": "#/definitions/offset"
        },
        "url": {
          "description": "The rule's documentation.",
          "type": "string",
          "minLength": 1
        },
        "fix": {
          "description": "Edits `--fix` applies.",
          "$ref": "#/definitions/edits"
        },
        "suggestions": {
          "description": "Edits an editor may offer; `--fix` never applies them.",
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "desc",
              "fix"
            ],
            "properties": {
              "desc": {
                "type": "string",
                "minLength": 1
              },
              "fix": {
                "$ref": "#/definitions/edits"
              }
            }
          }
        },
        "suppressed": {
          "description": "Present when a directive or the baseline suppressed this finding.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "kind"
          ],
          "properties": {
            "kind": {
              "enum": [
                "directive",
                "baseline"
              ]
            },
            "reason": {
              "description": "The written reason after ` -- `.",
              "type": "string"
            },
            "line": {
              "description": "1-based line of the directive.",
              "$ref": "#/definitions/position"
            }
          }
        }
      }
    },
    "edits": {
      "type": "array",
      "minItems": 1,
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "range",
          "text"
        ],
        "properties": {
          "range": {
            "description": "[start, end) in UTF-16 offsets of the file text (without a BOM).",
            "type": "array",
            "items": [
              {
                "$ref": "#/definitions/offset"
              },
              {
                "$ref": "#/definitions/offset"
              }
            ],
            "minItems": 2,
            "maxItems": 2,
            "additionalItems": false
          },
          "text": {
            "description": "Replacement text; empty to delete.",
            "type": "string"
          }
        }
      }
    },
    "rule": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "description",
        "url",
        "type",
        "defaultSeverity",
        "recommended",
        "fixable",
        "hasSuggestions",
        "enabled"
      ],
      "properties": {
        "description": {
          "type": "string",
          "minLength": 1
        },
        "url": {
          "type": "string",
          "minLength": 1
        },
        "why": {
          "type": "string"
        },
        "type": {
          "enum": [
            "problem",
            "suggestion",
            "directive"
          ]
        },
        "defaultSeverity": {
          "$ref": "#/definitions/severity"
        },
        "recommended": {
          "type": "boolean"
        },
        "fixable": {
          "type": "boolean"
        },
        "hasSuggestions": {
          "type": "boolean"
        },
        "enabled": {
          "description": "On for at least one file of this run.",
          "type": "boolean"
        },
        "sources": {
          "description": "The same check in other tools.",
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "tool",
              "rule"
            ],
            "properties": {
              "tool": {
                "type": "string"
              },
              "rule": {
                "type": "string"
              }
            }
          }
        }
      }
    },
    "notification": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "level",
        "message"
      ],
      "properties": {
        "level": {
          "enum": [
            "error",
            "warning",
            "note"
          ]
        },
        "message": {
          "type": "string",
          "minLength": 1
        },
        "ruleId": {
          "$ref": "#/definitions/ruleId"
        },
        "file": {
          "description": "Relative to the directory migralint ran in, `/`-separated.",
          "type": "string"
        },
        "detail": {
          "description": "Stack or detail; only with --verbose.",
          "type": "string"
        }
      }
    }
  }
};
