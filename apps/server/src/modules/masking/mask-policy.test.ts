import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskFor, maskRecord, showsInClear } from './mask-policy.ts';
import type { Approval, DataLevel } from './masking.types.ts';

const levels: DataLevel[] = ['L1', 'L2', 'L3', 'L4'];
const approvals: Approval[] = ['source', 'clear', 'masked', 'none'];
// Types whose maskers change every value that is not already starred (an address may already be coarse).
const types = ['resident_id', 'mobile', 'person_name', 'no_such_type', 'toString', null] as const;
const SALT = 'test-salt';

describe('maskFor', () => {
  it('follows the table: L1 clear, L2/L3 masked unless approved clear, L4 hash or null', () => {
    const id = '33010619900512123X';
    const mask = (level: DataLevel, approved: Approval, type: string | null = 'resident_id') =>
      maskFor({ level, type, approved }, { salt: SALT })(id);
    for (const a of approvals) expect(mask('L1', a)).toBe(id);
    for (const l of ['L2', 'L3'] as const) {
      expect(mask(l, 'clear')).toBe(id);
      expect(mask(l, 'masked')).toBe('330106********123X');
      expect(mask(l, 'none')).toBe('330106********123X');
      expect(mask(l, 'masked', 'no_such_type')).toBe('*'.repeat(18));
      expect(mask(l, 'masked', 'toString')).toBe('*'.repeat(18));
      expect(mask(l, 'masked', null)).toBe('*'.repeat(18));
    }
    for (const l of levels) expect(mask(l, 'source')).toBe(id);
    expect(mask('L4', 'clear')).toMatch(/^[0-9a-f]{64}$/);
    expect(mask('L4', 'masked')).toBe(mask('L4', 'clear'));
    expect(mask('L4', 'none')).toBeNull();
    expect(maskFor({ level: 'L4', type: 'resident_id', approved: 'clear' })(id)).toBeNull();
  });

  it('never shows an L4 value but to its source, and shows L2+ values in clear only to readers approved for clear', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...levels),
        fc.constantFrom(...approvals),
        fc.constantFrom(...types),
        fc.string({ minLength: 1 }),
        (level, approved, type, value) => {
          const out = maskFor({ level, type, approved }, { salt: SALT })(value);
          if (approved === 'source') expect(out).toBe(value);
          else if (level === 'L4') expect(out).not.toBe(value);
          if (level !== 'L1' && approved !== 'clear' && approved !== 'source' && out === value) {
            // Only values that are already fully starred can come back unchanged.
            expect(value).toMatch(/^\*+$/);
          }
        },
      ),
    );
  });

  it('hashes stably under one salt and differently under another', () => {
    const a = maskFor({ level: 'L4', type: 'mobile', approved: 'clear' }, { salt: 'a' });
    const b = maskFor({ level: 'L4', type: 'mobile', approved: 'clear' }, { salt: 'b' });
    expect(a('13812345678')).toBe(a('13812345678'));
    expect(a('13812345678')).not.toBe(b('13812345678'));
  });
});

describe('showsInClear', () => {
  it('agrees with maskFor on every rule', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...levels),
        fc.constantFrom(...approvals),
        fc.constantFrom(...types),
        (level, approved, type) => {
          const out = maskFor({ level, type, approved }, { salt: SALT })('33010619900512123X');
          expect(showsInClear({ level, type, approved })).toBe(out === '33010619900512123X');
        },
      ),
    );
    expect(showsInClear({ level: 'L1', type: null, approved: 'none' })).toBe(true);
    expect(showsInClear({ level: 'L2', type: 'mobile', approved: 'none' })).toBe(false);
  });
});

describe('maskRecord', () => {
  const fields = [
    { name: 'name', type: 'person_name', level: 'L2' },
    { name: 'id', type: 'resident_id', level: 'L3' },
    { name: 'lng', type: 'coordinates', level: 'L3' },
    { name: 'secret', type: 'mobile', level: 'L4' },
    { name: 'missing', type: 'mobile', level: 'L3' },
  ] as const;
  const record = {
    name: '王小明',
    id: '33010619900512123X',
    lng: 120.155071,
    secret: '13812345678',
    note: null,
  };

  it('masks each listed field by its rule and passes the others through', () => {
    const out = maskRecord(record, fields, 'masked');
    expect(out).toEqual({ name: '王**', id: '330106********123X', lng: 120.16, secret: null, note: null });
    expect(record.name).toBe('王小明');
  });

  it('takes a per-field approval', () => {
    const out = maskRecord(record, fields, (f) => (f.name === 'id' ? 'clear' : 'masked'), { salt: SALT });
    expect(out.id).toBe(record.id);
    expect(out.name).toBe('王**');
    expect(out.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(out).not.toHaveProperty('missing');
  });
});
