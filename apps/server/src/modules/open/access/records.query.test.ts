import type { DatasetField } from '@shuzhi/contracts';
import { describe, expect, it } from 'vitest';
import { fieldMasker, maskRow } from './records.query.ts';

const field = (over: Partial<DatasetField>): DatasetField => ({
  name: 'bz',
  title: '备注',
  type: 'string',
  sensitivity: 'medium',
  key: false,
  ...over,
});

describe('fieldMasker', () => {
  it('masks by the field’s catalog type where its name and title say nothing', () => {
    const id = '330106199001011234';
    expect(fieldMasker(field({ personalType: 'resident_id' }), 'L3')(id)).toBe('330106********1234');
    expect(fieldMasker(field({}), 'L3')(id)).toBe('*'.repeat(18));
    // Core data (L4) is not opened, whatever its type.
    expect(fieldMasker(field({ personalType: 'resident_id' }), 'L4')(id)).toBeNull();
  });

  it('tries the catalog type before the header hints, and the hints after it', () => {
    // 联系电话 hints mobile first; the officer declared landline, which a mobile number does not fit.
    const phone = field({ name: 'lxdh', title: '联系电话', sensitivity: 'low', personalType: 'landline' });
    expect(fieldMasker(phone, 'L2')('0571-87001234')).toBe('0571-******34');
    expect(fieldMasker(phone, 'L2')('13812345678')).toBe('138****5678');
    // A declared type wins over what the title suggests: 姓名 hints a name, the column holds IDs.
    const mislabelled = field({ name: 'xm', title: '姓名', personalType: 'resident_id' });
    expect(fieldMasker(mislabelled, 'L3')('33010619900101123X')).toBe('330106********123X');
  });

  it('masks whole rows by each field’s type', () => {
    const row = maskRow([field({ name: 'zjhm', title: '证件', personalType: 'resident_id' })], 'L2');
    expect(row({ zjhm: '110105194912310021', other: 'x' })).toEqual({
      zjhm: '110105********0021',
      other: 'x',
    });
  });
});
