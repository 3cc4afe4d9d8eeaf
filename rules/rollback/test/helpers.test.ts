// The pack's small helpers: which type changes keep values, and how `since` compares versions.
import { describe, expect, it } from 'vitest';
import type { LayoutName, Migration, MigrationSet } from '@migralint/core';
import { policyApplies } from '../src/policy-start.js';
import { displayType, keepsValues } from '../src/type-changes.js';

describe('keepsValues', () => {
  it.each([
    ['int4', 'int8'],
    ['int2', 'int4'],
    ['int4', 'numeric'],
    ['int4', 'numeric(12,2)'],
    ['int4', 'float8'],
    ['float4', 'float8'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10,2)', 'numeric(11,3)'],
    ['numeric(10,2)', 'numeric'],
    ['varchar(50)', 'varchar(100)'],
    ['varchar(50)', 'text'],
    ['bpchar(3)', 'varchar(3)'],
    ['timestamp(3)', 'timestamp'],
    ['timestamp', 'timestamptz'],
    ['date', 'timestamptz'],
    ['uuid', 'text'],
    ['int4[]', 'int8[]'],
    ['cidr', 'inet'],
    ['jsonb', 'json'],
  ])('%s → %s keeps every value', (from, to) => expect(keepsValues(from, to)).toBe(true));

  it.each([
    ['int8', 'int4'],
    ['int8', 'float8'],
    ['numeric', 'int4'],
    ['numeric(10,2)', 'numeric(10,1)'],
    ['numeric(10,2)', 'numeric(10,3)'],
    ['numeric', 'numeric(10,2)'],
    ['varchar(255)', 'varchar(40)'],
    ['text', 'varchar(40)'],
    ['timestamptz', 'date'],
    ['timestamptz', 'timestamp'],
    ['timestamp', 'timestamp(0)'],
    ['json', 'jsonb'],
    ['text', 'int4'],
    ['int4', 'int4[]'],
  ])('%s → %s can lose values', (from, to) => expect(keepsValues(from, to)).toBe(false));

  it('does not judge what it does not know', () => {
    expect(keepsValues('unknown', 'text')).toBeUndefined();
    expect(keepsValues('public.mood', 'public.mood2')).toBeUndefined();
    expect(keepsValues('extensions.vector(3)', 'extensions.vector(3)')).toBe(true);
  });

  it('shows types as SQL spells them', () => {
    expect(displayType('int4')).toBe('integer');
    expect(displayType('float8[]')).toBe('double precision[]');
    expect(displayType('varchar(40)')).toBe('varchar(40)');
    expect(displayType('public.mood')).toBe('public.mood');
  });
});

describe('policyApplies (`since`)', () => {
  const set = (layout: LayoutName, versions: string[]): MigrationSet => ({
    layout,
    dir: 'm',
    supportsDown: true,
    migrations: versions.map((version, index): Migration => ({ index, version, name: `m${index}`, up: [], down: [] })),
  });
  const checked = (s: MigrationSet, since?: string) => s.migrations.filter(policyApplies(s, since)).map((m) => m.version);

  it('checks everything without `since`', () => expect(checked(set('dbmate', ['1', '2']))).toEqual(['1', '2']));
  it('golang-migrate and goose order versions as numbers', () => {
    expect(checked(set('golang-migrate', ['9', '10', '0011']), '10')).toEqual(['10', '0011']);
    expect(checked(set('goose', ['20250101000000', '20260101000000']), '20260101000000')).toEqual(['20260101000000']);
  });
  it('dbmate and paired-down order them as file names', () => {
    expect(checked(set('dbmate', ['10', '9']), '9')).toEqual(['9']);
    expect(checked(set('paired-down', ['20250101000000', '20260101000000']), '2026')).toEqual(['20260101000000']);
  });
  it('Flyway compares part by part', () => expect(checked(set('flyway', ['1.2', '1.9', '1.10']), '1.9')).toEqual(['1.9', '1.10']));
  it('sqitch takes the plan’s order from the change `since` names', () => {
    expect(checked(set('sqitch', ['users', 'orders', 'audit']), 'orders')).toEqual(['orders', 'audit']);
    expect(checked(set('sqitch', ['users', 'orders']), 'nope')).toEqual(['users', 'orders']);
  });
  it('diesel versions compare as text, Sourcegraph ids as numbers', () => {
    expect(checked(set('directory-per-migration', ['20250101000000', '20260101000000']), '2026-01-01-000000')).toEqual(['20260101000000']);
    expect(checked(set('directory-per-migration', ['999', '1000']), '1000')).toEqual(['1000']);
  });
});
