import { describe, expect, it } from 'vitest';
import type { MigrationPart } from '@migralint/core';
import { inTransactionAt } from '../../src/transaction-state.js';
import { project } from './layout-helpers.js';

async function states(sql: string, transaction: MigrationPart['transaction'], range?: { start: number; end: number }) {
  const { files } = await project({ 'a.sql': sql });
  const file = files[0]!;
  const part: MigrationPart = { file: file.path, direction: 'up', range: range ?? { start: 0, end: file.text.length }, transaction, transactionReason: 'test' };
  const state = inTransactionAt(part, file.statements);
  return file.statements.filter((s) => state.has(s.index)).map((s) => `${s.text.split(/\s/)[0]}:${state.get(s.index)}`);
}

describe('inTransactionAt', () => {
  it('a `transaction` part: every statement', async () => {
    expect(await states('CREATE TABLE a ();\nCOMMIT;\nSELECT 1;', 'transaction')).toEqual(['CREATE:true', 'COMMIT:true', 'SELECT:true']);
  });

  it('a `none` part: only between BEGIN/START TRANSACTION and COMMIT/END/ROLLBACK/ABORT', async () => {
    expect(
      await states('SELECT 1;\nBEGIN;\nCREATE TABLE a ();\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON a (x);\nSTART TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nSELECT 2;\nROLLBACK;\nBEGIN;\nSELECT 3;\nEND;\nBEGIN;\nABORT;\nSELECT 4;', 'none'),
    ).toEqual([
      'SELECT:false',
      'BEGIN:true',
      'CREATE:true',
      'COMMIT:true',
      'CREATE:false',
      'START:true',
      'SELECT:true',
      'ROLLBACK:true',
      'BEGIN:true',
      'SELECT:true',
      'END:true',
      'BEGIN:true',
      'ABORT:true',
      'SELECT:false',
    ]);
  });

  it('keeps the block open across SAVEPOINT, ROLLBACK TO and COMMIT AND CHAIN; PREPARE TRANSACTION closes it', async () => {
    expect(await states("BEGIN;\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nCOMMIT AND CHAIN;\nSELECT 1;\nPREPARE TRANSACTION 'x';\nSELECT 2;", 'none')).toEqual([
      'BEGIN:true',
      'SAVEPOINT:true',
      'ROLLBACK:true',
      'COMMIT:true',
      'SELECT:true',
      'PREPARE:true',
      'SELECT:false',
    ]);
  });

  it('answers only for statements inside the part, with lowercase, comments and non-ASCII text around', async () => {
    const sql = '-- 🚀 up\nbegin;\ncreate table "résumé" ();\ncommit;\n-- down\nselect 1;';
    const up = await states(sql, 'none', { start: 0, end: sql.indexOf('-- down') });
    expect(up).toEqual(['begin:true', 'create:true', 'commit:true']);
  });

  it('takes statements the runner runs standalone out of a `transaction` part', async () => {
    const { files } = await project({ 'a.sql': 'SET lock_timeout = 1;\nCREATE INDEX CONCURRENTLY i ON t (a);' });
    const file = files[0]!;
    const part: MigrationPart = { file: file.path, direction: 'up', range: { start: 0, end: file.text.length }, transaction: 'transaction', transactionReason: 'test' };
    const state = inTransactionAt(part, file.statements, { runsStandalone: (s) => s.kind === 'IndexStmt' });
    expect([...state.values()]).toEqual([true, false]);
  });
});
