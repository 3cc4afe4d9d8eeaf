import { describe, expect, it } from 'vitest';
import { displayType, formatType, isBinaryCompatibleChange, parseTypeText, typeFromTypeName } from '../src/column-types.js';

const t = (text: string) => {
  const type = parseTypeText(text);
  if (!type) throw new Error(`unreadable type ${text}`);
  return type;
};

describe('parseTypeText: the model’s type strings', () => {
  it('reads names, modifiers and arrays, and folds SQL spellings to internal names', () => {
    expect(formatType(t('varchar(255)'))).toBe('varchar(255)');
    expect(formatType(t('character varying(20)'))).toBe('varchar(20)');
    expect(formatType(t('integer'))).toBe('int4');
    expect(formatType(t('numeric(10, 2)[]'))).toBe('numeric(10,2)[]');
    expect(formatType(t('timestamp(3) with time zone'))).toBe('timestamptz(3)');
    expect(formatType(t('public.mood'))).toBe('public.mood');
    expect(formatType(t('pg_catalog.int8'))).toBe('int8');
    expect(parseTypeText('')).toBeUndefined();
  });

  it('shows types the way SQL spells them', () => {
    expect(displayType(t('int8'))).toBe('bigint');
    expect(displayType(t('bpchar(3)'))).toBe('char(3)');
    expect(displayType(t('app.int4'))).toBe('app.int4');
  });
});

describe('typeFromTypeName: the AST’s TypeName', () => {
  it('drops pg_catalog, keeps other schemas, reads integer modifiers and array bounds', () => {
    const names = (...parts: string[]) => parts.map((sval) => ({ String: { sval } }));
    expect(typeFromTypeName({ names: names('pg_catalog', 'varchar'), typmods: [{ A_Const: { ival: { ival: 10 } } }] })).toEqual({ schema: undefined, name: 'varchar', mods: [10], dims: 0 });
    expect(typeFromTypeName({ names: names('app', 'int4'), arrayBounds: [{ Integer: { ival: -1 } }] })).toEqual({ schema: 'app', name: 'int4', mods: [], dims: 1 });
    expect(typeFromTypeName({ names: names('char') })?.name).toBe('char'); // "char", the one-byte type
    expect(typeFromTypeName({ names: names('serial') })?.name).toBe('int4');
    expect(typeFromTypeName({ names: names('pg_catalog', 'numeric'), typmods: [{ A_Const: { ival: {} } }] })?.mods).toEqual([0]);
    expect(typeFromTypeName({ names: names('pg_catalog', 'interval'), typmods: [{ ColumnRef: {} }] })).toBeUndefined();
  });
});

describe('isBinaryCompatibleChange: changes Postgres makes without a rewrite', () => {
  const cases: Array<[string, string, boolean]> = [
    ['varchar(50)', 'text', true],
    ['varchar(50)', 'varchar(100)', true],
    ['varchar(50)', 'varchar', true],
    ['varchar(50)', 'varchar(20)', false],
    ['text', 'varchar', true],
    ['text', 'varchar(200)', false],
    ['numeric(10,2)', 'numeric(12,2)', true],
    ['numeric(10,2)', 'numeric', true],
    ['numeric(10,2)', 'numeric(12,4)', false],
    ['numeric', 'numeric(10,2)', false],
    ['cidr', 'inet', true],
    ['inet', 'cidr', false],
    ['timestamp(3)', 'timestamp(6)', true],
    ['timestamp', 'timestamp(3)', false],
    ['timestamp', 'timestamptz', false],
    ['int4', 'int8', false],
    ['int4', 'integer', true],
    ['bpchar(3)', 'text', false],
    ['varchar(10)[]', 'text[]', false],
    ['public.mood', 'public.mood', true],
  ];
  for (const [from, to, expected] of cases) {
    it(`${from} → ${to}: ${expected ? 'no rewrite' : 'rewrite'}`, () => expect(isBinaryCompatibleChange(t(from), t(to))).toBe(expected));
  }
});
