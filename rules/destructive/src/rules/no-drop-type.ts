/**
 * `DROP TYPE` / `DROP DOMAIN`: without `CASCADE` Postgres refuses while a column uses the type, so
 * the risk is code (casts, functions, clients that map the enum) breaking; with `CASCADE` it drops
 * every column of that type — data lost for good — and the functions that take it. Dropping a type
 * to re-create it in the same migration is not reported unless it cascades.
 */
import { defineRule, indexStatements, ruleDocsUrl, type Statement } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { displayName } from '@migralint/core';
import { isNewObject, recreatedLaterInFile, type ObjectName } from '../new-objects.js';
import { objectsCreatedBy } from '@migralint/core';
import { nameOfList } from '@migralint/core';

const NOTE =
  'Safe way: (1) move every column off the type (add a column of the new type, backfill, switch code, drop the old ' +
  'column) and deploy code that no longer uses it; (2) drop the type in a later migration without CASCADE, so ' +
  'Postgres refuses while a column or function still uses it.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP TYPE` and `DROP DOMAIN` of a type this migration neither created nor re-creates, and every one with CASCADE.',
      url: ruleDocsUrl('destructive', 'no-drop-type'),
      why:
        'With CASCADE, dropping a type drops every column of that type, data included; without it, code and functions ' +
        'that use the type break. Move columns off the type and stop using it first.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropType:
        'Dropping {{what}} "{{type}}" breaks code and functions that use it (and fails while a column has it); move everything off it first, then drop it',
      dropTypeCascade:
        'Dropping {{what}} "{{type}}" with CASCADE deletes every column of that type, data included; move the columns to another type first, then drop it without CASCADE',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TYPE' && node.removeType !== 'OBJECT_DOMAIN') return;
        const cascade = node.behavior === 'DROP_CASCADE';
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'type', target.name)) continue;
          if (!cascade && recreatedLaterInFile(context.statements, statement, 'type', target.name)) continue;
          if (!cascade && swappedOut(context.statements, statement, target.name)) continue;
          context.report({
            messageId: cascade ? 'dropTypeCascade' : 'dropType',
            data: { type: displayName(target.name), what: node.removeType === 'OBJECT_DOMAIN' ? 'domain' : 'type' },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

/** `ALTER TYPE a RENAME TO b` in `statement`: the old and the new name, or undefined. */
function typeRename(statement: Statement): { from: ObjectName; to: string } | undefined {
  const node = statement.node;
  if (statement.kind !== 'RenameStmt' || node.renameType !== 'OBJECT_TYPE' || typeof node.newname !== 'string') return undefined;
  const from = nameOfList(node.object?.List?.items);
  return from ? { from, to: node.newname } : undefined;
}

function renamesByNewName(statement: Statement): Array<[string, { index: number; from: ObjectName; to: string }]> {
  const rename = typeRename(statement);
  return rename ? [[rename.to, { index: statement.index, ...rename }]] : [];
}

/**
 * The leftover of a type swap (Prisma's enum change): earlier in the file the type was renamed to
 * the dropped name, and another type took its old name. The type the columns use lives on under
 * the old name; what is dropped is the unused original.
 */
function swappedOut(statements: readonly Statement[], current: Statement, dropped: ObjectName): boolean {
  const schemaOf = (n: ObjectName) => n.schema ?? 'public';
  // Renames indexed once per file by their new name: a lookup per DROP TYPE, not a pass over the file.
  const away = (indexStatements(statements, renamesByNewName).get(dropped.name) ?? []).find(
    (r) => r.index < current.index && schemaOf(r.from) === schemaOf(dropped),
  );
  if (!away) return false;
  // Another type takes the old name, before or after the drop: renamed into it, or created under it.
  const takesOldName = (s: Statement) => {
    const rename = typeRename(s);
    if (rename) return rename.to === away.from.name && schemaOf(rename.from) === schemaOf(dropped);
    return objectsCreatedBy(s).some((c) => c.kind === 'type' && c.name.name === away.from.name && schemaOf(c.name) === schemaOf(dropped));
  };
  return statements.some((s) => s.index !== current.index && takesOldName(s));
}
