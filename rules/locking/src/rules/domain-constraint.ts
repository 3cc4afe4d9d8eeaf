/**
 * A constraint on a domain applies to every column of that type, in every table. Adding one later
 * (`ALTER DOMAIN … ADD CONSTRAINT`, `SET NOT NULL`) checks all those columns while holding SHARE
 * locks on their tables: writes to all of them stop until the check ends. `NOT VALID` defers the
 * check, but `VALIDATE CONSTRAINT` took the same SHARE locks until Postgres 19. So a domain's
 * constraints are hard to change online; CHECK constraints on the table columns can be added
 * `NOT VALID` and validated without blocking writes. Reports `CREATE DOMAIN` with a CHECK or NOT NULL
 * (Squawk's ban-create-domain-with-constraint) and the ALTER DOMAIN forms that check existing data on
 * a domain that existed before this migration (Squawk's ban-alter-domain-with-add-constraint, which
 * reports only ADD CONSTRAINT).
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { isNew } from '../new-objects.js';
import { displayName, nameOfList } from '@migralint/core';
import { constraintRange, qualifiedNameRange } from '../sql-tokens.js';

const NOTE =
  'Safe way: keep the domain unconstrained and put the rule on the table columns: `ALTER TABLE t ADD CONSTRAINT … ' +
  'CHECK (…) NOT VALID;`, then in a separate transaction `ALTER TABLE t VALIDATE CONSTRAINT …;` — reads and writes go on.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report constraints on domains: `CREATE DOMAIN` with a CHECK or NOT NULL, and `ALTER DOMAIN` forms that check existing data.',
      url: ruleDocsUrl('locking', 'domain-constraint'),
      why:
        'Adding or validating a domain constraint checks every column of the domain while holding SHARE locks that block ' +
        'writes to their tables; CHECK constraints on the table columns can be added and validated online.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      createWithConstraint:
        'Domain "{{domain}}" is created with a {{kind}} constraint: changing it later checks every column of the domain under SHARE locks that block writes to their tables; put the {{kind}} on the table columns instead',
      addConstraint:
        'Adding a {{kind}} constraint to domain "{{domain}}" checks every column that uses it while holding SHARE locks on their tables, blocking writes; add it NOT VALID, or use CHECK constraints on the table columns',
      setNotNull:
        'Setting NOT NULL on domain "{{domain}}" checks every column that uses it while holding SHARE locks on their tables, blocking writes; use NOT NULL or CHECK constraints on the table columns instead',
      validate:
        'Validating constraint "{{constraint}}" of domain "{{domain}}" checks every column that uses it while holding SHARE locks on their tables (before Postgres 19), blocking writes; use CHECK constraints on the table columns instead',
    },
    sources: [
      { tool: 'squawk', rule: 'ban-create-domain-with-constraint' },
      { tool: 'squawk', rule: 'ban-alter-domain-with-add-constraint' },
    ],
  },
  create(context) {
    return {
      CreateDomainStmt(node, statement) {
        const domain = nameOfList(node.domainname);
        if (!domain) return;
        for (const entry of node.constraints ?? []) {
          const c: AstNode | undefined = entry.Constraint;
          const kind = kindOf(c);
          if (!kind) continue;
          context.report({ messageId: 'createWithConstraint', data: { domain: displayName(domain), kind }, at: constraintRange(context, c!, statement), note: NOTE });
        }
      },
      AlterDomainStmt(node, statement) {
        const domain = nameOfList(node.typeName);
        if (!domain || isNew(context, 'type', domain)) return;
        const at = qualifiedNameRange(context.tokensOf(statement), domain) ?? statement;
        const data = { domain: displayName(domain), constraint: String(node.name ?? ''), kind: kindOf(node.def?.Constraint) ?? 'CHECK' };
        if (node.subtype === 'C' && node.def?.Constraint && !node.def.Constraint.skip_validation) {
          context.report({ messageId: 'addConstraint', data, at: constraintRange(context, node.def.Constraint, statement), note: NOTE });
        } else if (node.subtype === 'O') {
          context.report({ messageId: 'setNotNull', data, at, note: NOTE });
        } else if (node.subtype === 'V' && context.settings.postgresVersion < 19) {
          context.report({ messageId: 'validate', data, at, note: NOTE });
        }
      },
    };
  },
});

function kindOf(c: AstNode | undefined): string | undefined {
  if (c?.contype === 'CONSTR_CHECK') return 'CHECK';
  if (c?.contype === 'CONSTR_NOTNULL') return 'NOT NULL';
  return undefined;
}
