import { CreateDatasetBody } from '@shuzhi/contracts';
import { describe, expect, it } from 'vitest';
import { autoMapping } from '../../modules/ingest/index.ts';
import { cityDepartments } from '../../modules/orgs/index.ts';
import { loadDivisions } from '../divisions.ts';
import { DEMO_DATASETS, DEMO_ELEMENTS } from './index.ts';

const byCode = new Map(DEMO_DATASETS.map((d) => [d.entry.code, d]));

describe('demo dataset definitions', () => {
  it('are about fifty, with unique codes, each a valid catalog entry', () => {
    expect(DEMO_DATASETS.length).toBeGreaterThanOrEqual(45);
    expect(byCode.size).toBe(DEMO_DATASETS.length);
    for (const d of DEMO_DATASETS) {
      const parsed = CreateDatasetBody.safeParse(d.entry);
      expect(parsed.success, `${d.entry.code}: ${parsed.error?.message}`).toBe(true);
      expect(d.entry.description.length, d.entry.code).toBeGreaterThan(10);
      expect(d.entry.contact.name, d.entry.code).not.toBe('');
      expect(Object.keys(d.rows).length, `${d.entry.code} has no row source`).toBeGreaterThan(0);
    }
  });

  it('belong to seeded organisations', () => {
    const departments = new Set(cityDepartments.map((d) => d.key));
    const districts = new Set(loadDivisions().districts.map((d) => d.code));
    for (const d of DEMO_DATASETS) {
      if ('department' in d.owner) expect(departments.has(d.owner.department), d.entry.code).toBe(true);
      else expect(districts.has(d.owner.district), d.entry.code).toBe(true);
    }
    // Every city department except the platform itself publishes something.
    const owning = new Set(
      DEMO_DATASETS.flatMap((d) => ('department' in d.owner ? [d.owner.department] : [])),
    );
    expect(owning.size).toBeGreaterThanOrEqual(cityDepartments.length);
  });

  it('name only their own fields in keys, defects, conflicts and record numbers', () => {
    for (const d of DEMO_DATASETS) {
      const names = new Set(d.entry.fields.map((f) => f.name));
      const c = d.entry.code;
      expect(
        d.entry.fields.some((f) => f.key),
        c,
      ).toBe(true);
      const named = [
        d.defects?.key,
        ...(d.defects?.missingFields ?? []),
        ...Object.keys(d.defects?.checksumFields ?? {}),
        d.defects?.staleField,
        d.conflict?.key,
        d.conflict?.field,
        d.serial?.field,
      ].filter((x): x is string => x !== undefined);
      for (const n of named) expect(names.has(n), `${c}.${n}`).toBe(true);
      // Missing keys would be rejected on load: only non-key fields are blanked.
      for (const n of d.defects?.missingFields ?? [])
        expect(d.entry.fields.find((f) => f.name === n)?.key, `${c}.${n}`).toBe(false);
      if (d.defects?.staleField)
        expect(d.entry.fields.find((f) => f.name === d.defects?.staleField)?.type).toBe('datetime');
    }
  });

  it('write column titles that the import maps back onto their fields', () => {
    for (const d of DEMO_DATASETS) {
      const titles = d.entry.fields.map((f) => f.title);
      expect(new Set(titles).size, d.entry.code).toBe(titles.length);
      const mapping = autoMapping(titles, d.entry.fields);
      expect(Object.values(mapping), d.entry.code).toEqual(d.entry.fields.map((f) => f.name));
    }
  });

  it('open some datasets to the public, with nothing personal in them', () => {
    const open = DEMO_DATASETS.filter((d) => d.entry.openType === 'unconditional');
    expect(open.length).toBeGreaterThanOrEqual(15);
    for (const d of open) {
      expect(d.entry.level, d.entry.code).toBe('L1');
      expect(d.entry.shareType, d.entry.code).toBe('unconditional');
      for (const f of d.entry.fields) expect(f.sensitivity, `${d.entry.code}.${f.name}`).toBe('none');
    }
    // Personal datasets are never open.
    for (const d of DEMO_DATASETS.filter((x) => x.entry.fields.some((f) => f.sensitivity !== 'none')))
      expect(d.entry.openType, d.entry.code).toBe('none');
  });

  it('declare data elements on fields that carry them, bound by a single subject key', () => {
    expect(DEMO_ELEMENTS.map((e) => e.code)).toEqual(
      expect.arrayContaining(['MARITAL_STATUS', 'ENTERPRISE_NAME', 'HUKOU_ADDRESS']),
    );
    for (const e of DEMO_ELEMENTS) {
      const auth = byCode.get(e.dataset);
      expect(auth, e.code).toBeDefined();
      expect(auth?.entry.fields.find((f) => f.name === e.field)?.element, e.code).toBe(e.code);
      for (const b of e.bindings) {
        const bound = byCode.get(b.dataset);
        const keys = bound?.entry.fields.filter((f) => f.key).map((f) => f.name);
        expect(keys, `${e.code} → ${b.dataset}`).toEqual([b.keyField]);
        expect(bound?.entry.fields.find((f) => f.name === b.valueField)?.element).toBe(e.code);
      }
    }
  });
});
