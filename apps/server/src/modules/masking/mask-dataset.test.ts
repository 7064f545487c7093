import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  datasetRules,
  fieldLevel,
  personalFields,
  SENSITIVITY_LEVEL,
  stricterLevel,
} from './mask-dataset.ts';
import { maskRecord } from './mask-policy.ts';
import type { DataLevel, Sensitivity } from './masking.types.ts';

const levels: DataLevel[] = ['L1', 'L2', 'L3', 'L4'];
const sensitivities: Sensitivity[] = ['none', 'low', 'medium', 'high'];

describe('fieldLevel', () => {
  it('is the stricter of the field and the dataset for personal fields, L1 for the others', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sensitivities), fc.constantFrom(...levels), (s, d) => {
        const level = fieldLevel(s, d);
        const expected = s === 'none' ? 0 : Math.max(levels.indexOf(SENSITIVITY_LEVEL[s]), levels.indexOf(d));
        expect(levels.indexOf(level)).toBe(expected);
      }),
    );
    expect(fieldLevel('low', 'L4')).toBe('L4');
    expect(fieldLevel('high', 'L1')).toBe('L4');
    expect(fieldLevel('medium', 'L2')).toBe('L3');
  });

  it('counts a level it does not know as L4', () => {
    expect(stricterLevel('L1', 'L9')).toBe('L4');
    expect(fieldLevel('low', 'secret')).toBe('L4');
    expect(fieldLevel('bogus' as Sensitivity, 'L1')).toBe('L4');
  });
});

describe('datasetRules', () => {
  const ds = {
    level: 'L3',
    fields: [
      { name: 'sfzh', sensitivity: 'medium', key: true },
      { name: 'xm', sensitivity: 'low' },
      { name: 'nl', sensitivity: 'none' },
    ] as const,
  };

  it('grades each field and types those the caller knows', () => {
    expect(datasetRules(ds, new Map([['sfzh', 'resident_id']]))).toEqual([
      { name: 'sfzh', type: 'resident_id', level: 'L3' },
      { name: 'xm', type: null, level: 'L3' },
      { name: 'nl', type: null, level: 'L1' },
    ]);
    expect(personalFields(ds)).toEqual(['sfzh', 'xm']);
  });
});

describe('datasetRules with the catalog personal-data type', () => {
  const ds = (level: string, sensitivity: Sensitivity) => ({
    level,
    fields: [
      { name: 'zjhm', sensitivity, personalType: 'resident_id', key: true },
      { name: 'lxdh', sensitivity: 'low', personalType: 'mobile' },
      { name: 'bz', sensitivity: 'low' },
    ] as const,
  });
  const residentId = fc.stringMatching(/^[1-8]\d{16}[\dX]$/);

  it('types a field by its personalType when the caller gives no type, the caller’s type first', () => {
    expect(datasetRules(ds('L3', 'medium'))).toEqual([
      { name: 'zjhm', type: 'resident_id', level: 'L3' },
      { name: 'lxdh', type: 'mobile', level: 'L3' },
      { name: 'bz', type: null, level: 'L3' },
    ]);
    expect(datasetRules(ds('L3', 'medium'), new Map([['lxdh', 'landline']]))[1]).toEqual({
      name: 'lxdh',
      type: 'landline',
      level: 'L3',
    });
  });

  it('masks a typed resident ID to its region and last 4 at L2–L3 for a masked reader', () => {
    fc.assert(
      fc.property(
        residentId,
        fc.constantFrom('L1', 'L2', 'L3'),
        fc.constantFrom<Sensitivity>('low', 'medium'),
        (id, level, s) => {
          const out = maskRecord({ zjhm: id, bz: '情况属实' }, datasetRules(ds(level, s)), 'masked', {
            salt: 'k',
          });
          expect(out.zjhm).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
          // The untyped remark next to it is starred whole.
          expect(out.bz).toBe('****');
        },
      ),
    );
  });

  it('still hashes it in a dataset graded L4, and withholds it from the public', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const rules = datasetRules(ds('L4', 'medium'));
        const hashed = maskRecord({ zjhm: id }, rules, 'masked', { salt: 'k' }).zjhm;
        expect(hashed).toMatch(/^[0-9a-f]{64}$/);
        expect(hashed).toBe(maskRecord({ zjhm: id }, rules, 'clear', { salt: 'k' }).zjhm);
        expect(maskRecord({ zjhm: id }, rules, 'none', { salt: 'k' }).zjhm).toBeNull();
      }),
    );
  });
});
