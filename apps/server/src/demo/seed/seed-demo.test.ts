import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/harness.ts';
import { DEMO_DATASETS, DEMO_ELEMENTS } from '../datasets/index.ts';
import { ownerCode } from './publish.ts';
import { type DemoSeedReport, seedDemo } from './seed-demo.ts';

const PERSONS = 1_000;

const tableRows = async (t: TestContext, code: string) =>
  Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.raw(`data."${code}"`)}`.execute(
        t.services.db,
      )
    ).rows[0]?.n,
  );

const importsOf = async (t: TestContext, code: string) => {
  const id = (await t.services.catalog.findDatasetIdByCode(code)) as string;
  return (await t.services.ingest.listImports(systemActor, id, { limit: 100 })).items;
};

describe('seeding the demo city through the real services', () => {
  let t: TestContext;
  let report: DemoSeedReport;
  const phases = new Set<string>();

  beforeAll(async () => {
    t = await createTestContext();
    report = await seedDemo(t.services, {
      scale: 'small',
      persons: PERSONS,
      onProgress: (p) => {
        phases.add(p.phase);
      },
    });
  }, 240_000);
  afterAll(() => t.close());

  it('publishes every dataset under its department and loads every generated row or rejects it', async () => {
    expect(report.status).toBe('seeded');
    expect([...phases]).toEqual(['catalog', 'generate', 'import']);
    expect(report.datasets.map((d) => d.code)).toEqual(DEMO_DATASETS.map((d) => d.entry.code));
    for (const d of DEMO_DATASETS) {
      const code = d.entry.code;
      const id = (await t.services.catalog.findDatasetIdByCode(code)) as string;
      const ds = await t.services.catalog.findDatasetById(id);
      const owner = await t.services.orgs.findOrgByCode(ownerCode(d.owner));
      expect(ds?.status, code).toBe('published');
      expect(ds?.ownerOrgId, code).toBe(owner?.id);
      expect(ds?.fields, code).toEqual(d.entry.fields);
      const r = report.datasets.find((x) => x.code === code);
      expect((r?.loaded ?? 0) + (r?.rejected ?? 0), code).toBe(r?.generated);
      // Appending into an empty table: every loaded row is in it.
      expect(await tableRows(t, code), code).toBe(r?.loaded);
    }
    const generated = report.datasets.reduce((a, d) => a + d.generated, 0);
    expect(generated).toBeGreaterThan(PERSONS * 5);
  });

  it('rejects injected duplicate keys at the import, as a department upload would be', async () => {
    const hukou = report.datasets.find((d) => d.code === 'GA-RK-001');
    expect(hukou?.generated).toBe(PERSONS + (hukou?.defects.duplicate ?? 0));
    // Where the defect log's key is the table's only key, each injected duplicate is one reject.
    let duplicates = 0;
    for (const d of DEMO_DATASETS) {
      const keys = d.entry.fields.filter((f) => f.key).map((f) => f.name);
      if (d.serial || !d.defects || keys.join() !== d.defects.key) continue;
      const r = report.datasets.find((x) => x.code === d.entry.code);
      expect(r?.rejected, d.entry.code).toBe(r?.defects.duplicate ?? 0);
      duplicates += r?.defects.duplicate ?? 0;
    }
    expect(duplicates).toBeGreaterThan(0);
    const [imp] = await importsOf(t, 'GA-RK-001');
    if ((hukou?.rejected ?? 0) > 0) {
      const rejects = await t.services.ingest.listRejects(
        systemActor,
        imp?.id as string,
        { limit: 100 },
        'en',
      );
      expect(rejects.items.map((r) => r.code)).toEqual(rejects.items.map(() => 'duplicate_key'));
    }
    // Registers with record numbers keep a duplicate as a second record of the same facts (重复登记).
    for (const d of DEMO_DATASETS.filter((x) => x.serial))
      expect(report.datasets.find((x) => x.code === d.entry.code)?.rejected, d.entry.code).toBe(0);
  });

  it('declares the data elements with their authoritative datasets and bindings', async () => {
    const { items } = await t.services.catalog.elements.listElements(systemActor);
    for (const e of DEMO_ELEMENTS) {
      const el = items.find((x) => x.code === e.code);
      expect(el?.authoritativeDatasetId, e.code).toBe(
        await t.services.catalog.findDatasetIdByCode(e.dataset),
      );
      expect(el?.fieldName).toBe(e.field);
      expect(el?.bindings.map((b) => b.datasetCode).sort()).toEqual(e.bindings.map((b) => b.dataset).sort());
    }
  });

  it('does nothing on a second run, and refuses a different city in the same database', async () => {
    const before = await importsOf(t, 'GA-RK-001');
    const again = await seedDemo(t.services, { scale: 'small', persons: PERSONS });
    expect(again.status).toBe('already-seeded');
    expect(again.datasets).toEqual(report.datasets);
    expect(await importsOf(t, 'GA-RK-001')).toEqual(before);
    await expect(seedDemo(t.services, { scale: 'small', persons: PERSONS + 1 })).rejects.toMatchObject({
      code: 'demo_seeded_other',
    });
  }, 60_000);
});

describe('an interrupted seeding', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('resumes with the unfinished datasets only', async () => {
    const cut = 1;
    await expect(
      seedDemo(t.services, {
        scale: 'small',
        persons: 200,
        onProgress: (p) => {
          if (p.phase === 'import' && p.datasetsDone === cut) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const interrupted = DEMO_DATASETS[cut]?.entry.code as string;
    expect((await importsOf(t, interrupted)).map((i) => i.status)).toEqual(['failed']);

    // A crash leaves files behind in the working folder; the next run clears them.
    const workDir = mkdtempSync(join(tmpdir(), 'shuzhi-demo-work-'));
    writeFileSync(join(workDir, 'GA-RK-001.csv'), 'left over');
    const r = await seedDemo(t.services, { scale: 'small', persons: 200, workDir });
    expect(existsSync(workDir)).toBe(false);
    expect(r.status).toBe('seeded');
    expect(r.datasets).toHaveLength(DEMO_DATASETS.length);
    for (const d of DEMO_DATASETS.slice(0, cut)) expect(await importsOf(t, d.entry.code)).toHaveLength(1);
    // The interrupted load is redone in replace mode, so its half-loaded rows are not kept twice.
    const redo = await importsOf(t, interrupted);
    expect(redo.map((i) => [i.mode, i.status])).toEqual([
      ['replace', 'succeeded'],
      ['append', 'failed'],
    ]);
    const row = r.datasets.find((d) => d.code === interrupted);
    expect((row?.loaded ?? 0) + (row?.rejected ?? 0)).toBe(row?.generated);
  }, 240_000);
});
